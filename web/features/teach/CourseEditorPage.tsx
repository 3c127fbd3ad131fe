/**
 * Course editor (/teach/courses/:id): details and translations, the outline (modules and lessons, in
 * order, with their content), and the course's quizzes and question bank. Trainers edit content;
 * publishing and archiving is for the organisation's partner admins (`viewer.canManage`).
 */
import './styles';
import { Anchor, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { catalogApi } from '../../api/endpoints';
import type { CourseDetail } from '../../api/types';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { PageLoader } from '../../components/ui/PageLoader';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { ConfirmModal } from '../admin/components';
import { courseQuery } from '../catalog/queries';
import { NotFoundPage } from '../home/NotFoundPage';
import { CourseDetailsForm } from './CourseDetailsForm';
import { OutlineEditor } from './OutlineEditor';
import { QuizBank } from './QuizBank';
import { CourseStatusBadge } from './TeachPage';

const tabs = ['outline', 'details', 'quizzes'] as const;
type Tab = (typeof tabs)[number];

export function CourseEditorPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const course = useQuery(courseQuery(id));
  usePageTitle(course.data ? t('teach.editTitle', { title: course.data.title }) : t('teach.title'));
  if (course.error instanceof ApiError && (course.error.status === 404 || course.error.status === 400))
    return <NotFoundPage />;
  if (course.isPending) return <PageLoader />;
  if (!course.data) return <ErrorAlert error={course.error} />;
  if (!course.data.viewer.canEdit) {
    return (
      <Stack>
        <Title order={1}>{t('errors.forbiddenTitle')}</Title>
        <Text>{t('errors.forbidden')}</Text>
      </Stack>
    );
  }
  return <Editor course={course.data} />;
}

function Editor({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tabParam = params.get('tab');
  const tab: Tab = (tabs as readonly string[]).includes(tabParam ?? '') ? (tabParam as Tab) : 'outline';
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/teach" size="sm">
        ← {t('teach.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Title order={1} size="h2" lang={course.language} style={{ overflowWrap: 'anywhere' }}>
            {course.title}
          </Title>
          <Group gap="xs" mt={4}>
            <CourseStatusBadge status={course.status} />
            <Text size="sm" c="dimmed">
              {course.organisation.name}
            </Text>
          </Group>
        </div>
        <PublishActions course={course} />
      </Group>
      <Tabs
        value={tab}
        onChange={(v) => setParams(v && v !== 'outline' ? { tab: v } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="outline" data-testid="tab-outline">
            {t('teach.tabs.outline')}
          </Tabs.Tab>
          <Tabs.Tab value="details" data-testid="tab-details">
            {t('teach.tabs.details')}
          </Tabs.Tab>
          <Tabs.Tab value="quizzes" data-testid="tab-quizzes">
            {t('teach.tabs.quizzes')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="outline" pt="md">
          <OutlineEditor course={course} />
        </Tabs.Panel>
        <Tabs.Panel value="details" pt="md">
          <CourseDetailsForm course={course} />
        </Tabs.Panel>
        <Tabs.Panel value="quizzes" pt="md">
          <QuizBank courseId={course.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function PublishActions({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [archiving, setArchiving] = useState(false);
  const done = (message: string) => () => {
    void queryClient.invalidateQueries({ queryKey: ['course'] });
    void queryClient.invalidateQueries({ queryKey: ['teach'] });
    void queryClient.invalidateQueries({ queryKey: ['catalog'] });
    setArchiving(false);
    notifications.show({ color: 'green', message });
  };
  const publish = useMutation({
    mutationFn: () => catalogApi.publish(course.id),
    onSuccess: done(t('teach.published')),
  });
  const archive = useMutation({
    mutationFn: () => catalogApi.archive(course.id),
    onSuccess: done(t('teach.archived')),
  });
  return (
    <Stack gap="xs" align="flex-end">
      <Group gap="xs">
        {course.status === 'published' && (
          <Button component={Link} to={`/courses/${course.slug}`} variant="default" size="sm">
            {t('teach.viewPublic')}
          </Button>
        )}
        {course.viewer.canManage && course.status !== 'published' && (
          <Button
            size="sm"
            onClick={() => publish.mutate()}
            loading={publish.isPending}
            data-testid="course-publish"
          >
            {t('teach.publish')}
          </Button>
        )}
        {course.viewer.canManage && course.status === 'published' && (
          <Button
            size="sm"
            color="red"
            variant="outline"
            onClick={() => setArchiving(true)}
            data-testid="course-archive"
          >
            {t('teach.archive')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={publish.error} />
      <ConfirmModal
        opened={archiving}
        title={t('teach.archiveTitle')}
        message={t('teach.archiveConfirm', { title: course.title })}
        confirmLabel={t('teach.archive')}
        loading={archive.isPending}
        error={archive.error}
        onConfirm={() => archive.mutate()}
        onClose={() => setArchiving(false)}
      />
    </Stack>
  );
}
