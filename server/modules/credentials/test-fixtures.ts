/**
 * Test data for the certificate tests: a training partner's course, a cohort and a completed
 * enrolment, built with the catalog, enrolment and people repositories the app itself uses.
 */
import { randomUUID } from 'node:crypto';
import { foldVi } from '../../../common/text';
import type { Locale } from '../../db/schema';
import type { AppContext } from '../../lib/context';
import * as catalogRepo from '../catalog/repo';
import * as enrolmentRepo from '../enrolment/repo';
import { insertOrganisation } from '../organisations/repo';
import { insertPerson } from '../people/repo';

export const trainingPartner = async (ctx: AppContext, name: string, website: string | null = null) =>
  insertOrganisation(ctx.db, {
    slug: `p-${randomUUID().slice(0, 8)}`,
    name,
    kind: 'training_partner',
    website,
  });

export interface EnrolmentSpec {
  orgId: string;
  learnerName: string;
  userId?: string | null;
  language?: Locale;
  title?: string;
  summary?: string;
  hours?: number;
  isTot?: boolean;
  skills?: string[];
  /** Leave the enrolment enrolled instead of completing it. */
  incomplete?: boolean;
}

export async function completedEnrolment(ctx: AppContext, s: EnrolmentSpec) {
  const db = ctx.db;
  const title = s.title ?? 'Kỹ thuật viên bán dẫn cơ bản';
  const courseId = await catalogRepo.insertCourse(db, {
    slug: `c-${randomUUID().slice(0, 8)}`,
    teachingLanguage: s.language ?? 'vi',
    title,
    summary: s.summary ?? '',
    translations: {},
    topic: 'semiconductor',
    level: 'beginner',
    durationHours: s.hours ?? 40,
    deliveryMode: 'online',
    provinceCode: null,
    isOpen: true,
    isTot: s.isTot ?? false,
    minAttendancePct: null,
    organisationId: s.orgId,
    createdBy: null,
    searchFolded: foldVi(title),
    titleFolded: foldVi(title),
  });
  if (s.skills?.length)
    await catalogRepo.replaceSkills(
      db,
      courseId,
      s.skills.map((skill) => ({ skill, folded: foldVi(skill) })),
    );
  const cohort = await enrolmentRepo.insertCohort(db, courseId, s.orgId, {
    code: `K-${randomUUID().slice(0, 6)}`,
    name: 'Khoá 1',
    startsOn: null,
    endsOn: null,
    capacity: null,
    online: true,
    location: null,
    provinceCode: null,
    status: 'open',
  });
  const person = await insertPerson(db, { fullName: s.learnerName, userId: s.userId ?? null });
  const enrolment = await enrolmentRepo.insertEnrolment(db, {
    cohortId: cohort.id,
    personId: person.id,
    status: 'enrolled',
    source: 'admin',
    createdBy: null,
  });
  if (!s.incomplete) await enrolmentRepo.setEnrolmentStatus(db, enrolment.id, ['enrolled'], 'completed');
  if (s.isTot) await enrolmentRepo.insertTrainerCertification(db, person.id, courseId);
  return { courseId, cohortId: cohort.id, personId: person.id, enrolmentId: enrolment.id };
}
