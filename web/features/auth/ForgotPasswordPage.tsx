import { Alert, Anchor, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { authApi } from '../../api/endpoints';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { errorFor, useFocusFirstInvalid } from '../../components/ui/form';
import { usePageTitle } from '../../components/ui/usePageTitle';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.forgot.title'));
  const formRef = useRef<HTMLFormElement>(null);
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<{ email?: string }>({});
  const [attempt, setAttempt] = useState(0);
  useFocusFirstInvalid(formRef, attempt);
  const forgot = useMutation({ mutationFn: authApi.forgotPassword });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!email.trim()) {
      setErrors({ email: t('common.required') });
      setAttempt((n) => n + 1);
      return;
    }
    setErrors({});
    forgot.mutate({ email: email.trim() }, { onError: () => setAttempt((n) => n + 1) });
  };

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }} maw={480} mx="auto">
      <Stack gap="md">
        <Title order={1} size="h2">
          {t('auth.forgot.title')}
        </Title>
        {forgot.isSuccess ? (
          <Alert color="green" variant="light" role="status" data-testid="forgot-sent">
            {t('auth.forgot.sent', { email: forgot.variables.email })}
          </Alert>
        ) : (
          <>
            <Text size="sm">{t('auth.forgot.intro')}</Text>
            <ErrorAlert error={forgot.error} />
            <form ref={formRef} onSubmit={submit} noValidate>
              <Stack gap="sm">
                <TextInput
                  label={t('auth.forgot.email')}
                  type="email"
                  autoComplete="email"
                  inputMode="email"
                  value={email}
                  onChange={(e) => {
                    setEmail(e.currentTarget.value);
                    setErrors({});
                  }}
                  error={errorFor(errors, forgot.error, 'email')}
                  required
                  data-testid="forgot-email"
                />
                <Button type="submit" loading={forgot.isPending} fullWidth data-testid="forgot-submit">
                  {t('auth.forgot.submit')}
                </Button>
              </Stack>
            </form>
          </>
        )}
        <Anchor component={Link} to="/login" size="sm">
          {t('auth.forgot.back')}
        </Anchor>
      </Stack>
    </Paper>
  );
}
