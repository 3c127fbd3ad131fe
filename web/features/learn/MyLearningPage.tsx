/**
 * "My learning" (/me/learning): classes in progress with their progress, next lesson and next session;
 * waitlisted classes with the place in the queue; completed courses with their certificates.
 * One column of cards, so it reads the same at 360 px as on a desktop.
 */
import './styles';
import { Anchor, Badge, Button, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MyCompletion, MyEnrolment } from '../../api/types';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatDate, formatDateTime, formatNumber } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { useDateRange } from '../catalog/components';
import { myLearningQuery } from '../catalog/queries';
import { learnPath } from './queries';

export function MyLearningPage() {
  const { t } = useTranslation();
  usePageTitle(t('myLearning.title'));
  const learning = useQuery(myLearningQuery);
  return (
    <Stack gap="lg" data-testid="my-learning">
      <Title order={1}>{t('myLearning.title')}</Title>
      <ErrorAlert error={learning.error} />
      {learning.isPending ? (
        <PageLoader />
      ) : learning.data ? (
        learning.data.current.length === 0 && learning.data.completed.length === 0 ? (
          <EmptyState
            message={t('myLearning.empty')}
            action={
              <Button component={Link} to="/courses">
                {t('myLearning.findCourse')}
              </Button>
            }
          />
        ) : (
          <>
            <section aria-labelledby="learning-current">
              <Title order={2} size="h3" id="learning-current" mb="sm">
                {t('myLearning.current')}
              </Title>
              {learning.data.current.length === 0 ? (
                <Text c="dimmed">
                  {t('myLearning.noCurrent')}{' '}
                  <Anchor component={Link} to="/courses" underline="always">
                    {t('myLearning.findCourse')}
                  </Anchor>
                </Text>
              ) : (
                <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" component="ul" className="plain-list">
                  {learning.data.current.map((e) => (
                    <li key={e.enrolmentId}>
                      <CurrentCard e={e} />
                    </li>
                  ))}
                </SimpleGrid>
              )}
            </section>
            {learning.data.completed.length > 0 && (
              <section aria-labelledby="learning-completed">
                <Title order={2} size="h3" id="learning-completed" mb="sm">
                  {t('myLearning.completed')}
                </Title>
                <Stack gap="sm" component="ul" className="plain-list">
                  {learning.data.completed.map((c) => (
                    <li key={c.enrolmentId}>
                      <CompletedCard c={c} />
                    </li>
                  ))}
                </Stack>
              </section>
            )}
          </>
        )
      ) : null}
    </Stack>
  );
}

function CurrentCard({ e }: { e: MyEnrolment }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const range = useDateRange();
  const waitlisted = e.status === 'waitlisted';
  return (
    <Card withBorder radius="md" padding="md" h="100%" data-testid="my-enrolment">
      <Stack gap="xs">
        <Title order={3} size="h4">
          <Anchor component={Link} to={`/courses/${e.course.slug}`} inherit>
            {e.course.title}
          </Anchor>
        </Title>
        <Text size="sm" c="dimmed">
          {t('myLearning.cohort', { code: e.cohort.code })}
          {range(e.cohort.startsOn, e.cohort.endsOn) && ` · ${range(e.cohort.startsOn, e.cohort.endsOn)}`}
          {e.cohort.online && ` · ${t('course.online')}`}
        </Text>
        {waitlisted ? (
          <Group gap="xs">
            <Badge color="orange" variant="light" tt="none">
              {t('myLearning.waitlisted')}
            </Badge>
            {e.waitlistPosition && (
              <Text size="sm">{t('myLearning.position', { position: e.waitlistPosition })}</Text>
            )}
          </Group>
        ) : (
          <>
            <div>
              <Group justify="space-between" gap="xs" mb={4}>
                <Text size="sm" fw={600} id={`progress-${e.enrolmentId}`}>
                  {t('myLearning.progress')}
                </Text>
                <Text size="sm">{formatNumber(e.progressPct / 100, locale, { style: 'percent' })}</Text>
              </Group>
              <Progress.Root>
                <Progress.Section value={e.progressPct} aria-labelledby={`progress-${e.enrolmentId}`} />
              </Progress.Root>
            </div>
            {e.nextSession && (
              <Text size="sm">
                <Text span fw={600} inherit>
                  {t('myLearning.nextSession')}
                </Text>{' '}
                <time dateTime={e.nextSession.startsAt}>
                  {formatDateTime(e.nextSession.startsAt, locale)}
                </time>
                {e.nextSession.location && ` · ${e.nextSession.location}`}
              </Text>
            )}
            {e.cohort.endsOn && (
              <Text size="sm">
                <Text span fw={600} inherit>
                  {t('myLearning.endsOn')}
                </Text>{' '}
                {formatDate(e.cohort.endsOn, locale)}
              </Text>
            )}
            {e.nextLesson ? (
              <Button
                component={Link}
                to={learnPath(e.course.slug, e.nextLesson.id)}
                fullWidth
                data-testid="next-lesson"
                styles={{
                  label: { whiteSpace: 'normal' },
                  root: { height: 'auto', minHeight: 36, paddingBlock: 6 },
                }}
              >
                {t('myLearning.nextLesson', { title: e.nextLesson.title })}
              </Button>
            ) : (
              <Button component={Link} to={`/learn/${e.course.slug}`} variant="light" fullWidth>
                {t('course.continue')}
              </Button>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}

function CompletedCard({ c }: { c: MyCompletion }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="md" data-testid="my-completion">
      <Group justify="space-between" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Anchor component={Link} to={`/courses/${c.course.slug}`} fw={600}>
            {c.course.title}
          </Anchor>
          <Text size="sm" c="dimmed">
            {t('myLearning.completedOn', {
              date: formatDate(c.completedAt, currentLocale()),
              code: c.cohortCode,
            })}
          </Text>
        </div>
        {c.credentialId ? (
          <Button component={Link} to={`/verify/${c.credentialId}`} variant="light" color="green" size="sm">
            {t('myLearning.certificate')}
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            {t('myLearning.certificatePending')}
          </Text>
        )}
      </Group>
    </Card>
  );
}
