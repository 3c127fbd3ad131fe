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

// ── People registry: who reads a person page, and which of its fields ────────────────────────────

/** NIC staff: they read every person of the registry. A partner admin reads only its own people. */
export const peopleStaffRoles: readonly Role[] = ['platform_admin', 'program_manager'];

export const personSorts = ['name', '-name', 'createdAt', '-createdAt'] as const;
export type PersonSort = (typeof personSorts)[number];

/**
 * Sensitive personal data (Law 91/2025/QH15) held on a person. Anything health-related added later
 * gets a line here and in `sensitiveFieldReaders`.
 */
export const sensitiveFields = ['disability'] as const;
export type SensitiveField = (typeof sensitiveFields)[number];

/**
 * The roles that may read each sensitive field on a person page (decision 009): only NIC's programme
 * managers, who report the programmes' inclusion targets and arrange support. Not platform
 * administrators (they run accounts and organisations, not programmes), and not partners: the value
 * is one field on a person several partners share, so showing it to one would pass on what another
 * partner recorded.
 */
export const sensitiveFieldReaders: Record<SensitiveField, readonly Role[]> = {
  disability: ['program_manager'],
};

/**
 * The roles that see a person's national ID (CCCD) on a person page, and then only its last three
 * digits: enough to tell two namesakes apart or to check a card shown at the door.
 */
export const nationalIdReaders: readonly Role[] = ['platform_admin', 'program_manager', 'partner_admin'];
