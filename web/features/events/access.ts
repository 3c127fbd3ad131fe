/**
 * Who sees the event staff pages in the web app. This only hides what the server refuses anyway
 * (server/modules/events/policy.ts): NIC staff run every event, a partner admin or trainer their
 * organisation's; NIC staff and partner admins create events.
 */
import type { Me } from '../../api/types';

const isNicStaff = (me: Me | null) =>
  !!me?.roles.some((r) => r.role === 'platform_admin' || r.role === 'program_manager');

export const canRunEvents = (me: Me | null) =>
  isNicStaff(me) ||
  !!me?.roles.some((r) => (r.role === 'partner_admin' || r.role === 'trainer') && r.organisationId);

export const canCreateEvents = (me: Me | null) =>
  isNicStaff(me) || !!me?.roles.some((r) => r.role === 'partner_admin' && r.organisationId);

/** NIC staff choose any organiser; a partner admin one of its organisations. */
export const organiserChoice = (me: Me | null): 'any' | { id: string; name: string }[] => {
  if (isNicStaff(me)) return 'any';
  const seen = new Map<string, string>();
  for (const r of me?.roles ?? [])
    if (r.role === 'partner_admin' && r.organisationId) seen.set(r.organisationId, r.organisationName ?? '');
  return [...seen].map(([id, name]) => ({ id, name }));
};
