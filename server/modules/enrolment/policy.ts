/**
 * Who may do what with cohorts, enrolments, attendance, gradebooks and trainers' reach. Deny by
 * default: each function answers yes only for the cases it names. A partner admin or trainer only
 * ever reaches their own organisation's cohorts; NIC staff (platform admins, program managers) read all.
 */
import { type Actor, hasRole, isPlatformAdmin, organisationsWhere } from '../../lib/actor';
import { forbidden } from '../../lib/errors';

export const isNicStaff = (a: Actor) => isPlatformAdmin(a) || hasRole(a, 'program_manager');
const isPartnerAdmin = (a: Actor, orgId: string) => hasRole(a, 'partner_admin', orgId);

export interface CohortAccess {
  organisationId: string;
  /** Whether the actor is one of the cohort's trainers. */
  trains: boolean;
}

export const policy = {
  /** Create, edit, delete cohorts and their sessions and trainers. */
  manageCohort(a: Actor, organisationId: string) {
    if (!isPlatformAdmin(a) && !isPartnerAdmin(a, organisationId))
      throw forbidden('only the organisation’s partner admin manages its cohorts');
  },
  readCohort(a: Actor, c: CohortAccess) {
    if (isNicStaff(a) || isPartnerAdmin(a, c.organisationId) || c.trains) return;
    throw forbidden('not staff, admin or trainer of this cohort');
  },
  /** Which cohorts a list may show: all, or their organisations' plus the ones they train there. */
  cohortListScope(a: Actor): {
    organisationIds?: string[];
    trainer?: { userId: string; organisationIds: string[] };
  } {
    if (isNicStaff(a)) return {};
    return {
      organisationIds: organisationsWhere(a, 'partner_admin'),
      trainer: { userId: a.userId, organisationIds: organisationsWhere(a, 'trainer') },
    };
  },
  /** Enrol someone else, see the roster, transfer. */
  manageEnrolments(a: Actor, organisationId: string) {
    if (!isPlatformAdmin(a) && !isPartnerAdmin(a, organisationId))
      throw forbidden('only the organisation’s partner admin enrols people');
  },
  readRoster(a: Actor, c: CohortAccess) {
    policy.readCohort(a, c);
  },
  /** The learner themself, or the cohort's partner admin. */
  withdraw(a: Actor, organisationId: string, ownEnrolment: boolean) {
    if (ownEnrolment || isPlatformAdmin(a) || isPartnerAdmin(a, organisationId)) return;
    throw forbidden('not your enrolment');
  },
  readEnrolment(a: Actor, c: CohortAccess, ownEnrolment: boolean) {
    if (ownEnrolment) return;
    policy.readCohort(a, c);
  },
  /** Only the learner marks their own lessons done. */
  completeLesson(ownEnrolment: boolean) {
    if (!ownEnrolment) throw forbidden('only the learner marks their lessons done');
  },
  /** The cohort's trainers and its partner admin (and platform admins) take attendance. */
  recordAttendance(a: Actor, c: CohortAccess) {
    if (c.trains || isPlatformAdmin(a) || isPartnerAdmin(a, c.organisationId)) return;
    throw forbidden('not a trainer or admin of this cohort');
  },
  readGradebook(a: Actor, c: CohortAccess) {
    if (c.trains || isNicStaff(a) || isPartnerAdmin(a, c.organisationId)) return;
    throw forbidden('not a trainer, admin or NIC staff for this cohort');
  },
  /**
   * A trainer's reach: NIC staff see all of it; a partner admin sees it when the trainer belongs to
   * (or taught in) their organisation, and only the part inside their organisations' cohorts.
   */
  beneficiaryScope(a: Actor, trainerOrganisationIds: string[]): { organisationIds?: string[] } {
    if (isNicStaff(a)) return {};
    const mine = organisationsWhere(a, 'partner_admin');
    if (!mine.some((o) => trainerOrganisationIds.includes(o)))
      throw forbidden('not this trainer’s organisation');
    return { organisationIds: mine };
  },
};
