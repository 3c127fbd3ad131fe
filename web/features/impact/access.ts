/** Who sees the impact pages. This only hides what the server would refuse (server/modules/impact/policy.ts). */
import type { Me } from '../../api/types';

export const canSeeImpact = (me: Me | null) =>
  !!me?.roles.some((r) =>
    ['platform_admin', 'program_manager', 'donor_viewer', 'partner_admin'].includes(r.role),
  );
