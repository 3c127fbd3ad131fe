/**
 * Who reads the people registry, and which fields. Deny by default:
 *   - NIC staff (platform admins, program managers) read every person and every partner's records;
 *   - a partner admin reads only the people its organisations know (imported or enrolled), and on
 *     their page only its organisations' enrolments and certificates;
 *   - anyone else is refused.
 * Restricted fields go by role (common/domain.ts): the national ID, last three digits only, to
 * `nationalIdReaders`; each sensitive field to its `sensitiveFieldReaders`.
 */
import {
  nationalIdReaders,
  peopleStaffRoles,
  type SensitiveField,
  sensitiveFieldReaders,
  sensitiveFields,
} from '../../../../common/domain';
import type { Role } from '../../../db/schema';
import { type Actor, organisationsWhere } from '../../../lib/actor';
import { forbidden } from '../../../lib/errors';

/** All organisations (NIC staff), or the partner's own. */
export type PeopleScope = { kind: 'all' } | { kind: 'organisation'; organisationIds: string[] };

const holdsAny = (a: Actor, roles: readonly Role[]) => a.grants.some((g) => roles.includes(g.role));

export const isNicStaff = (a: Actor) => holdsAny(a, peopleStaffRoles);

export const policy = {
  /** The reach of the actor's reads of the registry; refuses whoever has none. */
  readPeople(a: Actor): PeopleScope {
    if (isNicStaff(a)) return { kind: 'all' };
    const organisationIds = organisationsWhere(a, 'partner_admin');
    if (organisationIds.length > 0) return { kind: 'organisation', organisationIds };
    throw forbidden('only NIC staff and partner admins read the people registry');
  },
  /**
   * A partner narrows a list to its own organisations only: "the people B knows" asked by A would
   * tell A which of its people another partner knows too.
   */
  narrowTo(scope: PeopleScope, organisationId: string | undefined) {
    if (organisationId && scope.kind === 'organisation' && !scope.organisationIds.includes(organisationId))
      throw forbidden('a partner lists only the people of its own organisations');
  },
  /** Whether the actor sees the last three digits of the national ID. */
  readNationalId(a: Actor) {
    return holdsAny(a, nationalIdReaders);
  },
  /** The sensitive fields the actor may read. */
  sensitiveFields(a: Actor): SensitiveField[] {
    return sensitiveFields.filter((f) => holdsAny(a, sensitiveFieldReaders[f]));
  },
  /** Who read a person page, and the merge history, are for NIC staff. */
  readAccessLog(a: Actor) {
    return isNicStaff(a);
  },
};
