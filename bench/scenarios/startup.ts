/**
 * Start-up time of the server process on an existing data folder: from spawning
 * `node --import tsx server/main.ts` to the first 200 OK of /readyz (polled every 25 ms).
 *
 * This is `npm start` without its `vite build` step — a build is not a start, and it belongs to deploys.
 * The first start on an empty folder (migrations, reference and demo seed) is reported separately for
 * information. "Cold" means a new process; the OS file cache and tsx's transform cache are warm, as
 * they are on any restart of a deployed server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { figure } from '../lib/figure';
import type { Scenario } from '../lib/scenario';
import { startServerProcess } from '../lib/server-process';
import { median } from '../lib/stats';

const RUNS = 3;

export const startupScenario: Scenario = {
  prefix: 'startup.',
  description: `server process spawn → first 200 of /readyz on an existing PGlite folder, median of ${RUNS}`,
  async run(ctx) {
    const dataDir = mkdtempSync(join(tmpdir(), 'nhanluc-bench-start-'));
    // Development defaults, as `npm start` without an environment: demo data is seeded on first start.
    const env = { DATA_DIR: dataDir, NODE_ENV: 'development' };
    try {
      ctx.log('first start on an empty data folder (migrate + seed)');
      const first = await startServerProcess({ env });
      await first.stop();
      ctx.log(`first start: ready after ${Math.round(first.readyAfterMs)} ms`);

      const samples: number[] = [];
      for (let i = 1; i <= RUNS; i++) {
        const server = await startServerProcess({ env });
        samples.push(server.readyAfterMs);
        await server.stop();
        ctx.log(`start ${i}/${RUNS}: ready after ${Math.round(server.readyAfterMs)} ms`);
      }
      return [
        figure({
          name: 'startup.cold_start_ms',
          value: median(samples),
          unit: 'ms',
          goal: { op: '<', target: 5000 },
        }),
        figure({ name: 'startup.first_start_ms', value: first.readyAfterMs, unit: 'ms' }),
      ];
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
