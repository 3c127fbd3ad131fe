/** Pieces of the catalog shown in several places: a course's facts as badges, a course card, date ranges. */
import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CourseCard as CourseCardData } from '../../api/types';
import { formatDate } from '../../components/ui/format';
import { currentLocale } from '../../i18n';

type CourseFacts = Pick<
  CourseCardData,
  'level' | 'durationHours' | 'deliveryMode' | 'province' | 'topic' | 'languages' | 'teachingLanguage'
>;

/** Level, duration, mode, province and languages, as small badges that wrap on a phone. */
export function CourseBadges({ course, withTopic = false }: { course: CourseFacts; withTopic?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      {withTopic && (
        <Badge variant="light" color="indigo" tt="none">
          {t(`topic.${course.topic}`)}
        </Badge>
      )}
      <Badge variant="light" color="teal" tt="none">
        {t(`level.${course.level}`)}
      </Badge>
      <Badge variant="light" color="gray" tt="none">
        {t('catalog.hours', { count: course.durationHours })}
      </Badge>
      <Badge variant="light" color="grape" tt="none">
        {t(`mode.${course.deliveryMode}`)}
      </Badge>
      {course.province && (
        <Badge variant="light" color="orange" tt="none">
          {course.province.name}
        </Badge>
      )}
      {course.languages.length > 1 && (
        <Badge variant="outline" color="gray" tt="none">
          {course.languages.map((l) => l.toUpperCase()).join(' · ')}
        </Badge>
      )}
    </Group>
  );
}

/** One course in the catalog: title in the reader's language, partner, facts, summary, skills. */
export function CourseCard({ course, headingLevel = 2 }: { course: CourseCardData; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="article"
      data-testid="course-card"
      className="course-card"
      lang={course.language}
    >
      <Stack gap={8} h="100%">
        <Text size="xs" c="dimmed" tt="uppercase" fw={700} lang={currentLocale()}>
          {t(`topic.${course.topic}`)}
        </Text>
        <Title order={headingLevel} size="h4" lh={1.3}>
          {/* The whole card is one link target through the title (stretched by CSS). */}
          <Anchor component={Link} to={`/courses/${course.slug}`} className="course-card-link" inherit>
            {course.title}
          </Anchor>
        </Title>
        <Text size="sm" c="dimmed">
          {course.organisation.name}
        </Text>
        <div lang={currentLocale()}>
          <CourseBadges course={course} />
        </div>
        <Text size="sm" lineClamp={3}>
          {course.summary}
        </Text>
      </Stack>
    </Card>
  );
}

/** "03/11/2026 – 29/12/2026", or one side only when the other is not set. */
export function useDateRange() {
  const locale = currentLocale();
  return (from: string | null, to: string | null) => {
    const a = from ? formatDate(from, locale) : '';
    const b = to ? formatDate(to, locale) : '';
    if (a && b) return `${a} – ${b}`;
    return a || b;
  };
}
