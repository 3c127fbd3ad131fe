import { Alert, Button, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Shown when the step just taken completed the course: the certificate is on its way to the wallet. */
export function CourseCompleted() {
  const { t } = useTranslation();
  return (
    <Alert color="green" variant="light" title={t('learn.completedTitle')} data-testid="course-completed">
      <Stack gap="xs" align="flex-start">
        <span>{t('learn.completedText')}</span>
        <Button component={Link} to="/me/credentials" size="xs">
          {t('learn.seeCertificate')}
        </Button>
      </Stack>
    </Alert>
  );
}
