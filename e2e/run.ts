/**
 * `npm run e2e [-- <name filter>…]`: the real server (built web app from `npm run build`, demo data)
 * driven by Debian's Chromium through playwright-core. One line per test, then `N passed, N failed`.
 *
 * The server runs as a child process on a free port with a fresh temporary DATA_DIR: embedded PGlite,
 * or the PostgreSQL database in E2E_DATABASE_URL (which must be empty: the server migrates and seeds it).
 * Screenshots of every step go to e2e/screenshots/<pglite|pg>/.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { repoRoot, type ServerProcess, startServerProcess } from '../bench/lib/server-process';
import { runTest, type TestOutcome, TestSession } from './lib/harness';
import { tests } from './tests';

const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
/** Stack frames inside node_modules say nothing about the test. */
const tidy = (error: string) =>
  error
    .split('\n')
    .filter((l) => !/^\s+at .*node_modules/.test(l))
    .map((l) => `    ${l}`)
    .join('\n');

async function main(): Promise<number> {
  const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const selected = filters.length ? tests.filter((t) => filters.some((f) => t.name.includes(f))) : tests;
  if (selected.length === 0) {
    console.error(`no test matches ${filters.join(', ')}`);
    return 2;
  }
  if (!existsSync(join(repoRoot, 'dist/web/index.html'))) {
    console.error('dist/web/index.html is missing: run `npm run build` first.');
    return 2;
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`${CHROMIUM} is missing: apt-get install chromium fonts-noto-cjk`);
    return 2;
  }

  const databaseUrl = process.env.E2E_DATABASE_URL ?? '';
  const kind = databaseUrl ? 'pg' : 'pglite';
  const shotsDir = fileURLToPath(new URL(`./screenshots/${kind}/`, import.meta.url));
  rmSync(shotsDir, { recursive: true, force: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'nhanluc-e2e-'));

  let server: ServerProcess | undefined;
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  const outcomes: TestOutcome[] = [];
  try {
    // Production settings, as deployed (with a throw-away secret), plus the demo data the tests log in with.
    server = await startServerProcess({
      env: {
        NODE_ENV: 'production',
        CREDENTIAL_SECRET: randomBytes(32).toString('base64'),
        PERSONAL_DATA_SECRET: randomBytes(32).toString('base64'),
        SEED_DEMO: 'true',
        // The ESCO release, so the occupations pages have their data (production has no default).
        ESCO_DIR: join(repoRoot, '../shared/data/esco'),
        LOG_LEVEL: 'warn',
        DATA_DIR: dataDir,
        DATABASE_URL: databaseUrl,
      },
      readyTimeoutMs: 120_000,
    });
    const where = databaseUrl
      ? `PostgreSQL ${databaseUrl.replace(/\/\/[^@/]*@/, '//…@')}`
      : `PGlite in ${dataDir}`;
    console.log(`e2e: server ready at ${server.url} in ${seconds(server.readyAfterMs)} (${where})`);

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    console.log(`e2e: Chromium ${browser.version()}, ${selected.length} tests\n`);

    for (const test of selected) {
      const outcome = await runTest(test, (name) => new TestSession(browser!, server!.url, shotsDir, name));
      outcomes.push(outcome);
      console.log(`${outcome.ok ? '✓' : '✗'} ${outcome.name} (${seconds(outcome.ms)})`);
      if (outcome.error) console.log(tidy(outcome.error));
    }
  } catch (e) {
    console.error('e2e: could not run the tests:', e);
    return 1;
  } finally {
    await browser?.close().catch(() => undefined);
    const failed = outcomes.some((o) => !o.ok);
    if (server && failed) console.log(`\nlast lines of the server:\n${server.output() || '(nothing)'}`);
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const passed = outcomes.filter((o) => o.ok).length;
  const failed = outcomes.length - passed;
  console.log(`\nscreenshots: ${shotsDir}`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
