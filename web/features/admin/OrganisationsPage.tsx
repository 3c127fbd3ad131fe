/** Platform admin: organisations — search, filter by kind, sort, page, create. */
import './styles';
import { Anchor, Badge, Button, Group, Modal, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isOrganisationKind, organisationKinds, organisationSorts } from '../../api/domain';
import { organisationsApi } from '../../api/endpoints';
import type { OrganisationSort } from '../../api/types';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatCountry, formatDate } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { Pager } from '../../components/ui/Pager';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { SortableTh } from './components';
import { keepPreviousData, PAGE_SIZE, useListParams, useProvinceName, useSearchParam } from './hooks';
import { CreateOrganisationForm } from './OrganisationForm';

const isOrganisationSort = (v: string): v is OrganisationSort =>
  (organisationSorts as readonly string[]).includes(v);

export function OrganisationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.orgs.title'));
  const navigate = useNavigate();
  const locale = currentLocale();
  const provinceName = useProvinceName();
  const [creating, setCreating] = useState(false);
  const { get, page, update } = useListParams<'q' | 'kind' | 'sort'>();
  const kindParam = get('kind');
  const kind = isOrganisationKind(kindParam) ? kindParam : undefined;
  const sortParam = get('sort');
  const sort: OrganisationSort = isOrganisationSort(sortParam) ? sortParam : 'name';
  const [search, setSearch] = useSearchParam(get('q'), (q) => update({ q }));

  const query = useQuery({
    queryKey: ['organisations', 'admin-list', { q: get('q'), kind, sort, page }],
    queryFn: () => organisationsApi.list({ q: get('q') || undefined, kind, sort, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="center" wrap="wrap">
        <Title order={1}>{t('admin.orgs.title')}</Title>
        <Button onClick={() => setCreating(true)} data-testid="org-create-open">
          {t('admin.orgs.create')}
        </Button>
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap" role="search">
        <TextInput
          label={t('admin.orgs.search')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', sm: 320 }}
          data-testid="orgs-search"
        />
        <Select
          label={t('admin.orgs.kind')}
          placeholder={t('admin.orgs.allKinds')}
          data={organisationKinds.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))}
          value={kind ?? null}
          onChange={(value) => update({ kind: value })}
          clearable
          w={{ base: '100%', sm: 220 }}
          comboboxProps={{ withinPortal: true }}
          data-testid="orgs-kind-filter"
        />
        <Select
          label={t('admin.orgs.sort')}
          data={[
            { value: 'name', label: t('admin.orgs.sortName') },
            { value: '-name', label: t('admin.orgs.sortNameDesc') },
            { value: '-createdAt', label: t('admin.orgs.sortNewest') },
            { value: 'createdAt', label: t('admin.orgs.sortOldest') },
            { value: 'kind', label: t('admin.orgs.sortKind') },
          ]}
          value={sort}
          onChange={(value) => update({ sort: value === 'name' ? null : value })}
          allowDeselect={false}
          w={{ base: '100%', sm: 200 }}
          comboboxProps={{ withinPortal: true }}
          data-testid="orgs-sort"
        />
        {(get('q') || kind) && (
          <Button variant="subtle" onClick={() => update({ q: null, kind: null })}>
            {t('common.clearFilters')}
          </Button>
        )}
      </Group>

      <ErrorAlert error={query.error} />
      {query.isPending ? (
        <PageLoader />
      ) : query.data && query.data.items.length === 0 ? (
        <EmptyState message={t('admin.orgs.empty')} />
      ) : query.data ? (
        <>
          <div className="table-scroll">
            <Table striped highlightOnHover verticalSpacing="sm" data-testid="orgs-table">
              <Table.Thead>
                <Table.Tr>
                  <SortableTh
                    label={t('admin.orgs.colName')}
                    field="name"
                    sort={sort}
                    onSort={(s) => update({ sort: s })}
                  />
                  <SortableTh
                    label={t('admin.orgs.colKind')}
                    field="kind"
                    sort={sort}
                    onSort={(s) => update({ sort: s })}
                    descending={false}
                  />
                  <Table.Th visibleFrom="sm">{t('admin.orgs.colProvince')}</Table.Th>
                  <Table.Th visibleFrom="sm">{t('admin.orgs.colVerified')}</Table.Th>
                  <SortableTh
                    label={t('admin.orgs.colCreated')}
                    field="createdAt"
                    sort={sort}
                    onSort={(s) => update({ sort: s })}
                    visibleFrom="md"
                  />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.items.map((org) => (
                  <Table.Tr
                    key={org.id}
                    className="clickable-row"
                    onClick={(e) => {
                      if ((e.target as HTMLElement).closest('a')) return;
                      navigate(`/admin/organisations/${org.id}`);
                    }}
                  >
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      <Anchor component={Link} to={`/admin/organisations/${org.id}`} fw={600}>
                        {org.name}
                      </Anchor>
                      {org.isDemo && (
                        <Badge ml={6} size="xs" variant="light" color="gray" tt="none">
                          {t('admin.orgs.demo')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>{t(`orgKind.${org.kind}`)}</Table.Td>
                    <Table.Td visibleFrom="sm">
                      {/* Organisations abroad (Japan, the US) have no province: their country instead. */}
                      {provinceName(org.provinceCode) || formatCountry(org.country, locale)}
                    </Table.Td>
                    <Table.Td visibleFrom="sm">
                      {org.verified ? (
                        <Badge color="green" variant="light" size="sm" tt="none" className="status-badge">
                          {t('admin.orgs.verified')}
                        </Badge>
                      ) : (
                        <Badge color="gray" variant="light" size="sm" tt="none" className="status-badge">
                          {t('admin.orgs.unverified')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td visibleFrom="md" className="nowrap">
                      {formatDate(org.createdAt, locale)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
          <Pager
            page={page}
            pageSize={query.data.pageSize}
            total={query.data.total}
            onChange={(p) => update({ page: p })}
          />
        </>
      ) : null}

      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('admin.orgs.create')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <CreateOrganisationForm
          onCreated={(org) => {
            setCreating(false);
            navigate(`/admin/organisations/${org.id}`);
          }}
        />
      </Modal>
    </Stack>
  );
}
