/**
 * Servers the HTTP bench runs in its own process: a bare Fastify hello-world (the baseline: what this
 * machine and Node can do at all) and the real app over a migrated, demo-seeded PGlite database in a
 * temporary folder — PGlite runs inside the app's process in production too, so this is the real thing.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { openDatabase } from '../../server/db/client';
import { migrateToLatest } from '../../server/db/migrate';
import { seedOnFirstStart } from '../../server/db/seed';
import { MemoryMailTransport } from '../../server/lib/mail';

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';

export async function startHelloServer(): Promise<RunningServer> {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ hello: 'world' }));
  await app.listen({ host: HOST, port: 0 });
  const { port } = app.server.address() as { port: number };
  return { url: `http://${HOST}:${port}`, close: () => app.close() };
}

export async function startAppServer(): Promise<RunningServer & { demoAccounts: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nhanluc-bench-'));
  const config = loadConfig({
    NODE_ENV: 'production',
    CREDENTIAL_SECRET: randomBytes(32).toString('base64'),
    PERSONAL_DATA_SECRET: randomBytes(32).toString('base64'),
    HOST,
    PORT: '0',
    APP_URL: `http://${HOST}`,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'true',
  });
  const database = await openDatabase({ dataDir: join(dataDir, 'db') });
  try {
    await migrateToLatest(database.db);
    const { app, ctx } = await buildApp({ config, database, mail: new MemoryMailTransport(), webDir: null });
    const seed = await seedOnFirstStart(ctx);
    await app.listen({ host: HOST, port: 0 });
    const { port } = app.server.address() as { port: number };
    return {
      url: `http://${HOST}:${port}`,
      demoAccounts: seed.demoAccounts.length,
      close: async () => {
        await app.close();
        await database.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
}
