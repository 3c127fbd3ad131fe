/**
 * The heart of a roster import: checked rows become people and enrolments, each real person once.
 * Runs inside the caller's transaction (all or nothing), in three steps:
 *   1. the candidates of every row are read at once: the people holding any of the rows' match keys
 *      (match.ts matchKeys), one query over people's indexes whatever the number of rows;
 *   2. each row in order, in memory: `compare` decides; a `sure` candidate is the person (the best
 *      score wins), otherwise a new person is made and every `likely` candidate goes to the review queue
 *      as a pair. People made by earlier rows are candidates of later ones. A matched person's missing
 *      fields are filled from the row, never overwritten; a national ID someone else holds is never
 *      given to a second person (the pair tells the reviewer);
 *   3. everything is written in large statements: people (their indexed fields are their match keys),
 *      pairs, the organisation's link to each person (so it sees them), and the enrolments in the
 *      rows' cohorts with the rows' status — a
 *      roster is a record of what happened, so no capacity or waitlist applies, and an enrolment of one
 *      person in one cohort is never made twice.
 * Trainer rows make and link people but no enrolment: a cohort's trainers are accounts.
 */
import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { foldVi } from '../../../common/text';
import type { Config } from '../../config';
import type { DB } from '../../db/schema';
import { blockingKeys, compare, matchKeys, nameKeys, type PersonRecord } from './match';
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
  /**
   * Hears the rows matched, then the records written (in rows of the roster, so both phases count
   * to the same total), every `PROGRESS_EVERY` rows; the event loop gets a turn after each report.
   */
  onProgress?: (progress: { phase: 'matching' | 'writing'; done: number; total: number }) => void;
}

/** Rows between two progress reports. */
const PROGRESS_EVERY = 5_000;

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

/** Keys per candidate query: one query for most imports. */
const KEYS_PER_QUERY = 200_000;
/** Rows per written statement (one array per column, so the size is not bound by parameters). */
const WRITE_BATCH = 5_000;

export async function importRecords(
  config: Pick<Config, 'PERSONAL_DATA_SECRET'>,
  trx: Db,
  input: ImportInput,
): Promise<ImportCounts> {
  const { onProgress } = input;
  const counts: ImportCounts = { peopleCreated: 0, peopleMatched: 0, enrolmentsCreated: 0, pairsQueued: 0 };
  const cohorts = new Map(
    (
      await repo.cohortsByCodes(trx, input.organisationId, [
        ...new Set(input.rows.map((r) => r.record.cohortCode)),
      ])
    ).map((c) => [c.code.toLowerCase(), c.id]),
  );
  const items = input.rows.map(({ record }) => {
    const person: PersonRecord = {
      fullName: record.fullName,
      dateOfBirth: record.dateOfBirth,
      sex: record.sex,
      provinceCode: record.provinceCode,
      phone: record.phone,
      email: record.email,
      nationalIdHash: record.nationalId ? hashNationalId(config, record.nationalId) : null,
    };
    return { record, person, keys: blockingKeys(person), lookup: matchKeys(person) };
  });

  // 1. Candidates from the registry for every row at once: one pass over the keys, not one per batch.
  const byKey = new Map<string, Candidate[]>();
  // National IDs someone holds: a row that is not surely that person (a typo in the name or in the
  // number) must not take it too; its person is made without it and the likely pair tells a reviewer.
  const claimed = new Set<string>();
  const keys = [...new Set(items.flatMap((x) => x.lookup))];
  for (let i = 0; i < keys.length; i += KEYS_PER_QUERY) {
    const found = await repo.candidatesByKeys(trx, keys.slice(i, i + KEYS_PER_QUERY), MAX_PEOPLE_PER_KEY);
    const known = new Map<string, Candidate>();
    for (const row of found) {
      // One object per person, so a gap filled from one row is seen by the next rows.
      let c = known.get(row.id);
      if (!c) {
        c = candidateOf(row);
        known.set(row.id, c);
        if (row.national_id_hash) claimed.add(row.national_id_hash);
      }
      push(byKey, row.key, c);
    }
  }
  onProgress?.({ phase: 'matching', done: 0, total: items.length });

  // 2. Each row in order decides: a sure match is that person; otherwise a new person, and pairs for
  //    the likely ones. People made by earlier rows are candidates of later ones (through byKey).
  const out = new Batch();
  const personIds: string[] = [];
  const matchedIds = new Set<string>();
  for (const [index, item] of items.entries()) {
    if (onProgress && index > 0 && index % PROGRESS_EVERY === 0) {
      onProgress({ phase: 'matching', done: index, total: items.length });
      await nextTurn();
    }
    const seen = new Set<string>();
    let best: { candidate: Candidate; score: number } | null = null;
    const likely: { id: string; score: number; reasons: string[] }[] = [];
    for (const key of item.lookup) {
      const list = byKey.get(key);
      // As in the registry's query: a key shared by too many people says nothing (a common name).
      if (!list || list.length > MAX_PEOPLE_PER_KEY) continue;
      for (const c of list) {
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
        const fill = fillGaps(config, best.candidate, item.record, item.person, byKey, claimed);
        if (fill) out.fills.push(fill);
      }
      counts.peopleMatched++;
      continue;
    }
    const id = randomUUID();
    const cccd =
      item.person.nationalIdHash && !claimed.has(item.person.nationalIdHash)
        ? item.person.nationalIdHash
        : null;
    if (cccd) claimed.add(cccd);
    const person: PersonRecord = { ...item.person, nationalIdHash: cccd };
    const name = nameKeys(item.record.fullName);
    out.people.push({
      id,
      name_family: name?.family ?? null,
      name_initials: name?.initials ?? null,
      full_name: item.record.fullName,
      full_name_folded: foldVi(item.record.fullName),
      sex: item.record.sex,
      date_of_birth: item.record.dateOfBirth,
      province_code: item.record.provinceCode,
      phone: item.record.phone,
      email: item.record.email,
      national_id_hash: cccd,
      national_id_enc:
        cccd && item.record.nationalId ? sealNationalId(config, id, item.record.nationalId) : null,
      disability: item.record.disability,
    });
    const candidate: Candidate = { id, record: person };
    for (const key of cccd === item.person.nationalIdHash ? item.keys : blockingKeys(person))
      push(byKey, key, candidate);
    for (const l of likely) {
      const [a, b] = id < l.id ? [id, l.id] : [l.id, id];
      out.pairs.push({
        person_a: a,
        person_b: b,
        score: l.score,
        reasons: l.reasons,
        import_id: input.importId,
      });
    }
    personIds.push(id);
    counts.peopleCreated++;
  }

  onProgress?.({ phase: 'matching', done: items.length, total: items.length });

  // 3. Write, in large statements; people first (everything else points at them).
  const enrolments = await enrolmentsToMake(trx, input, items, personIds, matchedIds, cohorts);
  const links = [...new Set(personIds)];
  const total = out.people.length + out.fills.length + links.length + enrolments.length;
  let written = 0;
  const step = async <T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += WRITE_BATCH) {
      const chunk = rows.slice(i, i + WRITE_BATCH);
      await write(chunk);
      written += chunk.length;
      const done = Math.round((written / Math.max(total, 1)) * items.length);
      if (onProgress) {
        onProgress({ phase: 'writing', done, total: items.length });
        await nextTurn();
      }
    }
  };
  await step(out.people, (chunk) => repo.insertPeople(trx, chunk));
  await step(out.fills, (chunk) => repo.fillPeopleGaps(trx, chunk));
  counts.pairsQueued += await repo.insertPairs(trx, out.pairs);
  await step(links, (chunk) => repo.linkOrganisation(trx, chunk, input.organisationId, input.importId));
  await step(enrolments, (chunk) => repo.insertEnrolments(trx, chunk));
  counts.enrolmentsCreated = enrolments.length;
  return counts;
}

/** What an import writes, gathered before the first statement. */
class Batch {
  people: repo.NewPersonRow[] = [];
  fills: repo.PersonGaps[] = [];
  pairs: Parameters<typeof repo.insertPairs>[1] = [];
}

/**
 * What a matched person gains from the row: the fields it lacks (never overwriting one). The keys those
 * fields add are known to the later rows at once (in `byKey`); in the database they are the fields.
 */
function fillGaps(
  config: Pick<Config, 'PERSONAL_DATA_SECRET'>,
  known: Candidate,
  record: RosterRecord,
  person: PersonRecord,
  byKey: Map<string, Candidate[]>,
  claimed: Set<string>,
): repo.PersonGaps | null {
  const fields = ['dateOfBirth', 'sex', 'provinceCode', 'phone', 'email', 'nationalIdHash'] as const;
  const merged: PersonRecord = { ...known.record };
  // A national ID another person holds is not given to this one (the unique index would refuse it).
  const cccd = person.nationalIdHash && !claimed.has(person.nationalIdHash) ? person.nationalIdHash : null;
  if (!merged.nationalIdHash && cccd) claimed.add(cccd);
  let gained = false;
  for (const f of fields) {
    const value = f === 'nationalIdHash' ? cccd : person[f];
    if (!merged[f] && value) {
      Object.assign(merged, { [f]: value });
      gained = true;
    }
  }
  if (!gained) return null;
  known.record = merged;
  for (const key of blockingKeys(merged)) if (!byKey.get(key)?.includes(known)) push(byKey, key, known);
  return {
    id: known.id,
    sex: record.sex,
    date_of_birth: record.dateOfBirth,
    province_code: record.provinceCode,
    phone: record.phone,
    email: record.email,
    disability: record.disability,
    national_id_hash: cccd,
    national_id_enc: cccd && record.nationalId ? sealNationalId(config, known.id, record.nationalId) : null,
  };
}

/**
 * The enrolments the rows ask for that do not exist yet: one per person and cohort, whatever the
 * number of rows. Only people known before the import can already be enrolled, so only they are looked up.
 */
async function enrolmentsToMake(
  trx: Db,
  input: ImportInput,
  items: { record: RosterRecord }[],
  personIds: string[],
  knownIds: Set<string>,
  cohorts: Map<string, string>,
) {
  const wanted = new Map<string, repo.NewEnrolmentRow>();
  items.forEach(({ record }, i) => {
    const cohortId = cohorts.get(record.cohortCode.toLowerCase());
    if (record.role !== 'learner' || !cohortId) return;
    const personId = personIds[i]!;
    const key = `${cohortId}|${personId}`;
    if (wanted.has(key)) return;
    wanted.set(key, {
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
  const known = [...knownIds];
  const cohortIds = [...new Set([...wanted.values()].map((w) => w.cohort_id))];
  for (let i = 0; i < known.length; i += WRITE_BATCH) {
    for (const e of await repo.enrolmentsOf(trx, cohortIds, known.slice(i, i + WRITE_BATCH)))
      wanted.delete(`${e.cohort_id}|${e.person_id}`);
  }
  return [...wanted.values()];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
