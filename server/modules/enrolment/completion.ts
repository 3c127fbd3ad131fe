/**
 * When an enrolment is complete, and what happens then.
 *
 * The rule (documented in README.md, tested as a matrix in completion.test.ts):
 *   1. every required, published lesson of the course is done — a text, video or file lesson when the
 *      learner marked it done (lesson_progress); a quiz lesson when the person's best submitted score
 *      on its quiz, in any of their classes of the course, reaches the quiz's pass mark as set now
 *      (the quizzes module's rule, quizPassedByEnrolment). Optional lessons never block;
 *   2. for in-person and blended courses with a minimum attendance, attendance ≥ that minimum, where
 *      attendance = present ÷ (sessions held so far − sessions excused). A session is held once it has
 *      started; a held session without a mark counts as absent; an excused session counts as neither
 *      present nor held. With nothing to count (no held, unexcused session) the minimum is not met;
 *   3. a course with no required lesson and no attendance rule is never completed automatically.
 * Completion is final: a later absence or a new lesson does not take it back.
 *
 * On completion, in one transaction: status → completed (a conditional update, so two evaluations
 * cannot both complete it), an audit row, the learner's notification, and for a training-of-trainers
 * course the trainer certification. Then, outside the transaction, the certificate is issued by the
 * credentials module; an evaluation of an already completed enrolment without a certificate retries
 * that, so evaluating twice issues once and a failed issuance heals on the next evaluation.
 *
 * Call these after your own transaction has committed: on PGlite a query from inside an open
 * transaction on another connection would wait for ever.
 */
import type { AppContext } from '../../lib/context';
import { insertAudit } from '../audit/repo';
import { deliverMail, type PendingMail, recordNotification } from '../notifications/service';
import * as repo from './repo';

export interface LessonRule {
  id: string;
  kind: 'text' | 'video' | 'file' | 'quiz';
  required: boolean;
  quiz_id: string | null;
}

export interface EnrolmentFacts {
  /** Text, video and file lessons with a lesson_progress row. */
  doneLessonIds: ReadonlySet<string>;
  /** Quizzes whose best submitted score reaches the pass mark. */
  passedQuizIds: ReadonlySet<string>;
  present: number;
  excused: number;
}

export interface CourseRule {
  deliveryMode: 'online' | 'in_person' | 'blended';
  minAttendancePct: number | null;
  /** Sessions of the cohort that have started. */
  held: number;
}

export interface Assessment {
  requiredTotal: number;
  requiredDone: number;
  /** 0–100, whole number; 100 when there is nothing required and the rest is met. */
  progressPct: number;
  /** 0–100 with one decimal, or null when there is nothing to count yet. */
  attendancePct: number | null;
  attendanceRequired: boolean;
  attendanceMet: boolean;
  lessonsMet: boolean;
  met: boolean;
}

export const lessonDone = (l: LessonRule, f: EnrolmentFacts) =>
  l.kind === 'quiz' ? l.quiz_id !== null && f.passedQuizIds.has(l.quiz_id) : f.doneLessonIds.has(l.id);

export function attendancePct(present: number, excused: number, held: number): number | null {
  const counted = held - excused;
  if (counted <= 0) return null;
  return Math.round((Math.min(present, counted) / counted) * 1000) / 10;
}

/** The completion rule as a pure function: what the gradebook shows is what completion decides. */
export function assess(lessons: readonly LessonRule[], facts: EnrolmentFacts, rule: CourseRule): Assessment {
  const required = lessons.filter((l) => l.required);
  const requiredDone = required.filter((l) => lessonDone(l, facts)).length;
  const pct = attendancePct(facts.present, facts.excused, rule.held);
  const attendanceRequired =
    rule.deliveryMode !== 'online' && rule.minAttendancePct !== null && rule.minAttendancePct > 0;
  const attendanceMet = !attendanceRequired || (pct !== null && pct >= rule.minAttendancePct!);
  const lessonsMet = requiredDone === required.length;
  const met = lessonsMet && attendanceMet && (required.length > 0 || attendanceRequired);
  return {
    requiredTotal: required.length,
    requiredDone,
    progressPct: required.length === 0 ? (met ? 100 : 0) : Math.floor((requiredDone / required.length) * 100),
    attendancePct: pct,
    attendanceRequired,
    attendanceMet,
    lessonsMet,
    met,
  };
}

/**
 * The facts of many enrolments about these lessons (published lessons of their courses), read with one
 * query per kind of fact.
 */
export async function loadFacts(
  ctx: AppContext,
  scope: repo.Scope,
  lessons: readonly LessonRule[],
  now: Date,
) {
  const lessonIds = lessons.map((l) => l.id);
  const quizIds = [...new Set(lessons.flatMap((l) => (l.kind === 'quiz' && l.quiz_id ? [l.quiz_id] : [])))];
  const [progress, quizzes, attendance] = await Promise.all([
    repo.progressOf(ctx.db, scope, lessonIds),
    repo.quizResultsOf(ctx.db, scope, quizIds),
    repo.attendanceCountsOf(ctx.db, scope, now),
  ]);
  const facts = new Map<
    string,
    { doneLessonIds: Set<string>; passedQuizIds: Set<string>; present: number; excused: number }
  >();
  const of = (id: string) => {
    let f = facts.get(id);
    if (!f) {
      f = { doneLessonIds: new Set(), passedQuizIds: new Set(), present: 0, excused: 0 };
      facts.set(id, f);
    }
    return f;
  };
  for (const [enrolmentId, indexes] of Object.entries(progress)) {
    const f = of(enrolmentId);
    for (const i of indexes) f.doneLessonIds.add(lessonIds[i]!);
  }
  const best = new Map<string, Map<string, number | null>>();
  for (const [enrolmentId, results] of Object.entries(quizzes)) {
    const scores = new Map<string, number | null>();
    best.set(enrolmentId, scores);
    for (const [i, score, passed] of results) {
      const quizId = quizIds[i]!;
      if (passed) of(enrolmentId).passedQuizIds.add(quizId);
      scores.set(quizId, score === null ? null : Number(score));
    }
  }
  for (const [enrolmentId, present, excused] of attendance)
    Object.assign(of(enrolmentId), { present, excused });
  return {
    facts: (id: string): EnrolmentFacts => facts.get(id) ?? of(id),
    bestScore: (enrolmentId: string, quizId: string) => best.get(enrolmentId)?.get(quizId) ?? null,
  };
}

export interface AssessmentSubject {
  id: string;
  course_id: string;
  cohort_id: string;
  delivery_mode: CourseRule['deliveryMode'];
  min_attendance_pct: number | null;
}

/**
 * Assesses many enrolments with one query per kind of fact: the gradebook passes a whole cohort as
 * the scope, completion and "my learning" a list of enrolments.
 */
export async function assessEnrolments(
  ctx: AppContext,
  subjects: readonly AssessmentSubject[],
  scope: repo.Scope = { enrolmentIds: subjects.map((s) => s.id) },
  now = new Date(),
) {
  const [lessons, held] = await Promise.all([
    repo.publishedLessons(ctx.db, [...new Set(subjects.map((s) => s.course_id))]),
    repo.heldSessions(ctx.db, [...new Set(subjects.map((s) => s.cohort_id))], now),
  ]);
  const loaded = await loadFacts(ctx, scope, lessons, now);
  const byCourse = new Map<string, repo.LessonRow[]>();
  for (const l of lessons) byCourse.set(l.course_id, [...(byCourse.get(l.course_id) ?? []), l]);
  const heldBy = new Map(held.map((h) => [h.cohort_id, h.held]));
  const assessments = new Map<string, Assessment>();
  for (const s of subjects) {
    assessments.set(
      s.id,
      assess(byCourse.get(s.course_id) ?? [], loaded.facts(s.id), {
        deliveryMode: s.delivery_mode,
        minAttendancePct: s.min_attendance_pct,
        held: heldBy.get(s.cohort_id) ?? 0,
      }),
    );
  }
  return {
    lessonsOf: (courseId: string) => byCourse.get(courseId) ?? [],
    heldIn: (cohortId: string) => heldBy.get(cohortId) ?? 0,
    facts: loaded.facts,
    bestScore: loaded.bestScore,
    assessment: (id: string) => assessments.get(id)!,
  };
}

type IssueCredential = (ctx: AppContext, enrolmentId: string) => Promise<{ credentialId: string }>;

// Loaded lazily: the credentials module is written alongside this one, and it must not be pulled into
// every import of completion (the quizzes module imports this file).
const CREDENTIALS_SERVICE: string = '../credentials/service';
let issuer: Promise<IssueCredential | null> | undefined;
function loadIssuer(ctx: AppContext) {
  issuer ??= import(/* @vite-ignore */ CREDENTIALS_SERVICE).then(
    (m: { issueCredential?: IssueCredential }) =>
      typeof m.issueCredential === 'function' ? m.issueCredential : null,
    (e: unknown) => {
      ctx.log.warn(`credentials service not available, certificates are not issued: ${String(e)}`);
      issuer = undefined;
      return null;
    },
  );
  return issuer;
}

export interface CompletionOutcome {
  enrolmentId: string;
  completed: boolean;
  /** True when this evaluation made it complete. */
  completedNow: boolean;
  credentialId: string | null;
}

/**
 * Evaluates many enrolments in a handful of queries (attendance of a whole session re-evaluates its
 * class at once). Enrolments that are not enrolled or completed are left alone.
 */
export async function evaluateCompletionMany(
  ctx: AppContext,
  enrolmentIds: string[],
  actorUserId: string | null = null,
): Promise<CompletionOutcome[]> {
  const ids = [...new Set(enrolmentIds)];
  const subjects = await repo.completionSubjects(ctx.db, ids);
  const candidates = subjects.filter((s) => s.status === 'enrolled');
  const toComplete = new Set<string>();
  if (candidates.length) {
    const assessed = await assessEnrolments(ctx, candidates);
    for (const s of candidates) if (assessed.assessment(s.id).met) toComplete.add(s.id);
  }

  const mails: PendingMail[] = [];
  const changed = new Set<string>();
  if (toComplete.size) {
    await ctx.db.transaction().execute(async (trx) => {
      const done = await repo.markCompleted(trx, [...toComplete]);
      for (const row of done) {
        const s = subjects.find((x) => x.id === row.id)!;
        changed.add(row.id);
        await insertAudit(trx, {
          actorUserId,
          action: 'enrolment.completed',
          entityType: 'enrolment',
          entityId: row.id,
          organisationId: s.organisation_id,
          details: { personId: s.person_id, cohortId: s.cohort_id, courseId: s.course_id },
        });
        if (s.is_tot) await repo.insertTrainerCertification(trx, s.person_id, s.course_id);
        if (s.user_id)
          mails.push(
            await recordNotification(trx, {
              userId: s.user_id,
              kind: 'course_completed',
              params: {
                course: {
                  title: s.course_title,
                  translations: s.course_translations,
                  language: s.course_language,
                },
                cohortCode: s.cohort_code,
              },
              link: `/learning/enrolments/${row.id}`,
            }),
          );
      }
    });
  }
  await deliverMail(ctx, mails);

  // Every completed enrolment of the call gets its certificate; those that already have one are skipped.
  const completed = subjects.filter((s) => s.status === 'completed' || changed.has(s.id));
  const existing = new Map(
    (
      await repo.credentialsOfEnrolments(
        ctx.db,
        completed.map((s) => s.id),
      )
    ).map((c) => [c.enrolment_id!, c.id]),
  );
  for (const s of completed) {
    if (existing.has(s.id)) continue;
    const issue = await loadIssuer(ctx);
    if (!issue) break;
    try {
      const { credentialId } = await issue(ctx, s.id);
      existing.set(s.id, credentialId);
      if (s.is_tot) await repo.linkCertificationCredential(ctx.db, s.person_id, s.course_id, credentialId);
    } catch (e) {
      // The enrolment stays completed; the next evaluation (or the credentials module) retries.
      ctx.log.error(e, `issuing the certificate of enrolment ${s.id} failed`);
    }
  }

  return ids.map((id) => {
    const s = subjects.find((x) => x.id === id);
    const completedNow = changed.has(id);
    return {
      enrolmentId: id,
      completed: completedNow || s?.status === 'completed',
      completedNow,
      credentialId: existing.get(id) ?? null,
    };
  });
}

/**
 * Completes the enrolment when the rule is met (see the header). Idempotent. The quizzes module calls
 * it after each submission, this module after each lesson marked done and each attendance change.
 */
export async function evaluateCompletion(
  ctx: AppContext,
  enrolmentId: string,
): Promise<{ completed: boolean }> {
  const [outcome] = await evaluateCompletionMany(ctx, [enrolmentId]);
  return { completed: !!outcome?.completed };
}
