/** What JSON about a notification leaves the server: its words in the reader's language. */
import type { Selectable } from 'kysely';
import type { NotificationT } from '../../../common/contracts/notifications';
import type { Locale } from '../../../common/i18n/locales';
import type { NotificationsTable } from '../../db/schema';
import { renderNotification } from './service';

export function presentNotification(n: Selectable<NotificationsTable>, locale: Locale): NotificationT {
  const { title, body } = renderNotification(locale, n.kind, n.params ?? {});
  return {
    id: n.id,
    kind: n.kind,
    title,
    body,
    link: n.link,
    createdAt: new Date(n.created_at).toISOString(),
    read: n.read_at !== null,
  };
}
