import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldVi } from '../../../../common/text';
import type { DB } from '../../../db/schema';
import { Browser, createTestApp, createUser, type TestApp } from '../../../test/app';
import { makeCourse } from '../../enrolment/test-fixtures';
import { insertOrganisation } from '../../organisations/repo';
import { normaliseEmail, normalisePhone } from '../identity';
import { hashNationalId, sealNationalId } from '../personal';
import { setNameKeys } from '../repo';

let t: TestApp;
let db: Kysely<DB>;
const org: Record<'A' | 'B' | 'C' | 'nic', string> = { A: '', B: '', C: '', nic: '' };
const cohort: Record<'A' | 'B', { id: string; courseId: string }> = {
  A: { id: '', courseId: '' },
  B: { id: '', courseId: '' },
};
let keyOf: Record<'A' | 'B', string>;
let adminA: Browser;
let adminB: Browser;
let adminC: Browser;
let manager: Browser;
let platformAdmin: Browser;
let trainerA: Browser;
let learner: Browser;

const CCCD = '001198012345';

/** A person as a roster import leaves them: identity fields, the CCCD hashed and sealed, match keys. */
async function addPerson(p: {
  name: string;
  dob?: string;
  sex?: 'F' | 'M';
  province?: string;
  phone?: string;
  email?: string;
  cccd?: string;
  disability?: boolean;
}) {
  const id = crypto.randomUUID();
  const email = normaliseEmail(p.email);
  const phone = normalisePhone(p.phone);
  const hash = p.cccd ? hashNationalId(t.ctx.config, p.cccd) : null;
  await db
    .insertInto('people')
    .values({
      id,
      full_name: p.name,
      full_name_folded: foldVi(p.name),
      sex: p.sex ?? null,
      date_of_birth: p.dob ?? null,
      province_code: p.province ?? null,
      phone,
      email,
      national_id_hash: hash,
      national_id_enc: p.cccd ? sealNationalId(t.ctx.config, id, p.cccd) : null,
      disability: p.disability ?? null,
    })
    .execute();
  await setNameKeys(db, id, p.name);
  return id;
}

const link = (personId: string, organisationId: string) =>
  db
    .insertInto('person_organisations')
    .values({ person_id: personId, organisation_id: organisationId })
    .execute();

async function enrol(personId: string, which: 'A' | 'B', status: 'enrolled' | 'completed' = 'enrolled') {
  const e = await db
    .insertInto('enrolments')
    .values({ cohort_id: cohort[which].id, person_id: personId, status, source: 'roster' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return e.id;
}

async function certify(personId: string, enrolmentId: string, which: 'A' | 'B', statusIndex: number) {
  await db
    .insertInto('credentials')
    .values({
      enrolment_id: enrolmentId,
      person_id: personId,
      course_id: cohort[which].courseId,
      issuer_organisation_id: org[which],
      key_id: keyOf[which],
      language: 'vi',
      credential: '{}',
      jwt: 'x',
      status_index: statusIndex,
    })
    .execute();
}

let tuyet: string; // known to A (imported) and B (enrolled there): enrolments and certificates with both
let binh: string; // known to B only
let nobody: string; // known to no partner
let cuong: string; // merged into tuyet
let dao: string; // merged into binh

beforeAll(async () => {
  t = await createTestApp();
  db = t.ctx.db;
  for (const [key, slug, kind] of [
    ['A', 'partner-a', 'training_partner'],
    ['B', 'partner-b', 'training_partner'],
    ['C', 'partner-c', 'training_partner'],
    ['nic', 'nic', 'nic'],
  ] as const)
    org[key] = (await insertOrganisation(db, { slug, name: `Đối tác ${key}`, kind })).id;
  keyOf = { A: '', B: '' };
  for (const which of ['A', 'B'] as const) {
    const course = await makeCourse(db, org[which], `khoa-${which.toLowerCase()}`, {
      title: `Khoá học của ${which}`,
    });
    const c = await db
      .insertInto('cohorts')
      .values({
        course_id: course.id,
        organisation_id: org[which],
        code: `${which}-K1`,
        name: `Lớp ${which}-K1`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    cohort[which] = { id: c.id, courseId: course.id };
    keyOf[which] = (
      await db
        .insertInto('organisation_keys')
        .values({
          organisation_id: org[which],
          kid: `kid-${which}`,
          public_jwk: '{}',
          private_key_encrypted: 'x',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }

  tuyet = await addPerson({
    name: 'Nguyễn Thị Ánh Tuyết',
    dob: '1998-03-15',
    sex: 'F',
    province: '01',
    phone: '0912 345 678',
    email: 'tuyet@example.vn',
    cccd: CCCD,
    disability: true,
  });
  binh = await addPerson({ name: 'Trần Văn Bình', dob: '1999-07-02', sex: 'M', province: '79' });
  nobody = await addPerson({ name: 'Lê Thị Ngân', province: '01' });
  cuong = await addPerson({ name: 'Nguyễn Ánh Tuyết', dob: '1998-03-15' });
  dao = await addPerson({ name: 'Trần Bình', dob: '1999-07-02' });
  await db.updateTable('people').set({ merged_into: tuyet }).where('id', '=', cuong).execute();
  await db.updateTable('people').set({ merged_into: binh }).where('id', '=', dao).execute();
  await db
    .insertInto('person_merges')
    .values({ survivor_id: tuyet, merged_id: cuong, moved: '{}' })
    .execute();

  await link(tuyet, org.A);
  await certify(tuyet, await enrol(tuyet, 'A', 'completed'), 'A', 0);
  await certify(tuyet, await enrol(tuyet, 'B', 'completed'), 'B', 0);
  await link(binh, org.B);
  await db
    .insertInto('consents')
    .values({
      person_id: tuyet,
      purpose: 'training_records',
      granted: true,
      wording_version: '2026-11-24',
      source: 'self',
    })
    .execute();

  await createUser(t, 'admin@a.vn', [{ role: 'partner_admin', organisationId: org.A }]);
  await createUser(t, 'admin@b.vn', [{ role: 'partner_admin', organisationId: org.B }]);
  await createUser(t, 'admin@c.vn', [{ role: 'partner_admin', organisationId: org.C }]);
  await createUser(t, 'manager@nic.vn', [{ role: 'program_manager', organisationId: org.nic }]);
  await createUser(t, 'root@nic.vn', [{ role: 'platform_admin' }]);
  await createUser(t, 'trainer@a.vn', [{ role: 'trainer', organisationId: org.A }]);
  await createUser(t, 'learner@a.vn', [{ role: 'learner', organisationId: org.A }]);
  adminA = await new Browser(t).login('admin@a.vn');
  adminB = await new Browser(t).login('admin@b.vn');
  adminC = await new Browser(t).login('admin@c.vn');
  manager = await new Browser(t).login('manager@nic.vn');
  platformAdmin = await new Browser(t).login('root@nic.vn');
  trainerA = await new Browser(t).login('trainer@a.vn');
  learner = await new Browser(t).login('learner@a.vn');
});
afterAll(() => t.close());

const names = async (b: Browser, query = '') => {
  const res = await b.get(`/api/people${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { fullName: string }[]).map((p) => p.fullName);
};

const reads = (personId: string) =>
  db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'person.viewed')
    .where('entity_id', '=', personId)
    .orderBy('id')
    .execute();

describe('who reads the registry', () => {
  it('refuses anonymous callers (401) and accounts that are neither NIC staff nor partner admins (403)', async () => {
    for (const url of ['/api/people', `/api/people/${tuyet}`]) {
      expect((await new Browser(t).get(url)).statusCode).toBe(401);
      for (const b of [trainerA, learner]) {
        const res = await b.get(url);
        expect(res.statusCode, url).toBe(403);
        expect(res.json().code).toBe('FORBIDDEN');
      }
    }
    expect(await reads(tuyet)).toEqual([]);
  });
});

describe('the list of people', () => {
  it('shows NIC staff everyone living, never a merged record', async () => {
    expect(await names(manager)).toEqual(['Lê Thị Ngân', 'Nguyễn Thị Ánh Tuyết', 'Trần Văn Bình']);
    expect(await names(platformAdmin, '?sort=-name')).toEqual([
      'Trần Văn Bình',
      'Nguyễn Thị Ánh Tuyết',
      'Lê Thị Ngân',
    ]);
  });

  it('shows a partner only the people it imported or enrolled', async () => {
    expect(await names(adminA)).toEqual(['Nguyễn Thị Ánh Tuyết']);
    // B enrolled Tuyết in its class and imported Bình.
    expect(await names(adminB)).toEqual(['Nguyễn Thị Ánh Tuyết', 'Trần Văn Bình']);
    expect(await names(adminC)).toEqual([]);
    // Asking for the people another partner knows would tell which of its own that partner knows too.
    expect((await adminA.get(`/api/people?organisationId=${org.B}`)).statusCode).toBe(403);
    expect(await names(adminA, `?organisationId=${org.A}`)).toEqual(['Nguyễn Thị Ánh Tuyết']);
  });

  it('lists only the organisations the reader may see beside each person', async () => {
    const staff = (await manager.get(`/api/people?q=tuyet`)).json().items[0];
    expect(staff.organisations.map((o: { id: string }) => o.id).sort()).toEqual([org.A, org.B].sort());
    const a = (await adminA.get(`/api/people?q=tuyet`)).json().items[0];
    expect(a.organisations).toEqual([{ id: org.A, name: 'Đối tác A' }]);
  });

  it('searches names without accents, in any word order, from the start of words', async () => {
    expect(await names(adminA, '?q=nguyen%20thi%20anh%20tuyet')).toEqual(['Nguyễn Thị Ánh Tuyết']);
    expect(await names(manager, '?q=TUYET%20nguyen')).toEqual(['Nguyễn Thị Ánh Tuyết']);
    expect(await names(manager, '?q=binh')).toEqual(['Trần Văn Bình']);
    expect(await names(manager, '?q=uyet')).toEqual([]);
    // A partner never finds someone it does not know.
    expect(await names(adminA, '?q=binh')).toEqual([]);
  });

  it('filters by organisation and province, and pages', async () => {
    expect(await names(manager, `?organisationId=${org.B}`)).toEqual([
      'Nguyễn Thị Ánh Tuyết',
      'Trần Văn Bình',
    ]);
    expect(await names(manager, '?provinceCode=01')).toEqual(['Lê Thị Ngân', 'Nguyễn Thị Ánh Tuyết']);
    const page2 = (await manager.get('/api/people?pageSize=1&page=2&sort=name')).json();
    expect(page2).toMatchObject({
      total: 3,
      page: 2,
      pageSize: 1,
      items: [{ fullName: 'Nguyễn Thị Ánh Tuyết' }],
    });
  });
});

describe('the person page', () => {
  it('answers 404, not 403, to a partner asking for a person it does not know, and logs no read', async () => {
    for (const [b, id] of [
      [adminA, binh],
      [adminA, nobody],
      [adminC, tuyet],
    ] as const) {
      const res = await b.get(`/api/people/${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    expect((await adminA.get('/api/people/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect(await reads(binh)).toEqual([]);
    expect(await reads(nobody)).toEqual([]);
  });

  it('shows a partner only its own enrolments and certificates of a person two partners enrolled', async () => {
    const res = await adminA.get(`/api/people/${tuyet}`);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({ merged: false, scope: 'organisation', fullName: 'Nguyễn Thị Ánh Tuyết' });
    expect(page.enrolments.map((e: { cohortCode: string }) => e.cohortCode)).toEqual(['A-K1']);
    expect(page.certificates.map((c: { issuer: { id: string } }) => c.issuer.id)).toEqual([org.A]);
    expect(page.organisations).toEqual([{ id: org.A, name: 'Đối tác A' }]);
    expect(page.merges).toEqual([]);
    expect(page.recentReads).toBeUndefined();
    // Nothing on the page names or points to the other partner.
    expect(res.body).not.toContain(org.B);
    expect(res.body).not.toContain('Đối tác B');
    expect(res.body).not.toContain('B-K1');

    const staff = (await manager.get(`/api/people/${tuyet}`)).json();
    expect(staff.scope).toBe('all');
    expect(staff.enrolments.map((e: { cohortCode: string }) => e.cohortCode).sort()).toEqual([
      'A-K1',
      'B-K1',
    ]);
    expect(staff.certificates).toHaveLength(2);
    expect(staff.merges).toMatchObject([{ survivorId: tuyet, mergedId: cuong }]);
  });

  it('shows disability only to the roles that need it', async () => {
    for (const b of [adminA, adminB, platformAdmin]) {
      const page = (await b.get(`/api/people/${tuyet}`)).json();
      expect(page).not.toHaveProperty('disability');
      expect(page.hiddenFields).toEqual(['disability']);
    }
    const staff = (await manager.get(`/api/people/${tuyet}`)).json();
    expect(staff.disability).toBe(true);
    expect(staff.hiddenFields).toEqual([]);
    // An unknown value is shown as unknown to those who may read it.
    expect((await manager.get(`/api/people/${binh}`)).json().disability).toBeNull();
  });

  it('masks the national ID but its last three digits, and never sends it whole', async () => {
    for (const b of [adminA, manager, platformAdmin]) {
      const res = await b.get(`/api/people/${tuyet}`);
      expect(res.json().nationalId).toBe('*********345');
      expect(res.body).not.toContain(CCCD);
      expect(res.body).not.toContain(CCCD.slice(0, 9));
    }
    expect((await adminB.get(`/api/people/${binh}`)).json().nationalId).toBeNull();
  });

  it('shows identity and consent with its wording version', async () => {
    const page = (await adminB.get(`/api/people/${tuyet}`)).json();
    expect(page).toMatchObject({
      sex: 'F',
      dateOfBirth: '1998-03-15',
      province: { code: '01' },
      phone: '+84912345678',
      email: 'tuyet@example.vn',
      hasAccount: false,
    });
    const records = page.consents.find((c: { purpose: string }) => c.purpose === 'training_records');
    expect(records).toMatchObject({ granted: true, wordingVersion: '2026-11-24', source: 'self' });
    expect(records.recordedAt).toEqual(expect.any(String));
    expect(page.consents.find((c: { purpose: string }) => c.purpose === 'job_matching')).toMatchObject({
      granted: false,
      wordingVersion: null,
    });
  });

  it('answers a merged record with the survivor, to those who know the person', async () => {
    expect((await manager.get(`/api/people/${cuong}`)).json()).toEqual({
      merged: true,
      id: cuong,
      mergedInto: tuyet,
    });
    expect((await adminA.get(`/api/people/${cuong}`)).json()).toMatchObject({ mergedInto: tuyet });
    expect((await adminA.get(`/api/people/${dao}`)).statusCode).toBe(404);
    expect((await adminB.get(`/api/people/${dao}`)).json()).toMatchObject({ mergedInto: binh });
  });
});

describe('reads of a person page are audit-logged', () => {
  it('writes one row per read: who, which person, which restricted fields were shown', async () => {
    const before = (await reads(tuyet)).length;
    const me = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'admin@a.vn')
      .executeTakeFirstOrThrow();
    const boss = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'manager@nic.vn')
      .executeTakeFirstOrThrow();

    expect((await adminA.get(`/api/people/${tuyet}`)).statusCode).toBe(200);
    expect((await manager.get(`/api/people/${tuyet}`)).statusCode).toBe(200);
    const rows = (await reads(tuyet)).slice(before);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      actor_user_id: me.id,
      entity_type: 'person',
      entity_id: tuyet,
      organisation_id: org.A,
      details: { scope: 'organisation', organisationIds: [org.A], fieldsShown: ['nationalId'] },
    });
    expect(rows[0]!.ip).toEqual(expect.any(String));
    expect(rows[1]).toMatchObject({
      actor_user_id: boss.id,
      organisation_id: null,
      details: { scope: 'all', fieldsShown: ['nationalId', 'disability'] },
    });
    // A list is not a page read.
    await manager.get('/api/people?q=tuyet');
    expect(await reads(tuyet)).toHaveLength(before + 2);
  });

  it('shows NIC staff the latest reads on the page, this one first', async () => {
    const page = (await platformAdmin.get(`/api/people/${tuyet}`)).json();
    expect(page.recentReads.length).toBeGreaterThanOrEqual(3);
    expect(page.recentReads.length).toBeLessThanOrEqual(10);
    expect(page.recentReads[0]).toMatchObject({ actorEmail: 'root@nic.vn', fieldsShown: ['nationalId'] });
    expect(page.recentReads[1]).toMatchObject({ actorEmail: 'manager@nic.vn' });
    expect(page.recentReads.map((r: { at: string }) => r.at)).toEqual(
      [...page.recentReads.map((r: { at: string }) => r.at)].sort().reverse(),
    );
  });
});
