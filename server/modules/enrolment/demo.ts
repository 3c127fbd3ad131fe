/**
 * Demo classes for the demo courses of the catalog: a running class per course (started three weeks
 * ago, weekly sessions for courses taught in person), its partner's demo learners enrolled with some
 * progress and attendance, and for each partner's first course a second, upcoming class that is full
 * with a waitlist. The Mekong partner's demo trainer teaches its classes and was certified by the
 * training-of-trainers course two months ago, so the trainers' reach has something to show. The demo
 * learner (learner@demo.nhanluc.vn) has a class in progress and one completed.
 *
 * Idempotent: a class whose code exists in its organisation is left alone; no demo course, nothing
 * done. Dates follow today, so the demo always shows classes running now. E-mails are not sent for
 * seeded enrolments (the in-app notifications are there).
 */
import type { AppContext } from '../../lib/context';
import { ensurePersonForUser } from '../people/repo';
import { evaluateCompletionMany } from './completion';
import * as repo from './repo';
import { enrolPeople, todayInVietnam } from './service';

const DEMO_LEARNER = 'learner@demo.nhanluc.vn';
const DEMO_TRAINER = 'trainer@demo.nhanluc.vn';
const TOT_SLUG = 'dao-tao-giang-vien-ky-nang-so';
/** The course whose demo class has already finished, every learner certified. */
const FINISHED_SLUG = 'kiem-tra-wafer';
const DAY = 86_400_000;

const dayFrom = (today: string, days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+07:00`);

/** Mã lớp from the course slug: its words' initials, e.g. iot-nong-nghiep-mekong → INNM-K1. */
export const demoCohortCode = (slug: string, n: number) =>
  `${slug
    .split('-')
    .map((w) => w[0]!.toUpperCase())
    .join('')
    .slice(0, 12)}-K${n}`;

interface DemoClass {
  courseId: string;
  organisationId: string;
  slug: string;
  code: string;
  name: string;
  startsOn: string;
  endsOn: string;
  capacity: number | null;
  online: boolean;
  provinceCode: string | null;
  trainerUserIds: string[];
  /** Session days relative to the start, at 08:00–11:00 Vietnam time. */
  sessionDays: number[];
}

async function createClass(ctx: AppContext, c: DemoClass): Promise<string | null> {
  return ctx.db.transaction().execute(async (trx) => {
    if (await repo.findCohortByCode(trx, c.organisationId, c.code)) return null;
    const { id } = await repo.insertCohort(trx, c.courseId, c.organisationId, {
      code: c.code,
      name: c.name,
      startsOn: c.startsOn,
      endsOn: c.endsOn,
      capacity: c.capacity,
      online: c.online,
      location: c.online ? null : 'Phòng học 2, cơ sở chính',
      provinceCode: c.provinceCode,
      status: 'open',
    });
    await repo.replaceCohortTrainers(trx, id, c.trainerUserIds);
    for (const d of c.sessionDays) {
      const day = dayFrom(c.startsOn, d);
      await repo.insertSession(trx, id, {
        startsAt: at(day, 8).toISOString(),
        endsAt: at(day, 11).toISOString(),
        topic: null,
        location: c.online ? null : 'Phòng học 2',
      });
    }
    return id;
  });
}

/**
 * Learners with `lessonsDone[i]` lessons done and present at every held session but every third,
 * in enrolment order. Written straight through the repository: this is the past being laid down.
 */
async function addProgress(
  ctx: AppContext,
  cohortId: string,
  courseId: string,
  enrolmentIds: string[],
  lessonsDone: (i: number) => number,
  recordedBy: string | null,
  allPresent = false,
) {
  const lessons = (await repo.publishedLessons(ctx.db, [courseId])).filter((l) => l.kind !== 'quiz');
  const held = (await repo.listSessions(ctx.db, cohortId)).filter(
    (s) => new Date(s.starts_at).getTime() <= Date.now(),
  );
  await ctx.db.transaction().execute(async (trx) => {
    for (const [i, enrolmentId] of enrolmentIds.entries()) {
      for (const l of lessons.slice(0, lessonsDone(i)))
        await repo.insertLessonProgress(trx, enrolmentId, l.id);
    }
    if (!recordedBy) return;
    for (const [s, session] of held.entries()) {
      await repo.upsertAttendance(
        trx,
        session.id,
        enrolmentIds.map((enrolmentId, i) => ({
          enrolmentId,
          status: allPresent || (s + i) % 3 !== 2 ? 'present' : i % 2 ? 'absent' : 'excused',
        })),
        recordedBy,
      );
    }
  });
}

export async function seedDemoCohorts(ctx: AppContext): Promise<{ cohorts: number }> {
  const courses = await repo.demoCourses(ctx.db);
  if (courses.length === 0) return { cohorts: 0 };
  const today = todayInVietnam();
  const demoLearner = await repo.findUserByEmail(ctx.db, DEMO_LEARNER);
  const demoTrainer = await repo.findUserByEmail(ctx.db, DEMO_TRAINER);
  const firstOfOrg = new Set<string>();
  let created = 0;
  const toEvaluate: string[] = [];

  const enrol = async (cohortId: string, userIds: string[]) => {
    const personIds: string[] = [];
    for (const u of userIds) personIds.push((await ensurePersonForUser(ctx.db, u)).id);
    const { placements } = await ctx.db
      .transaction()
      .execute((trx) => enrolPeople(ctx, trx, { cohortId, personIds, source: 'roster', actorUserId: null }));
    return placements.filter((p) => p.status === 'enrolled').map((p) => p.enrolmentId!);
  };

  // The trainer's certification comes first, two months back, so the classes they teach now count.
  const tot = courses.find((c) => c.slug === TOT_SLUG);
  if (tot && demoTrainer) {
    const code = demoCohortCode(tot.slug, 0);
    const id = await createClass(ctx, {
      courseId: tot.id,
      organisationId: tot.organisation_id,
      slug: tot.slug,
      code,
      name: `${tot.title} — khoá 0`,
      startsOn: dayFrom(today, -75),
      endsOn: dayFrom(today, -60),
      capacity: null,
      online: tot.delivery_mode === 'online',
      provinceCode: tot.province_code,
      trainerUserIds: [],
      sessionDays: [0, 7, 14],
    });
    if (id) {
      created++;
      const seated = await enrol(id, [demoTrainer.id]);
      await addProgress(ctx, id, tot.id, seated, () => 1000, null);
      await addProgress(ctx, id, tot.id, seated, () => 0, demoTrainer.id, true);
      await evaluateCompletionMany(ctx, seated);
      const person = await ensurePersonForUser(ctx.db, demoTrainer.id);
      await repo.setCertifiedAt(ctx.db, person.id, tot.id, at(dayFrom(today, -60), 17));
    }
  }

  for (const course of courses) {
    if (course.slug === TOT_SLUG) continue;
    const learners = await repo.learnerAccountsOf(ctx.db, course.organisation_id);
    const trainers = demoTrainer
      ? await repo.trainersAmong(ctx.db, course.organisation_id, [demoTrainer.id])
      : [];
    const inPerson = course.delivery_mode !== 'online';
    const running = await createClass(ctx, {
      courseId: course.id,
      organisationId: course.organisation_id,
      slug: course.slug,
      code: demoCohortCode(course.slug, 1),
      name: `${course.title} — khoá 1`,
      startsOn: dayFrom(today, -21),
      endsOn: dayFrom(today, 35),
      capacity: 30,
      online: !inPerson,
      provinceCode: course.province_code,
      trainerUserIds: trainers,
      sessionDays: inPerson ? [0, 7, 14, 21, 28, 35, 42, 49] : [0, 28],
    });
    const first = !firstOfOrg.has(course.organisation_id);
    firstOfOrg.add(course.organisation_id);
    if (running) {
      created++;
      const userIds = learners.slice(0, 2).map((l) => l.id);
      // The demo learner studies with the Mekong partner's first class, one lesson in.
      if (demoLearner && first && trainers.length) userIds.unshift(demoLearner.id);
      const seated = await enrol(running, userIds);
      await addProgress(ctx, running, course.id, seated, (i) => i + 1, trainers[0] ?? null);
      toEvaluate.push(...seated);
    }
    // A class of the wafer-inspection course finished two months ago: its learners hold certificates
    // that verify semiconductor skills (the labour market's "trained so far", employers' candidates).
    if (course.slug === FINISHED_SLUG) {
      const finished = await createClass(ctx, {
        courseId: course.id,
        organisationId: course.organisation_id,
        slug: course.slug,
        code: demoCohortCode(course.slug, 0),
        name: `${course.title} — khoá 0`,
        startsOn: dayFrom(today, -120),
        endsOn: dayFrom(today, -64),
        capacity: 30,
        online: !inPerson,
        provinceCode: course.province_code,
        trainerUserIds: trainers,
        sessionDays: inPerson ? [0, 7, 14, 21, 28, 35, 42, 49] : [0, 28],
      });
      const recorder = trainers[0] ?? demoTrainer?.id ?? null;
      if (finished && recorder) {
        created++;
        const seated = await enrol(
          finished,
          learners.slice(2, 8).map((l) => l.id),
        );
        await addProgress(ctx, finished, course.id, seated, () => 1000, recorder, true);
        toEvaluate.push(...seated);
      }
    }
    if (first) {
      const upcoming = await createClass(ctx, {
        courseId: course.id,
        organisationId: course.organisation_id,
        slug: course.slug,
        code: demoCohortCode(course.slug, 2),
        name: `${course.title} — khoá 2`,
        startsOn: dayFrom(today, 14),
        endsOn: dayFrom(today, 70),
        capacity: 2,
        online: !inPerson,
        provinceCode: course.province_code,
        trainerUserIds: trainers,
        sessionDays: inPerson ? [0, 7, 14] : [0],
      });
      if (upcoming) {
        created++;
        // Three learners for two seats: the class is full and one waits.
        await enrol(
          upcoming,
          learners.slice(2, 5).map((l) => l.id),
        );
      }
    }
  }

  // The demo learner finished one online course of another partner: a completion with its certificate.
  const online = courses.filter((c) => c.delivery_mode === 'online' && c.slug !== TOT_SLUG);
  const lessons = await repo.publishedLessons(
    ctx.db,
    online.map((c) => c.id),
  );
  const finished = online.find((c) => !lessons.some((l) => l.course_id === c.id && l.kind === 'quiz'));
  if (finished && demoLearner) {
    const id = await createClass(ctx, {
      courseId: finished.id,
      organisationId: finished.organisation_id,
      slug: finished.slug,
      code: demoCohortCode(finished.slug, 0),
      name: `${finished.title} — khoá 0`,
      startsOn: dayFrom(today, -90),
      endsOn: dayFrom(today, -30),
      capacity: null,
      online: true,
      provinceCode: null,
      trainerUserIds: [],
      sessionDays: [],
    });
    if (id) {
      created++;
      const seated = await enrol(id, [demoLearner.id]);
      await addProgress(ctx, id, finished.id, seated, () => 1000, null);
      toEvaluate.push(...seated);
    }
  }

  // Whoever met the rule completes now, with a certificate when the course's quizzes allow it.
  await evaluateCompletionMany(ctx, toEvaluate);
  if (created) ctx.log.info(`${created} demo cohorts created`);
  return { cohorts: created };
}
