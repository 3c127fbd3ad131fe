/**
 * The page a registration's QR code opens (/events/check-in/:token), on the phone of a staff member
 * of the event: who the person is, which event, and one large "Check in" button. Checking in twice
 * says when and by whom it was done; anyone but the event's staff is refused by the server.
 */
import './styles';
import { Alert, Anchor, Badge, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { PageLoader } from '../../components/ui/PageLoader';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { NotFoundPage } from '../home/NotFoundPage';
import { type CheckIn, eventsApi } from './api';
import { CountsList, StatusBadge } from './components';
import { clock, eventTime } from './format';

export function CheckInPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  usePageTitle(t('events.checkIn.title'));
  const view = useQuery({
    queryKey: ['events', 'check-in', token],
    queryFn: () => eventsApi.checkInView(token),
    retry: false,
  });
  if (view.error instanceof ApiError && [400, 404].includes(view.error.status)) return <NotFoundPage />;
  return (
    <Stack gap="md" maw={560}>
      <Title order={1}>{t('events.checkIn.title')}</Title>
      <ErrorAlert error={view.error} />
      {view.isPending ? <PageLoader /> : view.data ? <CheckInView token={token} initial={view.data} /> : null}
    </Stack>
  );
}

function CheckInView({ token, initial }: { token: string; initial: CheckIn }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const result = useRef<HTMLDivElement>(null);
  const checkIn = useMutation({
    mutationFn: () => eventsApi.checkInByToken(token),
    onSuccess: (r) => {
      queryClient.setQueryData(['events', 'check-in', token], r);
      void queryClient.invalidateQueries({ queryKey: ['events'], refetchType: 'none' });
    },
  });
  const data = checkIn.data ?? initial;
  const p = data.participant;
  const e = data.event;
  const justDone = checkIn.data && !checkIn.data.alreadyCheckedIn;
  // The outcome takes the focus, so a screen reader reads it and the keyboard starts from there.
  useEffect(() => {
    if (checkIn.data) result.current?.focus();
  }, [checkIn.data]);

  return (
    <Stack gap="md">
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="checkin-person">
        <Stack gap={6}>
          <Text size="sm" c="dimmed">
            {t('events.checkIn.participant')}
          </Text>
          <Title order={2} size="h2" id="checkin-person" data-testid="checkin-name">
            {p.person.fullName}
          </Title>
          <Text ff="monospace" size="lg" aria-label={t('events.desk.codeLabel', { code: p.shortCode })}>
            {p.shortCode}
          </Text>
          {p.walkIn && (
            <Badge variant="light" color="orange">
              {t('events.desk.walkInBadge')}
            </Badge>
          )}
        </Stack>
      </Card>
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="checkin-event">
        <Stack gap={6}>
          <Text size="sm" c="dimmed">
            {t('events.checkIn.event')}
          </Text>
          <Title order={2} size="h4" id="checkin-event" data-testid="checkin-event">
            {e.title}
          </Title>
          <Text size="sm">{eventTime(e.startsAt, e.endsAt, locale)}</Text>
          <Text size="sm">
            {e.online ? t('events.online') : [e.location, e.province?.name].filter(Boolean).join(', ')}
          </Text>
          <StatusBadge status={e.status} />
        </Stack>
      </Card>

      <div ref={result} tabIndex={-1} data-testid="checkin-result">
        {p.checkedInAt ? (
          <Alert color={justDone ? 'green' : 'yellow'} variant="light" role="status">
            <Text fw={700} size="lg">
              {justDone
                ? t('events.checkIn.done', { name: p.person.fullName, time: clock(p.checkedInAt, locale) })
                : t('events.checkIn.already', {
                    time: clock(p.checkedInAt, locale),
                    by: p.checkedInBy?.displayName || t('events.checkIn.someone'),
                  })}
            </Text>
          </Alert>
        ) : e.status === 'cancelled' ? (
          <Alert color="red" variant="light">
            {t('events.register.cancelled')}
          </Alert>
        ) : (
          <Button
            fullWidth
            size="xl"
            className="event-checkin-button"
            onClick={() => checkIn.mutate()}
            loading={checkIn.isPending}
            data-testid="checkin-button"
          >
            {t('events.checkIn.button')}
          </Button>
        )}
      </div>
      <ErrorAlert error={checkIn.error} />
      <CountsList counts={data.counts} />
      <Anchor component={Link} to={`/events/manage/${e.id}`} data-testid="checkin-desk">
        {t('events.checkIn.openDesk')}
      </Anchor>
    </Stack>
  );
}
