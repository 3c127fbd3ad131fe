/**
 * Impact monitoring's use cases: the programs a viewer may see, a program's dashboard (indicator
 * cards actual vs target, breakdowns, trend by quarter), the people behind a number, targets, and
 * indicators as data. Numbers come from the analytics store (analytics/store.ts), brought up to date
 * at each request; labels are in the viewer's language.
 */
import type {
  CardT,
  DashboardQueryT,
  DashboardT,
  DrillQueryT,
  IndicatorInputT,
  IndicatorT,
  ProgramSummaryT,
  TargetInputT,
} from '../../../common/contracts/impact';
import type { Locale } from '../../../common/i18n/locales';
import { type Dimension, type IndicatorRule, isPersonDimension, UNKNOWN } from '../../../common/impact';
import { vietnamDate } from '../../jobs';
import type { Actor } from '../../lib/actor';
import type { AppContext, RequestMeta } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { translate } from '../../lib/i18n';
import { insertAudit } from '../audit/repo';
import * as analyticsRepo from './analytics/repo';
import { analyticsFor } from './analytics/store';
import { builtinIndicators, programIndicatorSeeds } from './indicators/builtin';
import { cardDimensions, dashboardNumbers } from './indicators/dashboard';
import { bitsOf, dayOf, Evaluator, type Slice, ymdOfDay } from './indicators/evaluate';
import { isImpactStaff, policy, type ViewScope } from './policy';
import * as repo from './repo';

type Ctx = Pick<AppContext, 'db' | 'database'>;
type IndicatorRow = Awaited<ReturnType<typeof repo.listIndicators>>[number];

const nameIn = (row: { name_vi: string; name_en: string; name_ja: string }, locale: Locale) =>
  locale === 'en' ? row.name_en : locale === 'ja' ? row.name_ja : row.name_vi;

export function presentIndicator(row: IndicatorRow, locale: Locale): IndicatorT {
  const definitions = { vi: row.definition_vi, en: row.definition_en, ja: row.definition_ja };
  return {
    id: row.id,
    code: row.code,
    name: nameIn(row, locale),
    definition: definitions[locale],
    names: { vi: row.name_vi, en: row.name_en, ja: row.name_ja },
    definitions,
    unit: row.unit,
    rule: row.rule as IndicatorRule,
    disaggregations: row.disaggregations as Dimension[],
    builtin: row.builtin,
  };
}

/** Shipped indicators, and the seeded programs' indicator lists and targets. Idempotent, every start. */
export async function seedImpact(db: AppContext['db']) {
  const ids = new Map<string, string>();
  for (const seed of builtinIndicators)
    ids.set(seed.code, (await repo.upsertIndicator(db, seed, { builtin: true })).id);
  for (const [code, plan] of Object.entries(programIndicatorSeeds)) {
    const program = await repo.programByCode(db, code);
    if (!program) continue;
    let position = 0;
    for (const indicator of plan.indicators)
      await repo.linkProgramIndicator(db, program.id, ids.get(indicator)!, position++);
    for (const t of plan.targets) await repo.seedTarget(db, program.id, ids.get(t.indicator)!, t);
  }
}

async function summaryOf(
  ctx: Ctx,
  program: NonNullable<Awaited<ReturnType<typeof repo.programByCode>>>,
  locale: Locale,
) {
  const orgs = await repo.programOrganisations(ctx.db, program.id);
  const summary: ProgramSummaryT = {
    id: program.id,
    code: program.code,
    name: nameIn(program, locale),
    startsOn: program.starts_on,
    endsOn: program.ends_on,
    budget:
      program.budget_minor !== null && program.budget_currency
        ? { minor: String(program.budget_minor), currency: program.budget_currency }
        : null,
    donors: orgs.filter((o) => o.role === 'donor').map((o) => ({ id: o.id, name: o.name })),
    partners: orgs.filter((o) => o.role === 'partner').map((o) => ({ id: o.id, name: o.name })),
  };
  return { summary, links: orgs.map((o) => ({ organisationId: o.id, role: o.role })) };
}

export async function listPrograms(ctx: Ctx, actor: Actor, locale: Locale) {
  const items: ProgramSummaryT[] = [];
  for (const p of await repo.allPrograms(ctx.db)) {
    const { summary, links } = await summaryOf(ctx, p, locale);
    try {
      policy.viewProgram(actor, links);
      items.push(summary);
    } catch {
      // not this viewer's program
    }
  }
  if (items.length === 0 && !isImpactStaff(actor)) policy.viewProgram(actor, []);
  return { items };
}

async function openProgram(ctx: Ctx, actor: Actor, code: string, locale: Locale) {
  const program = await repo.programByCode(ctx.db, code);
  if (!program) throw notFound('program');
  const { summary, links } = await summaryOf(ctx, program, locale);
  const scope = policy.viewProgram(actor, links);
  return { program, summary, scope };
}

interface Period {
  from: string;
  to: string;
  year: number | null;
  quarter: number | null;
  years: number[];
}

function periodOf(
  program: { starts_on: string | null; ends_on: string | null },
  q: DashboardQueryT,
  today: string,
): Period {
  const start = program.starts_on ?? '2020-01-01';
  const end = program.ends_on && program.ends_on < today ? program.ends_on : today;
  const years: number[] = [];
  for (let y = Number(start.slice(0, 4)); y <= Number(end.slice(0, 4)); y++) years.push(y);
  if (q.quarter !== undefined && q.year === undefined)
    throw new AppError('VALIDATION_FAILED', { fields: { '/quarter': 'required' } });
  let from = start;
  let to = end;
  if (q.year !== undefined) {
    const [qs, qe] =
      q.quarter !== undefined
        ? [
            `${q.year}-${String(q.quarter * 3 - 2).padStart(2, '0')}-01`,
            `${q.year}-${String(q.quarter * 3).padStart(2, '0')}-${q.quarter === 1 || q.quarter === 4 ? 31 : 30}`,
          ]
        : [`${q.year}-01-01`, `${q.year}-12-31`];
    from = qs > start ? qs : start;
    to = qe < end ? qe : end;
  }
  return { from, to, year: q.year ?? null, quarter: q.quarter ?? null, years };
}

function label(
  locale: Locale,
  d: Dimension,
  key: string,
  names: { orgs: Map<string, string>; provinces: Map<string, string>; programs: Map<string, string> },
) {
  if (key === UNKNOWN) return translate(locale, 'impact.unknown');
  switch (d) {
    case 'sex':
    case 'age':
    case 'area':
      return translate(locale, `impact.${d}.${key}`);
    case 'partner':
      return names.orgs.get(key) ?? key;
    case 'province':
      return names.provinces.get(key) ?? key;
    case 'program':
      return names.programs.get(key) ?? key;
    default:
      return key;
  }
}

async function sliceFor(ctx: Ctx, programId: string, scope: ViewScope, q: DashboardQueryT, period: Period) {
  const store = await analyticsFor(ctx.db, { overlappingTransactions: ctx.database.kind === 'pg' });
  const st = store.structure;
  const partnerId = scope.partnerId ?? q.partner ?? null;
  const to = dayOf(period.to);
  const slice: Slice = {
    program: st.programIndex.get(programId) ?? -1,
    from: dayOf(period.from),
    to,
    partner: partnerId === null ? null : (st.orgIndex.get(partnerId) ?? -1),
    province: q.province ? (st.provinceIndex.get(q.province) ?? -1) : null,
    asOf: ymdOfDay(to),
  };
  return { store, slice, partnerId };
}

export async function dashboard(
  ctx: Ctx,
  actor: Actor,
  code: string,
  q: DashboardQueryT,
  locale: Locale,
): Promise<DashboardT> {
  const { program, summary, scope } = await openProgram(ctx, actor, code, locale);
  const period = periodOf(program, q, vietnamDate());
  const { store, slice, partnerId } = await sliceFor(ctx, program.id, scope, q, period);
  const indicators = await repo.programIndicators(ctx.db, program.id);
  const numbers = dashboardNumbers(
    store,
    slice,
    indicators.map((i) => ({
      code: i.code,
      rule: i.rule as IndicatorRule,
      disaggregations: i.disaggregations as Dimension[],
    })),
  );
  const [targets, manual, provinces, programs] = await Promise.all([
    repo.targetsOf(ctx.db, program.id),
    repo.approvedManual(
      ctx.db,
      program.id,
      { from: Number(period.from.slice(0, 4)), to: Number(period.to.slice(0, 4)) },
      period.quarter,
      partnerId,
    ),
    repo.provinceNames(ctx.db),
    repo.allPrograms(ctx.db),
  ]);
  const orgKeys = new Set<string>(partnerId ? [partnerId] : []);
  for (const n of numbers) for (const g of n.groups.partner ?? []) orgKeys.add(g.key);
  const names = {
    orgs: new Map(
      (
        await repo.organisationNames(
          ctx.db,
          [...orgKeys].filter((k) => k !== UNKNOWN),
        )
      ).map((o) => [o.id, o.name]),
    ),
    provinces: new Map(provinces.map((p) => [p.code, locale === 'vi' ? p.name : p.name_en])),
    programs: new Map(programs.map((p) => [p.code, nameIn(p, locale)])),
  };
  const cards: CardT[] = indicators.map((row, i) => {
    const n = numbers[i]!;
    const target = targets.find(
      (t) =>
        t.indicator_id === row.id &&
        t.dimension === null &&
        t.year === period.year &&
        t.quarter === period.quarter,
    );
    const targetValue = target ? Number(target.value) : null;
    const m = manual.find((x) => x.indicator_id === row.id);
    const dims = cardDimensions({
      code: row.code,
      rule: row.rule as IndicatorRule,
      disaggregations: row.disaggregations as Dimension[],
    });
    const labelled = (d: Dimension) =>
      (n.groups[d] ?? []).map((g) => ({ ...g, label: label(locale, d, g.key, names) }));
    return {
      indicator: presentIndicator(row, locale),
      value: n.value,
      ...(n.numerator !== undefined ? { numerator: n.numerator, denominator: n.denominator } : {}),
      target: targetValue,
      progress: targetValue && n.value !== null ? n.value / targetValue : null,
      manual: { approved: m ? Number(m.total) : 0, reports: m?.reports ?? 0 },
      breakdowns: dims
        .filter((d) => d !== 'quarter')
        .map((d) => ({ dimension: d, addsUp: isPersonDimension(d), groups: labelled(d) })),
      trend: labelled('quarter'),
    };
  });
  return {
    program: summary,
    period: { from: period.from, to: period.to, year: period.year, quarter: period.quarter },
    partner: partnerId ? { id: partnerId, name: names.orgs.get(partnerId) ?? '' } : null,
    province: q.province ?? null,
    years: period.years,
    provinces: provinces
      .map((p) => ({ code: p.code, name: locale === 'vi' ? p.name : p.name_en }))
      .sort((a, b) => a.name.localeCompare(b.name, locale)),
    cards,
    canDrill: scope.canDrill,
    canEditTargets: scope.canEditTargets,
    computedAt: new Date().toISOString(),
  };
}

/** The people behind one number of the dashboard (paged), written to the audit log. */
export async function drill(
  ctx: Ctx,
  actor: Actor,
  code: string,
  indicatorCode: string,
  q: DrillQueryT,
  locale: Locale,
  meta: RequestMeta,
) {
  const { program, scope } = await openProgram(ctx, actor, code, locale);
  if (!scope.canDrill) throw new AppError('FORBIDDEN', { message: 'donors see numbers, not people' });
  const indicator = (await repo.programIndicators(ctx.db, program.id)).find((i) => i.code === indicatorCode);
  if (!indicator) throw notFound('indicator');
  const period = periodOf(program, q, vietnamDate());
  const { store, slice } = await sliceFor(ctx, program.id, scope, q, period);
  const group = q.dimension && q.key !== undefined ? { dimension: q.dimension, key: q.key } : undefined;
  const bits = new Evaluator(store, slice).people(
    indicator.rule as IndicatorRule,
    q.part ?? 'numerator',
    group,
  );
  const numbers = [...bitsOf(bits)];
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const shown = numbers.slice((page - 1) * pageSize, page * pageSize);
  const rows = await analyticsRepo.peopleByNumbers(ctx.db, shown);
  const byNo = new Map(rows.map((r) => [r.person_no, r]));
  await insertAudit(ctx.db, {
    actorUserId: actor.userId,
    action: 'impact.people_viewed',
    entityType: 'program',
    entityId: program.id,
    details: { indicator: indicatorCode, ...q, shown: shown.length, total: numbers.length },
    ip: meta.ip ?? null,
  });
  return {
    items: shown
      .map((no) => byNo.get(no))
      .filter((r) => r !== undefined)
      .map((r) => ({
        id: r.id,
        fullName: r.full_name,
        sex: r.sex,
        birthYear: r.date_of_birth ? Number(String(r.date_of_birth).slice(0, 4)) : null,
        provinceCode: r.province_code,
        anonymised: r.anonymised_at !== null,
      })),
    total: numbers.length,
    page,
    pageSize,
  };
}

export async function setTarget(
  ctx: Ctx,
  actor: Actor,
  code: string,
  indicatorCode: string,
  input: TargetInputT,
  locale: Locale,
  meta: RequestMeta,
) {
  const { program, scope } = await openProgram(ctx, actor, code, locale);
  if (!scope.canEditTargets) throw new AppError('FORBIDDEN', { message: 'only NIC staff set targets' });
  if (input.quarter !== null && input.year === null)
    throw new AppError('VALIDATION_FAILED', { fields: { '/quarter': 'required' } });
  const indicator = await repo.findIndicator(ctx.db, indicatorCode);
  if (!indicator) throw notFound('indicator');
  return ctx.db.transaction().execute(async (trx) => {
    const before = await repo.setTarget(trx, {
      programId: program.id,
      indicatorId: indicator.id,
      year: input.year,
      quarter: input.quarter,
      value: input.value,
      userId: actor.userId,
    });
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'impact.target_set',
      entityType: 'program',
      entityId: program.id,
      details: {
        indicator: indicatorCode,
        year: input.year,
        quarter: input.quarter,
        before,
        after: input.value,
      },
      ip: meta.ip ?? null,
    });
    return { value: input.value };
  });
}

export async function listIndicators(ctx: Ctx, actor: Actor, locale: Locale) {
  policy.manageIndicators(actor);
  return { items: (await repo.listIndicators(ctx.db)).map((r) => presentIndicator(r, locale)) };
}

export async function createIndicator(
  ctx: Ctx,
  actor: Actor,
  input: IndicatorInputT,
  locale: Locale,
  meta: RequestMeta,
) {
  policy.manageIndicators(actor);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await repo.insertIndicator(
      trx,
      {
        code: input.code,
        name: input.names,
        definition: input.definitions,
        rule: input.rule,
        disaggregations: input.disaggregations,
      },
      actor.userId,
    );
    if (!row)
      throw new AppError('CONFLICT', { message: 'indicator code taken', fields: { '/code': 'taken' } });
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'impact.indicator_created',
      entityType: 'indicator',
      entityId: row.id,
      details: { code: input.code, rule: input.rule },
      ip: meta.ip ?? null,
    });
    return presentIndicator(row, locale);
  });
}

/** Adds an indicator to a program's dashboard (NIC staff). */
export async function addProgramIndicator(
  ctx: Ctx,
  actor: Actor,
  code: string,
  indicatorCode: string,
  locale: Locale,
  meta: RequestMeta,
) {
  policy.manageIndicators(actor);
  const { program } = await openProgram(ctx, actor, code, locale);
  const indicator = await repo.findIndicator(ctx.db, indicatorCode);
  if (!indicator) throw notFound('indicator');
  const position = (await repo.programIndicators(ctx.db, program.id)).length;
  await repo.linkProgramIndicator(ctx.db, program.id, indicator.id, position);
  await insertAudit(ctx.db, {
    actorUserId: actor.userId,
    action: 'impact.program_indicator_added',
    entityType: 'program',
    entityId: program.id,
    details: { indicator: indicatorCode },
    ip: meta.ip ?? null,
  });
  return presentIndicator(indicator, locale);
}

export { periodOf };
