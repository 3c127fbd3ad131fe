/** One ESCO occupation (/occupations/:id): what it is, and the skills it needs, essential first. */
import { Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { occupationsApi } from '../../api/endpoints';
import type { OccupationProfile } from '../../api/types';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatNumber } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';

export function OccupationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const profile = useQuery({ queryKey: ['occupation', id], queryFn: () => occupationsApi.get(id) });
  usePageTitle(profile.data?.label ?? t('occupations.title'));
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/occupations" size="sm">
        ← {t('occupations.back')}
      </Anchor>
      <ErrorAlert error={profile.error} />
      {profile.isPending ? <PageLoader /> : profile.data ? <Profile profile={profile.data} /> : null}
    </Stack>
  );
}

function Profile({ profile }: { profile: OccupationProfile }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  return (
    <>
      <div>
        <Group gap="xs" align="baseline" wrap="wrap">
          <Title order={1} lang="en" data-testid="occupation-title">
            {profile.label}
          </Title>
          <Badge variant="light" color="gray">
            ISCO {profile.iscoGroup}
          </Badge>
        </Group>
        {profile.description && (
          <Text mt="xs" lang="en">
            {profile.description}
          </Text>
        )}
        {profile.altLabels.length > 0 && (
          <Text size="sm" c="dimmed" mt="xs">
            {t('occupations.alsoCalled')}{' '}
            <span lang="en">{profile.altLabels.filter((l) => l !== profile.label).join(' · ')}</span>
          </Text>
        )}
      </div>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {(['essential', 'optional'] as const).map((kind) => (
          <Paper
            withBorder
            radius="md"
            p="md"
            key={kind}
            component="section"
            aria-labelledby={`skills-${kind}`}
          >
            <Title order={2} size="h3" id={`skills-${kind}`}>
              {t(`occupations.${kind}`, { n: formatNumber(profile[kind].length, locale) })}
            </Title>
            {profile[kind].length === 0 ? (
              <Text c="dimmed" mt="xs">
                {t('occupations.noSkills')}
              </Text>
            ) : (
              <List mt="xs" spacing={4} size="sm" data-testid={`occupation-${kind}`}>
                {profile[kind].map((s) => (
                  <List.Item key={s.uri}>
                    <span lang="en">{s.label}</span>
                    {s.skillType === 'knowledge' && (
                      <Text span size="xs" c="dimmed">
                        {' '}
                        ({t('occupations.knowledge')})
                      </Text>
                    )}
                  </List.Item>
                ))}
              </List>
            )}
          </Paper>
        ))}
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('occupations.source')}
      </Text>
    </>
  );
}
