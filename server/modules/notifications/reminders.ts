/**
 * The day-before reminder of a cohort's start. Meant to run once a day (a scheduler or the CLI calls
 * it); running it again the same day, or twice in parallel after the first has committed, sends
 * nothing new: a learner already holding a `cohort_starting` notification for that cohort is skipped.
 */
import type { AppContext } from '../../lib/context';
import * as enrolmentRepo from '../enrolment/repo';
import { deliverMail, type PendingMail, recordNotification } from './service';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The ISO date after `today` (both calendar dates in Vietnam, YYYY-MM-DD). */
export function nextDay(today: string): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** Notifies the seated learners (with an account) of cohorts that start tomorrow. Returns how many. */
export async function sendCohortStartReminders(ctx: AppContext, today: string): Promise<{ sent: number }> {
  const tomorrow = nextDay(today);
  const pending: PendingMail[] = await ctx.db.transaction().execute(async (trx) => {
    const targets = await enrolmentRepo.cohortStartReminderTargets(trx, tomorrow);
    const out: PendingMail[] = [];
    for (const t of targets) {
      out.push(
        await recordNotification(trx, {
          userId: t.user_id!,
          kind: 'cohort_starting',
          params: {
            cohortId: t.cohort_id,
            cohortCode: t.cohort_code,
            cohortName: t.cohort_name,
            course: {
              title: t.course_title,
              translations: t.course_translations,
              language: t.course_language,
            },
            startsOn: t.starts_on,
            online: t.online,
            location: t.location,
          },
          link: '/learning',
        }),
      );
    }
    return out;
  });
  await deliverMail(ctx, pending);
  return { sent: pending.length };
}
