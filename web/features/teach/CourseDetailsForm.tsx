/** A course's details: texts in the teaching language and their translations, facts, skills, links. */
import {
  Button,
  Fieldset,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../api/client';
import { courseLevels, courseTopics, deliveryModes, locales } from '../../api/domain';
import { catalogApi } from '../../api/endpoints';
import type { CourseDetail, UpdateCourseBody } from '../../api/types';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { useFocusFirstInvalid } from '../../components/ui/form';
import { ProvinceField } from '../admin/components';
import { programsQuery } from '../catalog/queries';

type Locale = (typeof locales)[number];
type Texts = Record<Locale, { title: string; summary: string }>;

function initialTexts(course: CourseDetail): Texts {
  const texts = {} as Texts;
  for (const l of locales) {
    const tr = course.translations[l];
    texts[l] = { title: tr?.title ?? '', summary: tr?.summary ?? '' };
  }
  texts[course.teachingLanguage] = { ...course.original };
  return texts;
}

export function CourseDetailsForm({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [attempt, setAttempt] = useState(0);
  useFocusFirstInvalid(formRef, attempt);
  const [teaching, setTeaching] = useState<Locale>(course.teachingLanguage);
  const [texts, setTexts] = useState<Texts>(() => initialTexts(course));
  const [topic, setTopic] = useState(course.topic);
  const [level, setLevel] = useState(course.level);
  const [hours, setHours] = useState(String(course.durationHours));
  const [mode, setMode] = useState(course.deliveryMode);
  const [province, setProvince] = useState<string | null>(course.province?.code ?? null);
  const [skills, setSkills] = useState<string[]>(course.skills);
  const [programs, setPrograms] = useState<string[]>(course.programs.map((p) => p.code));
  const [prerequisites, setPrerequisites] = useState<string[]>(course.prerequisites.map((p) => p.id));
  const [isOpen, setIsOpen] = useState(course.isOpen);
  const [isTot, setIsTot] = useState(course.isTot);
  const [minAttendance, setMinAttendance] = useState(
    course.minAttendancePct === null ? '' : String(course.minAttendancePct),
  );

  const programList = useQuery(programsQuery);
  const catalog = useQuery({
    queryKey: ['catalog', 'prerequisite-options'],
    queryFn: () => catalogApi.list({ pageSize: 100, sort: 'title' }),
  });
  const prerequisiteOptions = [
    ...course.prerequisites.map((p) => ({ value: p.id, label: p.title })),
    ...(catalog.data?.items ?? [])
      .filter((c) => c.id !== course.id && !course.prerequisites.some((p) => p.id === c.id))
      .map((c) => ({ value: c.id, label: c.title })),
  ];

  const save = useMutation({
    mutationFn: (body: UpdateCourseBody) => catalogApi.update(course.id, body),
    onSuccess: (updated) => {
      queryClient.setQueryData(['course', course.id], updated);
      void queryClient.invalidateQueries({ queryKey: ['course'] });
      void queryClient.invalidateQueries({ queryKey: ['teach'] });
      void queryClient.invalidateQueries({ queryKey: ['catalog'] });
      notifications.show({ color: 'green', message: t('teach.saved') });
    },
    onError: () => setAttempt((n) => n + 1),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const translations: UpdateCourseBody['translations'] = {};
    for (const l of locales) {
      if (l === teaching || !texts[l].title.trim()) continue;
      translations[l] = { title: texts[l].title.trim(), summary: texts[l].summary.trim() };
    }
    save.mutate({
      teachingLanguage: teaching,
      title: texts[teaching].title.trim(),
      summary: texts[teaching].summary.trim(),
      translations,
      topic,
      level,
      durationHours: Number(hours),
      deliveryMode: mode,
      province: mode === 'online' ? null : province,
      skills,
      programs,
      prerequisites,
      isOpen,
      isTot,
      minAttendancePct: minAttendance === '' ? null : Number(minAttendance),
    });
  };

  const err = (pointer: string) => fieldError(save.error, pointer);
  const setText = (l: Locale, field: 'title' | 'summary', value: string) =>
    setTexts((old) => ({ ...old, [l]: { ...old[l], [field]: value } }));

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md" maw={860}>
        <ErrorAlert error={save.error} />
        <Select
          label={t('teach.course.teachingLanguage')}
          description={t('teach.course.teachingLanguageHint')}
          data={locales.map((v) => ({ value: v, label: t(`lang.${v}`) }))}
          value={teaching}
          onChange={(v) => v && setTeaching(v as Locale)}
          allowDeselect={false}
          maw={320}
          comboboxProps={{ withinPortal: true }}
        />
        {[teaching, ...locales.filter((l) => l !== teaching)].map((l) => (
          <Fieldset
            key={l}
            legend={
              l === teaching
                ? t('teach.course.textsIn', { lang: t(`lang.${l}`) })
                : t('teach.course.translation', { lang: t(`lang.${l}`) })
            }
            lang={l}
          >
            <Stack gap="sm">
              <TextInput
                label={t('teach.course.title')}
                value={texts[l].title}
                onChange={(e) => setText(l, 'title', e.currentTarget.value)}
                required={l === teaching}
                error={l === teaching ? err('/title') : err(`/translations/${l}/title`)}
                data-testid={`course-title-${l}`}
              />
              <Textarea
                label={t('teach.course.summary')}
                value={texts[l].summary}
                onChange={(e) => setText(l, 'summary', e.currentTarget.value)}
                autosize
                minRows={3}
                maxLength={2000}
                error={l === teaching ? err('/summary') : err(`/translations/${l}/summary`)}
              />
              {l !== teaching && (
                <Text size="xs" c="dimmed">
                  {t('teach.course.translationHint')}
                </Text>
              )}
            </Stack>
          </Fieldset>
        ))}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('catalog.topic')}
            data={courseTopics.map((v) => ({ value: v, label: t(`topic.${v}`) }))}
            value={topic}
            onChange={(v) => v && setTopic(v as typeof topic)}
            allowDeselect={false}
            error={err('/topic')}
            comboboxProps={{ withinPortal: true }}
          />
          <Select
            label={t('catalog.level')}
            data={courseLevels.map((v) => ({ value: v, label: t(`level.${v}`) }))}
            value={level}
            onChange={(v) => v && setLevel(v as typeof level)}
            allowDeselect={false}
            error={err('/level')}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('teach.course.hours')}
            type="number"
            inputMode="numeric"
            min={1}
            value={hours}
            onChange={(e) => setHours(e.currentTarget.value)}
            error={err('/durationHours')}
          />
          <Select
            label={t('catalog.mode')}
            data={deliveryModes.map((v) => ({ value: v, label: t(`mode.${v}`) }))}
            value={mode}
            onChange={(v) => v && setMode(v as typeof mode)}
            allowDeselect={false}
            error={err('/deliveryMode')}
            comboboxProps={{ withinPortal: true }}
          />
          {mode !== 'online' && (
            <ProvinceField value={province} onChange={setProvince} error={err('/province')} />
          )}
          <TextInput
            label={t('teach.course.minAttendance')}
            description={t('teach.course.minAttendanceHint')}
            type="number"
            inputMode="numeric"
            min={0}
            max={100}
            value={minAttendance}
            onChange={(e) => setMinAttendance(e.currentTarget.value)}
            error={err('/minAttendancePct')}
          />
        </SimpleGrid>
        <TagsInput
          label={t('teach.course.skills')}
          description={t('teach.course.skillsHint')}
          value={skills}
          onChange={setSkills}
          maxTags={30}
          clearable
          error={err('/skills')}
          comboboxProps={{ withinPortal: true }}
          data-testid="course-skills"
        />
        <MultiSelect
          label={t('teach.course.programs')}
          data={(programList.data?.items ?? []).map((p) => ({ value: p.code, label: p.name }))}
          value={programs}
          onChange={setPrograms}
          searchable
          clearable
          error={err('/programs')}
          comboboxProps={{ withinPortal: true }}
        />
        <MultiSelect
          label={t('teach.course.prerequisites')}
          data={prerequisiteOptions}
          value={prerequisites}
          onChange={setPrerequisites}
          searchable
          clearable
          error={err('/prerequisites')}
          comboboxProps={{ withinPortal: true }}
        />
        <Group gap="xl">
          <Switch
            label={t('teach.course.isOpen')}
            description={t('teach.course.isOpenHint')}
            checked={isOpen}
            onChange={(e) => setIsOpen(e.currentTarget.checked)}
          />
          <Switch
            label={t('teach.course.isTot')}
            checked={isTot}
            onChange={(e) => setIsTot(e.currentTarget.checked)}
          />
        </Group>
        <Group>
          <Button type="submit" loading={save.isPending} data-testid="course-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
