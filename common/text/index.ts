/**
 * Vietnamese-aware text normalisation: the one place where search keys and match keys are made, so a
 * name typed on a phone, pasted from a PDF (often decomposed, NFD) or read from a spreadsheet meets the
 * stored one. Isomorphic: no node: or DOM imports. Unicode work is left to String.prototype.normalize;
 * only the Vietnamese tone placement is written by hand.
 *
 * Tone placement. Vietnamese is written in two accepted styles that differ only in where the tone mark
 * sits on an open syllable with a medial o/u: "old style" hòa, khỏe, thủy and "new style" hoà, khoẻ, thuỷ.
 * Keyboards (Unikey defaults to the old style), government documents and data sets mix both, so a search
 * for "Hòa Lạc" must find "Hoà Lạc". The canonical form here is the NEW style, the rule of the Ministry of
 * Education's spelling rules (tone on the main vowel, never on the medial o/u) and the style of the
 * official administrative-unit list we import (Thanh Hoá, Khánh Hoà, Xã Đàm Thuỷ). Per syllable:
 *   1. onset consonants are skipped; the u of "qu" and the i of "gi" (before another vowel) belong to
 *      the onset: quý, quốc, giữa, già;
 *   2. a vowel with its own mark (ă â ê ô ơ ư) takes the tone; in ươ the ơ: quốc, nghiêng, Nguyễn, người;
 *   3. otherwise a single vowel takes it;
 *   4. otherwise, with a final consonant, the last vowel: hoàng, khoát, huých;
 *   5. otherwise three vowels: the middle one: ngoài, khuỷu;
 *   6. otherwise two vowels: the second for oa, oe, uy (medial + main vowel: hoà, khoẻ, thuỷ), the first
 *      for falling diphthongs (ai ao au ay eo ia iu oi ua ui: Lào, mùa, mía, túi).
 * A word that is not one Vietnamese syllable (café, English, Japanese) is left as it is.
 */

/** Tone marks as combining characters: huyền, sắc, ngã, hỏi, nặng. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const VOWELS = new Set([...'aăâeêioôơuưy']);
/** Vowels that carry a quality mark of their own and therefore attract the tone. */
const MARKED_VOWELS = new Set([...'ăâêôơư']);
/** Letters a Vietnamese syllable may be written with, minority-language place names (Jút, Krông) included. */
const SYLLABLE_LETTERS = new Set([...'abcdefghijklmnopqrstuvwxyzăâêôơưđ']);
/** Open syllables whose first vowel is a medial glide, so the tone goes to the second (new style). */
const MEDIAL_PAIRS = new Set(['oa', 'oe', 'uy']);
/** Invisible characters that copy-paste from PDFs and web pages leaves inside words. */
const INVISIBLES = /[\u00ad\u200b\u2060\ufeff]/gu;
/** Combining diacritical marks on Latin letters only, so Japanese dakuten (U+3099) survive folding. */
const LATIN_MARKS = /[\u0300-\u036f]/gu;

const isVowel = (letter: string | undefined) => letter !== undefined && VOWELS.has(letter);

/**
 * Index (into the lower-cased, toneless letters of one syllable) of the letter that carries the tone,
 * or -1 when the letters are not one Vietnamese syllable.
 */
function toneIndex(letters: readonly string[]): number {
  let start = 0;
  while (start < letters.length && !isVowel(letters[start])) start++;
  if (start === letters.length) return -1;
  const first = letters[start];
  const next = letters[start + 1];
  if (first === 'u' && letters[start - 1] === 'q' && isVowel(next)) start++;
  else if (first === 'i' && start === 1 && letters[0] === 'g' && isVowel(next)) start++;

  let end = start;
  while (end < letters.length && isVowel(letters[end])) end++;
  if (letters.slice(end).some(isVowel)) return -1;
  const count = end - start;
  if (count > 3) return -1;

  for (let i = end - 1; i >= start; i--) if (MARKED_VOWELS.has(letters[i] as string)) return i;
  if (count === 1) return start;
  if (end < letters.length) return end - 1;
  if (count === 3) return start + 1;
  return MEDIAL_PAIRS.has(letters.slice(start, end).join('')) ? start + 1 : start;
}

/**
 * `fn` with its answers remembered, for text that repeats: names and places are made of a few
 * thousand syllables, and a roster of 100,000 rows would otherwise analyse the same ones again and
 * again. At most `max` answers are kept; then the memory starts afresh.
 */
export function remembered<T>(fn: (s: string) => T, max: number): (s: string) => T {
  const answers = new Map<string, T>();
  return (s) => {
    let answer = answers.get(s);
    if (answer === undefined) {
      if (answers.size >= max) answers.clear();
      answer = fn(s);
      answers.set(s, answer);
    }
    return answer;
  };
}

/** Moves the tone of one word (NFC) to its canonical letter, keeping the letters' case. */
const placeTone = remembered(placeToneOnce, 50_000);

function placeToneOnce(word: string): string {
  const decomposed = word.normalize('NFD');
  const tones = decomposed.match(TONE_MARKS);
  if (tones?.length !== 1) return word;
  const letters = [...decomposed.replace(TONE_MARKS, '').normalize('NFC')];
  const lower = letters.map((l) => l.toLowerCase());
  if (!lower.every((l) => SYLLABLE_LETTERS.has(l))) return word;
  const at = toneIndex(lower);
  if (at < 0) return word;
  letters[at] = `${letters[at]}${tones[0]}`.normalize('NFC');
  return letters.join('');
}

/**
 * The display form: NFC, trimmed, whitespace collapsed, tone marks in canonical (new style) position,
 * case kept. Use it for names that are stored and shown ("Thanh Hóa" → "Thanh Hoá").
 */
export function canonicalVi(s: string): string {
  return s
    .normalize('NFC')
    .replace(INVISIBLES, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[\p{L}\p{M}]+/gu, placeTone);
}

/** The match key that keeps diacritics: canonicalVi, lower-cased. "Hòa Lạc" and "HOÀ LẠC" → "hoà lạc". */
export function normalizeVi(s: string): string {
  return canonicalVi(s).toLowerCase().normalize('NFC');
}

/**
 * The search key: normalizeVi without diacritics, đ → d, anything but letters and digits → one space.
 * "Hoà Lạc", "hoa lac" and "HÒA LẠC" → "hoa lac". Compatibility forms are folded too (full-width
 * "ＨＡＮＯＩ", half-width kana), because this key is never shown.
 */
export function foldVi(s: string): string {
  return normalizeVi(s)
    .normalize('NFKD')
    .replace(LATIN_MARKS, '')
    .replace(/đ/gu, 'd')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim();
}

/** The words of foldVi. */
export function tokensVi(s: string): string[] {
  const folded = foldVi(s);
  return folded === '' ? [] : folded.split(' ');
}

/** Accent-, case- and spacing-insensitive equality. */
export function foldedEquals(a: string, b: string): boolean {
  return foldVi(a) === foldVi(b);
}

/** Accent-, case- and spacing-insensitive substring test; an empty needle is contained in everything. */
export function foldedContains(haystack: string, needle: string): boolean {
  return foldVi(haystack).includes(foldVi(needle));
}

/**
 * Damerau–Levenshtein distance (optimal string alignment: insertions, deletions, substitutions and
 * swaps of two neighbours each cost 1) over code points, on the strings as given.
 */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  if (s.length === 0) return t.length;
  if (t.length === 0) return s.length;
  // Three rolling rows: the swap rule looks two rows back.
  let before = new Array<number>(t.length + 1).fill(0);
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  let current = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= s.length; i++) {
    current[0] = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, (before[j - 2] as number) + 1);
      }
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[t.length] as number;
}

/**
 * How alike two names are once folded, from 0 (nothing in common) to 1 (same search key):
 * 1 − editDistance / length of the longer key. "Nguyen Van An" and "Nguyễn Văn  Ân" → 1;
 * "Ngyuen Van An" → 1 − 1/13.
 */
export function similarity(a: string, b: string): number {
  const x = foldVi(a);
  const y = foldVi(b);
  const longest = Math.max([...x].length, [...y].length);
  return longest === 0 ? 1 : 1 - editDistance(x, y) / longest;
}

/**
 * Where the words of `query` occur in `text`, ignoring accents and case, as [start, end) ranges of
 * `text` (UTF-16 indices), sorted and merged: what a search result highlights. "ban dan" marks
 * "bán dẫn" in "Kỹ thuật bán dẫn". Each character is folded on its own, so the ranges map back exactly.
 */
export function highlightRanges(text: string, query: string): [number, number][] {
  const words = tokensVi(query);
  if (words.length === 0 || text === '') return [];
  // The folded text, and for each of its characters the index of the character of `text` it came from.
  let folded = '';
  const from: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldVi(ch) || (/\s/u.test(ch) ? ' ' : '');
    for (let k = 0; k < f.length; k++) from.push(i);
    folded += f;
    i += ch.length;
  }
  from.push(text.length);
  const ranges: [number, number][] = [];
  for (const w of words) {
    let at = folded.indexOf(w);
    while (at !== -1) {
      const end = at + w.length;
      ranges.push([from[at]!, end < from.length - 1 ? from[end]! : text.length]);
      at = folded.indexOf(w, end);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Whether `query` carries Vietnamese diacritics (then a result written with the same ones ranks first). */
export const hasDiacritics = (query: string) =>
  foldVi(query) !==
  normalizeVi(query)
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')
    .trim();
