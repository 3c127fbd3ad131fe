/**
 * The heart of a roster import: checked rows become people and enrolments, each real person once.
 * Runs inside the caller's transaction (all or nothing), in batches of rows:
 *   1. every row's blocking keys (match.ts) find candidate people in one query; people created earlier
 *      in the same import are candidates too (their keys are already written);
 *   2. `compare` decides: a `sure` candidate is the person (the best score wins); otherwise a new person
 *      is created, and every `likely` candidate goes to the review queue as a pair;
 *   3. a matched person's missing fields are filled from the row, never overwritten;
 *   4. the organisation is linked to each person (so it sees them), and learners are enrolled in the
 *      row's cohort with the row's status — a roster is a record of what happened, so no capacity or
 *      waitlist applies, and an enrolment of the same person in the same cohort is never made twice.
 * Trainer rows make and link people but no enrolment: a cohort's trainers are accounts.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { foldVi } from '../../../common/text';
import type { Config } from '../../config';
import type { DB } from '../../db/schema';
import { blockingKeys, compare, type PersonRecord } from './match';
import { hashNationalId, sealNationalId } from './personal';
import * as repo from './repo';
import type { RosterRecord } from './roster/validate';

type Db = Kysely<DB>;

/** A key shared by more people than this is skipped as a candidate source (see blockingKeys). */
const MAX_PEOPLE_PER_KEY = 50;

export interface ImportInput {
  organisationId: string;
  importId: string;
  actorUserId: string | null;
  rows: readonly { row: number; record: RosterRecord }[];
}

export interface ImportCounts {
  peopleCreated: number;
  /** Rows that were found to be a person already in the registry (before or earlier in this import). */
  peopleMatched: number;
  enrolmentsCreated: number;
  pairsQueued: number;
}

interface Candidate {
  id: string;
  record: PersonRecord;
  /**
   * The person of an account: its e-mail was typed at registration, never verified, so a row is
   * never linked to it without review (decision 009, matching at registration).
   */
  hasAccount?: boolean;
}

type CandidateRow = Awaited<ReturnType<typeof repo.candidatesByKeys>>[number];

const candidateOf = (p: CandidateRow): Candidate => ({
  id: p.id,
  hasAccount: p.has_account,
  record: {
    fullName: p.full_name,
    dateOfBirth: p.date_of_birth,
    sex: p.sex,
    provinceCode: p.province_code,
    phone: p.phone,
    email: p.email,
    nationalIdHash: p.national_id_hash,
  },
});

export async function importRecords(
  config: Pick<Config, 'PERSONAL_DATA_SECRET'>,
  trx: Db,
  input: ImportInput,
): Promise<ImportCounts> {
  const counts: ImportCounts = { peopleCreated: 0, peopleMatched: 0, enrolmentsCreated: 0, pairsQueued: 0 };
  const cohorts = new Map(
    (
      await repo.cohortsByCodes(trx, input.organisationId, [
        ...new Set(input.rows.map((r) => r.record.cohortCode)),
      ])
    ).map((c) => [c.code.toLowerCase(), c.id]),
  );
  // Enrolments made by this import, so two rows of one person in one cohort make one.
  const enrolled = new Set<string>();
  for (let i = 0; i < input.rows.length; i += repo.BATCH) {
    await importBatch(config, trx, input, input.rows.slice(i, i + repo.BATCH), cohorts, enrolled, counts);
  }
  return counts;
}

async function importBatch(
  config: Pick<Config, 'PERSONAL_DATA_SECRET'>,
  trx: Db,
  input: ImportInput,
  rows: ImportInput['rows'],
  cohorts: Map<string, string>,
  enrolled: Set<string>,
  counts: ImportCounts,
) {
  const items = rows.map(({ record }) => {
    const person: PersonRecord = {
      fullName: record.fullName,
      dateOfBirth: record.dateOfBirth,
      sex: record.sex,
      provinceCode: record.provinceCode,
      phone: record.phone,
      email: record.email,
      nationalIdHash: record.nationalId ? hashNationalId(config, record.nationalId) : null,
    };
    return { record, person, keys: blockingKeys(person) };
  });

  // Candidates from the registry, and from the rows of this batch already decided (new people).
  const byKey = new Map<string, Candidate[]>();
  const found = await repo.candidatesByKeys(
    trx,
    [...new Set(items.flatMap((x) => x.keys))],
    MAX_PEOPLE_PER_KEY,
  );
  for (const row of found) push(byKey, row.key, candidateOf(row));

  const newPeople: repo.NewPersonRow[] = [];
  const newKeys: { key: string; person_id: string }[] = [];
  const pairs: Parameters<typeof repo.insertPairs>[1] = [];
  const personIds: string[] = [];
  const matchedIds = new Set<string>();
  const fills: repo.PersonGaps[] = [];

  for (const item of items) {
    const seen = new Set<string>();
    let best: { candidate: Candidate; score: number } | null = null;
    const likely: { id: string; score: number; reasons: string[] }[] = [];
    for (const key of item.keys) {
      for (const c of byKey.get(key) ?? []) {
        if (seen.has(c.id)) continue;
        seen.add(c.id);
        const m = compare(item.person, c.record);
        const decision = m.decision === 'sure' && c.hasAccount ? 'likely' : m.decision;
        if (decision === 'sure' && (!best || m.score > best.score)) best = { candidate: c, score: m.score };
        else if (decision === 'likely') likely.push({ id: c.id, score: m.score, reasons: m.reasons });
      }
    }
    if (best) {
      const { id } = best.candidate;
      personIds.push(id);
      if (!matchedIds.has(id)) {
        matchedIds.add(id);
        const gained = fillGaps(config, best.candidate, item.record, item.person, byKey);
        if (gained) {
          fills.push(gained.fill);
          for (const key of gained.keys) newKeys.push({ key, person_id: id });
        }
      }
      counts.peopleMatched++;
      continue;
    }
    const id = randomUUID();
    newPeople.push({
      id,
      full_name: item.record.fullName,
      full_name_folded: foldVi(item.record.fullName),
      sex: item.record.sex,
      date_of_birth: item.record.dateOfBirth,
      province_code: item.record.provinceCode,
      phone: item.record.phone,
      email: item.record.email,
      national_id_hash: item.person.nationalIdHash ?? null,
      national_id_enc: item.record.nationalId ? sealNationalId(config, id, item.record.nationalId) : null,
      disability: item.record.disability,
    });
    for (const key of item.keys) {
      newKeys.push({ key, person_id: id });
      push(byKey, key, { id, record: item.person });
    }
    for (const l of likely) {
      const [a, b] = id < l.id ? [id, l.id] : [l.id, id];
      pairs.push({ person_a: a, person_b: b, score: l.score, reasons: l.reasons, import_id: input.importId });
    }
    personIds.push(id);
    counts.peopleCreated++;
  }

  await repo.insertPeople(trx, newPeople);
  await repo.fillPeopleGaps(trx, fills);
  await repo.insertPersonKeys(trx, newKeys);
  counts.pairsQueued += await repo.insertPairs(trx, pairs);
  await repo.linkOrganisation(trx, [...new Set(personIds)], input.organisationId, input.importId);
  counts.enrolmentsCreated += await enrol(trx, input, items, personIds, cohorts, enrolled);
}

/**
 * What a matched person gains from the row: the fields it lacks (never overwriting one), and the
 * blocking keys those fields add. The caller writes both with the batch.
 */
function fillGaps(
  config: Pick<Config, 'PERSONAL_DATA_SECRET'>,
  known: Candidate,
  record: RosterRecord,
  person: PersonRecord,
  byKey: Map<string, Candidate[]>,
): { fill: repo.PersonGaps; keys: string[] } | null {
  const fields = ['dateOfBirth', 'sex', 'provinceCode', 'phone', 'email', 'nationalIdHash'] as const;
  const merged: PersonRecord = { ...known.record };
  let gained = false;
  for (const f of fields) {
    if (!merged[f] && person[f]) {
      Object.assign(merged, { [f]: person[f] });
      gained = true;
    }
  }
  if (!gained) return null;
  known.record = merged;
  const keys = blockingKeys(merged).filter((key) => !byKey.get(key)?.includes(known));
  for (const key of keys) push(byKey, key, known);
  return {
    fill: {
      id: known.id,
      sex: record.sex,
      date_of_birth: record.dateOfBirth,
      province_code: record.provinceCode,
      phone: record.phone,
      email: record.email,
      disability: record.disability,
      national_id_hash: person.nationalIdHash ?? null,
      national_id_enc: record.nationalId ? sealNationalId(config, known.id, record.nationalId) : null,
    },
    keys,
  };
}

async function enrol(
  trx: Db,
  input: ImportInput,
  items: { record: RosterRecord }[],
  personIds: string[],
  cohorts: Map<string, string>,
  enrolled: Set<string>,
) {
  const wanted: repo.NewEnrolmentRow[] = [];
  items.forEach(({ record }, i) => {
    const cohortId = cohorts.get(record.cohortCode.toLowerCase());
    if (record.role !== 'learner' || !cohortId) return;
    const personId = personIds[i]!;
    const key = `${cohortId}|${personId}`;
    if (enrolled.has(key)) return;
    enrolled.add(key);
    wanted.push({
      cohort_id: cohortId,
      person_id: personId,
      status: record.status,
      source: 'roster',
      // A completion date is a day in Vietnam: noon there, so it stays that day in every time zone shown.
      completed_at:
        record.status === 'completed' && record.completedOn
          ? new Date(`${record.completedOn}T12:00:00+07:00`)
          : null,
      ended_at: record.status === 'withdrawn' ? new Date() : null,
      created_by: input.actorUserId,
    });
  });
  const existing = new Set(
    (
      await repo.enrolmentsOf(
        trx,
        [...new Set(wanted.map((w) => w.cohort_id))],
        [...new Set(wanted.map((w) => w.person_id))],
      )
    ).map((e) => `${e.cohort_id}|${e.person_id}`),
  );
  const rows = wanted.filter((w) => !existing.has(`${w.cohort_id}|${w.person_id}`));
  await repo.insertEnrolments(trx, rows);
  return rows.length;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
