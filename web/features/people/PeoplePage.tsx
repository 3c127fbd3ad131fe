/**
 * The people registry (/people) for NIC staff and partner admins: search by name without accents,
 * filters (organisation, province), sortable columns, pages. A partner sees only its own people; the
 * server decides, this page only offers the choices that make sense for the account.
 */
import './styles';
import {
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type PersonSort, personSorts } from '../../../common/domain';
import type { PersonSummary } from '../../api/types';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatDate } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { Pager } from '../../components/ui/Pager';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { OrganisationSelect, SortableTh } from '../admin/components';
import { PAGE_SIZE, provinceLabel, useListParams, useProvinces, useSearchParam } from '../admin/hooks';
import { useMe } from '../auth/hooks';
import { isPeopleStaff, partnerOrganisations } from './access';
import { usePeople } from './queries';

const isPersonSort = (v: string): v is PersonSort => (personSorts as readonly string[]).includes(v);

export function PeoplePage() {
  const { t } = useTranslation();
  usePageTitle(t('people.title'));
  const navigate = useNavigate();
  const locale = currentLocale();
  const { me } = useMe();
  const staff = isPeopleStaff(me);
  const mine = partnerOrganisations(me);
  const { get, page, update } = useListParams<'q' | 'org' | 'province' | 'sort'>();
  const sortParam = get('sort');
  const sort: PersonSort = isPersonSort(sortParam) ? sortParam : 'name';
  const [search, setSearch] = useSearchParam(get('q'), (q) => update({ q }));
  const { provinces } = useProvinces();
  // A partner narrows only to its own organisations (the server refuses any other).
  const org = staff || mine.some((o) => o.id === get('org')) ? get('org') : '';
  const province = /^[0-9]{2}$/.test(get('province')) ? get('province') : '';

  const query = usePeople({
    q: get('q') || undefined,
    organisationId: org || undefined,
    provinceCode: province || undefined,
    sort,
    page,
    pageSize: PAGE_SIZE,
  });
  const filtered = Boolean(get('q') || org || province);
  const onSort = (s: string) => update({ sort: s });

  return (
    <Stack gap="md">
      <Title order={1}>{t('people.title')}</Title>
      <Text c="dimmed">{t('people.intro')}</Text>
      <Group align="flex-end" gap="sm" wrap="wrap" role="search">
        <TextInput
          label={t('people.search')}
          description={t('people.searchHint')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', sm: 320 }}
          data-testid="people-search"
        />
        {staff ? (
          <Box w={{ base: '100%', sm: 280 }}>
            <OrganisationSelect
              label={t('people.organisation')}
              kinds={['training_partner', 'nic']}
              value={org || null}
              onChange={(id) => update({ org: id })}
            />
          </Box>
        ) : (
          mine.length > 1 && (
            <Select
              label={t('people.organisation')}
              placeholder={t('people.allOrganisations')}
              data={mine.map((o) => ({ value: o.id, label: o.name }))}
              value={org || null}
              onChange={(id) => update({ org: id })}
              clearable
              w={{ base: '100%', sm: 280 }}
              comboboxProps={{ withinPortal: true }}
            />
          )
        )}
        <Select
          label={t('people.province')}
          placeholder={t('people.allProvinces')}
          data={(provinces ?? []).map((p) => ({ value: p.code, label: provinceLabel(p, locale) }))}
          value={province || null}
          onChange={(code) => update({ province: code })}
          searchable
          clearable
          w={{ base: '100%', sm: 240 }}
          comboboxProps={{ withinPortal: true }}
          data-testid="people-province-filter"
        />
        {filtered && (
          <Button variant="subtle" onClick={() => update({ q: null, org: null, province: null })}>
            {t('common.clearFilters')}
          </Button>
        )}
      </Group>

      <ErrorAlert error={query.error} />
      {query.isPending ? (
        <PageLoader />
      ) : query.data && query.data.items.length === 0 ? (
        <EmptyState message={filtered ? t('people.emptyFiltered') : t('people.empty')} />
      ) : query.data ? (
        <>
          <div className="table-scroll">
            <Table striped highlightOnHover verticalSpacing="sm" data-testid="people-table">
              <Table.Thead>
                <Table.Tr>
                  <SortableTh label={t('people.colName')} field="name" sort={sort} onSort={onSort} />
                  <Table.Th visibleFrom="sm">{t('people.colBirth')}</Table.Th>
                  <Table.Th visibleFrom="sm">{t('people.colProvince')}</Table.Th>
                  <Table.Th visibleFrom="md">{t('people.colOrganisations')}</Table.Th>
                  <SortableTh
                    label={t('people.colAdded')}
                    field="createdAt"
                    sort={sort}
                    onSort={onSort}
                    visibleFrom="sm"
                  />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.items.map((person) => (
                  <PersonRow
                    key={person.id}
                    person={person}
                    onOpen={() => navigate(`/people/${person.id}`)}
                  />
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

function PersonRow({ person, onOpen }: { person: PersonSummary; onOpen: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const born = person.dateOfBirth ? formatDate(person.dateOfBirth, locale) : '';
  const organisations = person.organisations.map((o) => o.name).join(', ');
  return (
    <Table.Tr
      className="clickable-row"
      data-testid="people-row"
      data-person-id={person.id}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('a')) return;
        onOpen();
      }}
    >
      <Table.Td>
        <Anchor component={Link} to={`/people/${person.id}`} fw={600} data-testid="people-open">
          {person.fullName}
        </Anchor>
        {person.hasAccount && (
          <Badge variant="light" color="teal" size="sm" ml="xs">
            {t('people.hasAccount')}
          </Badge>
        )}
        {/* On a phone the row is stacked: the other columns under the name. */}
        <Box hiddenFrom="sm" mt={4}>
          <Text size="sm">{[born, person.province?.name].filter(Boolean).join(' · ')}</Text>
        </Box>
        {organisations && (
          <Text size="sm" c="dimmed" hiddenFrom="md">
            {organisations}
          </Text>
        )}
      </Table.Td>
      <Table.Td visibleFrom="sm" className="nowrap">
        {born}
      </Table.Td>
      <Table.Td visibleFrom="sm">{person.province?.name ?? ''}</Table.Td>
      <Table.Td visibleFrom="md">{organisations}</Table.Td>
      <Table.Td visibleFrom="sm" className="nowrap">
        {formatDate(person.createdAt, locale)}
      </Table.Td>
    </Table.Tr>
  );
}
