import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedPrograms } from '../../db/seed/programs';
import { Browser, createTestApp, createUser, type TestApp } from '../../test/app';
import { insertOrganisation } from '../organisations/repo';
import { ensurePersonForUser } from '../people/repo';
import { createCourseFromSpec } from './factory';

let t: TestApp;
let partnerA: string;
let partnerB: string;
const lessonIds: Record<string, string[]> = {};
const courseIds: Record<string, string> = {};

const slugs = (res: { json(): { items: { slug: string }[] } }) => res.json().items.map((c) => c.slug);

beforeAll(async () => {
  t = await createTestApp();
  await seedPrograms(t.ctx.db, { demo: false });
  partnerA = (
    await insertOrganisation(t.ctx.db, {
      slug: 'hoc-vien-mekong',
      name: 'Học viện Kỹ năng số Mekong',
      kind: 'training_partner',
      provinceCode: '92',
    })
  ).id;
  partnerB = (
    await insertOrganisation(t.ctx.db, {
      slug: 'ban-dan-da-nang',
      name: 'Trung tâm Bán dẫn Đà Nẵng',
      kind: 'training_partner',
      provinceCode: '48',
    })
  ).id;
  const lesson = (title: string, status: 'draft' | 'published' = 'published') => ({
    title,
    status,
    bodyHtml: `<p>Nội dung bài <strong>${title}</strong>.</p>`,
  });
  const specs = [
    {
      organisationId: partnerB,
      slug: 'ky-thuat-vien-ban-dan',
      title: 'Kỹ thuật viên bán dẫn cơ bản',
      summary: 'Quy trình chế tạo vi mạch, phòng sạch và an toàn trong nhà máy.',
      translations: {
        en: { title: 'Semiconductor technician basics', summary: 'Chip making, clean rooms and safety.' },
        ja: { title: '半導体技術者の基礎', summary: 'チップ製造、クリーンルーム、安全。' },
      },
      topic: 'semiconductor' as const,
      deliveryMode: 'blended' as const,
      provinceCode: '48',
      skills: ['Phòng sạch', 'Kiểm tra wafer'],
      programCodes: ['semiconductor-2030'],
      modules: [
        { title: 'Nhập môn', lessons: [lesson('Vi mạch là gì'), lesson('Bản nháp', 'draft')] },
        { title: 'Chương chưa có bài xuất bản', lessons: [lesson('Nháp 2', 'draft')] },
      ],
    },
    {
      organisationId: partnerA,
      slug: 'python-du-lieu',
      title: 'Phân tích dữ liệu với Python',
      summary: 'Dùng pandas phân tích dữ liệu sản xuất của nhà máy bán dẫn.',
      translations: { en: { title: 'Data analysis with Python', summary: 'Pandas for factory data.' } },
      topic: 'ai_data' as const,
      level: 'intermediate' as const,
      skills: ['Python', 'pandas'],
      programCodes: ['women-in-ai'],
      modules: [{ title: 'Bắt đầu', lessons: [lesson('Cài đặt Python')] }],
    },
    {
      organisationId: partnerA,
      slug: 'iot-nong-nghiep',
      title: 'IoT cho nông nghiệp thông minh',
      summary: 'Thực hành cảm biến độ ẩm tại Khu Công nghệ cao Hoà Lạc.',
      topic: 'iot_embedded' as const,
      deliveryMode: 'in_person' as const,
      provinceCode: '01',
      skills: ['Cảm biến'],
      programCodes: ['mekong-innovation'],
      modules: [{ title: 'Cảm biến', lessons: [lesson('Đo độ ẩm đất')] }],
    },
    {
      organisationId: partnerA,
      slug: 'tieng-nhat-n4',
      teachingLanguage: 'ja' as const,
      title: '日本語能力試験N4 準備講座',
      summary: '日本で働くための日本語。',
      translations: {
        vi: { title: 'Tiếng Nhật N4 cho người lao động', summary: 'Tiếng Nhật để làm việc tại Nhật.' },
      },
      topic: 'japanese_language' as const,
      programCodes: ['work-in-japan'],
      modules: [{ title: 'Ngữ pháp', lessons: [lesson('Thể て')] }],
    },
    {
      organisationId: partnerA,
      slug: 'ban-dan-nang-cao',
      title: 'Bán dẫn nâng cao',
      status: 'draft' as const,
      modules: [{ title: 'Chương 1', lessons: [lesson('Bài nháp', 'draft')] }],
    },
    { organisationId: partnerA, slug: 'ban-dan-cu', title: 'Bán dẫn khoá cũ', status: 'archived' as const },
  ];
  for (const spec of specs) {
    const c = await createCourseFromSpec(t.ctx.db, spec);
    courseIds[spec.slug] = c.id;
    lessonIds[spec.slug] = c.modules.flatMap((m) => m.lessonIds);
  }
  // Known publication dates, so "newest first" is a fact of the test, not of timing.
  const dates: Record<string, string> = {
    'ky-thuat-vien-ban-dan': '2026-03-01T00:00:00Z',
    'python-du-lieu': '2026-05-01T00:00:00Z',
    'iot-nong-nghiep': '2026-01-01T00:00:00Z',
    'tieng-nhat-n4': '2026-04-01T00:00:00Z',
  };
  for (const [slug, at] of Object.entries(dates)) {
    await t.ctx.db
      .updateTable('courses')
      .set({ published_at: new Date(at) })
      .where('slug', '=', slug)
      .execute();
  }
});
afterAll(() => t.close());

describe('catalog search', () => {
  it('finds courses without regard to accents, case or tone placement, titles first', async () => {
    const anon = new Browser(t);
    for (const q of ['ban dan', 'bán dẫn', 'BÁN DẪN', 'Bán  Dẫn']) {
      const res = await anon.get(`/api/courses?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      // Title match first, summary match after; the draft and the archived course never.
      expect(slugs(res), q).toEqual(['ky-thuat-vien-ban-dan', 'python-du-lieu']);
    }
    for (const q of ['hoa lac', 'Hòa Lạc', 'Hoà Lạc', 'HOÀ LẠC']) {
      expect(slugs(await anon.get(`/api/courses?q=${encodeURIComponent(q)}`)), q).toEqual([
        'iot-nong-nghiep',
      ]);
    }
  });

  it('needs every word to match, at the start of a word, in any language', async () => {
    const anon = new Browser(t);
    const get = async (q: string) => slugs(await anon.get(`/api/courses?q=${encodeURIComponent(q)}`));
    expect(await get('ban dan python')).toEqual(['python-du-lieu']);
    expect(await get('phong sach')).toEqual(['ky-thuat-vien-ban-dan']);
    expect(await get('semiconductor')).toEqual(['ky-thuat-vien-ban-dan']);
    expect(await get('tieng nhat')).toEqual(['tieng-nhat-n4']);
    expect(await get('日本語')).toEqual(['tieng-nhat-n4']);
    expect(await get('pyth')).toEqual(['python-du-lieu']);
    expect(await get('ython')).toEqual([]);
    const none = (await anon.get('/api/courses?q=robot%20ban%20dan')).json();
    expect(none).toMatchObject({ items: [], total: 0, facets: { topic: {}, level: {}, mode: {} } });
  });

  it('filters by topic, level, mode, province (current or former), language, program and skill', async () => {
    const anon = new Browser(t);
    const get = async (qs: string) => slugs(await anon.get(`/api/courses?${qs}&sort=title`));
    expect(await get('topic=semiconductor')).toEqual(['ky-thuat-vien-ban-dan']);
    expect(await get('level=intermediate')).toEqual(['python-du-lieu']);
    expect(await get('mode=in_person')).toEqual(['iot-nong-nghiep']);
    expect(await get('province=01')).toEqual(['iot-nong-nghiep']);
    expect(await get(`province=${encodeURIComponent('Quảng Nam')}`)).toEqual(['ky-thuat-vien-ban-dan']);
    expect(await get('language=ja')).toEqual(['ky-thuat-vien-ban-dan', 'tieng-nhat-n4']);
    expect(await get('language=en')).toEqual(['ky-thuat-vien-ban-dan', 'python-du-lieu']);
    expect(await get('program=work-in-japan')).toEqual(['tieng-nhat-n4']);
    expect(await get(`skill=${encodeURIComponent('kiem tra WAFER')}`)).toEqual(['ky-thuat-vien-ban-dan']);
    expect(await get('q=ban%20dan&topic=ai_data')).toEqual(['python-du-lieu']);

    const bad = await new Browser(t, 'en').get('/api/courses?province=Atlantis');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Some of the data sent is not valid.',
      fields: {
        '/province': 'There is no province (current, or former before 1 Jul 2025) with this name or code.',
      },
    });
    expect((await anon.get('/api/courses?topic=cooking')).json().fields['/topic']).toBe(
      'Giá trị không nằm trong danh sách cho phép.',
    );
  });

  it('sorts, pages and counts with facets', async () => {
    const anon = new Browser(t);
    const all = (await anon.get('/api/courses')).json();
    expect(all.total).toBe(4);
    // Newest first by default.
    expect(all.items.map((c: { slug: string }) => c.slug)).toEqual([
      'python-du-lieu',
      'tieng-nhat-n4',
      'ky-thuat-vien-ban-dan',
      'iot-nong-nghiep',
    ]);
    expect(all.facets).toEqual({
      topic: { ai_data: 1, iot_embedded: 1, japanese_language: 1, semiconductor: 1 },
      level: { beginner: 3, intermediate: 1 },
      mode: { online: 2, in_person: 1, blended: 1 },
    });
    // By title, without regard to accents: "IoT", "Kỹ thuật", "Phân tích", then the Japanese title.
    const page2 = (await anon.get('/api/courses?sort=title&page=2&pageSize=2')).json();
    expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 2 });
    expect(page2.items.map((c: { slug: string }) => c.slug)).toEqual(['python-du-lieu', 'tieng-nhat-n4']);
    // Relevance pages run on from the title matches into the others.
    const relevance = async (page: number) =>
      slugs(await anon.get(`/api/courses?q=ban%20dan&sort=relevance&pageSize=1&page=${page}`));
    expect([await relevance(1), await relevance(2), await relevance(3)]).toEqual([
      ['ky-thuat-vien-ban-dan'],
      ['python-du-lieu'],
      [],
    ]);
    const beyond = (await anon.get('/api/courses?page=9')).json();
    expect(beyond).toMatchObject({ items: [], total: 4, page: 9 });
  });

  it("answers in the reader's language when the course is translated, and says which", async () => {
    const card = async (lang: string, slug: string) =>
      (await new Browser(t, lang).get('/api/courses?sort=title'))
        .json()
        .items.find((c: { slug: string }) => c.slug === slug);
    expect(await card('en', 'ky-thuat-vien-ban-dan')).toMatchObject({
      title: 'Semiconductor technician basics',
      summary: 'Chip making, clean rooms and safety.',
      language: 'en',
      teachingLanguage: 'vi',
      languages: ['vi', 'en', 'ja'],
      province: { code: '48', name: 'Thành phố Đà Nẵng' },
      organisation: { id: partnerB, slug: 'ban-dan-da-nang', name: 'Trung tâm Bán dẫn Đà Nẵng' },
      skills: ['Kiểm tra wafer', 'Phòng sạch'],
      status: 'published',
      publishedAt: '2026-03-01T00:00:00.000Z',
    });
    expect(await card('en', 'iot-nong-nghiep')).toMatchObject({
      title: 'IoT cho nông nghiệp thông minh',
      language: 'vi',
    });
    expect(await card('vi', 'tieng-nhat-n4')).toMatchObject({
      title: 'Tiếng Nhật N4 cho người lao động',
      language: 'vi',
      teachingLanguage: 'ja',
    });
    expect(await card('ja', 'tieng-nhat-n4')).toMatchObject({
      title: '日本語能力試験N4 準備講座',
      language: 'ja',
    });
  });
});

describe('one course', () => {
  it('shows a published course with its published outline, never lesson bodies', async () => {
    const res = await new Browser(t, 'en').get('/api/courses/ky-thuat-vien-ban-dan');
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c).toMatchObject({
      slug: 'ky-thuat-vien-ban-dan',
      title: 'Semiconductor technician basics',
      original: { title: 'Kỹ thuật viên bán dẫn cơ bản' },
      programs: [{ code: 'semiconductor-2030', name: 'Semiconductor Talent 2030' }],
      viewer: { canEdit: false, canManage: false, enrolled: false },
    });
    // The draft lesson and the module holding only drafts are not shown.
    expect(c.modules).toHaveLength(1);
    expect(c.modules[0].lessons.map((l: { title: string }) => l.title)).toEqual(['Vi mạch là gì']);
    expect(Object.keys(c.modules[0].lessons[0]).sort()).toEqual([
      'estimatedMinutes',
      'id',
      'kind',
      'position',
      'required',
      'status',
      'title',
    ]);
    // By id too (the authoring screens know the id).
    const byId = await new Browser(t).get(`/api/courses/${courseIds['ky-thuat-vien-ban-dan']}`);
    expect(byId.json().slug).toBe('ky-thuat-vien-ban-dan');
  });

  it('hides drafts from everyone but their authors', async () => {
    expect((await new Browser(t).get('/api/courses/ban-dan-nang-cao')).json()).toEqual({
      code: 'NOT_FOUND',
      message: 'Không tìm thấy nội dung yêu cầu.',
    });
    await createUser(t, 'learner@catalog.vn', [{ role: 'learner' }]);
    const learner = await new Browser(t).login('learner@catalog.vn');
    expect((await learner.get('/api/courses/ban-dan-nang-cao')).statusCode).toBe(404);
    await createUser(t, 'trainer-b@catalog.vn', [{ role: 'trainer', organisationId: partnerB }]);
    const otherTrainer = await new Browser(t).login('trainer-b@catalog.vn');
    expect((await otherTrainer.get('/api/courses/ban-dan-nang-cao')).statusCode).toBe(404);
    await createUser(t, 'trainer-a@catalog.vn', [{ role: 'trainer', organisationId: partnerA }]);
    const trainer = await new Browser(t).login('trainer-a@catalog.vn');
    const draft = await trainer.get('/api/courses/ban-dan-nang-cao');
    expect(draft.statusCode).toBe(200);
    expect(draft.json()).toMatchObject({ status: 'draft', viewer: { canEdit: true, canManage: false } });
    expect(draft.json().modules[0].lessons[0]).toMatchObject({ title: 'Bài nháp', status: 'draft' });
  });

  it('gives lesson bodies to enrolled learners only', async () => {
    const courseId = courseIds['python-du-lieu']!;
    const lessonId = lessonIds['python-du-lieu']![0]!;
    const url = `/api/courses/${courseId}/lessons/${lessonId}`;
    expect((await new Browser(t).get(url)).json().code).toBe('UNAUTHENTICATED');

    const u = await createUser(t, 'enrolled@catalog.vn', [{ role: 'learner' }]);
    // The account's language (vi) wins over the browser's.
    const learner = await new Browser(t, 'en').login('enrolled@catalog.vn');
    const refused = await learner.get(url);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual({
      code: 'NOT_ENROLLED',
      message: 'Bạn cần ghi danh vào một lớp của khoá học này để xem bài học.',
    });

    const person = await ensurePersonForUser(t.ctx.db, u.id);
    const cohort = await t.ctx.db
      .insertInto('cohorts')
      .values({ course_id: courseId, organisation_id: partnerA, code: 'PY-01', name: 'Python K1' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const enrolment = await t.ctx.db
      .insertInto('enrolments')
      .values({ cohort_id: cohort.id, person_id: person.id, status: 'enrolled', source: 'self' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ok = await learner.get(url);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      id: lessonId,
      courseId,
      kind: 'text',
      title: 'Cài đặt Python',
      bodyHtml: '<p>Nội dung bài <strong>Cài đặt Python</strong>.</p>',
      status: 'published',
      file: null,
    });
    expect((await learner.get('/api/courses/python-du-lieu')).json().viewer).toEqual({
      canEdit: false,
      canManage: false,
      enrolled: true,
    });
    // A withdrawn learner is no longer let in.
    await t.ctx.db
      .updateTable('enrolments')
      .set({ status: 'withdrawn' })
      .where('id', '=', enrolment.id)
      .execute();
    expect((await learner.get(url)).statusCode).toBe(403);
  });
});

describe('the course page for search engines', () => {
  it('writes the title, description, Open Graph, canonical link and JSON-LD in the course language', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/courses/ky-thuat-vien-ban-dan',
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const html = res.body;
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<title>Kỹ thuật viên bán dẫn cơ bản — Nhân Lực</title>');
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html).toContain(
      '<meta name="description" content="Quy trình chế tạo vi mạch, phòng sạch và an toàn trong nhà máy." />',
    );
    expect(html).toContain('<meta property="og:title" content="Kỹ thuật viên bán dẫn cơ bản" />');
    expect(html).toContain(
      '<meta property="og:description" content="Quy trình chế tạo vi mạch, phòng sạch và an toàn trong nhà máy." />',
    );
    expect(html).toContain(
      '<link rel="canonical" href="http://localhost:3000/courses/ky-thuat-vien-ban-dan" />',
    );
    expect(html).not.toContain('noindex');
    const ld = JSON.parse(html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)![1]!);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Course',
      name: 'Kỹ thuật viên bán dẫn cơ bản',
      inLanguage: 'vi',
      availableLanguage: ['vi', 'en', 'ja'],
      timeRequired: 'PT20H',
      provider: { '@type': 'Organization', name: 'Trung tâm Bán dẫn Đà Nẵng' },
      hasCourseInstance: {
        '@type': 'CourseInstance',
        courseMode: 'blended',
        location: { name: 'Thành phố Đà Nẵng' },
      },
    });
  });

  it('escapes titles that try to break out of the tags', async () => {
    const title = '</title><script>alert(1)</script> "Bán dẫn" & <b>';
    await createCourseFromSpec(t.ctx.db, {
      organisationId: partnerA,
      slug: 'tieu-de-nguy-hiem',
      title,
      summary: '"><img src=x onerror=alert(1)></script><!--',
      modules: [{ title: 'M', lessons: [{ title: 'L', bodyHtml: '<p>x</p>' }] }],
    });
    const html = (await t.app.inject({ method: 'GET', url: '/courses/tieu-de-nguy-hiem' })).body;
    expect(html).toContain(
      '<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; &quot;Bán dẫn&quot; &amp; &lt;b&gt; — Nhân Lực</title>',
    );
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('content="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;&lt;!--"');
    // Inside the JSON-LD script nothing can close it, and the data reads back as written.
    const script = html.match(/<script type="application\/ld\+json">(.*?)<\/script>/s)![1]!;
    expect(script).not.toMatch(/<|>/);
    expect(JSON.parse(script).name).toBe(title);
  });

  it('answers unknown and draft courses with a 404 page that asks not to be indexed', async () => {
    for (const slug of ['ban-dan-nang-cao', 'khong-co', 'ban-dan-cu']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/courses/${slug}`,
        headers: { 'accept-language': 'en' },
      });
      expect(res.statusCode, slug).toBe(404);
      expect(res.body).toContain('<meta name="robots" content="noindex" />');
      expect(res.body).toContain('<title>Course not found — Nhân Lực</title>');
      expect(res.body).toContain('<html lang="en">');
    }
  });
});
