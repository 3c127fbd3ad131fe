import { describe, expect, it } from 'vitest';
import en from './en.json';
import ja from './ja.json';
import vi from './vi.json';

type Tree = { [key: string]: string | Tree };

/** Every key as a path; plural forms ("hours_one", "hours_other") count as one key ("hours"). */
function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string'
      ? [`${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`]
      : keys(v, `${prefix}${k}.`),
  );
}

/** The {{placeholders}} of every text, by key. */
function placeholders(tree: Tree, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([k, v]) =>
      typeof v === 'string'
        ? [
            [
              `${prefix}${k}`,
              [...v.matchAll(/\{\{(\w+)\}\}/g)]
                .map((m) => m[1])
                .sort()
                .join(','),
            ],
          ]
        : Object.entries(placeholders(v, `${prefix}${k}.`)),
    ),
  );
}

describe('translations', () => {
  const viKeys = [...new Set(keys(vi))].sort();
  it.each([
    ['en', en],
    ['ja', ja],
  ])('%s has exactly the keys of vi', (_, other) => {
    expect([...new Set(keys(other as Tree))].sort()).toEqual(viKeys);
  });

  it.each([
    ['en', en],
    ['ja', ja],
  ])('%s uses the same placeholders as vi', (_, other) => {
    const base = placeholders(vi);
    const theirs = placeholders(other as Tree);
    for (const [key, names] of Object.entries(theirs)) {
      const viKey = key in base ? key : key.replace(/_(zero|one|two|few|many)$/, '_other');
      if (viKey in base) expect(`${key}: ${names}`).toBe(`${key}: ${base[viKey]}`);
    }
  });
});
