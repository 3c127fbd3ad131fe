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
  /** Budget in integer minor units of `budget_currency` (VND has none: đồng; JPY: yen; USD: cents). */
  budget_minor: Nullable<string>;
  budget_currency: Nullable<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type ProgramOrganisationRole = 'lead' | 'partner' | 'donor' | 'employer';
export interface ProgramOrganisationsTable {
  program_id: string;
  organisation_id: string;
  role: ProgramOrganisationRole;
}

type DateOnly = ColumnType<string | null, string | null | undefined, string | null>;
type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;

/** A real person: a learner, trainer or participant, with or without an account. */
export interface PeopleTable {
  id: Generated<string>;
  user_id: Nullable<string>;
  full_name: string;
  full_name_folded: string;
  sex: Nullable<'F' | 'M' | 'X'>;
  date_of_birth: DateOnly;
  province_code: Nullable<string>;
  commune_code: Nullable<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** HMAC-SHA256 of the CCCD under PERSONAL_DATA_SECRET: equal numbers, equal hashes. */
  national_id_hash: Nullable<string>;
  /** The CCCD, AES-256-GCM under PERSONAL_DATA_SECRET. */
  national_id_enc: Nullable<string>;
  /** Canonical +84… */
  phone: Nullable<string>;
  email: Nullable<string>;
  /** Sensitive (Law 91/2025/QH15): read only by roles that need it. */
  disability: Nullable<boolean>;
  merged_into: Nullable<string>;
  anonymised_at: Nullable<Date>;
  /** Halves of the date match keys (registry/match.ts nameKeys): folded family name, sorted initials. */
  name_family: Nullable<string>;
  name_initials: Nullable<string>;
  /** The analytics store's small integer for this person (identity, never reused). */
  person_no: Generated<number>;
  /** urban/rural from the commune's kind, kept by a trigger; erasure keeps it (anonymous statistics). */
  area: ColumnType<'urban' | 'rural' | null, never, never>;
  analytics_seq: ColumnType<string, never, never>;
}

export type RosterImportStatus = 'previewed' | 'committed' | 'failed';
export interface RosterImportsTable {
  id: Generated<string>;
  organisation_id: string;
  created_by: Nullable<string>;
  file_name: string;
  file_sha256: string;
  file_id: Nullable<string>;
  status: Generated<RosterImportStatus>;
  format: Nullable<'csv' | 'xlsx'>;
  report: Json;
  mode: Nullable<'all' | 'valid'>;
  rows_total: Generated<number>;
  rows_valid: Generated<number>;
  rows_rejected: Generated<number>;
  people_created: Generated<number>;
  people_matched: Generated<number>;
  enrolments_created: Generated<number>;
  pairs_queued: Generated<number>;
  created_at: Generated<Date>;
  committed_at: Nullable<Date>;
}

export interface PersonOrganisationsTable {
  person_id: string;
  organisation_id: string;
  import_id: Nullable<string>;
  created_at: Generated<Date>;
}

export type DuplicatePairStatus = 'open' | 'not_duplicate' | 'merged';
export interface DuplicatePairsTable {
  id: Generated<string>;
  person_a: string;
  person_b: string;
  score: number;
  reasons: string[];
  status: Generated<DuplicatePairStatus>;
  import_id: Nullable<string>;
  created_at: Generated<Date>;
  decided_by: Nullable<string>;
  decided_at: Nullable<Date>;
}

export interface PersonMergesTable {
  id: Generated<string>;
  survivor_id: string;
  merged_id: string;
  pair_id: Nullable<string>;
  moved: Json;
  merged_by: Nullable<string>;
  merged_at: Generated<Date>;
  undone_by: Nullable<string>;
  undone_at: Nullable<Date>;
}

export type ConsentPurpose =
  | 'training_records'
  | 'impact_reporting'
  | 'job_matching'
  | 'share_employers_vn'
  | 'share_employers_jp';
export interface ConsentsTable {
  id: Generated<string>;
  person_id: string;
  purpose: ConsentPurpose;
  granted: boolean;
  wording_version: string;
  source: 'self' | 'staff';
  recorded_by: Nullable<string>;
  recorded_at: Generated<Date>;
}

/** Published courses per (topic, level, mode), kept by a trigger (migration 0006). */
export interface CatalogCountsTable {
  topic: CourseTopic;
  level: CourseLevel;
  delivery_mode: DeliveryMode;
  n: number;
}

// ── Events and outreach (0013) ───────────────────────────────────────────────────────────────────
export type EventTopic = '4ir_careers' | 'women_in_ai' | 'digital_education' | 'other';
export type EventStatus = 'open' | 'closed' | 'cancelled';
export type EventTranslations = Partial<Record<Locale, { title: string; description?: string }>>;
export interface EventsTable {
  id: Generated<string>;
  program_id: Nullable<string>;
  /** The organiser. */
  organisation_id: string;
  topic: EventTopic;
  title: string;
  description: Generated<string>;
  /** The language of `title` and `description`. */
  language: Locale;
  translations: ColumnType<EventTranslations, string | undefined, string>;
  /** foldVi of the title in every language. */
  title_folded: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  online: boolean;
  /** Required unless online. */
  province_code: Nullable<string>;
  location: Nullable<string>;
  capacity: Nullable<number>;
  status: Generated<EventStatus>;
  created_by: Nullable<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
/** A person of the registry at an event: registered ahead or walked in; attendance = checked in. */
export interface EventParticipantsTable {
  id: Generated<string>;
  event_id: string;
  person_id: string;
  registered_at: Generated<Date>;
  registered_by: Nullable<string>;
  walk_in: Generated<boolean>;
  checked_in_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  checked_in_by: Nullable<string>;
  /** SHA-256 of the QR code's token (events/checkin-token.ts). */
  check_in_token_hash: string;
  short_code: string;
  /** The year of birth a visitor gave without a full date. */
  birth_year: Nullable<number>;
}

export interface FilesTable {
  id: Generated<string>;
  organisation_id: Nullable<string>;
  storage_key: string;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  created_by: Nullable<string>;
  created_at: Generated<Date>;
}

export type CourseTopic =
  | 'ai_data'
  | 'cloud'
  | 'cybersecurity'
  | 'iot_embedded'
  | 'semiconductor'
  | 'digital_skills'
  | 'japanese_language'
  | 'soft_skills';
export type CourseLevel = 'beginner' | 'intermediate' | 'advanced';
export type DeliveryMode = 'online' | 'in_person' | 'blended';
export type CourseStatus = 'draft' | 'published' | 'archived';
/** Title and summary in the languages other than the teaching language. */
export type CourseTranslations = Partial<Record<Locale, { title: string; summary: string }>>;

export interface CoursesTable {
  id: Generated<string>;
  organisation_id: string;
  slug: string;
  teaching_language: Locale;
  title: string;
  summary: Generated<string>;
  translations: ColumnType<CourseTranslations, string | undefined, string>;
  /** foldVi of titles, summaries and skills in every language: what catalog search reads. */
  search_folded: string;
  /** foldVi of the title in every language, teaching language first: title ranking and title sort. */
  title_folded: Generated<string>;
  /** Generated by PostgreSQL from title_folded (weight A) and search_folded (B); never written. */
  search_vector: ColumnType<string, never, never>;
  topic: CourseTopic;
  level: CourseLevel;
  duration_hours: number;
  delivery_mode: DeliveryMode;
  province_code: Nullable<string>;
  is_open: Generated<boolean>;
  is_tot: Generated<boolean>;
  min_attendance_pct: Nullable<number>;
  status: Generated<CourseStatus>;
  published_at: Nullable<Date>;
  created_by: Nullable<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CourseSkillsTable {
  course_id: string;
  skill: string;
  skill_folded: string;
}

export interface CourseProgramsTable {
  course_id: string;
  program_id: string;
}

export interface CoursePrerequisitesTable {
  course_id: string;
  prerequisite_id: string;
}

export interface CourseModulesTable {
  id: Generated<string>;
  course_id: string;
  position: number;
  title: string;
  created_at: Generated<Date>;
}

export type QuestionKind = 'single' | 'multiple' | 'true_false' | 'short_answer' | 'numeric';
type JsonValue = ColumnType<unknown, string, string>;

export interface QuestionsTable {
  id: Generated<string>;
  course_id: string;
  kind: QuestionKind;
  prompt: string;
  options: ColumnType<unknown, string | undefined, string>;
  answer: JsonValue;
  feedback: Nullable<string>;
  category: Nullable<string>;
  points: Generated<number>;
  created_at: Generated<Date>;
}

export interface QuizzesTable {
  id: Generated<string>;
  course_id: string;
  title: string;
  draw_count: Nullable<number>;
  category: Nullable<string>;
  attempts_limit: Nullable<number>;
  time_limit_seconds: Nullable<number>;
  pass_mark_pct: Generated<number>;
  shuffle: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface QuizQuestionsTable {
  quiz_id: string;
  question_id: string;
  position: number;
}

export type LessonKind = 'text' | 'video' | 'file' | 'quiz';
export interface LessonsTable {
  id: Generated<string>;
  course_id: string;
  module_id: string;
  position: number;
  kind: LessonKind;
  title: string;
  body_html: Nullable<string>;
  video_url: Nullable<string>;
  file_id: Nullable<string>;
  quiz_id: Nullable<string>;
  required: Generated<boolean>;
  estimated_minutes: Nullable<number>;
  status: Generated<'draft' | 'published'>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CohortsTable {
  id: Generated<string>;
  course_id: string;
  organisation_id: string;
  /** Mã lớp: unique within the organisation; roster files refer to cohorts by it. */
  code: string;
  name: string;
  starts_on: DateOnly;
  ends_on: DateOnly;
  capacity: Nullable<number>;
  online: Generated<boolean>;
  location: Nullable<string>;
  province_code: Nullable<string>;
  status: Generated<'open' | 'closed' | 'cancelled'>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CohortTrainersTable {
  cohort_id: string;
  user_id: string;
}

export interface CohortSessionsTable {
  id: Generated<string>;
  cohort_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  topic: Nullable<string>;
  location: Nullable<string>;
}

export type EnrolmentStatus = 'waitlisted' | 'enrolled' | 'completed' | 'withdrawn' | 'transferred';
export interface EnrolmentsTable {
  id: Generated<string>;
  cohort_id: string;
  person_id: string;
  status: EnrolmentStatus;
  source: 'self' | 'admin' | 'roster';
  enrolled_at: Generated<Date>;
  completed_at: Nullable<Date>;
  ended_at: Nullable<Date>;
  transferred_to: Nullable<string>;
  created_by: Nullable<string>;
  updated_at: Generated<Date>;
  enrolment_no: Generated<number>;
  analytics_seq: ColumnType<string, never, never>;
}

export type AttendanceStatus = 'present' | 'absent' | 'excused';
export interface AttendanceTable {
  session_id: string;
  enrolment_id: string;
  status: AttendanceStatus;
  recorded_by: Nullable<string>;
  recorded_at: Generated<Date>;
}

export interface LessonProgressTable {
  enrolment_id: string;
  lesson_id: string;
  completed_at: Generated<Date>;
}

export interface QuizAttemptsTable {
  id: Generated<string>;
  quiz_id: string;
  enrolment_id: string;
  started_at: Generated<Date>;
  deadline_at: Nullable<Date>;
  submitted_at: Nullable<Date>;
  question_ids: ColumnType<string[], string, string>;
  answers: ColumnType<unknown, string | null | undefined, string | null>;
  results: ColumnType<unknown, string | null | undefined, string | null>;
  /** numeric(5,2): read as a string. */
  score_pct: Nullable<string>;
  passed: Nullable<boolean>;
}

export interface OrganisationKeysTable {
  id: Generated<string>;
  organisation_id: string;
  kid: string;
  algorithm: Generated<string>;
  public_jwk: ColumnType<Record<string, unknown>, string, string>;
  private_key_encrypted: string;
  active: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface CredentialsTable {
  id: Generated<string>;
  enrolment_id: Nullable<string>;
  person_id: string;
  course_id: string;
  issuer_organisation_id: string;
  key_id: string;
  language: Locale;
  credential: ColumnType<Record<string, unknown>, string, string>;
  jwt: string;
  pdf_file_id: Nullable<string>;
  issued_at: Generated<Date>;
  valid_until: Nullable<Date>;
  revoked_at: Nullable<Date>;
  revocation_reason: Nullable<string>;
  /** The credential's bit in its issuer's revocation status list (W3C Bitstring Status List). */
  status_index: number;
}

export interface TrainerCertificationsTable {
  person_id: string;
  course_id: string;
  credential_id: Nullable<string>;
  certified_at: Generated<Date>;
}

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  params: ColumnType<Record<string, unknown>, string | undefined, string>;
  link: Nullable<string>;
  created_at: Generated<Date>;
  read_at: Nullable<Date>;
}

export interface EscoSkillsTable {
  uri: string;
  label: string;
  label_folded: string;
  alt_labels: Generated<string[]>;
  skill_type: Nullable<string>;
  reuse_level: Nullable<string>;
  description: Generated<string>;
  updated_at: Generated<Date>;
}

export interface EscoOccupationsTable {
  uri: string;
  isco_group: string;
  code: Nullable<string>;
  label: string;
  label_folded: string;
  alt_labels: Generated<string[]>;
  description: Generated<string>;
  updated_at: Generated<Date>;
}

export interface EscoOccupationSkillsTable {
  occupation_uri: string;
  skill_uri: string;
  relation: 'essential' | 'optional';
}

export interface SkillsTable {
  id: string;
  category: string;
  names: ColumnType<Record<'vi' | 'en' | 'ja', string>, string, string>;
  definitions: ColumnType<Record<'vi' | 'en' | 'ja', string>, string, string>;
  esco_uri: Nullable<string>;
  search_folded: string;
  position: Generated<number>;
  updated_at: Generated<Date>;
}

export interface SkillNamesTable {
  name_folded: string;
  skill_id: string;
}

export interface SkillRelationsTable {
  skill_id: string;
  related_id: string;
}

type JsonArray = ColumnType<Record<string, unknown>[], string | undefined, string>;

export interface TalentProfilesTable {
  person_id: string;
  headline: Generated<string>;
  province_code: Nullable<string>;
  relocate: Generated<boolean>;
  work_in_japan: Generated<boolean>;
  /** N5 = 1 … N1 = 5. */
  jlpt: Nullable<number>;
  jft_basic: Generated<boolean>;
  education: JsonArray;
  experience: JsonArray;
  languages: JsonArray;
  cv_file_id: Nullable<string>;
  /** Kept by a trigger on consents: job matching and sharing with employers in Viet Nam / Japan. */
  open_vn: Generated<boolean>;
  open_jp: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PersonSkillsTable {
  person_id: string;
  skill_id: string;
  source: 'certificate' | 'assessment' | 'declared';
  level: number;
  credential_id: Nullable<string>;
}

export interface JobsTable {
  id: Generated<string>;
  organisation_id: string;
  language: Locale;
  title: string;
  description: Generated<string>;
  translations: ColumnType<
    Partial<Record<Locale, { title: string; description: string }>>,
    string | undefined,
    string
  >;
  country: 'VN' | 'JP';
  province_code: Nullable<string>;
  prefecture: Nullable<string>;
  jlpt_min: Nullable<number>;
  visa_track: Nullable<string>;
  ssw_field: Nullable<string>;
  salary_min: ColumnType<string | null, number | null | undefined, number | null>;
  salary_max: ColumnType<string | null, number | null | undefined, number | null>;
  currency: 'VND' | 'JPY' | 'USD';
  closes_on: ColumnType<string, string, string>;
  status: Generated<'open' | 'closed'>;
  weight_total: number;
  required_count: number;
  search_folded: string;
  created_by: Nullable<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface JobSkillsTable {
  job_id: string;
  skill_id: string;
  level: number;
  required: boolean;
}

export type ApplicationStatus =
  | 'applied'
  | 'screened'
  | 'interview'
  | 'offer'
  | 'hired'
  | 'rejected'
  | 'withdrawn';
export interface ApplicationsTable {
  id: Generated<string>;
  job_id: string;
  person_id: string;
  status: Generated<ApplicationStatus>;
  note: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ApplicationEventsTable {
  id: Generated<string>;
  application_id: string;
  status: ApplicationStatus;
  actor_user_id: Nullable<string>;
  note: Generated<string>;
  at: Generated<Date>;
}

// ── Impact monitoring (0012) ─────────────────────────────────────────────────────────────────────
export interface AnalyticsTombstonesTable {
  seq: ColumnType<string, never, never>;
  source: 'people' | 'enrolments';
  no: number;
}
export interface AnalyticsVersionsTable {
  source: string;
  version: ColumnType<string, never, never>;
}
export type AwardKind = 'masters' | 'doctoral' | 'other';
export interface ScholarshipAwardsTable {
  id: Generated<string>;
  program_id: string;
  person_id: string;
  kind: AwardKind;
  awarded_on: ColumnType<string, string, string>;
  created_by: Nullable<string>;
  created_at: Generated<Date>;
}
export interface IndicatorsTable {
  id: Generated<string>;
  code: string;
  name_vi: string;
  name_en: string;
  name_ja: string;
  definition_vi: Generated<string>;
  definition_en: Generated<string>;
  definition_ja: Generated<string>;
  unit: 'count' | 'percent';
  rule: ColumnType<unknown, string, string>;
  disaggregations: ColumnType<string[], string[] | undefined, string[]>;
  builtin: Generated<boolean>;
  created_by: Nullable<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface ProgramIndicatorsTable {
  program_id: string;
  indicator_id: string;
  position: Generated<number>;
}
export interface IndicatorTargetsTable {
  id: Generated<string>;
  program_id: string;
  indicator_id: string;
  year: Nullable<number>;
  quarter: Nullable<number>;
  dimension: Nullable<string>;
  dimension_value: Nullable<string>;
  /** numeric, read as a string */
  value: ColumnType<string, string | number, string | number>;
  updated_by: Nullable<string>;
  updated_at: Generated<Date>;
}
export type ManualResultStatus = 'submitted' | 'approved' | 'returned';
export interface ManualResultsTable {
  id: Generated<string>;
  program_id: string;
  indicator_id: string;
  organisation_id: Nullable<string>;
  year: number;
  quarter: Nullable<number>;
  value: ColumnType<string, string | number, string | number>;
  note: Generated<string>;
  status: Generated<ManualResultStatus>;
  submitted_by: Nullable<string>;
  submitted_at: Generated<Date>;
  decided_by: Nullable<string>;
  decided_at: Nullable<Date>;
  decision_note: Generated<string>;
}
export interface ManualResultFilesTable {
  manual_result_id: string;
  file_id: string;
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
  people: PeopleTable;
  esco_skills: EscoSkillsTable;
  skills: SkillsTable;
  skill_names: SkillNamesTable;
  skill_relations: SkillRelationsTable;
  talent_profiles: TalentProfilesTable;
  person_skills: PersonSkillsTable;
  jobs: JobsTable;
  job_skills: JobSkillsTable;
  applications: ApplicationsTable;
  application_events: ApplicationEventsTable;
  esco_occupations: EscoOccupationsTable;
  esco_occupation_skills: EscoOccupationSkillsTable;
  files: FilesTable;
  courses: CoursesTable;
  course_skills: CourseSkillsTable;
  course_programs: CourseProgramsTable;
  course_prerequisites: CoursePrerequisitesTable;
  course_modules: CourseModulesTable;
  questions: QuestionsTable;
  quizzes: QuizzesTable;
  quiz_questions: QuizQuestionsTable;
  lessons: LessonsTable;
  cohorts: CohortsTable;
  cohort_trainers: CohortTrainersTable;
  cohort_sessions: CohortSessionsTable;
  enrolments: EnrolmentsTable;
  attendance: AttendanceTable;
  lesson_progress: LessonProgressTable;
  quiz_attempts: QuizAttemptsTable;
  organisation_keys: OrganisationKeysTable;
  credentials: CredentialsTable;
  trainer_certifications: TrainerCertificationsTable;
  notifications: NotificationsTable;
  roster_imports: RosterImportsTable;
  person_organisations: PersonOrganisationsTable;
  duplicate_pairs: DuplicatePairsTable;
  person_merges: PersonMergesTable;
  consents: ConsentsTable;
  catalog_counts: CatalogCountsTable;
  events: EventsTable;
  event_participants: EventParticipantsTable;
  analytics_tombstones: AnalyticsTombstonesTable;
  analytics_versions: AnalyticsVersionsTable;
  scholarship_awards: ScholarshipAwardsTable;
  indicators: IndicatorsTable;
  program_indicators: ProgramIndicatorsTable;
  indicator_targets: IndicatorTargetsTable;
  manual_results: ManualResultsTable;
  manual_result_files: ManualResultFilesTable;
}
