/**
 * Who may review likely duplicates, merge people and undo a merge. Deny by default: NIC staff only
 * (platform administrators and programme managers), who see every partner's records. A partner sees
 * only the people it knows, so it cannot judge whether one of them is the same as another partner's.
 */
import { type Actor, hasRole, isPlatformAdmin } from '../../../lib/actor';
import { forbidden } from '../../../lib/errors';

export const reviewPolicy = {
  reviewDuplicates(a: Actor) {
    if (isPlatformAdmin(a) || hasRole(a, 'program_manager')) return;
    throw forbidden('only NIC staff review likely duplicates');
  },
};
