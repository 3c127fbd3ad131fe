/** /impact: the programs whose numbers the viewer may see (NIC staff all; donors theirs; partners theirs). */
import './styles';
import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatDate } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { impactApi } from './api';

export function ImpactProgramsPage() {
  const { t } = useTranslation();
  usePageTitle(t('impact.title'));
  const locale = currentLocale();
  const programs = useQuery({ queryKey: ['impact', 'programs', locale], queryFn: impactApi.programs });
  if (programs.isPending) return <PageLoader />;
  if (!programs.data) return <ErrorAlert error={programs.error} />;
  const items = programs.data.items;
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('impact.title')}</Title>
        <Text c="dimmed">{t('impact.intro')}</Text>
      </div>
      {items.length === 0 ? (
        <EmptyState message={t('impact.noPrograms')} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {items.map((p) => (
            <Paper key={p.id} withBorder radius="md" p="md" component="article">
              <Stack gap={4}>
                <Anchor
                  component={Link}
                  to={`/impact/${p.code}`}
                  fw={600}
                  data-testid={`impact-program-${p.code}`}
                >
                  {p.name}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {p.startsOn ? formatDate(p.startsOn, locale) : '…'} –{' '}
                  {p.endsOn ? formatDate(p.endsOn, locale) : t('impact.ongoing')}
                </Text>
                {p.donors.length > 0 && (
                  <Group gap={4}>
                    <Text size="sm">{t('impact.donors')}:</Text>
                    {p.donors.map((d) => (
                      <Badge key={d.id} variant="light" color="teal.9">
                        {d.name}
                      </Badge>
                    ))}
                  </Group>
                )}
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
