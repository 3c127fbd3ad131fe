/**
 * The outline of a course: modules and their lessons in order. Reorder by dragging a lesson (native
 * HTML5 drag and drop, also across modules), or from the keyboard and on touch screens with the ↑/↓
 * buttons or Alt+↑/↓ anywhere in a row. Each move is shown at once and sent as the whole order
 * (PUT …/outline); if the server refuses, the last order it accepted comes back.
 */
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type DragEvent, type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lessonKinds } from '../../api/domain';
import { catalogApi } from '../../api/endpoints';
import type { CourseDetail, LessonKind, LessonOutline, ModuleOutline } from '../../api/types';
import { ErrorAlert } from '../../components/ui/ErrorAlert';
import { ConfirmModal } from '../admin/components';
import { LessonEditor } from './LessonEditor';
import { moveLesson, moveModule, outlineBody, placeLesson, positionOf } from './reorder';

type Focus = { key: string } | null;

export function OutlineEditor({ course }: { course: CourseDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [modules, setModules] = useState<ModuleOutline[]>(course.modules);
  const [announcement, setAnnouncement] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<LessonOutline | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const controls = useRef(new Map<string, HTMLButtonElement | null>());
  const [focus, setFocus] = useState<Focus>(null);
  const latest = useRef(0);

  // Follow the server's outline (after adding, deleting, publishing) unless a move is on its way.
  useEffect(() => {
    if (latest.current === 0) setModules(course.modules);
  }, [course.modules]);
  useEffect(() => {
    if (!focus) return;
    controls.current.get(focus.key)?.focus();
    setFocus(null);
  }, [focus]);

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['course'] });
    void queryClient.invalidateQueries({ queryKey: ['lesson', course.id] });
  };
  const reorder = useMutation({
    mutationFn: (next: ModuleOutline[]) => catalogApi.reorder(course.id, outlineBody(next)),
    scope: { id: `outline-${course.id}` },
  });

  const apply = (next: ModuleOutline[] | null, message: string, focusKey?: string) => {
    if (!next) return;
    const n = ++latest.current;
    setModules(next);
    setAnnouncement(message);
    if (focusKey) setFocus({ key: focusKey });
    reorder.mutate(next, {
      onSuccess: (outline) => {
        if (n !== latest.current) return;
        latest.current = 0;
        queryClient.setQueryData(['course', course.id], { ...course, modules: outline.modules });
        void queryClient.invalidateQueries({ queryKey: ['course'] });
      },
      onError: () => {
        if (n !== latest.current) return;
        latest.current = 0;
        setModules(course.modules);
        setAnnouncement(t('teach.outline.moveFailed'));
      },
    });
  };

  const lessonMoved = (next: ModuleOutline[] | null, lesson: LessonOutline) => {
    if (!next) return null;
    const where = positionOf(next, lesson.id)!;
    return t('teach.outline.movedLesson', {
      title: lesson.title,
      position: where.position,
      module: where.module + 1,
    });
  };

  const moveLessonBy = (lesson: LessonOutline, dir: -1 | 1) => {
    const next = moveLesson(modules, lesson.id, dir);
    if (!next) return;
    // Keep the focus on the same button; at the very top or bottom, on the one that still works.
    const flat = next.flatMap((m) => m.lessons.map((l) => l.id));
    const at = flat.indexOf(lesson.id);
    const stuck = (dir === -1 && at === 0) || (dir === 1 && at === flat.length - 1);
    const key = `${lesson.id}:${(dir === -1) !== stuck ? 'up' : 'down'}`;
    apply(next, lessonMoved(next, lesson)!, key);
  };

  const keyMove = (lesson: LessonOutline) => (e: KeyboardEvent) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    moveLessonBy(lesson, e.key === 'ArrowUp' ? -1 : 1);
  };

  const onDragStart = (lesson: LessonOutline) => (e: DragEvent) => {
    e.dataTransfer.setData('text/plain', lesson.id);
    e.dataTransfer.effectAllowed = 'move';
    setDragged(lesson.id);
  };
  const onDragOver = (target: string) => (e: DragEvent) => {
    if (!dragged) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    if (dropTarget !== target) setDropTarget(target);
  };
  const onDrop = (moduleId: string, beforeId: string | null) => (e: DragEvent) => {
    e.preventDefault();
    const id = dragged ?? e.dataTransfer.getData('text/plain');
    setDragged(null);
    setDropTarget(null);
    const lesson = modules.flatMap((m) => m.lessons).find((l) => l.id === id);
    if (!lesson) return;
    const next = placeLesson(modules, id, moduleId, beforeId);
    const message = lessonMoved(next, lesson);
    if (next && message) apply(next, message);
  };

  const flatIds = modules.flatMap((m) => m.lessons.map((l) => l.id));

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('teach.outline.help')}
      </Text>
      <ErrorAlert error={reorder.error} />
      <div aria-live="polite" className="visually-hidden" data-testid="outline-announcement">
        {announcement}
      </div>
      <Stack gap="md" component="ol" className="plain-list" data-testid="outline">
        {modules.map((m, mi) => (
          <Paper key={m.id} component="li" withBorder radius="md" p="sm" data-testid="outline-module">
            <ModuleHeader
              courseId={course.id}
              module={m}
              index={mi}
              count={modules.length}
              onMove={(dir) =>
                apply(
                  moveModule(modules, m.id, dir),
                  t('teach.outline.movedModule', { title: m.title, position: mi + 1 + dir }),
                  `${m.id}:${dir === -1 ? (mi + dir === 0 ? 'down' : 'up') : mi + dir === modules.length - 1 ? 'up' : 'down'}`,
                )
              }
              controls={controls.current}
              onChanged={refresh}
            />
            <ol
              className="outline-lessons-edit"
              onDragOver={m.lessons.length === 0 ? onDragOver(`end:${m.id}`) : undefined}
              onDrop={m.lessons.length === 0 ? onDrop(m.id, null) : undefined}
              data-drop={dropTarget === `end:${m.id}` || undefined}
            >
              {m.lessons.length === 0 && (
                <li className="outline-empty">
                  <Text size="sm" c="dimmed">
                    {t('teach.outline.emptyModule')}
                  </Text>
                </li>
              )}
              {m.lessons.map((l) => {
                const at = flatIds.indexOf(l.id);
                return (
                  <li
                    key={l.id}
                    className="outline-lesson"
                    draggable
                    onDragStart={onDragStart(l)}
                    onDragEnd={() => {
                      setDragged(null);
                      setDropTarget(null);
                    }}
                    onDragOver={onDragOver(l.id)}
                    onDrop={onDrop(m.id, l.id)}
                    onKeyDown={keyMove(l)}
                    data-dragging={dragged === l.id || undefined}
                    data-drop={dropTarget === l.id || undefined}
                    data-testid="outline-lesson"
                    data-lesson-id={l.id}
                  >
                    <span className="drag-handle" aria-hidden="true">
                      ⠿
                    </span>
                    <div className="outline-lesson-main">
                      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {l.title}
                      </Text>
                      <Group gap={4} mt={2}>
                        <Badge size="sm" variant="light" tt="none">
                          {t(`lessonKind.${l.kind}`)}
                        </Badge>
                        <Badge
                          size="sm"
                          variant="light"
                          color={l.status === 'published' ? 'green' : 'yellow'}
                          tt="none"
                        >
                          {t(`lessonStatus.${l.status}`)}
                        </Badge>
                        {!l.required && (
                          <Badge size="sm" variant="light" color="gray" tt="none">
                            {t('course.optional')}
                          </Badge>
                        )}
                      </Group>
                    </div>
                    <Group gap={4} wrap="nowrap" className="outline-lesson-actions">
                      <ActionIcon
                        variant="default"
                        ref={(el) => {
                          controls.current.set(`${l.id}:up`, el);
                        }}
                        aria-label={t('teach.outline.moveUp', { title: l.title })}
                        title={t('teach.outline.moveUp', { title: l.title })}
                        disabled={at === 0}
                        onClick={() => moveLessonBy(l, -1)}
                        data-testid="lesson-move-up"
                      >
                        <span aria-hidden="true">↑</span>
                      </ActionIcon>
                      <ActionIcon
                        variant="default"
                        ref={(el) => {
                          controls.current.set(`${l.id}:down`, el);
                        }}
                        aria-label={t('teach.outline.moveDown', { title: l.title })}
                        title={t('teach.outline.moveDown', { title: l.title })}
                        disabled={at === flatIds.length - 1}
                        onClick={() => moveLessonBy(l, 1)}
                        data-testid="lesson-move-down"
                      >
                        <span aria-hidden="true">↓</span>
                      </ActionIcon>
                      <Button
                        size="compact-sm"
                        variant="light"
                        onClick={() => setEditing(l.id)}
                        aria-label={t('teach.outline.editLesson', { title: l.title })}
                        data-testid="lesson-edit"
                      >
                        {t('teach.outline.edit')}
                      </Button>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        onClick={() => setRemoving(l)}
                        aria-label={t('teach.outline.deleteLesson', { title: l.title })}
                      >
                        {t('teach.outline.delete')}
                      </Button>
                    </Group>
                  </li>
                );
              })}
              {m.lessons.length > 0 && dragged && (
                <li
                  className="outline-drop-end"
                  onDragOver={onDragOver(`end:${m.id}`)}
                  onDrop={onDrop(m.id, null)}
                  data-drop={dropTarget === `end:${m.id}` || undefined}
                >
                  <Text size="xs" c="dimmed">
                    {t('teach.outline.dropHere')}
                  </Text>
                </li>
              )}
            </ol>
            <AddLesson
              courseId={course.id}
              moduleId={m.id}
              onAdded={(id) => {
                refresh();
                setEditing(id);
              }}
            />
          </Paper>
        ))}
      </Stack>
      <AddModule courseId={course.id} onAdded={refresh} />
      {editing && (
        <LessonEditor
          course={course}
          lessonId={editing}
          onClose={() => {
            setEditing(null);
            refresh();
          }}
        />
      )}
      <DeleteLesson
        courseId={course.id}
        lesson={removing}
        onClose={() => setRemoving(null)}
        onDeleted={refresh}
      />
    </Stack>
  );
}

function ModuleHeader({
  courseId,
  module: m,
  index,
  count,
  onMove,
  controls,
  onChanged,
}: {
  courseId: string;
  module: ModuleOutline;
  index: number;
  count: number;
  onMove: (dir: -1 | 1) => void;
  controls: Map<string, HTMLButtonElement | null>;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(m.title);
  const [confirming, setConfirming] = useState(false);
  const rename = useMutation({
    mutationFn: () => catalogApi.renameModule(courseId, m.id, title.trim()),
    onSuccess: () => {
      setRenaming(false);
      onChanged();
    },
  });
  const remove = useMutation({
    mutationFn: () => catalogApi.deleteModule(courseId, m.id),
    onSuccess: () => {
      setConfirming(false);
      onChanged();
    },
  });
  if (renaming) {
    return (
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (title.trim()) rename.mutate();
        }}
      >
        <Group align="flex-end" gap="xs" mb="xs">
          <TextInput
            label={t('teach.outline.moduleTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            style={{ flex: 1 }}
            data-autofocus
            autoFocus
          />
          <Button type="submit" size="sm" loading={rename.isPending}>
            {t('common.save')}
          </Button>
          <Button size="sm" variant="default" onClick={() => setRenaming(false)}>
            {t('common.cancel')}
          </Button>
        </Group>
        <ErrorAlert error={rename.error} />
      </form>
    );
  }
  return (
    <Group justify="space-between" gap="xs" mb="xs" wrap="nowrap" align="flex-start">
      <Title order={2} size="h5" style={{ overflowWrap: 'anywhere' }}>
        {t('course.moduleN', { n: index + 1, title: m.title })}
      </Title>
      <Group gap={4} wrap="nowrap">
        <ActionIcon
          variant="subtle"
          ref={(el) => {
            controls.set(`${m.id}:up`, el);
          }}
          aria-label={t('teach.outline.moduleUp', { title: m.title })}
          title={t('teach.outline.moduleUp', { title: m.title })}
          disabled={index === 0}
          onClick={() => onMove(-1)}
          data-testid="module-move-up"
        >
          <span aria-hidden="true">↑</span>
        </ActionIcon>
        <ActionIcon
          variant="subtle"
          ref={(el) => {
            controls.set(`${m.id}:down`, el);
          }}
          aria-label={t('teach.outline.moduleDown', { title: m.title })}
          title={t('teach.outline.moduleDown', { title: m.title })}
          disabled={index === count - 1}
          onClick={() => onMove(1)}
          data-testid="module-move-down"
        >
          <span aria-hidden="true">↓</span>
        </ActionIcon>
        <Button size="compact-sm" variant="subtle" onClick={() => setRenaming(true)}>
          {t('teach.outline.rename')}
        </Button>
        {m.lessons.length === 0 && (
          <Button size="compact-sm" variant="subtle" color="red" onClick={() => setConfirming(true)}>
            {t('teach.outline.delete')}
          </Button>
        )}
      </Group>
      <ConfirmModal
        opened={confirming}
        title={t('teach.outline.deleteModuleTitle')}
        message={t('teach.outline.deleteModuleConfirm', { title: m.title })}
        confirmLabel={t('teach.outline.delete')}
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate()}
        onClose={() => setConfirming(false)}
      />
    </Group>
  );
}

function AddLesson({
  courseId,
  moduleId,
  onAdded,
}: {
  courseId: string;
  moduleId: string;
  onAdded: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<LessonKind>('text');
  const [error, setError] = useState<string | undefined>();
  const add = useMutation({
    mutationFn: () => catalogApi.createLesson(courseId, moduleId, { title: title.trim(), kind }),
    onSuccess: (lesson) => {
      setTitle('');
      notifications.show({ color: 'green', message: t('teach.outline.lessonAdded') });
      onAdded(lesson.id);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) {
      setError(t('common.required'));
      return;
    }
    setError(undefined);
    add.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-end" gap="xs" mt="sm" wrap="wrap">
        <TextInput
          label={t('teach.outline.newLesson')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={error}
          size="sm"
          style={{ flex: '1 1 14rem' }}
          data-testid="lesson-new-title"
        />
        <Select
          label={t('teach.outline.kind')}
          data={lessonKinds.map((k) => ({ value: k, label: t(`lessonKind.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v as LessonKind)}
          allowDeselect={false}
          size="sm"
          w={150}
          comboboxProps={{ withinPortal: true }}
        />
        <Button type="submit" size="sm" variant="light" loading={add.isPending} data-testid="lesson-add">
          {t('teach.outline.addLesson')}
        </Button>
      </Group>
      <ErrorAlert error={add.error} />
    </form>
  );
}

function AddModule({ courseId, onAdded }: { courseId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const add = useMutation({
    mutationFn: () => catalogApi.createModule(courseId, title.trim()),
    onSuccess: () => {
      setTitle('');
      onAdded();
    },
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (title.trim()) add.mutate();
      }}
    >
      <Group align="flex-end" gap="xs">
        <TextInput
          label={t('teach.outline.newModule')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          style={{ flex: '1 1 16rem' }}
          data-testid="module-new-title"
        />
        <Button type="submit" variant="default" loading={add.isPending} data-testid="module-add">
          {t('teach.outline.addModule')}
        </Button>
      </Group>
      <ErrorAlert error={add.error} />
    </form>
  );
}

function DeleteLesson({
  courseId,
  lesson,
  onClose,
  onDeleted,
}: {
  courseId: string;
  lesson: LessonOutline | null;
  onClose: () => void;
  onDeleted: () => void;
}) {
  const { t } = useTranslation();
  const remove = useMutation({
    mutationFn: (id: string) => catalogApi.deleteLesson(courseId, id),
    onSuccess: () => {
      onClose();
      onDeleted();
      notifications.show({ color: 'green', message: t('teach.outline.lessonDeleted') });
    },
  });
  return (
    <ConfirmModal
      opened={lesson !== null}
      title={t('teach.outline.deleteLessonTitle')}
      message={lesson ? t('teach.outline.deleteLessonConfirm', { title: lesson.title }) : ''}
      confirmLabel={t('teach.outline.delete')}
      loading={remove.isPending}
      error={remove.error}
      onConfirm={() => lesson && remove.mutate(lesson.id)}
      onClose={() => {
        remove.reset();
        onClose();
      }}
    />
  );
}
