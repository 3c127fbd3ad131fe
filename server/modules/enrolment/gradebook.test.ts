/** The gradebook of a cohort as JSON and as an Excel file read back with exceljs. */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, createTestApp, createUser, type TestApp } from '../../test/app';
import { insertOrganisation } from '../organisations/repo';
import { insertPerson } from '../people/repo';
import { evaluateCompletion } from './completion';
import { sheetName } from './gradebook';
import { enrolPeople } from './service';
import { addLesson, addQuizLesson, daysFromNow, gradedAttempt, isoDay, makeCourse } from './test-fixtures';

let t: TestApp;
let orgA: string;
let cohortId: string;
let lessons: string[];
const enrolments: Record<string, string> = {};
const browsers: Record<string, Browser> = {};

beforeAll(async () => {
  t = await createTestApp();
  orgA = (
    await insertOrganisation(t.ctx.db, { slug: 'mekong', name: 'Học viện Mekong', kind: 'training_partner' })
  ).id;
  const orgB = (
    await insertOrganisation(t.ctx.db, { slug: 'da-nang', name: 'Đà Nẵng', kind: 'training_partner' })
  ).id;
  const nic = (await insertOrganisation(t.ctx.db, { slug: 'nic', name: 'NIC', kind: 'nic' })).id;
  const trainer = await createUser(t, 'tam@mekong.vn', [{ role: 'trainer', organisationId: orgA }]);
  await createUser(t, 'admin@mekong.vn', [{ role: 'partner_admin', organisationId: orgA }]);
  await createUser(t, 'phuc@mekong.vn', [{ role: 'trainer', organisationId: orgA }]);
  await createUser(t, 'admin@danang.vn', [{ role: 'partner_admin', organisationId: orgB }]);
  await createUser(t, 'minh@nic.vn', [{ role: 'program_manager', organisationId: nic }]);
  for (const email of [
    'tam@mekong.vn',
    'admin@mekong.vn',
    'phuc@mekong.vn',
    'admin@danang.vn',
    'minh@nic.vn',
  ]) {
    browsers[email] = await new Browser(t).login(email);
  }

  const course = await makeCourse(t.ctx.db, orgA, 'vi-mach-co-ban', {
    title: 'Vi mạch cơ bản',
    translations: { ja: { title: '集積回路の基礎', summary: '' } },
    deliveryMode: 'blended',
    minAttendancePct: 50,
    lessons: 2,
  });
  const quiz = await addQuizLesson(t.ctx.db, course, { title: 'Kiểm tra giữa khoá', passMarkPct: 70 });
  const optional = await addLesson(t.ctx.db, course, { title: 'Đọc thêm: lịch sử bán dẫn', required: false });
  await addLesson(t.ctx.db, course, { title: 'Bản nháp', status: 'draft' });
  lessons = [...course.lessonIds, quiz.lessonId, optional];

  const admin = browsers['admin@mekong.vn']!;
  const cohort = await admin.post('/api/cohorts', {
    courseId: course.id,
    code: 'VM/2026-K1',
    name: 'Vi mạch khoá 1',
    startsOn: isoDay(-14),
    capacity: 2,
    trainerUserIds: [trainer.id],
  });
  cohortId = cohort.json().id;
  const sessions: string[] = [];
  for (const day of [-7, -3, 4]) {
    sessions.push(
      (
        await admin.post(`/api/cohorts/${cohortId}/sessions`, {
          startsAt: daysFromNow(day, 8).toISOString(),
          endsAt: daysFromNow(day, 11).toISOString(),
        })
      ).json().id,
    );
  }
  const names = ['Nguyễn Thị Ánh', 'Đặng Văn Đức', 'Bùi Minh'];
  const people: { id: string }[] = [];
  for (const n of names) people.push(await insertPerson(t.ctx.db, { fullName: n }));
  const { placements } = await t.ctx.db.transaction().execute((trx) =>
    enrolPeople(t.ctx, trx, {
      cohortId,
      personIds: people.map((p) => p.id),
      source: 'roster',
      actorUserId: null,
    }),
  );
  names.forEach((n, i) => {
    enrolments[n] = placements[i]!.enrolmentId!;
  });
  const anh = enrolments['Nguyễn Thị Ánh']!;
  const duc = enrolments['Đặng Văn Đức']!;
  await t.ctx.db
    .insertInto('lesson_progress')
    .values([
      { enrolment_id: duc, lesson_id: lessons[0]! },
      { enrolment_id: duc, lesson_id: lessons[1]! },
      { enrolment_id: anh, lesson_id: lessons[0]! },
      { enrolment_id: anh, lesson_id: optional },
    ])
    .execute();
  await gradedAttempt(t.ctx.db, duc, quiz.quizId, 55);
  await gradedAttempt(t.ctx.db, duc, quiz.quizId, 92.5);
  await gradedAttempt(t.ctx.db, anh, quiz.quizId, 40);
  await browsers['tam@mekong.vn']!.put(`/api/cohorts/${cohortId}/sessions/${sessions[0]}/attendance`, {
    items: [
      { enrolmentId: duc, status: 'present' },
      { enrolmentId: anh, status: 'excused' },
    ],
  });
  await browsers['tam@mekong.vn']!.put(`/api/cohorts/${cohortId}/sessions/${sessions[1]}/attendance`, {
    items: [
      { enrolmentId: duc, status: 'absent' },
      { enrolmentId: anh, status: 'present' },
    ],
  });
  await evaluateCompletion(t.ctx, duc);
});
afterAll(() => t.close());

describe('gradebook', () => {
  it('has one row per enrolment and one cell per published lesson', async () => {
    const res = await browsers['tam@mekong.vn']!.get(`/api/cohorts/${cohortId}/gradebook`);
    expect(res.statusCode).toBe(200);
    const g = res.json();
    expect(g.cohort).toMatchObject({ id: cohortId, code: 'VM/2026-K1', courseTitle: 'Vi mạch cơ bản' });
    expect(g.lessons).toEqual([
      { id: lessons[0], title: 'Bài 1', kind: 'text', required: true },
      { id: lessons[1], title: 'Bài 2', kind: 'text', required: true },
      { id: lessons[2], title: 'Kiểm tra giữa khoá', kind: 'quiz', required: true },
      { id: lessons[3], title: 'Đọc thêm: lịch sử bán dẫn', kind: 'text', required: false },
    ]);
    expect(g).toMatchObject({ sessionsHeld: 2, minAttendancePct: 50, total: 3, page: 1 });
    expect(g.rows).toEqual([
      {
        enrolmentId: enrolments['Bùi Minh'],
        personId: expect.any(String),
        fullName: 'Bùi Minh',
        status: 'waitlisted',
        cells: [
          { done: false, scorePct: null },
          { done: false, scorePct: null },
          { done: false, scorePct: null },
          { done: false, scorePct: null },
        ],
        attendancePct: 0,
        progressPct: 0,
        completed: false,
      },
      {
        enrolmentId: enrolments['Đặng Văn Đức'],
        personId: expect.any(String),
        fullName: 'Đặng Văn Đức',
        status: 'completed',
        cells: [
          { done: true, scorePct: null },
          { done: true, scorePct: null },
          { done: true, scorePct: 92.5 },
          { done: false, scorePct: null },
        ],
        attendancePct: 50,
        progressPct: 100,
        completed: true,
      },
      {
        enrolmentId: enrolments['Nguyễn Thị Ánh'],
        personId: expect.any(String),
        fullName: 'Nguyễn Thị Ánh',
        status: 'enrolled',
        cells: [
          { done: true, scorePct: null },
          { done: false, scorePct: null },
          { done: false, scorePct: 40 },
          { done: true, scorePct: null },
        ],
        attendancePct: 100,
        progressPct: 33,
        completed: false,
      },
    ]);
  });

  it('sorts and pages the rows', async () => {
    const res = await browsers['minh@nic.vn']!.get(
      `/api/cohorts/${cohortId}/gradebook?sort=-progress&pageSize=2&page=1`,
    );
    expect(res.json().rows.map((r: { fullName: string }) => r.fullName)).toEqual([
      'Đặng Văn Đức',
      'Nguyễn Thị Ánh',
    ]);
    const page2 = await browsers['minh@nic.vn']!.get(
      `/api/cohorts/${cohortId}/gradebook?sort=-progress&pageSize=2&page=2`,
    );
    expect(page2.json()).toMatchObject({ total: 3, page: 2, pageSize: 2, rows: [{ fullName: 'Bùi Minh' }] });
  });

  it('is for the cohort’s trainers, its partner admin and NIC staff only', async () => {
    expect((await browsers['admin@mekong.vn']!.get(`/api/cohorts/${cohortId}/gradebook`)).statusCode).toBe(
      200,
    );
    for (const who of ['phuc@mekong.vn', 'admin@danang.vn']) {
      const res = await browsers[who]!.get(`/api/cohorts/${cohortId}/gradebook`);
      expect(res.statusCode, who).toBe(403);
      expect((await browsers[who]!.get(`/api/cohorts/${cohortId}/gradebook.xlsx`)).statusCode, who).toBe(403);
    }
  });

  it('exports an Excel sheet: bold frozen header, widths, percentages, Vietnamese text', async () => {
    const res = await browsers['admin@mekong.vn']!.get(`/api/cohorts/${cohortId}/gradebook.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toBe('attachment; filename="gradebook-VM_2026-K1.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets).toHaveLength(1);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Bảng điểm VM 2026-K1');
    expect(ws.name.length).toBeLessThanOrEqual(31);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    const header = ws.getRow(1);
    expect(header.values).toEqual([
      undefined,
      'Họ và tên',
      'Trạng thái',
      'Bài 1',
      'Bài 2',
      'Kiểm tra giữa khoá',
      'Đọc thêm: lịch sử bán dẫn (tự chọn)',
      'Chuyên cần',
      'Tiến độ',
      'Hoàn thành',
    ]);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(ws.getColumn(1).width).toBe(30);
    expect(ws.rowCount).toBe(4);
    const duc = ws.getRow(3);
    expect(duc.values).toEqual([
      undefined,
      'Đặng Văn Đức',
      'Hoàn thành',
      '✓',
      '✓',
      0.925,
      undefined,
      0.5,
      1,
      'Có',
    ]);
    expect(duc.getCell(5).numFmt).toBe('0%');
    expect(duc.getCell(7).numFmt).toBe('0.0%');
    expect(duc.getCell(8).numFmt).toBe('0%');
    expect(ws.getRow(4).values).toEqual([
      undefined,
      'Nguyễn Thị Ánh',
      'Đang học',
      '✓',
      undefined,
      0.4,
      '✓',
      1,
      0.33,
      'Chưa',
    ]);
    expect(ws.getRow(2).getCell(2).value).toBe('Danh sách chờ');
  });

  it('writes the sheet in the reader’s language', async () => {
    const ja = browsers['admin@mekong.vn']!;
    ja.cookies.set('nl_lang', 'ja');
    const res = await ja.get(`/api/cohorts/${cohortId}/gradebook.xlsx`);
    ja.cookies.delete('nl_lang');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('成績表 VM 2026-K1');
    expect(ws.getRow(1).getCell(1).value).toBe('氏名');
    expect(ws.getRow(3).getCell(2).value).toBe('修了');
  });

  it('keeps sheet names within Excel’s rules', () => {
    const long = sheetName('Bảng điểm [K1]: lớp học rất dài dành cho công nhân Đồng Nai');
    expect(long).toBe('Bảng điểm K1 lớp học rất dài dà');
    expect(long.length).toBe(31);
    expect(sheetName('*?/')).toBe('Sheet1');
  });
});
