/**
 * Who sees the employer pages in the web app. This only hides what the server would refuse anyway
 * (the talent module's policy decides every request).
 */
import type { Me } from '../../api/types';

/** The employer organisations the account works for (role `employer`), without duplicates. */
export function employerOrganisations(me: Me | null): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const r of me?.roles ?? [])
    if (r.role === 'employer' && r.organisationId && !seen.has(r.organisationId))
      seen.set(r.organisationId, r.organisationName ?? '');
  return [...seen].map(([id, name]) => ({ id, name }));
}

export const isEmployer = (me: Me | null) => employerOrganisations(me).length > 0;

/** Staff of the job's employer: they see its candidates and applications, not a fit of their own. */
export const worksFor = (me: Me | null, organisationId: string) =>
  employerOrganisations(me).some((o) => o.id === organisationId);
