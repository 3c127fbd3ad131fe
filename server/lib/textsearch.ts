/**
 * Pieces of accent-insensitive search over folded text (common/text foldVi), shared by the catalog
 * and the jobs board: which words a `simple` text-search index can answer, the tsquery for them, and
 * LIKE for the rest (Japanese, which has no spaces between words).
 */

/** Words the text-search parser reads as one ASCII word go through the index; others through LIKE. */
export const indexable = (w: string) => /^[a-z0-9]+$/.test(w);

/**
 * `ban & dan:*`, or with `weight` A `ban:A & dan:*A` (only in a title). Words are [a-z0-9]+ only, so
 * nothing in them is tsquery syntax.
 */
export function textQuery(words: string[], lastIsPrefix: boolean, weight = '') {
  return words
    .map((w, i) => `${w}${i === words.length - 1 && lastIsPrefix ? ':*' : weight ? ':' : ''}${weight}`)
    .join(' & ');
}

/** A LIKE pattern's special characters, escaped. */
export const likeEscaped = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
