/**
 * Who may do what with events. Deny by default: each function answers yes only for the cases it names.
 *   - NIC staff (platform admins, program managers) create, edit and run every event;
 *   - a partner admin creates, edits and runs the events its organisation organises;
 *   - a trainer of the organiser runs its events (sees participants, checks in, adds walk-ins) — door
 *     staff are often trainers — but does not edit them;
 *   - anyone reads open events and registers (public routes; no policy needed).
 */
import { type Actor, hasRole, isPlatformAdmin, organisationsWhere } from '../../lib/actor';
import { forbidden } from '../../lib/errors';

export const isNicStaff = (a: Actor) => isPlatformAdmin(a) || hasRole(a, 'program_manager');

export const canEditEvent = (a: Actor, organisationId: string) =>
  isNicStaff(a) || hasRole(a, 'partner_admin', organisationId);

export const canRunEvent = (a: Actor, organisationId: string) =>
  canEditEvent(a, organisationId) || hasRole(a, 'trainer', organisationId);

export const policy = {
  /** Create an event organised by `organisationId`. */
  createEvent(a: Actor, organisationId: string) {
    if (!canEditEvent(a, organisationId))
      throw forbidden('only NIC staff or the organiser’s partner admin create its events');
  },
  editEvent(a: Actor, organisationId: string) {
    if (!canEditEvent(a, organisationId))
      throw forbidden('only NIC staff or the organiser’s partner admin edit its events');
  },
  /** See participants and counts, check in, add walk-ins. */
  runEvent(a: Actor, organisationId: string) {
    if (!canRunEvent(a, organisationId)) throw forbidden('not staff of this event’s organiser');
  },
  /** Whose events the staff list shows: all (undefined), or the actor's organisations'. */
  staffScope(a: Actor): readonly string[] | undefined {
    if (isNicStaff(a)) return undefined;
    const orgs = organisationsWhere(a, 'partner_admin', 'trainer');
    if (orgs.length === 0) throw forbidden('not staff of any organiser');
    return orgs;
  },
  /**
   * Whether the event may be in a program the organiser takes no part in: NIC staff decide programs;
   * a partner admin may only file its event under a program its organisation belongs to.
   */
  anyProgram(a: Actor) {
    return isNicStaff(a);
  },
};
