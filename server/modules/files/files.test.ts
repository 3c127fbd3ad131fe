import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, createTestApp, createUser, multipartBody, type TestApp } from '../../test/app';
import { createCourseFromSpec } from '../catalog/factory';
import { insertOrganisation } from '../organisations/repo';
import { ensurePersonForUser } from '../people/repo';
import { storeFile } from './service';
import { contentDisposition, sniff } from './sniff';

let t: TestApp;
let orgA: string;
let orgB: string;
let trainerA: Browser;

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

const upload = (b: Browser, name: string, type: string, data: Buffer, query = '') => {
  const m = multipartBody([{ name, type, data }]);
  return b.request('POST', `/api/files${query}`, m.body, m.headers);
};

beforeAll(async () => {
  t = await createTestApp();
  orgA = (
    await insertOrganisation(t.ctx.db, { slug: 'partner-a', name: 'Đối tác A', kind: 'training_partner' })
  ).id;
  orgB = (
    await insertOrganisation(t.ctx.db, { slug: 'partner-b', name: 'Đối tác B', kind: 'training_partner' })
  ).id;
  await createUser(t, 'trainer@a.vn', [{ role: 'trainer', organisationId: orgA }]);
  trainerA = await new Browser(t).login('trainer@a.vn');
});
afterAll(() => t.close());

describe('uploads', () => {
  it("stores a file in the author's organisation under a random key, with its hash, and audits it", async () => {
    const res = await upload(trainerA, 'Bài giảng tuần 1.pdf', 'application/pdf', PDF);
    expect(res.statusCode).toBe(201);
    const f = res.json();
    expect(f).toMatchObject({
      filename: 'Bài giảng tuần 1.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
      organisationId: orgA,
      url: `/api/files/${f.id}`,
    });
    const row = await t.ctx.db
      .selectFrom('files')
      .selectAll()
      .where('id', '=', f.id)
      .executeTakeFirstOrThrow();
    expect(row.storage_key).toMatch(/^\d{4}\/\d\d\/[0-9a-f-]{36}$/);
    expect(t.storage.files.get(row.storage_key)).toEqual(PDF);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'organisation_id'])
      .where('entity_id', '=', f.id)
      .execute();
    expect(audit).toEqual([{ action: 'file.uploaded', organisation_id: orgA }]);
  });

  it('takes files larger than the 1 MB limit of JSON bodies', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(3 * 1024 * 1024, 0x20)]);
    const res = await upload(trainerA, 'slides.pdf', 'application/pdf', big);
    expect(res.statusCode).toBe(201);
    expect(res.json().sizeBytes).toBe(big.length);
  });

  it('refuses HTML disguised as a PDF, programs, SVG, and a second file, storing nothing', async () => {
    const before = t.storage.files.size;
    const cases: [string, string, Buffer][] = [
      [
        'bao-cao.pdf',
        'application/pdf',
        Buffer.from('<!DOCTYPE html><html><script>alert(document.cookie)</script></html>'),
      ],
      ['bao-cao.pdf', 'application/pdf', Buffer.from('\ufeff  <html><body onload=alert(1)>')],
      ['anh.png', 'image/png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')],
      ['setup.pdf', 'application/pdf', Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1')],
      ['tool', 'application/octet-stream', Buffer.from('\x7fELF\x02\x01\x01\x00', 'latin1')],
      ['run.txt', 'text/plain', Buffer.from('#!/bin/sh\nrm -rf /\n')],
      ['trang.html', 'text/html', Buffer.from('Xin chào')],
      ['anh.png', 'image/png', PDF],
    ];
    for (const [name, type, data] of cases) {
      const res = await new Browser(t, 'en').login('trainer@a.vn').then((b) => upload(b, name, type, data));
      expect(res.statusCode, name).toBe(415);
      expect(res.json()).toEqual({
        code: 'FILE_TYPE_NOT_ALLOWED',
        message:
          'Loại tệp này không được phép tải lên (tệp chạy được, trang HTML và tệp có nội dung không khớp với phần mở rộng đều bị từ chối).',
      });
    }
    const two = multipartBody([
      { name: 'a.pdf', type: 'application/pdf', data: PDF },
      { name: 'b.pdf', type: 'application/pdf', data: PDF },
    ]);
    const res = await trainerA.request('POST', '/api/files', two.body, two.headers);
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
    expect(t.storage.files.size).toBe(before);
  });

  it('lets authors upload into their own organisation, and anyone else only a file of their own', async () => {
    await createUser(t, 'learner@a.vn', [{ role: 'learner', organisationId: orgA }]);
    const learner = await new Browser(t).login('learner@a.vn');
    // A learner's upload (a CV) belongs to no organisation: its authors do not read it, the learner does.
    const own = await upload(learner, 'cv.pdf', 'application/pdf', PDF);
    expect(own.statusCode).toBe(201);
    expect(own.json().organisationId).toBeNull();
    expect((await learner.get(`/api/files/${own.json().id}`)).statusCode).toBe(200);
    expect((await trainerA.get(`/api/files/${own.json().id}`)).statusCode).toBe(404);
    expect(
      (await upload(learner, 'a.pdf', 'application/pdf', PDF, `?organisationId=${orgA}`)).statusCode,
    ).toBe(403);
    expect(
      (await upload(trainerA, 'a.pdf', 'application/pdf', PDF, `?organisationId=${orgB}`)).statusCode,
    ).toBe(403);
    const anon = new Browser(t);
    expect((await upload(anon, 'a.pdf', 'application/pdf', PDF)).json().code).toBe('UNAUTHENTICATED');
    await createUser(t, 'both@a.vn', [
      { role: 'trainer', organisationId: orgA },
      { role: 'trainer', organisationId: orgB },
    ]);
    const both = await new Browser(t).login('both@a.vn');
    const which = await upload(both, 'a.pdf', 'application/pdf', PDF);
    expect(which.statusCode).toBe(400);
    expect(which.json().fields).toEqual({ '/organisationId': 'Trường này là bắt buộc.' });
    expect(
      (await upload(both, 'a.pdf', 'application/pdf', PDF, `?organisationId=${orgB}`)).json().organisationId,
    ).toBe(orgB);
    const empty = await trainerA.request('POST', '/api/files', Buffer.from('--x--\r\n'), {
      'content-type': 'multipart/form-data; boundary=x',
    });
    expect(empty.json().code).toBe('FILE_REQUIRED');
  });
});

describe('downloads', () => {
  it("serves a file to its organisation's authors and its course's enrolled learners, and to no one else", async () => {
    const pdf = (await upload(trainerA, 'Sổ tay an toàn phòng sạch.pdf', 'application/pdf', PDF)).json();
    const png = (await upload(trainerA, 'so-do.png', 'image/png', PNG)).json();

    const own = await trainerA.get(pdf.url);
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload).toEqual(PDF);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.headers['x-content-type-options']).toBe('nosniff');
    expect(own.headers['content-disposition']).toBe(
      `attachment; filename="So tay an toan phong sach.pdf"; filename*=UTF-8''${encodeURIComponent('Sổ tay an toàn phòng sạch.pdf')}`,
    );
    expect((await trainerA.get(png.url)).headers['content-disposition']).toMatch(
      /^inline; filename="so-do.png"/,
    );

    await createUser(t, 'admin@b.vn', [{ role: 'partner_admin', organisationId: orgB }]);
    const otherPartner = await new Browser(t).login('admin@b.vn');
    expect((await otherPartner.get(pdf.url)).statusCode).toBe(404);
    expect((await new Browser(t).get(pdf.url)).statusCode).toBe(401);

    // A learner reads the file once enrolled in a course whose published lesson uses it (or shows it).
    const course = await createCourseFromSpec(t.ctx.db, {
      organisationId: orgA,
      slug: 'an-toan-phong-sach',
      title: 'An toàn phòng sạch',
      modules: [
        {
          title: 'Chương 1',
          lessons: [{ title: 'Sơ đồ', bodyHtml: `<p><img src="${png.url}" alt="sơ đồ"></p>` }],
        },
      ],
    });
    const lessonId = course.modules[0]!.lessonIds[0]!;
    const fileLesson = await trainerA.post(
      `/api/courses/${course.id}/modules/${course.modules[0]!.id}/lessons`,
      {
        title: 'Sổ tay',
        kind: 'file',
        fileId: pdf.id,
      },
    );
    expect(fileLesson.json().file).toMatchObject({ id: pdf.id, filename: 'Sổ tay an toàn phòng sạch.pdf' });
    await trainerA.post(`/api/courses/${course.id}/lessons/${fileLesson.json().id}/publish`);
    const u = await createUser(t, 'hocvien@a.vn');
    const learner = await new Browser(t).login('hocvien@a.vn');
    expect((await learner.get(pdf.url)).statusCode).toBe(404);
    const person = await ensurePersonForUser(t.ctx.db, u.id);
    const cohort = await t.ctx.db
      .insertInto('cohorts')
      .values({ course_id: course.id, organisation_id: orgA, code: 'AT-1', name: 'Lớp 1' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.ctx.db
      .insertInto('enrolments')
      .values({ cohort_id: cohort.id, person_id: person.id, status: 'enrolled', source: 'self' })
      .execute();
    expect((await learner.get(pdf.url)).rawPayload).toEqual(PDF);
    expect((await learner.get(png.url)).statusCode).toBe(200);
    const lesson = (await learner.get(`/api/courses/${course.id}/lessons/${fileLesson.json().id}`)).json();
    expect(lesson.file).toMatchObject({ id: pdf.id, url: pdf.url, contentType: 'application/pdf' });
    expect((await learner.get(`/api/courses/${course.id}/lessons/${lessonId}`)).json().bodyHtml).toContain(
      png.url,
    );
  });

  it('stores generated files for other modules through storeFile', async () => {
    const f = await storeFile(t.ctx, {
      buffer: PDF,
      filename: '../../chung-chi.pdf',
      contentType: 'application/pdf',
      organisationId: orgA,
      createdBy: null,
    });
    expect(f).toMatchObject({
      filename: 'chung-chi.pdf',
      content_type: 'application/pdf',
      organisation_id: orgA,
    });
    expect(t.storage.files.get(f.storage_key)).toEqual(PDF);
  });
});

describe('sniffing', () => {
  it('names a download safely in the header, keeping Vietnamese and Japanese names', () => {
    expect(contentDisposition('Đề cương "phòng sạch"; v2.pdf', false)).toBe(
      `attachment; filename="De cuong _phong sach__ v2.pdf"; filename*=UTF-8''${encodeURIComponent('Đề cương "phòng sạch"; v2.pdf')}`,
    );
    expect(contentDisposition('日本語.png', true)).toBe(
      `inline; filename="___.png"; filename*=UTF-8''${encodeURIComponent('日本語.png')}`,
    );
  });

  it('reads the type from the content and the extension together', () => {
    expect(sniff(PDF, 'x.pdf')).toEqual({ contentType: 'application/pdf', inline: false });
    expect(sniff(PNG, 'x.png')).toEqual({ contentType: 'image/png', inline: true });
    expect(sniff(PNG, 'no-extension')).toEqual({ contentType: 'image/png', inline: true });
    expect(sniff(Buffer.from('Họ tên,Tỉnh\nNguyễn Văn An,Cần Thơ\n'), 'ds.csv')?.contentType).toBe(
      'text/csv',
    );
    expect(sniff(Buffer.from('PK\x03\x04rest', 'latin1'), 'bai.docx')?.contentType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(sniff(Buffer.from('PK\x03\x04rest', 'latin1'), 'app.apk')).toBeNull();
    expect(sniff(Buffer.from('\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1', 'latin1'), 'setup.msi')).toBeNull();
    expect(sniff(Buffer.from('hello'), 'x.js')).toBeNull();
    expect(sniff(Buffer.alloc(0), 'x.txt')).toBeNull();
    expect(sniff(Buffer.from('text with <script>alert(1)</script> inside'), 'x.txt')).toBeNull();
  });
});
