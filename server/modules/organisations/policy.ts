/**
 * Who may do what with organisations, members, accounts and role grants. Deny by default: each
 * function answers yes only for the cases it names.
 */
import { organisationAdminRoles, roleOrganisationKinds } from '../../../common/domain';
import type { OrganisationKind, Role } from '../../db/schema';
import { type Actor, hasRole, isPlatformAdmin } from '../../lib/actor';
import { AppError, forbidden } from '../../lib/errors';

export function assertRoleFits(role: Role, organisationKind: OrganisationKind | null) {
  const allowed = roleOrganisationKinds[role];
  if (allowed.includes(organisationKind)) return;
  if (organisationKind === null) throw new AppError('ROLE_NEEDS_ORGANISATION');
  throw new AppError('ROLE_NOT_FOR_ORGANISATION_KIND');
}

const isNicStaff = (a: Actor) => isPlatformAdmin(a) || hasRole(a, 'program_manager');
const isOrgAdmin = (a: Actor, orgId: string) => organisationAdminRoles.some((r) => hasRole(a, r, orgId));

export const policy = {
  createOrganisation(a: Actor) {
    if (!isPlatformAdmin(a)) throw forbidden('only platform admins create organisations');
  },
  updateOrganisation(a: Actor, orgId: string, changes: { verified?: boolean }) {
    // Verification is NIC's call: an employer cannot vouch for itself.
    if (changes.verified !== undefined && !isNicStaff(a))
      throw forbidden('only NIC staff verify organisations');
    if (!isPlatformAdmin(a) && !isOrgAdmin(a, orgId) && !(changes.verified !== undefined && isNicStaff(a))) {
      throw forbidden('not an administrator of this organisation');
    }
  },
  readMembers(a: Actor, orgId: string) {
    if (!isNicStaff(a) && !isOrgAdmin(a, orgId)) throw forbidden('not an administrator of this organisation');
  },
  manageMember(a: Actor, orgId: string, role: Role) {
    if (isPlatformAdmin(a)) return;
    if (hasRole(a, 'partner_admin', orgId) && ['learner', 'trainer', 'partner_admin'].includes(role)) return;
    if (hasRole(a, 'employer', orgId) && role === 'employer') return;
    throw forbidden(`may not grant ${role} in this organisation`);
  },
  administerUsers(a: Actor) {
    if (!isPlatformAdmin(a)) throw forbidden('only platform admins manage accounts');
  },
  readAudit(a: Actor) {
    if (!isPlatformAdmin(a)) throw forbidden('only platform admins read the audit log');
  },
};
