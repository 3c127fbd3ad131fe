/**
 * "My data" (/me/privacy): the signed-in person's rights under Law 91/2025/QH15. One card per consent
 * purpose with its words (from common/consent.ts, in the interface language), a switch to grant or
 * withdraw (withdrawing asks first), the date of the choice and its history; downloads of the data as
 * JSON and HTML; and erasure behind the password.
 */
import './styles';
import {
  Alert,
  Badge,
  Button,
  Card,
  Collapse,
  Group,
  List,
  Modal,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type ConsentPurpose, consentWording } from '../../../common/consent';
import { privacyApi } from '../../api/endpoints';
import type { ConsentOverview, ConsentRecord, ConsentState } from '../../api/types';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatDate, formatDateTime } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { PasswordField } from '../../components/ui/PasswordField';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { meQuery } from '../auth/hooks';

const consentsKey = ['my-consents'] as const;

export function PrivacyPage() {
  const { t } = useTranslation();
  usePageTitle(t('privacy.title'));
  const overview = useQuery({ queryKey: consentsKey, queryFn: privacyApi.consents });
  const queryClient = useQueryClient();
  const erased = useRef(false);
  // After erasure the account is gone: once this page has left the screen (emptying `me` while it is
  // shown would send the visitor to the log-in page instead of home), forget everything it could see.
  useEffect(
    () => () => {
      if (!erased.current) return;
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
      void queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
    },
    [queryClient],
  );

  return (
    <Stack gap="xl">
      <div>
        <Title order={1} data-testid="privacy-heading">
          {t('privacy.title')}
        </Title>
        <Text c="dimmed">{t('privacy.intro')}</Text>
      </div>

      <Stack gap="md" component="section" aria-labelledby="privacy-consents">
        <div>
          <Title order={2} size="h3" id="privacy-consents">
            {t('privacy.consentsTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('privacy.consentsHint')}
          </Text>
        </div>
        <ErrorAlert error={overview.error} />
        {overview.isPending ? (
          <PageLoader />
        ) : overview.data ? (
          <Stack gap="md" component="ul" className="plain-list">
            {overview.data.consents.map((state) => (
              <li key={state.purpose}>
                <ConsentCard
                  state={state}
                  history={overview.data.history.filter((h) => h.purpose === state.purpose)}
                />
              </li>
            ))}
          </Stack>
        ) : null}
      </Stack>

      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="privacy-download">
        <Title order={2} size="h3" id="privacy-download" mb={4}>
          {t('privacy.downloadTitle')}
        </Title>
        <Text size="sm" c="dimmed" mb="md">
          {t('privacy.downloadHint')}
        </Text>
        <Group gap="sm">
          <Button
            component="a"
            href={privacyApi.jsonUrl}
            download
            variant="light"
            data-testid="download-json"
          >
            {t('privacy.downloadJson')}
          </Button>
          <Button
            component="a"
            href={privacyApi.htmlUrl}
            download
            variant="light"
            data-testid="download-html"
          >
            {t('privacy.downloadHtml')}
          </Button>
        </Group>
      </Card>

      <EraseZone
        onErased={() => {
          erased.current = true;
        }}
      />
    </Stack>
  );
}

function ConsentCard({ state, history }: { state: ConsentState; history: ConsentRecord[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const baseId = useId();
  const [confirming, setConfirming] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const wording = consentWording[state.purpose as ConsentPurpose];
  const text = wording.text[locale];

  const record = useMutation({
    mutationFn: (granted: boolean) =>
      privacyApi.recordConsent(state.purpose, { granted, wordingVersion: wording.version }),
    onSuccess: (data: ConsentOverview) => {
      queryClient.setQueryData(consentsKey, data);
      setConfirming(false);
      notifications.show({ color: 'green', message: t('privacy.saved') });
    },
  });

  const titleId = `${baseId}-title`;
  const textId = `${baseId}-text`;
  const historyId = `${baseId}-history`;
  const outdated = state.granted && !state.answeredCurrentWording;

  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="article"
      aria-labelledby={titleId}
      data-testid={`consent-card-${state.purpose}`}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={3} size="h4" id={titleId} style={{ overflowWrap: 'anywhere' }}>
            {text.title}
          </Title>
          {wording.crossBorder && (
            <Badge color="orange" variant="light" tt="none">
              {t('privacy.crossBorder')}
            </Badge>
          )}
        </Group>
        <Text size="sm" id={textId}>
          {text.body}
        </Text>
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Switch
            size="md"
            // The choice shows at once while it is being recorded; a failure puts it back.
            checked={record.isPending ? record.variables : state.granted}
            disabled={record.isPending}
            label={t('privacy.agree')}
            aria-describedby={`${titleId} ${textId}`}
            onChange={(e) => {
              if (e.currentTarget.checked) record.mutate(true);
              else setConfirming(true);
            }}
            data-testid={`consent-switch-${state.purpose}`}
          />
          <Text size="sm" data-testid={`consent-status-${state.purpose}`}>
            <Text span fw={600} inherit>
              {state.granted ? t('privacy.granted') : t('privacy.notGranted')}
            </Text>
            {' · '}
            {state.recordedAt ? (
              <time dateTime={state.recordedAt}>
                {t('privacy.since', { date: formatDate(state.recordedAt, locale, 'long') })}
              </time>
            ) : (
              t('privacy.never')
            )}
          </Text>
        </Group>
        {outdated && (
          <Alert color="yellow" variant="light">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('privacy.outdated')}</Text>
              <Button size="xs" onClick={() => record.mutate(true)} loading={record.isPending}>
                {t('privacy.agreeAgain')}
              </Button>
            </Stack>
          </Alert>
        )}
        <ErrorAlert error={confirming ? null : record.error} />
        {history.length > 0 && (
          <div>
            <Button
              variant="subtle"
              size="compact-sm"
              px={4}
              onClick={() => setShowHistory((v) => !v)}
              aria-expanded={showHistory}
              aria-controls={historyId}
              data-testid={`consent-history-toggle-${state.purpose}`}
            >
              {showHistory ? t('privacy.historyHide') : t('privacy.historyShow', { count: history.length })}
            </Button>
            <Collapse in={showHistory}>
              <List
                id={historyId}
                size="sm"
                spacing={4}
                mt="xs"
                listStyleType="none"
                data-testid={`consent-history-${state.purpose}`}
              >
                {history.map((h) => (
                  <List.Item key={`${h.recordedAt}-${h.granted}`} data-granted={h.granted}>
                    <time dateTime={h.recordedAt}>{formatDateTime(h.recordedAt, locale)}</time>
                    {' — '}
                    <Text span fw={600} inherit>
                      {h.granted ? t('privacy.historyGranted') : t('privacy.historyWithdrawn')}
                    </Text>
                    {` · ${t('privacy.historyVersion', { version: h.wordingVersion })} · ${t(`privacy.source.${h.source}`)}`}
                  </List.Item>
                ))}
              </List>
            </Collapse>
          </div>
        )}
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('privacy.withdrawTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <Stack gap="md">
          <Text>{t('privacy.withdrawMessage', { title: text.title })}</Text>
          <ErrorAlert error={record.error} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)} disabled={record.isPending}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              onClick={() => record.mutate(false)}
              loading={record.isPending}
              data-testid="confirm-withdraw"
            >
              {t('privacy.withdrawConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

function EraseZone({ onErased }: { onErased: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const [opened, setOpened] = useState(false);
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const erase = useMutation({
    mutationFn: () => privacyApi.erase({ password }),
    onSuccess: () => {
      notifications.show({ color: 'blue', message: t('privacy.erased'), autoClose: 10_000 });
      onErased();
      void navigate('/', { replace: true });
    },
  });
  const close = () => {
    setOpened(false);
    setPassword('');
    setMissing(false);
    erase.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!password) {
      setMissing(true);
      return;
    }
    erase.mutate();
  };

  return (
    <Card
      withBorder
      radius="md"
      padding="lg"
      component="section"
      aria-labelledby="privacy-erase"
      style={{ borderColor: 'var(--mantine-color-red-4)' }}
    >
      <Title order={2} size="h3" id="privacy-erase" mb={4} c="red.8">
        {t('privacy.eraseTitle')}
      </Title>
      <Text size="sm" mb="md">
        {t('privacy.eraseHint')}
      </Text>
      <Group>
        <Button color="red" variant="outline" onClick={() => setOpened(true)} data-testid="erase-open">
          {t('privacy.eraseButton')}
        </Button>
      </Group>
      <Modal
        opened={opened}
        onClose={close}
        title={t('privacy.eraseModalTitle')}
        centered
        size="lg"
        // On a phone the explanation is long: the whole screen reads better than a scrolling box.
        fullScreen={narrow}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <div>
              <Text fw={600} size="sm">
                {t('privacy.eraseDeleted')}
              </Text>
              <List size="sm" spacing={4}>
                <List.Item>{t('privacy.eraseDeleted1')}</List.Item>
                <List.Item>{t('privacy.eraseDeleted2')}</List.Item>
                <List.Item>{t('privacy.eraseDeleted3')}</List.Item>
              </List>
            </div>
            <div>
              <Text fw={600} size="sm">
                {t('privacy.eraseKept')}
              </Text>
              <List size="sm" spacing={4}>
                <List.Item>{t('privacy.eraseKept1')}</List.Item>
                <List.Item>{t('privacy.eraseKept2')}</List.Item>
                <List.Item>{t('privacy.eraseKept3')}</List.Item>
              </List>
            </div>
            <ErrorAlert error={erase.error} />
            <PasswordField
              label={t('privacy.erasePassword')}
              description={t('privacy.erasePasswordHint')}
              autoComplete="current-password"
              value={password}
              onChange={(e) => {
                setPassword(e.currentTarget.value);
                setMissing(false);
              }}
              error={missing ? t('common.required') : undefined}
              required
              data-autofocus
              data-testid="erase-password"
            />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close} disabled={erase.isPending}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red" loading={erase.isPending} data-testid="erase-submit">
                {t('privacy.eraseConfirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Card>
  );
}
