/**
 * Platform admin: the audit log, newest first, filterable by entity. Entity types and actions are shown
 * in the reader's language (unknown ones as their code); details are pretty JSON text, folded away.
 */
import './styles';
import { Anchor, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
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
import { currentLocale, i18n } from '../../i18n';
import { keepPreviousData, PAGE_SIZE, useListParams, useSearchParam } from './hooks';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The entity types the modules write (server/modules/*: insertAudit), for the filter. */
const entityTypes = [
  'user',
  'organisation',
  'course',
  'cohort',
  'enrolment',
  'credential',
  'credential_key',
  'file',
  'question',
  'quiz',
  'quiz_attempt',
  'event',
  'seed',
] as const;

/** "user.registered" → "Đăng ký tài khoản"; a key without a translation shows as itself. */
function useAuditLabels() {
  const { t } = useTranslation();
  const label = (key: string, fallback: string) =>
    i18n.exists(key) ? (t as (k: string) => string)(key) : fallback;
  return {
    entity: (type: string) => label(`audit.entity.${type}`, type),
    action: (action: string) => label(`audit.action.${action}`, action),
  };
}

export function AuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.audit.title'));
  const { get, page, update } = useListParams<'entityType' | 'entityId' | 'actorUserId'>();
  const labels = useAuditLabels();
  const typeParam = get('entityType');
  const typeOptions = [
    ...entityTypes,
    ...(typeParam && !(entityTypes as readonly string[]).includes(typeParam) ? [typeParam] : []),
  ].map((value) => ({ value, label: labels.entity(value) }));
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
        <Select
          label={t('admin.audit.entityType')}
          placeholder={t('audit.allTypes')}
          data={typeOptions}
          value={typeParam || null}
          onChange={(value) => update({ entityType: value })}
          clearable
          w={{ base: '100%', sm: 240 }}
          comboboxProps={{ withinPortal: true }}
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
  const labels = useAuditLabels();
  const locale = currentLocale();
  const entityPages: Record<string, string> = {
    user: '/admin/users/',
    organisation: '/admin/organisations/',
    course: '/teach/courses/',
    cohort: '/teach/cohorts/',
    credential: '/verify/',
  };
  const entityLink =
    entry.entityId && entityPages[entry.entityType]
      ? `${entityPages[entry.entityType]}${entry.entityId}`
      : null;
  const hasDetails = Object.keys(entry.details).length > 0;
  return (
    <Paper component="li" withBorder radius="md" p="sm">
      <Stack gap={6}>
        <Group gap="sm" wrap="wrap" justify="space-between">
          <Text fw={700} title={t('audit.code', { code: entry.action })}>
            {labels.action(entry.action)}
          </Text>
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
          {labels.entity(entry.entityType)}
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
          <details className="audit-disclosure">
            <summary>{t('audit.showDetails')}</summary>
            {/* JSON as text, never as HTML: React escapes it. */}
            <pre className="audit-details">{JSON.stringify(entry.details, null, 2)}</pre>
          </details>
        )}
      </Stack>
    </Paper>
  );
}
