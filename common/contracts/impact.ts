/** Impact monitoring: programs' dashboards, indicators as data, targets, drill-down, exports. */
import { type Static, Type } from 'typebox';
import {
  ageBands,
  areaValues,
  awardKinds,
  dimensions,
  indicatorSources,
  manualResultStatuses,
  sexValues,
} from '../impact';
import { DateTime, Nullable, Paged, PageQuery, Uuid } from './common';

const Code = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 60 });
const IndicatorCode = Type.String({ pattern: '^[A-Z][A-Z0-9_]{1,39}$' });
const Texts = Type.Object({
  vi: Type.String({ minLength: 1, maxLength: 200 }),
  en: Type.String({ minLength: 1, maxLength: 200 }),
  ja: Type.String({ minLength: 1, maxLength: 200 }),
});
const LongTexts = Type.Object({
  vi: Type.String({ maxLength: 2000 }),
  en: Type.String({ maxLength: 2000 }),
  ja: Type.String({ maxLength: 2000 }),
});
export const DimensionSchema = Type.Enum(dimensions);

export const PopulationSchema = Type.Object(
  {
    sources: Type.Array(Type.Enum(indicatorSources), {
      minItems: 1,
      maxItems: indicatorSources.length,
      uniqueItems: true,
    }),
    tot: Type.Optional(Type.Boolean()),
    taughtByCertifiedTrainer: Type.Optional(Type.Boolean()),
    jobCountry: Type.Optional(Type.Enum(['VN', 'JP'] as const)),
    withinDaysOfCompletion: Type.Optional(Type.Integer({ minimum: 1, maximum: 3660 })),
    awardKinds: Type.Optional(Type.Array(Type.Enum(awardKinds), { minItems: 1, uniqueItems: true })),
    person: Type.Optional(
      Type.Object(
        {
          sex: Type.Optional(Type.Array(Type.Enum(sexValues), { minItems: 1, uniqueItems: true })),
          area: Type.Optional(Type.Array(Type.Enum(areaValues), { minItems: 1, uniqueItems: true })),
          ageBand: Type.Optional(Type.Array(Type.Enum(ageBands), { minItems: 1, uniqueItems: true })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const IndicatorRuleSchema = Type.Union([
  Type.Object({ kind: Type.Literal('count'), population: PopulationSchema }, { additionalProperties: false }),
  Type.Object(
    { kind: Type.Literal('percent'), numerator: PopulationSchema, denominator: PopulationSchema },
    { additionalProperties: false },
  ),
]);

export const Indicator = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  definition: Type.String(),
  names: Texts,
  definitions: LongTexts,
  unit: Type.Enum(['count', 'percent'] as const),
  rule: IndicatorRuleSchema,
  disaggregations: Type.Array(DimensionSchema),
  builtin: Type.Boolean(),
});
export type IndicatorT = Static<typeof Indicator>;
export const IndicatorList = Type.Object({ items: Type.Array(Indicator) });

export const IndicatorInput = Type.Object(
  {
    code: IndicatorCode,
    names: Texts,
    definitions: LongTexts,
    rule: IndicatorRuleSchema,
    disaggregations: Type.Array(DimensionSchema, { uniqueItems: true }),
  },
  { additionalProperties: false },
);
export type IndicatorInputT = Static<typeof IndicatorInput>;

export const ProgramCodeParams = Type.Object({ code: Code });
export const IndicatorParams = Type.Object({ code: Code, indicator: IndicatorCode });

export const DashboardQuery = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  quarter: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
  partner: Type.Optional(Uuid),
  province: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
});
export type DashboardQueryT = Static<typeof DashboardQuery>;

export const Group = Type.Object({
  key: Type.String(),
  label: Type.String(),
  value: Type.Union([Type.Number(), Type.Null()]),
  numerator: Type.Optional(Type.Integer()),
  denominator: Type.Optional(Type.Integer()),
});
export type GroupT = Static<typeof Group>;

export const Breakdown = Type.Object({
  dimension: DimensionSchema,
  /** true: each person is in one group, the groups add up to the total; false: a person may be in several */
  addsUp: Type.Boolean(),
  groups: Type.Array(Group),
});

export const Card = Type.Object({
  indicator: Indicator,
  value: Type.Union([Type.Number(), Type.Null()]),
  numerator: Type.Optional(Type.Integer()),
  denominator: Type.Optional(Type.Integer()),
  target: Type.Union([Type.Number(), Type.Null()]),
  /** value / target, 0…(more than 1 when exceeded) */
  progress: Type.Union([Type.Number(), Type.Null()]),
  manual: Type.Object({ approved: Type.Number(), reports: Type.Integer() }),
  breakdowns: Type.Array(Breakdown),
  trend: Type.Array(Group),
});
export type CardT = Static<typeof Card>;

export const ProgramSummary = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  startsOn: Type.Union([Type.String(), Type.Null()]),
  endsOn: Type.Union([Type.String(), Type.Null()]),
  budget: Type.Union([Type.Object({ minor: Type.String(), currency: Type.String() }), Type.Null()]),
  donors: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
  partners: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
});
export type ProgramSummaryT = Static<typeof ProgramSummary>;
export const ImpactProgramList = Type.Object({ items: Type.Array(ProgramSummary) });

export const Dashboard = Type.Object({
  program: ProgramSummary,
  period: Type.Object({
    from: Type.String(),
    to: Type.String(),
    year: Type.Union([Type.Integer(), Type.Null()]),
    quarter: Type.Union([Type.Integer(), Type.Null()]),
  }),
  /** The organisation whose records alone are counted (a partner sees only its own). */
  partner: Type.Union([Type.Object({ id: Uuid, name: Type.String() }), Type.Null()]),
  province: Type.Union([Type.String(), Type.Null()]),
  years: Type.Array(Type.Integer()),
  provinces: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  cards: Type.Array(Card),
  /** may the viewer open the people behind a number */
  canDrill: Type.Boolean(),
  canEditTargets: Type.Boolean(),
  computedAt: Type.String(),
});
export type DashboardT = Static<typeof Dashboard>;

export const DrillQuery = Type.Object({
  ...DashboardQuery.properties,
  dimension: Type.Optional(DimensionSchema),
  key: Type.Optional(Type.String({ maxLength: 100 })),
  part: Type.Optional(Type.Enum(['numerator', 'denominator'] as const)),
  ...PageQuery,
});
export type DrillQueryT = Static<typeof DrillQuery>;

export const DrillPerson = Type.Object({
  id: Uuid,
  fullName: Type.String(),
  sex: Type.Union([Type.String(), Type.Null()]),
  birthYear: Type.Union([Type.Integer(), Type.Null()]),
  provinceCode: Type.Union([Type.String(), Type.Null()]),
  anonymised: Type.Boolean(),
});
export const DrillList = Paged(DrillPerson);

export const TargetInput = Type.Object(
  {
    year: Type.Union([Type.Integer({ minimum: 2000, maximum: 2100 }), Type.Null()]),
    quarter: Type.Union([Type.Integer({ minimum: 1, maximum: 4 }), Type.Null()]),
    /** null removes the target */
    value: Type.Union([Type.Number({ minimum: 0, maximum: 1e12 }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type TargetInputT = Static<typeof TargetInput>;
export const TargetSaved = Type.Object({ value: Type.Union([Type.Number(), Type.Null()]) });

export const ExportQuery = Type.Object({
  ...DashboardQuery.properties,
  format: Type.Enum(['xlsx', 'csv', 'pdf'] as const),
});
export type ExportQueryT = Static<typeof ExportQuery>;

/**
 * Manual results: numbers the platform cannot see (a partner's offline count), reported with a note
 * and evidence files, counted on the dashboard beside the platform's numbers once NIC staff approve
 * them (submitted → approved, or returned to be corrected and submitted again).
 */
export const ManualResultInput = Type.Object(
  {
    /** a count indicator on the program's dashboard */
    indicator: IndicatorCode,
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    quarter: Nullable(Type.Integer({ minimum: 1, maximum: 4 })),
    value: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
    /** what was counted, where and how: required */
    note: Type.String({ minLength: 1, maxLength: 2000 }),
    /** evidence: files the reporter uploaded (POST /api/files) or of the reporting organisation */
    fileIds: Type.Array(Uuid, { maxItems: 5, uniqueItems: true }),
    /**
     * The partner organisation whose result it is: a partner's administrator reports for their own
     * (asked only when they run several of the program's partners); NIC staff may name one of the
     * program's partners, or none.
     */
    organisationId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);
export type ManualResultInputT = Static<typeof ManualResultInput>;

export const ManualResultParams = Type.Object({ id: Uuid });
export const ManualResultQuery = Type.Object({
  status: Type.Optional(Type.Enum(manualResultStatuses)),
  ...PageQuery,
});
export type ManualResultQueryT = Static<typeof ManualResultQuery>;

export const ManualDecisionInput = Type.Object(
  {
    decision: Type.Enum(['approve', 'return'] as const),
    /** required to return: what to correct */
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type ManualDecisionInputT = Static<typeof ManualDecisionInput>;

export const ManualResult = Type.Object({
  id: Uuid,
  programCode: Type.String(),
  indicator: Type.Object({ code: Type.String(), name: Type.String() }),
  organisation: Nullable(Type.Object({ id: Uuid, name: Type.String() })),
  year: Type.Integer(),
  quarter: Nullable(Type.Integer()),
  value: Type.Number(),
  note: Type.String(),
  status: Type.Enum(manualResultStatuses),
  submittedBy: Nullable(Type.String()),
  submittedAt: DateTime,
  decidedBy: Nullable(Type.String()),
  decidedAt: Nullable(DateTime),
  /** why it was returned (kept when it is submitted again), or the approver's remark */
  decisionNote: Type.String(),
  /** evidence (not shown to donors: it may name people) */
  files: Type.Array(Type.Object({ id: Uuid, filename: Type.String(), sizeBytes: Type.Integer() })),
  /** the viewer may correct and submit it again (its reporter, once returned) */
  canEdit: Type.Boolean(),
  /** the viewer may approve or return it (NIC staff, while submitted) */
  canDecide: Type.Boolean(),
});
export type ManualResultT = Static<typeof ManualResult>;

export const ManualResultList = Type.Object({
  ...Paged(ManualResult).properties,
  /** the viewer may report manual results for this program */
  canSubmit: Type.Boolean(),
  /** the organisations the viewer may report for (a partner: its own; NIC staff: the program's partners) */
  organisations: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
});
export type ManualResultListT = Static<typeof ManualResultList>;
