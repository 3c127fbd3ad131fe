/**
 * The real server as a child process, the way `npm start` runs it minus the web build:
 * `node --import tsx server/main.ts` in the repository root. Used by the start-up bench and by the
 * end-to-end tests, so both start the server the same way.
 *
 * Every child gets its own process group (detached) and is remembered until it exits: on our own exit,
 * Ctrl-C or SIGTERM the whole group is killed, so no server outlives the bench or the test run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A TCP port that was free a moment ago (the kernel picks it; tiny race accepted). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const live = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

let reaperInstalled = false;
function installReaper() {
  if (reaperInstalled) return;
  reaperInstalled = true;
  process.on('exit', () => {
    for (const child of live) killGroup(child, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const child of live) killGroup(child, 'SIGKILL');
      process.exit(130);
    });
  }
}

export interface ServerProcess {
  url: string;
  port: number;
  pid: number;
  /** Milliseconds from spawning the process to the first 200 OK of /readyz. */
  readyAfterMs: number;
  /** The last lines the server printed (stdout and stderr), for diagnosing a failure. */
  output(): string;
  /** SIGTERM (the server closes its database cleanly), then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions {
  /** Added to the parent's environment; PORT and HOST are set here. */
  env?: Record<string, string>;
  /** Give up waiting for /readyz after this long. */
  readyTimeoutMs?: number;
  /** How often /readyz is polled. */
  pollMs?: number;
  /** Echo the server's output to ours, line by line with a prefix. */
  echo?: boolean;
}

const MAX_OUTPUT_LINES = 200;

export async function startServerProcess(opts: StartOptions = {}): Promise<ServerProcess> {
  installReaper();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const lines: string[] = [];
  const keep = (prefix: string) => (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > MAX_OUTPUT_LINES) lines.shift();
      if (opts.echo) process.stderr.write(`  ${prefix} ${line}\n`);
    }
  };

  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    // An outer DATABASE_URL must not leak in: the caller says which database the server uses.
    env: {
      ...process.env,
      DATABASE_URL: '',
      HOST: '127.0.0.1',
      PORT: String(port),
      APP_URL: url,
      ...opts.env,
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      live.delete(child);
      resolve();
    });
  });
  child.stdout?.on('data', keep('│'));
  child.stderr?.on('data', keep('│!'));

  const output = () => lines.join('\n');
  const stop = async (graceMs = 10_000) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };

  const deadline = started + (opts.readyTimeoutMs ?? 60_000);
  const pollMs = opts.pollMs ?? 25;
  while (true) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `the server exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${output()}`,
      );
    }
    try {
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) {
        return { url, port, pid: child.pid!, readyAfterMs: performance.now() - started, output, stop };
      }
    } catch {
      // Not listening yet.
    }
    if (performance.now() > deadline) {
      await stop(2_000);
      throw new Error(`the server was not ready after ${opts.readyTimeoutMs ?? 60_000} ms:\n${output()}`);
    }
    await sleep(pollMs);
  }
}
