import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, createTestApp, type TestApp } from '../../../test/app';
import { countRows } from '../../../test/db';
import {
  EscoFileError,
  type EscoImportReport,
  type EscoProgress,
  findEscoRelease,
  importEsco,
} from './importer';

const CLASSIFICATION = '../shared/data/esco/esco-v1.1.1-classification-en-csv.zip';
const RELATIONS = '../shared/data/esco/esco-v1.1.1-relations-csv.zip';
/** ISCO 8212, the occupation of the semiconductor pathway. */
const SEMICONDUCTOR_PROCESSOR = '140613c4-8c3c-43c5-8525-2f63231c95b0';

let t: TestApp;
let first: EscoImportReport;
const progress: EscoProgress[] = [];

beforeAll(async () => {
  t = await createTestApp();
  first = await importEsco(t.ctx.db, { classification: CLASSIFICATION, relations: RELATIONS }, (p) =>
    progress.push(p),
  );
}, 120_000);
afterAll(() => t.close());

const count = (table: 'esco_skills' | 'esco_occupations' | 'esco_occupation_skills') =>
  countRows(t.ctx.db, table);

describe('ESCO import', () => {
  it('loads the official release: every skill, occupation and occupation–skill link', async () => {
    expect(first).toEqual({
      language: 'en',
      skills: 13_896,
      occupations: 3_007,
      links: { essential: 64_891, optional: 58_897 },
      linksSkipped: 67,
      linksRemoved: 0,
    });
    expect(await count('esco_skills')).toBe(13_896);
    expect(await count('esco_occupations')).toBe(3_007);
    expect(await count('esco_occupation_skills')).toBe(64_891 + 58_897);
    // Progress came for each file, in order, counting up to its rows.
    expect([...new Set(progress.map((p) => p.phase))]).toEqual(['skills', 'occupations', 'relations']);
    expect(progress.filter((p) => p.phase === 'skills').at(-1)?.rows).toBe(13_896);
    const skill = await t.ctx.db
      .selectFrom('esco_skills')
      .selectAll()
      .where('label', '=', 'Haskell')
      .executeTakeFirstOrThrow();
    expect(skill).toMatchObject({ skill_type: 'knowledge', label_folded: 'haskell' });
  });

  it('updates in place when the release comes again, and drops the links it no longer lists', async () => {
    // A link the release does not have, as if an earlier release had it.
    const stray = await sql<{ uri: string }>`select uri from esco_skills where label = 'Haskell'`.execute(
      t.ctx.db,
    );
    await t.ctx.db
      .insertInto('esco_occupation_skills')
      .values({
        occupation_uri: `http://data.europa.eu/esco/occupation/${SEMICONDUCTOR_PROCESSOR}`,
        skill_uri: stray.rows[0]!.uri,
        relation: 'optional',
      })
      .execute();
    await t.ctx.db
      .updateTable('esco_occupations')
      .set({ label: 'renamed' })
      .where('isco_group', '=', '8212')
      .execute();
    const again = await importEsco(t.ctx.db, { classification: CLASSIFICATION, relations: RELATIONS });
    expect(again).toEqual({ ...first, linksRemoved: 1 });
    expect(await count('esco_occupation_skills')).toBe(64_891 + 58_897);
    expect(
      await t.ctx.db.selectFrom('esco_occupations').select('label').where('label', '=', 'renamed').execute(),
    ).toEqual([]);
  }, 120_000);

  it('refuses a file that is not the release, with the reason, and changes nothing', async () => {
    const before = await count('esco_skills');
    await expect(importEsco(t.ctx.db, { classification: RELATIONS, relations: RELATIONS })).rejects.toThrow(
      'is not an ESCO CSV release: it has no skills_en.csv file',
    );
    await expect(
      importEsco(t.ctx.db, { classification: 'package.json', relations: RELATIONS }),
    ).rejects.toBeInstanceOf(EscoFileError);
    expect(await count('esco_skills')).toBe(before);
  });
});

describe('finding the release', () => {
  it('finds the two zips of a release in a folder, and nothing in a folder without them', () => {
    expect(findEscoRelease('../shared/data/esco')).toEqual({
      classification: CLASSIFICATION,
      relations: RELATIONS,
    });
    expect(findEscoRelease('server')).toBeNull();
    expect(findEscoRelease('/no/such/folder')).toBeNull();
  });
});

describe('occupations API', () => {
  const anyone = () => new Browser(t);

  it('finds an occupation by name without accents or case, and by ISCO group, with skill counts', async () => {
    const byName = (await anyone().get('/api/occupations?q=SEMICONDUCTOR%20processor')).json();
    expect(byName.items[0]).toMatchObject({
      id: SEMICONDUCTOR_PROCESSOR,
      label: 'semiconductor processor',
      iscoGroup: '8212',
    });
    expect(byName.items[0].essentialSkills).toBeGreaterThan(5);
    const byIsco = (await anyone().get('/api/occupations?isco=8212&pageSize=100')).json();
    expect(byIsco.total).toBe(byIsco.items.length);
    expect(byIsco.items.every((o: { iscoGroup: string }) => o.iscoGroup === '8212')).toBe(true);
    expect(byIsco.items.map((o: { id: string }) => o.id)).toContain(SEMICONDUCTOR_PROCESSOR);
    const none = (await anyone().get('/api/occupations?q=khong%20co%20nghe%20nay')).json();
    expect(none).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
  });

  it("gives an occupation's profile: its essential and optional skills by name", async () => {
    const res = await anyone().get(`/api/occupations/${SEMICONDUCTOR_PROCESSOR}`);
    expect(res.statusCode).toBe(200);
    const profile = res.json();
    const essential = await t.ctx.db
      .selectFrom('esco_occupation_skills')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('occupation_uri', '=', profile.uri)
      .where('relation', '=', 'essential')
      .executeTakeFirstOrThrow();
    expect(profile.essential).toHaveLength(Number(essential.n));
    expect(profile).toMatchObject({ label: 'semiconductor processor', iscoGroup: '8212' });
    expect(profile.altLabels).toContain('semiconductor manufacturing technician');
    expect(profile.essential.map((s: { label: string }) => s.label)).toEqual(
      [...profile.essential.map((s: { label: string }) => s.label)].sort(),
    );
    expect((await anyone().get('/api/occupations/00000000-0000-0000-0000-000000000000')).statusCode).toBe(
      404,
    );
    expect((await anyone().get('/api/occupations/not-an-id')).json().code).toBe('VALIDATION_FAILED');
  });
});
