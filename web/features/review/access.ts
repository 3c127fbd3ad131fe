/**
 * Who sees the review queue of likely duplicates in the web app: NIC staff (platform administrators,
 * programme managers). This only hides what the server refuses anyway (registry/review/policy.ts).
 */
import type { Me } from '../../api/types';

export const canReviewDuplicates = (me: Me | null) =>
  !!me?.roles.some((r) => r.role === 'platform_admin' || r.role === 'program_manager');
