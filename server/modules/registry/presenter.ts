/** The JSON of roster imports; problems are written in the reader's language here. */
import type { Selectable } from 'kysely';
import type { RosterImportDetailT, RosterImportT } from '../../../common/contracts/registry';
import type { Locale } from '../../../common/i18n/locales';
import type { RosterImportsTable } from '../../db/schema';
import { type FileProblem, problemMessage, type RowProblem } from './roster/columns';
import type { StoredReport } from './service';

type ImportRow = Selectable<RosterImportsTable> & { created_by_name?: string | null };

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

export const presentImport = (r: ImportRow): RosterImportT => ({
  id: r.id,
  organisationId: r.organisation_id,
  fileName: r.file_name,
  format: r.format,
  status: r.status,
  mode: r.mode,
  rowsTotal: r.rows_total,
  rowsValid: r.rows_valid,
  rowsRejected: r.rows_rejected,
  peopleCreated: r.people_created,
  peopleMatched: r.people_matched,
  enrolmentsCreated: r.enrolments_created,
  pairsQueued: r.pairs_queued,
  createdAt: iso(r.created_at),
  committedAt: r.committed_at ? iso(r.committed_at) : null,
  createdByName: r.created_by_name ?? null,
});

const fileProblem = (locale: Locale, p: FileProblem) => ({
  code: p.code,
  message: problemMessage(locale, p),
  severity: p.severity,
  row: p.row ?? null,
  column: p.column ?? null,
});

const rowProblem = (locale: Locale, p: RowProblem) => ({
  code: p.code,
  message: problemMessage(locale, p),
  severity: 'error' as const,
  row: p.row,
  column: p.column,
});

export function presentImportDetail(r: ImportRow, locale: Locale): RosterImportDetailT {
  const report = r.report as Partial<StoredReport>;
  return {
    ...presentImport(r),
    fileProblems: (report.fileProblems ?? []).map((p) => fileProblem(locale, p)),
    problems: (report.problems ?? []).map((p) => rowProblem(locale, p)),
    problemsOmitted: report.problemsOmitted ?? 0,
  };
}
