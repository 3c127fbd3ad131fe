/** The JSON of the people list and the person page: what leaves the server, field by field. */
import {
  type PersonPageResponseT,
  type PersonSummaryT,
  restrictedPersonFields,
} from '../../../../common/contracts/people';
import { sensitiveFields } from '../../../../common/domain';
import type { Locale } from '../../../../common/i18n/locales';
import { statusOf } from '../../credentials/service';
import { eventWords } from '../../events/presenter';
import { courseTitleIn } from '../../notifications/service';
import { presentConsentOverview } from '../../privacy/presenter';
import type { PersonListRow } from './repo';
import type { PersonPageResult } from './service';

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));
const place = (code: string | null, name: string | null) => (code && name ? { code, name } : null);
const course = (r: { title: string; translations: unknown; teaching_language: Locale }, locale: Locale) =>
  courseTitleIn({ title: r.title, translations: r.translations, language: r.teaching_language }, locale);

export const presentPersonSummary = (
  r: PersonListRow,
  organisations: { id: string; name: string }[],
): PersonSummaryT => ({
  id: r.id,
  fullName: r.full_name,
  sex: r.sex,
  dateOfBirth: r.date_of_birth,
  province: place(r.province_code, r.province_name),
  organisations,
  hasAccount: r.user_id !== null,
  createdAt: iso(r.created_at),
});

export function presentPersonPage(r: PersonPageResult, locale: Locale): PersonPageResponseT {
  if (r.merged) return { merged: true, id: r.id, mergedInto: r.mergedInto };
  const p = r.person;
  const latest = new Map<string, (typeof r.consents)[number]>();
  for (const c of r.consents) if (!latest.has(c.purpose)) latest.set(c.purpose, c);
  const states = presentConsentOverview(r.consents).consents;
  const shown = (field: (typeof restrictedPersonFields)[number]) =>
    field === 'nationalId' ? r.nationalIdAllowed : r.sensitive.has(field);
  return {
    merged: false,
    id: p.id,
    fullName: p.full_name,
    sex: p.sex,
    dateOfBirth: p.date_of_birth,
    province: place(p.province_code, p.province_name),
    commune: place(p.commune_code, p.commune_name),
    phone: p.phone,
    email: p.email,
    nationalId: r.nationalId,
    // Only the fields the reader may see are set; the others are absent from the JSON.
    ...Object.fromEntries(sensitiveFields.filter((f) => r.sensitive.has(f)).map((f) => [f, p[f]])),
    hiddenFields: restrictedPersonFields.filter((f) => !shown(f)),
    scope: r.scope,
    hasAccount: p.user_id !== null,
    anonymisedAt: isoOrNull(p.anonymised_at),
    createdAt: iso(p.created_at),
    updatedAt: iso(p.updated_at),
    organisations: r.organisations.map((o) => ({ id: o.id, name: o.name })),
    enrolments: r.enrolments.map((e) => ({
      id: e.id,
      course: course(e, locale),
      cohortId: e.cohort_id,
      cohortCode: e.cohort_code,
      cohortName: e.cohort_name,
      organisation: { id: e.organisation_id, name: e.organisation_name },
      status: e.status,
      source: e.source,
      enrolledAt: iso(e.enrolled_at),
      completedAt: isoOrNull(e.completed_at),
      endedAt: isoOrNull(e.ended_at),
    })),
    certificates: r.credentials.map((c) => ({
      id: c.id,
      course: course(c, locale),
      issuer: { id: c.issuer_id, name: c.issuer_name },
      issuedAt: iso(c.issued_at),
      validUntil: isoOrNull(c.valid_until),
      status: statusOf(c),
      revokedAt: isoOrNull(c.revoked_at),
    })),
    events: r.events.map((e) => ({
      id: e.id,
      eventId: e.event_id,
      title: eventWords({ ...e, description: '' }, locale).title,
      organisation: { id: e.organisation_id, name: e.organisation_name },
      startsAt: iso(e.starts_at),
      online: e.online,
      province: e.province_name,
      walkIn: e.walk_in,
      registeredAt: iso(e.registered_at),
      checkedInAt: isoOrNull(e.checked_in_at),
    })),
    consents: states.map((s) => ({ ...s, source: latest.get(s.purpose)?.source ?? null })),
    merges: r.merges.map((m) => ({
      id: m.id,
      survivorId: m.survivor_id,
      mergedId: m.merged_id,
      mergedAt: iso(m.merged_at),
      undoneAt: isoOrNull(m.undone_at),
    })),
    ...(r.reads
      ? {
          recentReads: r.reads.map((x) => ({
            at: iso(x.at),
            actorName: x.display_name,
            actorEmail: x.email,
            fieldsShown: Array.isArray(x.details?.fieldsShown) ? (x.details.fieldsShown as string[]) : [],
          })),
        }
      : {}),
  };
}
