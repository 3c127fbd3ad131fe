/**
 * Events and outreach: the API contract of server/modules/events. Anyone reads open events and
 * registers (signed-in learners with their own person, visitors with their details, matched against
 * the registry); the organiser's staff see participants, check them in by QR code or short code and
 * add walk-ins; NIC staff and the organiser's partner admin create and edit events.
 */
import { type Static, Type } from 'typebox';
import {
  eventSorts,
  eventStatuses,
  eventTopics,
  eventWhens,
  participantSorts,
  participantStates,
} from '../events';
import { DateTime, IsoDate, LocaleSchema, Nullable, Paged, PageQuery, Uuid } from './common';

const ProvinceCode = Type.String({ pattern: '^[0-9]{2}$' });
const Title = Type.String({ minLength: 3, maxLength: 200 });
const Description = Type.String({ maxLength: 5000 });

export const EventTopicSchema = Type.Enum(eventTopics);
export const EventStatusSchema = Type.Enum(eventStatuses);

export const EventParams = Type.Object({ id: Uuid });
export const ParticipantParams = Type.Object({ id: Uuid, participantId: Uuid });
/** The secret of a registration's QR code (base64url of 128 bits). */
export const CheckInTokenParams = Type.Object({
  token: Type.String({ pattern: '^[A-Za-z0-9_-]{22}$' }),
});

const Translations = Type.Partial(
  Type.Object({
    vi: Type.Object({ title: Title, description: Type.Optional(Description) }),
    en: Type.Object({ title: Title, description: Type.Optional(Description) }),
    ja: Type.Object({ title: Title, description: Type.Optional(Description) }),
  }),
);

export const EventCounts = Type.Object({
  /** Every participation, walk-ins included. */
  registered: Type.Integer(),
  /** Attendance: participations checked in. */
  checkedIn: Type.Integer(),
  walkIns: Type.Integer(),
  capacity: Nullable(Type.Integer()),
  /** Seats left for registration (capacity − registered, never below 0); null without a limit. */
  capacityLeft: Nullable(Type.Integer()),
});
export type EventCountsT = Static<typeof EventCounts>;

/** What anyone sees of an event: no names, no participants. */
export const PublicEvent = Type.Object({
  id: Uuid,
  /** In the reader's language when translated, otherwise in the event's own language. */
  title: Type.String(),
  description: Type.String(),
  /** The language the title and description above are written in. */
  shownLanguage: LocaleSchema,
  topic: EventTopicSchema,
  program: Nullable(Type.Object({ id: Uuid, code: Type.String(), name: Type.String() })),
  organisation: Type.Object({ id: Uuid, name: Type.String() }),
  startsAt: DateTime,
  endsAt: DateTime,
  online: Type.Boolean(),
  province: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
  location: Nullable(Type.String()),
  capacity: Nullable(Type.Integer()),
  /** Null without a limit; 0 when full. */
  seatsLeft: Nullable(Type.Integer()),
  status: EventStatusSchema,
  /** Open, not ended, and not full: the registration form is offered. */
  registrationOpen: Type.Boolean(),
});
export type PublicEventT = Static<typeof PublicEvent>;
export const PublicEventList = Paged(PublicEvent);

/**
 * A registration as its person sees it: the QR code (an SVG image as a data URL) encodes
 * `checkInUrl`, the staff check-in page of this registration; `shortCode` is printed beside it.
 */
export const Registration = Type.Object({
  id: Uuid,
  eventId: Uuid,
  shortCode: Type.String(),
  checkInUrl: Type.String(),
  qrCode: Type.String(),
  registeredAt: DateTime,
  checkedInAt: Nullable(DateTime),
  walkIn: Type.Boolean(),
  /** True when this person was registered already (the same registration is returned). */
  alreadyRegistered: Type.Boolean(),
});
export type RegistrationT = Static<typeof Registration>;

export const EventDetail = Type.Object({
  ...PublicEvent.properties,
  /** The signed-in reader's registration, if any. */
  myRegistration: Nullable(Registration),
});
export type EventDetailT = Static<typeof EventDetail>;

/** The event as its staff see it: the words for editing, counts, and what the reader may do. */
export const StaffEvent = Type.Object({
  ...PublicEvent.properties,
  source: Type.Object({
    title: Type.String(),
    description: Type.String(),
    language: LocaleSchema,
    translations: Translations,
  }),
  programId: Nullable(Uuid),
  organisationId: Uuid,
  counts: EventCounts,
  /** NIC staff and the organiser's partner admin edit; the organiser's trainers only check in. */
  canEdit: Type.Boolean(),
  createdAt: DateTime,
  updatedAt: DateTime,
});
export type StaffEventT = Static<typeof StaffEvent>;
export const StaffEventList = Paged(StaffEvent);

export const PublicEventListQuery = Type.Object({
  topic: Type.Optional(EventTopicSchema),
  programCode: Type.Optional(Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 60 })),
  provinceCode: Type.Optional(ProvinceCode),
  /** `upcoming` when not given. */
  when: Type.Optional(Type.Enum(eventWhens)),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  /** `startsAt` when not given (`-startsAt` for past events). */
  sort: Type.Optional(Type.Enum(eventSorts)),
  ...PageQuery,
});

export const StaffEventListQuery = Type.Object({
  topic: Type.Optional(EventTopicSchema),
  status: Type.Optional(EventStatusSchema),
  programId: Type.Optional(Uuid),
  organisationId: Type.Optional(Uuid),
  provinceCode: Type.Optional(ProvinceCode),
  /** `all` when not given. */
  when: Type.Optional(Type.Enum(eventWhens)),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  /** `-startsAt` when not given. */
  sort: Type.Optional(Type.Enum(eventSorts)),
  ...PageQuery,
});

export const CreateEventBody = Type.Object({
  /** The organiser. */
  organisationId: Uuid,
  programId: Type.Optional(Nullable(Uuid)),
  topic: EventTopicSchema,
  title: Title,
  description: Type.Optional(Description),
  language: LocaleSchema,
  translations: Type.Optional(Translations),
  startsAt: DateTime,
  endsAt: DateTime,
  online: Type.Boolean(),
  /** Required unless online. */
  provinceCode: Type.Optional(Nullable(ProvinceCode)),
  location: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
  capacity: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 100000 }))),
  status: Type.Optional(EventStatusSchema),
});
export type CreateEventBodyT = Static<typeof CreateEventBody>;

export const UpdateEventBody = Type.Partial(
  Type.Object({
    programId: Nullable(Uuid),
    topic: EventTopicSchema,
    title: Title,
    description: Description,
    language: LocaleSchema,
    translations: Translations,
    startsAt: DateTime,
    endsAt: DateTime,
    online: Type.Boolean(),
    provinceCode: Nullable(ProvinceCode),
    location: Nullable(Type.String({ maxLength: 300 })),
    capacity: Nullable(Type.Integer({ minimum: 1, maximum: 100000 })),
    status: EventStatusSchema,
  }),
);
export type UpdateEventBodyT = Static<typeof UpdateEventBody>;

/**
 * A person as they register at the door or on the form: matched against the registry (decision
 * 009), so one real person is one record however many events they attend. A phone (Vietnamese
 * mobile) or an e-mail is needed, and a date of birth or at least the year.
 */
export const PersonDetails = Type.Object({
  fullName: Type.String({ minLength: 2, maxLength: 120 }),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 30 }))),
  email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 254 }))),
  sex: Type.Enum(['F', 'M', 'X'] as const),
  dateOfBirth: Type.Optional(Nullable(IsoDate)),
  birthYear: Type.Optional(Nullable(Type.Integer({ minimum: 1900, maximum: 2100 }))),
  provinceCode: ProvinceCode,
});
export type PersonDetailsT = Static<typeof PersonDetails>;

/**
 * Signed in: an empty body registers the reader's own person. A visitor sends their details and
 * agrees to the notice shown with the form (`consent: true`).
 */
export const RegisterBody = Type.Object({
  visitor: Type.Optional(Type.Object({ ...PersonDetails.properties, consent: Type.Boolean() })),
});
export type RegisterBodyT = Static<typeof RegisterBody>;

export const WalkInBody = PersonDetails;

export const Participant = Type.Object({
  id: Uuid,
  person: Type.Object({ id: Uuid, fullName: Type.String() }),
  shortCode: Type.String(),
  registeredAt: DateTime,
  walkIn: Type.Boolean(),
  checkedInAt: Nullable(DateTime),
  checkedInBy: Nullable(Type.Object({ userId: Uuid, displayName: Type.String() })),
});
export type ParticipantT = Static<typeof Participant>;

export const ParticipantListQuery = Type.Object({
  /** A name (accent-insensitive, each word starting a word of the name) or a short code. */
  q: Type.Optional(Type.String({ maxLength: 100 })),
  state: Type.Optional(Type.Enum(participantStates)),
  /** `name` when not given. */
  sort: Type.Optional(Type.Enum(participantSorts)),
  ...PageQuery,
});
export const ParticipantList = Type.Object({
  ...Paged(Participant).properties,
  counts: EventCounts,
});

/** What the check-in page shows: the participant, the event, and whether this call checked them in. */
export const CheckIn = Type.Object({
  participant: Participant,
  event: Type.Object({
    id: Uuid,
    title: Type.String(),
    startsAt: DateTime,
    endsAt: DateTime,
    online: Type.Boolean(),
    location: Nullable(Type.String()),
    province: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
    status: EventStatusSchema,
  }),
  counts: EventCounts,
  /** On a check-in: false when this call checked the participant in, true when it was done before. */
  alreadyCheckedIn: Type.Boolean(),
  /** On a walk-in: true when the person was registered already (then only the check-in was done). */
  alreadyRegistered: Type.Boolean(),
});
export type CheckInT = Static<typeof CheckIn>;
