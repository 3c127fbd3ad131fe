import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldVi } from '../../../../common/text';
import type { DB } from '../../../db/schema';
import { Browser, createTestApp, createUser, type TestApp } from '../../../test/app';
import { makeCourse } from '../../enrolment/test-fixtures';
import { insertOrganisation } from '../../organisations/repo';
import { candidatesByKeys, setNameKeys } from '../repo';

let t: TestApp;
let db: Kysely<DB>;
let orgA: string;
let adminA: Browser;

const PASSWORD = 'Hoa-Lạc-2026-học';

/** A roster person (no account) as an import leaves them, with their match keys. */
async function rosterPerson(name: string, email: string, dob: string | null = null) {
  const id = crypto.randomUUID();
  await db
    .insertInto('people')
    .values({ id, full_name: name, full_name_folded: foldVi(name), email, date_of_birth: dob })
    .execute();
  await setNameKeys(db, id, name);
  await db.insertInto('person_organisations').values({ person_id: id, organisation_id: orgA }).execute();
  return id;
}

const register = (email: string, displayName: string) =>
  new Browser(t).post('/api/auth/register', { email, password: PASSWORD, displayName });

const personOfAccount = async (email: string) =>
  db
    .selectFrom('people as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.id', 'p.email', 'p.full_name'])
    .where('u.email', '=', email)
    .executeTakeFirstOrThrow();

const pairsOf = (personId: string) =>
  db
    .selectFrom('duplicate_pairs')
    .selectAll()
    .where((eb) => eb.or([eb('person_a', '=', personId), eb('person_b', '=', personId)]))
    .execute();

function multipart(name: string, data: string) {
  const boundary = '----nhanluc-people-boundary';
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    Buffer.from(data),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

beforeAll(async () => {
  t = await createTestApp();
  db = t.ctx.db;
  orgA = (
    await insertOrganisation(db, { slug: 'hoa-lac', name: 'Đối tác Hòa Lạc', kind: 'training_partner' })
  ).id;
  const course = await makeCourse(db, orgA, 'khoa-hl');
  await db
    .insertInto('cohorts')
    .values({ course_id: course.id, organisation_id: orgA, code: 'HL-K1', name: 'Lớp HL-K1' })
    .execute();
  await createUser(t, 'admin@hoalac.vn', [{ role: 'partner_admin', organisationId: orgA }]);
  adminA = await new Browser(t).login('admin@hoalac.vn');
});
afterAll(() => t.close());

describe('matching at registration', () => {
  it('queues a pair with a roster person of the same e-mail and never links the account to them', async () => {
    const roster = await rosterPerson('Phạm Thị Hoa', 'hoa.pham@example.vn', '2000-09-02');
    const res = await register('Hoa.Pham@example.vn', 'Phạm Thị Hoa');
    expect(res.statusCode, res.body).toBe(201);

    const mine = await personOfAccount('Hoa.Pham@example.vn');
    expect(mine.id).not.toBe(roster);
    expect(mine).toMatchObject({ email: 'hoa.pham@example.vn', full_name: 'Phạm Thị Hoa' });
    // The roster person stays without an account, and the new person knows no partner.
    const rosterRow = await db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', roster)
      .executeTakeFirstOrThrow();
    expect(rosterRow.user_id).toBeNull();
    expect(
      await db.selectFrom('person_organisations').selectAll().where('person_id', '=', mine.id).execute(),
    ).toEqual([]);

    const pairs = await pairsOf(mine.id);
    expect(pairs).toHaveLength(1);
    expect([pairs[0]!.person_a, pairs[0]!.person_b].sort()).toEqual([mine.id, roster].sort());
    expect(pairs[0]).toMatchObject({ status: 'open', import_id: null });
    expect(pairs[0]!.reasons).toEqual(expect.arrayContaining(['email', 'registration']));

    // Later imports find the account's person by its e-mail; its name halves wait for a birth date
    // (a name alone never matches: registry/match.ts blockingKeys).
    expect(
      await db
        .selectFrom('people')
        .select(['name_family', 'name_initials'])
        .where('id', '=', mine.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ name_family: 'pham', name_initials: 'hpt' });
    const found = await candidatesByKeys(db, ['e:hoa.pham@example.vn'], 50);
    expect(found.find((c) => c.id === mine.id)).toMatchObject({
      key: 'e:hoa.pham@example.vn',
      has_account: true,
    });
  });

  it('queues nothing when no one matches, and a name alone is no match', async () => {
    await rosterPerson('Lê Văn Nam', 'nam.le@example.vn');
    const res = await register('someone@example.vn', 'Lê Văn Nam');
    expect(res.statusCode).toBe(201);
    expect(await pairsOf((await personOfAccount('someone@example.vn')).id)).toEqual([]);
  });

  it('a later roster row with the account’s e-mail and name is queued for review, not linked to the account', async () => {
    expect((await register('khai.luong@example.vn', 'Lương Văn Khải')).statusCode).toBe(201);
    const account = await personOfAccount('khai.luong@example.vn');

    const csv =
      '\uFEFFHọ và tên;Giới tính;Ngày sinh;Email;Mã lớp;Trạng thái\r\n' +
      'Lương Văn Khải;Nam;23/11/1995;khai.luong@example.vn;HL-K1;Đang học\r\n';
    const m = multipart('khai.csv', csv);
    const preview = await adminA.request(
      'POST',
      `/api/organisations/${orgA}/roster-imports`,
      m.body,
      m.headers,
    );
    expect(preview.statusCode, preview.body).toBe(201);
    const commit = await adminA.post(`/api/roster-imports/${preview.json().id}/commit`, { mode: 'all' });
    expect(commit.statusCode, commit.body).toBe(200);
    expect(commit.json()).toMatchObject({ peopleCreated: 1, peopleMatched: 0, pairsQueued: 1 });

    // The account's person gained nothing: no partner, no enrolment, no birth date from the roster.
    const after = await db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', account.id)
      .executeTakeFirstOrThrow();
    expect(after.date_of_birth).toBeNull();
    expect(
      await db.selectFrom('enrolments').select('id').where('person_id', '=', account.id).execute(),
    ).toEqual([]);
    const pairs = await pairsOf(account.id);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]!.reasons).toContain('email');
  });
});
