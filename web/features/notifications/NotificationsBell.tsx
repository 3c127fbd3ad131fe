/**
 * The bell in the header: the unread count (polled once a minute while the tab is visible) and, on
 * click, the list in a drawer. The drawer and its styles load on the first click only.
 */
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notificationsApi } from '../../api/endpoints';
import { formatNumber } from '../../components/ui/format';
import { currentLocale } from '../../i18n';

const NotificationsDrawer = lazy(() => import('./NotificationsDrawer'));

export const unreadQueryKey = ['notifications', 'unread'] as const;

export function NotificationsBell() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const unread = useQuery({
    queryKey: unreadQueryKey,
    queryFn: () => notificationsApi.list({ pageSize: 1 }),
    select: (d) => d.unread,
    refetchInterval: 60_000,
    refetchIntervalInBackground: false,
  });
  const count = unread.data ?? 0;
  const label = count > 0 ? t('notifications.bellUnread', { count }) : t('notifications.bell');
  return (
    <>
      <button
        type="button"
        className="bell-button mantine-focus-auto"
        aria-label={label}
        title={label}
        aria-haspopup="dialog"
        aria-expanded={opened}
        onClick={() => {
          setLoaded(true);
          setOpened(true);
        }}
        data-testid="notifications-bell"
      >
        <svg
          aria-hidden="true"
          width="20"
          height="20"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {count > 0 && (
          <span className="bell-count" data-testid="notifications-count">
            {count > 99 ? '99+' : formatNumber(count, currentLocale())}
          </span>
        )}
      </button>
      {loaded && (
        <Suspense fallback={null}>
          <NotificationsDrawer opened={opened} onClose={() => setOpened(false)} />
        </Suspense>
      )}
    </>
  );
}
