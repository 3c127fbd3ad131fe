/** SQL of uploaded and generated files: the `files` table, and who may read a file through a course. */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';

export interface NewFile {
  storageKey: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  organisationId: string | null;
  createdBy: string | null;
}

export const insertFile = (db: Kysely<DB>, f: NewFile) =>
  db
    .insertInto('files')
    .values({
      storage_key: f.storageKey,
      filename: f.filename,
      content_type: f.contentType,
      size_bytes: f.sizeBytes,
      sha256: f.sha256,
      organisation_id: f.organisationId,
      created_by: f.createdBy,
    })
    .returningAll()
    .executeTakeFirstOrThrow();

export const findFile = (db: Kysely<DB>, id: string) =>
  db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();

export type FileRow = NonNullable<Awaited<ReturnType<typeof findFile>>>;

export const filesByIds = (db: Kysely<DB>, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([] as FileRow[])
    : db
        .selectFrom('files')
        .selectAll()
        .where('id', 'in', [...ids])
        .execute();

/**
 * Whether the account's person is enrolled (enrolled or completed) in a cohort of a course whose
 * published lesson shows the file, as its file or as an image in its text.
 */
export async function readableThroughEnrolment(db: Kysely<DB>, fileId: string, userId: string) {
  const row = await db
    .selectFrom('lessons as l')
    .innerJoin('courses as c', 'c.id', 'l.course_id')
    .innerJoin('cohorts as h', 'h.course_id', 'c.id')
    .innerJoin('enrolments as e', 'e.cohort_id', 'h.id')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .where('p.user_id', '=', userId)
    .where('e.status', 'in', ['enrolled', 'completed'])
    .where('l.status', '=', 'published')
    .where('c.status', '<>', 'draft')
    .where((eb) => eb.or([eb('l.file_id', '=', fileId), eb('l.body_html', 'like', `%/api/files/${fileId}%`)]))
    .select(sql<number>`1`.as('one'))
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

/** Whether the file is the PDF of a certificate issued to the account's person. */
export async function readableThroughCredential(db: Kysely<DB>, fileId: string, userId: string) {
  const row = await db
    .selectFrom('credentials as cr')
    .innerJoin('people as p', 'p.id', 'cr.person_id')
    .where('cr.pdf_file_id', '=', fileId)
    .where('p.user_id', '=', userId)
    .select(sql<number>`1`.as('one'))
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

/**
 * A CV is read by the staff of an employer the person applied to (role `employer` in the job's
 * organisation): applying shares the profile with that employer, and nobody else.
 */
export async function readableThroughApplication(db: Kysely<DB>, fileId: string, userId: string) {
  const row = await db
    .selectFrom('talent_profiles as t')
    .innerJoin('applications as a', 'a.person_id', 't.person_id')
    .innerJoin('jobs as j', 'j.id', 'a.job_id')
    .innerJoin('role_grants as g', (j) =>
      j.onRef('g.organisation_id', '=', 'j.organisation_id').on('g.role', '=', 'employer'),
    )
    .where('t.cv_file_id', '=', fileId)
    .where('g.user_id', '=', userId)
    .where('a.status', '<>', 'withdrawn')
    .select(sql<number>`1`.as('one'))
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

/**
 * Evidence of a manual result (impact monitoring) is read by NIC staff (`staff`) and by the authors
 * of the result's organisation (`organisationIds`: where the reader authors); its reporter reads it
 * as its uploader.
 */
export async function readableThroughManualResult(
  db: Kysely<DB>,
  fileId: string,
  reader: { staff: boolean; organisationIds: readonly string[] },
) {
  if (!reader.staff && reader.organisationIds.length === 0) return false;
  const row = await db
    .selectFrom('manual_result_files as mf')
    .innerJoin('manual_results as m', 'm.id', 'mf.manual_result_id')
    .where('mf.file_id', '=', fileId)
    .$if(!reader.staff, (q) => q.where('m.organisation_id', 'in', [...reader.organisationIds]))
    .select(sql<number>`1`.as('one'))
    .limit(1)
    .executeTakeFirst();
  return !!row;
}
