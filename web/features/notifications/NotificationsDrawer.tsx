/** The list of the signed-in user's notifications, newest first; opening one marks it read. */
import '@mantine/core/styles/Overlay.layer.css';
import '@mantine/core/styles/ModalBase.layer.css';
import '@mantine/core/styles/Drawer.layer.css';
import { Button, Drawer, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { notificationsApi } from '../../api/endpoints';
import type { Notification } from '../../api/types';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatDateTime } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { currentLocale } from '../../i18n';

/** Links the server writes that the web app serves under another path. */
function appPath(link: string): string {
  if (link === '/learning' || link.startsWith('/learning/')) return '/me/learning';
  return link;
}

export default function NotificationsDrawer({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const list = useQuery({
    queryKey: ['notifications', 'list'],
    queryFn: () => notificationsApi.list({ pageSize: 30 }),
    enabled: opened,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['notifications'] });
  const markRead = useMutation({ mutationFn: notificationsApi.markRead, onSuccess: refresh });
  const markAll = useMutation({ mutationFn: notificationsApi.markAllRead, onSuccess: refresh });

  const openOne = (n: Notification) => {
    if (!n.read) markRead.mutate(n.id);
    if (n.link?.startsWith('/')) {
      onClose();
      navigate(appPath(n.link));
    }
  };

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="md"
      title={t('notifications.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="notifications-drawer"
    >
      <Stack gap="sm">
        <ErrorAlert error={list.error ?? markAll.error ?? markRead.error} />
        {list.data && list.data.unread > 0 && (
          <Group justify="flex-end">
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => markAll.mutate()}
              loading={markAll.isPending}
            >
              {t('notifications.markAll')}
            </Button>
          </Group>
        )}
        {list.isPending ? (
          <PageLoader />
        ) : list.data?.items.length === 0 ? (
          <EmptyState message={t('notifications.empty')} />
        ) : (
          <Stack gap={0} component="ul" className="plain-list">
            {list.data?.items.map((n) => (
              <li key={n.id} className="notification-item" data-unread={!n.read || undefined}>
                <UnstyledButton onClick={() => openOne(n)} className="notification-button" w="100%">
                  <Text fw={n.read ? 500 : 700} size="sm">
                    {!n.read && <span className="visually-hidden">{t('notifications.unread')} </span>}
                    {n.title}
                  </Text>
                  <Text size="sm" c="dimmed" mt={2}>
                    {n.body}
                  </Text>
                  <Text size="xs" c="dimmed" mt={4}>
                    <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, currentLocale())}</time>
                  </Text>
                </UnstyledButton>
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Drawer>
  );
}
