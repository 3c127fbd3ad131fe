/** The talent side's API: ESCO occupations and the skills they need (reference data, public). */
import { type Static, Type } from 'typebox';
import {
  applicationStatuses,
  currencies,
  jlptLevels,
  jobCountries,
  PROFICIENCY_MAX,
  PROFICIENCY_MIN,
  skillCategories,
  skillSources,
  sswFields,
  visaTracks,
} from '../talent';
import { DateTime, IsoDate, LocaleSchema, Nullable, Paged, PageQuery, Uuid } from './common';

/** The last part of an ESCO concept URI (…/esco/occupation/<id>). */
export const EscoId = Type.String({ pattern: '^[0-9a-f-]{36}$' });

export const OccupationListQuery = Type.Object({
  /** Words of the occupation's name, any accents or case. */
  q: Type.Optional(Type.String({ maxLength: 100 })),
  /** An ISCO-08 unit group (4 digits), e.g. 8212. */
  isco: Type.Optional(Type.String({ pattern: '^[0-9]{1,4}$' })),
  ...PageQuery,
});

export const OccupationSummary = Type.Object({
  id: EscoId,
  uri: Type.String(),
  label: Type.String(),
  iscoGroup: Type.String(),
  essentialSkills: Type.Integer(),
  optionalSkills: Type.Integer(),
});
export const OccupationList = Paged(OccupationSummary);

export const EscoSkill = Type.Object({
  uri: Type.String(),
  label: Type.String(),
  skillType: Type.Union([Type.String(), Type.Null()]),
});

export const OccupationParams = Type.Object({ id: EscoId });
export const OccupationProfile = Type.Object({
  id: EscoId,
  uri: Type.String(),
  label: Type.String(),
  iscoGroup: Type.String(),
  code: Type.Union([Type.String(), Type.Null()]),
  description: Type.String(),
  altLabels: Type.Array(Type.String()),
  essential: Type.Array(EscoSkill),
  optional: Type.Array(EscoSkill),
});
export type OccupationProfileT = Static<typeof OccupationProfile>;

// ── The 4IR skills taxonomy ──────────────────────────────────────────────────────────────────────

export const SkillId = Type.String({ pattern: '^[a-z0-9]+(\\.[a-z0-9-]+)+$', maxLength: 80 });
export const SkillCategorySchema = Type.Enum(skillCategories);
export const Proficiency = Type.Integer({ minimum: PROFICIENCY_MIN, maximum: PROFICIENCY_MAX });
const Names = Type.Object({ vi: Type.String(), en: Type.String(), ja: Type.String() });

export const SkillListQuery = Type.Object({
  /** Words of a skill's name in any of the three languages: any accents or case, small typos forgiven. */
  q: Type.Optional(Type.String({ maxLength: 100 })),
  category: Type.Optional(SkillCategorySchema),
  ...PageQuery,
});

export const SkillSummary = Type.Object({
  id: SkillId,
  category: SkillCategorySchema,
  /** In the reader's language. */
  name: Type.String(),
  names: Names,
  escoUri: Nullable(Type.String()),
});
export type SkillSummaryT = Static<typeof SkillSummary>;
export const SkillList = Paged(SkillSummary);

export const SkillParams = Type.Object({ id: SkillId });
export const SkillDetail = Type.Object({
  ...SkillSummary.properties,
  definition: Type.String(),
  definitions: Names,
  related: Type.Array(SkillSummary),
  /** Published courses that teach it. */
  courses: Type.Array(Type.Object({ id: Uuid, slug: Type.String(), title: Type.String() })),
});

// ── Profiles ─────────────────────────────────────────────────────────────────────────────────────

export const JlptSchema = Type.Enum(jlptLevels);
const Text = (max: number) => Type.String({ maxLength: max });

export const Education = Type.Object({
  school: Text(200),
  degree: Text(200),
  year: Nullable(Type.Integer({ minimum: 1950, maximum: 2100 })),
});
export const Experience = Type.Object({
  employer: Text(200),
  title: Text(200),
  from: Nullable(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$' })),
  to: Nullable(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$' })),
});
export const LanguageSkill = Type.Object({ language: Text(60), level: Text(60) });

export const ProfileSkill = Type.Object({
  skillId: SkillId,
  name: Type.String(),
  level: Proficiency,
  source: Type.Enum(skillSources),
  /** `certificate` or `assessment`. */
  verified: Type.Boolean(),
  /** The course whose certificate shows it, for a verified skill. */
  course: Nullable(Type.Object({ id: Uuid, slug: Type.String(), title: Type.String() })),
});
export type ProfileSkillT = Static<typeof ProfileSkill>;

export const TalentProfile = Type.Object({
  personId: Uuid,
  displayName: Type.String(),
  headline: Type.String(),
  provinceCode: Nullable(Type.String()),
  relocate: Type.Boolean(),
  workInJapan: Type.Boolean(),
  jlpt: Nullable(JlptSchema),
  jftBasic: Type.Boolean(),
  education: Type.Array(Education),
  experience: Type.Array(Experience),
  languages: Type.Array(LanguageSkill),
  cv: Nullable(Type.Object({ fileId: Uuid, filename: Type.String() })),
  skills: Type.Array(ProfileSkill),
  /** Who may find the profile, from the person's consents (privacy page). */
  visibility: Type.Object({
    jobMatching: Type.Boolean(),
    employersVn: Type.Boolean(),
    employersJp: Type.Boolean(),
  }),
  updatedAt: Nullable(DateTime),
});
export type TalentProfileT = Static<typeof TalentProfile>;

export const TalentProfileInput = Type.Object({
  headline: Text(200),
  provinceCode: Nullable(Type.String({ pattern: '^[0-9]{2}$' })),
  relocate: Type.Boolean(),
  workInJapan: Type.Boolean(),
  jlpt: Nullable(JlptSchema),
  jftBasic: Type.Boolean(),
  education: Type.Array(Education, { maxItems: 20 }),
  experience: Type.Array(Experience, { maxItems: 30 }),
  languages: Type.Array(LanguageSkill, { maxItems: 20 }),
  cvFileId: Nullable(Uuid),
  /** The declared skills; verified ones come from certificates and are not edited here. */
  skills: Type.Array(Type.Object({ skillId: SkillId, level: Proficiency }), { maxItems: 100 }),
});
export type TalentProfileInputT = Static<typeof TalentProfileInput>;

// ── Jobs ─────────────────────────────────────────────────────────────────────────────────────────

export const JobParams = Type.Object({ id: Uuid });
export const JobSkillInput = Type.Object({ skillId: SkillId, level: Proficiency, required: Type.Boolean() });

export const JobInput = Type.Object({
  organisationId: Uuid,
  title: Type.String({ minLength: 3, maxLength: 200 }),
  description: Type.String({ maxLength: 20_000 }),
  /** The language title and description are written in. */
  language: LocaleSchema,
  /** The same in other languages. */
  translations: Type.Optional(
    Type.Record(
      Type.String({ pattern: '^(vi|en|ja)$' }),
      Type.Object({
        title: Type.String({ minLength: 3, maxLength: 200 }),
        description: Type.String({ maxLength: 20_000 }),
      }),
    ),
  ),
  country: Type.Enum(jobCountries),
  /** For a job in Viet Nam: the province's code. */
  provinceCode: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{2}$' }))),
  /** For a job in Japan: the prefecture's JIS code (01–47). */
  prefecture: Type.Optional(Nullable(Type.String({ pattern: '^[0-9]{2}$' }))),
  jlptMin: Type.Optional(Nullable(JlptSchema)),
  visaTrack: Type.Optional(Nullable(Type.Enum(visaTracks))),
  sswField: Type.Optional(Nullable(Type.Enum(sswFields))),
  /** Monthly, in whole units of `currency`. */
  salaryMin: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
  salaryMax: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))),
  currency: Type.Enum(currencies),
  closesOn: IsoDate,
  skills: Type.Array(JobSkillInput, { minItems: 1, maxItems: 30 }),
});
export type JobInputT = Static<typeof JobInput>;

export const JobUpdate = Type.Object({ status: Type.Literal('closed') });

export const EmployerRef = Type.Object({
  id: Uuid,
  slug: Type.String(),
  name: Type.String(),
  country: Type.String(),
  verified: Type.Boolean(),
});

export const JobSkill = Type.Object({
  skillId: SkillId,
  name: Type.String(),
  level: Proficiency,
  required: Type.Boolean(),
});

export const JobSummary = Type.Object({
  id: Uuid,
  title: Type.String(),
  /** The language `title` is in: the reader's when translated. */
  language: LocaleSchema,
  employer: EmployerRef,
  country: Type.Enum(jobCountries),
  province: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  prefecture: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  jlptMin: Nullable(JlptSchema),
  visaTrack: Nullable(Type.Enum(visaTracks)),
  sswField: Nullable(Type.Enum(sswFields)),
  salaryMin: Nullable(Type.Integer()),
  salaryMax: Nullable(Type.Integer()),
  currency: Type.Enum(currencies),
  closesOn: IsoDate,
  /** `closed` once the closing date has passed or the employer closed it. */
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  requiredSkills: Type.Integer(),
  createdAt: DateTime,
});
export type JobSummaryT = Static<typeof JobSummary>;

export const JobDetail = Type.Object({
  ...JobSummary.properties,
  description: Type.String(),
  languages: Type.Array(LocaleSchema),
  skills: Type.Array(JobSkill),
  /** Applications so far: only for the employer's own staff, else null. */
  applications: Nullable(Type.Integer()),
});
export type JobDetailT = Static<typeof JobDetail>;

export const jobSorts = ['-createdAt', 'closesOn', 'title'] as const;
export const JobListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  country: Type.Optional(Type.Enum(jobCountries)),
  province: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
  prefecture: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
  skill: Type.Optional(SkillId),
  /** One employer's jobs; its own staff also see closed ones with `status=all`. */
  employer: Type.Optional(Uuid),
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('all')])),
  sort: Type.Optional(Type.Enum(jobSorts)),
  ...PageQuery,
});
export const JobList = Paged(JobSummary);

// ── Matching ─────────────────────────────────────────────────────────────────────────────────────

/** What a match lacks: a skill (or a higher level of one) or a Japanese level. */
export const Gap = Type.Union([
  Type.Object({
    kind: Type.Literal('skill'),
    skillId: SkillId,
    name: Type.String(),
    level: Proficiency,
    /** The level the person has, if lower than asked. */
    has: Nullable(Proficiency),
    required: Type.Boolean(),
  }),
  Type.Object({ kind: Type.Literal('jlpt'), level: JlptSchema, has: Nullable(JlptSchema) }),
]);
export type GapT = Static<typeof Gap>;

export const Explanation = Type.Object({
  /** 0–100. */
  score: Type.Integer({ minimum: 0, maximum: 100 }),
  requiredMet: Type.Integer(),
  requiredTotal: Type.Integer(),
  matched: Type.Array(
    Type.Object({
      skillId: SkillId,
      name: Type.String(),
      level: Proficiency,
      verified: Type.Boolean(),
      required: Type.Boolean(),
    }),
  ),
  missing: Type.Array(Gap),
  /** The same in words, in the reader's language: "7 of 9 required skills; missing: …". */
  reason: Type.String(),
});
export type ExplanationT = Static<typeof Explanation>;

export const CourseSuggestion = Type.Object({
  id: Uuid,
  slug: Type.String(),
  title: Type.String(),
  deliveryMode: Type.String(),
  province: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  /** Online, or in the learner's province. */
  near: Type.Boolean(),
  /** The missing skills it teaches. */
  closes: Type.Array(Type.Object({ skillId: SkillId, name: Type.String() })),
});
export type CourseSuggestionT = Static<typeof CourseSuggestion>;

export const JobMatch = Type.Object({
  job: JobSummary,
  explanation: Explanation,
  /**
   * How the list is ordered: the fit both ways, 0–100 — the geometric mean of the share of the job's
   * asks met (the explanation's score) and the share of the learner's skills the job asks for.
   */
  fit: Type.Integer({ minimum: 0, maximum: 100 }),
  /** How many of the learner's skills the job asks for, of how many the learner holds. */
  yourSkillsUsed: Type.Integer({ minimum: 0 }),
  yourSkills: Type.Integer({ minimum: 0 }),
});
export const JobMatches = Type.Object({
  items: Type.Array(JobMatch),
  /** False when the profile has no skills yet: the list is then empty and the page says why. */
  hasSkills: Type.Boolean(),
});
export const JobMatchQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
});

/** One job against the signed-in learner: the explanation, the courses that close the gap, their application. */
export const MyJobFit = Type.Object({
  explanation: Explanation,
  courses: Type.Array(CourseSuggestion),
  application: Nullable(Type.Object({ id: Uuid, status: Type.Enum(applicationStatuses) })),
  /** Why the learner cannot apply yet (a consent missing), or null. */
  blockedBy: Nullable(
    Type.Union([
      Type.Literal('no_profile'),
      Type.Literal('consent_employers_vn'),
      Type.Literal('consent_employers_jp'),
      Type.Literal('closed'),
    ]),
  ),
});

export const CandidatePerson = Type.Object({
  personId: Uuid,
  displayName: Type.String(),
  headline: Type.String(),
  province: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  jlpt: Nullable(JlptSchema),
});
export const Candidate = Type.Object({
  person: CandidatePerson,
  explanation: Explanation,
  applicationId: Nullable(Uuid),
});
export const CandidateList = Type.Object({ items: Type.Array(Candidate) });
export const CandidateQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
});

// ── Applications ─────────────────────────────────────────────────────────────────────────────────

export const ApplicationStatusSchema = Type.Enum(applicationStatuses);
export const ApplicationParams = Type.Object({ id: Uuid });
export const ApplyBody = Type.Object({ note: Type.Optional(Type.String({ maxLength: 2000 })) });
export const MoveApplicationBody = Type.Object({
  status: ApplicationStatusSchema,
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});

export const ApplicationStep = Type.Object({ status: ApplicationStatusSchema, at: DateTime });
export const MyApplication = Type.Object({
  id: Uuid,
  job: JobSummary,
  status: ApplicationStatusSchema,
  createdAt: DateTime,
  updatedAt: DateTime,
  history: Type.Array(ApplicationStep),
});
export const MyApplications = Type.Object({ items: Type.Array(MyApplication) });

export const JobApplication = Type.Object({
  id: Uuid,
  person: CandidatePerson,
  status: ApplicationStatusSchema,
  note: Type.String(),
  explanation: Explanation,
  /** Where the employer may move it next. */
  moves: Type.Array(ApplicationStatusSchema),
  createdAt: DateTime,
  updatedAt: DateTime,
  history: Type.Array(ApplicationStep),
});
export type JobApplicationT = Static<typeof JobApplication>;
export const JobApplications = Type.Object({ items: Type.Array(JobApplication) });

// ── One search over courses, jobs, skills and occupations ───────────────────────────────────────

export const searchTypes = ['course', 'job', 'skill', 'occupation'] as const;
export const SearchTypeSchema = Type.Enum(searchTypes);
export const SearchQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 100 }),
  /** Only this kind, paged; without it, the best few of each kind. */
  type: Type.Optional(SearchTypeSchema),
  /** Jobs in this country. */
  country: Type.Optional(Type.Enum(jobCountries)),
  /** Jobs in this province, courses taught there or online. */
  province: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
  ...PageQuery,
});
export const SearchHit = Type.Object({
  type: SearchTypeSchema,
  id: Type.String(),
  title: Type.String(),
  /** The language `title` is in (ESCO occupations are in English). */
  language: LocaleSchema,
  /** A second line: the employer and place of a job, the organisation of a course, a skill's category. */
  subtitle: Type.String(),
  /** The page of the result in the web app. */
  path: Type.String(),
  /** Where the query's words are in `title`: [start, end) character ranges, to highlight. */
  highlights: Type.Array(Type.Tuple([Type.Integer(), Type.Integer()])),
});
export type SearchHitT = Static<typeof SearchHit>;
export const SearchGroup = Type.Object({
  type: SearchTypeSchema,
  /** Matches in all; counting stops at 1,000 (then `capped`). */
  total: Type.Integer(),
  capped: Type.Boolean(),
  items: Type.Array(SearchHit),
});
export const SearchResult = Type.Object({
  q: Type.String(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  groups: Type.Array(SearchGroup),
});

// ── Career pathways ──────────────────────────────────────────────────────────────────────────────

export const PathwaySummary = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  summary: Type.String(),
  /** The ESCO occupation it aims at; null until the ESCO release is imported. */
  occupation: Nullable(
    Type.Object({
      id: EscoId,
      label: Type.String(),
      iscoGroup: Type.String(),
      essentialSkills: Type.Integer(),
    }),
  ),
  skills: Type.Integer(),
  jlpt: Nullable(JlptSchema),
});
export const PathwayList = Type.Object({ items: Type.Array(PathwaySummary) });
export const PathwayParams = Type.Object({ slug: Type.String({ pattern: '^[a-z0-9-]{2,60}$' }) });
export const PathwayDetail = Type.Object({
  ...PathwaySummary.properties,
  /** The skills the pathway asks, and the level the signed-in learner has of each. */
  profile: Type.Array(
    Type.Object({
      skillId: SkillId,
      name: Type.String(),
      level: Proficiency,
      has: Nullable(Proficiency),
      verified: Type.Boolean(),
    }),
  ),
  signedIn: Type.Boolean(),
  explanation: Explanation,
  courses: Type.Array(CourseSuggestion),
});

// ── Labour market ──
const Count = Type.Integer({ minimum: 0 });
export const LabourMarket = Type.Object({
  /** The day (Vietnam's calendar) the jobs were counted as open. */
  asOf: IsoDate,
  jobs: Type.Object({ open: Count, vn: Count, jp: Count, employers: Count }),
  /** People holding at least one verified skill (from a certificate or an assessment). */
  verifiedPeople: Count,
  /** Skills with demand or supply, most in demand first. */
  skills: Type.Array(
    Type.Object({
      skillId: SkillId,
      name: Type.String(),
      category: SkillCategorySchema,
      /** Open jobs that require the skill. */
      required: Count,
      /** Open jobs that would like it. */
      optional: Count,
      verifiedPeople: Count,
    }),
  ),
  provinces: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), jobs: Count })),
  prefectures: Type.Array(Type.Object({ code: Type.String(), name: Type.String(), jobs: Count })),
  semiconductor: Type.Object({
    target: Count,
    targetYear: Type.Integer(),
    /** People with a semiconductor skill from an unrevoked certificate issued here. */
    trained: Count,
    byYear: Type.Array(Type.Object({ year: Type.Integer(), people: Count, cumulative: Count })),
  }),
});
export type LabourMarketT = Static<typeof LabourMarket>;
