import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError, NETWORK_ERROR } from '../../api/client';

/** The message of an error as the user should read it: the server's localised text, or ours. */
export function useErrorMessage() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    if (error instanceof ApiError) {
      if (error.code === NETWORK_ERROR) return t('errors.network');
      return error.message || t('errors.unexpected');
    }
    return t('errors.unexpected');
  };
}

/** Shows the top-level message of a failed request; renders nothing without an error. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  if (!error) return null;
  return (
    <Alert
      color="red"
      variant="light"
      title={title ?? t('common.errorTitle')}
      data-testid="error-alert"
      role="alert"
    >
      {message(error)}
    </Alert>
  );
}
