import { describe, expect, it } from 'vitest';
import { ReadCache } from './cache';

describe('ReadCache', () => {
  it('shares one load between concurrent readers and serves it until cleared', async () => {
    const cache = new ReadCache<number>({ ttlMs: 60_000, max: 10 });
    let loads = 0;
    const load = async () => ++loads;
    const [a, b] = await Promise.all([cache.get('k', load), cache.get('k', load)]);
    expect([a, b, loads]).toEqual([1, 1, 1]);
    expect(await cache.get('k', load)).toBe(1);
    cache.clear();
    expect(await cache.get('k', load)).toBe(2);
  });

  it('expires entries after the ttl and forgets failures', async () => {
    const cache = new ReadCache<number>({ ttlMs: 0, max: 10 });
    let loads = 0;
    await cache.get('k', async () => ++loads);
    await cache.get('k', async () => ++loads);
    expect(loads).toBe(2);
    const failing = new ReadCache<number>({ ttlMs: 60_000, max: 10 });
    await expect(failing.get('k', async () => Promise.reject(new Error('db down')))).rejects.toThrow(
      'db down',
    );
    expect(await failing.get('k', async () => 7)).toBe(7);
  });

  it('does not keep a value loaded while a write cleared the cache', async () => {
    const cache = new ReadCache<string>({ ttlMs: 60_000, max: 10 });
    let release!: (v: string) => void;
    const slow = cache.get('k', () => new Promise<string>((r) => (release = r)));
    cache.clear();
    release('stale');
    expect(await slow).toBe('stale');
    expect(await cache.get('k', async () => 'fresh')).toBe('fresh');
  });

  it('stays within its size bound', async () => {
    const cache = new ReadCache<number>({ ttlMs: 60_000, max: 2 });
    let loads = 0;
    for (const k of ['a', 'b', 'c']) await cache.get(k, async () => ++loads);
    await cache.get('a', async () => ++loads);
    expect(loads).toBe(4);
  });
});
