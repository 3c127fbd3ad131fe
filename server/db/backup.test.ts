import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import type { AppContext } from '../lib/context';
import { MemoryMailTransport } from '../lib/mail';
import { MemoryFileStorage } from '../lib/storage';
import { insertAudit } from '../modules/audit/repo';
import { hashPassword } from '../modules/identity/password';
import { findUserByEmail, insertResetToken, insertUser } from '../modules/identity/repo';
import { createTestDatabase, type TestDatabase, testDbKind } from '../test/db';
import {
  BackupError,
  backupTo,
  readBackupHeader,
  restoreFrom,
  snapshotTables,
  tableRowCounts,
} from './backup';
import { type Database, openDatabase } from './client';
import { migrateToLatest } from './migrate';
import type { DB } from './schema';
import { seedDemo } from './seed/demo';
import { seedPrograms } from './seed/programs';
import { seedReference } from './seed/reference';

const UNICODE_NAME = 'Nguyễn Thị Ánh Tuyết — 田中 ゆう子 🌾';
/** More than one page (5,000 rows) of the backup's reader. */
const AUDIT_ROWS = 6_000;

function contextFor(database: Database): AppContext {
  return {
    database,
    db: database.db,
    config: loadConfig({ NODE_ENV: 'test', DATA_DIR: './tmp/test' }),
    mail: new MemoryMailTransport(),
    storage: new MemoryFileStorage(),
    log: { info: () => {}, warn: () => {}, error: () => {} },
  };
}

/** Rows every column type of the schema can hold, in shapes that are easy to lose on the way. */
async function addTrickyRows(db: Kysely<DB>) {
  const user = await insertUser(db, {
    email: 'tuyet@example.vn',
    passwordHash: await hashPassword('Mật-khẩu-dài-2026'),
    displayName: UNICODE_NAME,
    locale: 'ja',
  });
  // Microseconds and a non-UTC offset: both must survive.
  await db
    .updateTable('users')
    .set({ locked_until: sql<Date>`'2026-03-01 10:11:12.123456+07'::timestamptz` })
    .where('id', '=', user.id)
    .execute();
  // A timestamp with no ISO spelling.
  await insertResetToken(db, { tokenHash: 'tok', userId: user.id, expiresAt: new Date() });
  await db
    .updateTable('password_reset_tokens')
    .set({ expires_at: sql<Date>`'infinity'::timestamptz` })
    .execute();
  await insertAudit(db, {
    actorUserId: user.id,
    action: 'test.tricky',
    entityType: 'user',
    entityId: user.id,
    details: {
      list: [1, 2.5, { x: 'ồ ạ' }],
      nested: { none: null, yes: true },
      quote: 'a "b" \\ c\nd',
      emoji: '🌾',
    },
    ip: '2001:db8::1',
  });
  // Enough rows to take several pages of the reader.
  for (let start = 0; start < AUDIT_ROWS; start += 2000) {
    await db
      .insertInto('audit_log')
      .values(
        Array.from({ length: 2000 }, (_, i) => ({
          actor_user_id: null,
          action: 'test.bulk',
          entity_type: 'bench',
          entity_id: String(start + i),
          details: JSON.stringify({ n: start + i }),
        })),
      )
      .execute();
  }
  const org = await db
    .selectFrom('organisations')
    .select('id')
    .where('slug', '=', 'demo-hoc-vien-ky-nang-so-mekong')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('files')
    .values({
      organisation_id: org.id,
      storage_key: 'files/roster.xlsx',
      filename: 'Danh sách học viên.xlsx',
      content_type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      size_bytes: 2 ** 40,
      sha256: 'ab'.repeat(32),
    })
    .execute();
  const person = await db
    .insertInto('people')
    .values({
      full_name: UNICODE_NAME,
      full_name_folded: 'nguyen thi anh tuyet',
      sex: 'F',
      date_of_birth: '1999-12-31',
      province_code: '92',
      user_id: user.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const course = await db
    .insertInto('courses')
    .values({
      organisation_id: org.id,
      slug: 'iot-nong-nghiep',
      teaching_language: 'vi',
      title: 'IoT cho nông nghiệp',
      translations: JSON.stringify({ en: { title: 'IoT for farming' } }),
      search_folded: 'iot cho nong nghiep',
      topic: 'iot_embedded',
      level: 'beginner',
      duration_hours: 24,
      delivery_mode: 'blended',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const cohorts = await db
    .insertInto('cohorts')
    .values(
      Array.from({ length: 6 }, (_, i) => ({
        course_id: course.id,
        organisation_id: org.id,
        code: `K${i + 1}`,
        name: `Khoá ${i + 1}`,
        starts_on: `2026-02-0${i + 1}`,
      })),
    )
    .returning('id')
    .execute();
  const enrolments = await db
    .insertInto('enrolments')
    .values(
      cohorts.map((c) => ({
        cohort_id: c.id,
        person_id: person.id,
        status: 'transferred' as const,
        source: 'admin' as const,
      })),
    )
    .returning('id')
    .execute();
  // Each enrolment points at the next, so whatever the key order some point forward to rows not yet restored.
  const ids = enrolments.map((e) => e.id);
  for (let i = 0; i < ids.length - 1; i++) {
    await db
      .updateTable('enrolments')
      .set({ transferred_to: ids[i + 1]! })
      .where('id', '=', ids[i]!)
      .execute();
  }
}

const gunzipText = (file: string) => gunzipSync(readFileSync(file)).toString('utf8');

describe('backup and restore', () => {
  let dir: string;
  let source: Database;
  let target: TestDatabase;
  let file: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'nhanluc-backup-'));
    file = join(dir, 'backup.jsonl.gz');
    // The source is always PGlite: with NHANLUC_TEST_DB=pg the target is PostgreSQL, proving a backup
    // taken on the embedded database restores on a server.
    source = await openDatabase({ dataDir: 'memory://' });
    await migrateToLatest(source.db);
    await seedReference(source.db);
    await seedDemo(contextFor(source));
    await seedPrograms(source.db, { demo: true });
    await addTrickyRows(source.db);
    await backupTo(source.db, file);
    target = await createTestDatabase();
  });

  afterAll(async () => {
    await source?.close();
    await target?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a header with the format, the time and the migrations, then rows, then an end marker', async () => {
    const header = await readBackupHeader(file);
    expect(header.format).toBe('nhanluc-backup');
    expect(header.version).toBe(1);
    expect(Date.parse(header.created_at)).not.toBeNaN();
    expect(header.migrations).toContain('0001_foundation');
    expect(header.tables.indexOf('users')).toBeLessThan(header.tables.indexOf('role_grants'));
    const lines = gunzipText(file).trimEnd().split('\n');
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ end: true, counts: { audit_log: AUDIT_ROWS + 2 } });
    const migrationRows = lines.map((l) => JSON.parse(l)).filter((l) => l.table === 'schema_migration');
    expect(migrationRows.map((l) => l.row.name)).toEqual(header.migrations);
  });

  it(`restores into a fresh ${testDbKind} database with every row of every table equal`, async () => {
    const result = await restoreFrom(target.db, file);
    expect(result.counts.audit_log).toBe(AUDIT_ROWS + 2);
    expect(result.counts.users).toBeGreaterThan(50);

    // Counted independently of the backup's own reader, so a reader that skipped or repeated rows shows.
    expect(await tableRowCounts(target.db)).toEqual(await tableRowCounts(source.db));
    const before = await snapshotTables(source.db);
    const after = await snapshotTables(target.db);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const table of Object.keys(before))
      expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });

    // The same values as the application reads them, through the driver.
    const user = await findUserByEmail(target.db, 'tuyet@example.vn');
    expect(user?.display_name).toBe(UNICODE_NAME);
    const exact = await sql<{ t: string }>`
      select to_char(locked_until at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') as t from users where email = 'tuyet@example.vn'`.execute(
      target.db,
    );
    expect(exact.rows[0]?.t).toBe('2026-03-01 03:11:12.123456');
    const tricky = await target.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'test.tricky')
      .executeTakeFirstOrThrow();
    expect(tricky.details).toEqual({
      list: [1, 2.5, { x: 'ồ ạ' }],
      nested: { none: null, yes: true },
      quote: 'a "b" \\ c\nd',
      emoji: '🌾',
    });
    const token = await sql<{
      finite: boolean;
    }>`select isfinite(expires_at) as finite from password_reset_tokens`.execute(target.db);
    expect(token.rows).toEqual([{ finite: false }]);
    const fileRow = await target.db.selectFrom('files').select('size_bytes').executeTakeFirstOrThrow();
    expect(Number(fileRow.size_bytes)).toBe(2 ** 40);
    const transfers = await target.db
      .selectFrom('enrolments')
      .select('transferred_to')
      .where('transferred_to', 'is not', null)
      .execute();
    expect(transfers).toHaveLength(5);
  });

  it('continues the audit log numbering after the restored rows', async () => {
    const max = await target.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('id').as('m'))
      .executeTakeFirstOrThrow();
    await insertAudit(target.db, { actorUserId: null, action: 'test.after_restore', entityType: 'test' });
    const row = await target.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'test.after_restore')
      .executeTakeFirstOrThrow();
    expect(Number(row.id)).toBe(Number(max.m) + 1);
  });

  describe('a bad file changes nothing', () => {
    const text = () => gunzipText(file);
    // Every case below must leave the target exactly as the successful restore left it.
    let restored: Awaited<ReturnType<typeof snapshotTables>>;
    beforeAll(async () => {
      restored = await snapshotTables(target.db);
    });
    const variants: [string, () => Buffer, RegExp][] = [
      [
        'a gzip file cut in half',
        () => readFileSync(file).subarray(0, Math.floor(readFileSync(file).length / 2)),
        /damaged or incomplete/,
      ],
      [
        'a file without its end marker',
        () => gzipSync(text().trimEnd().split('\n').slice(0, -1).join('\n')),
        /incomplete/,
      ],
      [
        'a file cut inside a line',
        () => gzipSync(text().slice(0, Math.floor(text().length * 0.7))),
        /not valid JSON|incomplete/,
      ],
      [
        'a damaged line',
        () => gzipSync(text().replace('"table":"users"', '"table":"users"}{')),
        /line \d+ is not valid JSON/,
      ],
      ['a file that is not gzip', () => Buffer.from('not a backup at all'), /damaged or incomplete/],
      ['gzip of something else', () => gzipSync('{"hello":"world"}\n'), /not a Nhân Lực backup/],
      ['an empty file', () => Buffer.alloc(0), /empty|damaged/],
      [
        'rows missing against the end marker',
        () =>
          gzipSync(
            text()
              .split('\n')
              .filter((l) => !l.includes('"entity_id":"42"'))
              .join('\n'),
          ),
        /audit_log should have \d+ rows, the file holds \d+/,
      ],
    ];

    for (const [what, make, message] of variants) {
      it(`refuses ${what}`, async () => {
        const bad = join(dir, 'bad.jsonl.gz');
        writeFileSync(bad, make());
        const error = await restoreFrom(target.db, bad).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(BackupError);
        expect((error as Error).message).toMatch(message);
        expect(await snapshotTables(target.db)).toEqual(restored);
      });
    }

    it('rolls back everything when an insert fails half-way', async () => {
      // A duplicated row passes every check of the file but breaks a primary key in the database,
      // after the tables were already emptied inside the transaction.
      const lines = text().trimEnd().split('\n');
      const grant = lines.find((l) => l.startsWith('{"table":"role_grants"'))!;
      const end = JSON.parse(lines.at(-1)!);
      end.counts.role_grants += 1;
      const bad = join(dir, 'duplicate.jsonl.gz');
      writeFileSync(bad, gzipSync([...lines.slice(0, -1), grant, JSON.stringify(end)].join('\n')));
      await expect(restoreFrom(target.db, bad)).rejects.toThrow();
      expect(await snapshotTables(target.db)).toEqual(restored);
    });

    it('refuses a backup taken by newer code', async () => {
      const lines = text().trimEnd().split('\n');
      const header = JSON.parse(lines[0]!);
      header.migrations.push('9999_from_the_future');
      const bad = join(dir, 'future.jsonl.gz');
      writeFileSync(bad, gzipSync([JSON.stringify(header), ...lines.slice(1)].join('\n')));
      await expect(restoreFrom(target.db, bad)).rejects.toThrow(/newer version.*9999_from_the_future/);
      expect(await snapshotTables(target.db)).toEqual(restored);
    });

    it('says so when the file does not exist', async () => {
      await expect(restoreFrom(target.db, join(dir, 'nope.jsonl.gz'))).rejects.toThrow(
        /backup file not found/,
      );
    });
  });

  it('leaves no partial file when the backup cannot be written', async () => {
    const where = join(dir, 'missing-folder', 'b.jsonl.gz');
    await expect(backupTo(source.db, where)).rejects.toThrow(BackupError);
  });
});
