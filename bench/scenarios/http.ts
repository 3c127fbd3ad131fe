/**
 * HTTP throughput: the organisations list of the real app against a bare Fastify hello-world on the
 * same machine, same connections, same duration. The ratio says how much of the machine's raw HTTP
 * capacity survives the app's pipeline (session, CSRF, validation, a PGlite query, serialisation).
 *
 * Honesty: the servers run in this process one after the other; autocannon runs in a forked child
 * process (lib/load.ts), so on two cores the server and the load generator each have one.
 */
import { figure } from '../lib/figure';
import { type LoadResult, runLoad } from '../lib/load';
import type { Scenario, ScenarioContext } from '../lib/scenario';
import { type RunningServer, startAppServer, startHelloServer } from '../lib/servers';

const CONNECTIONS = 50;
const ORGANISATIONS_PATH = '/api/organisations?page=1&pageSize=20';

async function measure(
  ctx: ScenarioContext,
  label: string,
  server: RunningServer,
  path: string,
): Promise<LoadResult> {
  const { durationSeconds, warmupSeconds } = ctx.options;
  ctx.log(
    `${label}: ${warmupSeconds} s warm-up + ${durationSeconds} s at ${CONNECTIONS} connections on ${path}`,
  );
  const r = await runLoad({
    url: server.url + path,
    connections: CONNECTIONS,
    durationSeconds,
    warmupSeconds,
  });
  ctx.log(
    `${label}: ${Math.round(r.rps)} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, ${r.requests} requests`,
  );
  // Throughput of error responses would flatter the app: any failure makes the run worthless.
  if (r.non2xx || r.errors || r.timeouts) {
    throw new Error(`${label}: ${r.non2xx} non-2xx responses, ${r.errors} errors, ${r.timeouts} timeouts`);
  }
  return r;
}

async function withServer<T>(
  start: () => Promise<RunningServer>,
  use: (s: RunningServer) => Promise<T>,
): Promise<T> {
  const server = await start();
  try {
    return await use(server);
  } finally {
    await server.close();
  }
}

export const httpScenario: Scenario = {
  prefix: 'http.',
  description: `req/s and p99 at ${CONNECTIONS} connections: GET ${ORGANISATIONS_PATH} vs a bare Fastify hello-world`,
  async run(ctx) {
    const hello = await withServer(startHelloServer, (s) => measure(ctx, 'hello', s, '/'));

    ctx.log('app: migrating and seeding demo data into a temporary PGlite folder');
    const organisations = await withServer(startAppServer, async (s) => {
      const res = await fetch(s.url + ORGANISATIONS_PATH);
      const body = (await res.json()) as { items?: unknown[] };
      if (res.status !== 200 || !Array.isArray(body.items)) {
        throw new Error(
          `GET ${ORGANISATIONS_PATH} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`,
        );
      }
      if (body.items.length < 20)
        ctx.log(`app: warning — only ${body.items.length} organisations on the page (demo seed)`);
      return measure(ctx, 'organisations', s, ORGANISATIONS_PATH);
    });

    return [
      figure({ name: 'http.hello.rps', value: hello.rps, unit: 'req/s' }),
      figure({
        name: 'http.organisations.rps',
        value: organisations.rps,
        unit: 'req/s',
        baseline: hello.rps,
      }),
      figure({
        name: 'http.organisations.rps_ratio',
        value: organisations.rps / hello.rps,
        unit: 'ratio',
        goal: { op: '>=', target: 0.4 },
      }),
      figure({
        name: 'http.organisations.p99_ms',
        value: organisations.p99Ms,
        unit: 'ms',
        goal: { op: '<', target: 50 },
      }),
    ];
  },
};
