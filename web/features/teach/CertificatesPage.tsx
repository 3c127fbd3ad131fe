/**
 * Certificates an organisation issued (/teach/certificates), for its partner admins and the platform's:
 * search by learner, filter by status, sort, page; open a certificate's public verification page; revoke
 * one with a reason. The server decides who may list and revoke (server/modules/credentials/policy.ts);
 * this page only offers it to those it would let.
 */
import './styles';
import {
  Anchor,
  Box,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  credentialStatuses,
  isCredentialStatus,
  isIssuedSort,
  issuedSorts,
  revocationReasons,
} from '../../api/domain';
import { credentialsApi } from '../../api/endpoints';
import type { IssuedCredential, IssuedSort, RevocationReason } from '../../api/types';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatDate } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { Pager } from '../../components/ui/Pager';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { OrganisationSelect } from '../admin/components';
import { keepPreviousData, PAGE_SIZE, useListParams, useSearchParam } from '../admin/hooks';
import { isPlatformAdmin, teachingOrganisations } from '../auth/access';
import { useMe } from '../auth/hooks';
import { StatusBadge } from '../credentials/StatusBadge';
import { WhoseHidden } from './components';

const sortLabelKeys = {
  '-issuedAt': 'teach.certificates.sortNewest',
  issuedAt: 'teach.certificates.sortOldest',
  learnerName: 'teach.certificates.sortNameAsc',
  '-learnerName': 'teach.certificates.sortNameDesc',
} as const satisfies Record<IssuedSort, string>;

export function CertificatesPage() {
  const { t } = useTranslation();
  usePageTitle(t('teach.certificates.title'));
  const { me } = useMe();
  const managed = teachingOrganisations(me).filter((o) => o.manages);
  const admin = isPlatformAdmin(me);
  const { get, page, update } = useListParams<'org' | 'q' | 'status' | 'sort'>();
  // The organisation in the URL when the account may see it, else the first it manages.
  const orgParam = get('org');
  const orgId = (admin || managed.some((o) => o.id === orgParam) ? orgParam : '') || managed[0]?.id || '';
  const orgName = managed.find((o) => o.id === orgId)?.name ?? '';

  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to="/teach" size="sm">
          ← {t('teach.back')}
        </Anchor>
        <Title order={1}>{t('teach.certificates.title')}</Title>
        <Text c="dimmed">{t('teach.certificates.intro')}</Text>
      </div>
      {managed.length > 1 && (
        <Select
          label={t('teach.certificates.organisation')}
          data={managed.map((o) => ({ value: o.id, label: o.name }))}
          value={orgId}
          onChange={(v) => v && update({ org: v, q: null, status: null })}
          allowDeselect={false}
          w={{ base: '100%', sm: 420 }}
          comboboxProps={{ withinPortal: true }}
          data-testid="certificates-org"
        />
      )}
      {admin && managed.length === 0 && (
        <OrganisationSelect
          label={t('teach.certificates.organisation')}
          kinds={['training_partner', 'nic']}
          value={orgId || null}
          onChange={(v) => update({ org: v, q: null, status: null })}
        />
      )}
      {orgId ? (
        <IssuedList key={orgId} orgId={orgId} orgName={orgName} page={page} get={get} update={update} />
      ) : (
        !admin && <EmptyState message={t('teach.certificates.notManager')} />
      )}
    </Stack>
  );
}

type ListParams = ReturnType<typeof useListParams<'org' | 'q' | 'status' | 'sort'>>;

function IssuedList({
  orgId,
  orgName,
  page,
  get,
  update,
}: { orgId: string; orgName: string } & Pick<ListParams, 'page' | 'get' | 'update'>) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const statusParam = get('status');
  const status = isCredentialStatus(statusParam) ? statusParam : undefined;
  const sortParam = get('sort');
  const sort: IssuedSort = isIssuedSort(sortParam) ? sortParam : '-issuedAt';
  const q = get('q');
  const [search, setSearch] = useSearchParam(q, (v) => update({ q: v }));
  const [revoking, setRevoking] = useState<IssuedCredential | null>(null);
  const list = useQuery({
    queryKey: ['issued-credentials', orgId, { q, status, sort, page }],
    queryFn: () =>
      credentialsApi.issued(orgId, { q: q || undefined, status, sort, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const filtered = Boolean(q || status);

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" wrap="wrap" role="search">
        <TextInput
          label={t('teach.certificates.search')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', sm: 280 }}
          data-testid="certificates-search"
        />
        <Select
          label={t('teach.certificates.status')}
          placeholder={t('catalog.any')}
          data={credentialStatuses.map((s) => ({ value: s, label: t(`credentialStatus.${s}`) }))}
          value={status ?? null}
          onChange={(v) => update({ status: v })}
          clearable
          w={{ base: '100%', sm: 200 }}
          comboboxProps={{ withinPortal: true }}
          data-testid="certificates-status"
        />
        <Select
          label={t('teach.certificates.sort')}
          data={issuedSorts.map((s) => ({ value: s, label: t(sortLabelKeys[s]) }))}
          value={sort}
          onChange={(v) => update({ sort: v === '-issuedAt' ? null : v })}
          allowDeselect={false}
          w={{ base: '100%', sm: 220 }}
          comboboxProps={{ withinPortal: true }}
          data-testid="certificates-sort"
        />
        {filtered && (
          <Button variant="subtle" onClick={() => update({ q: null, status: null })}>
            {t('common.clearFilters')}
          </Button>
        )}
      </Group>

      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <PageLoader />
      ) : list.data?.items.length === 0 ? (
        <EmptyState
          message={filtered ? t('teach.certificates.emptyFiltered') : t('teach.certificates.empty')}
          action={
            filtered ? (
              <Button variant="light" onClick={() => update({ q: null, status: null })}>
                {t('common.clearFilters')}
              </Button>
            ) : undefined
          }
        />
      ) : list.data ? (
        <>
          <div className="table-scroll">
            <Table striped verticalSpacing="sm" data-testid="certificates-table">
              {orgName && (
                <caption className="visually-hidden">
                  {t('teach.certificates.caption', { name: orgName })}
                </caption>
              )}
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('teach.certificates.learner')}</Table.Th>
                  <Table.Th scope="col" visibleFrom="sm">
                    {t('teach.certificates.course')}
                  </Table.Th>
                  <Table.Th scope="col" visibleFrom="sm" className="nowrap">
                    {t('teach.certificates.issued')}
                  </Table.Th>
                  <Table.Th scope="col" visibleFrom="sm">
                    {t('teach.certificates.status')}
                  </Table.Th>
                  <Table.Th scope="col">
                    <span className="visually-hidden">{t('common.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((c) => (
                  <Table.Tr key={c.id} data-testid="certificate-row" data-status={c.status}>
                    <Table.Td>
                      <Text fw={600} size="sm">
                        {c.learnerName}
                      </Text>
                      {/* On a phone the row is stacked: course and date under the name. */}
                      <Box hiddenFrom="sm">
                        <Text size="xs" c="dimmed" lang={c.language} style={{ overflowWrap: 'anywhere' }}>
                          {c.courseTitle}
                        </Text>
                        <Text size="xs" c="dimmed">
                          <time dateTime={c.issuedAt}>{formatDate(c.issuedAt, locale)}</time>
                        </Text>
                        <Box mt={4}>
                          <CertificateStatus credential={c} />
                        </Box>
                      </Box>
                    </Table.Td>
                    <Table.Td visibleFrom="sm" lang={c.language}>
                      {c.courseTitle}
                    </Table.Td>
                    <Table.Td visibleFrom="sm" className="nowrap">
                      <time dateTime={c.issuedAt}>{formatDate(c.issuedAt, locale)}</time>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">
                      <CertificateStatus credential={c} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="wrap" justify="flex-end">
                        <Button
                          component={Link}
                          to={`/verify/${c.id}`}
                          size="compact-sm"
                          variant="light"
                          data-testid="certificate-verify"
                        >
                          {t('teach.certificates.verify')}
                          <WhoseHidden name={c.learnerName} />
                        </Button>
                        {c.status === 'active' && (
                          <Button
                            size="compact-sm"
                            variant="outline"
                            color="red"
                            onClick={() => setRevoking(c)}
                            data-testid="certificate-revoke"
                          >
                            {t('teach.certificates.revoke')}
                            <WhoseHidden name={c.learnerName} />
                          </Button>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
          <Pager
            page={page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onChange={(p) => update({ page: p })}
          />
        </>
      ) : null}
      <RevokeModal credential={revoking} orgId={orgId} onClose={() => setRevoking(null)} />
    </Stack>
  );
}

/** The status badge and, once revoked, why (in the reader's language, from the server). */
function CertificateStatus({ credential: c }: { credential: IssuedCredential }) {
  return (
    <>
      <StatusBadge status={c.status} />
      {c.status === 'revoked' && c.revocationReason && (
        <Text size="xs" c="dimmed" mt={4}>
          {c.revocationReason}
        </Text>
      )}
    </>
  );
}

function RevokeModal({
  credential,
  orgId,
  onClose,
}: {
  credential: IssuedCredential | null;
  orgId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState<RevocationReason | null>(null);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const revoke = useMutation({
    mutationFn: (c: IssuedCredential) =>
      credentialsApi.revoke(c.id, { reason: reason!, note: note.trim() || undefined }),
    onSuccess: (_, c) => {
      void queryClient.invalidateQueries({ queryKey: ['issued-credentials', orgId] });
      notifications.show({
        color: 'green',
        message: t('teach.certificates.revoked', { name: c.learnerName }),
      });
      close();
    },
  });
  const close = () => {
    setReason(null);
    setNote('');
    setMissing(false);
    revoke.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!credential) return;
    if (!reason) {
      setMissing(true);
      return;
    }
    revoke.mutate(credential);
  };
  return (
    <Modal
      opened={credential !== null}
      onClose={() => !revoke.isPending && close()}
      title={t('teach.certificates.revokeTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {credential && (
        <form onSubmit={submit} noValidate data-testid="revoke-form">
          <Stack gap="sm">
            <Text size="sm">
              {t('teach.certificates.revokeIntro', {
                name: credential.learnerName,
                course: credential.courseTitle,
              })}
            </Text>
            <Select
              label={t('teach.certificates.reason')}
              data={revocationReasons.map((r) => ({ value: r, label: t(`revocationReason.${r}`) }))}
              value={reason}
              onChange={(v) => {
                setReason(v as RevocationReason | null);
                setMissing(false);
              }}
              error={missing ? t('teach.certificates.reasonNeeded') : undefined}
              required
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              data-autofocus
              data-testid="revoke-reason"
            />
            <Textarea
              label={t('teach.certificates.note')}
              description={t('teach.certificates.noteHint')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              maxLength={1000}
              autosize
              minRows={2}
              maxRows={6}
              data-testid="revoke-note"
            />
            <ErrorAlert error={revoke.error} />
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={close} disabled={revoke.isPending}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red" loading={revoke.isPending} data-testid="revoke-confirm">
                {t('teach.certificates.confirmRevoke')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
