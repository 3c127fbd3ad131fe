/** What JSON about consents and a person's own data leaves the server. */
import {
  type ConsentPurpose,
  consentPurposes,
  consentWording,
  currentWordingVersion,
} from '../../../common/consent';
import type {
  ConsentOverviewT,
  ConsentRecordT,
  ConsentStateT,
  PersonalDataExportT,
} from '../../../common/contracts/privacy';
import type { Locale } from '../../../common/i18n/locales';
import { jlptName } from '../../../common/talent';
import { statusOf } from '../credentials/service';
import { eventWords } from '../events/presenter';
import { courseTitleIn, renderNotification } from '../notifications/service';
import type { ConsentRow } from './repo';
import type { PersonalData } from './service';

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

const presentRecord = (r: ConsentRow): ConsentRecordT => ({
  purpose: r.purpose,
  granted: r.granted,
  wordingVersion: r.wording_version,
  source: r.source,
  recordedAt: iso(r.recorded_at),
});

/** The choice in force per purpose (in the vocabulary's order) and the whole history, newest first. */
export function presentConsentOverview(history: readonly ConsentRow[]): ConsentOverviewT {
  const latest = new Map<ConsentPurpose, ConsentRow>();
  for (const r of history) if (!latest.has(r.purpose)) latest.set(r.purpose, r);
  const consents: ConsentStateT[] = consentPurposes.map((purpose) => {
    const r = latest.get(purpose);
    const current = currentWordingVersion(purpose);
    return {
      purpose,
      granted: r?.granted ?? false,
      wordingVersion: r?.wording_version ?? null,
      recordedAt: r ? iso(r.recorded_at) : null,
      currentWordingVersion: current,
      answeredCurrentWording: r?.wording_version === current,
    };
  });
  return { consents, history: history.map(presentRecord) };
}

const course = (r: { title: string; translations: unknown; teaching_language: Locale }, locale: Locale) =>
  courseTitleIn(
    { title: r.title, translations: r.translations as never, language: r.teaching_language },
    locale,
  );

/** The person's copy of their data, in their language where words are involved. */
export function presentPersonalData(d: PersonalData, locale: Locale, now = new Date()): PersonalDataExportT {
  const overview = presentConsentOverview(d.consents);
  return {
    format: 'nhanluc-personal-data',
    version: 1,
    generatedAt: now.toISOString(),
    language: locale,
    account: {
      id: d.account.id,
      email: d.account.email,
      displayName: d.account.display_name,
      language: d.account.locale,
      createdAt: iso(d.account.created_at),
      updatedAt: iso(d.account.updated_at),
      roles: d.roles.map((r) => ({
        role: r.role,
        organisation: r.organisation,
        grantedAt: iso(r.created_at),
      })),
    },
    person: d.person && {
      id: d.person.id,
      fullName: d.person.full_name,
      sex: d.person.sex,
      dateOfBirth: d.person.date_of_birth,
      provinceCode: d.person.province_code,
      province: d.person.province_name,
      communeCode: d.person.commune_code,
      commune: d.person.commune_name,
      nationalId: d.person.national_id,
      phone: d.person.phone,
      email: d.person.email,
      disability: d.person.disability,
      createdAt: iso(d.person.created_at),
      updatedAt: iso(d.person.updated_at),
      knownTo: d.knownTo.map((k) => ({ organisation: k.name, since: iso(k.created_at) })),
    },
    enrolments: d.enrolments.map((e) => ({
      id: e.id,
      course: course(e, locale),
      cohortCode: e.cohort_code,
      cohortName: e.cohort_name,
      organisation: e.organisation_name,
      status: e.status,
      source: e.source,
      enrolledAt: iso(e.enrolled_at),
      completedAt: isoOrNull(e.completed_at),
      endedAt: isoOrNull(e.ended_at),
    })),
    attendance: d.attendance.map((a) => ({
      enrolmentId: a.enrolment_id,
      cohortCode: a.cohort_code,
      sessionStartsAt: iso(a.starts_at),
      topic: a.topic,
      status: a.status,
      recordedAt: iso(a.recorded_at),
    })),
    lessonProgress: d.progress.map((p) => ({
      enrolmentId: p.enrolment_id,
      course: course(p, locale),
      lesson: p.lesson,
      completedAt: iso(p.completed_at),
    })),
    quizAttempts: d.attempts.map((q) => ({
      id: q.id,
      enrolmentId: q.enrolment_id,
      course: course(q, locale),
      quiz: q.quiz,
      startedAt: iso(q.started_at),
      submittedAt: isoOrNull(q.submitted_at),
      scorePct: q.score_pct === null ? null : Number(q.score_pct),
      passed: q.passed,
    })),
    credentials: d.credentials.map((c) => ({
      id: c.id,
      course: course(c, locale),
      issuer: c.issuer,
      issuedAt: iso(c.issued_at),
      validUntil: isoOrNull(c.valid_until),
      status: statusOf(c),
      revokedAt: isoOrNull(c.revoked_at),
      revocationReason: c.revocation_reason,
    })),
    talentProfile: d.talent && {
      headline: d.talent.headline,
      provinceCode: d.talent.province_code,
      relocate: d.talent.relocate,
      workInJapan: d.talent.work_in_japan,
      jlpt: d.talent.jlpt ? jlptName(d.talent.jlpt) : null,
      jftBasic: d.talent.jft_basic,
      education: d.talent.education,
      experience: d.talent.experience,
      languages: d.talent.languages,
      cvFile: d.talent.cv_filename,
      skills: d.skills.map((s) => ({
        skill: (s.names as Record<Locale, string>)[locale],
        level: s.level,
        source: s.source,
      })),
      updatedAt: iso(d.talent.updated_at),
    },
    applications: d.applications.map((a) => ({
      id: a.id,
      job: a.job,
      employer: a.employer,
      status: a.status,
      note: a.note,
      appliedAt: iso(a.created_at),
      updatedAt: iso(a.updated_at),
    })),
    events: d.events.map((e) => ({
      id: e.id,
      event: eventWords({ ...e, description: '' }, locale).title,
      organiser: e.organiser,
      startsAt: iso(e.starts_at),
      endsAt: iso(e.ends_at),
      online: e.online,
      province: e.province_name,
      registeredAt: iso(e.registered_at),
      walkIn: e.walk_in,
      checkedInAt: isoOrNull(e.checked_in_at),
      birthYear: e.birth_year,
    })),
    consents: {
      current: overview.consents.map((s) => ({
        ...s,
        title: consentWording[s.purpose].text[locale].title,
        wording: consentWording[s.purpose].text[locale].body,
      })),
      history: overview.history,
    },
    notifications: d.notifications.map((n) => ({
      kind: n.kind,
      ...renderNotification(locale, n.kind, n.params ?? {}),
      link: n.link,
      createdAt: iso(n.created_at),
      readAt: isoOrNull(n.read_at),
    })),
    audit: d.audit.map((a) => {
      const byYou = a.actor_user_id === d.account.id;
      return {
        at: iso(a.at),
        action: a.action,
        entityType: a.entity_type,
        entityId: a.entity_id,
        byYou,
        details: a.details ?? {},
        ip: byYou ? a.ip : null,
      };
    }),
  };
}
