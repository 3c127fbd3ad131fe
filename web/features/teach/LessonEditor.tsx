/**
 * Editing one lesson, in a dialog over the outline: title and settings, then by kind the text (with
 * a preview of what the server kept after cleaning it), the video address, the file (uploaded with
 * POST /api/files), or the quiz (chosen from the course's quizzes, or created here).
 */
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Input,
  Modal,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldError } from '../../api/client';
import { MAX_UPLOAD_BYTES } from '../../api/domain';
import { catalogApi, filesApi, quizzesApi } from '../../api/endpoints';
import type { CourseDetail, Lesson, StoredFile, UpdateLessonBody } from '../../api/types';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { formatNumber } from '../../components/ui/format';
import { PageLoader } from '../../components/ui/PageLoader';
import { currentLocale } from '../../i18n';
import { lessonQuery } from '../learn/queries';
import { courseQuizzesQuery } from './queries';
import { RichTextField } from './RichTextField';

export function LessonEditor({
  course,
  lessonId,
  onClose,
}: {
  course: CourseDetail;
  lessonId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)', true, { getInitialValueInEffect: false });
  const lesson = useQuery(lessonQuery(course.id, lessonId));
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('teach.editor.title')}
      size="xl"
      fullScreen={phone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {lesson.isPending ? (
        <PageLoader />
      ) : lesson.data ? (
        <LessonForm course={course} lesson={lesson.data} onClose={onClose} />
      ) : (
        <ErrorAlert error={lesson.error} />
      )}
    </Modal>
  );
}

function LessonForm({
  course,
  lesson,
  onClose,
}: {
  course: CourseDetail;
  lesson: Lesson;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(lesson.title);
  const [required, setRequired] = useState(lesson.required);
  const [minutes, setMinutes] = useState(
    lesson.estimatedMinutes === null ? '' : String(lesson.estimatedMinutes),
  );
  const [bodyHtml, setBodyHtml] = useState(lesson.bodyHtml ?? '');
  const [videoUrl, setVideoUrl] = useState(lesson.videoUrl ?? '');
  const [file, setFile] = useState<StoredFile | null>(lesson.file);
  const [quizId, setQuizId] = useState<string | null>(lesson.quizId);

  const store = (saved: Lesson) => {
    queryClient.setQueryData(lessonQuery(course.id, saved.id).queryKey, saved);
    void queryClient.invalidateQueries({ queryKey: ['course'] });
  };
  const save = useMutation({
    mutationFn: (body: UpdateLessonBody) => catalogApi.updateLesson(course.id, lesson.id, body),
    onSuccess: (saved) => {
      store(saved);
      setBodyHtml(saved.bodyHtml ?? '');
      notifications.show({ color: 'green', message: t('teach.editor.saved') });
    },
  });
  const publish = useMutation({
    mutationFn: (published: boolean) => catalogApi.setLessonPublished(course.id, lesson.id, published),
    onSuccess: store,
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: UpdateLessonBody = {
      title: title.trim(),
      required,
      estimatedMinutes: minutes === '' ? null : Number(minutes),
    };
    if (lesson.kind === 'text' || lesson.kind === 'video' || lesson.kind === 'file')
      body.bodyHtml = bodyHtml.trim() || null;
    if (lesson.kind === 'video') body.videoUrl = videoUrl.trim() || null;
    if (lesson.kind === 'file') body.fileId = file?.id ?? null;
    if (lesson.kind === 'quiz') body.quizId = quizId;
    save.mutate(body);
  };
  const err = (f: string) => fieldError(save.error, f);
  const unsavedText = (lesson.bodyHtml ?? '') !== bodyHtml;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <ErrorAlert error={save.error ?? publish.error} />
        <TextInput
          label={t('teach.editor.lessonTitle')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={err('title')}
          required
          data-testid="lesson-title"
        />
        <Group gap="lg" align="flex-end">
          <TextInput
            label={t('teach.editor.minutes')}
            type="number"
            inputMode="numeric"
            min={1}
            value={minutes}
            onChange={(e) => setMinutes(e.currentTarget.value)}
            error={err('estimatedMinutes')}
            w={160}
          />
          <Checkbox
            label={t('teach.editor.required')}
            checked={required}
            onChange={(e) => setRequired(e.currentTarget.checked)}
            mb={8}
          />
        </Group>

        {lesson.kind === 'video' && (
          <TextInput
            label={t('teach.editor.videoUrl')}
            description={t('teach.editor.videoHint')}
            type="url"
            inputMode="url"
            value={videoUrl}
            onChange={(e) => setVideoUrl(e.currentTarget.value)}
            error={err('videoUrl')}
            data-testid="lesson-video-url"
          />
        )}
        {lesson.kind === 'file' && (
          <FileField
            organisationId={course.organisation.id}
            file={file}
            onUploaded={setFile}
            error={err('fileId')}
          />
        )}
        {lesson.kind === 'quiz' && (
          <QuizField courseId={course.id} value={quizId} onChange={setQuizId} error={err('quizId')} />
        )}
        {lesson.kind !== 'quiz' && (
          <RichTextField
            label={lesson.kind === 'text' ? t('teach.editor.body') : t('teach.editor.description')}
            value={bodyHtml}
            onChange={setBodyHtml}
            error={err('bodyHtml')}
            testId="lesson-body"
          />
        )}
        {lesson.kind !== 'quiz' && lesson.bodyHtml && (
          <Paper withBorder radius="md" p="md" bg="gray.0">
            <Text size="sm" fw={700}>
              {t('teach.editor.preview')}
            </Text>
            <Text size="xs" c="dimmed" mb="xs">
              {unsavedText ? t('teach.editor.previewStale') : t('teach.editor.previewHint')}
            </Text>
            <div
              className="lesson-body"
              lang={course.language}
              data-testid="lesson-preview"
              // The server's copy, cleaned by sanitize-html when saved (server/modules/catalog/sanitise.ts).
              // biome-ignore lint/security/noDangerouslySetInnerHtml: server-sanitised lesson text, see above
              dangerouslySetInnerHTML={{ __html: lesson.bodyHtml }}
            />
          </Paper>
        )}

        <Group justify="space-between" gap="sm">
          <Group gap="xs">
            <Text size="sm">
              {t('teach.editor.status')} <strong>{t(`lessonStatus.${lesson.status}`)}</strong>
            </Text>
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => publish.mutate(lesson.status !== 'published')}
              loading={publish.isPending}
              data-testid="lesson-publish"
            >
              {lesson.status === 'published' ? t('teach.editor.unpublish') : t('teach.editor.publish')}
            </Button>
          </Group>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="lesson-save">
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

function FileField({
  organisationId,
  file,
  onUploaded,
  error,
}: {
  organisationId: string;
  file: StoredFile | null;
  onUploaded: (f: StoredFile) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [tooBig, setTooBig] = useState(false);
  const upload = useMutation({
    mutationFn: (f: File) => filesApi.upload(f, organisationId),
    onSuccess: onUploaded,
  });
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.currentTarget.files?.[0];
    if (!f) return;
    setTooBig(f.size > MAX_UPLOAD_BYTES);
    if (f.size <= MAX_UPLOAD_BYTES) upload.mutate(f);
  };
  const mb = formatNumber(MAX_UPLOAD_BYTES / 1024 / 1024, currentLocale());
  return (
    <Input.Wrapper label={t('teach.editor.file')} id={id}>
      <Stack gap={6} mt={4}>
        {file && (
          <Text size="sm">
            {t('teach.editor.currentFile')}{' '}
            <a href={file.url} download={file.filename}>
              {file.filename}
            </a>
          </Text>
        )}
        <input
          id={id}
          type="file"
          onChange={onChange}
          disabled={upload.isPending}
          data-testid="lesson-file-input"
        />
        <Text size="xs" c="dimmed">
          {upload.isPending ? t('teach.editor.uploading') : t('teach.editor.fileHint', { mb })}
        </Text>
        {tooBig && (
          <Text size="sm" c="red.9" role="alert">
            {t('teach.editor.tooBig', { mb })}
          </Text>
        )}
        {error && (
          <Text size="sm" c="red.9">
            {error}
          </Text>
        )}
        <ErrorAlert error={upload.error} />
      </Stack>
    </Input.Wrapper>
  );
}

function QuizField({
  courseId,
  value,
  onChange,
  error,
}: {
  courseId: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const quizzes = useQuery(courseQuizzesQuery(courseId));
  const [creating, setCreating] = useState(false);
  const [title, setTitle] = useState('');
  const [passMark, setPassMark] = useState('70');
  const [minutes, setMinutes] = useState('');
  const [attempts, setAttempts] = useState('3');
  const create = useMutation({
    mutationFn: () =>
      quizzesApi.create(courseId, {
        title: title.trim(),
        passMarkPct: Number(passMark),
        timeLimitSeconds: minutes === '' ? null : Number(minutes) * 60,
        attemptsLimit: attempts === '' ? null : Number(attempts),
      }),
    onSuccess: (quiz) => {
      void queryClient.invalidateQueries({ queryKey: ['teach', 'quizzes', courseId] });
      onChange(quiz.id);
      setCreating(false);
    },
  });
  return (
    <Stack gap="xs">
      <Select
        label={t('teach.editor.quiz')}
        placeholder={t('teach.editor.quizPick')}
        data={(quizzes.data?.items ?? []).map((q) => ({
          value: q.id,
          label: t('teach.quizzes.option', { title: q.title, count: q.questionsPerAttempt }),
        }))}
        value={value}
        onChange={onChange}
        error={error}
        nothingFoundMessage={t('teach.quizzes.none')}
        comboboxProps={{ withinPortal: true }}
        data-testid="lesson-quiz"
      />
      {!creating ? (
        <Group>
          <Button size="compact-sm" variant="subtle" onClick={() => setCreating(true)}>
            {t('teach.quizzes.create')}
          </Button>
        </Group>
      ) : (
        <Paper withBorder p="sm" radius="md">
          <Stack gap="xs">
            <TextInput
              label={t('teach.quizzes.title')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              required
            />
            <Group grow align="flex-start">
              <TextInput
                label={t('teach.quizzes.passMark')}
                type="number"
                min={0}
                max={100}
                value={passMark}
                onChange={(e) => setPassMark(e.currentTarget.value)}
              />
              <TextInput
                label={t('teach.quizzes.minutes')}
                type="number"
                min={1}
                value={minutes}
                onChange={(e) => setMinutes(e.currentTarget.value)}
              />
              <TextInput
                label={t('teach.quizzes.attempts')}
                type="number"
                min={1}
                value={attempts}
                onChange={(e) => setAttempts(e.currentTarget.value)}
              />
            </Group>
            <Text size="xs" c="dimmed">
              {t('teach.quizzes.poolHint')}
            </Text>
            <ErrorAlert error={create.error} />
            <Group gap="xs">
              <Button size="sm" onClick={() => title.trim() && create.mutate()} loading={create.isPending}>
                {t('teach.quizzes.createShort')}
              </Button>
              <Button size="sm" variant="default" onClick={() => setCreating(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      )}
      {value === null && quizzes.data?.items.length === 0 && (
        <Alert color="blue" variant="light">
          {t('teach.quizzes.needBank')}
        </Alert>
      )}
    </Stack>
  );
}
