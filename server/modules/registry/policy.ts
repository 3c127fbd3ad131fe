/**
 * Who may do what in the registry. Deny by default: a partner's administrators import rosters for
 * their own organisation and see its imports; platform administrators may do it for any partner.
 */
import { type Actor, hasRole, isPlatformAdmin } from '../../lib/actor';
import { forbidden } from '../../lib/errors';

export const policy = {
  importRoster(a: Actor, organisationId: string) {
    if (isPlatformAdmin(a) || hasRole(a, 'partner_admin', organisationId)) return;
    throw forbidden('only the organisation’s administrators import its rosters');
  },
};
