/** Platform admin: one account — profile, status (disable/enable, unlock), role grants. */
import './styles';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
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
import { isLocale, type Locale, locales } from '../../../common/i18n/locales';
import { isRole, roleOrganisationKinds, roles } from '../../api/domain';
import { adminApi } from '../../api/endpoints';
import type { AdminUser, OrganisationKind, Role, RoleGrant, UpdateUserBody } from '../../api/types';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { errorFor } from '../../components/ui/form';
import { formatDate } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { meQuery } from '../auth/hooks';
import { ConfirmModal, OrganisationSelect, StatusBadges, useRoleOptions } from './components';

export function UserDetailPage() {
  const { t } = useTranslation();
  const { userId = '' } = useParams();
  const query = useQuery({ queryKey: ['admin', 'user', userId], queryFn: () => adminApi.user(userId) });
  usePageTitle(query.data?.displayName ?? t('admin.users.title'));

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/admin/users" size="sm">
        <span aria-hidden="true">← </span>
        {t('admin.user.back')}
      </Anchor>
      <ErrorAlert error={query.error} />
      {query.isPending ? <PageLoader /> : query.data ? <UserDetail user={query.data} /> : null}
    </Stack>
  );
}

/** Keep the list and the detail in step after a change; refresh `me` when admins edit themselves. */
function useSaveUser(user: AdminUser) {
  const queryClient = useQueryClient();
  return (updated: AdminUser) => {
    queryClient.setQueryData(['admin', 'user', user.id], updated);
    void queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
    void queryClient.invalidateQueries({ queryKey: meQuery.queryKey });
  };
}

function UserDetail({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <Stack gap="lg">
      <div>
        <Group gap="sm" align="center" wrap="wrap">
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {user.displayName}
          </Title>
          <StatusBadges disabled={user.disabled} locked={user.locked} />
        </Group>
        <Text c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {user.email} · {t('admin.user.createdAt', { date: formatDate(user.createdAt, locale) })}
        </Text>
        <Anchor component={Link} to={`/admin/audit?entityType=user&entityId=${user.id}`} size="sm">
          {t('admin.user.audit')}
        </Anchor>
      </div>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <ProfileCard user={user} />
        <StatusCard user={user} />
      </SimpleGrid>
      <RolesCard user={user} />
    </Stack>
  );
}

function ProfileCard({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const saved = useSaveUser(user);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [userLocale, setUserLocale] = useState<Locale>(user.locale);
  const [clientError, setClientError] = useState<string>();
  useEffect(() => {
    setDisplayName(user.displayName);
    setUserLocale(user.locale);
  }, [user.displayName, user.locale]);
  const update = useMutation({
    mutationFn: (body: UpdateUserBody) => adminApi.updateUser(user.id, body),
    onSuccess: (updated) => {
      saved(updated);
      notifications.show({ color: 'green', message: t('admin.user.saved') });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!displayName.trim()) {
      setClientError(t('common.required'));
      return;
    }
    update.mutate({ displayName: displayName.trim(), locale: userLocale });
  };
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="user-profile">
      <Title order={2} size="h4" id="user-profile" mb="sm">
        {t('admin.user.profile')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={update.error} />
          <TextInput
            label={t('admin.user.name')}
            value={displayName}
            onChange={(e) => {
              setDisplayName(e.currentTarget.value);
              setClientError(undefined);
            }}
            error={clientError ?? errorFor({}, update.error, 'displayName')}
            required
            maxLength={120}
          />
          <Select
            label={t('admin.user.locale')}
            data={locales.map((value) => ({ value, label: t(`lang.${value}`) }))}
            value={userLocale}
            onChange={(v) => isLocale(v) && setUserLocale(v)}
            allowDeselect={false}
            error={errorFor({}, update.error, 'locale')}
            comboboxProps={{ withinPortal: true }}
          />
          <Group>
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function StatusCard({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const saved = useSaveUser(user);
  const [confirmDisable, setConfirmDisable] = useState(false);
  const update = useMutation({
    mutationFn: (body: UpdateUserBody) => adminApi.updateUser(user.id, body),
    onSuccess: (updated, body) => {
      saved(updated);
      setConfirmDisable(false);
      const message =
        body.unlock === true
          ? t('admin.user.unlocked')
          : body.disabled === true
            ? t('admin.user.disabledDone')
            : t('admin.user.enabledDone');
      notifications.show({ color: 'green', message });
    },
  });
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="user-status">
      <Title order={2} size="h4" id="user-status" mb="sm">
        {t('admin.user.status')}
      </Title>
      <Stack gap="sm">
        {!confirmDisable && <ErrorAlert error={update.error} />}
        <Text size="sm">{user.disabled ? t('admin.user.disabledInfo') : t('admin.user.activeInfo')}</Text>
        {user.locked && (
          <Alert color="orange" variant="light">
            {t('admin.user.lockedInfo')}
          </Alert>
        )}
        <Group gap="sm">
          {user.locked && (
            <Button
              variant="outline"
              loading={update.isPending && update.variables?.unlock === true}
              onClick={() => update.mutate({ unlock: true })}
            >
              {t('admin.user.unlock')}
            </Button>
          )}
          {user.disabled ? (
            <Button
              loading={update.isPending && update.variables?.disabled === false}
              onClick={() => update.mutate({ disabled: false })}
            >
              {t('admin.user.enable')}
            </Button>
          ) : (
            <Button
              color="red"
              variant="outline"
              onClick={() => {
                update.reset();
                setConfirmDisable(true);
              }}
            >
              {t('admin.user.disable')}
            </Button>
          )}
        </Group>
      </Stack>
      <ConfirmModal
        opened={confirmDisable}
        title={t('admin.user.disableTitle')}
        message={t('admin.user.disableConfirm', { email: user.email })}
        confirmLabel={t('admin.user.disable')}
        loading={update.isPending}
        error={update.error}
        onConfirm={() => update.mutate({ disabled: true })}
        onClose={() => setConfirmDisable(false)}
      />
    </Card>
  );
}

function RolesCard({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const saved = useSaveUser(user);
  const queryClient = useQueryClient();
  const [revoking, setRevoking] = useState<RoleGrant | null>(null);
  const revoke = useMutation({
    mutationFn: (grant: RoleGrant) => adminApi.revoke(user.id, grant.id),
    onSuccess: (_, grant) => {
      saved({ ...user, roles: user.roles.filter((g) => g.id !== grant.id) });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'user', user.id] });
      setRevoking(null);
      notifications.show({ color: 'green', message: t('admin.user.revoked') });
    },
  });

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="user-roles">
      <Title order={2} size="h4" id="user-roles" mb="sm">
        {t('admin.user.roles')}
      </Title>
      <Stack gap="md">
        {user.roles.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('admin.user.noRoles')}
          </Text>
        ) : (
          <div className="table-scroll">
            <Table verticalSpacing="xs" data-testid="user-grants">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('admin.user.role')}</Table.Th>
                  <Table.Th>{t('admin.user.organisation')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {user.roles.map((grant) => (
                  <Table.Tr key={grant.id}>
                    <Table.Td>{t(`role.${grant.role}`)}</Table.Td>
                    <Table.Td>
                      {grant.organisationId ? (
                        <Group gap={6} wrap="wrap">
                          <Anchor component={Link} to={`/admin/organisations/${grant.organisationId}`}>
                            {grant.organisationName}
                          </Anchor>
                          {grant.organisationKind && (
                            <Badge variant="light" size="xs" tt="none">
                              {t(`orgKind.${grant.organisationKind}`)}
                            </Badge>
                          )}
                        </Group>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('common.platformWide')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button
                        size="xs"
                        color="red"
                        variant="subtle"
                        aria-label={t('admin.user.revokeLabel', { role: t(`role.${grant.role}`) })}
                        onClick={() => {
                          revoke.reset();
                          setRevoking(grant);
                        }}
                      >
                        {t('admin.user.revoke')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
        <GrantForm user={user} />
      </Stack>
      <ConfirmModal
        opened={revoking !== null}
        title={t('admin.user.revokeTitle')}
        message={
          revoking?.organisationName
            ? t('admin.user.revokeConfirmOrg', {
                role: t(`role.${revoking.role}`),
                organisation: revoking.organisationName,
                email: user.email,
              })
            : t('admin.user.revokeConfirm', {
                role: revoking ? t(`role.${revoking.role}`) : '',
                email: user.email,
              })
        }
        confirmLabel={t('admin.user.revoke')}
        loading={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking)}
        onClose={() => setRevoking(null)}
      />
    </Card>
  );
}

function GrantForm({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const saved = useSaveUser(user);
  const roleOptions = useRoleOptions();
  const [role, setRole] = useState<Role | null>(null);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ role?: string; organisationId?: string }>({});
  const allowedKinds = role ? roleOrganisationKinds[role] : [];
  const orgKinds = allowedKinds.filter((k): k is OrganisationKind => k !== null);
  const needsOrganisation = role !== null && !allowedKinds.includes(null);
  const grant = useMutation({
    mutationFn: () => adminApi.grant(user.id, { role: role as Role, organisationId: organisationId ?? null }),
    onSuccess: (updated) => {
      saved(updated);
      setRole(null);
      setOrganisationId(null);
      notifications.show({ color: 'green', message: t('admin.user.granted') });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs: typeof errors = {};
    if (!role) errs.role = t('common.required');
    if (needsOrganisation && !organisationId) errs.organisationId = t('common.required');
    setErrors(errs);
    if (errs.role || errs.organisationId) return;
    grant.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="grant-title">
      <Stack gap="sm">
        <Title order={3} size="h5" id="grant-title">
          {t('admin.user.grantTitle')}
        </Title>
        <ErrorAlert error={grant.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('admin.user.role')}
            data={roleOptions(roles)}
            value={role}
            onChange={(value) => {
              setRole(isRole(value) ? value : null);
              setOrganisationId(null);
              setErrors({});
            }}
            required
            error={errors.role ?? errorFor({}, grant.error, 'role')}
            comboboxProps={{ withinPortal: true }}
            data-testid="grant-role"
          />
          {role && orgKinds.length > 0 && (
            <OrganisationSelect
              key={role}
              label={needsOrganisation ? t('admin.user.organisation') : t('admin.user.organisationOptional')}
              description={t('admin.user.organisationKinds', {
                kinds: orgKinds.map((k) => t(`orgKind.${k}`)).join(', '),
              })}
              kinds={orgKinds}
              value={organisationId}
              onChange={(id) => {
                setOrganisationId(id);
                setErrors((e) => ({ ...e, organisationId: undefined }));
              }}
              required={needsOrganisation}
              error={errors.organisationId ?? errorFor({}, grant.error, 'organisationId')}
            />
          )}
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={grant.isPending} data-testid="grant-submit">
            {t('admin.user.grant')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
