/**
 * Merging two records of one real person, and undoing it. Both run inside the caller's transaction.
 *
 * A merge folds the merged record into the survivor:
 *   - every enrolment, certificate and consent of the merged record moves to the survivor;
 *   - where both are enrolled in the same class (one active enrolment per person and class), the
 *     better one stays — completed over enrolled over waitlisted, the survivor's on a tie — and the
 *     other ends as `transferred` to it, as a class transfer does; the lessons done and the attendance
 *     of the one that ends are copied to the one that stays where it lacks them (quiz attempts stay:
 *     they count from any of the person's enrolments in the course);
 *   - the organisations that know the merged record and its trainer certifications move where the
 *     survivor has none for the same organisation or course; those it has already stay with the merged
 *     record (the same fact, recorded twice); its match keys are its own fields, which keep leading to
 *     the survivor through `merged_into` (registry/repo.ts candidatesByKeys), so nothing moves for them;
 *   - event participations move to the survivor; where both took part in the same event (one
 *     participation per person and event) the survivor's stays, taking the other's check-in when it
 *     has none, and the merged record's stays with the merged record (the same attendance, recorded
 *     twice), out of every count;
 *   - the survivor takes the identity fields it lacks (never overwriting one; the national ID sealed
 *     again for the survivor's id), and the merged record's account when only it has one;
 *   - the merged record points at the survivor (`merged_into`), and so do records merged into it;
 *   - other open pairs of the merged record are moved to the survivor when it has no pair with the
 *     same person yet; the others stay, out of the queue, until an undo brings them back.
 * Everything changed is written down in `person_merges.moved` (`MergeMoves`), so the undo puts back
 * exactly the rows as they were. Rows are moved, never deleted, so nothing is lost.
 */
import type { Kysely } from 'kysely';
import type { Config } from '../../../config';
import type { DB } from '../../../db/schema';
import { openNationalId, sealNationalId } from '../personal';
import * as repo from './repo';

type Db = Kysely<DB>;

/** Identity fields a merge may fill, by column; `national_id` is the hash and the sealed copy together. */
export const fillableFields = [
  'sex',
  'date_of_birth',
  'province_code',
  'commune_code',
  'phone',
  'email',
  'disability',
  'national_id',
] as const;
export type FillableField = (typeof fillableFields)[number];

/** What a merge changed, kept in `person_merges.moved` for its undo. Timestamps as PostgreSQL text. */
export interface MergeMoves {
  version: 1;
  survivor: {
    /** Fields the survivor had none of and took from the merged record. */
    filled: FillableField[];
    /** The account the survivor took from the merged record. */
    account: string | null;
    updatedAt: string;
  };
  merged: { updatedAt: string };
  /** The decided pair's state before the decision. */
  pair: { id: string; status: 'open'; decidedBy: string | null; decidedAt: string | null } | null;
  enrolments: string[];
  /** Enrolments ended as transferred because the other record had one in the same class. */
  ended: {
    id: string;
    keptId: string;
    status: 'waitlisted' | 'enrolled' | 'completed';
    transferredTo: string | null;
    endedAt: string | null;
    updatedAt: string;
    /** Copied to the kept enrolment. */
    lessons: string[];
    sessions: string[];
  }[];
  credentials: string[];
  consents: string[];
  organisations: string[];
  trainerCertifications: string[];
  /** Records merged earlier into the merged one, now pointing at the survivor. */
  mergedInto: string[];
  /** Other open pairs of the merged record, moved to the survivor: their people before. */
  pairsMoved: { id: string; personA: string; personB: string }[];
  /** Event participations (absent from merges recorded before events existed, migration 0013). */
  events?: {
    /** The merged record's participations, moved to the survivor. */
    moved: string[];
    /**
     * Events both took part in: the survivor's participation (`keptId`) stays, the merged record's
     * (`otherId`) stays with it; `tookCheckIn` when the kept one took the other's check-in.
     */
    same: { keptId: string; otherId: string; tookCheckIn: boolean }[];
  };
}

export class MergeRefusal extends Error {
  constructor(readonly reason: 'twoAccounts' | 'personUnavailable') {
    super(reason);
  }
}

const rank = { completed: 3, enrolled: 2, waitlisted: 1 } as const;

/** Folds `mergedId` into `survivorId`; returns what it changed. The pair must be locked by the caller. */
export async function mergePeople(
  config: Pick<Config, 'PERSONAL_DATA_SECRET'>,
  trx: Db,
  input: {
    survivorId: string;
    mergedId: string;
    pair: { id: string; status: string; decided_by: string | null; decided_at: string | null } | null;
    warn: (msg: string) => void;
  },
): Promise<MergeMoves> {
  const { survivorId, mergedId } = input;
  const locked = await repo.lockPeople(trx, [survivorId, mergedId]);
  const survivor = locked.find((p) => p.id === survivorId);
  const merged = locked.find((p) => p.id === mergedId);
  if (!survivor || !merged || survivorId === mergedId) throw new MergeRefusal('personUnavailable');
  for (const p of [survivor, merged])
    if (p.merged_into !== null || p.anonymised_at !== null) throw new MergeRefusal('personUnavailable');
  if (survivor.user_id && merged.user_id) throw new MergeRefusal('twoAccounts');

  // Identity: what the survivor lacks, from the merged record.
  const fill: repo.IdentityFill = {};
  const filled: FillableField[] = [];
  const take = <K extends Exclude<FillableField, 'national_id'>>(field: K) => {
    const value = merged[field];
    if (survivor[field] === null && value !== null) {
      Object.assign(fill, { [field]: value });
      filled.push(field);
    }
  };
  take('sex');
  take('date_of_birth');
  take('province_code');
  // A commune only within the survivor's province: a commune of another province would contradict it.
  if ((fill.province_code ?? survivor.province_code) === merged.province_code) take('commune_code');
  take('phone');
  take('email');
  take('disability');
  if (survivor.national_id_hash === null && merged.national_id_hash !== null) {
    fill.national_id_hash = merged.national_id_hash;
    fill.national_id_enc = resealNationalId(config, merged, survivorId, input.warn);
    filled.push('national_id');
  }
  const account = survivor.user_id === null && merged.user_id !== null ? merged.user_id : null;

  // The merged record first leaves the living (its national ID and account free for the survivor).
  await repo.markMerged(trx, mergedId, survivorId, account !== null);
  await repo.updateSurvivor(trx, survivorId, fill, account ?? undefined);

  // Enrolments: one active enrolment per person and class, so same-class pairs are settled first.
  const ended: MergeMoves['ended'] = [];
  const active = await repo.activeEnrolments(trx, [survivorId, mergedId]);
  const byCohort = new Map<string, typeof active>();
  for (const e of active) byCohort.set(e.cohort_id, [...(byCohort.get(e.cohort_id) ?? []), e]);
  for (const both of byCohort.values()) {
    const ours = both.find((e) => e.person_id === survivorId);
    const theirs = both.find((e) => e.person_id === mergedId);
    if (!ours || !theirs) continue;
    const [kept, ends] =
      rank[theirs.status as keyof typeof rank] > rank[ours.status as keyof typeof rank]
        ? [theirs, ours]
        : [ours, theirs];
    const before = await repo.enrolmentState(trx, ends.id);
    await repo.endAsTransferred(trx, ends.id, kept.id);
    ended.push({
      id: ends.id,
      keptId: kept.id,
      status: before.status as 'waitlisted' | 'enrolled' | 'completed',
      transferredTo: before.transferred_to,
      endedAt: before.ended_at,
      updatedAt: before.updated_at as string,
      lessons: await repo.copyProgress(trx, ends.id, kept.id),
      sessions: await repo.copyAttendance(trx, ends.id, kept.id),
    });
  }
  const enrolments = await repo.moveAll(trx, 'enrolments', mergedId, survivorId);
  const credentials = await repo.moveAll(trx, 'credentials', mergedId, survivorId);
  const consents = await repo.moveAll(trx, 'consents', mergedId, survivorId);
  const organisations = await repo.moveKeyed(trx, 'person_organisations', mergedId, survivorId);
  const trainerCertifications = await repo.moveKeyed(trx, 'trainer_certifications', mergedId, survivorId);
  const mergedInto = await repo.repointMergedInto(trx, mergedId, survivorId);

  // Events: one participation per person and event; the survivor's stays where both took part.
  const same: NonNullable<MergeMoves['events']>['same'] = [];
  for (const p of await repo.sameEventParticipations(trx, survivorId, mergedId)) {
    if (p.takes_check_in) await repo.copyEventCheckIn(trx, p.kept_id, p.other_id);
    same.push({ keptId: p.kept_id, otherId: p.other_id, tookCheckIn: p.takes_check_in });
  }
  const events = { moved: await repo.moveEventParticipations(trx, mergedId, survivorId), same };

  // The merged record's other open pairs: the survivor is now who they are about.
  const pairsMoved: MergeMoves['pairsMoved'] = [];
  for (const p of await repo.openPairsOf(trx, mergedId, input.pair?.id ?? null)) {
    const other = p.other_id;
    if (other === survivorId || p.merged_into !== null || p.anonymised_at !== null) continue;
    if (await repo.pairExists(trx, survivorId, other)) continue;
    const [a, b] = survivorId < other ? [survivorId, other] : [other, survivorId];
    await repo.setPairPeople(trx, p.id, a, b);
    pairsMoved.push({ id: p.id, personA: p.person_a, personB: p.person_b });
  }

  return {
    version: 1,
    survivor: { filled, account, updatedAt: survivor.updated_at_exact as string },
    merged: { updatedAt: merged.updated_at_exact as string },
    pair: input.pair
      ? {
          id: input.pair.id,
          status: 'open',
          decidedBy: input.pair.decided_by,
          decidedAt: input.pair.decided_at,
        }
      : null,
    enrolments,
    ended,
    credentials,
    consents,
    organisations,
    trainerCertifications,
    mergedInto,
    pairsMoved,
    events,
  };
}

/** The merged record's CCCD sealed for the survivor (a sealed value opens only under its own id). */
function resealNationalId(
  config: Pick<Config, 'PERSONAL_DATA_SECRET'>,
  merged: { id: string; national_id_enc: string | null },
  survivorId: string,
  warn: (msg: string) => void,
): string | null {
  if (!merged.national_id_enc) return null;
  try {
    return sealNationalId(config, survivorId, openNationalId(config, merged.id, merged.national_id_enc));
  } catch {
    warn(`the national id of person ${merged.id} could not be opened; the survivor keeps only its hash`);
    return null;
  }
}

/**
 * Puts back what `mergePeople` changed, from its record, in the reverse order (the merged record's
 * enrolments go back before an ended one of the survivor's becomes active again; the survivor gives
 * up the national ID before the merged record stands again).
 */
export async function undoMerge(
  trx: Db,
  m: { survivorId: string; mergedId: string; moves: MergeMoves },
): Promise<void> {
  const { survivorId: s, mergedId: x, moves } = m;
  if (moves.pair)
    await repo.setPairDecision(trx, moves.pair.id, {
      status: moves.pair.status,
      decidedBy: moves.pair.decidedBy,
      decidedAt: moves.pair.decidedAt,
    });
  for (const p of moves.pairsMoved) await repo.setPairPeople(trx, p.id, p.personA, p.personB);
  await repo.restoreMergedInto(trx, moves.mergedInto, s, x);
  if (moves.events) {
    await repo.moveEventParticipationsBack(trx, moves.events.moved, s, x);
    await repo.clearEventCheckIn(
      trx,
      moves.events.same.filter((e) => e.tookCheckIn).map((e) => e.keptId),
    );
  }
  await repo.moveKeyedBack(trx, 'trainer_certifications', moves.trainerCertifications, s, x);
  await repo.moveKeyedBack(trx, 'person_organisations', moves.organisations, s, x);
  await repo.moveBack(trx, 'consents', moves.consents, s, x);
  await repo.moveBack(trx, 'credentials', moves.credentials, s, x);
  await repo.moveBack(trx, 'enrolments', moves.enrolments, s, x);
  for (const e of moves.ended) {
    await repo.deleteProgress(trx, e.keptId, e.lessons);
    await repo.deleteAttendance(trx, e.keptId, e.sessions);
    await repo.restoreEnrolmentState(trx, e);
  }
  const cleared: Parameters<typeof repo.restorePerson>[2] = { updated_at: moves.survivor.updatedAt };
  for (const f of moves.survivor.filled) {
    if (f === 'national_id') Object.assign(cleared, { national_id_hash: null, national_id_enc: null });
    else Object.assign(cleared, { [f]: null });
  }
  if (moves.survivor.account) cleared.user_id = null;
  await repo.restorePerson(trx, s, cleared);
  await repo.restorePerson(trx, x, {
    merged_into: null,
    ...(moves.survivor.account ? { user_id: moves.survivor.account } : {}),
    updated_at: moves.merged.updatedAt,
  });
}
