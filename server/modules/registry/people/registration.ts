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
 */
import type { Kysely } from 'kysely';
import { foldVi } from '../../../../common/text';
import type { DB } from '../../../db/schema';
import { normaliseEmail } from '../identity';
import { compare, matchKeys, type PersonRecord } from '../match';
import { candidatesByKeys, setNameKeys } from '../repo';
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
