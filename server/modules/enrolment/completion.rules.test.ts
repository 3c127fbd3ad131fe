/** The completion rule as a matrix of plain cases: no database, just the rule. */
import { describe, expect, it } from 'vitest';
import { assess, attendancePct, type LessonRule } from './completion';

const text = (id: string, required = true): LessonRule => ({ id, kind: 'text', required, quiz_id: null });
const quiz = (id: string, quizId: string, required = true): LessonRule => ({
  id,
  kind: 'quiz',
  required,
  quiz_id: quizId,
});
const facts = (done: string[] = [], passed: string[] = [], present = 0, excused = 0) => ({
  doneLessonIds: new Set(done),
  passedQuizIds: new Set(passed),
  present,
  excused,
});
const online = { deliveryMode: 'online' as const, minAttendancePct: null, held: 0 };

describe('attendance', () => {
  it('is present ÷ (held − excused), excused counting as neither', () => {
    expect(attendancePct(3, 0, 4)).toBe(75);
    expect(attendancePct(3, 1, 4)).toBe(100);
    expect(attendancePct(2, 1, 4)).toBe(66.7);
    expect(attendancePct(0, 0, 5)).toBe(0);
  });
  it('is unknown when nothing can be counted yet', () => {
    expect(attendancePct(0, 0, 0)).toBeNull();
    expect(attendancePct(0, 2, 2)).toBeNull();
  });
});

describe('completion rule', () => {
  const lessons = [text('a'), text('b'), quiz('q', 'quiz-1'), text('opt', false)];

  it.each([
    ['nothing done', facts(), false, 0],
    ['text lessons done, quiz not passed', facts(['a', 'b']), false, 66],
    ['a progress row on a quiz lesson does not pass the quiz', facts(['a', 'b', 'q']), false, 66],
    ['everything required done and the quiz passed', facts(['a', 'b'], ['quiz-1']), true, 100],
    ['the optional lesson never blocks', facts(['a', 'b'], ['quiz-1']), true, 100],
    ['a passed quiz alone is not enough', facts([], ['quiz-1']), false, 33],
  ])('%s', (_name, f, met, progress) => {
    const a = assess(lessons, f, online);
    expect(a.met).toBe(met);
    expect(a.progressPct).toBe(progress);
    expect(a.attendanceRequired).toBe(false);
  });

  const allDone = facts(['a', 'b'], ['quiz-1']);
  const inPerson = (held: number, min: number | null = 80) => ({
    deliveryMode: 'in_person' as const,
    minAttendancePct: min,
    held,
  });

  it.each([
    ['4 of 5 held sessions present reaches 80 %', 4, 0, 5, true, 80],
    ['3 of 5 present misses 80 %', 3, 0, 5, false, 60],
    ['3 present, 1 excused of 5 held: 3 of 4 = 75 % misses 80 %', 3, 1, 5, false, 75],
    ['4 present, 1 excused of 5 held: 100 %', 4, 1, 5, true, 100],
    ['no session held yet: the minimum cannot be met', 0, 0, 0, false, null],
    ['every held session excused: nothing to count', 0, 2, 2, false, null],
  ])('in person: %s', (_name, present, excused, held, met, pct) => {
    const a = assess(lessons, { ...allDone, present, excused }, inPerson(held));
    expect(a.attendanceRequired).toBe(true);
    expect(a.attendancePct).toBe(pct);
    expect(a.met).toBe(met);
  });

  it('ignores attendance for online courses, and for courses without a minimum', () => {
    expect(assess(lessons, allDone, { deliveryMode: 'online', minAttendancePct: 80, held: 5 }).met).toBe(
      true,
    );
    expect(assess(lessons, allDone, inPerson(5, null)).met).toBe(true);
    expect(assess(lessons, allDone, inPerson(5, 0)).met).toBe(true);
  });

  it('applies the minimum to blended courses too', () => {
    const blended = { deliveryMode: 'blended' as const, minAttendancePct: 50, held: 4 };
    expect(assess(lessons, { ...allDone, present: 1 }, blended).met).toBe(false);
    expect(assess(lessons, { ...allDone, present: 2 }, blended).met).toBe(true);
  });

  it('needs all required lessons even when attendance is perfect', () => {
    expect(assess(lessons, { ...facts(['a']), present: 5 }, inPerson(5)).met).toBe(false);
  });

  it('completes an attendance-only course on attendance, and never a course with nothing to assess', () => {
    expect(assess([], facts([], [], 4), inPerson(5)).met).toBe(true);
    expect(assess([], facts([], [], 4), inPerson(5)).progressPct).toBe(100);
    expect(assess([], facts(), online).met).toBe(false);
    expect(assess([text('x', false)], facts(['x']), online).met).toBe(false);
  });
});
