import './styles';
import { Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router';
import { PASSWORD_MIN } from '../../api/domain';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { errorFor, hasErrors, missingFields, useFocusFirstInvalid } from '../../components/ui/form';
import { PasswordField } from '../../components/ui/PasswordField';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { safeNext } from './access';
import { useMe, useRegister } from './hooks';

type Values = { email: string; displayName: string; password: string };

export function RegisterPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.register.title'));
  const { me } = useMe();
  const [params] = useSearchParams();
  const register = useRegister();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>({ email: '', displayName: '', password: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const [attempt, setAttempt] = useState(0);
  useFocusFirstInvalid(formRef, attempt);

  if (me) return <Navigate to={safeNext(params.get('next'))} replace />;

  const set = (field: keyof Values) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((errs) => ({ ...errs, [field]: undefined }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs = missingFields(values, ['email', 'displayName', 'password'], t('common.required'));
    if (!errs.password && values.password.length < PASSWORD_MIN) {
      errs.password = t('auth.tooShort', { min: PASSWORD_MIN });
    }
    setErrors(errs);
    if (hasErrors(errs)) {
      setAttempt((n) => n + 1);
      return;
    }
    register.mutate(
      {
        email: values.email.trim(),
        displayName: values.displayName.trim(),
        password: values.password,
        locale: currentLocale(),
      },
      { onError: () => setAttempt((n) => n + 1) },
    );
  };

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} maw={480} mx="auto">
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('auth.register.title')}
        </Title>
        <Text size="sm">{t('auth.register.intro')}</Text>
        <ErrorAlert error={register.error} />
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack gap="sm">
            <TextInput
              label={t('auth.register.email')}
              type="email"
              autoComplete="email"
              inputMode="email"
              value={values.email}
              onChange={set('email')}
              error={errorFor(errors, register.error, 'email')}
              required
              data-testid="register-email"
            />
            <TextInput
              label={t('auth.register.name')}
              autoComplete="name"
              value={values.displayName}
              onChange={set('displayName')}
              error={errorFor(errors, register.error, 'displayName')}
              required
              maxLength={120}
              data-testid="register-name"
            />
            <PasswordField
              label={t('auth.register.password')}
              description={t('auth.register.passwordHint', { min: PASSWORD_MIN })}
              autoComplete="new-password"
              value={values.password}
              onChange={set('password')}
              error={errorFor(errors, register.error, 'password')}
              required
              data-testid="register-password"
            />
            <Button type="submit" loading={register.isPending} fullWidth data-testid="register-submit">
              {t('auth.register.submit')}
            </Button>
          </Stack>
        </form>
        <Text size="sm">
          {t('auth.register.haveAccount')}{' '}
          <Anchor component={Link} to="/login">
            {t('auth.register.login')}
          </Anchor>
        </Text>
      </Stack>
    </Paper>
  );
}
