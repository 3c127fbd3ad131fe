/**
 * The JSON of the review queue: both records side by side, contact details partly masked, reason codes
 * and the name comparison in the reader's language.
 */
import type { DuplicatePairT, PairPersonT, PersonMergeT } from '../../../../common/contracts/review';
import type { Locale } from '../../../../common/i18n/locales';
import { translate } from '../../../lib/i18n';
import { compareNames } from '../match';
import type { MergeMoves } from './merge';
import type { MergeRow, PairRow, ReviewPersonRow } from './repo';

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();
const MASK = '•';

/** "+84912345678" → "+8491•••••78": the network prefix and the last two digits. */
export function maskPhone(phone: string): string {
  if (phone.length <= 4) return MASK.repeat(phone.length);
  const head = phone.slice(0, Math.min(5, phone.length - 4));
  return head + MASK.repeat(phone.length - head.length - 2) + phone.slice(-2);
}

/** "lan.nguyen@example.vn" → "l•••n@example.vn": the first and last letter, and the domain. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 0) return MASK.repeat(3);
  const local = email.slice(0, at);
  const shown = local.length <= 2 ? local.slice(0, 1) : `${local[0]}${MASK.repeat(3)}${local.slice(-1)}`;
  return `${local.length <= 2 ? shown + MASK.repeat(3) : shown}${email.slice(at)}`;
}

/** A code in words; a code without words yet (a newer matcher's) is shown as it is, not as a key. */
function worded(locale: Locale, group: string, code: string) {
  const key = `review.${group}.${code}`;
  const text = translate(locale, key);
  return { code, text: text === key ? code : text };
}

export function presentPerson(p: ReviewPersonRow, locale: Locale): PairPersonT {
  return {
    id: p.id,
    fullName: p.full_name,
    sex: p.sex,
    dateOfBirth: p.date_of_birth,
    province:
      p.province_code && p.province_name
        ? {
            code: p.province_code,
            name: locale === 'vi' ? p.province_name : (p.province_name_en ?? p.province_name),
          }
        : null,
    phone: p.phone ? maskPhone(p.phone) : null,
    email: p.email ? maskEmail(p.email) : null,
    hasNationalId: p.national_id_hash !== null,
    hasAccount: p.user_id !== null,
    organisations: p.organisations ?? [],
    enrolments: Number(p.enrolments ?? 0),
    certificates: Number(p.certificates ?? 0),
    mergedInto: p.merged_into,
    erased: p.anonymised_at !== null,
    createdAt: iso(p.created_at),
  };
}

export interface StandingMerge {
  id: string;
  survivor_id: string;
  merged_id: string;
  merged_at: Date;
  merged_by_name: string | null;
  can_undo: boolean;
}

export function presentPair(
  pair: PairRow,
  people: ReadonlyMap<string, ReviewPersonRow>,
  merge: StandingMerge | undefined,
  locale: Locale,
): DuplicatePairT {
  const a = people.get(pair.person_a)!;
  const b = people.get(pair.person_b)!;
  return {
    id: pair.id,
    status: pair.status,
    score: Math.round(pair.score * 10) / 10,
    reasons: pair.reasons.map((code) => worded(locale, 'reasons', code)),
    nameMatch: worded(locale, 'nameMatch', compareNames(a.full_name, b.full_name).kind),
    createdAt: iso(pair.created_at),
    decidedAt: pair.decided_at ? iso(pair.decided_at) : null,
    decidedByName: pair.decided_by_name ?? null,
    a: presentPerson(a, locale),
    b: presentPerson(b, locale),
    merge: merge
      ? {
          id: merge.id,
          survivorId: merge.survivor_id,
          mergedId: merge.merged_id,
          mergedAt: iso(merge.merged_at),
          mergedByName: merge.merged_by_name,
          canUndo: merge.can_undo,
        }
      : null,
  };
}

/** What a merge did, counted from its record. */
export function mergeCounts(moves: MergeMoves): PersonMergeT['counts'] {
  return {
    enrolments: moves.enrolments.length,
    sameClassEnrolments: moves.ended.length,
    certificates: moves.credentials.length,
    consents: moves.consents.length,
    organisations: moves.organisations.length,
    filledFields: [...moves.survivor.filled],
    accountMoved: moves.survivor.account !== null,
  };
}

export const presentMerge = (m: MergeRow): PersonMergeT => ({
  id: m.id,
  pairId: m.pair_id,
  survivorId: m.survivor_id,
  mergedId: m.merged_id,
  mergedAt: iso(m.merged_at),
  mergedByName: m.merged_by_name,
  undoneAt: m.undone_at ? iso(m.undone_at) : null,
  undoneByName: m.undone_by_name,
  counts: mergeCounts(m.moved as unknown as MergeMoves),
});
