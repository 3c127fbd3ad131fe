import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../server/db/client';
import { buildData, importCsv, pgDatabase, prepare } from './scenarios/registry-import';

const which = process.argv[2] ?? 'pglite';
const data = buildData();
const db = which === 'pg' ? await pgDatabase() : await openDatabase({ dataDir: join(mkdtempSync(join(tmpdir(), 'p-')), 'db') });
if (!db) throw new Error('no db');
const org = await prepare(db);
await importCsv(db, org, data.existingCsv);
console.log('--- roster');
(globalThis as any).__prof = true;
const r = await importCsv(db, org, data.rosterCsv);
console.log(which, r.seconds.toFixed(2), 's', Math.round(r.rowsPerSecond), 'rows/s', r.counts);
await db.close();
if ('drop' in db) await (db as any).drop();
