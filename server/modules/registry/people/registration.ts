/**
 * Matching at registration: the person of a new account, checked against the registry.
 *
 * The platform does not verify e-mail addresses at registration, so a match is never acted on here:
 * linking the account to a roster person because the typed e-mail and name fit would let anyone claim
 * another person's enrolments, certificates and national ID by typing their address. Every `sure` or
 * `likely` candidate goes to the review queue instead (`duplicate_pairs`, reasons = the matcher's plus
 * `registration`), and the new person's blocking keys are written so that later imports find them —
 * where, for the same reason, a person holding an account is never linked without review either
 * (registry/importer.ts). Runs inside the caller's transaction (identity/service.register).
 *
 * `findOrCreatePerson` is the same matching for someone registering without an account (an event's
 * visitor or walk-in, events/): there a sure match is acted on, as for a roster row, because what is
 * attached to the person found is only that registration (see its comment).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { foldVi } from '../../../../common/text';
import type { DB } from '../../../db/schema';
import { normaliseEmail, type Sex } from '../identity';
import { compare, matchKeys, nameKeys, type PersonRecord } from '../match';
import { candidatesByKeys, insertPeople, setNameKeys } from '../repo';
import * as repo from './repo';

/** As for imports (registry/importer.ts): a key held by more people says too little to compare. */
const MAX_PEOPLE_PER_KEY = 50;

/** The reason a pair queued at registration carries besides the matcher's. */
export const REGISTRATION_REASON = 'registration';

export async function createAccountPerson(
  trx: Kysely<DB>,
  account: { userId: string; displayName: string; email: string },
): Promise<{ personId: string; pairsQueued: number }> {
  const record: PersonRecord = { fullName: account.displayName, email: normaliseEmail(account.email) };
  const candidates = await candidatesByKeys(trx, matchKeys(record), MAX_PEOPLE_PER_KEY);
  const { id } = await repo.insertAccountPerson(trx, {
    userId: account.userId,
    fullName: account.displayName,
    fullNameFolded: foldVi(account.displayName),
    email: record.email ?? null,
  });

  const seen = new Set<string>();
  const pairs: Parameters<typeof repo.queuePairs>[1] = [];
  for (const c of candidates) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    const m = compare(record, {
      fullName: c.full_name,
      dateOfBirth: c.date_of_birth,
      sex: c.sex,
      provinceCode: c.province_code,
      phone: c.phone,
      email: c.email,
      nationalIdHash: c.national_id_hash,
    });
    if (m.decision === 'none') continue;
    const [a, b] = id < c.id ? [id, c.id] : [c.id, id];
    pairs.push({ person_a: a, person_b: b, score: m.score, reasons: [...m.reasons, REGISTRATION_REASON] });
  }
  const pairsQueued = await repo.queuePairs(trx, pairs);
  // Its e-mail is a key by itself (an indexed field); the name halves wait for a date of birth.
  await setNameKeys(trx, id, account.displayName);
  return { personId: id, pairsQueued };
}

/** A person as they give themselves at a registration desk or form, already in canonical form. */
export interface RegisteringPerson {
  fullName: string;
  sex: Sex | null;
  /** ISO `YYYY-MM-DD`. */
  dateOfBirth: string | null;
  provinceCode: string | null;
  /** Canonical `+84…` (identity.normalisePhone). */
  phone: string | null;
  /** Canonical (identity.normaliseEmail). */
  email: string | null;
}

/**
 * The registry's person for someone registering without an account (an event's visitor or walk-in):
 * found by the same blocking keys and rules as an import (`match.ts`), or made.
 *
 * A `sure` match is that person, as a roster row would be, unless the person holds an account: its
 * e-mail was typed at the account's registration and never verified, so it is queued as `likely`
 * instead (decision 009), exactly as the importer does. What linking hands over is small: the caller
 * attaches only what this registration is (an event participation), shows the registrant nothing of
 * the found record, and fills none of its fields from the typed ones. With no sure match a person is
 * made (with its match keys) and every `likely` candidate is queued for review (reason `registration`).
 * Runs inside the caller's transaction.
 */
export async function findOrCreatePerson(
  trx: Kysely<DB>,
  record: RegisteringPerson,
): Promise<{ personId: string; created: boolean; pairsQueued: number }> {
  const person: PersonRecord = { ...record };
  const candidates = await candidatesByKeys(trx, matchKeys(person), MAX_PEOPLE_PER_KEY);
  const seen = new Set<string>();
  let best: { id: string; score: number } | null = null;
  const likely: { id: string; score: number; reasons: string[] }[] = [];
  for (const c of candidates) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    const m = compare(person, {
      fullName: c.full_name,
      dateOfBirth: c.date_of_birth,
      sex: c.sex,
      provinceCode: c.province_code,
      phone: c.phone,
      email: c.email,
      nationalIdHash: c.national_id_hash,
    });
    const decision = m.decision === 'sure' && c.has_account ? 'likely' : m.decision;
    if (decision === 'sure' && (!best || m.score > best.score)) best = { id: c.id, score: m.score };
    else if (decision === 'likely') likely.push({ id: c.id, score: m.score, reasons: m.reasons });
  }
  if (best) return { personId: best.id, created: false, pairsQueued: 0 };

  const id = randomUUID();
  const name = nameKeys(record.fullName);
  await insertPeople(trx, [
    {
      id,
      full_name: record.fullName,
      full_name_folded: foldVi(record.fullName),
      sex: record.sex,
      date_of_birth: record.dateOfBirth,
      province_code: record.provinceCode,
      phone: record.phone,
      email: record.email,
      national_id_hash: null,
      national_id_enc: null,
      disability: null,
      name_family: name?.family ?? null,
      name_initials: name?.initials ?? null,
    },
  ]);
  const pairsQueued = await repo.queuePairs(
    trx,
    likely.map((l) => {
      const [a, b] = id < l.id ? [id, l.id] : [l.id, id];
      return { person_a: a, person_b: b, score: l.score, reasons: [...l.reasons, REGISTRATION_REASON] };
    }),
  );
  return { personId: id, created: true, pairsQueued };
}
