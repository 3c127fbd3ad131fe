/**
 * Manual results: numbers the platform cannot see (a partner's offline workshop count), reported for
 * a count indicator of a program with a note and evidence files, then approved or returned by NIC
 * staff; a returned one is corrected and submitted again by its reporter. Only approved ones reach
 * the dashboard, and there beside the platform's unique count, never added into it (a manual number
 * cannot be de-duplicated against people). Every change is one transaction with its audit entry
 * (`impact.manual_submitted`, `impact.manual_decided`, `impact.manual_resubmitted`). Knows nothing of
 * HTTP.
 */
import type {
  ManualDecisionInputT,
  ManualResultInputT,
  ManualResultListT,
  ManualResultQueryT,
  ManualResultT,
} from '../../../common/contracts/impact';
import type { Locale } from '../../../common/i18n/locales';
import { vietnamDate } from '../../jobs';
import type { Actor } from '../../lib/actor';
import type { AppContext, RequestMeta } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { insertAudit } from '../audit/repo';
import { policy as filesPolicy } from '../files/policy';
import { filesByIds } from '../files/repo';
import * as manualRepo from './manual-repo';
import { type ManualScope, manualPolicy, type ProgramLink } from './policy';
import * as repo from './repo';

type Ctx = Pick<AppContext, 'db'>;
type Db = AppContext['db'];
type Program = NonNullable<Awaited<ReturnType<typeof repo.programByCode>>>;

const nameIn = (row: { name_vi: string; name_en: string; name_ja: string }, locale: Locale) =>
  locale === 'en' ? row.name_en : locale === 'ja' ? row.name_ja : row.name_vi;

async function programWithLinks(db: Db, code: string) {
  const program = await repo.programByCode(db, code);
  if (!program) throw notFound('program');
  const orgs = await repo.programOrganisations(db, program.id);
  const links: ProgramLink[] = orgs.map((o) => ({ organisationId: o.id, role: o.role }));
  return { program, orgs, links };
}

const iso = (d: Date | string) => new Date(d).toISOString();

function present(
  r: manualRepo.ManualResultListRow,
  files: Awaited<ReturnType<typeof manualRepo.filesOfResults>>,
  actor: Actor,
  scope: ManualScope,
  locale: Locale,
): ManualResultT {
  return {
    id: r.id,
    programCode: r.program_code,
    indicator: { code: r.indicator_code, name: nameIn(r, locale) },
    organisation:
      r.organisation_id !== null ? { id: r.organisation_id, name: r.organisation_name ?? '' } : null,
    year: r.year,
    quarter: r.quarter,
    value: Number(r.value),
    note: r.note,
    status: r.status,
    submittedBy: r.submitted_by_name,
    submittedAt: iso(r.submitted_at),
    decidedBy: r.decided_by_name,
    decidedAt: r.decided_at ? iso(r.decided_at) : null,
    decisionNote: r.decision_note,
    files:
      scope.kind === 'donor'
        ? []
        : files
            .filter((f) => f.manual_result_id === r.id)
            .map((f) => ({ id: f.id, filename: f.filename, sizeBytes: Number(f.size_bytes) })),
    canEdit: scope.kind !== 'donor' && r.status === 'returned' && r.submitted_by === actor.userId,
    canDecide: scope.kind === 'staff' && r.status === 'submitted',
  };
}

async function presentOne(
  db: Db,
  actor: Actor,
  program: Program,
  scope: ManualScope,
  id: string,
  locale: Locale,
) {
  const { rows } = await manualRepo.listManualResults(db, { programId: program.id, id, limit: 1, offset: 0 });
  const row = rows[0];
  if (!row) throw notFound('manual result');
  return present(row, await manualRepo.filesOfResults(db, [id]), actor, scope, locale);
}

/**
 * The checked values of a report: a count indicator on the program's dashboard, a year within the
 * program, a note that says something, and evidence the reporter may attach — a file they uploaded,
 * or one of the reporting organisation they author for (or one already attached to this result).
 */
async function checkReport(
  db: Db,
  actor: Actor,
  program: Program,
  input: ManualResultInputT,
  organisationId: string | null,
  attached: readonly string[] = [],
): Promise<manualRepo.ManualResultValues> {
  const fields: Record<string, string> = {};
  const params: Record<string, unknown> = {};
  const indicator = (await repo.programIndicators(db, program.id)).find((i) => i.code === input.indicator);
  if (indicator?.unit !== 'count') fields['/indicator'] = 'manualIndicator';
  const firstYear = Number((program.starts_on ?? '2000-01-01').slice(0, 4));
  const today = vietnamDate();
  const lastYear = Number((program.ends_on && program.ends_on < today ? program.ends_on : today).slice(0, 4));
  if (input.year < firstYear) {
    fields['/year'] = 'minimum';
    params.limit = firstYear;
  } else if (input.year > lastYear) {
    fields['/year'] = 'maximum';
    params.limit = lastYear;
  }
  const note = input.note.trim();
  if (note === '') fields['/note'] = 'required';
  const files = new Map((await filesByIds(db, input.fileIds)).map((f) => [f.id, f]));
  input.fileIds.forEach((id, i) => {
    const f = files.get(id);
    const allowed =
      attached.includes(id) ||
      (f !== undefined &&
        filesPolicy.readsWithoutEnrolment(actor, f) &&
        (f.created_by === actor.userId ||
          (f.organisation_id !== null && f.organisation_id === organisationId)));
    if (!allowed) fields[`/fileIds/${i}`] = 'manualFile';
  });
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION_FAILED', { fields, params });
  return {
    indicatorId: indicator!.id,
    organisationId,
    year: input.year,
    quarter: input.quarter,
    value: input.value,
    note,
  };
}

/** A program's manual results for the viewer, newest first: all (staff), its own (partner), approved (donor). */
export async function listManualResults(
  ctx: Ctx,
  actor: Actor,
  code: string,
  q: ManualResultQueryT,
  locale: Locale,
): Promise<ManualResultListT> {
  const { program, orgs, links } = await programWithLinks(ctx.db, code);
  const scope = manualPolicy.view(actor, links);
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const organisations = orgs
    .filter((o) => scope.reportFor.includes(o.id))
    .map((o) => ({ id: o.id, name: o.name }));
  const head = { page, pageSize, canSubmit: scope.kind !== 'donor', organisations };
  if (scope.kind === 'donor' && q.status !== undefined && q.status !== 'approved')
    return { items: [], total: 0, ...head };
  const { rows, total } = await manualRepo.listManualResults(ctx.db, {
    programId: program.id,
    statuses: scope.kind === 'donor' ? ['approved'] : q.status ? [q.status] : undefined,
    organisationIds: scope.kind === 'partner' ? scope.reportFor : undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const files =
    scope.kind === 'donor'
      ? []
      : await manualRepo.filesOfResults(
          ctx.db,
          rows.map((r) => r.id),
        );
  return { items: rows.map((r) => present(r, files, actor, scope, locale)), total, ...head };
}

export async function submitManualResult(
  ctx: Ctx,
  actor: Actor,
  code: string,
  input: ManualResultInputT,
  locale: Locale,
  meta: RequestMeta,
): Promise<ManualResultT> {
  const { program, links } = await programWithLinks(ctx.db, code);
  const organisationId = manualPolicy.reportFor(actor, links, input.organisationId);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const values = await checkReport(trx, actor, program, input, organisationId);
    const { id } = await manualRepo.insertManualResult(trx, program.id, values, actor.userId);
    await manualRepo.setFiles(trx, id, input.fileIds);
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'impact.manual_submitted',
      entityType: 'manual_result',
      entityId: id,
      organisationId,
      details: {
        program: program.code,
        indicator: input.indicator,
        year: input.year,
        quarter: input.quarter,
        value: input.value,
        fileIds: input.fileIds,
      },
      ip: meta.ip ?? null,
    });
    return id;
  });
  return presentOne(ctx.db, actor, program, manualPolicy.view(actor, links), id, locale);
}

/** Approves or returns a submitted result (NIC staff); returning says what to correct. */
export async function decideManualResult(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: ManualDecisionInputT,
  locale: Locale,
  meta: RequestMeta,
): Promise<ManualResultT> {
  manualPolicy.decide(actor);
  const note = (input.note ?? '').trim();
  if (input.decision === 'return' && note === '')
    throw new AppError('VALIDATION_FAILED', { fields: { '/note': 'required' } });
  const programId = await ctx.db.transaction().execute(async (trx) => {
    const row = await manualRepo.lockManualResult(trx, id);
    if (!row) throw notFound('manual result');
    if (row.status !== 'submitted')
      throw new AppError('MANUAL_RESULT_DECIDED', { message: `manual result ${id} is ${row.status}` });
    const status = input.decision === 'approve' ? 'approved' : 'returned';
    await manualRepo.setDecision(trx, id, { status, decidedBy: actor.userId, note });
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'impact.manual_decided',
      entityType: 'manual_result',
      entityId: id,
      organisationId: row.organisation_id,
      details: {
        decision: input.decision,
        note,
        value: Number(row.value),
        year: row.year,
        quarter: row.quarter,
      },
      ip: meta.ip ?? null,
    });
    return row.program_id;
  });
  const program = await manualRepo.programById(ctx.db, programId);
  return presentOne(ctx.db, actor, program, { kind: 'staff', reportFor: [] }, id, locale);
}

/** A returned result, corrected by its reporter and submitted again. */
export async function resubmitManualResult(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: ManualResultInputT,
  locale: Locale,
  meta: RequestMeta,
): Promise<ManualResultT> {
  const found = await manualRepo.findManualResult(ctx.db, id);
  if (!found) throw notFound('manual result');
  const program = await manualRepo.programById(ctx.db, found.program_id);
  const { links } = await programWithLinks(ctx.db, program.code);
  manualPolicy.resubmit(actor, found);
  const organisationId = manualPolicy.reportFor(
    actor,
    links,
    input.organisationId === undefined ? found.organisation_id : input.organisationId,
  );
  await ctx.db.transaction().execute(async (trx) => {
    const row = await manualRepo.lockManualResult(trx, id);
    if (!row) throw notFound('manual result');
    if (row.status !== 'returned')
      throw new AppError('MANUAL_RESULT_NOT_RETURNED', { message: `manual result ${id} is ${row.status}` });
    const attached = await manualRepo.fileIdsOf(trx, id);
    const values = await checkReport(trx, actor, program, input, organisationId, attached);
    await manualRepo.resubmit(trx, id, values);
    await manualRepo.setFiles(trx, id, input.fileIds);
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'impact.manual_resubmitted',
      entityType: 'manual_result',
      entityId: id,
      organisationId,
      details: {
        program: program.code,
        indicator: input.indicator,
        year: input.year,
        quarter: input.quarter,
        before: Number(row.value),
        value: input.value,
        fileIds: input.fileIds,
      },
      ip: meta.ip ?? null,
    });
  });
  return presentOne(ctx.db, actor, program, manualPolicy.view(actor, links), id, locale);
}
