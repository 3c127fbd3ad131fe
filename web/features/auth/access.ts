/**
 * What the signed-in account may see in the web app. This only hides what would be refused anyway:
 * the server decides every request (server/modules/organisations/policy.ts).
 */
import { organisationAdminRoles } from '../../api/domain';
import type { Me } from '../../api/types';

export const isPlatformAdmin = (me: Me | null) => !!me?.roles.some((r) => r.role === 'platform_admin');

/** Organisations the account administers (as partner admin or employer), without duplicates. */
export function administeredOrganisations(me: Me | null): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const grant of me?.roles ?? []) {
    if (
      grant.organisationId &&
      organisationAdminRoles.includes(grant.role) &&
      !seen.has(grant.organisationId)
    ) {
      seen.set(grant.organisationId, grant.organisationName ?? '');
    }
  }
  return [...seen].map(([id, name]) => ({ id, name }));
}

export const canAdministerOrganisation = (me: Me | null, orgId: string) =>
  isPlatformAdmin(me) || administeredOrganisations(me).some((o) => o.id === orgId);

/** Organisations whose courses and classes the account teaches or runs (trainer, partner admin). */
export function teachingOrganisations(me: Me | null): { id: string; name: string; manages: boolean }[] {
  const seen = new Map<string, { id: string; name: string; manages: boolean }>();
  for (const grant of me?.roles ?? []) {
    if (!grant.organisationId || (grant.role !== 'trainer' && grant.role !== 'partner_admin')) continue;
    const prev = seen.get(grant.organisationId);
    seen.set(grant.organisationId, {
      id: grant.organisationId,
      name: grant.organisationName ?? '',
      manages: (prev?.manages ?? false) || grant.role === 'partner_admin',
    });
  }
  return [...seen.values()];
}

/** Trainers, partner admins and platform admins see the teaching pages. */
export const canTeach = (me: Me | null) => isPlatformAdmin(me) || teachingOrganisations(me).length > 0;

/** A `next` parameter is only followed to a path of this site. */
export function safeNext(next: string | null | undefined, fallback = '/account'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
