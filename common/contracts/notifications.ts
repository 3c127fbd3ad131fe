/** In-app notifications of the signed-in user (the same events also go out by e-mail). */
import { type Static, Type } from 'typebox';
import { PageQuery, Uuid } from './common';

/** Every kind has `notifications.<kind>.title` and `.body` in common/i18n/messages. */
export const notificationKinds = [
  'enrolled',
  'waitlisted',
  'promoted_from_waitlist',
  'transferred',
  'withdrawn',
  'cohort_starting',
  'course_completed',
  'certificate_issued',
  'certificate_revoked',
  'application_screened',
  'application_interview',
  'application_offer',
  'application_hired',
  'application_rejected',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const Notification = Type.Object({
  id: Uuid,
  kind: Type.String(),
  /** Rendered in the reader's language when read, not when sent. */
  title: Type.String(),
  body: Type.String(),
  /** A path inside the web app, or null. */
  link: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  read: Type.Boolean(),
});
export type NotificationT = Static<typeof Notification>;

export const NotificationListQuery = Type.Object({
  unread: Type.Optional(Type.Boolean()),
  ...PageQuery,
});

export const NotificationList = Type.Object({
  items: Type.Array(Notification),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  /** Unread notifications of the user, whatever the filter: the badge on the bell. */
  unread: Type.Integer(),
});

export const NotificationParams = Type.Object({ id: Uuid });
export const ReadAllResult = Type.Object({ marked: Type.Integer() });
