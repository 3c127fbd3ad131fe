/**
 * One event (/events/:id) and its registration: a signed-in learner registers in one click; a visitor
 * fills in their details (matched against the registry on the server) and agrees to the notice. The
 * confirmation shows the QR code the staff scan at the door and the short code beside it; a signed-in
 * learner sees it again whenever they come back. A full, closed or cancelled event says so.
 */
import './styles';
import { Alert, Anchor, Button, Card, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { fieldError } from '../../api/client';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { hasErrors, useFocusFirstInvalid } from '../../components/ui/form';
import { PageLoader } from '../../components/ui/PageLoader';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { useMe } from '../auth/hooks';
import { NotFoundPage } from '../home/NotFoundPage';
import { canRunEvents } from './access';
import { type EventDetail, eventsApi, type Registration } from './api';
import {
  checkDraft,
  type DetailsDraft,
  type DraftErrors,
  emptyDraft,
  PersonDetailsFields,
  placeText,
  RegistrationCard,
  SeatsText,
  StatusBadge,
  TopicBadge,
  toPersonDetails,
} from './components';
import { eventTime } from './format';

export function EventPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useQuery({ queryKey: ['events', 'one', id], queryFn: () => eventsApi.get(id) });
  usePageTitle(query.data?.title ?? t('events.title'));
  if (query.error && (query.error as { status?: number }).status === 404) return <NotFoundPage />;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/events" size="sm">
        <span aria-hidden="true">← </span>
        {t('events.back')}
      </Anchor>
      <ErrorAlert error={query.error} />
      {query.isPending ? <PageLoader /> : query.data ? <EventView event={query.data} /> : null}
    </Stack>
  );
}

function EventView({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { me } = useMe();
  const [registration, setRegistration] = useState<Registration | null>(null);
  const shown = registration ?? event.myRegistration;
  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Group gap="xs">
          <TopicBadge topic={event.topic} />
          <StatusBadge status={event.status} />
        </Group>
        <Title order={1} lang={event.shownLanguage} data-testid="event-title">
          {event.title}
        </Title>
        <Text fw={600} data-testid="event-time">
          {eventTime(event.startsAt, event.endsAt, locale)}
        </Text>
        <Text>{placeText(event, t)}</Text>
        <Text size="sm" c="dimmed">
          {t('events.organiser', { name: event.organisation.name })}
          {event.program && ` · ${t('events.program', { name: event.program.name })}`}
        </Text>
        <SeatsText event={event} />
        {canRunEvents(me) && (
          <Anchor component={Link} to={`/events/manage/${event.id}`} size="sm" data-testid="event-desk-link">
            {t('events.openDesk')}
          </Anchor>
        )}
      </Stack>
      {event.description && (
        <Text className="event-description" lang={event.shownLanguage}>
          {event.description}
        </Text>
      )}
      {shown ? (
        <RegistrationCard registration={shown} title={event.title} />
      ) : event.registrationOpen ? (
        me ? (
          <OneClick event={event} onDone={setRegistration} name={me.displayName} />
        ) : (
          <VisitorForm event={event} onDone={setRegistration} />
        )
      ) : (
        <Alert color="gray" variant="light" data-testid="registration-closed">
          {event.status === 'cancelled'
            ? t('events.register.cancelled')
            : event.seatsLeft === 0
              ? t('events.register.full')
              : t('events.register.closed')}
        </Alert>
      )}
    </Stack>
  );
}

function useRegister(eventId: string, onDone: (r: Registration) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Parameters<typeof eventsApi.register>[1]) => eventsApi.register(eventId, body),
    onSuccess: (r) => {
      onDone(r);
      void queryClient.invalidateQueries({ queryKey: ['events'] });
    },
  });
}

function OneClick({
  event,
  onDone,
  name,
}: {
  event: EventDetail;
  onDone: (r: Registration) => void;
  name: string;
}) {
  const { t } = useTranslation();
  const register = useRegister(event.id, onDone);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="register-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="register-title">
          {t('events.register.title')}
        </Title>
        <Text>{t('events.register.signedIn', { name })}</Text>
        <ErrorAlert error={register.error} />
        <Button
          size="md"
          onClick={() => register.mutate({})}
          loading={register.isPending}
          data-testid="register-one-click"
        >
          {t('events.register.oneClick')}
        </Button>
      </Stack>
    </Card>
  );
}

function VisitorForm({ event, onDone }: { event: EventDetail; onDone: (r: Registration) => void }) {
  const { t } = useTranslation();
  const location = useLocation();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<DetailsDraft>(emptyDraft);
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<DraftErrors & { consent?: string }>({});
  const [attempt, setAttempt] = useState(0);
  useFocusFirstInvalid(formRef, attempt);
  const register = useRegister(event.id, onDone);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: DraftErrors & { consent?: string } = checkDraft(draft, t);
    if (!consent) errs.consent = t('events.register.consentRequired');
    setErrors(errs);
    if (hasErrors(errs)) {
      setAttempt((n) => n + 1);
      return;
    }
    register.mutate(
      { visitor: { ...toPersonDetails(draft), consent } },
      { onError: () => setAttempt((n) => n + 1) },
    );
  };

  const next = encodeURIComponent(location.pathname);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="register-title">
      <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="register-title">
        <Stack gap="md">
          <Title order={2} size="h3" id="register-title">
            {t('events.register.title')}
          </Title>
          <Text size="sm">
            {t('events.register.haveAccount')}{' '}
            <Anchor component={Link} to={`/login?next=${next}`} data-testid="register-login">
              {t('events.register.login')}
            </Anchor>
          </Text>
          <PersonDetailsFields
            draft={draft}
            onChange={setDraft}
            errors={errors}
            apiError={register.error}
            prefix="visitor"
            idPrefix="visitor"
          />
          <Text size="sm" c="dimmed" data-testid="register-notice">
            {t('events.register.notice')}
          </Text>
          <Checkbox
            label={t('events.register.consent')}
            checked={consent}
            onChange={(e) => setConsent(e.currentTarget.checked)}
            error={errors.consent ?? fieldError(register.error, 'visitor/consent')}
            data-testid="visitor-consent"
          />
          <ErrorAlert error={register.error} />
          <Button type="submit" size="md" loading={register.isPending} data-testid="visitor-submit">
            {t('events.register.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
