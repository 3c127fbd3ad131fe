/**
 * The people registry's staff views: the list of people and the person page. The API contract of
 * server/modules/registry/people. Who sees whom, and which fields, is decided on the server
 * (registry/people/policy.ts, common/domain.ts `sensitiveFieldReaders`); the answer says what was
 * withheld (`hiddenFields`) so a page can say so instead of showing an empty value.
 */
import { type Static, Type } from 'typebox';
import { personSorts, sensitiveFields } from '../domain';
import { Paged, PageQuery, Uuid } from './common';
import { credentialStatuses } from './credentials';
import { EnrolmentStatusSchema } from './enrolment';
import { ConsentState } from './privacy';

export { personSorts, sensitiveFields } from '../domain';

const DateTime = Type.String({ format: 'date-time' });
const Nullable = <T extends import('typebox').TSchema>(t: T) => Type.Union([t, Type.Null()]);

/** Fields a reader may be refused on a person page: the national ID, and every sensitive field. */
export const restrictedPersonFields = ['nationalId', ...sensitiveFields] as const;

export const PersonListQuery = Type.Object({
  /** Any part of the name, with or without accents, words in any order ("nguyen lan" finds Nguyễn Thị Lan). */
  q: Type.Optional(Type.String({ maxLength: 100 })),
  /** People this organisation knows (it imported or enrolled them). A partner can only narrow its own. */
  organisationId: Type.Optional(Uuid),
  provinceCode: Type.Optional(Type.String({ pattern: '^[0-9]{2}$' })),
  sort: Type.Optional(Type.Enum(personSorts)),
  ...PageQuery,
});

const OrganisationRef = Type.Object({ id: Uuid, name: Type.String() });
const Place = Type.Object({ code: Type.String(), name: Type.String() });
const Sex = Nullable(Type.Enum(['F', 'M', 'X'] as const));

export const PersonSummary = Type.Object({
  id: Uuid,
  fullName: Type.String(),
  sex: Sex,
  /** YYYY-MM-DD. */
  dateOfBirth: Nullable(Type.String()),
  province: Nullable(Place),
  /** The organisations that know the person, among those the reader may see. */
  organisations: Type.Array(OrganisationRef),
  hasAccount: Type.Boolean(),
  createdAt: DateTime,
});
export type PersonSummaryT = Static<typeof PersonSummary>;
export const PersonList = Paged(PersonSummary);
export type PersonListT = Static<typeof PersonList>;

export const PersonParams = Type.Object({ id: Uuid });

export const PersonEnrolment = Type.Object({
  id: Uuid,
  /** The course title in the reader's language. */
  course: Type.String(),
  cohortId: Uuid,
  cohortCode: Type.String(),
  cohortName: Type.String(),
  organisation: OrganisationRef,
  status: EnrolmentStatusSchema,
  source: Type.Enum(['self', 'admin', 'roster'] as const),
  enrolledAt: DateTime,
  completedAt: Nullable(DateTime),
  endedAt: Nullable(DateTime),
});

export const PersonCertificate = Type.Object({
  id: Uuid,
  course: Type.String(),
  issuer: OrganisationRef,
  issuedAt: DateTime,
  validUntil: Nullable(DateTime),
  status: Type.Enum(credentialStatuses),
  revokedAt: Nullable(DateTime),
});

/** A participation in an event (events/): registered ahead or walked in; attended when checked in. */
export const PersonEvent = Type.Object({
  id: Uuid,
  eventId: Uuid,
  /** In the reader's language when translated. */
  title: Type.String(),
  organisation: OrganisationRef,
  startsAt: DateTime,
  online: Type.Boolean(),
  province: Nullable(Type.String()),
  walkIn: Type.Boolean(),
  registeredAt: DateTime,
  checkedInAt: Nullable(DateTime),
});

export const PersonConsent = Type.Object({
  ...ConsentState.properties,
  /** Who recorded the choice in force: the person, or staff from a signed form; null when none. */
  source: Nullable(Type.Enum(['self', 'staff'] as const)),
});

/** A merge this record took part in: another record folded into it, or it into another. */
export const PersonMerge = Type.Object({
  id: Uuid,
  survivorId: Uuid,
  mergedId: Uuid,
  mergedAt: DateTime,
  undoneAt: Nullable(DateTime),
});

/** One read of this person page (audit action person.viewed). */
export const PersonRead = Type.Object({
  at: DateTime,
  actorName: Nullable(Type.String()),
  actorEmail: Nullable(Type.String()),
  /** The restricted fields that read showed. */
  fieldsShown: Type.Array(Type.String()),
});

export const PersonPage = Type.Object({
  merged: Type.Literal(false),
  id: Uuid,
  fullName: Type.String(),
  sex: Sex,
  dateOfBirth: Nullable(Type.String()),
  province: Nullable(Place),
  commune: Nullable(Place),
  phone: Nullable(Type.String()),
  email: Nullable(Type.String()),
  /** The CCCD with every digit but the last three masked ("*********345"); null when none is held or withheld. */
  nationalId: Nullable(Type.String()),
  /** Present only for the roles of `sensitiveFieldReaders.disability`; null when not known. */
  disability: Type.Optional(Nullable(Type.Boolean())),
  /** The restricted fields this reader was not shown. */
  hiddenFields: Type.Array(Type.Enum(restrictedPersonFields)),
  /** `all`: NIC staff see every partner's records; `organisation`: only the reader's organisations'. */
  scope: Type.Enum(['all', 'organisation'] as const),
  hasAccount: Type.Boolean(),
  anonymisedAt: Nullable(DateTime),
  createdAt: DateTime,
  updatedAt: DateTime,
  organisations: Type.Array(OrganisationRef),
  enrolments: Type.Array(PersonEnrolment),
  certificates: Type.Array(PersonCertificate),
  /** Events organised by an organisation within the reader's scope, newest first. */
  events: Type.Array(PersonEvent),
  /** The choice in force per purpose, with its wording version and time. */
  consents: Type.Array(PersonConsent),
  /** NIC staff only (empty for partners). */
  merges: Type.Array(PersonMerge),
  /** The latest reads of this page, this one included; NIC staff only. */
  recentReads: Type.Optional(Type.Array(PersonRead)),
});
export type PersonPageT = Static<typeof PersonPage>;

/** A record merged into another: the page to read is the survivor's. */
export const MergedPerson = Type.Object({
  merged: Type.Literal(true),
  id: Uuid,
  mergedInto: Uuid,
});
export type MergedPersonT = Static<typeof MergedPerson>;

export const PersonPageResponse = Type.Union([PersonPage, MergedPerson]);
export type PersonPageResponseT = Static<typeof PersonPageResponse>;
