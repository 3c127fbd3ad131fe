import './styles';
import { Alert, Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { errorFor, hasErrors, missingFields, useFocusFirstInvalid } from '../../components/ui/form';
import { PasswordField } from '../../components/ui/PasswordField';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { safeNext } from './access';
import { useLogin, useMe } from './hooks';

type Values = { email: string; password: string };

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.login.title'));
  const { me } = useMe();
  const [params] = useSearchParams();
  const location = useLocation();
  const login = useLogin();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>({ email: '', password: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const [attempt, setAttempt] = useState(0);
  useFocusFirstInvalid(formRef, attempt);

  const next = safeNext(params.get('next'));
  if (me) return <Navigate to={next} replace />;

  const passwordReset = (location.state as { passwordReset?: boolean } | null)?.passwordReset === true;
  const set = (field: keyof Values) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((errs) => ({ ...errs, [field]: undefined }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs = missingFields(values, ['email', 'password'], t('common.required'));
    setErrors(errs);
    if (hasErrors(errs)) {
      setAttempt((n) => n + 1);
      return;
    }
    login.mutate(
      { email: values.email.trim(), password: values.password },
      { onError: () => setAttempt((n) => n + 1) },
    );
  };

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} maw={440} mx="auto">
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('auth.login.title')}
        </Title>
        {passwordReset && (
          <Alert color="green" variant="light" role="status">
            {t('auth.login.resetDone')}
          </Alert>
        )}
        <ErrorAlert error={login.error} />
        <form ref={formRef} onSubmit={submit} noValidate>
          <Stack gap="sm">
            <TextInput
              label={t('auth.login.email')}
              type="email"
              autoComplete="username"
              inputMode="email"
              value={values.email}
              onChange={set('email')}
              error={errorFor(errors, login.error, 'email')}
              required
              data-testid="login-email"
            />
            <PasswordField
              label={t('auth.login.password')}
              autoComplete="current-password"
              value={values.password}
              onChange={set('password')}
              error={errorFor(errors, login.error, 'password')}
              required
              data-testid="login-password"
            />
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('auth.login.forgot')}
            </Anchor>
            <Button type="submit" loading={login.isPending} fullWidth data-testid="login-submit">
              {t('auth.login.submit')}
            </Button>
          </Stack>
        </form>
        <Text size="sm">
          {t('auth.login.noAccount')}{' '}
          <Anchor
            component={Link}
            to={params.get('next') ? `/register?next=${encodeURIComponent(next)}` : '/register'}
          >
            {t('auth.login.register')}
          </Anchor>
        </Text>
      </Stack>
    </Paper>
  );
}
