/**
 * Test data for enrolment tests. Courses come from the catalog's factory (the one the demo seed uses);
 * quizzes, quiz lessons and attempts, which the quizzes module owns, are written straight to their
 * tables, as that module would leave them after grading.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { type CourseSpec, createCourseFromSpec } from '../catalog/factory';

export async function makeCourse(
  db: Kysely<DB>,
  organisationId: string,
  slug: string,
  opts: Partial<CourseSpec> & { lessons?: number } = {},
) {
  const { lessons = 3, ...spec } = opts;
  const course = await createCourseFromSpec(db, {
    organisationId,
    slug,
    title: spec.title ?? `Khoá học ${slug}`,
    provinceCode: spec.deliveryMode && spec.deliveryMode !== 'online' ? '92' : null,
    modules: [
      {
        title: 'Chương 1',
        lessons: Array.from({ length: lessons }, (_, i) => ({
          title: `Bài ${i + 1}`,
          bodyHtml: `<p>Bài ${i + 1}</p>`,
        })),
      },
    ],
    ...spec,
  });
  return {
    id: course.id,
    slug: course.slug,
    moduleId: course.modules[0]!.id,
    lessonIds: course.modules[0]!.lessonIds,
  };
}

/** A published lesson appended to the course's first module. */
export async function addLesson(
  db: Kysely<DB>,
  course: { id: string; moduleId: string },
  l: {
    title: string;
    kind?: 'text' | 'quiz';
    required?: boolean;
    quizId?: string;
    status?: 'draft' | 'published';
  },
) {
  const max = await db
    .selectFrom('lessons')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('module_id', '=', course.moduleId)
    .executeTakeFirst();
  return (
    await db
      .insertInto('lessons')
      .values({
        course_id: course.id,
        module_id: course.moduleId,
        position: Number(max?.p ?? 0) + 1,
        kind: l.kind ?? 'text',
        title: l.title,
        body_html: l.kind === 'quiz' ? null : '<p>…</p>',
        quiz_id: l.quizId ?? null,
        required: l.required ?? true,
        status: l.status ?? 'published',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function addQuizLesson(
  db: Kysely<DB>,
  course: { id: string; moduleId: string },
  opts: { title?: string; passMarkPct?: number; required?: boolean } = {},
) {
  const quiz = await db
    .insertInto('quizzes')
    .values({
      course_id: course.id,
      title: opts.title ?? 'Bài kiểm tra',
      pass_mark_pct: opts.passMarkPct ?? 70,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const lessonId = await addLesson(db, course, {
    title: opts.title ?? 'Bài kiểm tra',
    kind: 'quiz',
    quizId: quiz.id,
    required: opts.required,
  });
  return { quizId: quiz.id, lessonId };
}

/** A graded attempt, as the quizzes module stores it after submission. */
export async function gradedAttempt(
  db: Kysely<DB>,
  enrolmentId: string,
  quizId: string,
  scorePct: number,
  passMark = 70,
) {
  await db
    .insertInto('quiz_attempts')
    .values({
      quiz_id: quizId,
      enrolment_id: enrolmentId,
      question_ids: JSON.stringify([]),
      submitted_at: new Date(),
      score_pct: scorePct.toFixed(2),
      passed: scorePct >= passMark,
    })
    .execute();
}

/** The calendar date in Vietnam `days` from now (YYYY-MM-DD). */
export const isoDay = (days: number) =>
  new Date(Date.now() + days * 86400_000 + 7 * 3600_000).toISOString().slice(0, 10);

/** `hour` o'clock in Vietnam, `days` from today. */
export const daysFromNow = (days: number, hour = 8) =>
  new Date(`${isoDay(days)}T${String(hour).padStart(2, '0')}:00:00+07:00`);
