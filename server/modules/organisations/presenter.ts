/** What JSON about organisations, members, accounts and audit entries leaves the server. */

import type { Selectable } from 'kysely';
import type { Static } from 'typebox';
import type { AdminUser, AuditEntry, Member, Organisation } from '../../../common/contracts/organisations';
import type { OrganisationsTable, UsersTable } from '../../db/schema';
import { presentGrant } from '../identity/presenter';
import type * as identityRepo from '../identity/repo';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

export const presentOrganisation = (o: Selectable<OrganisationsTable>): Static<typeof Organisation> => ({
  id: o.id,
  slug: o.slug,
  name: o.name,
  kind: o.kind,
  country: o.country,
  provinceCode: o.province_code,
  website: o.website,
  isDemo: o.is_demo,
  verified: o.verified_at !== null,
  createdAt: iso(o.created_at),
});

export const presentMember = (m: {
  grant_id: string;
  user_id: string;
  email: string;
  display_name: string;
  role: Static<typeof Member>['role'];
  created_at: Date;
}): Static<typeof Member> => ({
  grantId: m.grant_id,
  userId: m.user_id,
  email: m.email,
  displayName: m.display_name,
  role: m.role,
  grantedAt: iso(m.created_at),
});

type GrantRow = Awaited<ReturnType<typeof identityRepo.grantsOfUsers>>[number];

export const presentAdminUser = (
  u: Selectable<UsersTable>,
  grants: GrantRow[],
): Static<typeof AdminUser> => ({
  id: u.id,
  email: u.email,
  displayName: u.display_name,
  locale: u.locale,
  disabled: u.disabled,
  locked: u.locked_until !== null && new Date(u.locked_until).getTime() > Date.now(),
  createdAt: iso(u.created_at),
  roles: grants.map(presentGrant),
});

export const presentAuditEntry = (a: {
  id: number;
  at: Date;
  actor_user_id: string | null;
  actor_email: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  organisation_id: string | null;
  details: Record<string, unknown>;
}): Static<typeof AuditEntry> => ({
  id: Number(a.id),
  at: iso(a.at),
  actorUserId: a.actor_user_id,
  actorEmail: a.actor_email,
  action: a.action,
  entityType: a.entity_type,
  entityId: a.entity_id,
  organisationId: a.organisation_id,
  details: a.details,
});
