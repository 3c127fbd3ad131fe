/**
 * Rules of the administrative map: which provincial unit a typed or file-found place name means, the
 * import of the official commune list, and the lists behind place pickers. Knows nothing of HTTP.
 */
import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { type Static, Type } from 'typebox';
import { Value } from 'typebox/value';
import type { PagedResult } from '../../../common/contracts/common';
import { editDistance, foldVi } from '../../../common/text';
import type { CommuneKind, DB } from '../../db/schema';
import { AppError, notFound } from '../../lib/errors';
import { type ProvinceKind, parseCommuneName } from './names';
import * as repo from './repo';

export interface Province {
  code: string;
  name: string;
  nameEn: string;
  kind: ProvinceKind;
}

export interface Commune {
  code: string;
  provinceCode: string;
  name: string;
  kind: CommuneKind;
}

const toProvince = (row: repo.ProvinceRow): Province => ({
  code: row.code,
  name: row.name,
  nameEn: row.name_en,
  kind: row.kind,
});

const toCommune = (row: repo.CommuneRow): Commune => ({
  code: row.code,
  provinceCode: row.province_code,
  name: row.name,
  kind: row.kind,
});

/** Wards are the urban units; rural communes and special zones (island districts) are not. */
export const isUrban = (kind: CommuneKind) => kind === 'ward';

export async function listProvinces(db: Kysely<DB>): Promise<Province[]> {
  return (await repo.listProvinces(db)).map(toProvince);
}

export interface CommuneQuery {
  /** Typed text, matched without regard to accents, case or tone placement. */
  q?: string;
  page?: number;
  pageSize?: number;
}

export const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 20;

/** Callers other than HTTP (CLI, other services) get no schema check, so paging is clamped here too. */
const wholeNumber = (v: number | undefined, min: number, max: number, fallback: number) =>
  v === undefined || !Number.isFinite(v) ? fallback : Math.min(max, Math.max(min, Math.trunc(v)));

export async function listCommunes(
  db: Kysely<DB>,
  provinceCode: string,
  query: CommuneQuery = {},
): Promise<PagedResult<Commune>> {
  if (!(await repo.findProvince(db, provinceCode))) throw notFound(`province ${provinceCode}`);
  const page = wholeNumber(query.page, 1, Number.MAX_SAFE_INTEGER, 1);
  const pageSize = wholeNumber(query.pageSize, 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
  const { rows, total } = await repo.searchCommunes(db, {
    provinceCode,
    folded: foldVi(query.q ?? ''),
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return { items: rows.map(toCommune), total, page, pageSize };
}

// ---------------------------------------------------------------------------------------------------
// Resolving a province name

export interface ProvinceMatch {
  province: Province;
  /** Set when the input named a province as it was before 1 Jul 2025 (by a former name or code). */
  matchedFormer?: { code: string; name: string };
  /** Set when the input matched only after forgiving one typo ("Ha Noj"). */
  approximate?: true;
}

/** Words around a province name that do not tell which one: "Tỉnh", "TP.", "City", "Việt Nam". */
const LEADING_WORDS = ['thanh pho', 'thu do', 'tinh', 'tp', 't p', 't'];
const TRAILING_WORDS = ['viet nam', 'vietnam', 'vn', 'city', 'province'];

/** Abbreviations and old names in everyday use, as compact keys (folded, no spaces). */
const ALIASES: Record<string, string> = {
  hcm: 'hochiminh',
  tphcm: 'hochiminh',
  hcmc: 'hochiminh',
  saigon: 'hochiminh',
  hn: 'hanoi',
  thuathienhue: 'hue',
  tthue: 'hue',
  brvt: 'bariavungtau',
};

/**
 * Province names compared without spaces, so "Hanoi" meets "Hà Nội" and "Bariavungtau" meets
 * "Bà Rịa - Vũng Tàu". No two of the 97 names collide this way (a test checks).
 */
export const compactKey = (folded: string) => folded.replaceAll(' ', '');

/** The compact key of what someone typed, with prefixes, suffixes and aliases resolved. */
export function provinceQueryKey(input: string): string {
  let key = foldVi(input);
  for (let changed = true; changed; ) {
    changed = false;
    for (const w of TRAILING_WORDS) {
      if (key.endsWith(` ${w}`)) [key, changed] = [key.slice(0, -w.length - 1), true];
    }
    for (const w of LEADING_WORDS) {
      if (key.startsWith(`${w} `)) [key, changed] = [key.slice(w.length + 1), true];
    }
  }
  const compact = compactKey(key);
  return ALIASES[compact] ?? compact;
}

interface Candidate {
  key: string;
  province: repo.ProvinceRow;
  former?: repo.FormerProvinceRow;
}

/**
 * A typo is forgiven only in keys this long, and only when every name one edit away means the same
 * unit: "Quang Xinh" is one edit from both Quảng Ninh and Quảng Bình, so it resolves to nothing.
 */
const MIN_FUZZY_LENGTH = 5;

function pick(candidates: readonly Candidate[], key: string): Candidate | undefined {
  const exact = candidates.find((c) => c.key === key);
  if (exact || key.length < MIN_FUZZY_LENGTH) return exact;
  const near = candidates.filter((c) => editDistance(c.key, key) === 1);
  const units = new Set(near.map((c) => c.province.code));
  return units.size === 1 ? near[0] : undefined;
}

function toMatch(c: Candidate, approximate: boolean): ProvinceMatch {
  const match: ProvinceMatch = { province: toProvince(c.province) };
  if (c.former) match.matchedFormer = { code: c.former.code, name: c.former.name };
  if (approximate) match.approximate = true;
  return match;
}

/**
 * The current provincial unit meant by a code ("01", "1") or a name, current or former, with or without
 * accents, prefix or spaces: "Bắc Giang" → Bắc Ninh, "Ba Ria Vung Tau" → Hồ Chí Minh City,
 * "TP.HCM", "Sài Gòn", "Hanoi". A two-digit code is read as a current code first: "24" is Bắc Ninh
 * today, not the former Bắc Giang; "27" (former Bắc Ninh) still resolves, through the former list.
 * Gives null when nothing matches or a typo leaves two units possible.
 */
export async function resolveProvince(db: Kysely<DB>, input: string): Promise<ProvinceMatch | null> {
  const trimmed = input.trim();
  if (trimmed === '') return null;
  const [provinces, formers] = await Promise.all([repo.listProvinces(db), repo.listFormerProvinces(db)]);
  const byCode = new Map(provinces.map((p) => [p.code, p]));

  if (/^[0-9]{1,2}$/.test(trimmed)) {
    const code = trimmed.padStart(2, '0');
    const current = byCode.get(code);
    if (current) return { province: toProvince(current) };
    const former = formers.find((f) => f.code === code);
    const unit = former && byCode.get(former.province_code);
    return former && unit ? toMatch({ key: code, province: unit, former }, false) : null;
  }

  const key = provinceQueryKey(trimmed);
  if (key === '') return null;
  // Current names first, so a name that lives on ("Bắc Ninh") is not reported as a former province.
  const candidates: Candidate[] = [
    ...provinces.map((p) => ({ key: compactKey(p.name_folded), province: p })),
    ...formers.flatMap((f) => {
      const unit = byCode.get(f.province_code);
      return unit ? [{ key: compactKey(f.name_folded), province: unit, former: f }] : [];
    }),
  ];
  const found = pick(candidates, key);
  return found ? toMatch(found, found.key !== key) : null;
}

// ---------------------------------------------------------------------------------------------------
// Importing the official commune list

/** Why an import file was refused; the message names the file and the place in it. */
export type UnitsFileProblem =
  | 'unreadable'
  | 'not_json'
  | 'wrong_shape'
  | 'inconsistent'
  | 'unknown_province';

export class UnitsFileError extends AppError {
  readonly problem: UnitsFileProblem;
  constructor(problem: UnitsFileProblem, message: string) {
    super('VALIDATION_FAILED', { message, params: { problem } });
    this.name = 'UnitsFileError';
    this.problem = problem;
  }
}

/** The vn-units format: provinces, each with its communes ("Wards" there, whatever their kind). */
const UnitsFile = Type.Array(
  Type.Object({
    Code: Type.String({ pattern: '^[0-9]{2}$' }),
    FullName: Type.String({ minLength: 1 }),
    Wards: Type.Array(
      Type.Object({
        Code: Type.String({ pattern: '^[0-9]{5}$' }),
        FullName: Type.String({ minLength: 1 }),
        ProvinceCode: Type.String({ pattern: '^[0-9]{2}$' }),
      }),
    ),
  }),
  { minItems: 1 },
);
type UnitsFileT = Static<typeof UnitsFile>;

export interface ParsedCommune {
  code: string;
  provinceCode: string;
  name: string;
  nameFolded: string;
  kind: CommuneKind;
}

export interface ParsedUnitsFile {
  provinceCodes: string[];
  communes: ParsedCommune[];
}

/** Checks a vn-units file completely before anything is written; throws UnitsFileError. */
export function parseUnitsFile(text: string, source = 'file'): ParsedUnitsFile {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new UnitsFileError('not_json', `${source} is not JSON: ${(err as Error).message}`);
  }
  if (!Value.Check(UnitsFile, json)) {
    const first = Value.Errors(UnitsFile, json)[0];
    const where = first?.instancePath || '/';
    throw new UnitsFileError(
      'wrong_shape',
      `${source} is not a vn-units list of provinces with their communes: at ${where}: ${first?.message ?? 'invalid'}`,
    );
  }
  return { provinceCodes: provinceCodesOf(json, source), communes: communesOf(json, source) };
}

function provinceCodesOf(file: UnitsFileT, source: string): string[] {
  const codes = file.map((p) => p.Code);
  const twice = codes.find((c, i) => codes.indexOf(c) !== i);
  if (twice) throw new UnitsFileError('inconsistent', `${source}: province ${twice} is listed twice`);
  return codes;
}

function communesOf(file: UnitsFileT, source: string): ParsedCommune[] {
  const seen = new Set<string>();
  const communes: ParsedCommune[] = [];
  for (const province of file) {
    for (const ward of province.Wards) {
      const at = `${source}: commune ${ward.Code} "${ward.FullName}"`;
      if (ward.ProvinceCode !== province.Code) {
        throw new UnitsFileError(
          'inconsistent',
          `${at} says province ${ward.ProvinceCode} but is listed under ${province.Code}`,
        );
      }
      if (seen.has(ward.Code)) throw new UnitsFileError('inconsistent', `${at} is listed twice`);
      seen.add(ward.Code);
      const parsed = parseCommuneName(ward.FullName);
      if (!parsed)
        throw new UnitsFileError('inconsistent', `${at} does not start with Phường, Xã or Đặc khu`);
      communes.push({
        code: ward.Code,
        provinceCode: province.Code,
        name: parsed.name,
        nameFolded: foldVi(parsed.bare),
        kind: parsed.kind,
      });
    }
  }
  return communes;
}

export interface ImportProgress {
  done: number;
  total: number;
}

export interface CommuneImportResult {
  provinces: number;
  communes: number;
  /** Phường: urban wards. */
  wards: number;
  /** Xã: rural communes. */
  rural: number;
  /** Đặc khu: special zones. */
  specialZones: number;
  inserted: number;
  updated: number;
  /** Already stored exactly so: a second import of the same file reports every commune here. */
  unchanged: number;
}

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters, few round trips. */
const BATCH_SIZE = 500;

function* batches<T>(items: readonly T[], size: number) {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

async function readUnitsFile(filePath: string): Promise<string> {
  try {
    return await readFile(filePath, 'utf8');
  } catch (err) {
    throw new UnitsFileError('unreadable', `cannot read ${filePath}: ${(err as Error).message}`);
  }
}

/**
 * Imports (or re-imports) the official commune list from a vn-units JSON file. The whole file is checked
 * first and then written in one transaction, so a bad file or a failure half-way leaves the table as it
 * was. Communes missing from the file are kept: a list is added to, never pruned, by an import.
 */
export async function importCommunes(
  db: Kysely<DB>,
  filePath: string,
  onProgress?: (progress: ImportProgress) => void,
): Promise<CommuneImportResult> {
  const file = parseUnitsFile(await readUnitsFile(filePath), filePath);
  const known = new Set((await repo.listProvinces(db)).map((p) => p.code));
  const unknown = file.provinceCodes.filter((c) => !known.has(c));
  if (unknown.length > 0) {
    const hint = known.size === 0 ? ' (the provinces are not seeded yet)' : '';
    throw new UnitsFileError(
      'unknown_province',
      `${filePath}: province code ${unknown.join(', ')} is not one of the ${known.size} provincial units${hint}`,
    );
  }

  const total = file.communes.length;
  let inserted = 0;
  let updated = 0;
  let done = 0;
  await repo.inTransaction(db, async (trx) => {
    for (const batch of batches(file.communes, BATCH_SIZE)) {
      const written = await repo.upsertCommunes(
        trx,
        batch.map((c) => ({
          code: c.code,
          province_code: c.provinceCode,
          name: c.name,
          kind: c.kind,
          name_folded: c.nameFolded,
        })),
      );
      inserted += written.inserted;
      updated += written.updated;
      done += batch.length;
      onProgress?.({ done, total });
    }
  });

  const count = (kind: CommuneKind) => file.communes.filter((c) => c.kind === kind).length;
  return {
    provinces: file.provinceCodes.length,
    communes: total,
    wards: count('ward'),
    rural: count('commune'),
    specialZones: count('special_zone'),
    inserted,
    updated,
    unchanged: total - inserted - updated,
  };
}
