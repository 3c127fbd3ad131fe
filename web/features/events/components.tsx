/** Pieces the event pages share: badges, place, counts, a registration's QR code, a person's details. */
import {
  Anchor,
  Badge,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventStatus, EventTopic } from '../../../common/events';
import { fieldError } from '../../api/client';
import { formatNumber } from '../../components/ui/format';
import { currentLocale } from '../../i18n';
import { provinceLabel, useProvinces } from '../admin/hooks';
import type { EventCounts, PersonDetails, PublicEvent, Registration } from './api';
import { clock, eventTime } from './format';

const topicColor: Record<EventTopic, string> = {
  '4ir_careers': 'blue',
  women_in_ai: 'grape',
  digital_education: 'teal',
  other: 'gray',
};

export function TopicBadge({ topic }: { topic: EventTopic }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={topicColor[topic]}>
      {t(`events.topic.${topic}`)}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: EventStatus }) {
  const { t } = useTranslation();
  const color = status === 'open' ? 'green' : status === 'closed' ? 'gray' : 'red';
  return (
    <Badge variant="outline" color={color}>
      {t(`events.status.${status}`)}
    </Badge>
  );
}

/** "Trực tuyến", or the province and the place. */
export function placeText(
  e: Pick<PublicEvent, 'online' | 'province' | 'location'>,
  t: (key: 'events.online') => string,
) {
  if (e.online) return [t('events.online'), e.location].filter(Boolean).join(' · ');
  return [e.location, e.province?.name].filter(Boolean).join(', ');
}

export function SeatsText({ event }: { event: Pick<PublicEvent, 'seatsLeft' | 'capacity'> }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (event.seatsLeft === null) return <Text size="sm">{t('events.noLimit')}</Text>;
  if (event.seatsLeft === 0) return <Text size="sm">{t('events.full')}</Text>;
  return <Text size="sm">{t('events.seatsLeft', { n: formatNumber(event.seatsLeft, locale) })}</Text>;
}

/** An event in the public list: title (a link), when, where, who organises, seats. */
export function EventCard({ event }: { event: PublicEvent }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Card withBorder radius="md" padding="md" component="article" data-testid="event-card">
      <Stack gap={6}>
        <Group gap="xs">
          <TopicBadge topic={event.topic} />
          {event.status !== 'open' && <StatusBadge status={event.status} />}
        </Group>
        <Title order={2} size="h4" lang={event.shownLanguage}>
          <Anchor component={Link} to={`/events/${event.id}`} data-testid="event-link">
            {event.title}
          </Anchor>
        </Title>
        <Text size="sm" fw={600}>
          {eventTime(event.startsAt, event.endsAt, locale)}
        </Text>
        <Text size="sm">{placeText(event, t)}</Text>
        <Text size="sm" c="dimmed">
          {t('events.organiser', { name: event.organisation.name })}
        </Text>
        <SeatsText event={event} />
      </Stack>
    </Card>
  );
}

export function CountsList({ counts }: { counts: EventCounts }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const n = (v: number) => formatNumber(v, locale);
  const items: [string, string, string][] = [
    ['registered', t('events.counts.registered'), n(counts.registered)],
    ['checkedIn', t('events.counts.checkedIn'), n(counts.checkedIn)],
    ['walkIns', t('events.counts.walkIns'), n(counts.walkIns)],
    [
      'capacityLeft',
      t('events.counts.capacityLeft'),
      counts.capacityLeft === null ? t('events.noLimit') : n(counts.capacityLeft),
    ],
  ];
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" className="event-counts">
      {items.map(([key, label, value]) => (
        <div key={key}>
          <dt>{label}</dt>
          <dd data-testid={`count-${key}`}>{value}</dd>
        </div>
      ))}
    </SimpleGrid>
  );
}

/** The registrant's QR code (an image: never inserted as markup) and the short code beside it. */
export function RegistrationCard({ registration, title }: { registration: Registration; title: string }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Card withBorder radius="md" padding="lg" data-testid="registration" aria-labelledby="registration-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="registration-title">
          {registration.alreadyRegistered ? t('events.confirmation.again') : t('events.confirmation.title')}
        </Title>
        <Text>{title}</Text>
        {registration.checkedInAt ? (
          <Text fw={600} data-testid="registration-checked-in">
            {t('events.confirmation.checkedIn', { time: clock(registration.checkedInAt, locale) })}
          </Text>
        ) : (
          <Text>{t('events.confirmation.show')}</Text>
        )}
        <img
          src={registration.qrCode}
          alt={t('events.confirmation.qrAlt', { code: registration.shortCode })}
          className="event-qr"
          width={288}
          height={288}
          data-testid="registration-qr"
        />
        <Text size="sm" ta="center">
          {t('events.confirmation.code')}
        </Text>
        <Text className="event-code" data-testid="registration-code">
          {registration.shortCode}
        </Text>
        <Text size="sm" c="dimmed">
          {t('events.confirmation.keep')}
        </Text>
      </Stack>
    </Card>
  );
}

// ── A person's details: the visitor's form and the walk-in form ─────────────────────────────────────

export interface DetailsDraft {
  fullName: string;
  phone: string;
  email: string;
  sex: '' | 'F' | 'M' | 'X';
  dateOfBirth: string;
  birthYear: string;
  yearOnly: boolean;
  provinceCode: string;
}

export const emptyDraft: DetailsDraft = {
  fullName: '',
  phone: '',
  email: '',
  sex: '',
  dateOfBirth: '',
  birthYear: '',
  yearOnly: false,
  provinceCode: '',
};

export type DraftErrors = Partial<
  Record<'fullName' | 'phone' | 'sex' | 'dateOfBirth' | 'birthYear' | 'provinceCode', string>
>;

/** What must be there before sending (the server checks the rest, and these again). */
export function checkDraft(
  d: DetailsDraft,
  t: (key: 'common.required' | 'events.details.contactRequired') => string,
) {
  const errors: DraftErrors = {};
  if (d.fullName.trim().length < 2) errors.fullName = t('common.required');
  if (!d.phone.trim() && !d.email.trim()) errors.phone = t('events.details.contactRequired');
  if (!d.sex) errors.sex = t('common.required');
  if (d.yearOnly ? !/^\d{4}$/.test(d.birthYear) : !d.dateOfBirth) {
    if (d.yearOnly) errors.birthYear = t('common.required');
    else errors.dateOfBirth = t('common.required');
  }
  if (!d.provinceCode) errors.provinceCode = t('common.required');
  return errors;
}

export function toPersonDetails(d: DetailsDraft): PersonDetails {
  return {
    fullName: d.fullName.trim(),
    phone: d.phone.trim() || null,
    email: d.email.trim() || null,
    sex: d.sex as 'F' | 'M' | 'X',
    dateOfBirth: d.yearOnly ? null : d.dateOfBirth || null,
    birthYear: d.yearOnly ? Number(d.birthYear) : null,
    provinceCode: d.provinceCode,
  };
}

/**
 * The fields of a person's details. `prefix` is where the server reports their problems
 * (`visitor` for the registration form, nothing for a walk-in); `idPrefix` keeps ids unique.
 */
export function PersonDetailsFields({
  draft,
  onChange,
  errors,
  apiError,
  prefix,
  idPrefix,
}: {
  draft: DetailsDraft;
  onChange: (d: DetailsDraft) => void;
  errors: DraftErrors;
  apiError: unknown;
  prefix: string;
  idPrefix: string;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const { provinces } = useProvinces();
  const set = <K extends keyof DetailsDraft>(key: K, value: DetailsDraft[K]) =>
    onChange({ ...draft, [key]: value });
  const err = (field: keyof DraftErrors) => errors[field] ?? fieldError(apiError, `${prefix}/${field}`);
  const thisYear = new Date().getFullYear();
  return (
    <Stack gap="sm">
      <TextInput
        label={t('events.details.fullName')}
        value={draft.fullName}
        onChange={(e) => set('fullName', e.currentTarget.value)}
        required
        maxLength={120}
        autoComplete="name"
        error={err('fullName')}
        data-testid={`${idPrefix}-name`}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('events.details.phone')}
          description={t('events.details.phoneHint')}
          value={draft.phone}
          onChange={(e) => set('phone', e.currentTarget.value)}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          maxLength={30}
          error={err('phone')}
          data-testid={`${idPrefix}-phone`}
        />
        <TextInput
          label={t('events.details.email')}
          description={t('events.details.emailHint')}
          value={draft.email}
          onChange={(e) => set('email', e.currentTarget.value)}
          type="email"
          autoComplete="email"
          maxLength={254}
          error={fieldError(apiError, `${prefix}/email`)}
          data-testid={`${idPrefix}-email`}
        />
      </SimpleGrid>
      <Radio.Group
        label={t('events.details.sex')}
        value={draft.sex}
        onChange={(v) => set('sex', v as DetailsDraft['sex'])}
        required
        error={err('sex')}
        data-testid={`${idPrefix}-sex`}
      >
        <Group gap="lg" mt={4}>
          {(['F', 'M', 'X'] as const).map((s) => (
            <Radio key={s} value={s} label={t(`events.sex.${s}`)} data-testid={`${idPrefix}-sex-${s}`} />
          ))}
        </Group>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {draft.yearOnly ? (
          <TextInput
            label={t('events.details.birthYear')}
            value={draft.birthYear}
            onChange={(e) => set('birthYear', e.currentTarget.value.replace(/\D/g, '').slice(0, 4))}
            inputMode="numeric"
            placeholder={String(thisYear - 20)}
            required
            error={err('birthYear')}
            data-testid={`${idPrefix}-birth-year`}
          />
        ) : (
          <TextInput
            label={t('events.details.dateOfBirth')}
            type="date"
            value={draft.dateOfBirth}
            onChange={(e) => set('dateOfBirth', e.currentTarget.value)}
            max={`${thisYear}-12-31`}
            min="1900-01-01"
            required
            error={err('dateOfBirth')}
            data-testid={`${idPrefix}-dob`}
          />
        )}
        <NativeSelect
          label={t('events.details.province')}
          value={draft.provinceCode}
          onChange={(e) => set('provinceCode', e.currentTarget.value)}
          data={[
            { value: '', label: t('events.details.provincePlaceholder') },
            ...(provinces ?? []).map((p) => ({ value: p.code, label: provinceLabel(p, locale) })),
          ]}
          required
          error={err('provinceCode')}
          data-testid={`${idPrefix}-province`}
        />
      </SimpleGrid>
      <Checkbox
        label={t('events.details.yearOnly')}
        checked={draft.yearOnly}
        onChange={(e) => set('yearOnly', e.currentTarget.checked)}
        data-testid={`${idPrefix}-year-only`}
      />
    </Stack>
  );
}
