/** Platform admin: the audit log, newest first, filterable by entity. Details are shown as JSON text. */
import './styles';
import { Anchor, Button, Code, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { adminApi } from '../../api/endpoints';
import type { AuditEntry } from '../../api/types';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatDateTime } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { Pager } from '../../components/ui/Pager';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { keepPreviousData, PAGE_SIZE, useListParams, useSearchParam } from './hooks';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.audit.title'));
  const { get, page, update } = useListParams<'entityType' | 'entityId' | 'actorUserId'>();
  const [entityType, setEntityType] = useSearchParam(get('entityType'), (v) => update({ entityType: v }));
  const [entityId, setEntityId] = useSearchParam(get('entityId'), (v) => update({ entityId: v }));
  const actorUserId = UUID.test(get('actorUserId')) ? get('actorUserId') : undefined;
  const filters = {
    entityType: get('entityType') || undefined,
    entityId: get('entityId') || undefined,
    actorUserId,
  };
  const query = useQuery({
    queryKey: ['admin', 'audit', filters, page],
    queryFn: () => adminApi.audit({ ...filters, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(filters.entityType || filters.entityId || filters.actorUserId);

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('admin.audit.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('admin.audit.intro')}
        </Text>
      </div>
      <Group align="flex-end" gap="sm" wrap="wrap" role="search">
        <TextInput
          label={t('admin.audit.entityType')}
          description={t('admin.audit.entityTypeHint')}
          value={entityType}
          onChange={(e) => setEntityType(e.currentTarget.value)}
          autoCapitalize="none"
          spellCheck={false}
          w={{ base: '100%', sm: 220 }}
          data-testid="audit-entity-type"
        />
        <TextInput
          label={t('admin.audit.entityId')}
          value={entityId}
          onChange={(e) => setEntityId(e.currentTarget.value)}
          autoCapitalize="none"
          spellCheck={false}
          w={{ base: '100%', sm: 340 }}
          data-testid="audit-entity-id"
        />
        {filtered && (
          <Button
            variant="subtle"
            onClick={() => update({ entityType: null, entityId: null, actorUserId: null })}
          >
            {t('common.clearFilters')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={query.error} />
      {query.isPending ? (
        <PageLoader />
      ) : query.data && query.data.items.length === 0 ? (
        <EmptyState message={t('admin.audit.empty')} />
      ) : query.data ? (
        <>
          <Stack
            gap="sm"
            component="ol"
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
            data-testid="audit-list"
          >
            {query.data.items.map((entry) => (
              <AuditItem key={entry.id} entry={entry} />
            ))}
          </Stack>
          <Pager
            page={page}
            pageSize={query.data.pageSize}
            total={query.data.total}
            onChange={(p) => update({ page: p })}
          />
        </>
      ) : null}
    </Stack>
  );
}

function AuditItem({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const entityLink =
    entry.entityType === 'user' && entry.entityId
      ? `/admin/users/${entry.entityId}`
      : entry.entityType === 'organisation' && entry.entityId
        ? `/admin/organisations/${entry.entityId}`
        : null;
  const hasDetails = Object.keys(entry.details).length > 0;
  return (
    <Paper component="li" withBorder radius="md" p="sm">
      <Stack gap={6}>
        <Group gap="sm" wrap="wrap" justify="space-between">
          <Code fw={700}>{entry.action}</Code>
          <Text size="sm" c="dimmed">
            <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time>
          </Text>
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          <Text span fw={600}>
            {t('admin.audit.actor')}
          </Text>{' '}
          {entry.actorUserId ? (
            <Anchor component={Link} to={`/admin/audit?actorUserId=${entry.actorUserId}`}>
              {entry.actorEmail ?? entry.actorUserId}
            </Anchor>
          ) : (
            t('admin.audit.system')
          )}
        </Text>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          <Text span fw={600}>
            {t('admin.audit.entity')}
          </Text>{' '}
          {entry.entityType}
          {entry.entityId && ' · '}
          {entry.entityId &&
            (entityLink ? (
              <Anchor component={Link} to={entityLink}>
                {entry.entityId}
              </Anchor>
            ) : (
              entry.entityId
            ))}
        </Text>
        {hasDetails && (
          <div>
            <Text size="xs" fw={600} mb={2}>
              {t('admin.audit.details')}
            </Text>
            {/* JSON as text, never as HTML: React escapes it. */}
            <pre className="audit-details">{JSON.stringify(entry.details, null, 2)}</pre>
          </div>
        )}
      </Stack>
    </Paper>
  );
}
