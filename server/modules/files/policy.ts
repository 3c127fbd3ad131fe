/**
 * Who may upload and read files. Deny by default: an author (partner admin or trainer) works with the
 * files of their own organisation; a learner reads a file only through a course they are enrolled in
 * (or their own certificate); anyone signed in may upload a file of their own (a CV), in no
 * organisation, which they and the employers they apply to read; platform admins see everything.
 */
import { type Actor, hasRole, isPlatformAdmin, organisationsWhere } from '../../lib/actor';
import { AppError, forbidden } from '../../lib/errors';

export const authorRoles = ['partner_admin', 'trainer'] as const;

const authorsFor = (a: Actor, orgId: string) => authorRoles.some((r) => hasRole(a, r, orgId));

export const policy = {
  /**
   * The organisation an upload belongs to: the one asked for when the actor authors there, or the only
   * one they author for. A platform admin may upload on behalf of any organisation, or none.
   */
  uploadOrganisation(a: Actor, requested: string | undefined): string | null {
    if (requested) {
      if (isPlatformAdmin(a) || authorsFor(a, requested)) return requested;
      throw forbidden('not an author of this organisation');
    }
    const orgs = organisationsWhere(a, ...authorRoles);
    if (orgs.length === 1) return orgs[0]!;
    // Someone who authors for no organisation uploads a file of their own (a CV): it belongs to no organisation.
    if (isPlatformAdmin(a) || orgs.length === 0) return null;
    throw new AppError('VALIDATION_FAILED', {
      fields: { '/organisationId': 'required' },
      message: 'author of several organisations: which one?',
    });
  },
  /** Readers known from the actor alone; enrolment and certificates are asked of the database after. */
  readsWithoutEnrolment(a: Actor, file: { organisation_id: string | null; created_by: string | null }) {
    return (
      isPlatformAdmin(a) ||
      file.created_by === a.userId ||
      (file.organisation_id !== null && authorsFor(a, file.organisation_id))
    );
  },
  /** Who reads a manual result's evidence (impact monitoring): NIC staff, and its organisation's authors. */
  evidenceReader(a: Actor) {
    return {
      staff: isPlatformAdmin(a) || hasRole(a, 'program_manager'),
      organisationIds: organisationsWhere(a, ...authorRoles),
    };
  },
};
