/**
 * Create an event (/events/manage/new) or edit one (/events/manage/:id/edit): organiser and program,
 * topic, title and description in one language with translations, the start and the end in Vietnam
 * time, online or a province and a place, capacity, status. NIC staff choose any organiser and
 * program; a partner admin its own organisation and the programs it takes part in.
 */
import './styles';
import {
  Anchor,
  Button,
  Card,
  Checkbox,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { type EventStatus, type EventTopic, eventStatuses, eventTopics } from '../../../common/events';
import { type Locale, locales } from '../../../common/i18n/locales';
import { ApiError, fieldError } from '../../api/client';
import { programsApi } from '../../api/endpoints';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { errorFor, hasErrors, useFocusFirstInvalid } from '../../components/ui/form';
import { PageLoader } from '../../components/ui/PageLoader';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { OrganisationSelect } from '../admin/components';
import { provinceLabel, useProvinces } from '../admin/hooks';
import { useMe } from '../auth/hooks';
import { NotFoundPage } from '../home/NotFoundPage';
import { organiserChoice } from './access';
import { type CreateEventBody, eventsApi, type StaffEvent } from './api';
import { instant, vietnamDate, vietnamTime } from './format';

export function EventFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const existing = useQuery({
    queryKey: ['events', 'staff-one', id],
    queryFn: () => eventsApi.staffGet(id!),
    enabled: !!id,
  });
  usePageTitle(id ? t('events.form.editTitle') : t('events.form.createTitle'));
  if (existing.error instanceof ApiError && [400, 404].includes(existing.error.status))
    return <NotFoundPage />;
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to={id ? `/events/manage/${id}` : '/events/manage'} size="sm">
          <span aria-hidden="true">← </span>
          {id ? t('events.desk.back') : t('events.manage.back')}
        </Anchor>
        <Title order={1}>{id ? t('events.form.editTitle') : t('events.form.createTitle')}</Title>
      </div>
      <ErrorAlert error={existing.error} />
      {id && existing.isPending ? (
        <PageLoader />
      ) : id && existing.data && !existing.data.canEdit ? (
        <Text>{t('errors.forbidden')}</Text>
      ) : (
        <EventForm event={existing.data} key={existing.data?.id ?? 'new'} />
      )}
    </Stack>
  );
}

type Words = Record<Locale, { title: string; description: string }>;

function EventForm({ event }: { event?: StaffEvent }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const { me } = useMe();
  const choice = organiserChoice(me);
  const { provinces } = useProvinces();
  const programs = useQuery({ queryKey: ['programs', 'list'], queryFn: programsApi.list });

  const start = event ? new Date(event.startsAt) : null;
  const end = event ? new Date(event.endsAt) : null;
  const [organisationId, setOrganisationId] = useState<string | null>(
    event?.organisationId ?? (choice !== 'any' && choice.length === 1 ? choice[0]!.id : null),
  );
  const [programId, setProgramId] = useState(event?.programId ?? '');
  const [topic, setTopic] = useState<EventTopic>(event?.topic ?? '4ir_careers');
  const [language, setLanguage] = useState<Locale>(event?.source.language ?? locale);
  const [words, setWords] = useState<Words>(() => {
    const w = Object.fromEntries(locales.map((l) => [l, { title: '', description: '' }])) as Words;
    if (event) {
      w[event.source.language] = { title: event.source.title, description: event.source.description };
      for (const [l, tr] of Object.entries(event.source.translations))
        if (tr) w[l as Locale] = { title: tr.title, description: tr.description ?? '' };
    }
    return w;
  });
  const [startDate, setStartDate] = useState(start ? vietnamDate(start) : '');
  const [startTime, setStartTime] = useState(start ? vietnamTime(start) : '08:00');
  const [endDate, setEndDate] = useState(end ? vietnamDate(end) : '');
  const [endTime, setEndTime] = useState(end ? vietnamTime(end) : '12:00');
  const [online, setOnline] = useState(event?.online ?? false);
  const [provinceCode, setProvinceCode] = useState(event?.province?.code ?? '');
  const [location, setLocation] = useState(event?.location ?? '');
  const [capacity, setCapacity] = useState(event?.capacity ? String(event.capacity) : '');
  const [status, setStatus] = useState<EventStatus>(event?.status ?? 'open');
  const [errors, setErrors] = useState<
    Partial<Record<'organisationId' | 'title' | 'startsAt' | 'endsAt' | 'provinceCode', string>>
  >({});
  const [attempt, setAttempt] = useState(0);
  useFocusFirstInvalid(formRef, attempt);

  const save = useMutation({
    mutationFn: (body: CreateEventBody) => {
      if (!event) return eventsApi.create(body);
      const { organisationId: _organiser, ...changes } = body;
      return eventsApi.update(event.id, changes);
    },
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['events'] });
      notifications.show({
        color: 'green',
        message: event ? t('events.form.saved') : t('events.form.created'),
      });
      navigate(`/events/manage/${saved.id}`);
    },
    onError: () => setAttempt((n) => n + 1),
  });

  // A partner admin files its event only under programs its organisation takes part in.
  const programOptions = (programs.data?.items ?? []).filter(
    (p) => choice === 'any' || p.id === programId || p.organisations.some((o) => o.id === organisationId),
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const startsAt = instant(startDate, startTime);
    const endsAt = instant(endDate || startDate, endTime);
    const errs: typeof errors = {};
    if (!organisationId) errs.organisationId = t('common.required');
    if (words[language].title.trim().length < 3) errs.title = t('events.form.titleShort');
    if (!startsAt) errs.startsAt = t('common.required');
    if (!endsAt) errs.endsAt = t('common.required');
    else if (startsAt && endsAt <= startsAt) errs.endsAt = t('events.form.endsBeforeStart');
    if (!online && !provinceCode) errs.provinceCode = t('events.form.provinceRequired');
    setErrors(errs);
    if (hasErrors(errs)) {
      setAttempt((n) => n + 1);
      return;
    }
    const translations = Object.fromEntries(
      locales
        .filter((l) => l !== language && words[l].title.trim().length >= 3)
        .map((l) => [l, { title: words[l].title.trim(), description: words[l].description.trim() }]),
    );
    save.mutate({
      organisationId: organisationId!,
      programId: programId || null,
      topic,
      title: words[language].title.trim(),
      description: words[language].description.trim(),
      language,
      translations,
      startsAt: startsAt!,
      endsAt: endsAt!,
      online,
      provinceCode: provinceCode || null,
      location: location.trim() || null,
      capacity: capacity ? Number(capacity) : null,
      status,
    });
  };

  const apiError = save.error;
  const setWord = (l: Locale, key: 'title' | 'description', value: string) =>
    setWords((w) => ({ ...w, [l]: { ...w[l], [key]: value } }));

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      noValidate
      aria-label={event ? t('events.form.editTitle') : t('events.form.createTitle')}
    >
      <Stack gap="lg">
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="event-form-what">
          <Title order={2} size="h4" id="event-form-what" mb="sm">
            {t('events.form.what')}
          </Title>
          <Stack gap="sm">
            {event ? (
              <Text size="sm">{t('events.organiser', { name: event.organisation.name })}</Text>
            ) : choice === 'any' ? (
              <OrganisationSelect
                label={t('events.form.organiser')}
                kinds={['nic', 'training_partner']}
                value={organisationId}
                onChange={setOrganisationId}
                required
                error={errorFor(errors, apiError, 'organisationId')}
              />
            ) : (
              <NativeSelect
                label={t('events.form.organiser')}
                value={organisationId ?? ''}
                onChange={(e) => setOrganisationId(e.currentTarget.value || null)}
                data={[
                  { value: '', label: t('events.form.choose') },
                  ...choice.map((o) => ({ value: o.id, label: o.name })),
                ]}
                required
                error={errorFor(errors, apiError, 'organisationId')}
                data-testid="event-organiser"
              />
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NativeSelect
                label={t('events.form.program')}
                value={programId}
                onChange={(e) => setProgramId(e.currentTarget.value)}
                data={[
                  { value: '', label: t('events.form.noProgram') },
                  ...programOptions.map((p) => ({ value: p.id, label: p.name })),
                ]}
                error={fieldError(apiError, 'programId')}
                data-testid="event-program"
              />
              <NativeSelect
                label={t('events.topicLabel')}
                value={topic}
                onChange={(e) => setTopic(e.currentTarget.value as EventTopic)}
                data={eventTopics.map((x) => ({ value: x, label: t(`events.topic.${x}`) }))}
                data-testid="event-topic"
              />
            </SimpleGrid>
            <NativeSelect
              label={t('events.form.language')}
              value={language}
              onChange={(e) => setLanguage(e.currentTarget.value as Locale)}
              data={locales.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
              maw={280}
              data-testid="event-language"
            />
            <TextInput
              label={t('events.form.title')}
              value={words[language].title}
              onChange={(e) => setWord(language, 'title', e.currentTarget.value)}
              required
              maxLength={200}
              error={errorFor(errors, apiError, 'title')}
              data-testid="event-title-input"
            />
            <Textarea
              label={t('events.form.description')}
              value={words[language].description}
              onChange={(e) => setWord(language, 'description', e.currentTarget.value)}
              maxLength={5000}
              autosize
              minRows={3}
              error={fieldError(apiError, 'description')}
              data-testid="event-description-input"
            />
            <details>
              <summary className="details-summary">{t('events.form.translations')}</summary>
              <Stack gap="md" mt="sm">
                {locales
                  .filter((l) => l !== language)
                  .map((l) => (
                    <fieldset key={l} className="plain-fieldset" lang={l}>
                      <legend>
                        <Text fw={600} size="sm">
                          {t(`lang.${l}`)}
                        </Text>
                      </legend>
                      <Stack gap="xs">
                        <TextInput
                          label={t('events.form.translatedTitle', { language: t(`lang.${l}`) })}
                          value={words[l].title}
                          onChange={(e) => setWord(l, 'title', e.currentTarget.value)}
                          maxLength={200}
                          error={fieldError(apiError, `/translations/${l}/title`)}
                          data-testid={`event-title-${l}`}
                        />
                        <Textarea
                          label={t('events.form.translatedDescription', { language: t(`lang.${l}`) })}
                          value={words[l].description}
                          onChange={(e) => setWord(l, 'description', e.currentTarget.value)}
                          maxLength={5000}
                          autosize
                          minRows={2}
                        />
                      </Stack>
                    </fieldset>
                  ))}
              </Stack>
            </details>
          </Stack>
        </Card>

        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="event-form-when">
          <Title order={2} size="h4" id="event-form-when">
            {t('events.form.when')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('events.form.timeHint')}
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <TextInput
              type="date"
              label={t('events.form.startDate')}
              value={startDate}
              onChange={(e) => setStartDate(e.currentTarget.value)}
              required
              error={errorFor(errors, apiError, 'startsAt')}
              data-testid="event-start-date"
            />
            <TextInput
              type="time"
              label={t('events.form.startTime')}
              value={startTime}
              onChange={(e) => setStartTime(e.currentTarget.value)}
              required
              data-testid="event-start-time"
            />
            <TextInput
              type="date"
              label={t('events.form.endDate')}
              description={t('events.form.endDateHint')}
              value={endDate}
              onChange={(e) => setEndDate(e.currentTarget.value)}
              data-testid="event-end-date"
            />
            <TextInput
              type="time"
              label={t('events.form.endTime')}
              value={endTime}
              onChange={(e) => setEndTime(e.currentTarget.value)}
              required
              error={errorFor(errors, apiError, 'endsAt')}
              data-testid="event-end-time"
            />
          </SimpleGrid>
        </Card>

        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="event-form-where">
          <Title order={2} size="h4" id="event-form-where" mb="sm">
            {t('events.form.where')}
          </Title>
          <Stack gap="sm">
            <Checkbox
              label={t('events.form.online')}
              checked={online}
              onChange={(e) => setOnline(e.currentTarget.checked)}
              data-testid="event-online"
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <NativeSelect
                label={t('events.form.province')}
                value={provinceCode}
                onChange={(e) => setProvinceCode(e.currentTarget.value)}
                data={[
                  { value: '', label: online ? t('events.form.noProvince') : t('events.form.choose') },
                  ...(provinces ?? []).map((p) => ({ value: p.code, label: provinceLabel(p, locale) })),
                ]}
                required={!online}
                error={errorFor(errors, apiError, 'provinceCode')}
                data-testid="event-province"
              />
              <TextInput
                label={t('events.form.location')}
                description={t('events.form.locationHint')}
                value={location}
                onChange={(e) => setLocation(e.currentTarget.value)}
                maxLength={300}
                data-testid="event-location"
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('events.form.capacity')}
                description={t('events.form.capacityHint')}
                value={capacity}
                onChange={(e) => setCapacity(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
                inputMode="numeric"
                error={fieldError(apiError, 'capacity')}
                data-testid="event-capacity"
              />
              <NativeSelect
                label={t('events.statusLabel')}
                value={status}
                onChange={(e) => setStatus(e.currentTarget.value as EventStatus)}
                data={eventStatuses.map((s) => ({ value: s, label: t(`events.status.${s}`) }))}
                data-testid="event-status"
              />
            </SimpleGrid>
          </Stack>
        </Card>

        <ErrorAlert error={apiError} />
        <Button type="submit" size="md" loading={save.isPending} data-testid="event-save" maw={320}>
          {event ? t('common.save') : t('events.form.create')}
        </Button>
      </Stack>
    </form>
  );
}
