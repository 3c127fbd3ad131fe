/**
 * Impact monitoring's vocabulary as plain values (no schema library), shared by the contracts, the
 * indicator engine and the web: the building blocks an indicator's rule is made of, the
 * disaggregations, age bands and periods.
 *
 * An indicator is data: a rule over platform records. A count rule counts the unique people of one
 * population; a percent rule gives the share of a denominator population's people who are also in a
 * numerator population. A population is the union of its sources' records that fall in the period,
 * belong to the program, and pass the population's filters; a person is counted once however many of
 * their records qualify.
 */

/**
 * The records a population is made of, with the date that places each in a period:
 * - `enrolled`: an enrolment in a cohort of the program's courses (date: enrolled; waitlisted excluded);
 * - `completed`: an enrolment completed (date: completion);
 * - `certified_trainer`: a trainer certified by a training-of-trainers course of the program (date:
 *   certification);
 * - `attended`: a participant checked in at an event of the program (date: check-in);
 * - `hired`: an application moved to hired (date: hire), within `withinDaysOfCompletion` days (365 by
 *   default) after the person completed a course of the program;
 * - `awarded`: a scholarship awarded under the program (date: award).
 */
export const indicatorSources = [
  'enrolled',
  'completed',
  'certified_trainer',
  'attended',
  'hired',
  'awarded',
] as const;
export type IndicatorSource = (typeof indicatorSources)[number];

export const sexValues = ['F', 'M', 'X'] as const;
export type Sex = (typeof sexValues)[number];
export const areaValues = ['urban', 'rural'] as const;
export type Area = (typeof areaValues)[number];

/** Age at the end of the period (or today, when the period has not ended). */
export const ageBands = ['under_18', '18_24', '25_34', '35_44', '45_54', '55_plus'] as const;
export type AgeBand = (typeof ageBands)[number];
export const ageBandOf = (age: number): AgeBand =>
  age < 18
    ? 'under_18'
    : age < 25
      ? '18_24'
      : age < 35
        ? '25_34'
        : age < 45
          ? '35_44'
          : age < 55
            ? '45_54'
            : '55_plus';

export const awardKinds = ['masters', 'doctoral', 'other'] as const;
export type AwardKind = (typeof awardKinds)[number];

export interface PersonFilter {
  sex?: Sex[];
  area?: Area[];
  ageBand?: AgeBand[];
}

export interface Population {
  sources: IndicatorSource[];
  /** enrolled/completed: only training-of-trainers courses (true) or only other courses (false). */
  tot?: boolean;
  /**
   * enrolled/completed: only cohorts one of whose trainers was certified by a training-of-trainers
   * course of the program on or before the record's date. The program is then the trainer's: the
   * learners of any course those trainers teach count (the indirect beneficiaries of the program).
   */
  taughtByCertifiedTrainer?: boolean;
  /** hired: only jobs in this country (JP: workers going to Japan). */
  jobCountry?: 'VN' | 'JP';
  /** hired: days after a completion in the program within which a hire counts (365 by default). */
  withinDaysOfCompletion?: number;
  /** awarded: only these kinds of scholarship. */
  awardKinds?: AwardKind[];
  /** Only people with these attributes. */
  person?: PersonFilter;
}

export type IndicatorRule =
  | { kind: 'count'; population: Population }
  | { kind: 'percent'; numerator: Population; denominator: Population };

export const unitOf = (rule: IndicatorRule) => (rule.kind === 'count' ? 'count' : 'percent');

/**
 * What a number can be broken down by. `sex`, `age`, `area` and `province` are the person's (each
 * person in exactly one group, so the groups add up to the total); `partner`, `program` and
 * `quarter` are the records' (a person trained by two partners is in both partners' rows, so those
 * rows do not add up to the total of unique people).
 */
export const dimensions = ['sex', 'age', 'area', 'province', 'partner', 'program', 'quarter'] as const;
export type Dimension = (typeof dimensions)[number];
export const personDimensions: readonly Dimension[] = ['sex', 'age', 'area', 'province'];
export const isPersonDimension = (d: Dimension) => personDimensions.includes(d);

/** The group of records or people whose dimension value is not known. */
export const UNKNOWN = 'unknown';

export const manualResultStatuses = ['submitted', 'approved', 'returned'] as const;
export type ManualResultStatus = (typeof manualResultStatuses)[number];

/** `2024-Q3` */
export const quarterKey = (year: number, quarter: number) => `${year}-Q${quarter}`;
