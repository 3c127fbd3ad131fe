/**
 * A small in-process cache for public reads that are asked often and change rarely (organisation and
 * program lists). Writes in this process clear it at once; other processes (several servers on one
 * PostgreSQL) see a change within `ttlMs`. Loads of the same key are shared, so a burst of identical
 * requests costs one query.
 */
export class ReadCache<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T> }>();
  private generation = 0;
  constructor(private readonly opts: { ttlMs: number; max: number }) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.at < this.opts.ttlMs) return hit.value;
    const generation = this.generation;
    const value = load();
    this.entries.set(key, { at: Date.now(), value });
    // A failed load is not remembered; neither is one that raced with a write.
    value.then(
      () => {
        if (generation !== this.generation) this.entries.delete(key);
      },
      () => this.entries.delete(key),
    );
    if (this.entries.size > this.opts.max) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  clear() {
    this.generation++;
    this.entries.clear();
  }
}
