/**
 * Test data for the review queue: organisations, NIC staff and others, and people with the rows a
 * merge must carry (enrolments with progress and attendance, certificates, consents, organisations,
 * blocking keys), built with the repositories the app itself uses. Pairs are written as the importer
 * queues them.
 */
import type { Role } from '../../../db/schema';
import { Browser, createUser, type TestApp } from '../../../test/app';
import { issueCredential } from '../../credentials/service';
import * as enrolmentRepo from '../../enrolment/repo';
import { makeCourse } from '../../enrolment/test-fixtures';
import { insertOrganisation } from '../../organisations/repo';
import { insertPerson } from '../../people/repo';
import { hashNationalId, sealNationalId } from '../personal';
import { setNameKeys } from '../repo';

export async function reviewWorld(t: TestApp) {
  const db = t.ctx.db;
  const org = (slug: string, name: string, kind: 'nic' | 'training_partner') =>
    insertOrganisation(db, { slug, name, kind }).then((o) => o.id);
  const nic = await org('nic', 'Trung tâm Đổi mới sáng tạo Quốc gia', 'nic');
  const mekong = await org('mekong', 'Học viện Kỹ năng số Mekong', 'training_partner');
  const hoaLac = await org('hoa-lac', 'Cao đẳng Công nghệ Hòa Lạc', 'training_partner');
  const users: Record<string, { role: Role; organisationId?: string }> = {
    'admin@nic.vn': { role: 'platform_admin' },
    'manager@nic.vn': { role: 'program_manager', organisationId: nic },
    'partner@mekong.vn': { role: 'partner_admin', organisationId: mekong },
    'trainer@mekong.vn': { role: 'trainer', organisationId: mekong },
    'learner@hoc.vn': { role: 'learner' },
  };
  const ids: Record<string, string> = {};
  for (const [email, grant] of Object.entries(users)) ids[email] = (await createUser(t, email, [grant])).id;
  /** Signed in, reading in `lang` (the language cookie wins over the account's language). */
  const browser = async (email: string, lang?: 'vi' | 'en' | 'ja') => {
    const b = await new Browser(t).login(email);
    if (lang) b.cookies.set('nl_lang', lang);
    return b;
  };
  return { nic, mekong, hoaLac, userIds: ids, browser };
}

export interface PersonSpec {
  fullName: string;
  userId?: string | null;
  sex?: 'F' | 'M' | null;
  dateOfBirth?: string | null;
  provinceCode?: string | null;
  phone?: string | null;
  email?: string | null;
  nationalId?: string | null;
  organisations?: string[];
}

/** A person as an import leaves them: identity, blocking keys, the organisations that know them. */
export async function makePerson(t: TestApp, s: PersonSpec) {
  const db = t.ctx.db;
  const p = await insertPerson(db, {
    fullName: s.fullName,
    userId: s.userId ?? null,
    sex: s.sex ?? null,
    dateOfBirth: s.dateOfBirth ?? null,
    provinceCode: s.provinceCode ?? null,
  });
  const nationalIdHash = s.nationalId ? hashNationalId(t.ctx.config, s.nationalId) : null;
  await db
    .updateTable('people')
    .set({
      phone: s.phone ?? null,
      email: s.email ?? null,
      national_id_hash: nationalIdHash,
      national_id_enc: s.nationalId ? sealNationalId(t.ctx.config, p.id, s.nationalId) : null,
    })
    .where('id', '=', p.id)
    .execute();
  await setNameKeys(db, p.id, s.fullName);
  for (const organisationId of s.organisations ?? [])
    await db
      .insertInto('person_organisations')
      .values({ person_id: p.id, organisation_id: organisationId })
      .execute();
  return p.id;
}

/** A pair in the review queue, ordered as the table wants it. */
export const queuePair = (t: TestApp, x: string, y: string, score = 6.5, reasons = ['phone', 'nameDob']) =>
  t.ctx.db
    .insertInto('duplicate_pairs')
    .values({ person_a: x < y ? x : y, person_b: x < y ? y : x, score, reasons })
    .returning('id')
    .executeTakeFirstOrThrow()
    .then((r) => r.id);

/** A course of `lessons` lessons with classes of `organisationId`, each with `sessions` sessions. */
export async function makeClasses(
  t: TestApp,
  organisationId: string,
  slug: string,
  codes: string[],
  opts: { lessons?: number; sessions?: number } = {},
) {
  const db = t.ctx.db;
  const course = await makeCourse(db, organisationId, slug, { lessons: opts.lessons ?? 3 });
  const classes: { id: string; code: string; sessions: string[] }[] = [];
  for (const code of codes) {
    const cohort = await enrolmentRepo.insertCohort(db, course.id, organisationId, {
      code,
      name: `Lớp ${code}`,
      startsOn: null,
      endsOn: null,
      capacity: null,
      online: true,
      location: null,
      provinceCode: null,
      status: 'open',
    });
    const sessions: string[] = [];
    for (let i = 0; i < (opts.sessions ?? 3); i++)
      sessions.push(
        (
          await db
            .insertInto('cohort_sessions')
            .values({
              cohort_id: cohort.id,
              starts_at: `2026-10-0${i + 1}T01:00:00Z`,
              ends_at: `2026-10-0${i + 1}T03:00:00Z`,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
    classes.push({ id: cohort.id, code, sessions });
  }
  return { course, classes };
}

/**
 * An enrolment in a given state, with the lessons done and attendance given; `certificate` issues the
 * signed certificate of a completed one, as the credentials module does.
 */
export async function enrol(
  t: TestApp,
  personId: string,
  cohortId: string,
  s: {
    status?: 'enrolled' | 'completed' | 'withdrawn' | 'waitlisted';
    lessons?: string[];
    attendance?: [string, 'present' | 'absent' | 'excused'][];
    certificate?: boolean;
  } = {},
) {
  const db = t.ctx.db;
  const status = s.status ?? 'enrolled';
  const e = await enrolmentRepo.insertEnrolment(db, {
    cohortId,
    personId,
    status: status === 'waitlisted' ? 'waitlisted' : 'enrolled',
    source: 'roster',
    createdBy: null,
  });
  for (const lessonId of s.lessons ?? []) await enrolmentRepo.insertLessonProgress(db, e.id, lessonId);
  for (const [sessionId, st] of s.attendance ?? [])
    await db
      .insertInto('attendance')
      .values({ session_id: sessionId, enrolment_id: e.id, status: st })
      .execute();
  if (status === 'completed' || status === 'withdrawn')
    await enrolmentRepo.setEnrolmentStatus(db, e.id, ['enrolled'], status);
  const credentialId = s.certificate ? (await issueCredential(t.ctx, e.id)).credentialId : null;
  return { id: e.id, credentialId };
}

export const consent = (t: TestApp, personId: string, granted: boolean, source: 'self' | 'staff' = 'staff') =>
  t.ctx.db
    .insertInto('consents')
    .values({
      person_id: personId,
      purpose: 'training_records',
      granted,
      wording_version: '2026-01-01',
      source,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
    .then((r) => r.id);
