import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { formatNumber } from './format';

interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
}

/** Previous/next paging with "21–40 of 135": small enough for a 360px screen, every control labelled. */
export function Pager({ page, pageSize, total, onChange }: PagerProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  if (total === 0) return null;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const n = (v: number) => formatNumber(v, locale);
  return (
    <Group component="nav" aria-label={t('pager.label')} justify="space-between" gap="xs" wrap="wrap">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('pager.summary', { from: n(from), to: n(to), total: n(total) })}
      </Text>
      {pages > 1 && (
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" size="xs" disabled={page <= 1} onClick={() => onChange(page - 1)}>
            {t('pager.previous')}
          </Button>
          <Text size="sm" aria-current="page">
            {t('pager.page', { page: n(page), pages: n(pages) })}
          </Text>
          <Button variant="default" size="xs" disabled={page >= pages} onClick={() => onChange(page + 1)}>
            {t('pager.next')}
          </Button>
        </Group>
      )}
    </Group>
  );
}
