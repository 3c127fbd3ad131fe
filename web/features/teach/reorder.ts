/**
 * Moving lessons and modules in a course outline, as pure functions over the outline the editor
 * shows. The result is sent whole to PUT /api/courses/:id/outline, which takes the complete order.
 */

export interface OutlineModule {
  id: string;
  lessons: { id: string }[];
}

type Direction = -1 | 1;

/**
 * One step up or down. A lesson at the top of its module moves to the end of the module above; at the
 * bottom, to the start of the module below. Null when it cannot move further.
 */
export function moveLesson<M extends OutlineModule>(
  modules: M[],
  lessonId: string,
  dir: Direction,
): M[] | null {
  const mi = modules.findIndex((m) => m.lessons.some((l) => l.id === lessonId));
  if (mi < 0) return null;
  const module = modules[mi]!;
  const li = module.lessons.findIndex((l) => l.id === lessonId);
  const lesson = module.lessons[li]!;
  const target = li + dir;
  const next = modules.map((m) => ({ ...m, lessons: [...m.lessons] }));
  if (target >= 0 && target < module.lessons.length) {
    const lessons = next[mi]!.lessons;
    lessons.splice(li, 1);
    lessons.splice(target, 0, lesson);
    return next;
  }
  const neighbour = mi + dir;
  if (neighbour < 0 || neighbour >= modules.length) return null;
  next[mi]!.lessons.splice(li, 1);
  if (dir === -1) next[neighbour]!.lessons.push(lesson);
  else next[neighbour]!.lessons.unshift(lesson);
  return next;
}

/** Put a lesson just before another one (or at the end of a module when `beforeId` is null): drag and drop. */
export function placeLesson<M extends OutlineModule>(
  modules: M[],
  lessonId: string,
  moduleId: string,
  beforeId: string | null,
): M[] | null {
  if (lessonId === beforeId) return null;
  const from = modules.find((m) => m.lessons.some((l) => l.id === lessonId));
  const lesson = from?.lessons.find((l) => l.id === lessonId);
  if (!lesson || !modules.some((m) => m.id === moduleId)) return null;
  const next = modules.map((m) => ({ ...m, lessons: m.lessons.filter((l) => l.id !== lessonId) }));
  const into = next.find((m) => m.id === moduleId)!;
  const at = beforeId === null ? -1 : into.lessons.findIndex((l) => l.id === beforeId);
  if (at < 0) into.lessons.push(lesson);
  else into.lessons.splice(at, 0, lesson);
  const same = next.every(
    (m, i) => m.lessons.map((l) => l.id).join() === modules[i]!.lessons.map((l) => l.id).join(),
  );
  return same ? null : next;
}

export function moveModule<M extends OutlineModule>(
  modules: M[],
  moduleId: string,
  dir: Direction,
): M[] | null {
  const i = modules.findIndex((m) => m.id === moduleId);
  const j = i + dir;
  if (i < 0 || j < 0 || j >= modules.length) return null;
  const next = [...modules];
  [next[i], next[j]] = [next[j]!, next[i]!];
  return next;
}

/** The body of PUT …/outline. */
export const outlineBody = (modules: OutlineModule[]) => ({
  modules: modules.map((m) => ({ id: m.id, lessonIds: m.lessons.map((l) => l.id) })),
});

/** Where a lesson is now: its module's index and its 1-based place in that module. */
export function positionOf(modules: OutlineModule[], lessonId: string) {
  for (const [mi, m] of modules.entries()) {
    const li = m.lessons.findIndex((l) => l.id === lessonId);
    if (li >= 0) return { module: mi, position: li + 1 };
  }
  return null;
}
