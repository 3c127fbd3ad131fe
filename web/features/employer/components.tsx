/** Pieces of the employer pages: the notice shown until NIC has verified the organisation. */
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';

/** The notice an employer reads until NIC has verified the organisation: no job can be posted before. */
export function AwaitingVerification({ name }: { name: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="orange"
      variant="light"
      title={t('employer.awaitingTitle')}
      data-testid="employer-unverified"
    >
      {t('employer.awaiting', { name })}
    </Alert>
  );
}

/** The server's refusal to post for an organisation NIC has not verified (403 `employer_unverified`). */
export const isUnverifiedError = (error: unknown) =>
  error instanceof ApiError && error.code.toLowerCase() === 'employer_unverified';
