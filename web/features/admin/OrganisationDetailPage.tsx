/**
 * One organisation: its details (platform admin, or an administrator of the organisation) and its
 * members — who holds which role in it — with adding by e-mail and removing.
 */
import './styles';
import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isRole, roleOrganisationKinds, roles } from '../../api/domain';
import { organisationsApi } from '../../api/endpoints';
import type { Me, Member, Organisation, Role, UpdateOrganisationBody } from '../../api/types';
import { EmailText } from '../../components/ui/EmailText';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { errorFor, hasErrors, missingFields } from '../../components/ui/form';
import { formatCountry, formatDate } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { Pager } from '../../components/ui/Pager';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { isPlatformAdmin } from '../auth/access';
import { useMe } from '../auth/hooks';
import { ConfirmModal, ProvinceField, useRoleOptions } from './components';
import { keepPreviousData, PAGE_SIZE, useProvinceName } from './hooks';

/** NIC staff verify organisations (server policy: platform admin or programme manager). */
const canVerify = (me: Me | null) =>
  isPlatformAdmin(me) || !!me?.roles.some((r) => r.role === 'program_manager');

/** Roles this account may hand out in this organisation (mirrors `policy.manageMember` on the server). */
function grantableRoles(me: Me | null, org: Organisation): Role[] {
  const fitting = roles.filter((r) => roleOrganisationKinds[r].includes(org.kind));
  if (isPlatformAdmin(me)) return fitting;
  const held = new Set(me?.roles.filter((g) => g.organisationId === org.id).map((g) => g.role));
  return fitting.filter(
    (r) =>
      (held.has('partner_admin') && ['learner', 'trainer', 'partner_admin'].includes(r)) ||
      (held.has('employer') && r === 'employer'),
  );
}

export function OrganisationDetailPage() {
  const { t } = useTranslation();
  const { orgId = '' } = useParams();
  const { me } = useMe();
  const query = useQuery({
    queryKey: ['organisations', 'one', orgId],
    queryFn: () => organisationsApi.get(orgId),
  });
  usePageTitle(query.data?.name ?? t('admin.orgs.title'));

  return (
    <Stack gap="md">
      {isPlatformAdmin(me) && (
        <Anchor component={Link} to="/admin/organisations" size="sm">
          <span aria-hidden="true">← </span>
          {t('admin.org.back')}
        </Anchor>
      )}
      <ErrorAlert error={query.error} />
      {query.isPending ? <PageLoader /> : query.data ? <OrganisationDetail org={query.data} me={me} /> : null}
    </Stack>
  );
}

function OrganisationDetail({ org, me }: { org: Organisation; me: Me | null }) {
  const { t } = useTranslation();
  const provinceName = useProvinceName();
  const place = [provinceName(org.provinceCode), formatCountry(org.country, currentLocale())]
    .filter(Boolean)
    .join(', ');
  return (
    <Stack gap="lg">
      <div>
        <Group gap="sm" align="center" wrap="wrap">
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {org.name}
          </Title>
          <Badge variant="light" tt="none">
            {t(`orgKind.${org.kind}`)}
          </Badge>
          <Badge color={org.verified ? 'green' : 'gray'} variant="light" tt="none">
            {org.verified ? t('admin.orgs.verified') : t('admin.orgs.unverified')}
          </Badge>
          {org.isDemo && (
            <Badge color="gray" variant="light" tt="none">
              {t('admin.orgs.demo')}
            </Badge>
          )}
        </Group>
        <Text c="dimmed" size="sm">
          {t('admin.org.slug', { slug: org.slug })}
          {place ? ` · ${place}` : ''}
        </Text>
        {org.website && (
          <Anchor
            href={org.website}
            target="_blank"
            rel="noopener noreferrer"
            size="sm"
            style={{ overflowWrap: 'anywhere' }}
          >
            {org.website}
          </Anchor>
        )}
        {isPlatformAdmin(me) && (
          <div>
            <Anchor component={Link} to={`/admin/audit?entityType=organisation&entityId=${org.id}`} size="sm">
              {t('admin.org.audit')}
            </Anchor>
          </div>
        )}
      </div>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <DetailsCard org={org} me={me} />
        <AddMemberCard org={org} me={me} />
      </SimpleGrid>
      <MembersCard org={org} />
    </Stack>
  );
}

function DetailsCard({ org, me }: { org: Organisation; me: Me | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(org.name);
  const [provinceCode, setProvinceCode] = useState<string | null>(org.provinceCode);
  const [website, setWebsite] = useState(org.website ?? '');
  const [verified, setVerified] = useState(org.verified);
  const [errors, setErrors] = useState<{ name?: string }>({});
  useEffect(() => {
    setName(org.name);
    setProvinceCode(org.provinceCode);
    setWebsite(org.website ?? '');
    setVerified(org.verified);
  }, [org]);
  const update = useMutation({
    mutationFn: (body: UpdateOrganisationBody) => organisationsApi.update(org.id, body),
    onSuccess: (updated) => {
      queryClient.setQueryData(['organisations', 'one', org.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['organisations'] });
      notifications.show({ color: 'green', message: t('admin.org.saved') });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs = missingFields({ name }, ['name'], t('common.required'));
    setErrors(errs);
    if (hasErrors(errs)) return;
    const body: UpdateOrganisationBody = {
      name: name.trim(),
      provinceCode: org.country === 'VN' ? provinceCode : null,
      website: website.trim() || null,
    };
    if (canVerify(me) && verified !== org.verified) body.verified = verified;
    update.mutate(body);
  };
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="org-details">
      <Title order={2} size="h4" id="org-details" mb="sm">
        {t('admin.org.details')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={update.error} />
          <TextInput
            label={t('admin.orgForm.name')}
            value={name}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setErrors({});
            }}
            error={errors.name ?? errorFor({}, update.error, 'name')}
            required
            maxLength={200}
          />
          {org.country === 'VN' && (
            <ProvinceField
              value={provinceCode}
              onChange={setProvinceCode}
              error={errorFor({}, update.error, 'provinceCode')}
            />
          )}
          <TextInput
            label={t('admin.orgForm.website')}
            description={t('admin.orgForm.websiteHint')}
            type="url"
            inputMode="url"
            value={website}
            onChange={(e) => setWebsite(e.currentTarget.value)}
            error={errorFor({}, update.error, 'website')}
            maxLength={300}
          />
          {canVerify(me) && (
            <Checkbox
              label={t('admin.orgForm.verified')}
              description={t('admin.orgForm.verifiedHint')}
              checked={verified}
              onChange={(e) => setVerified(e.currentTarget.checked)}
              data-testid="org-verified"
            />
          )}
          <Group>
            <Button type="submit" loading={update.isPending} data-testid="org-save">
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function AddMemberCard({ org, me }: { org: Organisation; me: Me | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roleOptions = useRoleOptions();
  const grantable = grantableRoles(me, org);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role | null>(grantable.length === 1 ? (grantable[0] ?? null) : null);
  const [errors, setErrors] = useState<{ email?: string; role?: string }>({});
  const add = useMutation({
    mutationFn: (body: { email: string; role: Role }) => organisationsApi.addMember(org.id, body),
    onSuccess: (member) => {
      void queryClient.invalidateQueries({ queryKey: ['organisations', 'members', org.id] });
      void queryClient.invalidateQueries({ queryKey: ['admin'] });
      setEmail('');
      notifications.show({ color: 'green', message: t('admin.org.added', { email: member.email }) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs = missingFields({ email, role }, ['email', 'role'], t('common.required'));
    setErrors(errs);
    if (hasErrors(errs) || !role) return;
    add.mutate({ email: email.trim(), role });
  };
  if (grantable.length === 0) return null;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="org-add-member">
      <Title order={2} size="h4" id="org-add-member" mb="sm">
        {t('admin.org.addMember')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={add.error} />
          <TextInput
            label={t('admin.org.memberEmail')}
            description={t('admin.org.memberEmailHint')}
            type="email"
            inputMode="email"
            autoComplete="off"
            value={email}
            onChange={(e) => {
              setEmail(e.currentTarget.value);
              setErrors((x) => ({ ...x, email: undefined }));
            }}
            error={errors.email ?? errorFor({}, add.error, 'email')}
            required
            data-testid="member-email"
          />
          <Select
            label={t('admin.org.memberRole')}
            data={roleOptions(grantable)}
            value={role}
            onChange={(v) => {
              setRole(isRole(v) ? v : null);
              setErrors((x) => ({ ...x, role: undefined }));
            }}
            error={errors.role ?? errorFor({}, add.error, 'role')}
            required
            comboboxProps={{ withinPortal: true }}
            data-testid="member-role"
          />
          <Group>
            <Button type="submit" loading={add.isPending} data-testid="member-add">
              {t('admin.org.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function MembersCard({ org }: { org: Organisation }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    const id = setTimeout(() => {
      setSearch(q.trim());
      setPage(1);
    }, 300);
    return () => clearTimeout(id);
  }, [q]);
  const [removing, setRemoving] = useState<Member | null>(null);
  const members = useQuery({
    queryKey: ['organisations', 'members', org.id, { search, page }],
    queryFn: () => organisationsApi.members(org.id, { q: search || undefined, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const remove = useMutation({
    mutationFn: (m: Member) => organisationsApi.removeMember(org.id, m.grantId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['organisations', 'members', org.id] });
      void queryClient.invalidateQueries({ queryKey: ['admin'] });
      setRemoving(null);
      notifications.show({ color: 'green', message: t('admin.org.removed') });
    },
  });

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="org-members">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Title order={2} size="h4" id="org-members">
            {t('admin.org.members')}
          </Title>
          <TextInput
            label={t('admin.org.membersSearch')}
            type="search"
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={{ base: '100%', sm: 320 }}
            data-testid="members-search"
          />
        </Group>
        <ErrorAlert error={members.error} />
        {members.isPending ? (
          <PageLoader />
        ) : members.data && members.data.items.length === 0 ? (
          <EmptyState message={t('admin.org.noMembers')} />
        ) : members.data ? (
          <>
            <div className="table-scroll">
              <Table verticalSpacing="xs" striped data-testid="members-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('admin.org.colMember')}</Table.Th>
                    <Table.Th>{t('admin.org.colRole')}</Table.Th>
                    <Table.Th visibleFrom="sm" className="nowrap">
                      {t('admin.org.colGrantedAt')}
                    </Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {members.data.items.map((m) => (
                    <Table.Tr key={m.grantId}>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {m.displayName}
                        </Text>
                        <Text size="xs" c="dimmed">
                          <EmailText email={m.email} />
                        </Text>
                      </Table.Td>
                      <Table.Td>{t(`role.${m.role}`)}</Table.Td>
                      <Table.Td visibleFrom="sm" className="nowrap">
                        {formatDate(m.grantedAt, locale)}
                      </Table.Td>
                      <Table.Td ta="right">
                        <Button
                          size="xs"
                          color="red"
                          variant="subtle"
                          aria-label={t('admin.org.removeLabel', {
                            email: m.email,
                            role: t(`role.${m.role}`),
                          })}
                          onClick={() => {
                            remove.reset();
                            setRemoving(m);
                          }}
                        >
                          {t('admin.org.remove')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
            <Pager
              page={page}
              pageSize={members.data.pageSize}
              total={members.data.total}
              onChange={setPage}
            />
          </>
        ) : null}
      </Stack>
      <ConfirmModal
        opened={removing !== null}
        title={t('admin.org.removeTitle')}
        message={
          removing
            ? t('admin.org.removeConfirm', {
                role: t(`role.${removing.role}`),
                email: removing.email,
                organisation: org.name,
              })
            : ''
        }
        confirmLabel={t('admin.org.remove')}
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => removing && remove.mutate(removing)}
        onClose={() => setRemoving(null)}
      />
    </Card>
  );
}
