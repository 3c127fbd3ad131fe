/**
 * In-process notice that some public data changed, for caches of reads that combine several modules
 * (the one search box reads courses and jobs): a module says `changed('courses', db)` after a commit;
 * whoever cached something built from courses listens. Other processes rely on their caches' TTL.
 */
export type Topic = 'courses' | 'jobs';

const listeners = new Map<Topic, Set<(db: object) => void>>();

export function onChange(topics: readonly Topic[], fn: (db: object) => void) {
  for (const t of topics) {
    const set = listeners.get(t) ?? new Set();
    listeners.set(t, set);
    set.add(fn);
  }
}

export function changed(topic: Topic, db: object) {
  for (const fn of listeners.get(topic) ?? []) fn(db);
}
