import { defineConfig } from 'vitest/config';

// With NHANLUC_TEST_DB=pg the suite's database tests run again on the PostgreSQL server;
// pure unit tests (text, web formatting, bench helpers) need no second run.
const onPg = process.env.NHANLUC_TEST_DB === 'pg';

export default defineConfig({
  test: {
    include: onPg
      ? ['server/**/*.test.ts', 'cli/**/*.test.ts']
      : [
          'common/**/*.test.ts',
          'server/**/*.test.ts',
          'cli/**/*.test.ts',
          'web/**/*.test.ts',
          'bench/**/*.test.ts',
        ],
    setupFiles: ['server/test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Files share their worker's modules (each still builds its own app and database): importing the
    // server and compiling PGlite once per worker instead of once per file halves the suite's time.
    // Module state that tests change (the quizzes clock) is reset after each test.
    isolate: false,
    // Two cores: PGlite instances are memory-hungry and single-threaded, so keep files from piling up.
    maxWorkers: 2,
  },
});
