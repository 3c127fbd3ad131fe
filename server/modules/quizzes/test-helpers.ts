/**
 * Test data for the quizzes module: courses, cohorts and enrolments written straight to the tables,
 * since the catalog and enrolment modules own their use cases and this module only reads them.
 */
import { foldVi } from '../../../common/text';
import type { TestApp } from '../../test/app';
import { ensurePersonForUser } from '../people/repo';

export async function insertCourse(t: TestApp, organisationId: string, slug: string, title = slug) {
  return t.ctx.db
    .insertInto('courses')
    .values({
      organisation_id: organisationId,
      slug,
      teaching_language: 'vi',
      title,
      search_folded: foldVi(title),
      topic: 'semiconductor',
      level: 'beginner',
      duration_hours: 40,
      delivery_mode: 'online',
      status: 'published',
    })
    .returning(['id', 'organisation_id'])
    .executeTakeFirstOrThrow();
}

export async function insertCohort(t: TestApp, courseId: string, organisationId: string, code: string) {
  return t.ctx.db
    .insertInto('cohorts')
    .values({ course_id: courseId, organisation_id: organisationId, code, name: `Lớp ${code}` })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

export async function enrol(
  t: TestApp,
  userId: string,
  cohortId: string,
  status: 'enrolled' | 'completed' | 'withdrawn' = 'enrolled',
) {
  const person = await ensurePersonForUser(t.ctx.db, userId);
  const enrolment = await t.ctx.db
    .insertInto('enrolments')
    .values({ cohort_id: cohortId, person_id: person.id, status, source: 'admin' })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return { personId: person.id, enrolmentId: enrolment.id };
}

/** A required, published quiz lesson in a new module, so that passing the quiz completes the course. */
export async function insertQuizLesson(t: TestApp, courseId: string, quizId: string) {
  const mod = await t.ctx.db
    .insertInto('course_modules')
    .values({ course_id: courseId, position: 1, title: 'Kiểm tra cuối khoá' })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  return t.ctx.db
    .insertInto('lessons')
    .values({
      course_id: courseId,
      module_id: mod.id,
      position: 1,
      kind: 'quiz',
      title: 'Bài kiểm tra',
      quiz_id: quizId,
      required: true,
      status: 'published',
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}
