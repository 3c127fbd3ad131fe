/**
 * Lessons this browser has seen marked done, per enrolment. The API answers "mark done" with the new
 * progress but has no call listing a learner's done lessons, so the player remembers what it was told
 * (for this visit) to show ✓ on the lessons and the button; the server stays the judge of completion.
 */
import { useSyncExternalStore } from 'react';

const done = new Map<string, ReadonlySet<string>>();
const listeners = new Set<() => void>();
const EMPTY: ReadonlySet<string> = new Set();

export function markLessonDone(enrolmentId: string, lessonId: string) {
  const before = done.get(enrolmentId) ?? EMPTY;
  if (before.has(lessonId)) return;
  done.set(enrolmentId, new Set([...before, lessonId]));
  for (const l of listeners) l();
}

export function useDoneLessons(enrolmentId: string | undefined): ReadonlySet<string> {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => (enrolmentId ? (done.get(enrolmentId) ?? EMPTY) : EMPTY),
  );
}
