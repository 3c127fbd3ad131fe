import './styles';
import { Alert, Anchor, Button, Paper, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PASSWORD_MIN } from '../../api/domain';
import { authApi } from '../../api/endpoints';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { errorFor, hasErrors, useFocusFirstInvalid } from '../../components/ui/form';
import { PasswordField } from '../../components/ui/PasswordField';
import { usePageTitle } from '../../components/ui/usePageTitle';

type Values = { newPassword: string; confirm: string };

export function ResetPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.reset.title'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const token = params.get('token') ?? '';
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>({ newPassword: '', confirm: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const [attempt, setAttempt] = useState(0);
  useFocusFirstInvalid(formRef, attempt);
  const reset = useMutation({
    mutationFn: authApi.resetPassword,
    onSuccess: () => {
      notifications.show({ color: 'green', message: t('auth.reset.success') });
      navigate('/login', { replace: true, state: { passwordReset: true } });
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
    const errs: Partial<Record<keyof Values, string>> = {};
    if (!values.newPassword) errs.newPassword = t('common.required');
    else if (values.newPassword.length < PASSWORD_MIN)
      errs.newPassword = t('auth.tooShort', { min: PASSWORD_MIN });
    if (values.confirm !== values.newPassword) errs.confirm = t('auth.mismatch');
    setErrors(errs);
    if (hasErrors(errs)) {
      setAttempt((n) => n + 1);
      return;
    }
    reset.mutate({ token, newPassword: values.newPassword });
  };

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} maw={480} mx="auto">
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('auth.reset.title')}
        </Title>
        {!token ? (
          <Alert color="red" variant="light" role="alert" data-testid="error-alert">
            {t('auth.reset.missingToken')}
          </Alert>
        ) : (
          <>
            <ErrorAlert error={reset.error} />
            <form ref={formRef} onSubmit={submit} noValidate>
              <Stack gap="sm">
                <PasswordField
                  label={t('auth.reset.newPassword')}
                  description={t('auth.register.passwordHint', { min: PASSWORD_MIN })}
                  autoComplete="new-password"
                  value={values.newPassword}
                  onChange={set('newPassword')}
                  error={errorFor(errors, reset.error, 'newPassword')}
                  required
                  data-testid="reset-password"
                />
                <PasswordField
                  label={t('auth.reset.confirm')}
                  autoComplete="new-password"
                  value={values.confirm}
                  onChange={set('confirm')}
                  error={errors.confirm}
                  required
                  data-testid="reset-confirm"
                />
                <Button type="submit" loading={reset.isPending} fullWidth data-testid="reset-submit">
                  {t('auth.reset.submit')}
                </Button>
              </Stack>
            </form>
          </>
        )}
        <Anchor component={Link} to="/forgot-password" size="sm">
          {t('auth.reset.requestNew')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
