/**
 * The review queue of likely duplicates: list and read pairs, decide one (not a duplicate, or merge
 * with the chosen survivor), undo a merge. Every decision and undo is one transaction with its audit
 * entry (`duplicate.not_duplicate`, `person.merged`, `person.merge_undone`). Knows nothing of HTTP.
 */
import type { DecideBodyT, DuplicatePairT, PersonMergeT } from '../../../../common/contracts/review';
import type { Locale } from '../../../../common/i18n/locales';
import type { DuplicatePairStatus } from '../../../db/schema';
import type { Actor } from '../../../lib/actor';
import type { AppContext, RequestMeta } from '../../../lib/context';
import { AppError, notFound } from '../../../lib/errors';
import { insertAudit } from '../../audit/repo';
import { type MergeMoves, MergeRefusal, mergePeople, undoMerge } from './merge';
import { reviewPolicy } from './policy';
import { mergeCounts, presentMerge, presentPair, type StandingMerge } from './presenter';
import * as repo from './repo';

type Db = AppContext['db'];

/** The pairs with both records and their standing merges, presented in the reader's language. */
async function present(db: Db, pairs: repo.PairRow[], locale: Locale): Promise<DuplicatePairT[]> {
  const ids = [...new Set(pairs.flatMap((p) => [p.person_a, p.person_b]))];
  const [people, merges] = await Promise.all([
    repo.peopleForReview(db, ids),
    repo.standingMergesOfPairs(
      db,
      pairs.filter((p) => p.status === 'merged').map((p) => p.id),
    ),
  ]);
  const byId = new Map(people.map((p) => [p.id, p]));
  const mergeOf = new Map<string, StandingMerge>(merges.map((m) => [m.pair_id!, m]));
  return pairs.map((p) => presentPair(p, byId, mergeOf.get(p.id), locale));
}

export async function listPairs(
  ctx: AppContext,
  actor: Actor,
  q: { status: DuplicatePairStatus; sort: repo.PairSort; page: number; pageSize: number },
  locale: Locale,
) {
  reviewPolicy.reviewDuplicates(actor);
  const { rows, total } = await repo.listPairs(ctx.db, {
    status: q.status,
    sort: q.sort,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: await present(ctx.db, rows, locale), total, page: q.page, pageSize: q.pageSize };
}

export async function getPair(ctx: AppContext, actor: Actor, pairId: string, locale: Locale) {
  reviewPolicy.reviewDuplicates(actor);
  const pair = await repo.findPair(ctx.db, pairId);
  if (!pair) throw notFound('duplicate pair');
  return (await present(ctx.db, [pair], locale))[0]!;
}

const refusals = {
  twoAccounts: 'MERGE_TWO_ACCOUNTS',
  personUnavailable: 'MERGE_PERSON_UNAVAILABLE',
} as const;

/**
 * Decides an open pair. `not_duplicate` closes it; `merge` folds the other record into `survivorId`
 * (merge.ts) — refused when both records have an account (two people cannot share one person, and
 * which account to keep is not ours to guess), or when one was merged or erased since the pair was
 * queued.
 */
export async function decide(
  ctx: AppContext,
  actor: Actor,
  pairId: string,
  body: DecideBodyT,
  meta: RequestMeta,
  locale: Locale,
): Promise<DuplicatePairT> {
  reviewPolicy.reviewDuplicates(actor);
  if (body.decision === 'merge' && !body.survivorId)
    throw new AppError('VALIDATION_FAILED', { fields: { '/survivorId': 'required' } });
  await ctx.db.transaction().execute(async (trx) => {
    const pair = await repo.lockPair(trx, pairId);
    if (!pair) throw notFound('duplicate pair');
    if (pair.status !== 'open') throw new AppError('DUPLICATE_PAIR_DECIDED');
    if (body.decision === 'not_duplicate') {
      await repo.setPairDecision(trx, pair.id, {
        status: 'not_duplicate',
        decidedBy: actor.userId,
        decidedAt: 'now',
      });
      await insertAudit(trx, {
        actorUserId: actor.userId,
        action: 'duplicate.not_duplicate',
        entityType: 'duplicate_pair',
        entityId: pair.id,
        details: { personA: pair.person_a, personB: pair.person_b },
        ip: meta.ip,
      });
      return;
    }
    const survivorId = body.survivorId!;
    if (survivorId !== pair.person_a && survivorId !== pair.person_b)
      throw new AppError('VALIDATION_FAILED', { fields: { '/survivorId': 'survivorNotInPair' } });
    const mergedId = survivorId === pair.person_a ? pair.person_b : pair.person_a;
    const moves = await mergePeople(ctx.config, trx, {
      survivorId,
      mergedId,
      pair,
      warn: (msg) => ctx.log.warn(msg),
    }).catch((e) => {
      throw e instanceof MergeRefusal ? new AppError(refusals[e.reason], { message: e.reason }) : e;
    });
    await repo.setPairDecision(trx, pair.id, { status: 'merged', decidedBy: actor.userId, decidedAt: 'now' });
    const merge = await repo.insertMerge(trx, {
      survivorId,
      mergedId,
      pairId: pair.id,
      moved: moves,
      mergedBy: actor.userId,
    });
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'person.merged',
      entityType: 'person',
      entityId: survivorId,
      // personId: the merged record, so each record's audit trail finds the merge (privacy.auditAbout).
      details: { mergeId: merge.id, pairId: pair.id, personId: mergedId, survivorId, ...mergeCounts(moves) },
      ip: meta.ip,
    });
  });
  return getPair(ctx, actor, pairId, locale);
}

/** Undoes the merge standing on a pair; the pair is open again. */
export async function undoPairMerge(ctx: AppContext, actor: Actor, pairId: string, meta: RequestMeta) {
  reviewPolicy.reviewDuplicates(actor);
  const pair = await repo.findPair(ctx.db, pairId);
  if (!pair) throw notFound('duplicate pair');
  const standing = await repo.standingMergeOfPair(ctx.db, pairId);
  if (!standing) {
    if (pair.status === 'open') throw new AppError('MERGE_ALREADY_UNDONE');
    throw notFound('merge of the pair');
  }
  return undo(ctx, actor, standing.id, meta);
}

export async function undoPersonMerge(ctx: AppContext, actor: Actor, mergeId: string, meta: RequestMeta) {
  reviewPolicy.reviewDuplicates(actor);
  return undo(ctx, actor, mergeId, meta);
}

/**
 * Puts back exactly what a merge changed. Refused when it is undone already, when a later standing
 * merge involves one of its two people (undo that one first: its record describes rows as this merge
 * left them), or when one of them has been erased since.
 */
async function undo(
  ctx: AppContext,
  actor: Actor,
  mergeId: string,
  meta: RequestMeta,
): Promise<PersonMergeT> {
  await ctx.db.transaction().execute(async (trx) => {
    const m = await repo.lockMerge(trx, mergeId);
    if (!m) throw notFound('merge');
    if (m.undone_at !== null) throw new AppError('MERGE_ALREADY_UNDONE');
    // The two people locked first: a merge of either that commits meanwhile is seen by the check below.
    const people = await repo.lockPeople(trx, [m.survivor_id, m.merged_id]);
    if (await repo.laterMergeExists(trx, m))
      throw new AppError('MERGE_UNDO_BLOCKED', { message: 'a later merge involves one of the two people' });
    if (people.some((p) => p.anonymised_at !== null))
      throw new AppError('MERGE_UNDO_BLOCKED', { message: 'one of the two people has been erased' });
    const moves = m.moved as unknown as MergeMoves;
    await undoMerge(trx, { survivorId: m.survivor_id, mergedId: m.merged_id, moves });
    await repo.markUndone(trx, m.id, actor.userId);
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'person.merge_undone',
      entityType: 'person',
      entityId: m.survivor_id,
      details: { mergeId: m.id, pairId: m.pair_id, personId: m.merged_id, survivorId: m.survivor_id },
      ip: meta.ip,
    });
  });
  return presentMerge((await repo.findMerge(ctx.db, mergeId))!);
}
