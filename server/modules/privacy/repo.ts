/**
 * SQL of the privacy module: consent records, the reads behind a person's copy of their data, and the
 * writes of erasure. Erasure touches tables other modules own; it does so here, in one place a
 * reviewer can read, and only in the ways the privacy README lists.
 */
import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { ConsentPurpose } from '../../../common/consent';
import type { DB, ConsentPurpose as StoredPurpose } from '../../db/schema';

type Db = Kysely<DB>;

// The vocabulary (common/consent.ts) and the table's check constraint must name the same purposes.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const purposesMatch: Same<ConsentPurpose, StoredPurpose> = true;
void purposesMatch;

// ---- consent -------------------------------------------------------------------------------------

/** Every consent record of a person, newest first. */
export const consentHistory = (db: Db, personId: string) =>
  db
    .selectFrom('consents')
    .select(['id', 'purpose', 'granted', 'wording_version', 'source', 'recorded_by', 'recorded_at'])
    .where('person_id', '=', personId)
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
export type ConsentRow = Awaited<ReturnType<typeof consentHistory>>[number];

/** The record in force for one purpose, or undefined when the person never answered. */
export const latestConsent = (db: Db, personId: string, purpose: ConsentPurpose) =>
  db
    .selectFrom('consents')
    .select(['id', 'purpose', 'granted', 'wording_version', 'source', 'recorded_by', 'recorded_at'])
    .where('person_id', '=', personId)
    .where('purpose', '=', purpose)
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();

export const insertConsent = (
  db: Db,
  c: {
    personId: string;
    purpose: ConsentPurpose;
    granted: boolean;
    wordingVersion: string;
    source: 'self' | 'staff';
    recordedBy: string | null;
  },
) =>
  db
    .insertInto('consents')
    .values({
      person_id: c.personId,
      purpose: c.purpose,
      granted: c.granted,
      wording_version: c.wordingVersion,
      source: c.source,
      recorded_by: c.recordedBy,
      // clock_timestamp, not now(): two choices in one transaction still come out in order.
      recorded_at: sql`clock_timestamp()`,
    })
    .returning(['id', 'purpose', 'granted', 'wording_version', 'source', 'recorded_by', 'recorded_at'])
    .executeTakeFirstOrThrow();

/** Serialises choices about one person: a racing second request waits, then sees the first's row. */
export const lockPerson = (db: Db, personId: string) =>
  db.selectFrom('people').select('id').where('id', '=', personId).forUpdate().executeTakeFirst();

// ---- the copy of one's data -------------------------------------------------------------------------

export const accountOf = (db: Db, userId: string) =>
  db
    .selectFrom('users')
    .select([
      'id',
      'email',
      'display_name',
      'locale',
      'created_at',
      'updated_at',
      'password_hash',
      'disabled',
    ])
    .where('id', '=', userId)
    .executeTakeFirst();

export const rolesOf = (db: Db, userId: string) =>
  db
    .selectFrom('role_grants as g')
    .leftJoin('organisations as o', 'o.id', 'g.organisation_id')
    .select(['g.role', 'o.name as organisation', 'g.created_at'])
    .where('g.user_id', '=', userId)
    .orderBy('g.created_at')
    .execute();

export const personWithPlaces = (db: Db, userId: string) =>
  db
    .selectFrom('people as p')
    .leftJoin('provinces as pr', 'pr.code', 'p.province_code')
    .leftJoin('communes as c', 'c.code', 'p.commune_code')
    .selectAll('p')
    .select(['pr.name as province_name', 'c.name as commune_name'])
    .where('p.user_id', '=', userId)
    .executeTakeFirst();

export const organisationsKnowing = (db: Db, personId: string) =>
  db
    .selectFrom('person_organisations as po')
    .innerJoin('organisations as o', 'o.id', 'po.organisation_id')
    .select(['o.name', 'po.created_at'])
    .where('po.person_id', '=', personId)
    .orderBy('po.created_at')
    .execute();

export const attendanceOf = (db: Db, personId: string) =>
  db
    .selectFrom('attendance as a')
    .innerJoin('enrolments as e', 'e.id', 'a.enrolment_id')
    .innerJoin('cohort_sessions as s', 's.id', 'a.session_id')
    .innerJoin('cohorts as h', 'h.id', 's.cohort_id')
    .select([
      'a.enrolment_id',
      'h.code as cohort_code',
      's.starts_at',
      's.topic',
      'a.status',
      'a.recorded_at',
    ])
    .where('e.person_id', '=', personId)
    .orderBy('s.starts_at')
    .execute();

export const progressOf = (db: Db, personId: string) =>
  db
    .selectFrom('lesson_progress as lp')
    .innerJoin('enrolments as e', 'e.id', 'lp.enrolment_id')
    .innerJoin('lessons as l', 'l.id', 'lp.lesson_id')
    .innerJoin('courses as c', 'c.id', 'l.course_id')
    .select([
      'lp.enrolment_id',
      'l.title as lesson',
      'c.title',
      'c.translations',
      'c.teaching_language',
      'lp.completed_at',
    ])
    .where('e.person_id', '=', personId)
    .orderBy('lp.completed_at')
    .execute();

export const quizAttemptsOf = (db: Db, personId: string) =>
  db
    .selectFrom('quiz_attempts as qa')
    .innerJoin('enrolments as e', 'e.id', 'qa.enrolment_id')
    .innerJoin('quizzes as q', 'q.id', 'qa.quiz_id')
    .innerJoin('courses as c', 'c.id', 'q.course_id')
    .select([
      'qa.id',
      'qa.enrolment_id',
      'q.title as quiz',
      'c.title',
      'c.translations',
      'c.teaching_language',
      'qa.started_at',
      'qa.submitted_at',
      'qa.score_pct',
      'qa.passed',
    ])
    .where('e.person_id', '=', personId)
    .orderBy('qa.started_at')
    .execute();

export const credentialsOf = (db: Db, personId: string) =>
  db
    .selectFrom('credentials as cr')
    .innerJoin('courses as c', 'c.id', 'cr.course_id')
    .innerJoin('organisations as o', 'o.id', 'cr.issuer_organisation_id')
    .select([
      'cr.id',
      'c.title',
      'c.translations',
      'c.teaching_language',
      'o.name as issuer',
      'cr.issued_at',
      'cr.valid_until',
      'cr.revoked_at',
      'cr.revocation_reason',
    ])
    .where('cr.person_id', '=', personId)
    .orderBy('cr.issued_at')
    .execute();

export const notificationsOf = (db: Db, userId: string) =>
  db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

/** The person's participations in events (events/), with the event and its organiser. */
export const eventsOf = (db: Db, personId: string) =>
  db
    .selectFrom('event_participants as ep')
    .innerJoin('events as e', 'e.id', 'ep.event_id')
    .innerJoin('organisations as o', 'o.id', 'e.organisation_id')
    .leftJoin('provinces as pr', 'pr.code', 'e.province_code')
    .select([
      'ep.id',
      'e.title',
      'e.translations',
      'e.language',
      'o.name as organiser',
      'e.starts_at',
      'e.ends_at',
      'e.online',
      'pr.name as province_name',
      'ep.registered_at',
      'ep.walk_in',
      'ep.checked_in_at',
      'ep.birth_year',
    ])
    .where('ep.person_id', '=', personId)
    .orderBy('e.starts_at')
    .orderBy('ep.id')
    .execute();

/** Audit entries whose subject is the account or the person (directly, or named in the details). */
export const auditAbout = (db: Db, userId: string, personIds: readonly string[]) =>
  db
    .selectFrom('audit_log')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('entity_id', '=', userId),
        ...(personIds.length
          ? [
              eb('entity_id', 'in', [...personIds]),
              eb(sql<string>`details ->> 'personId'`, 'in', [...personIds]),
            ]
          : []),
      ]),
    )
    .orderBy('id')
    .execute();

// ---- erasure ------------------------------------------------------------------------------------------

/** The person and every record merged into them: all are the same real person. */
export const peopleOfErasure = (db: Db, personId: string) =>
  db
    .selectFrom('people')
    .select(['id', 'full_name', 'full_name_folded', 'phone', 'email'])
    .where((eb) => eb.or([eb('id', '=', personId), eb('merged_into', '=', personId)]))
    .forUpdate()
    .execute();

/**
 * Anonymises people rows. The date of birth becomes the first day of its year, so statistics by age
 * group stay right; sex and province stay for anonymous statistics; everything else that could name
 * or reach the person is cleared.
 */
export const anonymisePeople = (db: Db, ids: readonly string[]) =>
  db
    .updateTable('people')
    .set({
      full_name: '',
      full_name_folded: '',
      phone: null,
      email: null,
      national_id_hash: null,
      national_id_enc: null,
      disability: null,
      commune_code: null,
      date_of_birth: sql`case when date_of_birth is null then null else date_trunc('year', date_of_birth)::date end`,
      name_family: null,
      name_initials: null,
      anonymised_at: sql`now()`,
      updated_at: sql`now()`,
    })
    .where('id', 'in', [...ids])
    .execute();

/**
 * The credentials module offers no revocation usable inside another use case's transaction, so
 * erasure revokes here, with the reason the credentials module already knows ('holder_request').
 */
export const revokeActiveCredentials = (db: Db, ids: readonly string[]) =>
  db
    .updateTable('credentials')
    .set({ revoked_at: sql`now()`, revocation_reason: 'holder_request' })
    .where('person_id', 'in', [...ids])
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();

/**
 * The signed credential and its JWT carry the name: both are emptied. The PDF (which prints the name)
 * is unlinked here and its `files` row deleted; the caller removes the bytes after the commit.
 */
export async function stripCredentials(db: Db, ids: readonly string[]) {
  const rows = await db
    .updateTable('credentials')
    .set({ credential: sql`'{}'::jsonb`, jwt: '', pdf_file_id: null })
    .where('person_id', 'in', [...ids])
    .returning(['id'])
    .execute();
  return rows.length;
}

export const pdfFilesOfCredentials = (db: Db, ids: readonly string[]) =>
  db
    .selectFrom('credentials as cr')
    .innerJoin('files as f', 'f.id', 'cr.pdf_file_id')
    .select(['f.id', 'f.storage_key'])
    .where('cr.person_id', 'in', [...ids])
    .execute();

export const deleteFiles = (db: Db, fileIds: readonly string[]) =>
  fileIds.length === 0
    ? Promise.resolve()
    : db
        .deleteFrom('files')
        .where('id', 'in', [...fileIds])
        .execute()
        .then(() => undefined);

export const deleteNotifications = (db: Db, userId: string) =>
  db.deleteFrom('notifications').where('user_id', '=', userId).executeTakeFirst();

/** The account stays as an empty, disabled row: enrolments made by it and audit entries keep their id. */
export async function eraseAccount(db: Db, userId: string) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  await db.deleteFrom('password_reset_tokens').where('user_id', '=', userId).execute();
  await db.deleteFrom('role_grants').where('user_id', '=', userId).execute();
  await db
    .updateTable('users')
    .set({
      email: `erased+${userId}@invalid`,
      display_name: '',
      display_name_folded: '',
      disabled: true,
      // Not an argon2 hash: no password can ever verify against it.
      password_hash: `!erased!${randomBytes(32).toString('base64url')}`,
      failed_logins: 0,
      locked_until: null,
      updated_at: sql`now()`,
    })
    .where('id', '=', userId)
    .execute();
}

export const updateAuditDetails = (db: Db, id: number, details: Record<string, unknown>, clearIp: boolean) =>
  db
    .updateTable('audit_log')
    .set({ details: JSON.stringify(details), ...(clearIp ? { ip: null } : {}) })
    .where('id', '=', id)
    .execute();

/** Audit entries the erased account did itself (for their IP address). */
export const auditByActor = (db: Db, userId: string) =>
  db.selectFrom('audit_log').selectAll().where('actor_user_id', '=', userId).orderBy('id').execute();

export const isLastPlatformAdmin = async (db: Db, userId: string) => {
  const admins = await db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select('g.user_id')
    .where('g.role', '=', 'platform_admin')
    .where('u.disabled', '=', false)
    .execute();
  return admins.length === 1 && admins[0]!.user_id === userId;
};

// ---- talent (profile, skills, applications) -------------------------------------------------------------

export const talentProfileOf = (db: Db, personId: string) =>
  db
    .selectFrom('talent_profiles as t')
    .leftJoin('files as f', 'f.id', 't.cv_file_id')
    .selectAll('t')
    .select('f.filename as cv_filename')
    .where('t.person_id', '=', personId)
    .executeTakeFirst();

export const talentSkillsOf = (db: Db, personId: string) =>
  db
    .selectFrom('person_skills as ps')
    .innerJoin('skills as s', 's.id', 'ps.skill_id')
    .select(['s.id', 's.names', 'ps.level', 'ps.source'])
    .where('ps.person_id', '=', personId)
    .orderBy('s.position')
    .execute();

export const applicationsOf = (db: Db, personId: string) =>
  db
    .selectFrom('applications as a')
    .innerJoin('jobs as j', 'j.id', 'a.job_id')
    .innerJoin('organisations as o', 'o.id', 'j.organisation_id')
    .select([
      'a.id',
      'j.title as job',
      'o.name as employer',
      'a.status',
      'a.note',
      'a.created_at',
      'a.updated_at',
    ])
    .where('a.person_id', '=', personId)
    .orderBy('a.created_at')
    .execute();

/**
 * Erasure of the talent side: the profile (and its CV file row), the skills and the application
 * notes go; the applications themselves stay with their status, linked to the anonymised person, so
 * "people employed after training" stays right. Returns the CV files whose bytes go after the commit.
 */
export async function eraseTalent(db: Db, ids: readonly string[]) {
  const cvs = await db
    .selectFrom('talent_profiles as t')
    .innerJoin('files as f', 'f.id', 't.cv_file_id')
    .select(['f.id', 'f.storage_key'])
    .where('t.person_id', 'in', [...ids])
    .execute();
  await db
    .deleteFrom('talent_profiles')
    .where('person_id', 'in', [...ids])
    .execute();
  await db
    .deleteFrom('person_skills')
    .where('person_id', 'in', [...ids])
    .execute();
  await db
    .updateTable('applications')
    .set({ note: '' })
    .where('person_id', 'in', [...ids])
    .execute();
  await deleteFiles(
    db,
    cvs.map((c) => c.id),
  );
  return cvs;
}
