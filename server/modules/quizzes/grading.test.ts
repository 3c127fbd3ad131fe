import { describe, expect, it } from 'vitest';
import { type GradableQuestion, gradeQuestion, scorePct } from './grading';
import { checkQuestion } from './model';

const question = (input: Parameters<typeof checkQuestion>[0]): GradableQuestion => {
  const checked = checkQuestion(input);
  if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
  return checked.question;
};

describe('single choice', () => {
  const q = question({
    kind: 'single',
    prompt: 'Cấp sạch của phòng sạch cho quang khắc?',
    points: 2,
    choices: [
      { id: 'a', text: 'ISO 5', weight: 100, feedback: 'Đúng.' },
      { id: 'b', text: 'ISO 6', weight: 50 },
      { id: 'c', text: 'ISO 9', weight: -50, feedback: 'Quá bẩn.' },
    ],
  });
  it('gives the chosen option its weight, never below zero, with its feedback', () => {
    expect(gradeQuestion(q, { optionIds: ['a'] })).toEqual({
      fraction: 1,
      earned: 2,
      correct: true,
      feedback: ['Đúng.'],
    });
    expect(gradeQuestion(q, { optionIds: ['b'] })).toMatchObject({ earned: 1, correct: false });
    expect(gradeQuestion(q, { optionIds: ['c'] })).toEqual({
      fraction: 0,
      earned: 0,
      correct: false,
      feedback: ['Quá bẩn.'],
    });
  });
  it('gives nothing for no answer, an unknown option, or two picks', () => {
    expect(gradeQuestion(q, undefined).earned).toBe(0);
    expect(gradeQuestion(q, { optionIds: ['zz'] }).earned).toBe(0);
    expect(gradeQuestion(q, { optionIds: ['a', 'b'] }).earned).toBe(0);
    expect(gradeQuestion(q, { text: 'ISO 5' }).earned).toBe(0);
  });
});

describe('multiple choice', () => {
  const q = question({
    kind: 'multiple',
    prompt: 'Nguồn nhiễm bẩn hạt?',
    points: 3,
    choices: [
      { id: 'a', text: 'Da người', weight: 33.333 },
      { id: 'b', text: 'Mỹ phẩm', weight: 33.333 },
      { id: 'c', text: 'Giấy thường', weight: 33.334 },
      { id: 'd', text: 'Khí qua HEPA', weight: -100 },
    ],
  });
  it('adds the weights of the picked options: full, partial, penalised', () => {
    expect(gradeQuestion(q, { optionIds: ['a', 'b', 'c'] })).toMatchObject({
      fraction: 1,
      earned: 3,
      correct: true,
    });
    expect(gradeQuestion(q, { optionIds: ['a'] })).toMatchObject({ earned: 1, correct: false });
    expect(gradeQuestion(q, { optionIds: ['a', 'b', 'c', 'd'] }).earned).toBe(0);
  });
  it('never goes below zero and counts a repeated pick once', () => {
    expect(gradeQuestion(q, { optionIds: ['d'] })).toMatchObject({ fraction: 0, earned: 0 });
    expect(gradeQuestion(q, { optionIds: ['a', 'a', 'a'] }).earned).toBe(1);
  });
  it('refuses weights of the right choices that do not add up to 100', () => {
    const bad = checkQuestion({
      kind: 'multiple',
      prompt: 'x',
      choices: [
        { text: 'a', weight: 50 },
        { text: 'b', weight: 20 },
      ],
    });
    expect(bad).toEqual({ ok: false, issues: [{ path: '/choices', key: 'quiz.weightsSum' }] });
  });
});

describe('true/false', () => {
  const q = question({
    kind: 'true_false',
    prompt: 'Được mang giấy thường vào phòng sạch.',
    correct: false,
    feedbackTrue: 'Giấy thường sinh bụi.',
    feedbackFalse: 'Chính xác.',
  });
  it('grades the truth value and gives the feedback of the answer given', () => {
    expect(gradeQuestion(q, { isTrue: false })).toEqual({
      fraction: 1,
      earned: 1,
      correct: true,
      feedback: ['Chính xác.'],
    });
    expect(gradeQuestion(q, { isTrue: true })).toEqual({
      fraction: 0,
      earned: 0,
      correct: false,
      feedback: ['Giấy thường sinh bụi.'],
    });
    expect(gradeQuestion(q, {}).earned).toBe(0);
  });
});

describe('short answer', () => {
  const q = question({
    kind: 'short_answer',
    prompt: 'Thủ đô của Việt Nam?',
    points: 4,
    answers: [
      { text: 'Hà Nội', feedback: 'Đúng.' },
      { text: 'Thăng Long', weight: 50, feedback: 'Tên cũ.' },
    ],
  });
  it('ignores case, spacing, punctuation and diacritics by default', () => {
    for (const typed of [
      'Hà Nội',
      'hà nội',
      'HA NOI',
      'ha noi',
      '  Hà   Nội. ',
      'Hà Nội',
      'Hà Nội'.normalize('NFD'),
    ])
      expect(gradeQuestion(q, { text: typed }), typed).toMatchObject({
        earned: 4,
        correct: true,
        feedback: ['Đúng.'],
      });
  });
  it('gives the weight of the best matching accepted answer', () => {
    expect(gradeQuestion(q, { text: 'thang long' })).toMatchObject({
      earned: 2,
      correct: false,
      feedback: ['Tên cũ.'],
    });
    expect(gradeQuestion(q, { text: 'Hải Phòng' })).toMatchObject({ earned: 0, feedback: [] });
    expect(gradeQuestion(q, { text: '   ' }).earned).toBe(0);
  });
  it('counts diacritics with strictAccents, but still not case, spacing or tone placement', () => {
    const strict = question({
      kind: 'short_answer',
      prompt: 'Viết đúng chính tả: tỉnh có vịnh Hạ Long',
      answers: [{ text: 'Quảng Ninh' }, { text: 'Hoà Bình' }],
      strictAccents: true,
    });
    expect(gradeQuestion(strict, { text: 'quảng  ninh' }).correct).toBe(true);
    expect(gradeQuestion(strict, { text: 'Quang Ninh' }).correct).toBe(false);
    expect(gradeQuestion(strict, { text: 'Quãng Ninh' }).correct).toBe(false);
    // Old-style (hòa) and new-style (hoà) tone placement are the same word.
    expect(gradeQuestion(strict, { text: 'Hòa Bình' }).correct).toBe(true);
  });
  it('compares Japanese answers by their kana, folding full- and half-width forms', () => {
    const ja = question({
      kind: 'short_answer',
      prompt: '「ありがとう」をカタカナで',
      answers: [{ text: 'アリガトウ' }],
    });
    expect(gradeQuestion(ja, { text: 'アリガトウ' }).correct).toBe(true);
    expect(gradeQuestion(ja, { text: 'ｱﾘｶﾞﾄｳ' }).correct).toBe(true);
    expect(gradeQuestion(ja, { text: 'ありがとう' }).correct).toBe(false);
  });
});

describe('numeric', () => {
  const q = question({
    kind: 'numeric',
    prompt: 'Đường kính wafer (mm)?',
    points: 2,
    numbers: [
      { value: 300, tolerance: 0.5, feedback: 'Chuẩn.' },
      { value: 300, tolerance: 5, weight: 50 },
    ],
  });
  it('accepts values within the tolerance, inclusive, with the best weight', () => {
    expect(gradeQuestion(q, { number: 300 })).toMatchObject({
      earned: 2,
      correct: true,
      feedback: ['Chuẩn.'],
    });
    expect(gradeQuestion(q, { number: 300.5 }).earned).toBe(2);
    expect(gradeQuestion(q, { number: 299.5 }).earned).toBe(2);
    expect(gradeQuestion(q, { number: 303 })).toMatchObject({ earned: 1, correct: false });
    expect(gradeQuestion(q, { number: 305.01 }).earned).toBe(0);
    expect(gradeQuestion(q, { number: Number.NaN }).earned).toBe(0);
  });
  it('accepts ranges, inclusive at both ends, and exact values without float surprises', () => {
    const range = question({ kind: 'numeric', prompt: 'Độ ẩm (%)?', numbers: [{ min: 40, max: 50 }] });
    expect([39.9, 40, 45, 50, 50.1].map((n) => gradeQuestion(range, { number: n }).earned)).toEqual([
      0, 1, 1, 1, 0,
    ]);
    const exact = question({ kind: 'numeric', prompt: '0.1 + 0.2?', numbers: [{ value: 0.3 }] });
    expect(gradeQuestion(exact, { number: 0.1 + 0.2 }).correct).toBe(true);
    expect(gradeQuestion(exact, { number: 0.31 }).correct).toBe(false);
  });
  it('refuses a value and a range at once, and a reversed range', () => {
    expect(
      checkQuestion({ kind: 'numeric', prompt: 'x', numbers: [{ value: 1, min: 0, max: 2 }] }),
    ).toMatchObject({
      ok: false,
      issues: [{ path: '/numbers/0', key: 'quiz.numberSpec' }],
    });
    expect(checkQuestion({ kind: 'numeric', prompt: 'x', numbers: [{ min: 5, max: 1 }] })).toMatchObject({
      ok: false,
      issues: [{ path: '/numbers/0', key: 'quiz.numberRange' }],
    });
  });
});

describe('attempt score', () => {
  it('is a percentage with two decimals, 0 for an empty quiz', () => {
    expect(scorePct(2, 3)).toBe(66.67);
    expect(scorePct(3, 3)).toBe(100);
    expect(scorePct(0, 0)).toBe(0);
  });
});
