/**
 * Consent per purpose, the copy of one's data (JSON and HTML) and erasure, through the HTTP API
 * against a real database: a learner who registered, studied, took a quiz and got a certificate.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentPurposes, consentWording } from '../../../common/consent';
import { errorStatus } from '../../../common/errors';
import { locales } from '../../../common/i18n/locales';
import en from '../../../common/i18n/messages/en.json' with { type: 'json' };
import ja from '../../../common/i18n/messages/ja.json' with { type: 'json' };
import vi from '../../../common/i18n/messages/vi.json' with { type: 'json' };
import { foldVi } from '../../../common/text';
import { snapshotTables } from '../../db/backup';
import { deriveKey, keyedHash, seal } from '../../lib/seal';
import { Browser, createTestApp, createUser, TEST_PASSWORD, type TestApp } from '../../test/app';
import { addQuizLesson, gradedAttempt, makeCourse } from '../enrolment/test-fixtures';
import { makeEvent } from '../events/test-fixtures';
import { insertOrganisation } from '../organisations/repo';
import { candidatesByKeys } from '../registry/repo';
import { hasConsent, redact } from './service';

const NAME = 'Nguyễn Thị <script>alert("x")</script> Xuân Quỳnh';
const EMAIL = 'xuan.quynh.hoc@hocvien.vn';
const PHONE = '+84912345678';
const PERSONAL_EMAIL = 'quynh.rieng@gmail.example';
const CCCD = '079198012345';
const PASSWORD = 'Sen-hồng-Đồng-Tháp-2026';

let t: TestApp;
let orgA: string;
let learner: Browser;
let adminA: Browser;
let adminA2: Browser;
let userId: string;
let personId: string;
let cohortId: string;
let enrolmentId: string;
let eventId: string;

const jobMatching = consentWording.job_matching.version;

beforeAll(async () => {
  t = await createTestApp();
  orgA = (
    await insertOrganisation(t.ctx.db, {
      slug: 'hoc-vien-dong-thap',
      name: 'Học viện Số Đồng Tháp',
      kind: 'training_partner',
    })
  ).id;
  await createUser(t, 'admin@dongthap.vn', [{ role: 'partner_admin', organisationId: orgA }]);
  await createUser(t, 'admin2@dongthap.vn', [{ role: 'partner_admin', organisationId: orgA }]);
  adminA = await new Browser(t).login('admin@dongthap.vn');
  adminA2 = await new Browser(t).login('admin2@dongthap.vn');

  learner = new Browser(t);
  const reg = await learner.post('/api/auth/register', {
    email: EMAIL,
    password: PASSWORD,
    displayName: NAME,
  });
  expect(reg.statusCode).toBe(201);
  userId = reg.json().user.id;

  // A course with one lesson and an optional quiz; a class of it; the learner enrols and studies.
  const course = await makeCourse(t.ctx.db, orgA, 'ky-nang-so', { title: 'Kỹ năng số cơ bản', lessons: 1 });
  const { quizId } = await addQuizLesson(t.ctx.db, course, { required: false });
  const cohort = await adminA.post('/api/cohorts', {
    courseId: course.id,
    code: 'KNS-1',
    name: 'Kỹ năng số 1',
  });
  expect(cohort.statusCode).toBe(201);
  cohortId = cohort.json().id;
  enrolmentId = (await learner.post('/api/me/enrolments', { cohortId })).json().id;
  const session = await t.ctx.db
    .insertInto('cohort_sessions')
    .values({ cohort_id: cohortId, starts_at: '2026-11-02T01:00:00Z', ends_at: '2026-11-02T03:00:00Z' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.ctx.db
    .insertInto('attendance')
    .values({ session_id: session.id, enrolment_id: enrolmentId, status: 'present' })
    .execute();
  await gradedAttempt(t.ctx.db, enrolmentId, quizId, 85);
  const done = await learner.post(`/api/enrolments/${enrolmentId}/lessons/${course.lessonIds[0]}/complete`);
  expect(done.json()).toMatchObject({ enrolmentCompleted: true });

  // What a roster import would have added to the person: identity fields, sensitive data.
  const person = await t.ctx.db
    .selectFrom('people')
    .select('id')
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  personId = person.id;
  const commune = await t.ctx.db.selectFrom('communes').select(['code', 'province_code']).executeTakeFirst();
  const secret = t.ctx.config.PERSONAL_DATA_SECRET;
  await t.ctx.db
    .updateTable('people')
    .set({
      sex: 'F',
      date_of_birth: '1998-07-15',
      province_code: commune?.province_code ?? '92',
      commune_code: commune?.code ?? null,
      phone: PHONE,
      email: PERSONAL_EMAIL,
      disability: true,
      national_id_hash: keyedHash(deriveKey(secret, 'nhanluc national id hash v1'), CCCD),
      national_id_enc: seal(Buffer.from(CCCD), deriveKey(secret, 'nhanluc national id v1'), personId),
    })
    .where('id', '=', personId)
    .execute();
  await t.ctx.db
    .updateTable('people')
    .set({ name_family: 'nguyen', name_initials: 'ltn' })
    .where('id', '=', personId)
    .execute();
  await t.ctx.db
    .insertInto('person_organisations')
    .values({ person_id: personId, organisation_id: orgA })
    .onConflict((oc) => oc.doNothing())
    .execute();

  // Another learner, so the statistics compared below are about more than one person.
  await createUser(t, 'other@hocvien.vn');
  const other = await new Browser(t).login('other@hocvien.vn');
  await other.post('/api/me/enrolments', { cohortId });

  // An event of the partner: both register, the learner is checked in at the door.
  eventId = await makeEvent(t, orgA, {
    title: 'Ngày hội Phụ nữ trong AI',
    topic: 'women_in_ai',
    inDays: 0.01,
  });
  const registered = await learner.post(`/api/events/${eventId}/registrations`, {});
  expect(registered.statusCode).toBe(201);
  expect((await other.post(`/api/events/${eventId}/registrations`, {})).statusCode).toBe(201);
  const checkedIn = await adminA.post(`/api/events/${eventId}/participants/${registered.json().id}/check-in`);
  expect(checkedIn.statusCode).toBe(200);
});
afterAll(() => t.close());

describe('the words', () => {
  const keys = (node: unknown, prefix = ''): string[] =>
    node && typeof node === 'object'
      ? Object.entries(node).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
      : [prefix];

  it('word every purpose in every language, and name the transfer to Japan as cross-border', () => {
    for (const purpose of consentPurposes) {
      const w = consentWording[purpose];
      expect(w.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const l of locales) {
        expect(w.text[l].title, `${purpose} ${l}`).toBeTruthy();
        expect(w.text[l].body.length, `${purpose} ${l}`).toBeGreaterThan(100);
      }
    }
    expect(consentWording.share_employers_jp.crossBorder).toBe(true);
    expect(consentWording.share_employers_jp.text.vi.body).toMatch(/chuyển dữ liệu cá nhân ra nước ngoài/);
    expect(consentWording.share_employers_jp.text.en.body).toMatch(/cross-border transfer/);
    expect(consentWording.share_employers_jp.text.ja.body).toMatch(/国外移転/);
  });

  it('have the export and error texts in the three languages', () => {
    const viKeys = keys(vi.privacy).sort();
    expect(keys(en.privacy).sort()).toEqual(viKeys);
    expect(keys(ja.privacy).sort()).toEqual(viKeys);
    for (const code of ['CONSENT_WORDING_OUTDATED', 'ERASURE_WRONG_PASSWORD'] as const) {
      expect(errorStatus[code]).toBeGreaterThanOrEqual(400);
      for (const m of [vi, en, ja]) expect((m.errors as Record<string, string>)[code], code).toBeTruthy();
    }
  });
});

describe('consent per purpose', () => {
  it('starts with nothing granted and no history', async () => {
    const res = await learner.get('/api/me/consents');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.history).toEqual([]);
    expect(body.consents.map((c: { purpose: string }) => c.purpose)).toEqual([...consentPurposes]);
    expect(body.consents[2]).toEqual({
      purpose: 'job_matching',
      granted: false,
      wordingVersion: null,
      recordedAt: null,
      currentWordingVersion: jobMatching,
      answeredCurrentWording: false,
    });
  });

  it('grants, ignores the same choice again, and withdraws, auditing each change', async () => {
    const grant = await learner.put('/api/me/consents/job_matching', {
      granted: true,
      wordingVersion: jobMatching,
    });
    expect(grant.statusCode).toBe(200);
    expect(grant.json().consents[2]).toMatchObject({
      purpose: 'job_matching',
      granted: true,
      wordingVersion: jobMatching,
      answeredCurrentWording: true,
    });
    expect(await hasConsent(t.ctx.db, personId, 'job_matching')).toBe(true);
    expect(await hasConsent(t.ctx.db, personId, 'share_employers_jp')).toBe(false);

    const again = await learner.put('/api/me/consents/job_matching', {
      granted: true,
      wordingVersion: jobMatching,
    });
    expect(again.json().history).toHaveLength(1);
    // Withdrawing what was never granted records nothing either.
    const never = await learner.put('/api/me/consents/share_employers_jp', {
      granted: false,
      wordingVersion: consentWording.share_employers_jp.version,
    });
    expect(never.json().history).toHaveLength(1);

    const withdraw = await learner.put('/api/me/consents/job_matching', {
      granted: false,
      wordingVersion: jobMatching,
    });
    const body = withdraw.json();
    expect(body.consents[2]).toMatchObject({ granted: false, wordingVersion: jobMatching });
    expect(body.history.map((h: { granted: boolean; source: string }) => [h.granted, h.source])).toEqual([
      [false, 'self'],
      [true, 'self'],
    ]);
    expect(await hasConsent(t.ctx.db, personId, 'job_matching')).toBe(false);

    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'details', 'entity_type', 'entity_id'])
      .where('action', 'like', 'consent.%')
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      {
        action: 'consent.granted',
        entity_type: 'person',
        entity_id: personId,
        details: { purpose: 'job_matching', wordingVersion: jobMatching },
      },
      {
        action: 'consent.withdrawn',
        entity_type: 'person',
        entity_id: personId,
        details: { purpose: 'job_matching', wordingVersion: jobMatching },
      },
    ]);
  });

  it('refuses words that are not the current ones, in the reader’s language, and records nothing', async () => {
    const en = await learner.request(
      'PUT',
      '/api/me/consents/share_employers_jp',
      { granted: true, wordingVersion: '2020-01-01' },
      { cookie: `${[...learner.cookies].map(([k, v]) => `${k}=${v}`).join('; ')}; nl_lang=en` },
    );
    expect(en.statusCode).toBe(409);
    expect(en.json()).toEqual({
      code: 'CONSENT_WORDING_OUTDATED',
      message: `The consent text has been updated (version ${consentWording.share_employers_jp.version}). Please reload the page, read the new text and choose again.`,
    });
    const vi = await learner.put('/api/me/consents/share_employers_jp', {
      granted: true,
      wordingVersion: '2020-01-01',
    });
    expect(vi.json().message).toMatch(/^Nội dung đồng ý đã được cập nhật/);
    expect(
      (await learner.put('/api/me/consents/marketing', { granted: true, wordingVersion: 'x' })).statusCode,
    ).toBe(400);
    expect((await learner.get('/api/me/consents')).json().history).toHaveLength(2);
  });
});

describe('the copy of my data', () => {
  it('downloads everything held about me as JSON', async () => {
    const res = await learner.get('/api/me/data');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="nhanluc-my-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const d = res.json();
    expect(d).toMatchObject({
      format: 'nhanluc-personal-data',
      account: { id: userId, email: EMAIL, displayName: NAME, language: 'vi', roles: [{ role: 'learner' }] },
      person: {
        id: personId,
        fullName: NAME,
        sex: 'F',
        dateOfBirth: '1998-07-15',
        nationalId: CCCD,
        phone: PHONE,
        email: PERSONAL_EMAIL,
        disability: true,
        knownTo: [{ organisation: 'Học viện Số Đồng Tháp' }],
      },
      enrolments: [
        { id: enrolmentId, course: 'Kỹ năng số cơ bản', cohortCode: 'KNS-1', status: 'completed' },
      ],
      attendance: [{ enrolmentId, cohortCode: 'KNS-1', status: 'present' }],
      lessonProgress: [{ enrolmentId, lesson: 'Bài 1' }],
      quizAttempts: [{ enrolmentId, scorePct: 85, passed: true }],
      credentials: [{ course: 'Kỹ năng số cơ bản', issuer: 'Học viện Số Đồng Tháp', status: 'active' }],
      events: [
        {
          event: 'Ngày hội Phụ nữ trong AI',
          organiser: 'Học viện Số Đồng Tháp',
          online: false,
          walkIn: false,
          checkedInAt: expect.any(String),
        },
      ],
    });
    expect(d.consents.history).toHaveLength(2);
    expect(d.consents.current[2]).toMatchObject({
      purpose: 'job_matching',
      granted: false,
      title: 'Gợi ý việc làm và khoá học',
    });
    expect(d.notifications.map((n: { kind: string }) => n.kind)).toContain('certificate_issued');
    const actions = d.audit.map((a: { action: string }) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'user.registered',
        'consent.granted',
        'consent.withdrawn',
        'event.registered',
        'event.checked_in',
      ]),
    );
    expect(d.audit.find((a: { action: string }) => a.action === 'user.registered')).toMatchObject({
      byYou: true,
    });
  });

  it('downloads the same as a readable page in my language, every value escaped', async () => {
    const res = await learner.get('/api/me/data.html');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="nhanluc-my-data-.*\.html"$/);
    const html = res.body;
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Dữ liệu cá nhân của tôi');
    expect(html).toContain('Nguyễn Thị &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Xuân Quỳnh');
    expect(html).not.toContain('<script');
    expect(html).toContain(CCCD);
    expect(html).toContain('KNS-1');
    expect(html).toContain('Ngày hội Phụ nữ trong AI');
    expect(html).toContain(consentWording.job_matching.text.vi.title);

    // The account's language decides; in Japanese the same page reads in Japanese.
    await learner.put('/api/auth/locale', { locale: 'ja' });
    const ja = (await learner.get('/api/me/data.html')).body;
    expect(ja).toContain('<html lang="ja">');
    expect(ja).toContain('私の個人データ');
    await learner.put('/api/auth/locale', { locale: 'vi' });
  });
});

describe('redaction of audit details', () => {
  it('replaces every string that names the person, at any depth, and nothing else', () => {
    expect(
      redact({ email: 'AN@x.vn', n: 3, list: ['ok', 'Gửi An@X.vn'], deep: { name: 'Lê An' } }, [
        'an@x.vn',
        'Lê An',
        'x',
      ]),
    ).toEqual({ email: '[erased]', n: 3, list: ['ok', '[erased]'], deep: { name: '[erased]' } });
  });
});

describe('erasure', () => {
  const statistics = () =>
    sql<{ sex: string | null; province_code: string | null; enrolments: number; completions: number }>`
      select p.sex, p.province_code, count(*)::int as enrolments,
             count(*) filter (where e.status = 'completed')::int as completions
      from enrolments e join people p on p.id = e.person_id
      group by p.sex, p.province_code order by p.sex, p.province_code`
      .execute(t.ctx.db)
      .then((r) => r.rows);
  /** Registered and present per event and sex: what impact monitoring counts. */
  const attendance = () =>
    sql<{ event_id: string; sex: string | null; registered: number; present: number }>`
      select ep.event_id, p.sex, count(*)::int as registered, count(ep.checked_in_at)::int as present
      from event_participants ep join people p on p.id = ep.person_id
      group by ep.event_id, p.sex order by ep.event_id, p.sex`
      .execute(t.ctx.db)
      .then((r) => r.rows);
  const countRows = async () =>
    Object.fromEntries(Object.entries(await snapshotTables(t.ctx.db)).map(([k, v]) => [k, v.length]));

  it('refuses a wrong password, in the reader’s language, and changes nothing', async () => {
    const before = await countRows();
    const res = await learner.post('/api/me/erase', { password: 'không-phải-mật-khẩu' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({
      code: 'ERASURE_WRONG_PASSWORD',
      message: 'Mật khẩu không đúng. Chưa có dữ liệu nào bị xoá.',
    });
    expect(await countRows()).toEqual(before);
    expect((await learner.get('/api/auth/me')).json().user.email).toBe(EMAIL);
  });

  it('erases the person everywhere while the counts stay right', async () => {
    const stats = await statistics();
    const events = await attendance();
    expect(events.find((e) => e.event_id === eventId && e.sex === 'F')).toMatchObject({ present: 1 });
    const credential = await t.ctx.db
      .selectFrom('credentials')
      .select(['id', 'pdf_file_id'])
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    const pdf = await t.ctx.db
      .selectFrom('files')
      .select('storage_key')
      .where('id', '=', credential.pdf_file_id!)
      .executeTakeFirstOrThrow();
    expect(t.storage.files.has(pdf.storage_key)).toBe(true);

    const needles = [NAME, foldVi(NAME), 'xuân quỳnh', EMAIL, PHONE, PERSONAL_EMAIL, CCCD, 'alert('].map(
      (n) => JSON.stringify(n.toLowerCase()).slice(1, -1),
    );
    // The search below does find them while they are there (in people, users, the audit log…);
    // the CCCD is stored only hashed and sealed, never in clear.
    const before = JSON.stringify(await snapshotTables(t.ctx.db)).toLowerCase();
    for (const needle of needles.filter((n) => n !== CCCD)) expect(before, needle).toContain(needle);

    const res = await learner.post('/api/me/erase', { password: PASSWORD });
    expect(res.statusCode).toBe(204);
    const cleared = (res.cookies as { name: string; value: string }[]).find((c) => c.name === 'nl_session');
    expect(cleared?.value).toBe('');
    expect((await learner.get('/api/auth/me')).json()).toEqual({ user: null });

    // Nothing that names or reaches the person is left in any table.
    const dump = JSON.stringify(await snapshotTables(t.ctx.db)).toLowerCase();
    for (const needle of needles) expect(dump, needle).not.toContain(needle);

    // The anonymous person keeps what statistics need.
    const person = await t.ctx.db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(person).toMatchObject({
      full_name: '',
      full_name_folded: '',
      sex: 'F',
      date_of_birth: '1998-01-01',
      phone: null,
      email: null,
      national_id_hash: null,
      national_id_enc: null,
      disability: null,
      commune_code: null,
      anonymised_at: expect.any(Date),
    });
    expect(person.province_code).not.toBeNull();
    expect(await statistics()).toEqual(stats);
    expect(await attendance()).toEqual(events);
    const kept = await t.ctx.db
      .selectFrom('consents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(Number(kept.n)).toBe(2);
    // No match key is left to find the erased person by: the fields are cleared, the name halves too.
    expect(person).toMatchObject({ name_family: null, name_initials: null });
    expect(await candidatesByKeys(t.ctx.db, [`p:${PHONE}`, `e:${PERSONAL_EMAIL}`], 50)).toEqual([]);
    const left = await t.ctx.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow();
    expect(Number(left.n)).toBe(0);

    // The certificate is revoked at the holder's request, its signed text and PDF gone.
    const after = await t.ctx.db
      .selectFrom('credentials')
      .select(['revoked_at', 'revocation_reason', 'credential', 'jwt', 'pdf_file_id'])
      .where('id', '=', credential.id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({
      revocation_reason: 'holder_request',
      credential: {},
      jwt: '',
      pdf_file_id: null,
    });
    expect(after.revoked_at).not.toBeNull();
    expect(t.storage.files.has(pdf.storage_key)).toBe(false);
    const publicView = (await new Browser(t).get(`/api/credentials/${credential.id}`)).json();
    expect(publicView).toMatchObject({ status: 'revoked', learnerName: '' });

    // The account is closed: no session, no role, the old e-mail no longer logs in.
    const user = await t.ctx.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({ email: `erased+${userId}@invalid`, display_name: '', disabled: true });
    const login = await new Browser(t).post('/api/auth/login', { email: EMAIL, password: PASSWORD });
    expect(login.statusCode).toBe(401);
    expect(login.json().code).toBe('INVALID_CREDENTIALS');

    // One audit entry says it happened, without personal data.
    const erased = await t.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'person.erased')
      .executeTakeFirstOrThrow();
    expect(erased).toMatchObject({ entity_type: 'person', entity_id: personId, ip: null });
    expect(erased.details).toEqual({ userId, credentialsRevoked: 1, peopleAnonymised: 1 });
  });

  it("leaves nothing of the person's name in a partner admin's views", async () => {
    const roster = await adminA2.get(`/api/cohorts/${cohortId}/enrolments`);
    expect(roster.statusCode).toBe(200);
    expect(roster.json().items).toHaveLength(2);
    const issued = await adminA2.get(`/api/organisations/${orgA}/credentials`);
    expect(issued.statusCode).toBe(200);
    expect(issued.json().items).toEqual([expect.objectContaining({ status: 'revoked', learnerName: '' })]);
    // Its signed text and PDF named the person: the issuer can no longer download them.
    const id = issued.json().items[0].id;
    for (const file of ['download.pdf', 'download.json']) {
      const res = await adminA2.get(`/api/credentials/${id}/${file}`);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
    for (const body of [roster.body, issued.body]) {
      expect(body).not.toContain('Xuân');
      expect(body.toLowerCase()).not.toContain('xuan');
      expect(body).not.toContain(EMAIL);
    }
  });

  it('is for signed-in people only', async () => {
    const anon = new Browser(t);
    for (const [method, url] of [
      ['GET', '/api/me/consents'],
      ['PUT', '/api/me/consents/job_matching'],
      ['GET', '/api/me/data'],
      ['GET', '/api/me/data.html'],
      ['POST', '/api/me/erase'],
    ] as const) {
      const res = await anon.request(method, url, method === 'GET' ? undefined : { password: TEST_PASSWORD });
      expect(res.statusCode, url).toBe(401);
    }
  });
});
