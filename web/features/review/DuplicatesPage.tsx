/**
 * The review queue of likely duplicate people (/registry/duplicates), for NIC staff: pairs the
 * matcher found when rosters were imported, by status, likeliest first; a pair opens side by side,
 * to be merged (choosing the record that stays), kept apart, or — once merged — unmerged. Filters,
 * sorting, the page and the open pair live in the URL. The server decides every request
 * (server/modules/registry/review); the words of the reasons come from it in the reader's language.
 */
import './styles';
import { Button, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatDate, formatNumber } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { Pager } from '../../components/ui/Pager';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { SortableTh } from '../admin/components';
import { useListParams } from '../admin/hooks';
import { isPairSort, isPairStatus, type PairStatus, pairStatuses, reviewApi } from './api';
import { ComparePanel, PersonCell, pairsKey, ReasonList } from './components';

const PAGE_SIZE = 20;

export function DuplicatesPage() {
  const { t } = useTranslation();
  usePageTitle(t('review.title'));
  const locale = currentLocale();
  const { get, page, update } = useListParams<'status' | 'sort' | 'pair'>();
  const status: PairStatus = isPairStatus(get('status')) ? (get('status') as PairStatus) : 'open';
  const sort = isPairSort(get('sort')) ? get('sort') : '-score';
  const openPair = get('pair');

  const query = useQuery({
    queryKey: [...pairsKey, locale, { status, sort, page }],
    queryFn: () =>
      reviewApi.list({ status, sort: isPairSort(sort) ? sort : undefined, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

  const close = () => {
    update({ pair: null, page });
    // Back to the button that opened the comparison, when it is still in the list.
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`[data-compare="${CSS.escape(openPair)}"]`)?.focus(),
    );
  };

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('review.title')}</Title>
        <Text c="dimmed">{t('review.intro')}</Text>
      </div>
      <SegmentedControl
        aria-label={t('review.status.label')}
        value={status}
        onChange={(v) => update({ status: v === 'open' ? null : v })}
        data={pairStatuses.map((s) => ({ value: s, label: t(`review.status.${s}`) }))}
        w={{ base: '100%', sm: 'auto' }}
        style={{ alignSelf: 'flex-start' }}
        data-testid="review-status"
      />
      <ErrorAlert error={query.error} />
      {query.isPending ? (
        <PageLoader />
      ) : query.data && query.data.items.length === 0 ? (
        <EmptyState message={t(`review.empty.${status}`)} />
      ) : query.data ? (
        <>
          <div className="table-scroll">
            <Table striped verticalSpacing="sm" data-testid="review-table">
              <Table.Caption className="visually-hidden">
                {t('review.table.caption', { status: t(`review.status.${status}`) })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <SortableTh
                    label={t('review.table.score')}
                    field="score"
                    sort={sort}
                    onSort={(s) => update({ sort: s === '-score' ? null : s })}
                  />
                  <Table.Th>{t('review.table.first')}</Table.Th>
                  <Table.Th>{t('review.table.second')}</Table.Th>
                  <Table.Th visibleFrom="md">{t('review.table.reasons')}</Table.Th>
                  <SortableTh
                    label={t('review.table.queued')}
                    field="createdAt"
                    sort={sort}
                    onSort={(s) => update({ sort: s })}
                    visibleFrom="sm"
                  />
                  <Table.Th>
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.items.map((pair) => (
                  <Table.Tr key={pair.id} data-testid="review-row" data-pair={pair.id}>
                    <Table.Td className="nowrap">{formatNumber(pair.score, locale)}</Table.Td>
                    <Table.Td>
                      <PersonCell person={pair.a} />
                    </Table.Td>
                    <Table.Td>
                      <PersonCell person={pair.b} />
                    </Table.Td>
                    <Table.Td visibleFrom="md">
                      <ReasonList pair={pair} />
                    </Table.Td>
                    <Table.Td visibleFrom="sm" className="nowrap">
                      {formatDate(pair.createdAt, locale)}
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant={openPair === pair.id ? 'filled' : 'light'}
                        aria-label={t('review.table.compareLabel', {
                          a: pair.a.fullName,
                          b: pair.b.fullName,
                        })}
                        aria-expanded={openPair === pair.id}
                        aria-controls={openPair === pair.id ? 'review-compare' : undefined}
                        data-compare={pair.id}
                        data-testid="review-compare-button"
                        onClick={() => update({ pair: pair.id, page })}
                      >
                        {t('review.table.compare')}
                      </Button>
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
            onChange={(p) => update({ page: p, pair: null })}
          />
        </>
      ) : null}
      {openPair && (
        <div id="review-compare">
          <ComparePanel key={openPair} pairId={openPair} onClose={close} />
        </div>
      )}
    </Stack>
  );
}
