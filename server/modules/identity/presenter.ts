/** What JSON about an account leaves the server. Password hashes and lock counters never do. */
import type { Static } from 'typebox';
import type { Me, RoleGrant } from '../../../common/contracts/identity';
import type { Locale, OrganisationKind, Role } from '../../db/schema';

interface GrantRow {
  id: string;
  role: Role;
  organisation_id: string | null;
  organisation_name: string | null;
  organisation_kind: OrganisationKind | null;
}

export const presentGrant = (g: GrantRow): Static<typeof RoleGrant> => ({
  id: g.id,
  role: g.role,
  organisationId: g.organisation_id,
  organisationName: g.organisation_name,
  organisationKind: g.organisation_kind,
});

export const presentMe = (
  user: { id: string; email: string; display_name: string; locale: Locale },
  grants: GrantRow[],
): Static<typeof Me> => ({
  id: user.id,
  email: user.email,
  displayName: user.display_name,
  locale: user.locale,
  roles: grants.map(presentGrant),
});
