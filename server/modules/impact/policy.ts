/**
 * Who sees which program's numbers. Deny by default:
 * - NIC staff (platform administrators, program managers) see every program, open the people behind
 *   a number, set targets and add indicators;
 * - a donor's viewers see the programs their organisation funds: numbers and exports, never people;
 * - a training partner's administrators see the programs their organisation delivers, counted over
 *   their own records only, and open their own people.
 */
import { type Actor, hasRole, isPlatformAdmin, organisationsWhere } from '../../lib/actor';
import { AppError, forbidden } from '../../lib/errors';

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

/**
 * Who reports, reads and decides manual results. Deny by default:
 * - a partner's administrators report for their own organisation, if it is a partner of the
 *   program, and read their organisation's results;
 * - NIC staff report (for one of the program's partners, or for none), read every result of the
 *   program, and approve or return the submitted ones;
 * - a donor's viewers read the approved results of the programs their organisation funds, without
 *   the evidence (it may name people: donors see numbers, not people);
 * - a returned result is corrected and submitted again by its reporter alone.
 */
export type ManualScope =
  | { kind: 'staff'; reportFor: string[] }
  | { kind: 'partner'; reportFor: string[] }
  | { kind: 'donor'; reportFor: string[] };

export const manualPolicy = {
  /** The scope in which the actor sees this program's manual results, or FORBIDDEN. */
  view(a: Actor, links: readonly ProgramLink[]): ManualScope {
    const partners = links.filter((l) => l.role === 'partner').map((l) => l.organisationId);
    if (isImpactStaff(a)) return { kind: 'staff', reportFor: partners };
    const mine = organisationsWhere(a, 'partner_admin').filter((o) => partners.includes(o));
    if (mine.length > 0) return { kind: 'partner', reportFor: mine };
    const donors = organisationsWhere(a, 'donor_viewer');
    if (links.some((l) => l.role === 'donor' && donors.includes(l.organisationId)))
      return { kind: 'donor', reportFor: [] };
    throw forbidden('only NIC staff, the program’s partners and donors see its manual results');
  },
  /**
   * The organisation a new or corrected result is reported for: the one asked for when the actor may
   * report for it, else a partner's only organisation. NIC staff may leave it empty.
   */
  reportFor(a: Actor, links: readonly ProgramLink[], requested: string | null | undefined): string | null {
    const scope = manualPolicy.view(a, links);
    if (scope.kind === 'donor') throw forbidden('donors read manual results; they do not report them');
    if (requested) {
      if (scope.reportFor.includes(requested)) return requested;
      if (scope.kind === 'staff')
        throw new AppError('VALIDATION_FAILED', { fields: { '/organisationId': 'notInProgram' } });
      throw forbidden('not an administrator of this partner');
    }
    if (scope.kind === 'staff') return null;
    if (scope.reportFor.length === 1) return scope.reportFor[0]!;
    throw new AppError('VALIDATION_FAILED', { fields: { '/organisationId': 'required' } });
  },
  decide(a: Actor) {
    if (!isImpactStaff(a)) throw forbidden('only NIC staff approve or return manual results');
  },
  /** Only its reporter corrects a returned result (and must still be allowed to report for it). */
  resubmit(a: Actor, row: { submitted_by: string | null }) {
    if (row.submitted_by !== a.userId) throw forbidden('only the reporter corrects a returned result');
  },
};
