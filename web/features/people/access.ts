/**
 * Who sees the people pages in the web app. This only hides what the server would refuse anyway
 * (server/modules/registry/people/policy.ts decides every request).
 */
import { peopleStaffRoles } from '../../../common/domain';
import type { Me } from '../../api/types';

/** NIC staff: platform admins and program managers read everyone. */
export const isPeopleStaff = (me: Me | null) => !!me?.roles.some((r) => peopleStaffRoles.includes(r.role));

/** The organisations whose people the account reads as their partner admin. */
export function partnerOrganisations(me: Me | null): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const r of me?.roles ?? [])
    if (r.role === 'partner_admin' && r.organisationId && !seen.has(r.organisationId))
      seen.set(r.organisationId, r.organisationName ?? '');
  return [...seen].map(([id, name]) => ({ id, name }));
}

export const canReadPeople = (me: Me | null) => isPeopleStaff(me) || partnerOrganisations(me).length > 0;
