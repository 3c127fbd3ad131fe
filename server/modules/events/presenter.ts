/** The JSON of events that leaves the server: public, staff, participants, registrations, check-ins. */
import type {
  CheckInT,
  EventCountsT,
  ParticipantT,
  PublicEventT,
  RegistrationT,
  StaffEventT,
} from '../../../common/contracts/events';
import type { Locale } from '../../../common/i18n/locales';
import type { EventRow, ParticipantCounts, ParticipantRow } from './repo';

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

const noCounts: ParticipantCounts = { registered: 0, checkedIn: 0, walkIns: 0 };

export function presentCounts(capacity: number | null, c: ParticipantCounts = noCounts): EventCountsT {
  return {
    registered: c.registered,
    checkedIn: c.checkedIn,
    walkIns: c.walkIns,
    capacity,
    capacityLeft: capacity === null ? null : Math.max(capacity - c.registered, 0),
  };
}

/** The title and description in the reader's language when translated, else in the event's own. */
export function eventWords(
  e: Pick<EventRow, 'title' | 'description' | 'language' | 'translations'>,
  locale: Locale,
) {
  const t = locale === e.language ? undefined : e.translations?.[locale];
  return t
    ? { title: t.title, description: t.description || e.description, shownLanguage: locale }
    : { title: e.title, description: e.description, shownLanguage: e.language };
}

/** Open for registration now: open status, not ended, a seat left. */
export const registrationOpen = (
  e: Pick<EventRow, 'status' | 'ends_at' | 'capacity'>,
  registered: number,
  now = new Date(),
) =>
  e.status === 'open' &&
  new Date(e.ends_at).getTime() > now.getTime() &&
  (e.capacity === null || registered < e.capacity);

/** The province in the reader's language: Vietnamese, or the English name for en and ja (as the web does). */
const province = (
  e: Pick<EventRow, 'province_code' | 'province_name' | 'province_name_en'>,
  locale: Locale,
) =>
  e.province_code
    ? {
        code: e.province_code,
        name: (locale === 'vi' ? e.province_name : e.province_name_en) ?? e.province_code,
      }
    : null;

export function presentPublicEvent(
  e: EventRow,
  counts: ParticipantCounts | undefined,
  locale: Locale,
): PublicEventT {
  const c = presentCounts(e.capacity, counts);
  const words = eventWords(e, locale);
  return {
    id: e.id,
    title: words.title,
    description: words.description,
    shownLanguage: words.shownLanguage,
    topic: e.topic,
    program:
      e.program_id && e.program_code
        ? {
            id: e.program_id,
            code: e.program_code,
            name:
              { vi: e.program_name_vi, en: e.program_name_en, ja: e.program_name_ja }[locale] ??
              e.program_code,
          }
        : null,
    organisation: { id: e.organisation_id, name: e.organisation_name },
    startsAt: iso(e.starts_at),
    endsAt: iso(e.ends_at),
    online: e.online,
    province: province(e, locale),
    location: e.location,
    capacity: e.capacity,
    seatsLeft: c.capacityLeft,
    status: e.status,
    registrationOpen: registrationOpen(e, c.registered),
  };
}

export function presentStaffEvent(
  e: EventRow,
  counts: ParticipantCounts | undefined,
  locale: Locale,
  canEdit: boolean,
): StaffEventT {
  return {
    ...presentPublicEvent(e, counts, locale),
    source: {
      title: e.title,
      description: e.description,
      language: e.language,
      translations: e.translations ?? {},
    },
    programId: e.program_id,
    organisationId: e.organisation_id,
    counts: presentCounts(e.capacity, counts),
    canEdit,
    createdAt: iso(e.created_at),
    updatedAt: iso(e.updated_at),
  };
}

export const presentParticipant = (p: ParticipantRow): ParticipantT => ({
  id: p.id,
  person: { id: p.person_id, fullName: p.full_name },
  shortCode: p.short_code,
  registeredAt: iso(p.registered_at),
  walkIn: p.walk_in,
  checkedInAt: isoOrNull(p.checked_in_at),
  checkedInBy:
    p.checked_in_by && p.checked_in_at
      ? { userId: p.checked_in_by, displayName: p.checked_in_by_name ?? '' }
      : null,
});

export const presentRegistration = (
  p: ParticipantRow,
  code: { checkInUrl: string; qrCode: string },
  alreadyRegistered: boolean,
): RegistrationT => ({
  id: p.id,
  eventId: p.event_id,
  shortCode: p.short_code,
  checkInUrl: code.checkInUrl,
  qrCode: code.qrCode,
  registeredAt: iso(p.registered_at),
  checkedInAt: isoOrNull(p.checked_in_at),
  walkIn: p.walk_in,
  alreadyRegistered,
});

export const presentCheckIn = (
  p: ParticipantRow,
  e: EventRow,
  counts: ParticipantCounts | undefined,
  locale: Locale,
  flags: { alreadyCheckedIn: boolean; alreadyRegistered: boolean },
): CheckInT => ({
  participant: presentParticipant(p),
  event: {
    id: e.id,
    title: eventWords(e, locale).title,
    startsAt: iso(e.starts_at),
    endsAt: iso(e.ends_at),
    online: e.online,
    location: e.location,
    province: province(e, locale),
    status: e.status,
  },
  counts: presentCounts(e.capacity, counts),
  alreadyCheckedIn: flags.alreadyCheckedIn,
  alreadyRegistered: flags.alreadyRegistered,
});
