/** Every SQL query of manual results and their evidence files (`manual_results`, `manual_result_files`). */
import type { Kysely } from 'kysely';
import type { ManualResultStatus } from '../../../common/impact';
import type { DB } from '../../db/schema';

type Db = Kysely<DB>;

export interface ManualResultValues {
  indicatorId: string;
  organisationId: string | null;
  year: number;
  quarter: number | null;
  value: number;
  note: string;
}

export async function insertManualResult(
  db: Db,
  programId: string,
  v: ManualResultValues,
  submittedBy: string,
) {
  return db
    .insertInto('manual_results')
    .values({
      program_id: programId,
      indicator_id: v.indicatorId,
      organisation_id: v.organisationId,
      year: v.year,
      quarter: v.quarter,
      value: v.value,
      note: v.note,
      status: 'submitted',
      submitted_by: submittedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The row, locked until the transaction ends: decisions and corrections do not cross. */
export const lockManualResult = (db: Db, id: string) =>
  db.selectFrom('manual_results').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

export const findManualResult = (db: Db, id: string) =>
  db.selectFrom('manual_results').selectAll().where('id', '=', id).executeTakeFirst();

export type ManualResultRow = NonNullable<Awaited<ReturnType<typeof findManualResult>>>;

export async function setDecision(
  db: Db,
  id: string,
  d: { status: Extract<ManualResultStatus, 'approved' | 'returned'>; decidedBy: string; note: string },
) {
  await db
    .updateTable('manual_results')
    .set({ status: d.status, decided_by: d.decidedBy, decided_at: new Date(), decision_note: d.note })
    .where('id', '=', id)
    .execute();
}

/** A corrected result, submitted again; the return note stays so the reviewer sees what was asked. */
export async function resubmit(db: Db, id: string, v: ManualResultValues) {
  await db
    .updateTable('manual_results')
    .set({
      indicator_id: v.indicatorId,
      organisation_id: v.organisationId,
      year: v.year,
      quarter: v.quarter,
      value: v.value,
      note: v.note,
      status: 'submitted',
      submitted_at: new Date(),
      decided_by: null,
      decided_at: null,
    })
    .where('id', '=', id)
    .execute();
}

export async function setFiles(db: Db, manualResultId: string, fileIds: readonly string[]) {
  await db.deleteFrom('manual_result_files').where('manual_result_id', '=', manualResultId).execute();
  if (fileIds.length > 0)
    await db
      .insertInto('manual_result_files')
      .values(fileIds.map((file_id) => ({ manual_result_id: manualResultId, file_id })))
      .execute();
}

export const fileIdsOf = async (db: Db, manualResultId: string) =>
  (
    await db
      .selectFrom('manual_result_files')
      .select('file_id')
      .where('manual_result_id', '=', manualResultId)
      .execute()
  ).map((r) => r.file_id);

export interface ManualResultFilter {
  programId: string;
  /** only these statuses (a donor: approved) */
  statuses?: readonly ManualResultStatus[];
  /** only these organisations' results (a partner: its own) */
  organisationIds?: readonly string[];
  id?: string;
  limit: number;
  offset: number;
}

/** A page of a program's manual results, newest first, with the names a reader needs. */
export async function listManualResults(db: Db, f: ManualResultFilter) {
  let q = db.selectFrom('manual_results as m').where('m.program_id', '=', f.programId);
  if (f.statuses) q = q.where('m.status', 'in', [...f.statuses]);
  if (f.organisationIds)
    q =
      f.organisationIds.length === 0
        ? q.where('m.id', 'is', null)
        : q.where('m.organisation_id', 'in', [...f.organisationIds]);
  if (f.id) q = q.where('m.id', '=', f.id);
  const [rows, total] = await Promise.all([
    q
      .innerJoin('programs as p', 'p.id', 'm.program_id')
      .innerJoin('indicators as i', 'i.id', 'm.indicator_id')
      .leftJoin('organisations as o', 'o.id', 'm.organisation_id')
      .leftJoin('users as s', 's.id', 'm.submitted_by')
      .leftJoin('users as d', 'd.id', 'm.decided_by')
      .select([
        'm.id',
        'm.organisation_id',
        'm.year',
        'm.quarter',
        'm.value',
        'm.note',
        'm.status',
        'm.submitted_by',
        'm.submitted_at',
        'm.decided_at',
        'm.decision_note',
        'p.code as program_code',
        'i.code as indicator_code',
        'i.name_vi',
        'i.name_en',
        'i.name_ja',
        'o.name as organisation_name',
        's.display_name as submitted_by_name',
        'd.display_name as decided_by_name',
      ])
      .orderBy('m.submitted_at', 'desc')
      .orderBy('m.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export type ManualResultListRow = Awaited<ReturnType<typeof listManualResults>>['rows'][number];

export const filesOfResults = (db: Db, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('manual_result_files as mf')
        .innerJoin('files as f', 'f.id', 'mf.file_id')
        .select(['mf.manual_result_id', 'f.id', 'f.filename', 'f.size_bytes'])
        .where('mf.manual_result_id', 'in', [...ids])
        .orderBy('f.filename')
        .execute();

export const programById = (db: Db, id: string) =>
  db
    .selectFrom('programs')
    .select([
      'id',
      'code',
      'name_vi',
      'name_en',
      'name_ja',
      'starts_on',
      'ends_on',
      'budget_minor',
      'budget_currency',
    ])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
