import { Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockingKeys } from '../../modules/registry/match';
import { candidatesByKeys } from '../../modules/registry/repo';
import { createEmptyTestDatabase, type TestDatabase } from '../../test/db';
import { migrateToLatest, migrations } from '../migrate';

let database: TestDatabase;
beforeAll(async () => {
  database = await createEmptyTestDatabase();
});
afterAll(() => database.drop());

describe('migration 0008: match keys in people', () => {
  it('gives existing people their name halves, drops the keys table, and finds a merged record’s survivor', async () => {
    const db = database.db;
    const migrator = new Migrator({
      db,
      provider: { getMigrations: async () => migrations },
      migrationTableName: 'schema_migration',
    });
    const before = await migrator.migrateTo('0007_person_keys');
    expect(before.error).toBeUndefined();
    const people = [
      { name: 'Nguyễn Thị Lan', dob: '1998-07-15', phone: '+84912345678' },
      { name: 'NGUYEN THI LAN', dob: '1998-07-15', phone: '+84987654321' },
      { name: 'Trần Văn Minh', dob: null, phone: null },
    ];
    const ids: string[] = [];
    for (const p of people) {
      const { rows } = await sql<{ id: string }>`
        insert into people (full_name, full_name_folded, date_of_birth, phone)
        values (${p.name}, ${p.name.toLowerCase()}, ${p.dob}, ${p.phone}) returning id`.execute(db);
      ids.push(rows[0]!.id);
    }
    // The second record was merged into the first; the old table held the keys.
    await sql`update people set merged_into = ${ids[0]}::uuid where id = ${ids[1]}::uuid`.execute(db);
    await sql`insert into person_keys (key, person_id) values ('p:+84912345678', ${ids[0]}::uuid)`.execute(
      db,
    );

    await migrateToLatest(db);
    const { rows } = await sql<{ id: string; name_family: string | null; name_initials: string | null }>`
      select id, name_family, name_initials from people order by full_name`.execute(db);
    expect(rows).toEqual([
      { id: ids[1], name_family: 'nguyen', name_initials: 'lnt' },
      { id: ids[0], name_family: 'nguyen', name_initials: 'lnt' },
      { id: ids[2], name_family: 'tran', name_initials: 'mtv' },
    ]);
    const { rows: tables } = await sql<{ n: number }>`
      select count(*)::int as n from information_schema.tables where table_name = 'person_keys'`.execute(db);
    expect(tables[0]!.n).toBe(0);

    // The merged record's phone, or the date and name, lead to the survivor only.
    for (const keys of [
      ['p:+84987654321'],
      blockingKeys({ fullName: 'Nguyen Thi Lan', dateOfBirth: '1998-07-15' }),
    ]) {
      const found = await candidatesByKeys(db, keys, 50);
      expect(new Set(found.map((c) => c.id))).toEqual(new Set([ids[0]]));
    }
  });
});
