/**
 * Loads the official ESCO CSV release (the two zips the ESCO portal hands out: the classification, and
 * the relations) into esco_skills, esco_occupations and esco_occupation_skills, in one transaction:
 * skills and occupations are added or updated in place by their concept URI, and an occupation's
 * skills become exactly those of the file (a link the release dropped goes). Files are read as streams
 * from the zips; nothing is unpacked to disk. Skills or occupations a later release no longer lists
 * are kept (profiles and postings may point at them).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { type Kysely, sql } from 'kysely';
import yauzl from 'yauzl';
import { foldVi } from '../../../../common/text';
import type { DB } from '../../../db/schema';

type Db = Kysely<DB>;

/** A file the release must hold, by name inside the zip (any folder), and the columns it must have. */
const FILES = {
  skills: {
    name: 'skills_en.csv',
    pattern: /(^|\/)skills_([a-z]{2})\.csv$/u,
    columns: ['conceptUri', 'preferredLabel', 'altLabels', 'skillType', 'reuseLevel', 'description'],
  },
  occupations: {
    name: 'occupations_en.csv',
    pattern: /(^|\/)occupations_([a-z]{2})\.csv$/u,
    columns: ['conceptUri', 'iscoGroup', 'preferredLabel', 'altLabels', 'description', 'code'],
  },
  relations: {
    name: 'occupationSkillRelations.csv',
    pattern: /(^|\/)occupationSkillRelations\.csv$/u,
    columns: ['occupationUri', 'relationType', 'skillUri'],
  },
} as const;
type FileKind = keyof typeof FILES;

/** Largest inflated file accepted (the 2022 release's largest is 21 MB). */
const MAX_ENTRY_BYTES = 256 * 1024 * 1024;
const BATCH = 2_000;

export class EscoFileError extends Error {}

export interface EscoImportReport {
  language: string;
  skills: number;
  occupations: number;
  links: { essential: number; optional: number };
  /** Links naming a skill or an occupation the release does not hold. */
  linksSkipped: number;
  /** Links of imported occupations that the release no longer lists, removed. */
  linksRemoved: number;
}

export interface EscoProgress {
  phase: FileKind;
  rows: number;
}

/** The two zips of an ESCO CSV release in a folder, or null when it holds none. */
export function findEscoRelease(dir: string): { classification: string; relations: string } | null {
  let names: string[];
  try {
    names = readdirSync(dir).sort().reverse();
  } catch {
    return null;
  }
  const classification = names.find((n) => /classification.*csv\.zip$/u.test(n));
  const relations = names.find((n) => /relations.*csv\.zip$/u.test(n));
  return classification && relations
    ? { classification: join(dir, classification), relations: join(dir, relations) }
    : null;
}

export async function importEsco(
  db: Db,
  files: { classification: string; relations: string },
  onProgress: (p: EscoProgress) => void = () => {},
): Promise<EscoImportReport> {
  const classification = await openZip(files.classification);
  const relations = await openZip(files.relations);
  try {
    const skillsEntry = pick(classification, 'skills', files.classification);
    const occupationsEntry = pick(classification, 'occupations', files.classification);
    const relationsEntry = pick(relations, 'relations', files.relations);
    const language = FILES.skills.pattern.exec(skillsEntry.fileName)?.[2] ?? 'en';
    return await db.transaction().execute(async (trx) => {
      const report: EscoImportReport = {
        language,
        skills: 0,
        occupations: 0,
        links: { essential: 0, optional: 0 },
        linksSkipped: 0,
        linksRemoved: 0,
      };
      for await (const batch of batches(classification, skillsEntry, 'skills', onProgress)) {
        await upsertSkills(trx, batch);
        report.skills += batch.length;
      }
      for await (const batch of batches(classification, occupationsEntry, 'occupations', onProgress)) {
        await upsertOccupations(trx, batch);
        report.occupations += batch.length;
      }
      await sql`create temp table esco_links_in (occupation_uri text, skill_uri text, relation text) on commit drop`.execute(
        trx,
      );
      for await (const batch of batches(relations, relationsEntry, 'relations', onProgress)) {
        for (const r of batch)
          if (r.relationType !== 'essential' && r.relationType !== 'optional')
            throw new EscoFileError(
              `occupationSkillRelations.csv: unknown relation type "${r.relationType}"`,
            );
        await sql`
          insert into esco_links_in
          select * from unnest(${sql.val(batch.map((r) => r.occupationUri))}::text[],
            ${sql.val(batch.map((r) => r.skillUri))}::text[], ${sql.val(batch.map((r) => r.relationType))}::text[])`.execute(
          trx,
        );
      }
      const known = await sql<{ relation: string; n: number; skipped: number }>`
        select i.relation, count(*) filter (where s.uri is not null and o.uri is not null)::int as n,
          count(*) filter (where s.uri is null or o.uri is null)::int as skipped
        from esco_links_in i
        left join esco_skills s on s.uri = i.skill_uri
        left join esco_occupations o on o.uri = i.occupation_uri
        group by i.relation`.execute(trx);
      for (const r of known.rows) {
        report.links[r.relation as 'essential' | 'optional'] = r.n;
        report.linksSkipped += r.skipped;
      }
      const removed = await sql`
        delete from esco_occupation_skills l
        where l.occupation_uri in (select distinct occupation_uri from esco_links_in)
          and not exists (select 1 from esco_links_in i
            where i.occupation_uri = l.occupation_uri and i.skill_uri = l.skill_uri)`.execute(trx);
      report.linksRemoved = Number(removed.numAffectedRows ?? 0);
      await sql`
        insert into esco_occupation_skills (occupation_uri, skill_uri, relation)
        select distinct on (i.occupation_uri, i.skill_uri) i.occupation_uri, i.skill_uri, i.relation
        from esco_links_in i
        join esco_skills s on s.uri = i.skill_uri
        join esco_occupations o on o.uri = i.occupation_uri
        order by i.occupation_uri, i.skill_uri, i.relation
        on conflict (occupation_uri, skill_uri) do update set relation = excluded.relation`.execute(trx);
      return report;
    });
  } finally {
    classification.close();
    relations.close();
  }
}

/** Alternative labels: one a line in the main files, ` | ` between them in the collections. */
const labels = (s: string | undefined) =>
  (s ?? '')
    .split(/\r?\n| \| /u)
    .map((l) => l.trim())
    .filter((l) => l !== '');

async function upsertSkills(db: Db, rows: Record<string, string>[]) {
  const col = (f: (r: Record<string, string>) => string | null) => sql.val(rows.map(f));
  await sql`
    insert into esco_skills (uri, label, label_folded, alt_labels, skill_type, reuse_level, description)
    select uri, label, folded, case when alt = '' then '{}'::text[] else string_to_array(alt, E'\\n') end,
      skill_type, reuse, description
    from unnest(${col((r) => r.conceptUri!)}::text[], ${col((r) => r.preferredLabel!)}::text[],
      ${col((r) => foldVi(r.preferredLabel!))}::text[], ${col((r) => labels(r.altLabels).join('\n'))}::text[],
      ${col((r) => r.skillType || null)}::text[], ${col((r) => r.reuseLevel || null)}::text[],
      ${col((r) => r.description ?? '')}::text[]) as v(uri, label, folded, alt, skill_type, reuse, description)
    on conflict (uri) do update set label = excluded.label, label_folded = excluded.label_folded,
      alt_labels = excluded.alt_labels, skill_type = excluded.skill_type, reuse_level = excluded.reuse_level,
      description = excluded.description, updated_at = now()`.execute(db);
}

async function upsertOccupations(db: Db, rows: Record<string, string>[]) {
  const col = (f: (r: Record<string, string>) => string | null) => sql.val(rows.map(f));
  await sql`
    insert into esco_occupations (uri, isco_group, code, label, label_folded, alt_labels, description)
    select uri, isco, code, label, folded, case when alt = '' then '{}'::text[] else string_to_array(alt, E'\\n') end,
      description
    from unnest(${col((r) => r.conceptUri!)}::text[], ${col((r) => r.iscoGroup!)}::text[],
      ${col((r) => r.code || null)}::text[], ${col((r) => r.preferredLabel!)}::text[],
      ${col((r) => foldVi(r.preferredLabel!))}::text[], ${col((r) => labels(r.altLabels).join('\n'))}::text[],
      ${col((r) => r.description ?? '')}::text[]) as v(uri, isco, code, label, folded, alt, description)
    on conflict (uri) do update set isco_group = excluded.isco_group, code = excluded.code,
      label = excluded.label, label_folded = excluded.label_folded, alt_labels = excluded.alt_labels,
      description = excluded.description, updated_at = now()`.execute(db);
}

// ── The zips ─────────────────────────────────────────────────────────────────────────────────────

interface Zip {
  file: yauzl.ZipFile;
  entries: yauzl.Entry[];
  close(): void;
}

async function openZip(path: string): Promise<Zip> {
  let file: yauzl.ZipFile;
  try {
    file = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  } catch {
    throw new EscoFileError(`${path} is not a zip file`);
  }
  const entries: yauzl.Entry[] = [];
  await new Promise<void>((resolve, reject) => {
    file.on('entry', (e: yauzl.Entry) => {
      entries.push(e);
      file.readEntry();
    });
    file.on('end', resolve);
    file.on('error', () => reject(new EscoFileError(`${path} is not a readable zip file`)));
    file.readEntry();
  });
  let open = true;
  return {
    file,
    entries,
    close: () => {
      if (open) file.close();
      open = false;
    },
  };
}

function pick(zip: Zip, kind: FileKind, path: string): yauzl.Entry {
  const matches = zip.entries.filter((e) => FILES[kind].pattern.test(e.fileName));
  // The English file when the release holds several languages.
  const entry = matches.find((e) => /_en\.csv$/u.test(e.fileName)) ?? matches[0];
  if (!entry)
    throw new EscoFileError(`${path} is not an ESCO CSV release: it has no ${FILES[kind].name} file`);
  if (entry.uncompressedSize > MAX_ENTRY_BYTES) throw new EscoFileError(`${entry.fileName} is too large`);
  return entry;
}

/** The rows of one CSV file in the zip, `BATCH` at a time, checked for the columns the import reads. */
async function* batches(
  zip: Zip,
  entry: yauzl.Entry,
  kind: FileKind,
  onProgress: (p: EscoProgress) => void,
): AsyncGenerator<Record<string, string>[]> {
  const stream: Readable = await zip.file.openReadStreamPromise(entry);
  const parser = stream.pipe(parse({ columns: true, bom: true, skip_empty_lines: true }));
  let batch: Record<string, string>[] = [];
  let rows = 0;
  let checked = false;
  try {
    for await (const record of parser as AsyncIterable<Record<string, string>>) {
      if (!checked) {
        const missing = FILES[kind].columns.filter((c) => !(c in record));
        if (missing.length > 0)
          throw new EscoFileError(`${entry.fileName} lacks the column(s) ${missing.join(', ')}`);
        checked = true;
      }
      batch.push(record);
      rows++;
      if (batch.length === BATCH) {
        yield batch;
        batch = [];
        onProgress({ phase: kind, rows });
      }
    }
  } catch (error) {
    if (error instanceof EscoFileError) throw error;
    throw new EscoFileError(`${entry.fileName}: ${(error as Error).message}`);
  } finally {
    stream.destroy();
  }
  if (batch.length > 0) yield batch;
  onProgress({ phase: kind, rows });
}
