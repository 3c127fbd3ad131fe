/**
 * `npm start`: validate the environment, open the database (PGlite under DATA_DIR, or DATABASE_URL),
 * migrate, seed on the first start, then serve the API and the web app.
 */

import { join } from 'node:path';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/client';
import { migrateToLatest } from './db/migrate';
import { seedOnFirstStart } from './db/seed';
import { scheduleDailyJobs } from './jobs';
import { mailTransportFor } from './lib/mail';
import { findEscoRelease, importEsco } from './modules/talent/esco/importer';

async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(`Nhân Lực cannot start: ${e.message}`);
      process.exit(78);
    }
    throw e;
  }
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: join(config.DATA_DIR, 'db') });
  const applied = await migrateToLatest(database.db);

  const logLine = (m: string) => console.log(m);
  const mail = mailTransportFor(config, (m) => logLine(`✉  ${m}`));
  const { app, ctx } = await buildApp({ config, database, mail });
  const seed = await seedOnFirstStart(ctx);
  const esco =
    seed.seededNow && config.SEED_DEMO && config.ESCO_DIR ? findEscoRelease(config.ESCO_DIR) : null;
  if (esco) {
    const r = await importEsco(database.db, esco);
    console.log(
      `  ESCO: ${r.skills} skills and ${r.occupations} occupations imported from ${config.ESCO_DIR}`,
    );
  }

  const stopJobs = scheduleDailyJobs(ctx);
  const close = async () => {
    stopJobs();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', close);
  process.on('SIGTERM', close);

  await app.listen({ host: config.HOST, port: config.PORT });
  const where = database.kind === 'pg' ? 'PostgreSQL server' : `embedded PGlite in ${database.dataDir}`;
  logLine(`\nNhân Lực is running at ${config.APP_URL}  (database: ${where})`);
  if (applied.length) logLine(`  migrations applied: ${applied.join(', ')}`);
  logLine(
    seed.seededNow ? '  first start: reference and demo data seeded' : '  existing data kept (no re-seed)',
  );
  if (seed.demoAccounts.length) {
    logLine('  demo accounts (password for all: see below):');
    for (const a of seed.demoAccounts) logLine(`    ${a.role.padEnd(16)} ${a.email}`);
    logLine(`    password: ${seed.demoAccounts[0]?.password}`);
  }
  logLine(`  API documentation: ${config.APP_URL}/api/docs\n`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
