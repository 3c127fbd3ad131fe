import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CredentialStatus } from '../../api/types';

const colors: Record<CredentialStatus, string> = { active: 'green', revoked: 'red', expired: 'gray' };

export function StatusBadge({ status }: { status: CredentialStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status]} variant="light" tt="none" className="status-badge">
      {t(`credentialStatus.${status}`)}
    </Badge>
  );
}
