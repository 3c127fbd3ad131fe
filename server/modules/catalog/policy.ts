/**
 * Who may do what with courses. Deny by default. A course belongs to one organisation: its partner
 * admins create, publish and archive it; its trainers and partner admins edit its content; platform
 * admins may do everything. Everyone else reads published (and archived) courses, and lesson bodies
 * only through an enrolment.
 */
import type { CourseStatus } from '../../db/schema';
import { type Actor, hasRole, isPlatformAdmin } from '../../lib/actor';
import { AppError, forbidden, notFound } from '../../lib/errors';

interface Owned {
  organisation_id: string;
}

/** Partner admins of the organisation (and platform admins): create, publish, archive. */
export const managesCourses = (a: Actor | null, orgId: string) =>
  !!a && (isPlatformAdmin(a) || hasRole(a, 'partner_admin', orgId));

/** Trainers too: they edit content. */
export const authorsCourses = (a: Actor | null, orgId: string) =>
  !!a && (managesCourses(a, orgId) || hasRole(a, 'trainer', orgId));

export const policy = {
  createCourse(a: Actor, orgId: string) {
    if (!managesCourses(a, orgId)) throw forbidden('only partner admins of the organisation create courses');
  },
  manageCourse(a: Actor, course: Owned) {
    if (!managesCourses(a, course.organisation_id))
      throw forbidden('only partner admins of the organisation publish or archive');
  },
  editCourse(a: Actor, course: Owned) {
    if (!authorsCourses(a, course.organisation_id)) throw forbidden('not an author of this course');
  },
  listOrganisationCourses(a: Actor, orgId: string) {
    if (!authorsCourses(a, orgId)) throw forbidden('not an author in this organisation');
  },
  /** Drafts exist only for their authors: anyone else is told there is no such course. */
  readCourse(a: Actor | null, course: Owned & { status: CourseStatus }) {
    if (course.status === 'draft' && !authorsCourses(a, course.organisation_id)) throw notFound('course');
  },
  /**
   * A lesson's body: authors always; learners enrolled in the course when the lesson is published.
   * An unpublished lesson does not exist for learners.
   */
  readLesson(
    a: Actor,
    course: Owned & { status: CourseStatus },
    lesson: { status: 'draft' | 'published' },
    enrolled: boolean,
  ) {
    if (authorsCourses(a, course.organisation_id)) return;
    if (course.status === 'draft' || lesson.status !== 'published') throw notFound('lesson');
    if (!enrolled) throw new AppError('NOT_ENROLLED');
  },
};
