/**
 * The review queue of likely duplicate people, merging and undoing a merge: the API contract of
 * server/modules/registry/review. NIC staff only (platform administrators, programme managers).
 * Reason codes come with their words in the reader's language; phone numbers and e-mail addresses
 * are shown partly masked, enough to compare two records, not to contact anyone.
 */
import { type Static, Type } from 'typebox';
import { Paged, PageQuery, Uuid } from './common';

const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends import('typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const duplicatePairStatuses = ['open', 'not_duplicate', 'merged'] as const;
export const duplicatePairSorts = ['-score', 'score', '-createdAt', 'createdAt'] as const;
export const pairDecisions = ['not_duplicate', 'merge'] as const;

export const PairListQuery = Type.Object({
  /** `open` when not given. */
  status: Type.Optional(Type.Enum(duplicatePairStatuses)),
  /** `-score` (likeliest first) when not given. */
  sort: Type.Optional(Type.Enum(duplicatePairSorts)),
  ...PageQuery,
});
export const PairParams = Type.Object({ id: Uuid });
export const MergeParams = Type.Object({ id: Uuid });

/** A code with its words in the reader's language. */
export const Worded = Type.Object({ code: Type.String(), text: Type.String() });

/** One of the two records of a pair, as a reviewer compares them. */
export const PairPerson = Type.Object({
  id: Uuid,
  fullName: Type.String(),
  sex: Nullable(Type.Enum(['F', 'M', 'X'] as const)),
  /** YYYY-MM-DD. */
  dateOfBirth: Nullable(Type.String()),
  province: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  /** Partly masked: "+8491•••••78". */
  phone: Nullable(Type.String()),
  /** Partly masked: "l•••n@example.vn". */
  email: Nullable(Type.String()),
  /** Whether a national ID is held (never shown here). */
  hasNationalId: Type.Boolean(),
  hasAccount: Type.Boolean(),
  /** Names of the organisations that imported or enrolled the person. */
  organisations: Type.Array(Type.String()),
  enrolments: Type.Integer(),
  certificates: Type.Integer(),
  /** Set once the record has been merged into another. */
  mergedInto: Nullable(Uuid),
  /** The person asked to be erased: the record is anonymous. */
  erased: Type.Boolean(),
  createdAt: DateTime,
});
export type PairPersonT = Static<typeof PairPerson>;

/** The merge that closed a pair, while it stands. */
export const PairMerge = Type.Object({
  id: Uuid,
  survivorId: Uuid,
  mergedId: Uuid,
  mergedAt: DateTime,
  mergedByName: Nullable(Type.String()),
  /** False when a later merge involves one of the two people: that one must be undone first. */
  canUndo: Type.Boolean(),
});

export const DuplicatePair = Type.Object({
  id: Uuid,
  status: Type.Enum(duplicatePairStatuses),
  /** Evidence in bits (registry/match.ts): above 0 leans to one person. */
  score: Type.Number(),
  /** Why the matcher queued the pair. */
  reasons: Type.Array(Worded),
  /** How the two names compare today (same, close, partial, weak, different). */
  nameMatch: Worded,
  createdAt: DateTime,
  decidedAt: Nullable(DateTime),
  decidedByName: Nullable(Type.String()),
  a: PairPerson,
  b: PairPerson,
  merge: Nullable(PairMerge),
});
export type DuplicatePairT = Static<typeof DuplicatePair>;
export const DuplicatePairList = Paged(DuplicatePair);
export type DuplicatePairListT = Static<typeof DuplicatePairList>;

export const DecideBody = Type.Object({
  decision: Type.Enum(pairDecisions),
  /** For `merge`: the record that stays (one of the pair); the other is folded into it. */
  survivorId: Type.Optional(Uuid),
});
export type DecideBodyT = Static<typeof DecideBody>;

/** What a merge moved, counted; the exact rows are kept on the server for the undo. */
export const MergeCounts = Type.Object({
  enrolments: Type.Integer(),
  /** Enrolments of both records in one class: one stays, the other ends as transferred to it. */
  sameClassEnrolments: Type.Integer(),
  certificates: Type.Integer(),
  consents: Type.Integer(),
  organisations: Type.Integer(),
  /** Identity fields the survivor lacked and took from the merged record. */
  filledFields: Type.Array(Type.String()),
  accountMoved: Type.Boolean(),
});

export const PersonMerge = Type.Object({
  id: Uuid,
  pairId: Nullable(Uuid),
  survivorId: Uuid,
  mergedId: Uuid,
  mergedAt: DateTime,
  mergedByName: Nullable(Type.String()),
  undoneAt: Nullable(DateTime),
  undoneByName: Nullable(Type.String()),
  counts: MergeCounts,
});
export type PersonMergeT = Static<typeof PersonMerge>;
