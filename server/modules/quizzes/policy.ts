/**
 * Who may do what with question banks, quizzes and attempts. Deny by default: each function answers yes
 * only for the cases it names.
 *
 * - Authors of a course's bank and quizzes: platform admins, and partner admins and trainers of the
 *   organisation that owns the course.
 * - An attempt is seen by its learner, platform admins, partner admins and trainers of the organisation
 *   that runs the attempt's cohort, and the cohort's assigned trainers. The organisation that owns the
 *   course does not see other partners' learners through it: their results are the running partner's.
 */
import { type Actor, hasRole, isPlatformAdmin, organisationsWhere } from '../../lib/actor';
import { forbidden } from '../../lib/errors';

const STAFF = ['partner_admin', 'trainer'] as const;
const isStaffOf = (a: Actor, orgId: string) => STAFF.some((r) => hasRole(a, r, orgId));

export const policy = {
  authorCourse(a: Actor, course: { organisation_id: string }) {
    if (isPlatformAdmin(a) || isStaffOf(a, course.organisation_id)) return;
    throw forbidden('not an author of this course');
  },
  /** Staff who may see an attempt; the learner's own access is `ownAttempt`. */
  staffOfAttempt(a: Actor, attempt: { cohort_organisation_id: string }, assignedTrainer: boolean): boolean {
    return isPlatformAdmin(a) || isStaffOf(a, attempt.cohort_organisation_id) || assignedTrainer;
  },
  ownAttempt: (a: Actor, attempt: { person_user_id: string | null }) => attempt.person_user_id === a.userId,
  readAttempt(
    a: Actor,
    attempt: { cohort_organisation_id: string; person_user_id: string | null },
    assignedTrainer: boolean,
  ) {
    if (policy.ownAttempt(a, attempt) || policy.staffOfAttempt(a, attempt, assignedTrainer)) return;
    throw forbidden('not this attempt');
  },
  /** Which cohorts' attempts a staff member may list: every one (null) or those of these organisations. */
  attemptScope(a: Actor): string[] | null {
    if (isPlatformAdmin(a)) return null;
    return organisationsWhere(a, ...STAFF);
  },
};
