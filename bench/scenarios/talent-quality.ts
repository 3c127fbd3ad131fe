/**
 * A labelled set for the matching's quality, built from ESCO occupation profiles (../shared/data/esco,
 * the release `importEsco` loads): occupations become jobs asking for their essential skills
 * (required) and some optional ones (nice to have); learners hold a noisy part of one occupation's
 * essential skills — some dropped, some at a lower level, some only declared — and a few skills of
 * other occupations. A job is relevant to a learner when it is of the learner's occupation (grade 2)
 * or of another occupation of the same ISCO minor group (grade 1). ESCO skills enter the bench
 * database's `skills` as `esco.<first 8 hex digits of the concept id>`: the rule works on any ids.
 */
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import yauzl from 'yauzl';
import { prng } from '../../server/test/random';

const RELEASE = '../shared/data/esco';
const CLASSIFICATION = `${RELEASE}/esco-v1.1.1-classification-en-csv.zip`;
const RELATIONS = `${RELEASE}/esco-v1.1.1-relations-csv.zip`;

export interface Occupation {
  id: string;
  isco: string;
  essential: string[];
  optional: string[];
}

async function* csvRows(zipPath: string, name: string): AsyncGenerator<Record<string, string>> {
  const zip = await yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false });
  try {
    const entry = await new Promise<yauzl.Entry>((resolve, reject) => {
      zip.on('entry', (e: yauzl.Entry) => (e.fileName.endsWith(name) ? resolve(e) : zip.readEntry()));
      zip.on('end', () => reject(new Error(`${zipPath} has no ${name}`)));
      zip.readEntry();
    });
    const stream: Readable = await zip.openReadStreamPromise(entry);
    yield* stream.pipe(parse({ columns: true, bom: true, skip_empty_lines: true })) as AsyncIterable<
      Record<string, string>
    >;
  } finally {
    zip.close();
  }
}

const conceptId = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);
/** A taxonomy id for an ESCO skill (the `skills.id` pattern: lower-case dotted). */
export const skillIdOf = (uri: string) => `esco.${conceptId(uri).replaceAll('-', '').slice(0, 8)}`;

/** Every ESCO occupation with its ISCO group and its essential and optional skills (as skill ids). */
export async function readOccupations(): Promise<Occupation[]> {
  const byUri = new Map<string, Occupation>();
  for await (const r of csvRows(CLASSIFICATION, 'occupations_en.csv')) {
    const uri = r.conceptUri ?? '';
    byUri.set(uri, { id: conceptId(uri), isco: r.iscoGroup ?? '', essential: [], optional: [] });
  }
  for await (const r of csvRows(RELATIONS, 'occupationSkillRelations.csv')) {
    const o = byUri.get(r.occupationUri ?? '');
    if (!o || !r.skillUri) continue;
    (r.relationType === 'essential' ? o.essential : o.optional).push(skillIdOf(r.skillUri));
  }
  return [...byUri.values()];
}

export interface LabelledJob {
  key: string;
  occupation: Occupation;
  skills: { skillId: string; level: number; required: boolean }[];
}
export interface LabelledLearner {
  occupation: Occupation;
  skills: { skillId: string; level: number; verified: boolean }[];
}

/**
 * `groups` ISCO minor groups (three digits) with at least `perGroup` occupations of 6+ essential
 * skills; `perGroup` occupations of each; `jobsPer` jobs and `learnersPer` learners per occupation.
 */
export function labelledSet(
  all: readonly Occupation[],
  o: { seed: number; groups: number; perGroup: number; jobsPer: number; learnersPer: number },
) {
  const r = prng(o.seed);
  const usable = all.filter((x) => x.essential.length >= 6 && /^\d{4}$/.test(x.isco));
  const byMinor = new Map<string, Occupation[]>();
  for (const x of usable) {
    const key = x.isco.slice(0, 3);
    byMinor.set(key, [...(byMinor.get(key) ?? []), x]);
  }
  const minors = r
    .shuffle(
      [...byMinor.entries()]
        .filter(([, xs]) => xs.length >= o.perGroup)
        .sort(([a], [b]) => a.localeCompare(b)),
    )
    .slice(0, o.groups);
  const occupations = minors.flatMap(([, xs]) =>
    r.shuffle([...xs].sort((a, b) => a.id.localeCompare(b.id))).slice(0, o.perGroup),
  );
  const jobs: LabelledJob[] = occupations.flatMap((occ) =>
    Array.from({ length: o.jobsPer }, (_, n) => {
      const required = r.shuffle(occ.essential).slice(0, r.int(4, 8));
      const nice = r.shuffle(occ.optional).slice(0, r.int(0, 3));
      return {
        key: `${occ.id}/${n}`,
        occupation: occ,
        skills: [
          ...required.map((skillId) => ({ skillId, level: r.int(2, 4), required: true })),
          ...nice
            .filter((s) => !required.includes(s))
            .map((skillId) => ({ skillId, level: r.int(2, 3), required: false })),
        ],
      };
    }),
  );
  const learners: LabelledLearner[] = occupations.flatMap((occ) =>
    Array.from({ length: o.learnersPer }, () => {
      const own = occ.essential
        .filter(() => r.next() < 0.6)
        // Mostly at the levels jobs ask for (2–4), a quarter of them lower.
        .map((skillId) => ({ skillId, level: r.next() < 0.25 ? 1 : r.int(2, 5), verified: r.next() < 0.4 }));
      const others = Array.from({ length: r.int(1, 4) }, () => r.pick(r.pick(occupations).essential));
      const held = new Map(own.map((s) => [s.skillId, s]));
      for (const skillId of others)
        if (!held.has(skillId)) held.set(skillId, { skillId, level: r.int(1, 4), verified: r.next() < 0.4 });
      return { occupation: occ, skills: [...held.values()] };
    }),
  );
  return { occupations, jobs, learners };
}

/** Grade of a job for a learner: 2 same occupation, 1 same ISCO minor group, 0 otherwise. */
export const relevance = (learner: Occupation, job: Occupation) =>
  learner.id === job.id ? 2 : learner.isco.slice(0, 3) === job.isco.slice(0, 3) ? 1 : 0;

/** Precision@k (grade ≥ 1 counts as relevant) and nDCG@k (gain 2^grade − 1) of one ranking. */
export function scoreRanking(grades: readonly number[], allGrades: readonly number[], k: number) {
  const top = grades.slice(0, k);
  const dcg = (gs: readonly number[]) => gs.reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
  const ideal = dcg([...allGrades].sort((a, b) => b - a).slice(0, k));
  return {
    precision: top.filter((g) => g >= 1).length / k,
    ndcg: ideal === 0 ? 0 : dcg(top) / ideal,
  };
}
