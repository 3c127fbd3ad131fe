/**
 * The database as Kysely sees it. One interface per table; column names are the domain's words.
 * Keep in step with ./migrations: the typecheck and the repository tests catch a column that drifts.
 */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<Record<string, unknown>, string | Record<string, unknown> | undefined, string>;

export type Locale = 'vi' | 'en' | 'ja';
export type OrganisationKind = 'nic' | 'training_partner' | 'employer' | 'donor' | 'startup';
export type Role =
  | 'learner'
  | 'trainer'
  | 'partner_admin'
  | 'employer'
  | 'program_manager'
  | 'donor_viewer'
  | 'fund_manager'
  | 'reviewer'
  | 'platform_admin';

export interface AppMetaTable {
  key: string;
  value: string;
  updated_at: Generated<Date>;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  password_hash: string;
  display_name: string;
  display_name_folded: string;
  locale: Generated<Locale>;
  disabled: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  last_seen_at: Generated<Date>;
  user_agent: string | null;
  ip: string | null;
}

export interface PasswordResetTokensTable {
  token_hash: string;
  user_id: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: Date | null;
}

export interface OrganisationsTable {
  id: Generated<string>;
  slug: string;
  name: string;
  /** foldVi(name): what accent-insensitive search compares against. */
  name_folded: string;
  kind: OrganisationKind;
  country: Generated<string>;
  province_code: string | null;
  website: string | null;
  is_demo: Generated<boolean>;
  verified_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface RoleGrantsTable {
  id: Generated<string>;
  user_id: string;
  role: Role;
  organisation_id: string | null;
  granted_by: string | null;
  created_at: Generated<Date>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Generated<Date>;
  actor_user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  organisation_id: string | null;
  details: Json;
  ip: string | null;
}

export interface ProvincesTable {
  code: string;
  name: string;
  name_en: string;
  kind: 'city' | 'province';
  name_folded: string;
}

export interface FormerProvincesTable {
  code: string;
  name: string;
  name_folded: string;
  province_code: string;
}

export type CommuneKind = 'ward' | 'commune' | 'special_zone';
export interface CommunesTable {
  code: string;
  province_code: string;
  name: string;
  kind: CommuneKind;
  name_folded: string;
}

export interface ProgramsTable {
  id: Generated<string>;
  code: string;
  name_vi: string;
  name_en: string;
  name_ja: string;
  summary_vi: Generated<string>;
  summary_en: Generated<string>;
  summary_ja: Generated<string>;
  /** foldVi of the three names: accent-insensitive search in any language. */
  name_folded: string;
  /** ISO dates (YYYY-MM-DD), read as strings. */
  starts_on: ColumnType<string | null, string | null | undefined, string | null>;
  ends_on: ColumnType<string | null, string | null | undefined, string | null>;
  is_demo: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type ProgramOrganisationRole = 'lead' | 'partner' | 'donor' | 'employer';
export interface ProgramOrganisationsTable {
  program_id: string;
  organisation_id: string;
  role: ProgramOrganisationRole;
}

export interface DB {
  app_meta: AppMetaTable;
  users: UsersTable;
  sessions: SessionsTable;
  password_reset_tokens: PasswordResetTokensTable;
  organisations: OrganisationsTable;
  role_grants: RoleGrantsTable;
  audit_log: AuditLogTable;
  provinces: ProvincesTable;
  former_provinces: FormerProvincesTable;
  communes: CommunesTable;
  programs: ProgramsTable;
  program_organisations: ProgramOrganisationsTable;
}
