/**
 * The review queue's API calls and types, from common/contracts/review (types only: no schema code
 * reaches the bundle). Kept beside the page that alone uses them.
 */
import type { Static } from 'typebox';
import type * as review from '../../../common/contracts/review';
import { request } from '../../api/client';

export type PairStatus = (typeof review.duplicatePairStatuses)[number];
export type PairSort = (typeof review.duplicatePairSorts)[number];
export type DuplicatePair = Static<typeof review.DuplicatePair>;
export type DuplicatePairList = Static<typeof review.DuplicatePairList>;
export type PairPerson = Static<typeof review.PairPerson>;
export type PairListQuery = Static<typeof review.PairListQuery>;
export type DecideBody = Static<typeof review.DecideBody>;
export type PersonMerge = Static<typeof review.PersonMerge>;

/** The contract's lists, mirrored (the compiler checks they stay the same). */
export const pairStatuses = ['open', 'not_duplicate', 'merged'] as const satisfies readonly PairStatus[];
export const pairSorts = [
  '-score',
  'score',
  '-createdAt',
  'createdAt',
] as const satisfies readonly PairSort[];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const statusesMatch: Same<(typeof pairStatuses)[number], PairStatus> = true;
const sortsMatch: Same<(typeof pairSorts)[number], PairSort> = true;
void statusesMatch;
void sortsMatch;

export const isPairStatus = (v: string): v is PairStatus => (pairStatuses as readonly string[]).includes(v);
export const isPairSort = (v: string): v is PairSort => (pairSorts as readonly string[]).includes(v);

const pairPath = (id: string) => `/api/registry/duplicate-pairs/${encodeURIComponent(id)}`;

export const reviewApi = {
  list: (query: PairListQuery) =>
    request<DuplicatePairList>('GET', '/api/registry/duplicate-pairs', { query }),
  get: (id: string) => request<DuplicatePair>('GET', pairPath(id)),
  decide: (id: string, body: DecideBody) =>
    request<DuplicatePair>('POST', `${pairPath(id)}/decision`, { body }),
  undo: (id: string) => request<PersonMerge>('POST', `${pairPath(id)}/undo`),
};
