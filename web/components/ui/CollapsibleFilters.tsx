/**
 * A list page's filters: always shown on a wide screen; on a phone behind a button that says how many
 * are set, so the results are not pushed below the fold.
 */
import { Button, Group, SimpleGrid } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function CollapsibleFilters({
  active,
  testId,
  children,
}: {
  /** How many filters are set. */
  active: number;
  /** The toggle is `<testId>-filters-toggle`. */
  testId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      {!wide && (
        <Group gap="xs">
          <Button
            variant="default"
            size="sm"
            onClick={() => setOpen((o) => !o)}
            aria-expanded={open}
            aria-controls={id}
            data-testid={`${testId}-filters-toggle`}
          >
            {active ? t('catalog.filtersCount', { count: active }) : t('catalog.filters')}
          </Button>
        </Group>
      )}
      {(wide || open) && (
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" id={id}>
          {children}
        </SimpleGrid>
      )}
    </>
  );
}
