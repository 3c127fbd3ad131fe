import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import en from '../../../common/i18n/messages/en.json' with { type: 'json' };
import ja from '../../../common/i18n/messages/ja.json' with { type: 'json' };
import vi from '../../../common/i18n/messages/vi.json' with { type: 'json' };
import { Browser, createTestApp, createUser, type TestApp } from '../../test/app';
import { insertOrganisation } from '../organisations/repo';
import { setClock } from './clock';
import { quizPassedByEnrolment } from './service';
import { enrol, insertCohort, insertCourse, insertQuizLesson } from './test-helpers';

const bank = readFileSync(join(import.meta.dirname, 'fixtures/semiconductor.gift'), 'utf8');

let t: TestApp;
let orgA: string;
let orgB: string;
let courseA: string;
let courseB: string;
let cohortA: string;
let author: Browser;
let trainerA: Browser;
let trainerB: Browser;
let learner: Browser;
let outsider: Browser;
let learnerEnrolment: string;
let learnerPerson: string;

beforeAll(async () => {
  t = await createTestApp();
  orgA = (
    await insertOrganisation(t.ctx.db, {
      slug: 'ban-dan-da-nang',
      name: 'Trung tâm Bán dẫn Đà Nẵng',
      kind: 'training_partner',
    })
  ).id;
  orgB = (
    await insertOrganisation(t.ctx.db, {
      slug: 'du-lieu-sai-gon',
      name: 'Viện Dữ liệu Sài Gòn',
      kind: 'training_partner',
    })
  ).id;
  courseA = (await insertCourse(t, orgA, 'ky-thuat-vien-ban-dan', 'Kỹ thuật viên bán dẫn')).id;
  courseB = (await insertCourse(t, orgB, 'phan-tich-du-lieu', 'Phân tích dữ liệu')).id;
  cohortA = (await insertCohort(t, courseA, orgA, 'BD-2026-01')).id;
  const cohortB = (await insertCohort(t, courseB, orgB, 'DL-2026-01')).id;

  await createUser(t, 'author@danang.vn', [{ role: 'partner_admin', organisationId: orgA }]);
  await createUser(t, 'trainer@danang.vn', [{ role: 'trainer', organisationId: orgA }]);
  await createUser(t, 'trainer@saigon.vn', [{ role: 'trainer', organisationId: orgB }]);
  const l = await createUser(t, 'lan@hocvien.vn', [{ role: 'learner' }]);
  const o = await createUser(t, 'minh@hocvien.vn', [{ role: 'learner' }]);
  ({ enrolmentId: learnerEnrolment, personId: learnerPerson } = await enrol(t, l.id, cohortA));
  await enrol(t, o.id, cohortB);

  author = await new Browser(t, 'vi').login('author@danang.vn');
  trainerA = await new Browser(t, 'vi').login('trainer@danang.vn');
  trainerB = await english('trainer@saigon.vn');
  learner = await new Browser(t, 'vi').login('lan@hocvien.vn');
  outsider = await new Browser(t, 'vi').login('minh@hocvien.vn');
});
afterAll(() => t.close());
afterEach(() => setClock(null));

/** A signed-in browser whose language switch is on English (the accounts are saved as Vietnamese). */
async function english(email: string) {
  const b = await new Browser(t).login(email);
  b.cookies.set('nl_lang', 'en');
  return b;
}

const countQuestions = async (courseId: string) =>
  Number(
    (
      await t.ctx.db
        .selectFrom('questions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('course_id', '=', courseId)
        .executeTakeFirstOrThrow()
    ).n,
  );

async function createQuestions(b: Browser, courseId: string, category: string) {
  const bodies = [
    {
      kind: 'single',
      prompt: 'Cấp sạch của khu quang khắc?',
      points: 2,
      category,
      choices: [
        { text: 'ISO 5', weight: 100, feedback: 'Đúng.' },
        { text: 'ISO 8', weight: 0, feedback: 'Quá bẩn cho quang khắc.' },
        { text: 'ISO 9', weight: 0 },
      ],
    },
    {
      kind: 'multiple',
      prompt: 'Nguồn nhiễm bẩn hạt?',
      category,
      choices: [
        { text: 'Da người', weight: 50 },
        { text: 'Mỹ phẩm', weight: 50 },
        { text: 'Khí qua HEPA', weight: -100 },
      ],
    },
    { kind: 'true_false', prompt: 'Được mang giấy thường vào phòng sạch.', category, correct: false },
    { kind: 'short_answer', prompt: 'Thủ đô của Việt Nam?', category, answers: [{ text: 'Hà Nội' }] },
    { kind: 'numeric', prompt: 'Đường kính wafer (mm)?', category, numbers: [{ value: 300, tolerance: 1 }] },
  ];
  const out = [];
  for (const body of bodies) {
    const res = await b.post(`/api/courses/${courseId}/questions`, body);
    expect(res.statusCode, res.body).toBe(201);
    out.push(res.json());
  }
  return out as { id: string; kind: string; choices: { id: string; text: string; weight: number }[] }[];
}

describe('messages', () => {
  it('has every quiz error and validation text in Vietnamese, English and Japanese', () => {
    const keys = (o: Record<string, unknown>, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'object' && v ? keys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
      );
    const mine = (m: typeof vi) =>
      [
        ...keys(m.errors).filter((k) => /^(QUIZ_|QUESTION_|GIFT_)/.test(k)),
        ...keys(m.validation).filter((k) => /^(quiz|gift)\./.test(k)),
      ].sort();
    expect(mine(vi).length).toBeGreaterThan(35);
    expect(mine(en)).toEqual(mine(vi));
    expect(mine(ja)).toEqual(mine(vi));
  });
});

describe('question bank', () => {
  it('lets the course organisation author every kind of question, and shows the key to authors only', async () => {
    const [single, multiple, tf, short, numeric] = await createQuestions(author, courseA, 'Phòng sạch');
    expect(single).toMatchObject({
      courseId: courseA,
      kind: 'single',
      points: 2,
      category: 'Phòng sạch',
      choices: [
        { text: 'ISO 5', weight: 100, feedback: 'Đúng.' },
        { text: 'ISO 8', weight: 0, feedback: 'Quá bẩn cho quang khắc.' },
        { text: 'ISO 9', weight: 0, feedback: null },
      ],
    });
    expect(single!.choices.every((c) => /^[a-z0-9]{1,20}$/.test(c.id))).toBe(true);
    expect(multiple).toMatchObject({ kind: 'multiple', points: 1 });
    expect(tf).toMatchObject({ kind: 'true_false', correct: false, choices: [] });
    expect(short).toMatchObject({
      answers: [{ text: 'Hà Nội', weight: 100, feedback: null }],
      strictAccents: false,
    });
    expect(numeric).toMatchObject({
      numbers: [{ value: 300, tolerance: 1, min: null, max: null, weight: 100, feedback: null }],
    });

    // Edits keep choice ids that are sent back, so answers keep pointing at the same choice.
    const edited = await trainerA.patch(`/api/questions/${single!.id}`, {
      prompt: 'Cấp sạch tối thiểu của khu quang khắc?',
      choices: single!.choices.map((c, i) => ({ ...c, weight: i === 0 ? 100 : 0 })),
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().prompt).toBe('Cấp sạch tối thiểu của khu quang khắc?');
    expect(edited.json().choices.map((c: { id: string }) => c.id)).toEqual(single!.choices.map((c) => c.id));

    const list = await author.get(`/api/courses/${courseA}/questions?kind=single&pageSize=10`);
    expect(list.json()).toMatchObject({ total: 1, page: 1, pageSize: 10, items: [{ id: single!.id }] });
    const cats = await author.get(`/api/courses/${courseA}/question-categories`);
    expect(cats.json().items).toContainEqual({ category: 'Phòng sạch', count: 5 });

    for (const b of [trainerB, learner]) {
      expect((await b.get(`/api/courses/${courseA}/questions`)).statusCode).toBe(403);
      expect((await b.get(`/api/questions/${single!.id}`)).statusCode).toBe(403);
      expect((await b.patch(`/api/questions/${single!.id}`, { points: 5 })).statusCode).toBe(403);
      expect((await b.delete(`/api/questions/${single!.id}`)).statusCode).toBe(403);
      expect(
        (
          await b.post(`/api/courses/${courseA}/questions`, {
            kind: 'true_false',
            prompt: 'x',
            correct: true,
          })
        ).statusCode,
      ).toBe(403);
    }
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', single!.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['question.created', 'question.updated']);
  });

  it('refuses a question that breaks its kind rules, with localised field messages, and writes nothing', async () => {
    const before = await countQuestions(courseA);
    const res = await english('author@danang.vn');
    const bad = await res.post(`/api/courses/${courseA}/questions`, {
      kind: 'single',
      prompt: 'Chọn một',
      choices: [
        { text: 'A', weight: 50 },
        { text: 'a', weight: 0 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({
      code: 'VALIDATION_FAILED',
      message: 'Some of the data sent is not valid.',
      fields: {
        '/choices/1/text': 'This choice appears twice.',
        '/choices': 'At least one choice must be right (weight 100%).',
      },
    });
    const numeric = await author.post(`/api/courses/${courseA}/questions`, {
      kind: 'numeric',
      prompt: 'Số?',
      numbers: [{ min: 5, max: 1 }],
    });
    expect(numeric.json().fields).toEqual({
      '/numbers/0': 'Giá trị đầu khoảng không được lớn hơn giá trị cuối.',
    });
    expect(await countQuestions(courseA)).toBe(before);
  });
});

describe('GIFT import', () => {
  const url = (query = '') => `/api/courses/${courseA}/questions/import${query}`;

  it('previews with dryRun, writing nothing', async () => {
    const before = await countQuestions(courseA);
    const res = await author.post(url('?dryRun=true'), { gift: bank });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ committed: false, dryRun: true, imported: 0, invalid: 4 });
    expect(report.questions.filter((q: { status: string }) => q.status === 'valid')).toHaveLength(12);
    expect(await countQuestions(courseA)).toBe(before);
  });

  it('imports nothing when a question is invalid, and says which and why, in the reader language', async () => {
    const before = await countQuestions(courseA);
    const en = await english('author@danang.vn');
    const res = await en.post(url(), { gift: bank });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body).toMatchObject({
      code: 'GIFT_INVALID',
      message: '4 question(s) are not valid, so nothing was imported. Fix them, or choose to skip them.',
      report: { committed: false, imported: 0, invalid: 4 },
    });
    expect(
      body.report.questions
        .filter((q: { status: string }) => q.status === 'error')
        .map((q: { line: number; code: string; message: string }) => [q.line, q.code, q.message]),
    ).toEqual([
      [50, 'gift.matching', 'Matching questions (->) are not supported.'],
      [55, 'gift.essay', 'Essay questions ({}) are not supported: they need grading by hand.'],
      [
        57,
        'gift.noAnswers',
        'There is no answer block {…}: a description-only item is not a question and is not imported.',
      ],
      [59, 'gift.unclosed', 'The answer block is missing its closing "}".'],
    ]);
    expect(await countQuestions(courseA)).toBe(before);
  });

  it('imports the valid questions with skipInvalid, in one transaction, with an audit entry', async () => {
    const before = await countQuestions(courseA);
    const res = await author.post(url('?skipInvalid=true'), { gift: bank, category: 'Không dùng' });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ committed: true, dryRun: false, imported: 12, invalid: 4 });
    expect(report.questions[0]).toMatchObject({
      index: 1,
      line: 6,
      title: 'Quy tắc trang phục',
      kind: 'single',
      category: 'Phòng sạch',
      status: 'imported',
      code: null,
      message: null,
    });
    expect(report.questions[12]).toMatchObject({
      status: 'error',
      questionId: null,
      message: 'Câu hỏi ghép đôi (->) chưa được hỗ trợ.',
    });
    expect(await countQuestions(courseA)).toBe(before + 12);

    const stored = await author.get(`/api/questions/${report.questions[3].questionId}`);
    expect(stored.json()).toMatchObject({
      kind: 'multiple',
      prompt: 'Những nguồn nào gây nhiễm bẩn hạt trong phòng sạch?',
      choices: [
        { text: 'Da và tóc của con người', weight: 50 },
        { text: 'Mỹ phẩm', weight: 50 },
        { text: 'Không khí đã lọc qua bộ lọc HEPA', weight: -100, feedback: 'Không khí qua HEPA là sạch.' },
      ],
    });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'questions.imported')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ format: 'gift', imported: 12, invalid: 4 });
  });

  it('accepts a .gift file as multipart, and refuses other files, non-UTF-8 text and empty text', async () => {
    const boundary = '----nhanluc';
    const multipart = (filename: string, content: Buffer, category = 'Tải lên') =>
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="category"\r\n\r\n${category}\r\n` +
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
            'Content-Type: text/plain\r\n\r\n',
        ),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
    const send = (body: Buffer) =>
      author.request('POST', url(), body, { 'content-type': `multipart/form-data; boundary=${boundary}` });

    const ok = await send(
      multipart('ngan-hang.gift', Buffer.from('Mặt nạ quang khắc gọi là gì? {=photomask =reticle}\n')),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      committed: true,
      imported: 1,
      questions: [{ kind: 'short_answer', category: 'Tải lên', status: 'imported' }],
    });

    const exe = await send(multipart('virus.exe', Buffer.from('MZ')));
    expect(exe.statusCode).toBe(415);
    expect(exe.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const latin1 = await send(multipart('cu.txt', Buffer.from([0x43, 0xe2, 0x75, 0x20, 0x7b, 0x54, 0x7d])));
    expect(latin1.statusCode).toBe(422);
    expect(latin1.json()).toMatchObject({
      code: 'GIFT_NOT_TEXT',
      message: 'Tệp phải là văn bản GIFT mã hoá UTF-8 (.txt hoặc .gift).',
    });
    const empty = await author.post(url(), { gift: '// chỉ có chú thích\n' });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().code).toBe('GIFT_EMPTY');
    const big = await author.post(url(), { gift: `${'ạ'.repeat(400_000)} {T}` });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('is refused to another partner', async () => {
    const res = await trainerB.post(url(), { gift: 'Câu? {T}' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ code: 'FORBIDDEN', message: 'You are not allowed to do this.' });
  });
});

describe('quizzes', () => {
  it('are authored with an explicit pool or a category, and checked', async () => {
    const [q1, q2] = await createQuestions(author, courseA, 'Đề A');
    const explicit = await author.post(`/api/courses/${courseA}/quizzes`, {
      title: 'Kiểm tra nhanh',
      questionIds: [q2!.id, q1!.id],
      attemptsLimit: 2,
      timeLimitSeconds: 600,
      passMarkPct: 60,
      shuffle: false,
    });
    expect(explicit.statusCode, explicit.body).toBe(201);
    expect(explicit.json()).toMatchObject({
      courseId: courseA,
      title: 'Kiểm tra nhanh',
      questionIds: [q2!.id, q1!.id],
      category: null,
      drawCount: null,
      attemptsLimit: 2,
      timeLimitSeconds: 600,
      passMarkPct: 60,
      shuffle: false,
      poolSize: 2,
      questionsPerAttempt: 2,
    });
    const byCategory = await author.post(`/api/courses/${courseA}/quizzes`, {
      title: 'Đề ngẫu nhiên',
      category: 'Đề A',
      drawCount: 3,
    });
    expect(byCategory.json()).toMatchObject({
      poolSize: 5,
      questionsPerAttempt: 3,
      passMarkPct: 70,
      shuffle: true,
    });

    const both = await author.post(`/api/courses/${courseA}/quizzes`, {
      title: 'x',
      questionIds: [q1!.id],
      category: 'Đề A',
    });
    expect(both.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { '/category': expect.any(String) },
    });
    const [foreign] = await createQuestions(author, courseA, 'tmp');
    const other = await t.ctx.db
      .insertInto('questions')
      .values({
        course_id: courseB,
        kind: 'true_false',
        prompt: 'B?',
        answer: JSON.stringify({ correct: true }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const wrongCourse = await author.post(`/api/courses/${courseA}/quizzes`, {
      title: 'x',
      questionIds: [foreign!.id, other.id],
    });
    expect(wrongCourse.json().fields).toEqual({
      '/questionIds/1': 'Câu hỏi này không thuộc ngân hàng câu hỏi của khoá học.',
    });

    const patched = await trainerA.patch(`/api/quizzes/${byCategory.json().id}`, {
      drawCount: null,
      title: 'Đề đầy đủ',
    });
    expect(patched.json()).toMatchObject({ title: 'Đề đầy đủ', drawCount: null, questionsPerAttempt: 5 });
    const list = await author.get(`/api/courses/${courseA}/quizzes`);
    expect(list.json().items.map((q: { title: string }) => q.title)).toEqual(['Kiểm tra nhanh', 'Đề đầy đủ']);

    for (const b of [trainerB, learner]) {
      expect((await b.get(`/api/quizzes/${explicit.json().id}`)).statusCode).toBe(403);
      expect((await b.patch(`/api/quizzes/${explicit.json().id}`, { title: 'hacked' })).statusCode).toBe(403);
      expect((await b.get(`/api/courses/${courseA}/quizzes`)).statusCode).toBe(403);
    }
    expect((await author.delete(`/api/quizzes/${byCategory.json().id}`)).statusCode).toBe(204);
  });
});

async function newQuiz(body: Record<string, unknown>, category: string) {
  const questions = await createQuestions(author, courseA, category);
  const res = await author.post(`/api/courses/${courseA}/quizzes`, {
    title: `Đề ${category}`,
    category,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return { quiz: res.json() as { id: string }, questions };
}

/** Right answers to the five questions of createQuestions, by kind. */
function rightAnswers(attempt: {
  questions: { id: string; kind: string; choices: { id: string; text: string }[] }[];
}) {
  return attempt.questions.map((q) => {
    switch (q.kind) {
      case 'single':
        return { questionId: q.id, optionIds: [q.choices.find((c) => c.text === 'ISO 5')!.id] };
      case 'multiple':
        return {
          questionId: q.id,
          optionIds: q.choices.filter((c) => c.text !== 'Khí qua HEPA').map((c) => c.id),
        };
      case 'true_false':
        return { questionId: q.id, isTrue: false };
      case 'short_answer':
        return { questionId: q.id, text: 'ha noi' };
      default:
        return { questionId: q.id, number: 300.5 };
    }
  });
}

describe('attempts', () => {
  it('runs start → save → submit → review, never showing the key before submission', async () => {
    const { quiz } = await newQuiz({ attemptsLimit: 2, passMarkPct: 80 }, 'Luồng');
    const started = await learner.post(`/api/quizzes/${quiz.id}/attempts`);
    expect(started.statusCode, started.body).toBe(201);
    const attempt = started.json();
    expect(attempt).toMatchObject({
      quizId: quiz.id,
      quizTitle: 'Đề Luồng',
      status: 'in_progress',
      deadlineAt: null,
      remainingSeconds: null,
      submittedAt: null,
      answers: [],
      scorePct: null,
      passed: null,
      late: false,
    });
    expect(attempt.questions).toHaveLength(5);
    // No weights, accepted answers, feedback or truth value anywhere in the learner's payload.
    expect(started.body).not.toMatch(/weight|accepted|feedback|correct|Hà Nội|"300"|Quá bẩn/);
    for (const q of attempt.questions)
      expect(Object.keys(q).sort()).toEqual(['choices', 'id', 'kind', 'points', 'prompt']);
    const single = attempt.questions.find((q: { kind: string }) => q.kind === 'single');
    expect(Object.keys(single.choices[0]).sort()).toEqual(['id', 'text']);

    // Starting again resumes instead of spending a second attempt; the choice order is stable.
    const again = await learner.post(`/api/quizzes/${quiz.id}/attempts`);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(attempt.id);
    expect(again.json().questions).toEqual(attempt.questions);

    // Every answer right but the short answer: 5 of 6 points.
    const answers = rightAnswers(attempt).map((a) => ('text' in a ? { ...a, text: 'Hải Phòng' } : a));
    const saved = await learner.put(`/api/quiz-attempts/${attempt.id}/answers`, {
      answers: answers.slice(0, 2),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().answers).toHaveLength(2);
    expect(saved.body).not.toMatch(/weight|feedback/);
    const early = await learner.get(`/api/quiz-attempts/${attempt.id}/review`);
    expect(early.statusCode).toBe(409);
    expect(early.json()).toEqual({
      code: 'QUIZ_NOT_SUBMITTED',
      message: 'Chỉ xem được đáp án và nhận xét sau khi bài làm đã được nộp.',
    });

    const submitted = await learner.post(`/api/quiz-attempts/${attempt.id}/submit`, {
      answers: answers.slice(2),
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({
      status: 'submitted',
      scorePct: 83.33,
      passed: true,
      late: false,
    });
    expect(submitted.body).not.toMatch(/weight|feedback/);

    const review = await learner.get(`/api/quiz-attempts/${attempt.id}/review`);
    expect(review.statusCode, review.body).toBe(200);
    const r = review.json();
    expect(r).toMatchObject({
      scorePct: 83.33,
      passed: true,
      passMarkPct: 80,
      earnedPoints: 5,
      totalPoints: 6,
      late: false,
    });
    const byKind = Object.fromEntries(r.items.map((i: { kind: string }) => [i.kind, i]));
    expect(byKind.single).toMatchObject({ earned: 2, correct: true, feedback: ['Đúng.'] });
    expect(byKind.single.choices).toContainEqual(
      expect.objectContaining({ text: 'ISO 5', weight: 100, selected: true, feedback: 'Đúng.' }),
    );
    expect(byKind.short_answer).toMatchObject({
      earned: 0,
      correct: false,
      given: { text: 'Hải Phòng' },
      acceptedAnswers: [{ text: 'Hà Nội', weight: 100, feedback: null }],
    });
    expect(byKind.true_false).toMatchObject({
      correct: true,
      correctIsTrue: false,
      given: { isTrue: false },
    });
    expect(byKind.numeric).toMatchObject({ correct: true, acceptedNumbers: [{ value: 300, tolerance: 1 }] });

    // Closed: no more saving or submitting.
    expect((await learner.put(`/api/quiz-attempts/${attempt.id}/answers`, { answers })).json().code).toBe(
      'QUIZ_ATTEMPT_CLOSED',
    );
    expect((await learner.post(`/api/quiz-attempts/${attempt.id}/submit`)).statusCode).toBe(409);

    // The second and last attempt, then the limit.
    const second = await learner.post(`/api/quizzes/${quiz.id}/attempts`);
    expect(second.statusCode).toBe(201);
    await learner.post(`/api/quiz-attempts/${second.json().id}/submit`, { answers: [] });
    const third = await learner.post(`/api/quizzes/${quiz.id}/attempts`);
    expect(third.statusCode).toBe(409);
    expect(third.json()).toEqual({
      code: 'QUIZ_ATTEMPTS_EXHAUSTED',
      message: 'Bạn đã dùng hết 2 lượt làm bài kiểm tra này.',
    });

    const mine = await learner.get(`/api/quizzes/${quiz.id}/me`);
    expect(mine.json()).toMatchObject({
      attemptsUsed: 2,
      attemptsLeft: 0,
      bestScorePct: 83.33,
      passed: true,
      inProgressAttemptId: null,
      attempts: [{ scorePct: 83.33 }, { scorePct: 0, passed: false }],
    });

    // The best attempt counts, for the gradebook and completion rules.
    expect((await quizPassedByEnrolment(t.ctx.db, learnerEnrolment)).get(quiz.id)).toEqual({
      bestScorePct: 83.33,
      passed: true,
      attempts: 2,
    });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', attempt.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'quiz_attempt.started',
      'quiz_attempt.answers_saved',
      'quiz_attempt.submitted',
    ]);
  });

  it('refuses answers that do not fit the attempt, changing nothing', async () => {
    const { quiz, questions } = await newQuiz({}, 'Sai');
    const a = (await learner.post(`/api/quizzes/${quiz.id}/attempts`)).json();
    const single = a.questions.find((q: { kind: string }) => q.kind === 'single');
    const res = await learner.put(`/api/quiz-attempts/${a.id}/answers`, {
      answers: [
        { questionId: single.id, optionIds: single.choices.slice(0, 2).map((c: { id: string }) => c.id) },
        { questionId: questions.find((q) => q.kind === 'numeric')!.id, text: 'ba trăm' },
        { questionId: '00000000-0000-4000-8000-000000000000', isTrue: true },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fields).toEqual({
      '/answers/0/optionIds': 'Câu hỏi này chỉ được chọn một phương án.',
      '/answers/1': 'Kiểu câu trả lời không phù hợp với loại câu hỏi.',
      '/answers/2/questionId': 'Câu hỏi này không có trong bài làm.',
    });
    expect((await learner.get(`/api/quiz-attempts/${a.id}`)).json().answers).toEqual([]);
  });

  it('draws N questions at random per attempt and keeps each attempt choice order', async () => {
    const { quiz, questions } = await newQuiz({ drawCount: 3 }, 'Rút');
    const a = (await learner.post(`/api/quizzes/${quiz.id}/attempts`)).json();
    expect(a.questions).toHaveLength(3);
    const ids = a.questions.map((q: { id: string }) => q.id);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(questions.map((q) => q.id)).toContain(id);
    expect((await learner.get(`/api/quiz-attempts/${a.id}`)).json().questions).toEqual(a.questions);
    const stored = await t.ctx.db
      .selectFrom('quiz_attempts')
      .select('question_ids')
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(stored.question_ids).toEqual(ids);
  });

  it('enforces the time limit on the server: saves until the deadline, a late submit counts only saved answers', async () => {
    const { quiz } = await newQuiz({ timeLimitSeconds: 60 }, 'Giờ');
    const t0 = new Date('2026-12-01T02:00:00.000Z');
    setClock(() => t0);
    const a = (await learner.post(`/api/quizzes/${quiz.id}/attempts`)).json();
    expect(a).toMatchObject({
      startedAt: '2026-12-01T02:00:00.000Z',
      deadlineAt: '2026-12-01T02:01:00.000Z',
      serverNow: '2026-12-01T02:00:00.000Z',
      remainingSeconds: 60,
    });
    const answers = rightAnswers(a);
    setClock(() => new Date(t0.getTime() + 30_000));
    expect((await learner.get(`/api/quiz-attempts/${a.id}`)).json().remainingSeconds).toBe(30);
    expect(
      (await learner.put(`/api/quiz-attempts/${a.id}/answers`, { answers: answers.slice(0, 1) })).statusCode,
    ).toBe(200);

    // Two minutes later the learner submits everything: only the answer saved in time counts.
    setClock(() => new Date(t0.getTime() + 120_000));
    const late = await learner.post(`/api/quiz-attempts/${a.id}/submit`, { answers });
    expect(late.statusCode, late.body).toBe(200);
    const saved = answers[0]!;
    const savedQuestion = a.questions.find((q: { id: string }) => q.id === saved.questionId);
    const expectedPct = Math.round((savedQuestion.points / 6) * 10000) / 100;
    expect(late.json()).toMatchObject({
      status: 'submitted',
      late: true,
      submittedAt: '2026-12-01T02:01:00.000Z',
      remainingSeconds: 0,
      scorePct: expectedPct,
      answers: [{ questionId: saved.questionId }],
    });
    const review = (await learner.get(`/api/quiz-attempts/${a.id}/review`)).json();
    expect(review.late).toBe(true);
  });

  it('accepts a submit within the grace period, and refuses saves after it', async () => {
    const { quiz } = await newQuiz({ timeLimitSeconds: 60 }, 'Trễ');
    const t0 = new Date('2026-12-02T02:00:00.000Z');
    setClock(() => t0);
    const a = (await learner.post(`/api/quizzes/${quiz.id}/attempts`)).json();
    setClock(() => new Date(t0.getTime() + 63_000));
    const inGrace = await learner.post(`/api/quiz-attempts/${a.id}/submit`, { answers: rightAnswers(a) });
    expect(inGrace.json()).toMatchObject({
      scorePct: 100,
      late: false,
      submittedAt: '2026-12-02T02:01:03.000Z',
    });

    setClock(() => new Date(t0.getTime() + 3_600_000));
    const b = (await learner.post(`/api/quizzes/${quiz.id}/attempts`)).json();
    await learner.put(`/api/quiz-attempts/${b.id}/answers`, { answers: rightAnswers(b).slice(0, 1) });
    setClock(() => new Date(t0.getTime() + 3_600_000 + 66_000));
    const tooLate = await learner.put(`/api/quiz-attempts/${b.id}/answers`, { answers: rightAnswers(b) });
    expect(tooLate.statusCode).toBe(409);
    expect(tooLate.json()).toEqual({
      code: 'QUIZ_TIME_UP',
      message: 'Đã hết giờ làm bài. Các câu trả lời bạn lưu trước khi hết giờ đã được chấm.',
    });
    const closed = (await learner.get(`/api/quiz-attempts/${b.id}`)).json();
    expect(closed).toMatchObject({
      status: 'submitted',
      late: true,
      submittedAt: '2026-12-02T03:01:00.000Z',
    });
    expect(closed.answers).toHaveLength(1);
  });

  it('finalises an attempt left open past its deadline on the next read', async () => {
    const { quiz } = await newQuiz({ timeLimitSeconds: 120 }, 'Bỏ dở');
    const a = (await learner.post(`/api/quizzes/${quiz.id}/attempts`)).json();
    // The deadline is moved into the past directly, as a forgotten attempt's would be.
    await t.ctx.db
      .updateTable('quiz_attempts')
      .set({ deadline_at: new Date(Date.now() - 3_600_000) })
      .where('id', '=', a.id)
      .execute();
    const read = await trainerA.get(`/api/quiz-attempts/${a.id}`);
    expect(read.json()).toMatchObject({ status: 'submitted', late: true, scorePct: 0, passed: false });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', a.id)
      .orderBy('id')
      .execute();
    expect(audit.map((x) => x.action)).toEqual(['quiz_attempt.started', 'quiz_attempt.expired']);
  });

  it('lets only enrolled learners start, and only the learner and the cohort staff read an attempt', async () => {
    const { quiz } = await newQuiz({}, 'Quyền');
    const anonymous = await new Browser(t).post(`/api/quizzes/${quiz.id}/attempts`);
    expect(anonymous.statusCode).toBe(401);
    const notEnrolled = await outsider.post(`/api/quizzes/${quiz.id}/attempts`);
    expect(notEnrolled.statusCode).toBe(403);
    expect(notEnrolled.json()).toEqual({
      code: 'QUIZ_NOT_ENROLLED',
      message: 'Bạn cần ghi danh vào một lớp của khoá học này để làm bài kiểm tra.',
    });
    expect((await outsider.get(`/api/quizzes/${quiz.id}/me`)).statusCode).toBe(403);
    // A staff member of the course is not a learner either.
    expect((await author.post(`/api/quizzes/${quiz.id}/attempts`)).json().code).toBe('QUIZ_NOT_ENROLLED');

    const a = (await learner.post(`/api/quizzes/${quiz.id}/attempts`)).json();
    await learner.post(`/api/quiz-attempts/${a.id}/submit`, { answers: rightAnswers(a) });

    for (const path of [`/api/quiz-attempts/${a.id}`, `/api/quiz-attempts/${a.id}/review`]) {
      expect((await trainerB.get(path)).statusCode, path).toBe(403);
      expect((await outsider.get(path)).statusCode, path).toBe(403);
      expect((await trainerA.get(path)).statusCode, path).toBe(200);
    }
    expect((await trainerB.get(`/api/quizzes/${quiz.id}/attempts`)).statusCode).toBe(403);
    expect((await outsider.get(`/api/quizzes/${quiz.id}/attempts`)).statusCode).toBe(403);
    const staffList = await trainerA.get(`/api/quizzes/${quiz.id}/attempts?status=submitted`);
    expect(staffList.json()).toMatchObject({
      total: 1,
      items: [
        { id: a.id, personId: learnerPerson, fullName: 'lan', cohortCode: 'BD-2026-01', scorePct: 100 },
      ],
    });

    // Nobody answers for the learner.
    const b = (await learner.post(`/api/quizzes/${quiz.id}/attempts`)).json();
    expect((await trainerA.post(`/api/quiz-attempts/${b.id}/submit`)).statusCode).toBe(403);
    expect((await outsider.put(`/api/quiz-attempts/${b.id}/answers`, { answers: [] })).statusCode).toBe(403);
  });

  it('lets an assigned trainer of another organisation follow the cohort', async () => {
    const { quiz } = await newQuiz({}, 'Phân công');
    const guest = await createUser(t, 'guest.trainer@saigon.vn', [{ role: 'trainer', organisationId: orgB }]);
    await t.ctx.db.insertInto('cohort_trainers').values({ cohort_id: cohortA, user_id: guest.id }).execute();
    const b = await new Browser(t).login('guest.trainer@saigon.vn');
    const a = (await learner.post(`/api/quizzes/${quiz.id}/attempts`)).json();
    expect((await b.get(`/api/quiz-attempts/${a.id}`)).statusCode).toBe(200);
    expect((await b.get(`/api/quizzes/${quiz.id}/attempts`)).json().total).toBe(1);
  });

  it('refuses to delete a question or a quiz that learners have met', async () => {
    const { quiz, questions } = await newQuiz({}, 'Xoá');
    await learner.post(`/api/quizzes/${quiz.id}/attempts`);
    const q = await author.delete(`/api/questions/${questions[0]!.id}`);
    expect(q.statusCode).toBe(409);
    expect(q.json().code).toBe('QUESTION_IN_USE');
    const z = await author.delete(`/api/quizzes/${quiz.id}`);
    expect(z.statusCode).toBe(409);
    expect(z.json().code).toBe('QUIZ_IN_USE');
  });

  it('applies a changed pass mark to attempts already graded', async () => {
    const { quiz } = await newQuiz({ passMarkPct: 90 }, 'Điểm đạt');
    const a = (await learner.post(`/api/quizzes/${quiz.id}/attempts`)).json();
    const answers = rightAnswers(a).map((x) => ('text' in x ? { ...x, text: 'Huế' } : x));
    expect((await learner.post(`/api/quiz-attempts/${a.id}/submit`, { answers })).json()).toMatchObject({
      scorePct: 83.33,
      passed: false,
    });
    expect((await author.patch(`/api/quizzes/${quiz.id}`, { passMarkPct: 80 })).statusCode).toBe(200);
    expect((await learner.get(`/api/quiz-attempts/${a.id}`)).json()).toMatchObject({
      scorePct: 83.33,
      passed: true,
    });
    expect((await learner.get(`/api/quizzes/${quiz.id}/me`)).json()).toMatchObject({
      passed: true,
      bestScorePct: 83.33,
    });
    expect((await quizPassedByEnrolment(t.ctx.db, learnerEnrolment)).get(quiz.id)).toMatchObject({
      passed: true,
    });
  });

  it('refuses to start a quiz with no questions', async () => {
    const empty = (
      await author.post(`/api/courses/${courseA}/quizzes`, { title: 'Rỗng', category: 'không có' })
    ).json();
    const res = await learner.post(`/api/quizzes/${empty.id}/attempts`);
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('QUIZ_NO_QUESTIONS');
  });
});

describe('completion', () => {
  it('completes the enrolment when the quiz lesson is passed', async () => {
    const course = await insertCourse(t, orgA, 'an-toan-phong-sach', 'An toàn phòng sạch');
    const cohort = await insertCohort(t, course.id, orgA, 'PS-2026-01');
    const u = await createUser(t, 'hoa@hocvien.vn', [{ role: 'learner' }]);
    const { enrolmentId } = await enrol(t, u.id, cohort.id);
    await createQuestions(author, course.id, 'Cuối khoá');
    const quiz = (
      await author.post(`/api/courses/${course.id}/quizzes`, { title: 'Cuối khoá', passMarkPct: 100 })
    ).json();
    await insertQuizLesson(t, course.id, quiz.id);
    const b = await new Browser(t).login('hoa@hocvien.vn');

    const first = (await b.post(`/api/quizzes/${quiz.id}/attempts`)).json();
    await b.post(`/api/quiz-attempts/${first.id}/submit`, { answers: rightAnswers(first).slice(1) });
    const status = async () =>
      (
        await t.ctx.db
          .selectFrom('enrolments')
          .select('status')
          .where('id', '=', enrolmentId)
          .executeTakeFirstOrThrow()
      ).status;
    expect(await status()).toBe('enrolled');

    const second = (await b.post(`/api/quizzes/${quiz.id}/attempts`)).json();
    const done = await b.post(`/api/quiz-attempts/${second.id}/submit`, { answers: rightAnswers(second) });
    expect(done.json()).toMatchObject({ scorePct: 100, passed: true });
    expect(await status()).toBe('completed');
  });
});
