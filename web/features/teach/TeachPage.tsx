/**
 * Teaching dashboard (/teach): the courses of the organisations the account teaches or runs, and its
 * classes. Partner admins create courses here; trainers edit content and run their classes.
 * What is shown is what the API lets this account see (server/modules/catalog|enrolment/policy.ts).
 */
import './styles';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { courseLevels, courseTopics, deliveryModes, locales } from '../../api/domain';
import { catalogApi } from '../../api/endpoints';
import type { CourseLevel, CourseTopic, CreateCourseBody, DeliveryMode } from '../../api/types';
import { EmptyState } from '../../components/ui/EmptyState';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { errorFor, hasErrors, missingFields, useFocusFirstInvalid } from '../../components/ui/form';
import { formatDate, formatNumber } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { Pager } from '../../components/ui/Pager';
import { usePageTitle } from '../../components/ui/usePageTitle';
import { currentLocale } from '../../i18n';
import { OrganisationSelect, ProvinceField } from '../admin/components';
import { isPlatformAdmin, teachingOrganisations } from '../auth/access';
import { useMe } from '../auth/hooks';
import { useDateRange } from '../catalog/components';
import { myCohortsQuery, orgCoursesQuery } from './queries';

export function TeachPage() {
  const { t } = useTranslation();
  usePageTitle(t('teach.title'));
  const { me } = useMe();
  const orgs = teachingOrganisations(me);
  const admin = isPlatformAdmin(me);
  const [picked, setPicked] = useState<string | null>(null);
  const issuesCertificates = admin || orgs.some((o) => o.manages);
  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-start" gap="sm">
        <div>
          <Title order={1}>{t('teach.title')}</Title>
          <Text c="dimmed">{t('teach.intro')}</Text>
        </div>
        {issuesCertificates && (
          <Group gap="xs" wrap="wrap">
            <Button
              component={Link}
              to="/teach/certificates"
              variant="light"
              data-testid="teach-certificates"
            >
              {t('teach.certificates.title')}
            </Button>
            <Button component={Link} to="/teach/rosters" variant="light" data-testid="teach-rosters">
              {t('roster.title')}
            </Button>
          </Group>
        )}
      </Group>
      <MyCohorts />
      {orgs.map((o) => (
        <OrganisationCourses key={o.id} orgId={o.id} name={o.name} manages={o.manages} />
      ))}
      {admin && (
        <Stack gap="sm">
          <OrganisationSelect
            label={t('teach.pickOrganisation')}
            kinds={['training_partner', 'nic']}
            value={picked}
            onChange={setPicked}
          />
          {picked && <OrganisationCourses orgId={picked} name="" manages />}
        </Stack>
      )}
    </Stack>
  );
}

function MyCohorts() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const cohorts = useQuery(myCohortsQuery(page));
  const range = useDateRange();
  const locale = currentLocale();
  return (
    <section aria-labelledby="teach-cohorts">
      <Title order={2} size="h3" id="teach-cohorts" mb="sm">
        {t('teach.myCohorts')}
      </Title>
      <ErrorAlert error={cohorts.error} />
      {cohorts.isPending ? (
        <PageLoader />
      ) : cohorts.data?.items.length === 0 ? (
        <EmptyState message={t('teach.noCohorts')} />
      ) : cohorts.data ? (
        <Stack gap="sm">
          <Stack gap="xs" component="ul" className="plain-list" data-testid="teach-cohorts">
            {cohorts.data.items.map((c) => (
              <Paper key={c.id} component="li" withBorder radius="md" p="sm" data-testid="teach-cohort">
                <Group justify="space-between" gap="xs" align="flex-start">
                  <div style={{ minWidth: 0 }}>
                    <Anchor component={Link} to={`/teach/cohorts/${c.id}`} fw={700}>
                      {c.code} · {c.name}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {c.courseTitle}
                      {range(c.startsOn, c.endsOn) && ` · ${range(c.startsOn, c.endsOn)}`}
                    </Text>
                  </div>
                  <Group gap={6}>
                    <Badge variant="light" color="gray" tt="none">
                      {c.capacity === null
                        ? t('teach.learners', { count: c.seatsTaken, n: formatNumber(c.seatsTaken, locale) })
                        : t('teach.seats', { taken: c.seatsTaken, capacity: c.capacity })}
                    </Badge>
                    {c.waitlisted > 0 && (
                      <Badge variant="light" color="orange" tt="none">
                        {t('teach.waitlisted', { count: c.waitlisted })}
                      </Badge>
                    )}
                    {c.status !== 'open' && (
                      <Badge variant="light" color="gray" tt="none">
                        {t(`cohortStatus.${c.status}`)}
                      </Badge>
                    )}
                  </Group>
                </Group>
              </Paper>
            ))}
          </Stack>
          <Pager page={page} pageSize={cohorts.data.pageSize} total={cohorts.data.total} onChange={setPage} />
        </Stack>
      ) : null}
    </section>
  );
}

function OrganisationCourses({ orgId, name, manages }: { orgId: string; name: string; manages: boolean }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const navigate = useNavigate();
  const courses = useQuery(orgCoursesQuery(orgId, page));
  const locale = currentLocale();
  const headingId = `teach-courses-${orgId}`;
  return (
    <section aria-labelledby={headingId}>
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={2} size="h3" id={headingId}>
          {name ? t('teach.coursesOf', { name }) : t('teach.courses')}
        </Title>
        {manages && (
          <Button size="sm" onClick={() => setCreating(true)} data-testid="course-create-open">
            {t('teach.newCourse')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={courses.error} />
      {courses.isPending ? (
        <PageLoader />
      ) : courses.data?.items.length === 0 ? (
        <EmptyState message={t('teach.noCourses')} />
      ) : courses.data ? (
        <Stack gap="sm">
          <Stack gap="xs" component="ul" className="plain-list" data-testid="teach-courses">
            {courses.data.items.map((c) => (
              <Paper key={c.id} component="li" withBorder radius="md" p="sm">
                <Group justify="space-between" gap="xs" align="flex-start">
                  <div style={{ minWidth: 0 }}>
                    <Anchor component={Link} to={`/teach/courses/${c.id}`} fw={700} lang={c.language}>
                      {c.title}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {t(`topic.${c.topic}`)} ·{' '}
                      {t('teach.updated', { date: formatDate(c.updatedAt, locale) })}
                    </Text>
                  </div>
                  <CourseStatusBadge status={c.status} />
                </Group>
              </Paper>
            ))}
          </Stack>
          <Pager page={page} pageSize={courses.data.pageSize} total={courses.data.total} onChange={setPage} />
        </Stack>
      ) : null}
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('teach.newCourse')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        <CreateCourseForm organisationId={orgId} onCreated={(id) => navigate(`/teach/courses/${id}`)} />
      </Modal>
    </section>
  );
}

export function CourseStatusBadge({ status }: { status: 'draft' | 'published' | 'archived' }) {
  const { t } = useTranslation();
  const color = status === 'published' ? 'green' : status === 'draft' ? 'yellow' : 'gray';
  return (
    <Badge color={color} variant="light" tt="none" className="status-badge" data-testid="course-status">
      {t(`courseStatus.${status}`)}
    </Badge>
  );
}

type Values = {
  title: string;
  teachingLanguage: string;
  topic: CourseTopic | null;
  level: CourseLevel | null;
  durationHours: string;
  deliveryMode: DeliveryMode | null;
  province: string | null;
};

function CreateCourseForm({
  organisationId,
  onCreated,
}: {
  organisationId: string;
  onCreated: (id: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<Values>({
    title: '',
    teachingLanguage: currentLocale(),
    topic: null,
    level: 'beginner',
    durationHours: '',
    deliveryMode: 'online',
    province: null,
  });
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});
  const [attempt, setAttempt] = useState(0);
  useFocusFirstInvalid(formRef, attempt);
  const create = useMutation({
    mutationFn: (body: CreateCourseBody) => catalogApi.create(body),
    onSuccess: (course) => {
      void queryClient.invalidateQueries({ queryKey: ['teach'] });
      onCreated(course.id);
    },
    onError: () => setAttempt((n) => n + 1),
  });
  const set = <K extends keyof Values>(k: K, v: Values[K]) => {
    setValues((old) => ({ ...old, [k]: v }));
    setErrors((old) => ({ ...old, [k]: undefined }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const errs = missingFields(
      values,
      ['title', 'topic', 'level', 'durationHours', 'deliveryMode'],
      t('common.required'),
    );
    if (values.deliveryMode !== 'online' && !values.province) errs.province = t('teach.provinceNeeded');
    setErrors(errs);
    if (hasErrors(errs)) {
      setAttempt((n) => n + 1);
      return;
    }
    create.mutate({
      organisationId,
      title: values.title.trim(),
      teachingLanguage: values.teachingLanguage as CreateCourseBody['teachingLanguage'],
      topic: values.topic!,
      level: values.level!,
      durationHours: Number(values.durationHours),
      deliveryMode: values.deliveryMode!,
      province: values.deliveryMode === 'online' ? null : values.province,
    });
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={create.error} />
        <TextInput
          label={t('teach.course.title')}
          value={values.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          error={errorFor(errors, create.error, 'title')}
          required
          data-testid="course-create-title"
        />
        <Select
          label={t('teach.course.teachingLanguage')}
          data={locales.map((v) => ({ value: v, label: t(`lang.${v}`) }))}
          value={values.teachingLanguage}
          onChange={(v) => v && set('teachingLanguage', v)}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('catalog.topic')}
          data={courseTopics.map((v) => ({ value: v, label: t(`topic.${v}`) }))}
          value={values.topic}
          onChange={(v) => set('topic', v as CourseTopic | null)}
          error={errorFor(errors, create.error, 'topic')}
          required
          comboboxProps={{ withinPortal: true }}
        />
        <Group grow align="flex-start">
          <Select
            label={t('catalog.level')}
            data={courseLevels.map((v) => ({ value: v, label: t(`level.${v}`) }))}
            value={values.level}
            onChange={(v) => set('level', v as CourseLevel | null)}
            error={errorFor(errors, create.error, 'level')}
            required
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('teach.course.hours')}
            type="number"
            inputMode="numeric"
            min={1}
            value={values.durationHours}
            onChange={(e) => set('durationHours', e.currentTarget.value)}
            error={errorFor(errors, create.error, 'durationHours')}
            required
          />
        </Group>
        <Select
          label={t('catalog.mode')}
          data={deliveryModes.map((v) => ({ value: v, label: t(`mode.${v}`) }))}
          value={values.deliveryMode}
          onChange={(v) => set('deliveryMode', v as DeliveryMode | null)}
          error={errorFor(errors, create.error, 'deliveryMode')}
          required
          comboboxProps={{ withinPortal: true }}
        />
        {values.deliveryMode !== 'online' && (
          <ProvinceField
            value={values.province}
            onChange={(v) => set('province', v)}
            error={errorFor(errors, create.error, 'province')}
          />
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending} data-testid="course-create-submit">
            {t('teach.createCourse')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
