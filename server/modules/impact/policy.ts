/**
 * Who sees which program's numbers. Deny by default:
 * - NIC staff (platform administrators, program managers) see every program, open the people behind
 *   a number, set targets and add indicators;
 * - a donor's viewers see the programs their organisation funds: numbers and exports, never people;
 * - a training partner's administrators see the programs their organisation delivers, counted over
 *   their own records only, and open their own people.
 */
import { type Actor, hasRole, isPlatformAdmin, organisationsWhere } from '../../lib/actor';
import { forbidden } from '../../lib/errors';

export interface ProgramLink {
  organisationId: string;
  role: string;
}

export interface ViewScope {
  /** count only this organisation's records (a partner's own) */
  partnerId: string | null;
  canDrill: boolean;
  canEditTargets: boolean;
}

export const isImpactStaff = (a: Actor) => isPlatformAdmin(a) || hasRole(a, 'program_manager');

export const policy = {
  /** The scope in which the actor sees this program, or FORBIDDEN. */
  viewProgram(a: Actor, links: readonly ProgramLink[]): ViewScope {
    if (isImpactStaff(a)) return { partnerId: null, canDrill: true, canEditTargets: true };
    const donors = organisationsWhere(a, 'donor_viewer');
    if (links.some((l) => l.role === 'donor' && donors.includes(l.organisationId)))
      return { partnerId: null, canDrill: false, canEditTargets: false };
    const partners = organisationsWhere(a, 'partner_admin');
    const mine = links.find((l) => l.role === 'partner' && partners.includes(l.organisationId));
    if (mine) return { partnerId: mine.organisationId, canDrill: true, canEditTargets: false };
    throw forbidden('only NIC staff, the program’s donors and partners see its numbers');
  },
  manageIndicators(a: Actor) {
    if (!isImpactStaff(a)) throw forbidden('only NIC staff define indicators');
  },
};
