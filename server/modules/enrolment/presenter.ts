/** What JSON about cohorts, sessions, enrolments and attendance leaves the server. */
import type { Selectable } from 'kysely';
import type { Static } from 'typebox';
import type {
  AttendanceRow,
  CohortSession,
  CohortT,
  EnrolmentT,
  PublicCohort,
} from '../../../common/contracts/enrolment';
import type { Locale } from '../../../common/i18n/locales';
import type { CohortSessionsTable, CourseTranslations, EnrolmentStatus } from '../../db/schema';
import { courseTitleIn } from '../notifications/service';
import type * as repo from './repo';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

/** A course's title in the reader's language, falling back to the teaching language's. */
export const courseTitle = (
  c: { title: string; translations: CourseTranslations; language: Locale },
  locale: Locale,
) => courseTitleIn(c, locale);

type CohortListRow = Awaited<ReturnType<typeof repo.listCohorts>>['rows'][number];
type TrainerRow = { cohort_id: string; user_id: string; display_name: string };

export function presentCohort(c: CohortListRow, trainers: TrainerRow[], locale: Locale): CohortT {
  return {
    id: c.id,
    courseId: c.course_id,
    courseTitle: courseTitle(
      { title: c.course_title, translations: c.course_translations, language: c.course_language },
      locale,
    ),
    organisationId: c.organisation_id,
    code: c.code,
    name: c.name,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    capacity: c.capacity,
    online: c.online,
    location: c.location,
    provinceCode: c.province_code,
    status: c.status,
    seatsTaken: c.taken,
    seatsLeft: c.capacity === null ? null : Math.max(0, c.capacity - c.taken),
    waitlisted: c.waiting,
    trainers: trainers
      .filter((t) => t.cohort_id === c.id)
      .map((t) => ({ userId: t.user_id, displayName: t.display_name })),
    createdAt: iso(c.created_at),
  };
}

type OpenCohortRow = Awaited<ReturnType<typeof repo.listOpenCohortsOfCourse>>[number];

export const presentPublicCohort = (c: OpenCohortRow): Static<typeof PublicCohort> => ({
  id: c.id,
  code: c.code,
  name: c.name,
  startsOn: c.starts_on,
  endsOn: c.ends_on,
  seatsLeft: c.capacity === null ? null : Math.max(0, c.capacity - c.taken),
  online: c.online,
  location: c.location,
  provinceCode: c.province_code,
});

export const presentSession = (s: Selectable<CohortSessionsTable>): Static<typeof CohortSession> => ({
  id: s.id,
  cohortId: s.cohort_id,
  startsAt: iso(s.starts_at),
  endsAt: iso(s.ends_at),
  topic: s.topic,
  location: s.location,
});

export interface EnrolmentLike {
  id: string;
  cohort_id: string;
  course_id: string;
  person_id: string;
  full_name: string;
  status: EnrolmentStatus;
  source: 'self' | 'admin' | 'roster';
  enrolled_at: Date;
  completed_at: Date | null;
  ended_at: Date | null;
  transferred_to: string | null;
}

export const presentEnrolment = (e: EnrolmentLike, waitlistPosition: number | null = null): EnrolmentT => ({
  id: e.id,
  cohortId: e.cohort_id,
  courseId: e.course_id,
  person: { id: e.person_id, fullName: e.full_name },
  status: e.status,
  source: e.source,
  enrolledAt: iso(e.enrolled_at),
  completedAt: isoOrNull(e.completed_at),
  endedAt: isoOrNull(e.ended_at),
  transferredTo: e.transferred_to,
  waitlistPosition: e.status === 'waitlisted' ? waitlistPosition : null,
});

/** A roster line: the enrolment and, for its admins, the certificate it earned (revoked or not). */
export const presentRosterEnrolment = (
  e: EnrolmentLike & { credential_id: string | null; credential_revoked_at: Date | null },
  waitlistPosition: number | null,
): EnrolmentT => ({
  ...presentEnrolment(e, waitlistPosition),
  credential: e.credential_id
    ? { id: e.credential_id, status: e.credential_revoked_at ? 'revoked' : 'active' }
    : null,
});

type RosterRow = Awaited<ReturnType<typeof repo.sessionRoster>>[number];

export const presentAttendanceRow = (r: RosterRow): Static<typeof AttendanceRow> => ({
  enrolmentId: r.enrolment_id,
  personId: r.person_id,
  fullName: r.full_name,
  status: r.status,
  recordedAt: isoOrNull(r.recorded_at),
});
