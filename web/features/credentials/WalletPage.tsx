/**
 * The wallet (/me/credentials): every certificate of the signed-in learner with its course, issuer,
 * date and status; download as JSON (the Open Badges credential) or PDF; the public verification page
 * and its link to copy and share.
 */
import './styles';
import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { credentialsApi } from '../../api/endpoints';
import type { WalletItem } from '../../api/types';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatDate } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { Pager } from '../../components/ui/Pager';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { keepPreviousData, useListParams } from '../admin/hooks';
import { StatusBadge } from './StatusBadge';

export function WalletPage() {
  const { t } = useTranslation();
  usePageTitle(t('wallet.title'));
  const { page, update } = useListParams<never>();
  const wallet = useQuery({
    queryKey: ['my-credentials', page],
    queryFn: () => credentialsApi.wallet({ page, pageSize: 20 }),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('wallet.title')}</Title>
        <Text c="dimmed">{t('wallet.intro')}</Text>
      </div>
      <ErrorAlert error={wallet.error} />
      {wallet.isPending ? (
        <PageLoader />
      ) : wallet.data?.items.length === 0 ? (
        <EmptyState
          message={t('wallet.empty')}
          action={
            <Button component={Link} to="/me/learning" variant="light">
              {t('nav.myLearning')}
            </Button>
          }
        />
      ) : wallet.data ? (
        <>
          <Stack gap="md" component="ul" className="plain-list">
            {wallet.data.items.map((c) => (
              <li key={c.id}>
                <CredentialCard c={c} />
              </li>
            ))}
          </Stack>
          <Pager
            page={page}
            pageSize={wallet.data.pageSize}
            total={wallet.data.total}
            onChange={(p) => update({ page: p })}
          />
        </>
      ) : null}
    </Stack>
  );
}

function CredentialCard({ c }: { c: WalletItem }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(c.verifyUrl);
      notifications.show({ color: 'green', message: t('wallet.copied') });
    } catch {
      notifications.show({
        color: 'red',
        message: t('wallet.copyFailed', { url: c.verifyUrl }),
        autoClose: 10_000,
      });
    }
  };
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="article"
      data-testid="credential-card"
      aria-labelledby={`cred-${c.id}`}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title
            order={2}
            size="h4"
            id={`cred-${c.id}`}
            lang={c.language}
            style={{ overflowWrap: 'anywhere' }}
          >
            {c.courseTitle}
          </Title>
          <StatusBadge status={c.status} />
        </Group>
        <Text size="sm">
          <Text span fw={600} inherit>
            {t('wallet.issuer')}
          </Text>{' '}
          {c.issuer.name}
        </Text>
        <Text size="sm">
          <Text span fw={600} inherit>
            {t('wallet.issued')}
          </Text>{' '}
          <time dateTime={c.issuedAt}>{formatDate(c.issuedAt, locale, 'long')}</time>
          {c.validUntil && ` · ${t('wallet.validUntil', { date: formatDate(c.validUntil, locale) })}`}
        </Text>
        {c.status === 'revoked' && c.revocationReason && (
          <Text size="sm" c="red.9">
            {t('wallet.revokedBecause', { reason: c.revocationReason })}
          </Text>
        )}
        <Group gap="xs" mt={4}>
          <Button
            component="a"
            href={credentialsApi.pdfUrl(c.id)}
            download
            size="xs"
            data-testid="credential-pdf"
          >
            {t('wallet.pdf')}
          </Button>
          <Button
            component="a"
            href={credentialsApi.jsonUrl(c.id)}
            download
            size="xs"
            variant="default"
            data-testid="credential-json"
          >
            {t('wallet.json')}
          </Button>
          <Button
            component={Link}
            to={`/verify/${c.id}`}
            size="xs"
            variant="light"
            data-testid="credential-verify"
          >
            {t('wallet.verify')}
          </Button>
          <Button size="xs" variant="subtle" onClick={copy} data-testid="credential-copy">
            {t('wallet.copy')}
          </Button>
        </Group>
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          <Anchor href={c.verifyUrl} size="xs" c="dimmed" underline="always">
            {c.verifyUrl}
          </Anchor>
        </Text>
      </Stack>
    </Card>
  );
}
