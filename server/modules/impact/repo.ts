/** Every SQL query of impact monitoring's own tables (the analytics reads are in analytics/repo.ts). */
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import type { IndicatorSeed, TargetSeed } from './indicators/builtin';

type Db = Kysely<DB>;

export const indicatorColumns = [
  'id',
  'code',
  'name_vi',
  'name_en',
  'name_ja',
  'definition_vi',
  'definition_en',
  'definition_ja',
  'unit',
  'rule',
  'disaggregations',
  'builtin',
] as const;

export async function upsertIndicator(
  db: Db,
  seed: IndicatorSeed,
  opts: { builtin: boolean; createdBy?: string | null },
) {
  const row = {
    code: seed.code,
    name_vi: seed.name.vi,
    name_en: seed.name.en,
    name_ja: seed.name.ja,
    definition_vi: seed.definition.vi,
    definition_en: seed.definition.en,
    definition_ja: seed.definition.ja,
    unit: seed.rule.kind,
    rule: JSON.stringify(seed.rule),
    disaggregations: seed.disaggregations,
    builtin: opts.builtin,
    created_by: opts.createdBy ?? null,
  };
  return db
    .insertInto('indicators')
    .values(row)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet({
        name_vi: row.name_vi,
        name_en: row.name_en,
        name_ja: row.name_ja,
        definition_vi: row.definition_vi,
        definition_en: row.definition_en,
        definition_ja: row.definition_ja,
        unit: row.unit,
        rule: row.rule,
        disaggregations: row.disaggregations,
        updated_at: sql`now()`,
      }),
    )
    .returning(['id', 'code'])
    .executeTakeFirstOrThrow();
}

export async function insertIndicator(db: Db, seed: IndicatorSeed, createdBy: string) {
  return db
    .insertInto('indicators')
    .values({
      code: seed.code,
      name_vi: seed.name.vi,
      name_en: seed.name.en,
      name_ja: seed.name.ja,
      definition_vi: seed.definition.vi,
      definition_en: seed.definition.en,
      definition_ja: seed.definition.ja,
      unit: seed.rule.kind,
      rule: JSON.stringify(seed.rule),
      disaggregations: seed.disaggregations,
      builtin: false,
      created_by: createdBy,
    })
    .onConflict((oc) => oc.column('code').doNothing())
    .returning(indicatorColumns)
    .executeTakeFirst();
}

export const listIndicators = (db: Db) =>
  db.selectFrom('indicators').select(indicatorColumns).orderBy('code').execute();

export const findIndicator = (db: Db, code: string) =>
  db.selectFrom('indicators').select(indicatorColumns).where('code', '=', code).executeTakeFirst();

export const programIndicators = (db: Db, programId: string) =>
  db
    .selectFrom('program_indicators as pi')
    .innerJoin('indicators as i', 'i.id', 'pi.indicator_id')
    .select(indicatorColumns.map((c) => `i.${c}` as const))
    .where('pi.program_id', '=', programId)
    .orderBy('pi.position')
    .orderBy('i.code')
    .execute();

export async function linkProgramIndicator(db: Db, programId: string, indicatorId: string, position: number) {
  await db
    .insertInto('program_indicators')
    .values({ program_id: programId, indicator_id: indicatorId, position })
    .onConflict((oc) => oc.columns(['program_id', 'indicator_id']).doNothing())
    .execute();
}

/** Adds a target when the cell has none (a manager's change is never overwritten by the seed). */
export async function seedTarget(db: Db, programId: string, indicatorId: string, t: TargetSeed) {
  await sql`
    insert into indicator_targets (program_id, indicator_id, year, value)
    values (${programId}, ${indicatorId}, ${t.year ?? null}, ${t.value})
    on conflict do nothing`.execute(db);
}

export const targetsOf = (db: Db, programId: string) =>
  db
    .selectFrom('indicator_targets')
    .select(['id', 'indicator_id', 'year', 'quarter', 'dimension', 'dimension_value', 'value'])
    .where('program_id', '=', programId)
    .execute();

export async function setTarget(
  db: Db,
  t: {
    programId: string;
    indicatorId: string;
    year: number | null;
    quarter: number | null;
    value: number | null;
    userId: string;
  },
) {
  const cell = sql`program_id = ${t.programId} and indicator_id = ${t.indicatorId}
    and coalesce(year, 0) = ${t.year ?? 0} and coalesce(quarter, 0) = ${t.quarter ?? 0} and dimension is null`;
  const before = await sql<{
    value: string;
  }>`select value::text as value from indicator_targets where ${cell}`.execute(db);
  await sql`delete from indicator_targets where ${cell}`.execute(db);
  if (t.value !== null)
    await db
      .insertInto('indicator_targets')
      .values({
        program_id: t.programId,
        indicator_id: t.indicatorId,
        year: t.year,
        quarter: t.quarter,
        value: t.value,
        updated_by: t.userId,
      })
      .execute();
  return before.rows[0]?.value ?? null;
}

export const programByCode = (db: Db, code: string) =>
  db
    .selectFrom('programs')
    .select([
      'id',
      'code',
      'name_vi',
      'name_en',
      'name_ja',
      'starts_on',
      'ends_on',
      'budget_minor',
      'budget_currency',
    ])
    .where('code', '=', code)
    .executeTakeFirst();

export const allPrograms = (db: Db) =>
  db
    .selectFrom('programs')
    .select([
      'id',
      'code',
      'name_vi',
      'name_en',
      'name_ja',
      'starts_on',
      'ends_on',
      'budget_minor',
      'budget_currency',
    ])
    .orderBy('starts_on')
    .orderBy('code')
    .execute();

export const programOrganisations = (db: Db, programId: string) =>
  db
    .selectFrom('program_organisations as po')
    .innerJoin('organisations as o', 'o.id', 'po.organisation_id')
    .select(['o.id', 'o.name', 'o.kind', 'po.role'])
    .where('po.program_id', '=', programId)
    .orderBy('o.name')
    .execute();

/** Programs in which any of these organisations takes one of these roles. */
export const programIdsOf = async (db: Db, organisationIds: string[], roles: ('donor' | 'partner')[]) =>
  organisationIds.length === 0
    ? []
    : (
        await db
          .selectFrom('program_organisations')
          .select('program_id')
          .distinct()
          .where('organisation_id', 'in', organisationIds)
          .where('role', 'in', roles)
          .execute()
      ).map((r) => r.program_id);

export const organisationNames = (db: Db, ids: string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db.selectFrom('organisations').select(['id', 'name']).where('id', 'in', ids).execute();

export const provinceNames = (db: Db) =>
  db.selectFrom('provinces').select(['code', 'name', 'name_en']).execute();

/** Approved manual results of a program, per indicator, for the period asked. */
export const approvedManual = (
  db: Db,
  programId: string,
  years: { from: number; to: number },
  quarter: number | null,
  partnerId: string | null,
) =>
  db
    .selectFrom('manual_results')
    .select([
      'indicator_id',
      sql<string>`sum(value)::text`.as('total'),
      sql<number>`count(*)::int`.as('reports'),
    ])
    .where('program_id', '=', programId)
    .where('status', '=', 'approved')
    .where('year', '>=', years.from)
    .where('year', '<=', years.to)
    .$if(quarter !== null, (q) => q.where('quarter', '=', quarter))
    .$if(partnerId !== null, (q) => q.where('organisation_id', '=', partnerId))
    .groupBy('indicator_id')
    .execute();
