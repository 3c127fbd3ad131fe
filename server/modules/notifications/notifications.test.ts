/** In-app notifications and their e-mails, in the reader's language; the day-before reminder. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, createTestApp, createUser, type TestApp } from '../../test/app';
import { enrolPeople, todayInVietnam } from '../enrolment/service';
import { isoDay, makeCourse } from '../enrolment/test-fixtures';
import { insertOrganisation } from '../organisations/repo';
import { ensurePersonForUser, insertPerson } from '../people/repo';
import { nextDay, sendCohortStartReminders } from './reminders';
import { notify } from './service';

let t: TestApp;
let org: string;
let lan: { id: string };
let yuko: { id: string };
const course = { title: 'Kỹ năng số', translations: { ja: { title: 'デジタルスキル' } }, language: 'vi' };

beforeAll(async () => {
  t = await createTestApp();
  org = (
    await insertOrganisation(t.ctx.db, { slug: 'mekong', name: 'Học viện Mekong', kind: 'training_partner' })
  ).id;
  lan = await createUser(t, 'lan@hocvien.vn');
  yuko = await createUser(t, 'yuko@example.jp');
  await t.ctx.db.updateTable('users').set({ locale: 'ja' }).where('id', '=', yuko.id).execute();
});
afterAll(() => t.close());

describe('notify', () => {
  it('writes an in-app notification and mails it in the account’s language', async () => {
    await notify(
      t.ctx,
      lan.id,
      'certificate_issued',
      { course, issuer: 'Học viện Mekong' },
      '/credentials/abc',
    );
    await notify(
      t.ctx,
      yuko.id,
      'certificate_issued',
      { course, issuer: 'Học viện Mekong' },
      '/credentials/abc',
    );
    const vi = t.mail.sent.find((m) => m.to === 'lan@hocvien.vn')!;
    expect(vi.subject).toBe('Giấy chứng nhận «Kỹ năng số» đã được cấp');
    expect(vi.text).toBe(
      'Xin chào lan,\n\nHọc viện Mekong đã cấp cho bạn giấy chứng nhận hoàn thành khoá học «Kỹ năng số». Bất kỳ ai cũng có thể xác thực giấy chứng nhận qua liên kết của nó.\n\nXem chi tiết: http://localhost:3000/credentials/abc\n\nNhân Lực — Trung tâm Đổi mới sáng tạo Quốc gia',
    );
    const ja = t.mail.sent.find((m) => m.to === 'yuko@example.jp')!;
    expect(ja.subject).toBe('「デジタルスキル」の修了証が発行されました');
    expect(ja.text).toContain('yuko 様');
  });

  it('shows the bell in the reader’s current language, newest first, with the unread count', async () => {
    await notify(
      t.ctx,
      lan.id,
      'certificate_revoked',
      { course: 'Kỹ năng số', issuer: 'Học viện Mekong', reason: 'superseded' },
      null,
    );
    const b = await new Browser(t).login('lan@hocvien.vn');
    const res = await b.get('/api/me/notifications');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ total: 2, unread: 2, page: 1, pageSize: 20 });
    expect(body.items[0]).toEqual({
      id: expect.any(String),
      kind: 'certificate_revoked',
      title: 'Giấy chứng nhận «Kỹ năng số» đã bị thu hồi',
      body: 'Học viện Mekong đã thu hồi giấy chứng nhận khoá học «Kỹ năng số» của bạn. Lý do: Đã được thay bằng giấy chứng nhận mới.',
      link: null,
      createdAt: expect.any(String),
      read: false,
    });
    b.cookies.set('nl_lang', 'ja');
    const ja = (await b.get('/api/me/notifications')).json();
    expect(ja.items[1]).toMatchObject({
      title: '「デジタルスキル」の修了証が発行されました',
      body: 'Học viện Mekong がコース「デジタルスキル」の修了証を発行しました。リンクから誰でも真正性を確認できます。',
      link: '/credentials/abc',
    });
  });

  it('marks one or all read, and only ever the caller’s own', async () => {
    const b = await new Browser(t).login('lan@hocvien.vn');
    const other = await new Browser(t).login('yuko@example.jp');
    const [first] = (await b.get('/api/me/notifications')).json().items;
    expect((await other.post(`/api/me/notifications/${first.id}/read`)).statusCode).toBe(404);
    const read = await b.post(`/api/me/notifications/${first.id}/read`);
    expect(read.json()).toMatchObject({ id: first.id, read: true });
    expect((await b.get('/api/me/notifications?unread=true')).json()).toMatchObject({ total: 1, unread: 1 });
    expect((await b.post('/api/me/notifications/read-all')).json()).toEqual({ marked: 1 });
    expect((await b.get('/api/me/notifications')).json()).toMatchObject({ total: 2, unread: 0 });
    expect((await other.get('/api/me/notifications')).json()).toMatchObject({ total: 1, unread: 1 });
  });
});

describe('enrolment notifications', () => {
  it('tells people with an account, in their language, and nobody else', async () => {
    const c = await makeCourse(t.ctx.db, org, 'ky-nang-so', {
      title: 'Kỹ năng số',
      translations: { ja: { title: 'デジタルスキル', summary: '' } },
    });
    const cohort = await t.ctx.db
      .insertInto('cohorts')
      .values({ course_id: c.id, organisation_id: org, code: 'KNS-1', name: 'Kỹ năng số 1', capacity: 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const noAccount = await insertPerson(t.ctx.db, { fullName: 'Chau Sóc Kha' });
    const yukoPerson = await ensurePersonForUser(t.ctx.db, yuko.id);
    const before = await t.ctx.db.selectFrom('notifications').select('id').execute();
    const { deliver } = await t.ctx.db.transaction().execute((trx) =>
      enrolPeople(t.ctx, trx, {
        cohortId: cohort.id,
        personIds: [noAccount.id, yukoPerson.id],
        source: 'roster',
        actorUserId: null,
      }),
    );
    await deliver();
    const after = await t.ctx.db.selectFrom('notifications').select(['user_id', 'kind']).execute();
    expect(after.length - before.length).toBe(1);
    expect(after.at(-1)).toEqual({ user_id: yuko.id, kind: 'waitlisted' });
    expect(t.mail.sent.at(-1)).toMatchObject({
      to: 'yuko@example.jp',
      subject: 'クラス KNS-1 のキャンセル待ちに登録されました',
    });
  });
});

describe('cohort start reminders', () => {
  it('reminds seated learners with an account the day before, once', async () => {
    const c = await makeCourse(t.ctx.db, org, 'tieng-nhat', {
      title: 'Tiếng Nhật N5',
      translations: { ja: { title: '日本語N5', summary: '' } },
    });
    const cohortOn = (code: string, startsOn: string) =>
      t.ctx.db
        .insertInto('cohorts')
        .values({
          course_id: c.id,
          organisation_id: org,
          code,
          name: `Tiếng Nhật sơ cấp ${code.slice(-1)}`,
          starts_on: startsOn,
          capacity: 2,
          online: false,
          location: 'Phòng 3, Cần Thơ',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const tomorrow = await cohortOn('JP-1', isoDay(1));
    const later = await cohortOn('JP-2', isoDay(2));
    const lanPerson = await ensurePersonForUser(t.ctx.db, lan.id);
    const yukoPerson = await ensurePersonForUser(t.ctx.db, yuko.id);
    const waiting = await createUser(t, 'cho@hocvien.vn');
    const waitingPerson = await ensurePersonForUser(t.ctx.db, waiting.id);
    const noAccount = await insertPerson(t.ctx.db, { fullName: 'Kim Thị Sa Ly' });
    await t.ctx.db.transaction().execute(async (trx) => {
      await enrolPeople(t.ctx, trx, {
        cohortId: tomorrow.id,
        personIds: [lanPerson.id, noAccount.id, waitingPerson.id],
        source: 'roster',
        actorUserId: null,
      });
      await enrolPeople(t.ctx, trx, {
        cohortId: later.id,
        personIds: [yukoPerson.id],
        source: 'roster',
        actorUserId: null,
      });
    });
    const mailsBefore = t.mail.sent.length;

    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(await sendCohortStartReminders(t.ctx, todayInVietnam())).toEqual({ sent: 1 });
    expect(await sendCohortStartReminders(t.ctx, todayInVietnam())).toEqual({ sent: 0 });
    const reminders = await t.ctx.db
      .selectFrom('notifications')
      .select(['user_id', 'params'])
      .where('kind', '=', 'cohort_starting')
      .execute();
    expect(reminders).toEqual([
      { user_id: lan.id, params: expect.objectContaining({ cohortId: tomorrow.id, cohortCode: 'JP-1' }) },
    ]);
    const mails = t.mail.sent.slice(mailsBefore);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Lớp JP-1 bắt đầu vào ngày mai');
    expect(mails[0]!.text).toContain(
      'Lớp JP-1 (Tiếng Nhật sơ cấp 1) của khoá học «Tiếng Nhật N5» bắt đầu vào ',
    );
    expect(mails[0]!.text).toContain('Địa điểm: Phòng 3, Cần Thơ.');

    // The next day it is the other class's turn, in Japanese for its learner.
    expect(await sendCohortStartReminders(t.ctx, isoDay(1))).toEqual({ sent: 1 });
    const ja = t.mail.sent.at(-1)!;
    expect(ja).toMatchObject({ to: 'yuko@example.jp', subject: 'クラス JP-2 は明日開講します' });
    expect(ja.text).toContain('コース「日本語N5」のクラス JP-2（Tiếng Nhật sơ cấp 2）は ');
  });
});
