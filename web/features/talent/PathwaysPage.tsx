/**
 * Career pathways (/pathways, /pathways/:slug): where the courses lead. A pathway shows the skills an
 * occupation asks at which level; signed in, the learner sees what they already have (verified or
 * declared), the gap in words, and the courses that close it.
 */
import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { pathwaysApi } from '../../api/endpoints';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { PageLoader } from '../../components/ui/PageLoader';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { CoursesPanel, ExplanationView, Panel } from '../jobs/components';

export function PathwaysPage() {
  const { t } = useTranslation();
  usePageTitle(t('pathways.title'));
  const locale = currentLocale();
  const list = useQuery({ queryKey: ['pathways', locale], queryFn: () => pathwaysApi.list() });
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('pathways.title')}</Title>
        <Text c="dimmed">{t('pathways.intro')}</Text>
      </div>
      <ErrorAlert error={list.error} />
      {list.isPending ? (
        <PageLoader />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="ul" className="plain-list">
          {list.data?.items.map((p) => (
            <li key={p.slug}>
              <Paper withBorder radius="md" p="md" h="100%">
                <Stack gap="xs">
                  <Anchor
                    component={Link}
                    to={`/pathways/${p.slug}`}
                    fw={700}
                    size="lg"
                    data-testid="pathway-link"
                  >
                    {p.name}
                  </Anchor>
                  <Text size="sm">{p.summary}</Text>
                  <Group gap={6} wrap="wrap">
                    <Badge variant="light" tt="none">
                      {t('pathways.skills', { count: p.skills })}
                    </Badge>
                    {p.jlpt && (
                      <Badge variant="light" color="red" tt="none">
                        JLPT {p.jlpt}
                      </Badge>
                    )}
                    {p.occupation && (
                      <Badge variant="light" color="gray" tt="none">
                        ISCO {p.occupation.iscoGroup}
                      </Badge>
                    )}
                  </Group>
                </Stack>
              </Paper>
            </li>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}

export function PathwayPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const locale = currentLocale();
  const detail = useQuery({ queryKey: ['pathway', slug, locale], queryFn: () => pathwaysApi.get(slug) });
  usePageTitle(detail.data?.name ?? t('pathways.title'));
  if (detail.isPending) return <PageLoader />;
  if (!detail.data) return <ErrorAlert error={detail.error} />;
  const p = detail.data;
  return (
    <Stack gap="md">
      <div>
        <Anchor component={Link} to="/pathways" size="sm">
          {t('pathways.back')}
        </Anchor>
        <Title order={1} data-testid="pathway-title">
          {p.name}
        </Title>
        <Text>{p.summary}</Text>
        {p.occupation && (
          <Text size="sm" c="dimmed" mt={4}>
            {t('pathways.occupation')}{' '}
            <Anchor component={Link} to={`/occupations/${p.occupation.id}`} lang="en" underline="always">
              {p.occupation.label}
            </Anchor>{' '}
            (ISCO {p.occupation.iscoGroup},{' '}
            {t('pathways.escoSkills', { count: p.occupation.essentialSkills })})
          </Text>
        )}
      </div>
      <Panel title={t('pathways.profile')} testId="pathway-profile">
        <Table.ScrollContainer minWidth={320}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('pathways.skill')}</Table.Th>
                <Table.Th scope="col">{t('pathways.asked')}</Table.Th>
                {p.signedIn && <Table.Th scope="col">{t('pathways.yours')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.profile.map((s) => (
                <Table.Tr key={s.skillId}>
                  <Table.Td>{s.name}</Table.Td>
                  <Table.Td>{t('jobs.levelN', { level: s.level })}</Table.Td>
                  {p.signedIn && (
                    <Table.Td>
                      {s.has === null ? (
                        <Text span c="dimmed" size="sm">
                          {t('pathways.none')}
                        </Text>
                      ) : (
                        <Group gap={6} wrap="wrap">
                          <span>{t('jobs.levelN', { level: s.has })}</span>
                          <Badge size="xs" variant="light" color={s.verified ? 'green' : 'gray'} tt="none">
                            {s.verified ? t('jobs.verifiedSkill') : t('jobs.declaredSkill')}
                          </Badge>
                        </Group>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {p.jlpt && (
          <Text size="sm" mt="xs">
            {t('pathways.jlpt', { level: p.jlpt })}
          </Text>
        )}
      </Panel>
      {p.signedIn ? (
        <Panel title={t('pathways.gap')} testId="pathway-gap">
          <ExplanationView explanation={p.explanation} />
        </Panel>
      ) : (
        <Card withBorder radius="md" padding="lg">
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('pathways.signIn')}</Text>
            <Button component={Link} to={`/login?next=${encodeURIComponent(`/pathways/${p.slug}`)}`}>
              {t('nav.login')}
            </Button>
          </Stack>
        </Card>
      )}
      {p.courses.length > 0 && <CoursesPanel courses={p.courses} />}
    </Stack>
  );
}
