/** The signed-in person's own page: who they are, their roles, their language, their password. */
import './styles';
import '@mantine/core/styles/FloatingIndicator.layer.css';
import '@mantine/core/styles/SegmentedControl.layer.css';
import '@mantine/core/styles/List.layer.css';
import {
  Badge,
  Button,
  Card,
  Group,
  List,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { locales } from '../../../common/i18n/locales';
import { PASSWORD_MIN } from '../../api/domain';
import { authApi } from '../../api/endpoints';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { errorFor, hasErrors, missingFields, useFocusFirstInvalid } from '../../components/ui/form';
import { PasswordField } from '../../components/ui/PasswordField';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { useMe, useSetLanguage } from './hooks';

export function AccountPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.title'));
  const { me } = useMe();
  const setLanguage = useSetLanguage();
  if (!me) return null;

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} data-testid="account-heading">
          {t('account.title')}
        </Title>
        <Text c="dimmed">
          {me.displayName} · {me.email}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="lg">
          <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="account-language">
            <Title order={2} size="h4" id="account-language" mb={4}>
              {t('account.language')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm" id="account-language-hint">
              {t('account.languageHint')}
            </Text>
            <SegmentedControl
              fullWidth
              value={currentLocale()}
              onChange={(value) => {
                void setLanguage(value).then(() =>
                  notifications.show({ color: 'green', message: t('account.languageSaved') }),
                );
              }}
              data={locales.map((value) => ({ value, label: t(`lang.${value}`) }))}
              role="radiogroup"
              aria-labelledby="account-language"
              aria-describedby="account-language-hint"
              data-testid="account-locale"
            />
          </Card>
          <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="account-roles">
            <Title order={2} size="h4" id="account-roles" mb="sm">
              {t('account.roles')}
            </Title>
            {me.roles.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('account.noRoles')}
              </Text>
            ) : (
              <List spacing="xs" listStyleType="none" data-testid="account-roles">
                {me.roles.map((grant) => (
                  <List.Item key={grant.id}>
                    <Group gap="xs" wrap="wrap">
                      <Badge variant="light" tt="none">
                        {t(`role.${grant.role}`)}
                      </Badge>
                      <Text size="sm">{grant.organisationName ?? t('common.platformWide')}</Text>
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
          </Card>
          <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="account-privacy">
            <Title order={2} size="h4" id="account-privacy" mb={4}>
              {t('account.privacyTitle')}
            </Title>
            <Text size="sm" c="dimmed" mb="sm">
              {t('account.privacyHint')}
            </Text>
            <Group>
              <Button component={Link} to="/me/privacy" variant="light" data-testid="account-privacy-link">
                {t('account.privacyLink')}
              </Button>
            </Group>
          </Card>
        </Stack>
        <ChangePassword />
      </SimpleGrid>
    </Stack>
  );
}

type Values = { currentPassword: string; newPassword: string; confirm: string };
const empty: Values = { currentPassword: '', newPassword: '', confirm: '' };

function ChangePassword() {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>(empty);
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const [attempt, setAttempt] = useState(0);
  useFocusFirstInvalid(formRef, attempt);
  const change = useMutation({
    mutationFn: authApi.changePassword,
    onSuccess: () => {
      setValues(empty);
      notifications.show({ color: 'green', message: t('account.password.success') });
    },
    onError: () => setAttempt((n) => n + 1),
  });

  const set = (field: keyof Values) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((errs) => ({ ...errs, [field]: undefined }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs = missingFields(values, ['currentPassword', 'newPassword'], t('common.required'));
    if (!errs.newPassword && values.newPassword.length < PASSWORD_MIN) {
      errs.newPassword = t('auth.tooShort', { min: PASSWORD_MIN });
    }
    if (values.confirm !== values.newPassword) errs.confirm = t('auth.mismatch');
    setErrors(errs);
    if (hasErrors(errs)) {
      setAttempt((n) => n + 1);
      return;
    }
    change.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword });
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="account-password">
      <Title order={2} size="h4" id="account-password" mb="sm">
        {t('account.password.title')}
      </Title>
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={change.error} />
          <PasswordField
            label={t('account.password.current')}
            autoComplete="current-password"
            value={values.currentPassword}
            onChange={set('currentPassword')}
            error={errorFor(errors, change.error, 'currentPassword')}
            required
            data-testid="account-current-password"
          />
          <PasswordField
            label={t('account.password.new')}
            description={t('auth.register.passwordHint', { min: PASSWORD_MIN })}
            autoComplete="new-password"
            value={values.newPassword}
            onChange={set('newPassword')}
            error={errorFor(errors, change.error, 'newPassword')}
            required
            data-testid="account-new-password"
          />
          <PasswordField
            label={t('account.password.confirm')}
            autoComplete="new-password"
            value={values.confirm}
            onChange={set('confirm')}
            error={errors.confirm}
            required
            data-testid="account-confirm-password"
          />
          <Group>
            <Button type="submit" loading={change.isPending} data-testid="account-password-submit">
              {t('account.password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
