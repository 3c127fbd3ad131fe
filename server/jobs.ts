/**
 * Work the platform does by the calendar, not on request: the day-before reminder of a cohort's
 * start, and closing the job postings whose closing date has passed. The server runs it shortly after
 * start-up and then every hour; both are idempotent per day (reminders.ts; a closed job stays closed),
 * so a restart or a second server never sends a reminder twice.
 * Operators without a long-running server can call `nhanluc send-reminders` from cron instead.
 */
import { timeZone } from '../common/i18n/locales';
import type { AppContext } from './lib/context';
import { sendCohortStartReminders } from './modules/notifications/reminders';
import { closeExpiredJobs } from './modules/talent/jobs/service';

const HOUR_MS = 60 * 60 * 1000;

/** Made once: making a formatter costs far more than formatting (the search box asks every time). */
const vietnamDay = new Intl.DateTimeFormat('en-CA', {
  timeZone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Vietnam (YYYY-MM-DD) at `now`. */
export function vietnamDate(now: Date = new Date()): string {
  return vietnamDay.format(now);
}

export async function runDailyJobs(ctx: AppContext, today = vietnamDate()) {
  const reminders = await sendCohortStartReminders(ctx, today);
  const jobsClosed = await closeExpiredJobs(ctx.db, today);
  return { date: today, cohortStartReminders: reminders.sent, jobsClosed };
}

/** Starts the hourly loop; the returned function stops it (called when the server closes). */
export function scheduleDailyJobs(ctx: AppContext, opts: { firstDelayMs?: number } = {}): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const r = await runDailyJobs(ctx);
      if (r.cohortStartReminders > 0) {
        ctx.log.info(`daily jobs ${r.date}: ${r.cohortStartReminders} cohort start reminders sent`);
      }
    } catch (e) {
      ctx.log.error(e, 'daily jobs failed; they run again within the hour');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(tick, opts.firstDelayMs ?? 30_000);
  const every = setInterval(tick, HOUR_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
