/**
 * Notifications: an in-app row for the account, and the same message by e-mail. The row keeps the
 * kind and its parameters, not the words, so the bell shows them in the reader's current language;
 * the e-mail is written in the account's language when it is sent.
 *
 * Inside a use case's transaction, call `recordNotification(trx, …)` and, after the commit,
 * `deliverMail(ctx, pending)`: the row is atomic with the change it reports, and no mail leaves for a
 * change that rolled back. Outside a transaction, `notify(ctx, …)` does both.
 */
import type { Kysely } from 'kysely';
import type { NotificationKind } from '../../../common/contracts/notifications';
import { intlTag, type Locale, timeZone } from '../../../common/i18n/locales';
import type { DB } from '../../db/schema';
import type { AppContext } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { translate } from '../../lib/i18n';
import * as repo from './repo';

export type { NotificationKind } from '../../../common/contracts/notifications';

/**
 * What a course looks like in parameters: its titles, so each reader gets their language. A plain
 * string is accepted too (shown as is).
 */
export interface CourseParam {
  title: string;
  translations: Partial<Record<Locale, { title?: string }>> | Record<string, unknown>;
  language: Locale;
}

export interface PendingMail {
  userId: string;
  kind: NotificationKind | (string & {});
  params: Record<string, unknown>;
  link: string | null;
}

const isIsoDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

export function courseTitleIn(course: unknown, locale: Locale): string {
  if (typeof course === 'string') return course;
  if (!course || typeof course !== 'object') return '';
  const c = course as Partial<CourseParam>;
  if (locale === c.language) return c.title ?? '';
  const t = (c.translations as Partial<Record<Locale, { title?: string }>> | undefined)?.[locale]?.title;
  return t || c.title || '';
}

const formatDate = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(intlTag[locale], { dateStyle: 'long', timeZone }).format(
    new Date(`${iso}T12:00:00+07:00`),
  );

function translated(locale: Locale, key: string, params: Record<string, unknown> = {}): string | null {
  const text = translate(locale, key, params);
  return text === key ? null : text;
}

/** The parameters as words of one language: course titles picked, dates written out, codes named. */
function wordsOf(kind: string, params: Record<string, unknown>, locale: Locale): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (k === 'course') out[k] = courseTitleIn(v, locale);
    else if (isIsoDate(v)) out[k] = formatDate(v, locale);
    else if (k === 'reason' && typeof v === 'string')
      out[k] = translated(locale, `credentials.revocationReasons.${v}`) ?? v;
    else out[k] = v === null || v === undefined ? '' : String(v);
  }
  out.course ??= typeof params.courseTitle === 'string' ? params.courseTitle : '';
  if (kind === 'cohort_starting') {
    out.place =
      params.online === true
        ? (translated(locale, 'notifications.online') ?? '')
        : String(params.location ?? '');
  }
  return out;
}

export function renderNotification(
  locale: Locale,
  kind: string,
  params: Record<string, unknown>,
): { title: string; body: string } {
  const words = wordsOf(kind, params, locale);
  return {
    title:
      translated(locale, `notifications.${kind}.title`, words) ??
      translate(locale, 'notifications.generic.title', words),
    body:
      translated(locale, `notifications.${kind}.body`, words) ??
      translate(locale, 'notifications.generic.body', words),
  };
}

/** Writes the in-app row (in the caller's transaction); the e-mail waits for `deliverMail`. */
export async function recordNotification(
  db: Kysely<DB>,
  n: {
    userId: string;
    kind: NotificationKind | (string & {});
    params: Record<string, unknown>;
    link?: string | null;
  },
): Promise<PendingMail> {
  const link = n.link ?? null;
  await repo.insertNotification(db, { userId: n.userId, kind: n.kind, params: n.params, link });
  return { userId: n.userId, kind: n.kind, params: n.params, link };
}

/** Sends the e-mails of recorded notifications. A mail that fails is logged; the in-app row stays. */
export async function deliverMail(ctx: AppContext, pending: PendingMail[]) {
  if (pending.length === 0) return;
  const recipients = new Map(
    (await repo.mailRecipients(ctx.db, [...new Set(pending.map((p) => p.userId))])).map((u) => [u.id, u]),
  );
  for (const p of pending) {
    const to = recipients.get(p.userId);
    if (!to) continue;
    const { title, body } = renderNotification(to.locale, p.kind, p.params);
    const link = p.link ? new URL(p.link, ctx.config.APP_URL).toString() : ctx.config.APP_URL;
    try {
      await ctx.mail.send({
        to: to.email,
        subject: title,
        text: translate(to.locale, 'notifications.mail.text', { name: to.display_name, body, link }),
      });
    } catch (e) {
      ctx.log.error(e, `notification mail ${p.kind} to user ${p.userId} failed`);
    }
  }
}

/**
 * Tells one account: an in-app notification and an e-mail. For events outside a transaction, e.g. the
 * credentials module's certificate_issued (params `{course, issuer}`, link `/credentials/:id`).
 */
export async function notify(
  ctx: AppContext,
  userId: string,
  kind: NotificationKind | (string & {}),
  params: Record<string, unknown>,
  link: string | null,
): Promise<void> {
  const pending = await recordNotification(ctx.db, { userId, kind, params, link });
  await deliverMail(ctx, [pending]);
}

export async function listMine(
  ctx: AppContext,
  userId: string,
  f: { unreadOnly: boolean; page: number; pageSize: number },
) {
  return repo.listNotifications(ctx.db, userId, f);
}

/** Someone else's notification is "not found", never "forbidden": its existence is not disclosed. */
export async function markRead(ctx: AppContext, userId: string, id: string) {
  const row = await repo.markRead(ctx.db, userId, id);
  if (!row) throw notFound('notification');
  return row;
}

export const markAllRead = (ctx: AppContext, userId: string) => repo.markAllRead(ctx.db, userId);
