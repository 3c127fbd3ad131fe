/** Platform admin: every account, searchable, filterable by role, sortable, paged. */
import './styles';
import { Anchor, Box, Button, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isRole, roles, userSorts } from '../../api/domain';
import { adminApi } from '../../api/endpoints';
import type { UserSort } from '../../api/types';
import { EmailText } from '../../components/ui/EmailText';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatDate } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { Pager } from '../../components/ui/Pager';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { RoleList, SortableTh, StatusBadges, useRoleOptions } from './components';
import { keepPreviousData, PAGE_SIZE, useListParams, useSearchParam } from './hooks';

const isUserSort = (v: string): v is UserSort => (userSorts as readonly string[]).includes(v);

export function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.users.title'));
  const navigate = useNavigate();
  const locale = currentLocale();
  const { get, page, update } = useListParams<'q' | 'role' | 'sort'>();
  const role = isRole(get('role')) ? get('role') : '';
  const sortParam = get('sort');
  const sort: UserSort = isUserSort(sortParam) ? sortParam : 'email';
  const [search, setSearch] = useSearchParam(get('q'), (q) => update({ q }));
  const roleOptions = useRoleOptions();

  const query = useQuery({
    queryKey: ['admin', 'users', { q: get('q'), role, sort, page }],
    queryFn: () =>
      adminApi.users({
        q: get('q') || undefined,
        role: isRole(role) ? role : undefined,
        sort,
        page,
        pageSize: PAGE_SIZE,
      }),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(get('q') || role);

  return (
    <Stack gap="md">
      <Title order={1}>{t('admin.users.title')}</Title>
      <Group align="flex-end" gap="sm" wrap="wrap" role="search">
        <TextInput
          label={t('admin.users.search')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', sm: 320 }}
          data-testid="users-search"
        />
        <Select
          label={t('admin.users.role')}
          placeholder={t('admin.users.allRoles')}
          data={roleOptions(roles)}
          value={role || null}
          onChange={(value) => update({ role: value })}
          clearable
          w={{ base: '100%', sm: 260 }}
          comboboxProps={{ withinPortal: true }}
          data-testid="users-role-filter"
        />
        {filtered && (
          <Button variant="subtle" onClick={() => update({ q: null, role: null })}>
            {t('common.clearFilters')}
          </Button>
        )}
      </Group>

      <ErrorAlert error={query.error} />
      {query.isPending ? (
        <PageLoader />
      ) : query.data && query.data.items.length === 0 ? (
        <EmptyState message={t('admin.users.empty')} />
      ) : query.data ? (
        <>
          <div className="table-scroll">
            <Table striped highlightOnHover verticalSpacing="sm" data-testid="users-table">
              <Table.Thead>
                <Table.Tr>
                  <SortableTh
                    label={t('admin.users.colEmail')}
                    field="email"
                    sort={sort}
                    onSort={(s) => update({ sort: s })}
                  />
                  <SortableTh
                    label={t('admin.users.colName')}
                    field="displayName"
                    sort={sort}
                    onSort={(s) => update({ sort: s })}
                    visibleFrom="sm"
                  />
                  <Table.Th visibleFrom="md">{t('admin.users.colRoles')}</Table.Th>
                  <Table.Th visibleFrom="sm">{t('admin.users.colStatus')}</Table.Th>
                  <SortableTh
                    label={t('admin.users.colCreated')}
                    field="createdAt"
                    sort={sort}
                    onSort={(s) => update({ sort: s })}
                    visibleFrom="sm"
                  />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.items.map((user) => (
                  <Table.Tr
                    key={user.id}
                    className="clickable-row"
                    onClick={(e) => {
                      if ((e.target as HTMLElement).closest('a')) return;
                      navigate(`/admin/users/${user.id}`);
                    }}
                  >
                    <Table.Td>
                      <Anchor component={Link} to={`/admin/users/${user.id}`} fw={600}>
                        <EmailText email={user.email} />
                      </Anchor>
                      {/* On a phone the row is stacked: name and status under the address. */}
                      <Box hiddenFrom="sm" mt={4}>
                        <Text size="sm">{user.displayName}</Text>
                        <Box mt={4}>
                          <StatusBadges disabled={user.disabled} locked={user.locked} />
                        </Box>
                      </Box>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">{user.displayName}</Table.Td>
                    <Table.Td visibleFrom="md">
                      <RoleList grants={user.roles} />
                    </Table.Td>
                    <Table.Td visibleFrom="sm">
                      <StatusBadges disabled={user.disabled} locked={user.locked} />
                    </Table.Td>
                    <Table.Td visibleFrom="sm" className="nowrap">
                      {formatDate(user.createdAt, locale)}
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
    </Stack>
  );
}
