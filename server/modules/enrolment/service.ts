/**
 * Use cases of cohorts and enrolment: classes with trainers and sessions, enrolment with a waitlist
 * and automatic promotion, withdrawal and transfer, lesson progress, attendance, "my learning" and the
 * reach of certified trainers. Each use case is one transaction; every change to an enrolment or an
 * attendance mark is audited inside it; notifications are recorded inside it and mailed after commit;
 * completion is evaluated after commit (see completion.ts).
 */
import type { Kysely } from 'kysely';
import type { Locale } from '../../../common/i18n/locales';
import type { AttendanceStatus, DB } from '../../db/schema';
import type { Actor } from '../../lib/actor';
import { hasRole } from '../../lib/actor';
import type { AppContext, RequestMeta } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { insertAudit } from '../audit/repo';
import { deliverMail, type PendingMail, recordNotification } from '../notifications/service';
import { ensurePersonForUser } from '../people/repo';
import { assessEnrolments, evaluateCompletionMany, lessonDone } from './completion';
import { todayInVietnam } from './dates';
import { type CohortAccess, policy } from './policy';
import { courseTitle } from './presenter';
import * as repo from './repo';

type Db = Kysely<DB>;

export { todayInVietnam };

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === '23505';

async function loadCohort(db: Db, id: string) {
  const cohort = await repo.findCohort(db, id);
  if (!cohort) throw notFound('cohort');
  return cohort;
}

/** A trainer reaches a cohort while listed on it and still holding the trainer role in its organisation. */
async function accessTo(
  db: Db,
  actor: Actor,
  cohort: { id: string; organisation_id: string },
): Promise<CohortAccess> {
  const trains =
    hasRole(actor, 'trainer', cohort.organisation_id) &&
    (await repo.isCohortTrainer(db, cohort.id, actor.userId));
  return { organisationId: cohort.organisation_id, trains };
}

const courseParam = (c: { course_title: string; course_translations: unknown; course_language: Locale }) => ({
  title: c.course_title,
  translations: c.course_translations,
  language: c.course_language,
});

// ---- cohorts -------------------------------------------------------------------------------------------

export async function listCohorts(ctx: AppContext, actor: Actor, f: Omit<repo.CohortFilter, 'scope'>) {
  const { rows, total } = await repo.listCohorts(ctx.db, { ...f, scope: policy.cohortListScope(actor) });
  const trainers = await repo.trainersOfCohorts(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { rows, trainers, total };
}

export async function getCohort(ctx: AppContext, actor: Actor, id: string) {
  const cohort = await loadCohort(ctx.db, id);
  policy.readCohort(actor, await accessTo(ctx.db, actor, cohort));
  return { cohort, trainers: await repo.trainersOfCohorts(ctx.db, [id]) };
}

/** The open classes of a published course, for anyone choosing one. */
export async function listPublicCohorts(ctx: AppContext, slug: string) {
  const course = await repo.findCourseBySlug(ctx.db, slug);
  if (course?.status !== 'published') throw notFound('course');
  return repo.listOpenCohortsOfCourse(ctx.db, course.id, todayInVietnam());
}

export interface CohortInput {
  code?: string;
  name?: string;
  startsOn?: string | null;
  endsOn?: string | null;
  capacity?: number | null;
  online?: boolean;
  location?: string | null;
  provinceCode?: string | null;
  status?: 'open' | 'closed' | 'cancelled';
}

async function validateCohort(
  db: Db,
  organisationId: string,
  merged: { startsOn: string | null; endsOn: string | null },
  input: CohortInput,
  trainerUserIds: string[] | undefined,
  selfId?: string,
) {
  const fields: Record<string, string> = {};
  if (merged.startsOn && merged.endsOn && merged.endsOn < merged.startsOn)
    fields['/endsOn'] = 'endsBeforeStart';
  if (input.provinceCode && !(await repo.provinceExists(db, input.provinceCode)))
    fields['/provinceCode'] = 'unknownProvince';
  if (trainerUserIds?.length) {
    const ok = new Set(await repo.trainersAmong(db, organisationId, trainerUserIds));
    trainerUserIds.forEach((u, i) => {
      if (!ok.has(u)) fields[`/trainerUserIds/${i}`] = 'notTrainerOfOrganisation';
    });
  }
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields });
  if (input.code !== undefined) {
    const clash = await repo.findCohortByCode(db, organisationId, input.code);
    if (clash && clash.id !== selfId)
      throw new AppError('COHORT_CODE_TAKEN', { params: { code: input.code } });
  }
}

export async function createCohort(
  ctx: AppContext,
  actor: Actor,
  input: CohortInput & { courseId: string; code: string; name: string; trainerUserIds?: string[] },
  meta: RequestMeta,
) {
  const course = await repo.findCourse(ctx.db, input.courseId);
  if (!course) throw notFound('course');
  policy.manageCohort(actor, course.organisation_id);
  const values: repo.CohortValues = {
    code: input.code.trim(),
    name: input.name.trim(),
    startsOn: input.startsOn ?? null,
    endsOn: input.endsOn ?? null,
    capacity: input.capacity ?? null,
    online: input.online ?? course.delivery_mode === 'online',
    location: input.location ?? null,
    provinceCode: input.provinceCode ?? null,
    status: input.status ?? 'open',
  };
  const id = await ctx.db.transaction().execute(async (trx) => {
    await validateCohort(trx, course.organisation_id, values, values, input.trainerUserIds);
    const { id } = await repo.insertCohort(trx, course.id, course.organisation_id, values).catch((e) => {
      throw isUniqueViolation(e) ? new AppError('COHORT_CODE_TAKEN', { params: { code: values.code } }) : e;
    });
    if (input.trainerUserIds?.length) await repo.replaceCohortTrainers(trx, id, input.trainerUserIds);
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'cohort.created',
      entityType: 'cohort',
      entityId: id,
      organisationId: course.organisation_id,
      details: { courseId: course.id, ...values, trainerUserIds: input.trainerUserIds ?? [] },
      ip: meta.ip,
    });
    return id;
  });
  return getCohort(ctx, actor, id);
}

export async function updateCohort(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: CohortInput,
  meta: RequestMeta,
) {
  const before = await loadCohort(ctx.db, id);
  policy.manageCohort(actor, before.organisation_id);
  const pending = await ctx.db.transaction().execute(async (trx) => {
    await repo.lockCohort(trx, id);
    const current = await loadCohort(trx, id);
    const merged = {
      startsOn: input.startsOn === undefined ? current.starts_on : input.startsOn,
      endsOn: input.endsOn === undefined ? current.ends_on : input.endsOn,
    };
    const values = { ...input, ...(input.code !== undefined ? { code: input.code.trim() } : {}) };
    await validateCohort(trx, current.organisation_id, merged, values, undefined, id);
    await repo.updateCohort(trx, id, values).catch((e) => {
      throw isUniqueViolation(e) ? new AppError('COHORT_CODE_TAKEN', { params: { code: values.code } }) : e;
    });
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'cohort.updated',
      entityType: 'cohort',
      entityId: id,
      organisationId: current.organisation_id,
      details: {
        changes: values,
        before: {
          code: current.code,
          name: current.name,
          startsOn: current.starts_on,
          endsOn: current.ends_on,
          capacity: current.capacity,
          status: current.status,
        },
      },
      ip: meta.ip,
    });
    // More seats (or no limit any more): the waitlist moves up at once.
    return input.capacity !== undefined ? promoteWaitlisted(trx, id, actor.userId, meta) : [];
  });
  await deliverMail(ctx, pending);
  return getCohort(ctx, actor, id);
}

export async function deleteCohort(ctx: AppContext, actor: Actor, id: string, meta: RequestMeta) {
  const cohort = await loadCohort(ctx.db, id);
  policy.manageCohort(actor, cohort.organisation_id);
  await ctx.db.transaction().execute(async (trx) => {
    await repo.lockCohort(trx, id);
    // Enrolments are people's records: a class that had any is cancelled, not deleted.
    if ((await repo.countEnrolmentsOfCohort(trx, id)) > 0) throw new AppError('COHORT_HAS_ENROLMENTS');
    await repo.deleteCohort(trx, id);
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'cohort.deleted',
      entityType: 'cohort',
      entityId: id,
      organisationId: cohort.organisation_id,
      details: { code: cohort.code, courseId: cohort.course_id },
      ip: meta.ip,
    });
  });
}

export async function setTrainers(
  ctx: AppContext,
  actor: Actor,
  id: string,
  userIds: string[],
  meta: RequestMeta,
) {
  const cohort = await loadCohort(ctx.db, id);
  policy.manageCohort(actor, cohort.organisation_id);
  const ok = new Set(await repo.trainersAmong(ctx.db, cohort.organisation_id, userIds));
  const fields: Record<string, string> = {};
  userIds.forEach((u, i) => {
    if (!ok.has(u)) fields[`/userIds/${i}`] = 'notTrainerOfOrganisation';
  });
  if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields });
  await ctx.db.transaction().execute(async (trx) => {
    const before = (await repo.trainersOfCohorts(trx, [id])).map((t) => t.user_id);
    await repo.replaceCohortTrainers(trx, id, userIds);
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'cohort.trainers_set',
      entityType: 'cohort',
      entityId: id,
      organisationId: cohort.organisation_id,
      details: { before, after: userIds },
      ip: meta.ip,
    });
  });
  return getCohort(ctx, actor, id);
}

// ---- sessions ------------------------------------------------------------------------------------------

export async function listSessions(ctx: AppContext, actor: Actor, cohortId: string) {
  const cohort = await loadCohort(ctx.db, cohortId);
  policy.readCohort(actor, await accessTo(ctx.db, actor, cohort));
  return repo.listSessions(ctx.db, cohortId);
}

function assertSessionTimes(startsAt: string | Date, endsAt: string | Date) {
  if (new Date(endsAt).getTime() <= new Date(startsAt).getTime())
    throw new AppError('VALIDATION_FAILED', { fields: { '/endsAt': 'endsBeforeStart' } });
}

export async function createSession(
  ctx: AppContext,
  actor: Actor,
  cohortId: string,
  input: { startsAt: string; endsAt: string; topic?: string | null; location?: string | null },
  meta: RequestMeta,
) {
  const cohort = await loadCohort(ctx.db, cohortId);
  policy.manageCohort(actor, cohort.organisation_id);
  assertSessionTimes(input.startsAt, input.endsAt);
  return ctx.db.transaction().execute(async (trx) => {
    const s = await repo.insertSession(trx, cohortId, {
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      topic: input.topic ?? null,
      location: input.location ?? null,
    });
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'cohort.session_created',
      entityType: 'cohort',
      entityId: cohortId,
      organisationId: cohort.organisation_id,
      details: { sessionId: s.id, ...input },
      ip: meta.ip,
    });
    return s;
  });
}

export async function updateSession(
  ctx: AppContext,
  actor: Actor,
  cohortId: string,
  sessionId: string,
  input: { startsAt?: string; endsAt?: string; topic?: string | null; location?: string | null },
  meta: RequestMeta,
) {
  const cohort = await loadCohort(ctx.db, cohortId);
  policy.manageCohort(actor, cohort.organisation_id);
  const before = await repo.findSession(ctx.db, cohortId, sessionId);
  if (!before) throw notFound('session');
  assertSessionTimes(input.startsAt ?? before.starts_at, input.endsAt ?? before.ends_at);
  const after = await ctx.db.transaction().execute(async (trx) => {
    const s = await repo.updateSession(trx, sessionId, input);
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'cohort.session_updated',
      entityType: 'cohort',
      entityId: cohortId,
      organisationId: cohort.organisation_id,
      details: { sessionId, changes: input },
      ip: meta.ip,
    });
    return s;
  });
  // Moving a session into or out of the past changes what "held so far" means for attendance.
  await reevaluateCohort(ctx, cohortId, actor.userId);
  return after;
}

export async function deleteSession(
  ctx: AppContext,
  actor: Actor,
  cohortId: string,
  sessionId: string,
  meta: RequestMeta,
) {
  const cohort = await loadCohort(ctx.db, cohortId);
  policy.manageCohort(actor, cohort.organisation_id);
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.findSession(trx, cohortId, sessionId))) throw notFound('session');
    if ((await repo.countAttendanceOfSession(trx, sessionId)) > 0)
      throw new AppError('SESSION_HAS_ATTENDANCE');
    await repo.deleteSession(trx, sessionId);
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'cohort.session_deleted',
      entityType: 'cohort',
      entityId: cohortId,
      organisationId: cohort.organisation_id,
      details: { sessionId },
      ip: meta.ip,
    });
  });
}

async function reevaluateCohort(ctx: AppContext, cohortId: string, actorUserId: string | null) {
  const { rows } = await repo.listEnrolmentsOfCohort(ctx.db, cohortId, {
    status: 'enrolled',
    sort: 'enrolledAt',
    page: 1,
    pageSize: 100000,
  });
  await evaluateCompletionMany(
    ctx,
    rows.map((r) => r.id),
    actorUserId,
  );
}

// ---- enrolment -----------------------------------------------------------------------------------------

export type PlacementStatus = 'enrolled' | 'waitlisted' | 'unchanged' | 'skipped';
export interface Placement {
  personId: string;
  /** The new enrolment, or the live one that made this a no-op. */
  enrolmentId: string | null;
  status: PlacementStatus;
  /**
   * Why a person was skipped: ALREADY_ENROLLED (in another class of the same course), or
   * PERSON_UNAVAILABLE (no such record, or it was merged into another or erased: enrol the survivor).
   */
  reason?: 'ALREADY_ENROLLED' | 'PERSON_UNAVAILABLE';
}

type CohortForPlacement = Pick<
  repo.CohortRow,
  | 'id'
  | 'course_id'
  | 'organisation_id'
  | 'capacity'
  | 'code'
  | 'name'
  | 'starts_on'
  | 'course_title'
  | 'course_translations'
  | 'course_language'
>;

/**
 * Seats people in a cohort (the caller holds the cohort's lock): a seat while there is one, the
 * waitlist after. Someone already live in this cohort is left as they are; someone live in another
 * class of the course is skipped. Audits and records the notifications in the caller's transaction.
 */
async function place(
  trx: Db,
  cohort: CohortForPlacement,
  personIds: string[],
  source: 'self' | 'admin' | 'roster',
  actorUserId: string | null,
  meta: RequestMeta,
): Promise<{ placements: Placement[]; mail: PendingMail[] }> {
  const unique = [...new Set(personIds)];
  const [live, people] = await Promise.all([
    repo.liveEnrolmentsInCourse(trx, cohort.course_id, unique),
    repo.peopleByIds(trx, unique),
  ]);
  const liveBy = new Map(live.map((l) => [l.person_id, l]));
  // Only records that still stand: a merged or erased one takes no enrolment (repo.peopleByIds).
  const userOf = new Map(people.map((p) => [p.id, p.user_id]));
  let taken = await repo.seatsTaken(trx, cohort.id);
  const placements: Placement[] = [];
  const mail: PendingMail[] = [];
  for (const personId of unique) {
    if (!userOf.has(personId)) {
      placements.push({ personId, enrolmentId: null, status: 'skipped', reason: 'PERSON_UNAVAILABLE' });
      continue;
    }
    const existing = liveBy.get(personId);
    if (existing) {
      placements.push(
        existing.cohort_id === cohort.id
          ? { personId, enrolmentId: existing.id, status: 'unchanged' }
          : { personId, enrolmentId: existing.id, status: 'skipped', reason: 'ALREADY_ENROLLED' },
      );
      continue;
    }
    const seated = cohort.capacity === null || taken < cohort.capacity;
    const status = seated ? 'enrolled' : 'waitlisted';
    const row = await repo.insertEnrolment(trx, {
      cohortId: cohort.id,
      personId,
      status,
      source,
      createdBy: actorUserId,
    });
    if (seated) taken++;
    placements.push({ personId, enrolmentId: row.id, status });
    await insertAudit(trx, {
      actorUserId,
      action: seated ? 'enrolment.created' : 'enrolment.waitlisted',
      entityType: 'enrolment',
      entityId: row.id,
      organisationId: cohort.organisation_id,
      details: { personId, cohortId: cohort.id, courseId: cohort.course_id, source, status },
      ip: meta.ip,
    });
    const userId = userOf.get(personId);
    if (userId)
      mail.push(
        await recordNotification(trx, {
          userId,
          kind: status,
          params: {
            course: courseParam(cohort),
            cohortCode: cohort.code,
            cohortName: cohort.name,
            ...(cohort.starts_on ? { startsOn: cohort.starts_on } : {}),
          },
          link: '/learning',
        }),
      );
  }
  return { placements, mail };
}

/** Gives freed seats to the waitlist, first come first served. Call with the cohort locked. */
async function promoteWaitlisted(trx: Db, cohortId: string, actorUserId: string | null, meta: RequestMeta) {
  const cohort = await loadCohort(trx, cohortId);
  if (cohort.status === 'cancelled') return [];
  const free = cohort.capacity === null ? Number.MAX_SAFE_INTEGER : cohort.capacity - cohort.taken;
  if (free <= 0 || cohort.waiting === 0) return [];
  const next = await repo.waitlist(trx, cohortId, Math.min(free, cohort.waiting));
  const mail: PendingMail[] = [];
  for (const w of next) {
    if (!(await repo.setEnrolmentStatus(trx, w.id, ['waitlisted'], 'enrolled'))) continue;
    await insertAudit(trx, {
      actorUserId,
      action: 'enrolment.promoted',
      entityType: 'enrolment',
      entityId: w.id,
      organisationId: cohort.organisation_id,
      details: { personId: w.person_id, cohortId },
      ip: meta.ip,
    });
    if (w.user_id)
      mail.push(
        await recordNotification(trx, {
          userId: w.user_id,
          kind: 'promoted_from_waitlist',
          params: { course: courseParam(cohort), cohortCode: cohort.code, cohortName: cohort.name },
          link: '/learning',
        }),
      );
  }
  return mail;
}

export interface EnrolPeopleInput {
  cohortId: string;
  personIds: string[];
  source: 'roster' | 'admin';
  actorUserId: string | null;
}

/**
 * Bulk enrolment inside the caller's transaction (the registry's roster import). Idempotent: a person
 * already live in the cohort is `unchanged`; one live in another class of the course is `skipped`.
 * Seats go in the order given, then the waitlist. The in-app notifications are written in `trx`;
 * call `deliver()` after your commit to send their e-mails.
 */
export async function enrolPeople(
  ctx: AppContext,
  trx: Db,
  input: EnrolPeopleInput,
): Promise<{ placements: Placement[]; deliver: () => Promise<void> }> {
  await repo.lockCohort(trx, input.cohortId);
  const cohort = await loadCohort(trx, input.cohortId);
  if (cohort.status === 'cancelled') throw new AppError('COHORT_NOT_OPEN', { params: { code: cohort.code } });
  const { placements, mail } = await place(trx, cohort, input.personIds, input.source, input.actorUserId, {});
  return { placements, deliver: () => deliverMail(ctx, mail) };
}

async function enrolmentView(db: Db, id: string) {
  const e = await repo.findEnrolment(db, id);
  if (!e) throw notFound('enrolment');
  const [pos] = await repo.waitlistPositions(db, [id]);
  return { enrolment: e, waitlistPosition: pos?.position ?? null };
}

export async function selfEnrol(
  ctx: AppContext,
  actor: Actor,
  cohortId: string,
  locale: Locale,
  meta: RequestMeta,
) {
  const cohort = await loadCohort(ctx.db, cohortId);
  if (cohort.course_status !== 'published' || !cohort.course_is_open) throw new AppError('COURSE_NOT_OPEN');
  if (cohort.status !== 'open' || (cohort.ends_on !== null && cohort.ends_on < todayInVietnam()))
    throw new AppError('COHORT_NOT_OPEN', { params: { code: cohort.code } });
  const { id, mail } = await ctx.db.transaction().execute(async (trx) => {
    const person = await ensurePersonForUser(trx, actor.userId);
    const missing = await repo.missingPrerequisites(trx, cohort.course_id, person.id);
    if (missing.length) {
      const titles = missing.map((c) =>
        courseTitle({ title: c.title, translations: c.translations, language: c.teaching_language }, locale),
      );
      throw new AppError('PREREQUISITES_MISSING', {
        params: { courses: titles.map((t) => `«${t}»`).join(', '), count: titles.length },
      });
    }
    await repo.lockCohort(trx, cohortId);
    const { placements, mail } = await place(trx, cohort, [person.id], 'self', actor.userId, meta);
    const p = placements[0]!;
    if (p.status === 'unchanged' || p.status === 'skipped') throw new AppError('ALREADY_ENROLLED');
    return { id: p.enrolmentId!, mail };
  });
  await deliverMail(ctx, mail);
  return enrolmentView(ctx.db, id);
}

export async function adminEnrol(
  ctx: AppContext,
  actor: Actor,
  cohortId: string,
  input: { email?: string; personId?: string },
  meta: RequestMeta,
) {
  const cohort = await loadCohort(ctx.db, cohortId);
  policy.manageEnrolments(actor, cohort.organisation_id);
  if ((input.email === undefined) === (input.personId === undefined))
    throw new AppError('VALIDATION_FAILED', { fields: { '/email': 'oneOfEmailOrPerson' } });
  // A partner vouches for the people it enrols: prerequisites and the open flag are the learner's checks.
  if (cohort.status === 'cancelled' || cohort.course_status === 'archived')
    throw new AppError('COHORT_NOT_OPEN', { params: { code: cohort.code } });
  const { id, mail } = await ctx.db.transaction().execute(async (trx) => {
    let personId: string;
    if (input.email !== undefined) {
      const user = await repo.findUserByEmail(trx, input.email);
      if (!user) throw new AppError('VALIDATION_FAILED', { fields: { '/email': 'noAccountWithEmail' } });
      personId = (await ensurePersonForUser(trx, user.id)).id;
    } else {
      const person = await repo.findPersonWithAccount(trx, input.personId!, { lock: true });
      if (!person) throw new AppError('VALIDATION_FAILED', { fields: { '/personId': 'unknownPerson' } });
      // Refused rather than followed to the survivor: the partner chose this record, and an enrolment
      // written to the survivor would stay there even if the merge were undone (registry/review/merge.ts).
      if (person.merged_into !== null)
        throw new AppError('VALIDATION_FAILED', { fields: { '/personId': 'personMerged' } });
      if (person.anonymised_at !== null)
        throw new AppError('VALIDATION_FAILED', { fields: { '/personId': 'personErased' } });
      personId = person.id;
    }
    await repo.lockCohort(trx, cohortId);
    const { placements, mail } = await place(trx, cohort, [personId], 'admin', actor.userId, meta);
    const p = placements[0]!;
    // Read again under lock: a merge or an erasure may have ended the record since (or an erased account).
    if (p.reason === 'PERSON_UNAVAILABLE')
      throw new AppError('VALIDATION_FAILED', {
        fields:
          input.email !== undefined ? { '/email': 'noAccountWithEmail' } : { '/personId': 'unknownPerson' },
      });
    if (p.status === 'unchanged' || p.status === 'skipped') throw new AppError('ALREADY_ENROLLED');
    return { id: p.enrolmentId!, mail };
  });
  await deliverMail(ctx, mail);
  return enrolmentView(ctx.db, id);
}

/** An enrolment is the actor's own when its person is the actor's account. */
const owns = (actor: Actor, e: { user_id: string | null }) =>
  e.user_id !== null && e.user_id === actor.userId;

export async function getEnrolment(ctx: AppContext, actor: Actor, id: string) {
  const view = await enrolmentView(ctx.db, id);
  const e = view.enrolment;
  policy.readEnrolment(
    actor,
    await accessTo(ctx.db, actor, { id: e.cohort_id, organisation_id: e.organisation_id }),
    owns(actor, e),
  );
  return view;
}

export async function listRoster(ctx: AppContext, actor: Actor, cohortId: string, f: repo.RosterFilter) {
  const cohort = await loadCohort(ctx.db, cohortId);
  policy.readRoster(actor, await accessTo(ctx.db, actor, cohort));
  const { rows, total } = await repo.listEnrolmentsOfCohort(ctx.db, cohortId, f);
  const positions = new Map(
    (
      await repo.waitlistPositions(
        ctx.db,
        rows.filter((r) => r.status === 'waitlisted').map((r) => r.id),
      )
    ).map((p) => [p.id, p.position]),
  );
  return { rows, positions, total };
}

export async function withdraw(ctx: AppContext, actor: Actor, enrolmentId: string, meta: RequestMeta) {
  const e = await repo.findEnrolment(ctx.db, enrolmentId);
  if (!e) throw notFound('enrolment');
  const own = owns(actor, e);
  policy.withdraw(actor, e.organisation_id, own);
  const mail = await ctx.db.transaction().execute(async (trx) => {
    await repo.lockCohort(trx, e.cohort_id);
    const changed = await repo.setEnrolmentStatus(trx, enrolmentId, ['waitlisted', 'enrolled'], 'withdrawn');
    if (!changed) throw new AppError('ENROLMENT_NOT_ACTIVE');
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'enrolment.withdrawn',
      entityType: 'enrolment',
      entityId: enrolmentId,
      organisationId: e.organisation_id,
      details: { personId: e.person_id, cohortId: e.cohort_id, before: e.status, byLearner: own },
      ip: meta.ip,
    });
    const out: PendingMail[] = [];
    if (!own && e.user_id) {
      const cohort = await loadCohort(trx, e.cohort_id);
      out.push(
        await recordNotification(trx, {
          userId: e.user_id,
          kind: 'withdrawn',
          params: { course: courseParam(cohort), cohortCode: cohort.code, cohortName: cohort.name },
          link: '/learning',
        }),
      );
    }
    if (e.status === 'enrolled') out.push(...(await promoteWaitlisted(trx, e.cohort_id, actor.userId, meta)));
    return out;
  });
  await deliverMail(ctx, mail);
  return enrolmentView(ctx.db, enrolmentId);
}

/**
 * Moves a learner to another class of the same course. The old enrolment ends as `transferred` and
 * points at the new one; lesson progress is copied to the new enrolment, while quiz attempts and
 * attendance stay with the old enrolment, where they happened (attempts still count: a quiz passed in
 * any class of the course is passed). The seat freed in the old class goes to its waitlist. A full target refuses
 * the move rather than waitlisting someone who already has a seat.
 */
export async function transfer(
  ctx: AppContext,
  actor: Actor,
  enrolmentId: string,
  targetCohortId: string,
  meta: RequestMeta,
) {
  const e = await repo.findEnrolment(ctx.db, enrolmentId);
  if (!e) throw notFound('enrolment');
  policy.manageEnrolments(actor, e.organisation_id);
  const target = await repo.findCohort(ctx.db, targetCohortId);
  if (!target) throw new AppError('VALIDATION_FAILED', { fields: { '/cohortId': 'unknownCohort' } });
  policy.manageEnrolments(actor, target.organisation_id);
  if (target.course_id !== e.course_id || target.id === e.cohort_id)
    throw new AppError('TRANSFER_NOT_ALLOWED');
  if (target.status === 'cancelled') throw new AppError('COHORT_NOT_OPEN', { params: { code: target.code } });
  const { newId, mail } = await ctx.db.transaction().execute(async (trx) => {
    // Both classes locked, always in the same order, so two opposite transfers cannot deadlock.
    for (const id of [e.cohort_id, target.id].sort()) await repo.lockCohort(trx, id);
    const current = await repo.findEnrolment(trx, enrolmentId);
    if (!current || (current.status !== 'enrolled' && current.status !== 'waitlisted'))
      throw new AppError('ENROLMENT_NOT_ACTIVE');
    const t = await loadCohort(trx, target.id);
    if (t.capacity !== null && t.taken >= t.capacity)
      throw new AppError('COHORT_FULL', { params: { code: t.code } });
    const inserted = await repo
      .insertEnrolment(trx, {
        cohortId: t.id,
        personId: current.person_id,
        status: 'enrolled',
        source: current.source,
        createdBy: actor.userId,
      })
      .catch((err) => {
        throw isUniqueViolation(err) ? new AppError('ALREADY_ENROLLED') : err;
      });
    await repo.setEnrolmentStatus(trx, enrolmentId, ['enrolled', 'waitlisted'], 'transferred', {
      transferredTo: inserted.id,
    });
    await repo.carryProgress(trx, enrolmentId, inserted.id);
    const details = {
      personId: current.person_id,
      from: enrolmentId,
      to: inserted.id,
      fromCohortId: e.cohort_id,
      toCohortId: t.id,
    };
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'enrolment.transferred',
      entityType: 'enrolment',
      entityId: enrolmentId,
      organisationId: e.organisation_id,
      details,
      ip: meta.ip,
    });
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'enrolment.created',
      entityType: 'enrolment',
      entityId: inserted.id,
      organisationId: t.organisation_id,
      details: { ...details, status: 'enrolled', source: current.source, transferredFrom: enrolmentId },
      ip: meta.ip,
    });
    const out: PendingMail[] = [];
    if (current.user_id)
      out.push(
        await recordNotification(trx, {
          userId: current.user_id,
          kind: 'transferred',
          params: {
            course: courseParam(t),
            cohortCode: t.code,
            cohortName: t.name,
            ...(t.starts_on ? { startsOn: t.starts_on } : {}),
          },
          link: '/learning',
        }),
      );
    if (current.status === 'enrolled')
      out.push(...(await promoteWaitlisted(trx, e.cohort_id, actor.userId, meta)));
    return { newId: inserted.id, mail: out };
  });
  await deliverMail(ctx, mail);
  await evaluateCompletionMany(ctx, [newId], actor.userId);
  return enrolmentView(ctx.db, newId);
}

// ---- progress ------------------------------------------------------------------------------------------

export async function completeLesson(
  ctx: AppContext,
  actor: Actor,
  enrolmentId: string,
  lessonId: string,
  meta: RequestMeta,
) {
  const e = await repo.findEnrolment(ctx.db, enrolmentId);
  if (!e) throw notFound('enrolment');
  policy.completeLesson(owns(actor, e));
  if (e.status !== 'enrolled' && e.status !== 'completed') throw new AppError('ENROLMENT_NOT_ACTIVE');
  const lesson = await repo.findLesson(ctx.db, lessonId);
  if (!lesson || lesson.course_id !== e.course_id || lesson.status !== 'published') throw notFound('lesson');
  if (lesson.kind === 'quiz') throw new AppError('LESSON_IS_QUIZ');
  const completedAt = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await repo.insertLessonProgress(trx, enrolmentId, lessonId);
    if (!inserted) return (await repo.findLessonProgress(trx, enrolmentId, lessonId))!.completed_at;
    await insertAudit(trx, {
      actorUserId: actor.userId,
      action: 'lesson.completed',
      entityType: 'enrolment',
      entityId: enrolmentId,
      organisationId: e.organisation_id,
      details: { personId: e.person_id, lessonId },
      ip: meta.ip,
    });
    return inserted.completed_at;
  });
  const [outcome] = await evaluateCompletionMany(ctx, [enrolmentId], actor.userId);
  const subjects = await repo.completionSubjects(ctx.db, [enrolmentId]);
  const assessed = await assessEnrolments(ctx, subjects);
  return {
    enrolmentId,
    lessonId,
    completedAt: new Date(completedAt).toISOString(),
    enrolmentCompleted: !!outcome?.completed,
    progressPct: assessed.assessment(enrolmentId).progressPct,
  };
}

// ---- attendance ----------------------------------------------------------------------------------------

export async function sessionAttendance(ctx: AppContext, actor: Actor, cohortId: string, sessionId: string) {
  const cohort = await loadCohort(ctx.db, cohortId);
  policy.readCohort(actor, await accessTo(ctx.db, actor, cohort));
  const session = await repo.findSession(ctx.db, cohortId, sessionId);
  if (!session) throw notFound('session');
  return { session, items: await repo.sessionRoster(ctx.db, cohortId, sessionId) };
}

/**
 * Records marks for one session (one or many learners) and re-evaluates those learners' completion.
 * Every learner must hold a seat in this cohort; otherwise nothing is written.
 */
export async function recordAttendance(
  ctx: AppContext,
  actor: Actor,
  cohortId: string,
  sessionId: string,
  items: { enrolmentId: string; status: AttendanceStatus }[],
  meta: RequestMeta,
  single = false,
) {
  const cohort = await loadCohort(ctx.db, cohortId);
  policy.recordAttendance(actor, await accessTo(ctx.db, actor, cohort));
  if (!(await repo.findSession(ctx.db, cohortId, sessionId))) throw notFound('session');
  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  items.forEach((it, i) => {
    if (seen.has(it.enrolmentId)) fields[`/items/${i}/enrolmentId`] = 'duplicate';
    seen.add(it.enrolmentId);
  });
  const ids = [...seen];
  await ctx.db.transaction().execute(async (trx) => {
    const seated = new Map(
      (await repo.seatedEnrolmentsAmong(trx, cohortId, ids)).map((r) => [r.id, r.person_id]),
    );
    if (single && !seated.has(items[0]!.enrolmentId)) throw notFound('enrolment');
    items.forEach((it, i) => {
      if (!seated.has(it.enrolmentId)) fields[`/items/${i}/enrolmentId`] ??= 'notInCohort';
    });
    if (Object.keys(fields).length) throw new AppError('VALIDATION_FAILED', { fields });
    const before = new Map(
      (await repo.attendanceOfSession(trx, sessionId, ids)).map((a) => [a.enrolment_id, a.status]),
    );
    const changed = items.filter((it) => before.get(it.enrolmentId) !== it.status);
    await repo.upsertAttendance(trx, sessionId, changed, actor.userId);
    for (const it of changed)
      await insertAudit(trx, {
        actorUserId: actor.userId,
        action: 'attendance.recorded',
        entityType: 'enrolment',
        entityId: it.enrolmentId,
        organisationId: cohort.organisation_id,
        details: {
          personId: seated.get(it.enrolmentId),
          cohortId,
          sessionId,
          status: it.status,
          before: before.get(it.enrolmentId) ?? null,
        },
        ip: meta.ip,
      });
  });
  await evaluateCompletionMany(ctx, ids, actor.userId);
  return sessionAttendance(ctx, actor, cohortId, sessionId);
}

// ---- my learning ---------------------------------------------------------------------------------------

/** The signed-in learner's classes: what to do next and by when, and what they finished. */
export async function myLearning(ctx: AppContext, actor: Actor, locale: Locale) {
  const person = await repo.findPersonOfUser(ctx.db, actor.userId);
  if (!person) return { current: [], completed: [] };
  const rows = await repo.learningOfPerson(ctx.db, person.id);
  const live = rows.filter((r) => r.status === 'enrolled' || r.status === 'waitlisted');
  const done = rows.filter((r) => r.status === 'completed');
  const now = new Date();
  const [subjects, sessions, positions, credentials] = await Promise.all([
    repo.completionSubjects(
      ctx.db,
      live.map((r) => r.id),
    ),
    repo.nextSessions(ctx.db, [...new Set(live.map((r) => r.cohort_id))], now),
    repo.waitlistPositions(
      ctx.db,
      live.filter((r) => r.status === 'waitlisted').map((r) => r.id),
    ),
    repo.credentialsOfEnrolments(
      ctx.db,
      done.map((r) => r.id),
    ),
  ]);
  const assessed = await assessEnrolments(ctx, subjects, undefined, now);
  const sessionOf = new Map(sessions.map((s) => [s.cohort_id, s]));
  const positionOf = new Map(positions.map((p) => [p.id, p.position]));
  const credentialOf = new Map(credentials.map((c) => [c.enrolment_id!, c.id]));
  const title = (r: (typeof rows)[number]) =>
    courseTitle(
      { title: r.course_title, translations: r.course_translations, language: r.course_language },
      locale,
    );
  return {
    current: live.map((r) => {
      const facts = assessed.facts(r.id);
      const next = assessed.lessonsOf(r.course_id).find((l) => l.required && !lessonDone(l, facts));
      const s = sessionOf.get(r.cohort_id);
      return {
        enrolmentId: r.id,
        status: r.status as 'enrolled' | 'waitlisted',
        course: { id: r.course_id, slug: r.course_slug, title: title(r) },
        cohort: {
          id: r.cohort_id,
          code: r.cohort_code,
          startsOn: r.starts_on,
          endsOn: r.ends_on,
          online: r.online,
        },
        progressPct: assessed.assessment(r.id).progressPct,
        nextLesson: next ? { id: next.id, title: next.title, kind: next.kind } : null,
        nextSession: s
          ? {
              startsAt: new Date(s.starts_at).toISOString(),
              endsAt: new Date(s.ends_at).toISOString(),
              location: s.location,
            }
          : null,
        waitlistPosition: positionOf.get(r.id) ?? null,
      };
    }),
    completed: done.map((r) => ({
      enrolmentId: r.id,
      course: { id: r.course_id, slug: r.course_slug, title: title(r) },
      cohortCode: r.cohort_code,
      completedAt: new Date(r.completed_at ?? r.enrolled_at).toISOString(),
      credentialId: credentialOf.get(r.id) ?? null,
    })),
  };
}

// ---- trainers' reach -----------------------------------------------------------------------------------

export async function trainerBeneficiaries(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  f: { from?: string; to?: string; page: number; pageSize: number },
) {
  const trainer = await repo.findPersonWithAccount(ctx.db, personId);
  // A merged record's certifications and classes are its survivor's now: its own reach would read 0.
  if (!trainer || trainer.merged_into !== null) throw notFound('person');
  const orgs = trainer.user_id ? await repo.organisationsOfTrainer(ctx.db, trainer.user_id) : [];
  const scope = policy.beneficiaryScope(actor, orgs);
  const [certifications, list] = await Promise.all([
    repo.certificationsOf(ctx.db, personId),
    repo.listIndirectBeneficiaries(
      ctx.db,
      { trainerPersonId: personId, organisationIds: scope.organisationIds, from: f.from, to: f.to },
      f,
    ),
  ]);
  const first = certifications[0];
  return {
    trainer: {
      personId: trainer.id,
      fullName: trainer.full_name,
      certifiedOn: first ? todayInVietnam(new Date(first.certified_at)) : null,
    },
    ...list,
  };
}
