/**
 * Cohorts, enrolment with its waitlist, withdrawal and transfer, prerequisites, lesson progress,
 * attendance, completion with its certificate, training of trainers and "my learning", through the
 * HTTP API against a real database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, createTestApp, createUser, type TestApp } from '../../test/app';
import { insertOrganisation } from '../organisations/repo';
import { ensurePersonForUser, insertPerson } from '../people/repo';
import { queuePair } from '../registry/review/test-fixtures';
import { evaluateCompletion } from './completion';
import { indirectBeneficiaries } from './repo';
import { enrolPeople } from './service';
import { addLesson, addQuizLesson, daysFromNow, gradedAttempt, isoDay, makeCourse } from './test-fixtures';

let t: TestApp;
let orgA: string;
let orgB: string;
const ids: Record<string, string> = {};
const browsers: Record<string, Browser> = {};

const as = (name: string) => browsers[name]!;
const auditOf = async (entityId: string) =>
  (
    await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', entityId)
      .orderBy('id')
      .execute()
  ).map((r) => r.action);
const notificationsOf = async (userId: string) =>
  t.ctx.db
    .selectFrom('notifications')
    .select(['kind', 'params'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
const statusOf = async (enrolmentId: string) =>
  (
    await t.ctx.db
      .selectFrom('enrolments')
      .select('status')
      .where('id', '=', enrolmentId)
      .executeTakeFirstOrThrow()
  ).status;

async function newCohort(by: string, body: Record<string, unknown>) {
  const res = await as(by).post('/api/cohorts', body);
  if (res.statusCode !== 201) throw new Error(`cohort: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; code: string };
}

beforeAll(async () => {
  t = await createTestApp();
  orgA = (
    await insertOrganisation(t.ctx.db, {
      slug: 'hoc-vien-mekong',
      name: 'Học viện Kỹ năng số Mekong',
      kind: 'training_partner',
      provinceCode: '92',
    })
  ).id;
  orgB = (
    await insertOrganisation(t.ctx.db, {
      slug: 'ban-dan-da-nang',
      name: 'Bán dẫn Đà Nẵng',
      kind: 'training_partner',
    })
  ).id;
  const nicOrg = (await insertOrganisation(t.ctx.db, { slug: 'nic', name: 'NIC', kind: 'nic' })).id;
  const accounts: [
    string,
    string,
    {
      role: 'partner_admin' | 'trainer' | 'platform_admin' | 'program_manager';
      organisationId: string | null;
    }[],
  ][] = [
    ['adminA', 'admin@a.vn', [{ role: 'partner_admin', organisationId: orgA }]],
    ['adminB', 'admin@b.vn', [{ role: 'partner_admin', organisationId: orgB }]],
    ['trainerA', 'tam@a.vn', [{ role: 'trainer', organisationId: orgA }]],
    ['trainerA2', 'phuc@a.vn', [{ role: 'trainer', organisationId: orgA }]],
    ['trainerB', 'hoa@b.vn', [{ role: 'trainer', organisationId: orgB }]],
    ['nic', 'lan@nic.vn', [{ role: 'platform_admin', organisationId: null }]],
    ['pm', 'minh@nic.vn', [{ role: 'program_manager', organisationId: nicOrg }]],
    ['an', 'an@hocvien.vn', []],
    ['binh', 'binh@hocvien.vn', []],
    ['chi', 'chi@hocvien.vn', []],
    ['dung', 'dung@hocvien.vn', []],
    ['em', 'em@hocvien.vn', []],
  ];
  for (const [key, email, grants] of accounts) {
    ids[key] = (await createUser(t, email, grants)).id;
    browsers[key] = await new Browser(t).login(email);
  }
});
afterAll(() => t.close());

describe('cohorts', () => {
  let course: Awaited<ReturnType<typeof makeCourse>>;
  let cohortId: string;

  beforeAll(async () => {
    course = await makeCourse(t.ctx.db, orgA, 'ai-co-ban', {
      title: 'Trí tuệ nhân tạo cơ bản',
      translations: { ja: { title: 'AIの基礎', summary: '' }, en: { title: 'AI basics', summary: '' } },
    });
  });

  it('lets the partner admin create a class of its course, with trainers of its organisation', async () => {
    const res = await as('adminA').post('/api/cohorts', {
      courseId: course.id,
      code: 'AI-K1',
      name: 'Lớp AI khoá 1 — Cần Thơ',
      startsOn: isoDay(7),
      endsOn: isoDay(60),
      capacity: 30,
      online: false,
      location: 'Phường Ninh Kiều, Cần Thơ',
      provinceCode: '92',
      trainerUserIds: [ids.trainerA],
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    cohortId = body.id;
    expect(body).toMatchObject({
      courseId: course.id,
      courseTitle: 'Trí tuệ nhân tạo cơ bản',
      organisationId: orgA,
      code: 'AI-K1',
      capacity: 30,
      seatsTaken: 0,
      seatsLeft: 30,
      waitlisted: 0,
      online: false,
      provinceCode: '92',
      status: 'open',
      trainers: [{ userId: ids.trainerA, displayName: 'tam' }],
    });
    expect(await auditOf(cohortId)).toEqual(['cohort.created']);
  });

  it('refuses a code already used in the organisation, whatever its case', async () => {
    const res = await as('adminA').post('/api/cohorts', {
      courseId: course.id,
      code: 'ai-k1',
      name: 'Trùng mã',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      code: 'COHORT_CODE_TAKEN',
      message: 'Mã lớp «ai-k1» đã được dùng cho một lớp khác của đơn vị.',
    });
  });

  it('explains bad dates, provinces and trainers field by field, and writes nothing', async () => {
    const res = await as('adminA').post('/api/cohorts', {
      courseId: course.id,
      code: 'AI-K9',
      name: 'Lớp sai',
      startsOn: '2026-05-10',
      endsOn: '2026-05-01',
      provinceCode: '99',
      trainerUserIds: [ids.trainerB],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Dữ liệu gửi lên không hợp lệ.',
      fields: {
        '/endsOn': 'Thời điểm kết thúc phải sau thời điểm bắt đầu.',
        '/provinceCode': 'Không có tỉnh/thành phố với mã này.',
        '/trainerUserIds/0': 'Tài khoản này không phải là giảng viên của đơn vị.',
      },
    });
    expect(await t.ctx.db.selectFrom('cohorts').select('id').where('code', '=', 'AI-K9').execute()).toEqual(
      [],
    );
  });

  it("refuses another partner's admin and trainers", async () => {
    const res = await as('adminB').post('/api/cohorts', {
      courseId: course.id,
      code: 'B-1',
      name: 'Lớp của B',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('FORBIDDEN');
    expect(
      (await as('trainerA').post('/api/cohorts', { courseId: course.id, code: 'T-1', name: 'Lớp' }))
        .statusCode,
    ).toBe(403);
    expect((await as('adminB').get(`/api/cohorts/${cohortId}`)).statusCode).toBe(403);
    expect((await as('adminB').patch(`/api/cohorts/${cohortId}`, { name: 'Đổi tên' })).statusCode).toBe(403);
  });

  it('shows each caller only the cohorts they may see', async () => {
    const codes = async (who: string) =>
      (await as(who).get('/api/cohorts')).json().items.map((c: { code: string }) => c.code);
    expect(await codes('adminA')).toEqual(['AI-K1']);
    expect(await codes('trainerA')).toEqual(['AI-K1']);
    expect(await codes('trainerA2')).toEqual([]);
    expect(await codes('adminB')).toEqual([]);
    expect((await as('adminB').get(`/api/cohorts?organisationId=${orgA}`)).json()).toMatchObject({
      total: 0,
      items: [],
    });
    expect((await as('trainerA').get(`/api/cohorts?organisationId=${orgB}`)).json().items).toEqual([]);
    expect(await codes('nic')).toEqual(['AI-K1']);
    expect(await codes('pm')).toEqual(['AI-K1']);
    expect((await as('trainerA').get(`/api/cohorts/${cohortId}`)).json().code).toBe('AI-K1');
    expect((await as('trainerA2').get(`/api/cohorts/${cohortId}`)).statusCode).toBe(403);
  });

  it('lists the open classes of a published course to anyone, without names', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/courses/${course.slug}/cohorts` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: [
        {
          id: cohortId,
          code: 'AI-K1',
          name: 'Lớp AI khoá 1 — Cần Thơ',
          startsOn: isoDay(7),
          endsOn: isoDay(60),
          seatsLeft: 30,
          online: false,
          location: 'Phường Ninh Kiều, Cần Thơ',
          provinceCode: '92',
        },
      ],
    });
    const draft = await makeCourse(t.ctx.db, orgA, 'ban-nhap', { status: 'draft' });
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/courses/${draft.slug}/cohorts` })).statusCode,
    ).toBe(404);
  });

  it('keeps a schedule of sessions', async () => {
    const bad = await as('adminA').post(`/api/cohorts/${cohortId}/sessions`, {
      startsAt: '2026-05-01T10:00:00+07:00',
      endsAt: '2026-05-01T08:00:00+07:00',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual({ '/endsAt': 'Thời điểm kết thúc phải sau thời điểm bắt đầu.' });
    const ok = await as('adminA').post(`/api/cohorts/${cohortId}/sessions`, {
      startsAt: '2026-05-01T08:00:00+07:00',
      endsAt: '2026-05-01T11:30:00+07:00',
      topic: 'Nhập môn học máy',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ startsAt: '2026-05-01T01:00:00.000Z', topic: 'Nhập môn học máy' });
    const list = await as('trainerA').get(`/api/cohorts/${cohortId}/sessions`);
    expect(list.json().items.map((s: { topic: string }) => s.topic)).toEqual(['Nhập môn học máy']);
    expect((await as('trainerA').post(`/api/cohorts/${cohortId}/sessions`, ok.json())).statusCode).toBe(403);
  });

  it('deletes a class that never had anyone, and only cancels one that did', async () => {
    const empty = await newCohort('adminA', { courseId: course.id, code: 'AI-TMP', name: 'Lớp tạm' });
    expect((await as('adminA').delete(`/api/cohorts/${empty.id}`)).statusCode).toBe(204);
    expect(await auditOf(empty.id)).toEqual(['cohort.created', 'cohort.deleted']);
    await as('an').post('/api/me/enrolments', { cohortId });
    const res = await as('adminA').delete(`/api/cohorts/${cohortId}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('COHORT_HAS_ENROLMENTS');
    const cancelled = await as('adminA').patch(`/api/cohorts/${cohortId}`, { status: 'cancelled' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', seatsTaken: 1 });
  });
});

describe('enrolment, waitlist, withdrawal and transfer', () => {
  let course: Awaited<ReturnType<typeof makeCourse>>;
  let k1: string;
  let k2: string;
  const e: Record<string, string> = {};

  beforeAll(async () => {
    course = await makeCourse(t.ctx.db, orgA, 'iot-nong-nghiep', { title: 'IoT cho nông nghiệp' });
    k1 = (await newCohort('adminA', { courseId: course.id, code: 'IOT-K1', name: 'IoT khoá 1', capacity: 2 }))
      .id;
    k2 = (await newCohort('adminA', { courseId: course.id, code: 'IOT-K2', name: 'IoT khoá 2', capacity: 1 }))
      .id;
  });

  it('seats learners while there is room, then waitlists them in order', async () => {
    for (const who of ['an', 'binh', 'chi', 'dung']) {
      const res = await as(who).post('/api/me/enrolments', { cohortId: k1 });
      expect(res.statusCode, res.body).toBe(201);
      e[who] = res.json().id;
    }
    const view = async (who: string) => (await as(who).get(`/api/enrolments/${e[who]}`)).json();
    expect(await view('an')).toMatchObject({
      status: 'enrolled',
      source: 'self',
      waitlistPosition: null,
      cohortId: k1,
    });
    expect(await view('binh')).toMatchObject({ status: 'enrolled' });
    expect(await view('chi')).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await view('dung')).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    expect((await as('adminA').get(`/api/cohorts/${k1}`)).json()).toMatchObject({
      seatsTaken: 2,
      seatsLeft: 0,
      waitlisted: 2,
    });
    expect((await notificationsOf(ids.an!)).map((n) => n.kind)).toContain('enrolled');
    expect((await notificationsOf(ids.chi!)).map((n) => n.kind)).toEqual(['waitlisted']);
    expect(
      t.mail.sent.some(
        (m) => m.to === 'chi@hocvien.vn' && m.subject === 'Bạn đang trong danh sách chờ của lớp IOT-K1',
      ),
    ).toBe(true);
    expect(await auditOf(e.chi!)).toEqual(['enrolment.waitlisted']);
  });

  it('refuses a second enrolment in the same course', async () => {
    const res = await as('an').post('/api/me/enrolments', { cohortId: k2 });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      code: 'ALREADY_ENROLLED',
      message: 'Người này đã ghi danh vào một lớp của khoá học này.',
    });
  });

  it('gives a freed seat to the first on the waitlist', async () => {
    const res = await as('an').post(`/api/enrolments/${e.an}/withdraw`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'withdrawn' });
    expect(res.json().endedAt).not.toBeNull();
    expect(await statusOf(e.chi!)).toBe('enrolled');
    expect((await as('dung').get(`/api/enrolments/${e.dung}`)).json().waitlistPosition).toBe(1);
    expect((await notificationsOf(ids.chi!)).map((n) => n.kind)).toEqual([
      'waitlisted',
      'promoted_from_waitlist',
    ]);
    expect(await auditOf(e.an!)).toEqual(['enrolment.created', 'enrolment.withdrawn']);
    expect(await auditOf(e.chi!)).toEqual(['enrolment.waitlisted', 'enrolment.promoted']);
    const again = await as('an').post(`/api/enrolments/${e.an}/withdraw`);
    expect(again.statusCode).toBe(422);
    expect(again.json().code).toBe('ENROLMENT_NOT_ACTIVE');
  });

  it("lets only the learner or the cohort's admin withdraw", async () => {
    expect((await as('binh').post(`/api/enrolments/${e.dung}/withdraw`)).statusCode).toBe(403);
    expect((await as('adminB').post(`/api/enrolments/${e.dung}/withdraw`)).statusCode).toBe(403);
    expect((await as('trainerA').post(`/api/enrolments/${e.dung}/withdraw`)).statusCode).toBe(403);
    expect(await statusOf(e.dung!)).toBe('waitlisted');
  });

  it('moves a learner to another class of the course with their progress, and fills their old seat', async () => {
    const lesson = course.lessonIds[0]!;
    expect((await as('binh').post(`/api/enrolments/${e.binh}/lessons/${lesson}/complete`)).statusCode).toBe(
      200,
    );
    const res = await as('adminA').post(`/api/enrolments/${e.binh}/transfer`, { cohortId: k2 });
    expect(res.statusCode, res.body).toBe(201);
    const moved = res.json();
    expect(moved).toMatchObject({
      cohortId: k2,
      status: 'enrolled',
      source: 'self',
      person: { fullName: 'binh' },
    });
    expect((await as('binh').get(`/api/enrolments/${e.binh}`)).json()).toMatchObject({
      status: 'transferred',
      transferredTo: moved.id,
    });
    const progress = await t.ctx.db
      .selectFrom('lesson_progress')
      .select('lesson_id')
      .where('enrolment_id', '=', moved.id)
      .execute();
    expect(progress).toEqual([{ lesson_id: lesson }]);
    expect(await statusOf(e.dung!)).toBe('enrolled');
    expect(await auditOf(e.binh!)).toEqual([
      'enrolment.created',
      'lesson.completed',
      'enrolment.transferred',
    ]);
    expect(await auditOf(moved.id)).toEqual(['enrolment.created']);
    expect((await notificationsOf(ids.binh!)).map((n) => n.kind)).toEqual(['enrolled', 'transferred']);
  });

  it('refuses a transfer into a full class or another course', async () => {
    const full = await as('adminA').post(`/api/enrolments/${e.chi}/transfer`, { cohortId: k2 });
    expect(full.statusCode).toBe(409);
    expect(full.json()).toEqual({ code: 'COHORT_FULL', message: 'Lớp «IOT-K2» đã đủ chỗ.' });
    const other = await makeCourse(t.ctx.db, orgA, 'khac', {});
    const otherCohort = await newCohort('adminA', { courseId: other.id, code: 'KHAC-1', name: 'Khác' });
    const res = await as('adminA').post(`/api/enrolments/${e.chi}/transfer`, { cohortId: otherCohort.id });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('TRANSFER_NOT_ALLOWED');
    expect((await as('adminB').post(`/api/enrolments/${e.chi}/transfer`, { cohortId: k2 })).statusCode).toBe(
      403,
    );
    expect(await statusOf(e.chi!)).toBe('enrolled');
  });

  it('promotes the waitlist when the capacity grows', async () => {
    const res = await as('em').post('/api/me/enrolments', { cohortId: k2 });
    expect(res.json()).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const patched = await as('adminA').patch(`/api/cohorts/${k2}`, { capacity: 2 });
    expect(patched.json()).toMatchObject({ capacity: 2, seatsTaken: 2, waitlisted: 0 });
    expect(await statusOf(res.json().id)).toBe('enrolled');
  });

  it('lets the partner admin enrol an account by e-mail or a person by id', async () => {
    const k3 = (await newCohort('adminA', { courseId: course.id, code: 'IOT-K3', name: 'IoT khoá 3' })).id;
    const byEmail = await as('adminA').post(`/api/cohorts/${k3}/enrolments`, { email: 'AN@hocvien.vn' });
    expect(byEmail.statusCode, byEmail.body).toBe(201);
    expect(byEmail.json()).toMatchObject({ status: 'enrolled', source: 'admin', person: { fullName: 'an' } });
    const person = await insertPerson(t.ctx.db, { fullName: 'Thạch Thị Sa Rết' });
    const byId = await as('adminA').post(`/api/cohorts/${k3}/enrolments`, { personId: person.id });
    expect(byId.json()).toMatchObject({
      status: 'enrolled',
      person: { id: person.id, fullName: 'Thạch Thị Sa Rết' },
    });
    const unknown = await as('adminA').post(`/api/cohorts/${k3}/enrolments`, {
      email: 'khong-co@hocvien.vn',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().fields).toEqual({ '/email': 'Không có tài khoản nào với e-mail này.' });
    const both = await as('adminA').post(`/api/cohorts/${k3}/enrolments`, {
      email: 'an@hocvien.vn',
      personId: person.id,
    });
    expect(both.statusCode).toBe(400);
    expect(
      (await as('adminB').post(`/api/cohorts/${k3}/enrolments`, { email: 'em@hocvien.vn' })).statusCode,
    ).toBe(403);
    const roster = await as('trainerA').get(`/api/cohorts/${k3}/enrolments`);
    expect(roster.statusCode).toBe(403);
    const seen = await as('adminA').get(`/api/cohorts/${k3}/enrolments?sort=name`);
    expect(seen.json()).toMatchObject({
      total: 2,
      items: [{ person: { fullName: 'an' } }, { person: { fullName: 'Thạch Thị Sa Rết' } }],
    });
  });

  it('enrols a roster in bulk, idempotently, skipping people already in another class', async () => {
    const k4 = (
      await newCohort('adminA', { courseId: course.id, code: 'IOT-K4', name: 'IoT khoá 4', capacity: 2 })
    ).id;
    const p1 = await insertPerson(t.ctx.db, { fullName: 'Lâm Văn Tư' });
    const p2 = await insertPerson(t.ctx.db, { fullName: 'Kiên Thị Năm' });
    const p3 = await insertPerson(t.ctx.db, { fullName: 'Danh Sáu' });
    const chi = await ensurePersonForUser(t.ctx.db, ids.chi!);
    const run = async () =>
      t.ctx.db.transaction().execute((trx) =>
        enrolPeople(t.ctx, trx, {
          cohortId: k4,
          personIds: [p1.id, p2.id, p3.id, chi.id],
          source: 'roster',
          actorUserId: ids.adminA!,
        }),
      );
    const first = await run();
    await first.deliver();
    expect(first.placements.map((p) => p.status)).toEqual(['enrolled', 'enrolled', 'waitlisted', 'skipped']);
    expect(first.placements[3]!.reason).toBe('ALREADY_ENROLLED');
    const second = await run();
    expect(second.placements.map((p) => p.status)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'skipped',
    ]);
    const rows = await t.ctx.db
      .selectFrom('enrolments')
      .select(['source', 'status'])
      .where('cohort_id', '=', k4)
      .execute();
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.source === 'roster')).toBe(true);
  });

  it('refuses a record merged into another or erased, by id and in bulk, and writes nothing for it', async () => {
    const k5 = (await newCohort('adminA', { courseId: course.id, code: 'IOT-M1', name: 'IoT gộp hồ sơ' })).id;
    const survivor = await insertPerson(t.ctx.db, { fullName: 'Trần Thị Mai', dateOfBirth: '1999-05-04' });
    const merged = await insertPerson(t.ctx.db, { fullName: 'Tran Thi Mai', dateOfBirth: '1999-05-04' });
    const pair = await queuePair(t, survivor.id, merged.id);
    const merging = await as('nic').post(`/api/registry/duplicate-pairs/${pair}/decision`, {
      decision: 'merge',
      survivorId: survivor.id,
    });
    expect(merging.statusCode, merging.body).toBe(200);
    // As an erasure leaves a person (privacy module): the row stays, anonymised.
    const erased = await insertPerson(t.ctx.db, { fullName: 'Người đã xoá' });
    await t.ctx.db
      .updateTable('people')
      .set({ anonymised_at: new Date() })
      .where('id', '=', erased.id)
      .execute();
    const enrolmentsOfK5 = () =>
      t.ctx.db.selectFrom('enrolments').select('person_id').where('cohort_id', '=', k5).execute();

    const byMerged = await as('adminA').post(`/api/cohorts/${k5}/enrolments`, { personId: merged.id });
    expect(byMerged.statusCode, byMerged.body).toBe(400);
    expect(byMerged.json().fields).toEqual({
      '/personId': 'Hồ sơ này đã được gộp vào một hồ sơ khác của cùng người; hãy ghi danh bằng hồ sơ đó.',
    });
    const byErased = await as('nic').post(`/api/cohorts/${k5}/enrolments`, { personId: erased.id });
    expect(byErased.statusCode, byErased.body).toBe(400);
    expect(byErased.json().fields).toEqual({
      '/personId': 'Hồ sơ của người này đã bị xoá theo yêu cầu của họ nên không thể ghi danh.',
    });
    expect(await enrolmentsOfK5()).toEqual([]);

    // In bulk (a roster) they are skipped and the others placed: the survivor is the one enrolled.
    const bulk = await t.ctx.db.transaction().execute((trx) =>
      enrolPeople(t.ctx, trx, {
        cohortId: k5,
        personIds: [merged.id, erased.id, survivor.id],
        source: 'roster',
        actorUserId: ids.adminA!,
      }),
    );
    expect(bulk.placements).toEqual([
      { personId: merged.id, enrolmentId: null, status: 'skipped', reason: 'PERSON_UNAVAILABLE' },
      { personId: erased.id, enrolmentId: null, status: 'skipped', reason: 'PERSON_UNAVAILABLE' },
      { personId: survivor.id, enrolmentId: expect.any(String), status: 'enrolled' },
    ]);
    expect(await enrolmentsOfK5()).toEqual([{ person_id: survivor.id }]);
    const bySurvivor = await as('adminA').post(`/api/cohorts/${k5}/enrolments`, { personId: survivor.id });
    expect(bySurvivor.json().code).toBe('ALREADY_ENROLLED');

    // A merged record is no trainer any more: its certifications and classes are the survivor's.
    expect((await as('nic').get(`/api/trainers/${merged.id}/beneficiaries`)).statusCode).toBe(404);
  });

  it('refuses self-enrolment when the course or the class is not open', async () => {
    const closed = await makeCourse(t.ctx.db, orgA, 'chi-noi-bo', { isOpen: false });
    const c = await newCohort('adminA', { courseId: closed.id, code: 'NB-1', name: 'Nội bộ' });
    const res = await as('em').post('/api/me/enrolments', { cohortId: c.id });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({ code: 'COURSE_NOT_OPEN', message: 'Khoá học này hiện không nhận đăng ký.' });
    const k5 = await newCohort('adminA', {
      courseId: course.id,
      code: 'IOT-K5',
      name: 'Đã đóng',
      status: 'closed',
    });
    const res2 = await as('em').post('/api/me/enrolments', { cohortId: k5.id });
    expect(res2.json()).toEqual({
      code: 'COHORT_NOT_OPEN',
      message: 'Lớp «IOT-K5» hiện không nhận học viên.',
    });
  });
});

describe('prerequisites', () => {
  it('lists the missing prerequisite courses in the learner’s language, then lets them in once completed', async () => {
    const basics = await makeCourse(t.ctx.db, orgA, 'python-co-ban', {
      title: 'Python cơ bản',
      lessons: 1,
      translations: { en: { title: 'Python basics', summary: '' } },
    });
    const advanced = await makeCourse(t.ctx.db, orgA, 'hoc-may-nang-cao', { title: 'Học máy nâng cao' });
    await t.ctx.db
      .insertInto('course_prerequisites')
      .values({ course_id: advanced.id, prerequisite_id: basics.id })
      .execute();
    const adv = await newCohort('adminA', { courseId: advanced.id, code: 'HM-1', name: 'Học máy 1' });
    const bas = await newCohort('adminA', { courseId: basics.id, code: 'PY-1', name: 'Python 1' });

    const vi = await as('em').post('/api/me/enrolments', { cohortId: adv.id });
    expect(vi.statusCode).toBe(422);
    expect(vi.json()).toEqual({
      code: 'PREREQUISITES_MISSING',
      message: 'Bạn cần hoàn thành các khoá học sau trước khi đăng ký: «Python cơ bản».',
    });
    const en = new Browser(t, 'en');
    await en.login('em@hocvien.vn');
    en.cookies.set('nl_lang', 'en');
    expect((await en.post('/api/me/enrolments', { cohortId: adv.id })).json().message).toBe(
      'You need to complete these courses first: «Python basics».',
    );
    expect(
      await t.ctx.db.selectFrom('enrolments').select('id').where('cohort_id', '=', adv.id).execute(),
    ).toEqual([]);

    const enrolment = (await as('em').post('/api/me/enrolments', { cohortId: bas.id })).json();
    const done = await as('em').post(
      `/api/enrolments/${enrolment.id}/lessons/${basics.lessonIds[0]}/complete`,
    );
    expect(done.json()).toMatchObject({ enrolmentCompleted: true, progressPct: 100 });
    expect((await as('em').post('/api/me/enrolments', { cohortId: adv.id })).statusCode).toBe(201);
  });
});

describe('progress and completion', () => {
  it('completes an online course when the required lessons are done and the quiz is passed, issuing one certificate', async () => {
    const course = await makeCourse(t.ctx.db, orgA, 'du-lieu-lon', { title: 'Dữ liệu lớn', lessons: 2 });
    const { quizId, lessonId: quizLesson } = await addQuizLesson(t.ctx.db, course, { passMarkPct: 70 });
    const optional = await addLesson(t.ctx.db, course, { title: 'Đọc thêm', required: false });
    const cohort = await newCohort('adminA', { courseId: course.id, code: 'DL-1', name: 'Dữ liệu lớn 1' });
    const enrolment = (await as('dung').post('/api/me/enrolments', { cohortId: cohort.id })).json()
      .id as string;
    const complete = (lesson: string, who = 'dung') =>
      as(who).post(`/api/enrolments/${enrolment}/lessons/${lesson}/complete`);

    expect((await complete(course.lessonIds[0]!, 'chi')).statusCode).toBe(403);
    const first = await complete(course.lessonIds[0]!);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      enrolmentId: enrolment,
      enrolmentCompleted: false,
      progressPct: 33,
    });
    expect((await complete(course.lessonIds[0]!)).json().progressPct).toBe(33);
    const quizRes = await complete(quizLesson);
    expect(quizRes.statusCode).toBe(422);
    expect(quizRes.json()).toEqual({
      code: 'LESSON_IS_QUIZ',
      message: 'Bài kiểm tra được tính là hoàn thành khi bạn làm bài đạt yêu cầu.',
    });
    expect((await complete(optional)).json().progressPct).toBe(33);
    expect((await complete(course.lessonIds[1]!)).json()).toMatchObject({
      enrolmentCompleted: false,
      progressPct: 66,
    });

    await gradedAttempt(t.ctx.db, enrolment, quizId, 60);
    expect(await evaluateCompletion(t.ctx, enrolment)).toEqual({ completed: false });
    await gradedAttempt(t.ctx.db, enrolment, quizId, 85);
    expect(await evaluateCompletion(t.ctx, enrolment)).toEqual({ completed: true });
    expect(await evaluateCompletion(t.ctx, enrolment)).toEqual({ completed: true });

    const credentials = await t.ctx.db
      .selectFrom('credentials')
      .select(['id', 'course_id'])
      .where('enrolment_id', '=', enrolment)
      .execute();
    expect(credentials).toEqual([{ id: expect.any(String), course_id: course.id }]);
    expect((await auditOf(enrolment)).filter((a) => a === 'enrolment.completed')).toHaveLength(1);
    const kinds = (await notificationsOf(ids.dung!)).map((n) => n.kind);
    expect(kinds.filter((k) => k === 'course_completed')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'certificate_issued')).toHaveLength(1);
    const one = (await as('dung').get(`/api/enrolments/${enrolment}`)).json();
    expect(one).toMatchObject({ status: 'completed' });
    expect(one).not.toHaveProperty('credential');

    // The roster links a completed learner to their certificate, and says when it was revoked.
    const rosterLine = async () =>
      (
        (await as('adminA').get(`/api/cohorts/${cohort.id}/enrolments`)).json() as {
          items: { id: string; credential?: unknown }[];
        }
      ).items.find((e) => e.id === enrolment);
    expect(await rosterLine()).toMatchObject({
      status: 'completed',
      credential: { id: credentials[0]!.id, status: 'active' },
    });
    await t.ctx.db
      .updateTable('credentials')
      .set({ revoked_at: new Date(), revocation_reason: 'issued_in_error' })
      .where('id', '=', credentials[0]!.id)
      .execute();
    expect((await rosterLine())?.credential).toEqual({ id: credentials[0]!.id, status: 'revoked' });
  });

  it('counts attendance for in-person courses: excused is neither present nor held, and a new mark completes', async () => {
    const course = await makeCourse(t.ctx.db, orgA, 'lap-rap-dien-tu', {
      title: 'Lắp ráp điện tử',
      deliveryMode: 'in_person',
      minAttendancePct: 75,
      lessons: 1,
    });
    const cohort = await newCohort('adminA', {
      courseId: course.id,
      code: 'LR-1',
      name: 'Lắp ráp 1',
      trainerUserIds: [ids.trainerA],
    });
    const sessions: string[] = [];
    for (const day of [-10, -8, -6, -4, 5]) {
      const s = await as('adminA').post(`/api/cohorts/${cohort.id}/sessions`, {
        startsAt: daysFromNow(day, 8).toISOString(),
        endsAt: daysFromNow(day, 11).toISOString(),
      });
      sessions.push(s.json().id);
    }
    const enrolment = (await as('em').post('/api/me/enrolments', { cohortId: cohort.id })).json()
      .id as string;
    const other = (await as('chi').post('/api/me/enrolments', { cohortId: cohort.id })).json().id as string;
    await as('em').post(`/api/enrolments/${enrolment}/lessons/${course.lessonIds[0]}/complete`);
    expect(await statusOf(enrolment)).toBe('enrolled');

    const mark = (who: string, session: string, items: { enrolmentId: string; status: string }[]) =>
      as(who).put(`/api/cohorts/${cohort.id}/sessions/${session}/attendance`, { items });
    const [s1, s2, s3, s4, future] = sessions as [string, string, string, string, string];

    expect((await mark('trainerB', s1, [{ enrolmentId: enrolment, status: 'present' }])).statusCode).toBe(
      403,
    );
    expect((await mark('trainerA2', s1, [{ enrolmentId: enrolment, status: 'present' }])).statusCode).toBe(
      403,
    );
    expect((await mark('adminB', s1, [{ enrolmentId: enrolment, status: 'present' }])).statusCode).toBe(403);
    const outsider = await mark('trainerA', s1, [
      { enrolmentId: enrolment, status: 'present' },
      { enrolmentId: course.lessonIds[0]!, status: 'present' },
    ]);
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().fields).toEqual({ '/items/1/enrolmentId': 'Học viên này không thuộc lớp.' });
    expect(await t.ctx.db.selectFrom('attendance').select('status').execute()).toEqual([]);

    const res = await mark('trainerA', s1, [
      { enrolmentId: enrolment, status: 'present' },
      { enrolmentId: other, status: 'absent' },
    ]);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({ fullName: 'chi', status: 'absent' }),
      expect.objectContaining({ fullName: 'em', status: 'present' }),
    ]);
    await mark('trainerA', s2, [{ enrolmentId: enrolment, status: 'present' }]);
    await mark('adminA', s3, [{ enrolmentId: enrolment, status: 'excused' }]);
    const single = await as('trainerA').put(
      `/api/cohorts/${cohort.id}/sessions/${s4}/attendance/${enrolment}`,
      {
        status: 'absent',
      },
    );
    expect(single.statusCode).toBe(200);
    // A mark on a session not held yet does not count.
    await mark('trainerA', future, [{ enrolmentId: enrolment, status: 'present' }]);
    // 2 present ÷ (4 held − 1 excused) = 66.7 % < 75 %
    expect(await statusOf(enrolment)).toBe('enrolled');
    const gradebook = (await as('trainerA').get(`/api/cohorts/${cohort.id}/gradebook`)).json();
    expect(
      gradebook.rows.find((r: { enrolmentId: string }) => r.enrolmentId === enrolment).attendancePct,
    ).toBe(66.7);

    await as('trainerA').put(`/api/cohorts/${cohort.id}/sessions/${s4}/attendance/${enrolment}`, {
      status: 'present',
    });
    expect(await statusOf(enrolment)).toBe('completed');
    expect(await statusOf(other)).toBe('enrolled');
    expect((await auditOf(enrolment)).filter((a) => a === 'attendance.recorded')).toHaveLength(6);
    const notInCohort = await as('trainerA').put(
      `/api/cohorts/${cohort.id}/sessions/${s4}/attendance/${ids.an}`,
      {
        status: 'present',
      },
    );
    expect(notInCohort.statusCode).toBe(404);
    // A session with marks is part of the record.
    const del = await as('adminA').delete(`/api/cohorts/${cohort.id}/sessions/${s1}`);
    expect(del.json().code).toBe('SESSION_HAS_ATTENDANCE');
  });
});

describe('training of trainers', () => {
  it('certifies trainers and counts the people they reached once, from cohorts started after certification', async () => {
    const tot = await makeCourse(t.ctx.db, orgA, 'dao-tao-giang-vien', {
      title: 'Đào tạo giảng viên số',
      isTot: true,
      lessons: 1,
    });
    const totCohort = await newCohort('adminA', { courseId: tot.id, code: 'TOT-1', name: 'ToT 1' });
    const trainerPeople: string[] = [];
    for (const who of ['trainerA', 'trainerA2']) {
      const e = (await as(who).post('/api/me/enrolments', { cohortId: totCohort.id })).json().id;
      const done = await as(who).post(`/api/enrolments/${e}/lessons/${tot.lessonIds[0]}/complete`);
      expect(done.json().enrolmentCompleted).toBe(true);
      trainerPeople.push((await ensurePersonForUser(t.ctx.db, ids[who]!)).id);
    }
    const certs = await t.ctx.db
      .selectFrom('trainer_certifications')
      .select(['person_id', 'credential_id'])
      .where('course_id', '=', tot.id)
      .orderBy('person_id')
      .execute();
    expect(certs.map((c) => c.person_id).sort()).toEqual([...trainerPeople].sort());
    expect(certs.every((c) => c.credential_id !== null)).toBe(true);

    // Certified a month ago, so that classes can have started since.
    await t.ctx.db
      .updateTable('trainer_certifications')
      .set({ certified_at: daysFromNow(-30, 9) })
      .where('course_id', '=', tot.id)
      .execute();

    const course = await makeCourse(t.ctx.db, orgA, 'ky-nang-so-cho-nong-dan', {
      title: 'Kỹ năng số cho nông dân',
    });
    const cohortOf = (code: string, startsIn: number, trainers: string[], c = course.id) =>
      newCohort('adminA', {
        courseId: c,
        code,
        name: code,
        startsOn: isoDay(startsIn),
        trainerUserIds: trainers,
      });
    const both = await cohortOf('KNS-1', -10, [ids.trainerA!, ids.trainerA2!]);
    const before = await cohortOf('KNS-0', -40, [ids.trainerA!]);
    const second = await cohortOf('KNS-2', -5, [ids.trainerA2!]);
    const later = await cohortOf('KNS-3', 5, [ids.trainerA2!]);
    const people = await Promise.all(
      ['Y Bhin', 'Hà Thị Mỷ', 'Sơn Văn Hên', 'Rơ Mah Tuân', 'Lò Văn Pả'].map((n) =>
        insertPerson(t.ctx.db, { fullName: n }),
      ),
    );
    const [p1, p2, p3, p4, p5] = people.map((p) => p.id) as [string, string, string, string, string];
    const roster = (cohortId: string, personIds: string[]) =>
      t.ctx.db
        .transaction()
        .execute((trx) =>
          enrolPeople(t.ctx, trx, { cohortId, personIds, source: 'roster', actorUserId: ids.adminA! }),
        );
    await roster(both.id, [p1, p2]);
    await roster(before.id, [p3]);
    await roster(second.id, [p4]);
    await roster(later.id, [p5]);
    // p1 again, in another course's class taught by the second trainer: still one person reached.
    const course2 = await makeCourse(t.ctx.db, orgA, 'an-toan-mang', { title: 'An toàn mạng' });
    await roster((await cohortOf('ATM-1', -3, [ids.trainerA2!], course2.id)).id, [p1]);

    expect(await indirectBeneficiaries(t.ctx.db, {})).toEqual({ count: 3 });
    expect(await indirectBeneficiaries(t.ctx.db, { trainerPersonId: trainerPeople[0] })).toEqual({
      count: 2,
    });
    expect(await indirectBeneficiaries(t.ctx.db, { trainerPersonId: trainerPeople[1] })).toEqual({
      count: 3,
    });
    expect(await indirectBeneficiaries(t.ctx.db, { organisationId: orgB })).toEqual({ count: 0 });
    expect(await indirectBeneficiaries(t.ctx.db, { from: isoDay(-6) })).toEqual({ count: 2 });
    expect(await indirectBeneficiaries(t.ctx.db, { today: isoDay(10) })).toEqual({ count: 4 });

    const res = await as('adminA').get(`/api/trainers/${trainerPeople[0]}/beneficiaries`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      trainer: { personId: trainerPeople[0], fullName: 'tam', certifiedOn: isoDay(-30) },
      count: 2,
      total: 2,
      items: [{ fullName: 'Hà Thị Mỷ' }, { fullName: 'Y Bhin' }],
    });
    expect((await as('pm').get(`/api/trainers/${trainerPeople[1]}/beneficiaries`)).json().count).toBe(3);
    expect((await as('adminB').get(`/api/trainers/${trainerPeople[0]}/beneficiaries`)).statusCode).toBe(403);
    expect((await as('trainerB').get(`/api/trainers/${trainerPeople[0]}/beneficiaries`)).statusCode).toBe(
      403,
    );
    expect((await as('nic').get(`/api/trainers/${p1}/beneficiaries`)).json()).toMatchObject({
      count: 0,
      trainer: { certifiedOn: null },
    });
  });
});

describe('my learning', () => {
  it('shows current classes with progress, the next lesson and session, the waitlist, and completions', async () => {
    await createUser(t, 'giang@hocvien.vn');
    const me = await new Browser(t).login('giang@hocvien.vn');
    me.cookies.set('nl_lang', 'ja');
    const course = await makeCourse(t.ctx.db, orgA, 'tieng-nhat-n4', {
      title: 'Tiếng Nhật N4',
      translations: { ja: { title: '日本語N4', summary: '' } },
      lessons: 3,
    });
    const cohort = await newCohort('adminA', {
      courseId: course.id,
      code: 'JP-1',
      name: 'Tiếng Nhật 1',
      startsOn: isoDay(-3),
      endsOn: isoDay(40),
    });
    await as('adminA').post(`/api/cohorts/${cohort.id}/sessions`, {
      startsAt: daysFromNow(-2).toISOString(),
      endsAt: daysFromNow(-2, 10).toISOString(),
    });
    const next = (
      await as('adminA').post(`/api/cohorts/${cohort.id}/sessions`, {
        startsAt: daysFromNow(2).toISOString(),
        endsAt: daysFromNow(2, 10).toISOString(),
        location: 'Phòng 201',
      })
    ).json();
    const enrolment = (await me.post('/api/me/enrolments', { cohortId: cohort.id })).json().id;
    await me.post(`/api/enrolments/${enrolment}/lessons/${course.lessonIds[0]}/complete`);
    await me.post(`/api/enrolments/${enrolment}/lessons/${course.lessonIds[2]}/complete`);

    const full = await makeCourse(t.ctx.db, orgA, 'an-toan-dien', { title: 'An toàn điện' });
    const fullCohort = await newCohort('adminA', {
      courseId: full.id,
      code: 'ATD-1',
      name: 'Đầy',
      capacity: 1,
    });
    await as('an').post('/api/me/enrolments', { cohortId: fullCohort.id });
    const waiting = (await me.post('/api/me/enrolments', { cohortId: fullCohort.id })).json().id;

    const short = await makeCourse(t.ctx.db, orgA, 'so-cuu', { title: 'Sơ cứu', lessons: 1 });
    const shortCohort = await newCohort('adminA', { courseId: short.id, code: 'SC-1', name: 'Sơ cứu' });
    const finished = (await me.post('/api/me/enrolments', { cohortId: shortCohort.id })).json().id;
    await me.post(`/api/enrolments/${finished}/lessons/${short.lessonIds[0]}/complete`);

    const res = await me.get('/api/me/learning');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const current = new Map(body.current.map((c: { enrolmentId: string }) => [c.enrolmentId, c]));
    expect(current.get(enrolment)).toEqual({
      enrolmentId: enrolment,
      status: 'enrolled',
      course: { id: course.id, slug: 'tieng-nhat-n4', title: '日本語N4' },
      cohort: { id: cohort.id, code: 'JP-1', startsOn: isoDay(-3), endsOn: isoDay(40), online: true },
      progressPct: 66,
      nextLesson: { id: course.lessonIds[1], title: 'Bài 2', kind: 'text' },
      nextSession: { startsAt: next.startsAt, endsAt: next.endsAt, location: 'Phòng 201' },
      waitlistPosition: null,
    });
    expect(current.get(waiting)).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
      nextSession: null,
    });
    const credential = await t.ctx.db
      .selectFrom('credentials')
      .select('id')
      .where('enrolment_id', '=', finished)
      .executeTakeFirstOrThrow();
    expect(body.completed).toEqual([
      {
        enrolmentId: finished,
        course: { id: short.id, slug: 'so-cuu', title: 'Sơ cứu' },
        cohortCode: 'SC-1',
        completedAt: expect.any(String),
        credentialId: credential.id,
      },
    ]);
    // Small enough for a phone on a slow network.
    expect(res.body.length).toBeLessThan(2000);
  });

  it('is empty for someone who never enrolled', async () => {
    expect((await as('adminB').get('/api/me/learning')).json()).toEqual({ current: [], completed: [] });
  });
});

describe('tenant isolation of classes and enrolments', () => {
  it("refuses another partner's admin and trainer every cohort and enrolment route of partner A, changing nothing", async () => {
    const course = await makeCourse(t.ctx.db, orgA, 'co-lap', { title: 'Cô lập' });
    const other = await newCohort('adminA', { courseId: course.id, code: 'CL-2', name: 'Lớp khác' });
    const cohort = await newCohort('adminA', {
      courseId: course.id,
      code: 'CL-1',
      name: 'Lớp cô lập',
      trainerUserIds: [ids.trainerA],
    });
    const session = (
      await as('adminA').post(`/api/cohorts/${cohort.id}/sessions`, {
        startsAt: daysFromNow(-1).toISOString(),
        endsAt: daysFromNow(-1, 10).toISOString(),
      })
    ).json().id;
    const enrolment = (
      await as('adminA').post(`/api/cohorts/${cohort.id}/enrolments`, { email: 'em@hocvien.vn' })
    ).json().id;
    const before = await t.ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const routes = t.routes.filter(
      (r) => /^\/api\/(cohorts|enrolments)\/:id/.test(r.url) || r.url.startsWith('/api/trainers/'),
    );
    expect(routes.length).toBeGreaterThan(15);
    const body = {
      cohortId: other.id,
      email: 'binh@hocvien.vn',
      userIds: [ids.trainerB],
      items: [{ enrolmentId: enrolment, status: 'present' }],
      name: 'Bị sửa',
      code: 'HACK-1',
      startsAt: daysFromNow(1).toISOString(),
      endsAt: daysFromNow(1, 10).toISOString(),
    };
    const person = (await ensurePersonForUser(t.ctx.db, ids.trainerA!)).id;
    for (const who of ['adminB', 'trainerB']) {
      for (const r of routes) {
        const url = r.url
          .replace(':id', r.url.startsWith('/api/enrolments') ? enrolment : cohort.id)
          .replace(':sessionId', session)
          .replace(':enrolmentId', enrolment)
          .replace(':lessonId', course.lessonIds[0]!)
          .replace(':personId', person);
        const send = r.url.endsWith(':enrolmentId') ? { status: 'present' } : body;
        const res = await as(who).request(r.method as 'GET', url, r.method === 'GET' ? undefined : send);
        expect
          .soft([403, 404], `${who} ${r.method} ${r.url} gave ${res.statusCode} ${res.body}`)
          .toContain(res.statusCode);
      }
    }
    const after = await t.ctx.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    expect(await statusOf(enrolment)).toBe('enrolled');
  });
});
