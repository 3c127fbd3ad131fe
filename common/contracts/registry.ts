/** The people registry's API: roster imports (preview, commit, rejected rows, history, template). */
import { type Static, Type } from 'typebox';
import { Paged, PageQuery, Uuid } from './common';

const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends import('typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const rosterImportStatuses = ['previewed', 'committed', 'failed'] as const;
export const rosterImportModes = ['all', 'valid'] as const;
export const rosterFileFormats = ['csv', 'xlsx'] as const;
export const rosterImportSorts = ['-createdAt', 'createdAt'] as const;
/** Largest roster upload (a CSV of 200,000 rows); XLSX files have their own, lower bound. */
export const MAX_ROSTER_BYTES = 64 * 1024 * 1024;

export const OrgImportsParams = Type.Object({ orgId: Uuid });
export const ImportParams = Type.Object({ id: Uuid });
export const RejectedParams = Type.Object({ id: Uuid, format: Type.Enum(rosterFileFormats) });
export const TemplateParams = Type.Object({ format: Type.Enum(rosterFileFormats) });
export const TemplateQuery = Type.Object({ lang: Type.Optional(Type.Enum(['vi', 'en', 'ja'] as const)) });

export const RosterImport = Type.Object({
  id: Uuid,
  organisationId: Uuid,
  fileName: Type.String(),
  format: Nullable(Type.Enum(rosterFileFormats)),
  status: Type.Enum(rosterImportStatuses),
  mode: Nullable(Type.Enum(rosterImportModes)),
  rowsTotal: Type.Integer(),
  rowsValid: Type.Integer(),
  rowsRejected: Type.Integer(),
  peopleCreated: Type.Integer(),
  peopleMatched: Type.Integer(),
  enrolmentsCreated: Type.Integer(),
  pairsQueued: Type.Integer(),
  createdAt: DateTime,
  committedAt: Nullable(DateTime),
  createdByName: Nullable(Type.String()),
});
export type RosterImportT = Static<typeof RosterImport>;

/** One problem, its message in the reader's language. `row` 1 is the header, as in Excel. */
export const RosterProblem = Type.Object({
  code: Type.String(),
  message: Type.String(),
  severity: Type.Enum(['error', 'warning'] as const),
  row: Nullable(Type.Integer()),
  column: Nullable(Type.String()),
});

export const RosterImportDetail = Type.Object({
  ...RosterImport.properties,
  fileProblems: Type.Array(RosterProblem),
  problems: Type.Array(RosterProblem),
  /** Row problems beyond those listed (a garbage file can have millions). */
  problemsOmitted: Type.Integer(),
});
export type RosterImportDetailT = Static<typeof RosterImportDetail>;

export const CommitBody = Type.Object({ mode: Type.Enum(rosterImportModes) });

/**
 * A commit asked for with `Accept: application/x-ndjson` answers as it goes, one JSON object per line:
 * `progress` lines (the stored file checked again, then each row matched, then the records written),
 * then one `done` line with the import, or one `error` line (the error body, in the reader's
 * language) when the commit fails after the answer has begun. A failure before the first line is an
 * ordinary error answer with its status. Nothing is written unless the `done` line comes.
 */
export const commitPhases = ['checking', 'matching', 'writing'] as const;
export type CommitPhase = (typeof commitPhases)[number];
export const COMMIT_STREAM_TYPE = 'application/x-ndjson';
export const CommitProgress = Type.Object({
  type: Type.Literal('progress'),
  phase: Type.Enum(commitPhases),
  /** Rows done in this phase, of `total`. */
  done: Type.Integer({ minimum: 0 }),
  total: Type.Integer({ minimum: 0 }),
});
export type CommitProgressT = Static<typeof CommitProgress>;
export const CommitEvent = Type.Union([
  CommitProgress,
  Type.Object({ type: Type.Literal('done'), import: RosterImport }),
  Type.Object({
    type: Type.Literal('error'),
    status: Type.Integer(),
    error: Type.Object({ code: Type.String(), message: Type.String() }),
  }),
]);
export type CommitEventT = Static<typeof CommitEvent>;
export const ImportListQuery = Type.Object({
  sort: Type.Optional(Type.Enum(rosterImportSorts)),
  ...PageQuery,
});
export const RosterImportList = Paged(RosterImport);
