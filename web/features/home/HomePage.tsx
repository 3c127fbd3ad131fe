/** The public front page: what Nhân Lực is, a few facts (formatted for the chosen language), the way in. */
import { Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatCompactLong, formatDate, formatMoney, formatNumber } from '../../components/ui/format';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { useMe } from '../auth/hooks';

const pillars = ['learn', 'connect', 'prove', 'invest'] as const;

export function HomePage() {
  const { t } = useTranslation();
  const { me } = useMe();
  const locale = currentLocale();
  usePageTitle(t('home.title'));

  const facts = [
    {
      id: 'oda',
      value: formatMoney(300_000_000, 'JPY', locale),
      text: t('home.facts.oda', {
        months: formatNumber(18, locale),
        // In words ("2 triệu", "50 tỷ"); the sentence names the currency: "khoảng 2 triệu USD".
        usd: formatCompactLong(2_000_000, locale),
        vnd: formatCompactLong(50_000_000_000, locale),
      }),
    },
    { id: 'workers', value: formatNumber(71_500, locale), text: t('home.facts.workers', { year: 2024 }) },
    {
      id: 'semiconductors',
      value: formatNumber(50_000, locale),
      text: t('home.facts.semiconductors', { year: 2030 }),
    },
    {
      id: 'provinces',
      value: formatNumber(34, locale),
      text: t('home.facts.provinces', { date: formatDate('2025-07-01T00:00:00+07:00', locale, 'long') }),
    },
  ];

  return (
    <Stack gap="xl">
      <Stack gap="md" component="section" aria-labelledby="home-heading">
        <Title order={1} id="home-heading" fz={{ base: 26, sm: 36 }}>
          {t('home.heading')}
        </Title>
        <Text size="lg" maw={760}>
          {t('home.lead')}
        </Text>
        {me ? (
          <Group gap="sm">
            <Text fw={600}>{t('home.welcome', { name: me.displayName })}</Text>
            <Button component={Link} to="/me/learning">
              {t('home.ctaLearning')}
            </Button>
            <Button component={Link} to="/courses" variant="outline">
              {t('home.ctaCourses')}
            </Button>
          </Group>
        ) : (
          <Group gap="sm">
            <Button component={Link} to="/register" size="md">
              {t('home.ctaRegister')}
            </Button>
            <Button component={Link} to="/login" size="md" variant="outline">
              {t('home.ctaLogin')}
            </Button>
            <Button component={Link} to="/courses" size="md" variant="subtle">
              {t('home.ctaCourses')}
            </Button>
          </Group>
        )}
      </Stack>

      <Stack gap="md" component="section" aria-labelledby="pillars-heading">
        <Title order={2} id="pillars-heading">
          {t('home.pillarsTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md">
          {pillars.map((p) => (
            <Card key={p} withBorder radius="md" padding="md">
              <Title order={3} size="h4" mb={6}>
                {t(`home.pillars.${p}.title`)}
              </Title>
              <Text size="sm">{t(`home.pillars.${p}.text`)}</Text>
            </Card>
          ))}
        </SimpleGrid>
      </Stack>

      <Stack gap="md" component="section" aria-labelledby="facts-heading">
        <Title order={2} id="facts-heading">
          {t('home.factsTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" data-testid="home-facts">
          {facts.map((f) => (
            <Card key={f.id} withBorder radius="md" padding="md" data-testid={`fact-${f.id}`}>
              <div className="fact-value">{f.value}</div>
              <Text size="sm" mt={6}>
                {f.text}
              </Text>
            </Card>
          ))}
        </SimpleGrid>
        <Text size="sm" c="dimmed">
          {t('home.factsNote')}
        </Text>
      </Stack>
    </Stack>
  );
}
