/**
 * The guard of the event staff pages: signed in, and staff of some organiser (NIC staff, a partner
 * admin or trainer); the server decides each event. Small and eager (App.tsx), the pages are lazy.
 */
import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { useMe } from '../auth/hooks';
import { RequireAuth } from '../auth/RequireAuth';
import { canRunEvents } from './access';

/** Signed in, and staff of some organiser (the server decides each event). */
export function EventStaffOnly({ children }: { children: ReactNode }) {
  return (
    <RequireAuth>
      <StaffGate>{children}</StaffGate>
    </RequireAuth>
  );
}

function StaffGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me } = useMe();
  usePageTitle(canRunEvents(me) ? undefined : t('errors.forbiddenTitle'));
  if (canRunEvents(me)) return children;
  return (
    <Stack>
      <Title order={1}>{t('errors.forbiddenTitle')}</Title>
      <Text>{t('errors.forbidden')}</Text>
    </Stack>
  );
}
