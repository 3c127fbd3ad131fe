/**
 * Roster imports: preview (store the file, check every row, keep the report), then commit (check the
 * stored file again against today's data and import it in one transaction), the rejected rows as a file
 * to fix, the template, and the organisation's import history.
 *
 * Nothing half-written: the commit is one transaction, so a crash leaves the database as before and the
 * preview can be committed again. Committing the same file twice, or another file with the same people,
 * creates no new people and no new enrolments (the matcher finds them; enrolments are made once).
 */
import { createHash } from 'node:crypto';
import { PassThrough, type Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { CommitProgressT } from '../../../common/contracts/registry';
import type { Locale } from '../../../common/i18n/locales';
import type { Actor } from '../../lib/actor';
import type { AppContext, RequestMeta } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { insertAudit } from '../audit/repo';
import { todayInVietnam } from '../enrolment/dates';
import { findFile } from '../files/repo';
import { storeFile } from '../files/service';
import { resolveProvince } from '../geo/service';
import { findOrganisation } from '../organisations/repo';
import { importRecords } from './importer';
import { policy } from './policy';
import * as repo from './repo';
import { mapHeader } from './roster/columns';
import { openRoster } from './roster/read';
import { createRejectedRowsWriter, type RosterFileFormat, rosterTemplate } from './roster/template';
import type { RosterRecord } from './roster/validate';
import { cellText, checkRoster, type RosterReport, type RowContext } from './roster/validate';

const CONTENT_TYPES: Record<RosterFileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Row checks that need the database: the partner's own cohorts, and place names. */
function rowContext(ctx: AppContext, organisationId: string): RowContext {
  return {
    cohortExists: (code) => repo.cohortCodeExists(ctx.db, organisationId, code),
    resolveProvince: async (input) => (await resolveProvince(ctx.db, input))?.province.code ?? null,
  };
}

/** Refuses whoever may not import rosters for the organisation (and an organisation that takes none). */
export async function assertCanImport(ctx: AppContext, actor: Actor, organisationId: string) {
  await importingOrganisation(ctx, actor, organisationId);
}

async function importingOrganisation(ctx: AppContext, actor: Actor, organisationId: string) {
  policy.importRoster(actor, organisationId);
  const org = await findOrganisation(ctx.db, organisationId);
  if (!org) throw notFound('organisation');
  if (org.kind !== 'training_partner' && org.kind !== 'nic')
    throw new AppError('VALIDATION_FAILED', {
      fields: { '/organisationId': 'notTrainingPartner' },
      message: 'rosters are imported by training partners',
    });
  return org;
}

export async function previewRoster(
  ctx: AppContext,
  actor: Actor,
  organisationId: string,
  upload: { buffer: Buffer; filename: string },
  meta: RequestMeta,
) {
  await importingOrganisation(ctx, actor, organisationId);
  const report = await checkRoster(upload.buffer, rowContext(ctx, organisationId), {
    today: todayInVietnam(),
  });
  const format = report.format;
  const file =
    report.ok && format
      ? await storeFile(ctx, {
          buffer: upload.buffer,
          filename: upload.filename,
          contentType: CONTENT_TYPES[format],
          organisationId,
          createdBy: actor.userId,
        })
      : null;
  const row = await repo.insertImport(ctx.db, {
    organisationId,
    createdBy: actor.userId,
    fileName: upload.filename,
    fileSha256: createHash('sha256').update(upload.buffer).digest('hex'),
    fileId: file?.id ?? null,
    format,
    status: report.ok ? 'previewed' : 'failed',
    rowsTotal: report.rowsRead,
    rowsValid: report.rowsAccepted,
    rowsRejected: report.rowsRejected,
    report: storedReport(report),
  });
  await insertAudit(ctx.db, {
    actorUserId: actor.userId,
    action: 'roster.previewed',
    entityType: 'roster_import',
    entityId: row.id,
    organisationId,
    details: { file: upload.filename, rows: report.rowsRead, rejected: report.rowsRejected, ok: report.ok },
    ip: meta.ip,
  });
  return row;
}

/** What the preview keeps of a report: the header as read, the problems, the counts. */
function storedReport(r: RosterReport) {
  return {
    ok: r.ok,
    fileProblems: r.fileProblems,
    headers: r.header?.headers ?? [],
    problems: r.problems,
    problemsOmitted: r.problemsOmitted,
  };
}

export type StoredReport = ReturnType<typeof storedReport>;

async function loadImport(ctx: AppContext, actor: Actor, importId: string) {
  const imp = await repo.findImport(ctx.db, importId);
  if (!imp) throw notFound('roster import');
  policy.importRoster(actor, imp.organisation_id);
  return imp;
}

export async function getImport(ctx: AppContext, actor: Actor, importId: string) {
  return loadImport(ctx, actor, importId);
}

async function storedFile(ctx: AppContext, fileId: string | null): Promise<Buffer> {
  const file = fileId ? await findFile(ctx.db, fileId) : undefined;
  if (!file) throw new AppError('ROSTER_IMPORT_REFUSED', { message: 'the stored roster file is gone' });
  const chunks: Buffer[] = [];
  for await (const chunk of await ctx.storage.read(file.storage_key)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Rows between two progress reports (and two turns of the event loop, so they reach the reader). */
const COMMIT_PROGRESS_EVERY = 5_000;

export type CommitProgress = Omit<CommitProgressT, 'type'>;

/**
 * Imports a previewed roster: `all` only when every row is valid, `valid` skips the rejected rows.
 * The stored file is checked again first (a cohort may be gone since the preview). `onProgress`
 * hears each phase as it goes (checking, matching, writing), in rows.
 */
export async function commitRoster(
  ctx: AppContext,
  actor: Actor,
  importId: string,
  mode: 'all' | 'valid',
  meta: RequestMeta,
  onProgress?: (progress: CommitProgress) => void,
) {
  const imp = await loadImport(ctx, actor, importId);
  if (imp.status === 'committed') throw new AppError('ROSTER_IMPORT_DONE');
  if (imp.status !== 'previewed') throw new AppError('ROSTER_IMPORT_REFUSED');
  const rows: { row: number; record: RosterRecord }[] = [];
  let checked = 0;
  onProgress?.({ phase: 'checking', done: 0, total: imp.rows_total });
  const report = await checkRoster(await storedFile(ctx, imp.file_id), rowContext(ctx, imp.organisation_id), {
    today: todayInVietnam(),
    onRow: async (r) => {
      if (r.record) rows.push({ row: r.row, record: r.record });
      if (++checked % COMMIT_PROGRESS_EVERY === 0 && onProgress) {
        onProgress({ phase: 'checking', done: checked, total: Math.max(imp.rows_total, checked) });
        await nextTurn();
      }
    },
  });
  onProgress?.({ phase: 'checking', done: report.rowsRead, total: report.rowsRead });
  if (!report.ok) throw new AppError('ROSTER_IMPORT_REFUSED');
  if (mode === 'all' && report.rowsRejected > 0)
    throw new AppError('ROSTER_HAS_ERRORS', { params: { count: report.rowsRejected } });

  return ctx.db.transaction().execute(async (trx) => {
    const locked = await repo.lockImport(trx, importId);
    if (locked?.status === 'committed') throw new AppError('ROSTER_IMPORT_DONE');
    const counts = await importRecords(ctx.config, trx, {
      organisationId: imp.organisation_id,
      importId,
      actorUserId: actor.userId,
      rows,
      onProgress,
    });
    const done = await repo.markCommitted(trx, importId, { mode, ...counts });
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'roster.imported',
      entityType: 'roster_import',
      entityId: importId,
      organisationId: imp.organisation_id,
      details: { mode, rows: rows.length, ...counts },
      ip: meta.ip,
    });
    return done;
  });
}

/** The rejected rows of a preview as a file to fix and upload again, written as they are checked. */
export async function rejectedRows(
  ctx: AppContext,
  actor: Actor,
  importId: string,
  format: RosterFileFormat,
  locale: Locale,
): Promise<{ stream: Readable; filename: string; contentType: string }> {
  const imp = await loadImport(ctx, actor, importId);
  const buffer = await storedFile(ctx, imp.file_id);
  const context = rowContext(ctx, imp.organisation_id);
  // The writer needs the header before the rows: the file is opened once for it (it is in memory).
  const sheet = await openRoster(buffer);
  const header = mapHeader(sheet.header.cells.map(cellText));
  await sheet.close();
  const out = new PassThrough();
  const writer = createRejectedRowsWriter(out, { format, locale, header });
  void (async () => {
    try {
      await checkRoster(buffer, context, { today: todayInVietnam(), onRow: (r) => writer.add(r) });
      await writer.finish();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  const base = imp.file_name.replace(/\.(csv|xlsx)$/i, '');
  return { stream: out, filename: `${base}-rejected.${format}`, contentType: CONTENT_TYPES[format] };
}

export async function template(locale: Locale, format: RosterFileFormat) {
  return { buffer: await rosterTemplate(locale, format), contentType: CONTENT_TYPES[format] };
}

export async function listImports(
  ctx: AppContext,
  actor: Actor,
  organisationId: string,
  f: { limit: number; offset: number; sort: 'createdAt' | '-createdAt' },
) {
  policy.importRoster(actor, organisationId);
  return repo.listImports(ctx.db, organisationId, f);
}
