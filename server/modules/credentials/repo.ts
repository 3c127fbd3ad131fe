/** SQL of verifiable certificates: issuer keys, credentials, their PDF files and the revocation list. */
import { randomInt } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { foldVi } from '../../../common/text';
import type { DB, Locale } from '../../db/schema';

type Db = Kysely<DB>;

/** Everything a certificate is made of, from one completed enrolment. */
export const findIssuanceFacts = (db: Db, enrolmentId: string) =>
  db
    .selectFrom('enrolments as e')
    .innerJoin('cohorts as ch', 'ch.id', 'e.cohort_id')
    .innerJoin('courses as c', 'c.id', 'ch.course_id')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .select([
      'e.id as enrolment_id',
      'e.status as enrolment_status',
      'e.completed_at',
      'p.id as person_id',
      'p.user_id',
      'p.full_name',
      'c.id as course_id',
      'c.title as course_title',
      'c.translations as course_translations',
      'c.summary as course_summary',
      'c.teaching_language',
      'c.duration_hours',
      'c.is_tot',
      'o.id as organisation_id',
      'o.name as organisation_name',
      'o.website as organisation_website',
    ])
    .where('e.id', '=', enrolmentId)
    .executeTakeFirst();

/** In Vietnamese alphabetical order, the same on every database whatever its collation. */
export const courseSkills = async (db: Db, courseId: string) =>
  (await db.selectFrom('course_skills').select('skill').where('course_id', '=', courseId).execute())
    .map((r) => r.skill)
    .sort((a, b) => a.localeCompare(b, 'vi'));

/** Serialises key creation and status-index allocation per issuer (a no-op wait on PGlite's one connection). */
export const lockOrganisation = (db: Db, orgId: string) =>
  db.selectFrom('organisations').select('id').where('id', '=', orgId).forUpdate().executeTakeFirst();

export const findOrganisation = (db: Db, orgId: string) =>
  db
    .selectFrom('organisations')
    .select(['id', 'name', 'website', 'kind'])
    .where('id', '=', orgId)
    .executeTakeFirst();

// ---- issuer keys ----------------------------------------------------------------------------------

export const findActiveKey = (db: Db, orgId: string) =>
  db
    .selectFrom('organisation_keys')
    .selectAll()
    .where('organisation_id', '=', orgId)
    .where('active', '=', true)
    .orderBy('created_at', 'desc')
    .executeTakeFirst();

export const findKeyByKid = (db: Db, kid: string) =>
  db.selectFrom('organisation_keys').selectAll().where('kid', '=', kid).executeTakeFirst();

export const findKeyById = (db: Db, id: string) =>
  db.selectFrom('organisation_keys').selectAll().where('id', '=', id).executeTakeFirst();

/** Every key the issuer ever had, newest first: old keys keep verifying what they signed. */
export const keysOfOrganisation = (db: Db, orgId: string) =>
  db
    .selectFrom('organisation_keys')
    .select(['kid', 'public_jwk', 'active', 'created_at'])
    .where('organisation_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .orderBy('kid')
    .execute();

export async function insertKey(
  db: Db,
  k: { orgId: string; kid: string; publicJwk: Record<string, unknown>; privateKeyEncrypted: string },
) {
  // One active key per issuer: the new one replaces the others for signing, never for verifying.
  await db
    .updateTable('organisation_keys')
    .set({ active: false })
    .where('organisation_id', '=', k.orgId)
    .where('active', '=', true)
    .execute();
  return db
    .insertInto('organisation_keys')
    .values({
      organisation_id: k.orgId,
      kid: k.kid,
      algorithm: 'EdDSA',
      public_jwk: JSON.stringify(k.publicJwk),
      private_key_encrypted: k.privateKeyEncrypted,
      active: true,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

// ---- credentials ----------------------------------------------------------------------------------

export const findCredentialByEnrolment = (db: Db, enrolmentId: string) =>
  db.selectFrom('credentials').selectAll().where('enrolment_id', '=', enrolmentId).executeTakeFirst();

/** A credential with who holds it and who issued it. */
export const findCredential = (db: Db, id: string) =>
  db
    .selectFrom('credentials as cr')
    .innerJoin('people as p', 'p.id', 'cr.person_id')
    .innerJoin('organisations as o', 'o.id', 'cr.issuer_organisation_id')
    .innerJoin('courses as c', 'c.id', 'cr.course_id')
    .selectAll('cr')
    .select([
      'p.user_id as holder_user_id',
      'p.full_name',
      'o.name as issuer_name',
      'c.title as course_title',
      'c.translations as course_translations',
      'c.teaching_language as course_language',
      'c.duration_hours',
    ])
    .where('cr.id', '=', id)
    .executeTakeFirst();

/**
 * A free bit in the issuer's status list, chosen at random so that neighbouring bits say nothing
 * about who was certified together. Call under `lockOrganisation`.
 */
export async function allocateStatusIndex(db: Db, orgId: string, listBits: number): Promise<number> {
  const { n } = await db
    .selectFrom('credentials')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('issuer_organisation_id', '=', orgId)
    .executeTakeFirstOrThrow();
  // Keep the list at most half full, growing it by whole lists, so a random pick rarely collides.
  const size = Math.max(listBits, Math.ceil(((Number(n) + 1) * 2) / listBits) * listBits);
  for (let attempt = 0; attempt < 32; attempt++) {
    const candidate = randomInt(size);
    const taken = await db
      .selectFrom('credentials')
      .select('id')
      .where('issuer_organisation_id', '=', orgId)
      .where('status_index', '=', candidate)
      .executeTakeFirst();
    if (!taken) return candidate;
  }
  const { max } = await db
    .selectFrom('credentials')
    .select((eb) => eb.fn.max('status_index').as('max'))
    .where('issuer_organisation_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return (max ?? -1) + 1;
}

export interface NewCredential {
  id: string;
  enrolmentId: string;
  personId: string;
  courseId: string;
  issuerOrganisationId: string;
  keyId: string;
  language: Locale;
  credential: Record<string, unknown>;
  jwt: string;
  pdfFileId: string | null;
  issuedAt: Date;
  validUntil: Date | null;
  statusIndex: number;
}

/** Null when the enrolment already has its certificate (the unique index decides, not a prior read). */
export const insertCredential = (db: Db, c: NewCredential) =>
  db
    .insertInto('credentials')
    .values({
      id: c.id,
      enrolment_id: c.enrolmentId,
      person_id: c.personId,
      course_id: c.courseId,
      issuer_organisation_id: c.issuerOrganisationId,
      key_id: c.keyId,
      language: c.language,
      credential: JSON.stringify(c.credential),
      jwt: c.jwt,
      pdf_file_id: c.pdfFileId,
      issued_at: c.issuedAt,
      valid_until: c.validUntil,
      status_index: c.statusIndex,
    })
    .onConflict((oc) => oc.column('enrolment_id').where('enrolment_id', 'is not', null).doNothing())
    .returning('id')
    .executeTakeFirst();

export const setCredentialPdf = (db: Db, id: string, fileId: string) =>
  db.updateTable('credentials').set({ pdf_file_id: fileId }).where('id', '=', id).execute();

/** Trainers certified by a training-of-trainers course point at the certificate that proves it. */
export const linkTrainerCertification = (db: Db, personId: string, courseId: string, credentialId: string) =>
  db
    .updateTable('trainer_certifications')
    .set({ credential_id: credentialId })
    .where('person_id', '=', personId)
    .where('course_id', '=', courseId)
    .executeTakeFirst();

/** Only an unrevoked credential changes: a second revocation finds nothing to do. */
export const revokeCredential = (db: Db, id: string, reason: string) =>
  db
    .updateTable('credentials')
    .set({ revoked_at: sql`now()`, revocation_reason: reason })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning(['id', 'revoked_at'])
    .executeTakeFirst();

export const revokedIndexes = async (db: Db, orgId: string) =>
  (
    await db
      .selectFrom('credentials')
      .select('status_index')
      .where('issuer_organisation_id', '=', orgId)
      .where('revoked_at', 'is not', null)
      .execute()
  ).map((r) => r.status_index);

const listColumns = [
  'cr.id',
  'cr.course_id',
  'cr.person_id',
  'cr.language',
  'cr.issued_at',
  'cr.valid_until',
  'cr.revoked_at',
  'cr.revocation_reason',
  'cr.issuer_organisation_id',
  'o.name as issuer_name',
  'p.full_name',
  sql<string>`cr.credential -> 'credentialSubject' -> 'achievement' ->> 'name'`.as('course_title'),
] as const;

const statusFilter = (status: 'active' | 'revoked' | 'expired') =>
  status === 'revoked'
    ? sql<boolean>`cr.revoked_at is not null`
    : status === 'expired'
      ? sql<boolean>`cr.revoked_at is null and cr.valid_until is not null and cr.valid_until <= now()`
      : sql<boolean>`cr.revoked_at is null and (cr.valid_until is null or cr.valid_until > now())`;

export async function listCredentialsOfPerson(
  db: Db,
  personId: string,
  f: { sort: string; page: number; pageSize: number },
) {
  const q = db
    .selectFrom('credentials as cr')
    .innerJoin('organisations as o', 'o.id', 'cr.issuer_organisation_id')
    .innerJoin('people as p', 'p.id', 'cr.person_id')
    .where('cr.person_id', '=', personId);
  const direction = f.sort.startsWith('-') ? 'desc' : 'asc';
  const byTitle = f.sort.endsWith('courseTitle');
  const [rows, count] = await Promise.all([
    q
      .select(listColumns)
      .orderBy(
        byTitle ? sql`cr.credential -> 'credentialSubject' -> 'achievement' ->> 'name'` : sql`cr.issued_at`,
        direction,
      )
      .orderBy('cr.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function listCredentialsOfIssuer(
  db: Db,
  orgId: string,
  f: {
    q?: string;
    status?: 'active' | 'revoked' | 'expired';
    courseId?: string;
    sort: string;
    page: number;
    pageSize: number;
  },
) {
  let q = db
    .selectFrom('credentials as cr')
    .innerJoin('organisations as o', 'o.id', 'cr.issuer_organisation_id')
    .innerJoin('people as p', 'p.id', 'cr.person_id')
    .where('cr.issuer_organisation_id', '=', orgId);
  if (f.q?.trim()) {
    const like = `%${foldVi(f.q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where('p.full_name_folded', 'like', like);
  }
  if (f.status) q = q.where(statusFilter(f.status));
  if (f.courseId) q = q.where('cr.course_id', '=', f.courseId);
  const direction = f.sort.startsWith('-') ? 'desc' : 'asc';
  const byName = f.sort.endsWith('learnerName');
  const [rows, count] = await Promise.all([
    q
      .select(listColumns)
      .orderBy(byName ? 'p.full_name_folded' : 'cr.issued_at', direction)
      .orderBy('cr.id')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}
