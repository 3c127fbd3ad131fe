/**
 * The platform's fixed vocabularies and rules as plain values, with no schema library attached, so the
 * browser can import them without the TypeBox runtime. The contracts build their schemas from these;
 * the server's policies decide with them; the web shows them.
 */
export const roles = [
  'learner',
  'trainer',
  'partner_admin',
  'employer',
  'program_manager',
  'donor_viewer',
  'fund_manager',
  'reviewer',
  'platform_admin',
] as const;
export type Role = (typeof roles)[number];

export const organisationKinds = ['nic', 'training_partner', 'employer', 'donor', 'startup'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const organisationSorts = ['name', '-name', 'createdAt', '-createdAt', 'kind'] as const;
export const userSorts = [
  'email',
  '-email',
  'displayName',
  '-displayName',
  'createdAt',
  '-createdAt',
] as const;

export const PASSWORD_MIN = 10;

/** The kinds of organisation a role can be held in; `null` means "held on the platform, in no organisation". */
export const roleOrganisationKinds: Record<Role, readonly (OrganisationKind | null)[]> = {
  learner: [null, 'training_partner'],
  trainer: ['training_partner', 'nic'],
  partner_admin: ['training_partner', 'nic'],
  employer: ['employer'],
  program_manager: ['nic'],
  donor_viewer: ['donor'],
  fund_manager: ['nic'],
  reviewer: ['nic', 'donor'],
  platform_admin: [null],
};

/** The roles that make someone an administrator of their own organisation. */
export const organisationAdminRoles: readonly Role[] = ['partner_admin', 'employer'];

export const isRole = (v: unknown): v is Role =>
  typeof v === 'string' && (roles as readonly string[]).includes(v);
export const isOrganisationKind = (v: unknown): v is OrganisationKind =>
  typeof v === 'string' && (organisationKinds as readonly string[]).includes(v);
