/**
 * Who may use the data rights. Every route of this module is about the signed-in person only: the
 * account is taken from the session, never from the URL or the body, so nobody can reach another
 * person's consents, data or erasure through it. Staff views of people belong to other modules.
 */
import type { Actor } from '../../lib/actor';
import { AppError } from '../../lib/errors';

export const policy = {
  /**
   * Erasure is refused to the last active platform administrator: it would leave the platform with
   * nobody able to administer it. They hand the role to someone else first.
   */
  erase(_actor: Actor, facts: { lastPlatformAdmin: boolean }) {
    if (facts.lastPlatformAdmin) throw new AppError('LAST_PLATFORM_ADMIN');
  },
};
