/**
 * The words of folded texts (common/text foldVi) → the documents holding them, to answer "every word
 * must match" in memory exactly as the search's SQL does (repo.ts `wordsMatch`):
 *
 * - a word of [a-z0-9] only goes to the text-search vector: the document must hold a lexeme equal to
 *   it, or, for the query's last word, a lexeme starting with it (`to_tsquery('simple', 'ban & dan:*')`);
 * - any other word (Japanese, letters folding cannot make ASCII) is `LIKE '%word%'` over the body:
 *   since such a word has no space, it occurs inside one space-separated token of the body, and only in
 *   a token holding a character outside [a-z0-9] as well.
 *
 * Lexemes are what PostgreSQL's parser makes of each token. For a token of ASCII letters and digits
 * starting with a letter, or of digits only, that is the token itself (checked against both databases
 * in the tests); other tokens ("56e2e" is read as the number 56e2 and the word e, Japanese, mixed) are
 * asked from the database once and handed in. A query word the parser would split is not answered here.
 *
 * Documents are numbered in the order the search shows them (newest first); every posting list is a
 * sorted Int32Array of those numbers, so walking an intersection meets the matches in that order and
 * can stop once it has the page and the capped count.
 */

import { indexable } from '../../../lib/textsearch';

/** A folded token PostgreSQL's text-search parser reads as exactly itself, one lexeme. */
export const parsesAsItself = (t: string) => t.length <= 1000 && /^(?:[a-z][a-z0-9]*|[0-9]+)$/.test(t);

/** Lexemes of tokens that do not parse as themselves, as `tsvector_to_array(to_tsvector('simple', t))`. */
export type LexemeTable = ReadonlyMap<string, readonly string[]>;

export interface IndexedText {
  /** Matched by its lexemes and, for unindexable words, by LIKE (search_folded). */
  body: string;
  /** Matched by its lexemes only (a course's title_folded, which is in its search vector too). */
  extra?: string;
}

/** A growable Int32 buffer. */
class Ints {
  data = new Int32Array(1024);
  length = 0;
  push(v: number) {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/** Lets other work run (a request waiting on the event loop) during a long build. */
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Documents handled between pauses in the second pass. */
const STRIDE = 16_384;

const codeUnitOrder = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Builds a WordIndex from documents added in the order they are shown: the first pass (each
 * document's tokens) as they are read, the second (lexemes and postings) in `build`, with pauses.
 */
export class WordIndexBuilder {
  private n = 0;
  private readonly tokenIds = new Map<string, number>();
  private readonly tokens: string[] = [];
  private readonly isOther: boolean[] = [];
  private readonly lastDoc = new Ints();
  private readonly lastBody = new Ints();
  /** Each document's distinct tokens, from `starts[d]`. */
  private readonly refs = new Ints();
  private readonly starts = new Ints();
  /** (token, document) for the body's tokens outside [a-z0-9], in document order. */
  private readonly otherToken = new Ints();
  private readonly otherDoc = new Ints();

  private tokenId(t: string): number {
    let id = this.tokenIds.get(t);
    if (id === undefined) {
      id = this.tokens.length;
      this.tokenIds.set(t, id);
      this.tokens.push(t);
      this.isOther.push(!indexable(t));
      this.lastDoc.push(-1);
      this.lastBody.push(-1);
    }
    return id;
  }

  /** The next document (numbered from 0). */
  add({ body, extra }: IndexedText) {
    const d = this.n++;
    const { lastDoc, lastBody, refs } = this;
    this.starts.push(refs.length);
    for (const t of body.split(' ')) {
      if (t === '') continue;
      const id = this.tokenId(t);
      if (lastBody.data[id] === d) continue;
      lastBody.data[id] = d;
      lastDoc.data[id] = d;
      refs.push(id);
      if (this.isOther[id]) {
        this.otherToken.push(id);
        this.otherDoc.push(d);
      }
    }
    if (extra) {
      for (const t of extra.split(' ')) {
        if (t === '') continue;
        const id = this.tokenId(t);
        if (lastDoc.data[id] === d) continue;
        lastDoc.data[id] = d;
        refs.push(id);
      }
    }
  }

  /** The tokens whose lexemes must be asked from the database before `build`. */
  tokensToParse(): string[] {
    return this.tokens.filter((t) => !parsesAsItself(t));
  }

  /** `parsed` holds the lexemes of every token `tokensToParse` named (one missing has none). */
  async build(parsed: LexemeTable): Promise<WordIndex> {
    const n = this.n;
    const { tokens, refs, starts } = this;
    starts.push(refs.length);

    // Every token's lexemes, as lexeme ids.
    const lexemeIds = new Map<string, number>();
    const lexemes: string[] = [];
    const lexemeOf = (l: string) => {
      let id = lexemeIds.get(l);
      if (id === undefined) {
        id = lexemes.length;
        lexemeIds.set(l, id);
        lexemes.push(l);
      }
      return id;
    };
    /** One lexeme id per token, or -1 and the ids in `manyLexemes` (none, or several). */
    const single = new Int32Array(tokens.length);
    const manyLexemes = new Map<number, number[]>();
    tokens.forEach((t, id) => {
      const ls = parsesAsItself(t) ? [t] : (parsed.get(t) ?? []);
      if (ls.length === 1) single[id] = lexemeOf(ls[0]!);
      else {
        single[id] = -1;
        manyLexemes.set(id, ls.map(lexemeOf));
      }
    });

    // The second pass, twice: count, then fill, each lexeme's documents (each document once).
    const lexemeLast = new Int32Array(lexemes.length);
    const eachLexeme = (d: number, fn: (lexeme: number) => void) => {
      for (let k = starts.data[d]!; k < starts.data[d + 1]!; k++) {
        const token = refs.data[k]!;
        const one = single[token]!;
        if (one >= 0) {
          if (lexemeLast[one] !== d) {
            lexemeLast[one] = d;
            fn(one);
          }
        } else {
          for (const l of manyLexemes.get(token)!) {
            if (lexemeLast[l] !== d) {
              lexemeLast[l] = d;
              fn(l);
            }
          }
        }
      }
    };
    const lexemeCount = new Int32Array(lexemes.length);
    lexemeLast.fill(-1);
    for (let d = 0; d < n; d++) {
      if (d % STRIDE === STRIDE - 1) await pause();
      eachLexeme(d, (l) => {
        lexemeCount[l]!++;
      });
    }
    const postings = Array.from(lexemes, (_, l) => new Int32Array(lexemeCount[l]!));
    const fill = new Int32Array(lexemes.length);
    lexemeLast.fill(-1);
    for (let d = 0; d < n; d++) {
      if (d % STRIDE === STRIDE - 1) await pause();
      eachLexeme(d, (l) => {
        postings[l]![fill[l]!++] = d;
      });
    }

    // The body's other tokens, for LIKE. One that is its own only lexeme, in bodies only, shares
    // that lexeme's list.
    const { otherToken, otherDoc } = this;
    const otherCount = new Map<number, number>();
    for (let k = 0; k < otherToken.length; k++) {
      const id = otherToken.data[k]!;
      otherCount.set(id, (otherCount.get(id) ?? 0) + 1);
    }
    const otherIds = [...otherCount.keys()];
    const own = new Map(otherIds.map((id) => [id, new Int32Array(otherCount.get(id)!)]));
    const otherFill = new Map(otherIds.map((id) => [id, 0]));
    for (let k = 0; k < otherToken.length; k++) {
      const id = otherToken.data[k]!;
      const at = otherFill.get(id)!;
      own.get(id)![at] = otherDoc.data[k]!;
      otherFill.set(id, at + 1);
    }
    const otherPostings = otherIds.map((id) => {
      const l = single[id]!;
      const shared = l >= 0 && lexemes[l] === tokens[id] ? postings[l]! : undefined;
      return shared && shared.length === own.get(id)!.length ? shared : own.get(id)!;
    });

    const order = lexemes.map((_, i) => i).sort((a, b) => codeUnitOrder(lexemes[a]!, lexemes[b]!));
    return new WordIndex(
      n,
      order.map((i) => lexemes[i]!),
      order.map((i) => postings[i]!),
      otherIds.map((id) => tokens[id]!),
      otherPostings,
    );
  }
}

/** One condition of a query: the documents a word allows, as a sorted list or a membership bitmap. */
type DocSet = { list: Int32Array } | { bits: Uint8Array; size: number };

const EMPTY = new Int32Array(0);

export class WordIndex {
  /**
   * `lexemes` in UTF-16 order (so the lexemes starting with a prefix are one run) with their
   * documents; `others`, the body's tokens holding a character outside [a-z0-9] (the only ones LIKE
   * for an unindexable word can hit), with theirs.
   */
  constructor(
    readonly size: number,
    private readonly lexemes: readonly string[],
    private readonly lexemePostings: readonly Int32Array[],
    private readonly others: readonly string[],
    private readonly otherPostings: readonly Int32Array[],
  ) {}

  /** Documents in order, built at once (tests). */
  static of(texts: Iterable<IndexedText>, parsed: LexemeTable): Promise<WordIndex> {
    const b = new WordIndexBuilder();
    for (const t of texts) b.add(t);
    return b.build(parsed);
  }

  /** Bytes held by the postings (what grows with the documents), for the log. */
  get postingBytes(): number {
    let bytes = 0;
    for (const p of this.lexemePostings) bytes += p.byteLength;
    for (let i = 0; i < this.others.length; i++) {
      if (this.otherPostings[i] !== this.lexemePostings[this.find(this.others[i]!)]) {
        bytes += this.otherPostings[i]!.byteLength;
      }
    }
    return bytes;
  }

  /** How many distinct lexemes. */
  get vocabulary(): number {
    return this.lexemes.length;
  }

  /** The first position whose lexeme is ≥ `w`. */
  private lowerBound(w: string): number {
    let lo = 0;
    let hi = this.lexemes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.lexemes[mid]! < w) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private find(w: string): number {
    const at = this.lowerBound(w);
    return this.lexemes[at] === w ? at : -1;
  }

  /**
   * The conditions of a query's folded words, or null when this index cannot answer it: an indexable
   * word the parser does not read as itself, unless `parsedWords` says it does.
   */
  private conditions(words: readonly string[], parsedWords: LexemeTable): DocSet[] | null {
    const out: DocSet[] = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      let lists: Int32Array[];
      if (indexable(w)) {
        if (!parsesAsItself(w)) {
          const ls = parsedWords.get(w);
          if (ls?.length !== 1 || ls[0] !== w) return null;
        }
        if (i === words.length - 1) {
          lists = [];
          for (let k = this.lowerBound(w); k < this.lexemes.length && this.lexemes[k]!.startsWith(w); k++) {
            lists.push(this.lexemePostings[k]!);
          }
        } else {
          const at = this.find(w);
          lists = at < 0 ? [] : [this.lexemePostings[at]!];
        }
      } else {
        lists = [];
        for (let k = 0; k < this.others.length; k++) {
          if (this.others[k]!.includes(w)) lists.push(this.otherPostings[k]!);
        }
      }
      out.push(this.union(lists));
    }
    return out;
  }

  private union(lists: Int32Array[]): DocSet {
    if (lists.length === 0) return { list: EMPTY };
    if (lists.length === 1) return { list: lists[0]! };
    let total = 0;
    for (const l of lists) total += l.length;
    if (total * 16 < this.size) {
      const all = new Int32Array(total);
      let at = 0;
      for (const l of lists) {
        all.set(l, at);
        at += l.length;
      }
      all.sort();
      let kept = 0;
      for (let k = 0; k < all.length; k++) if (k === 0 || all[k] !== all[k - 1]) all[kept++] = all[k]!;
      return { list: all.subarray(0, kept) };
    }
    const bits = new Uint8Array(this.size);
    for (const l of lists) for (let k = 0; k < l.length; k++) bits[l[k]!] = 1;
    return { bits, size: total };
  }

  /**
   * Calls `visit` with every document that holds every word, is in every `among` list (a filter's
   * documents, sorted) and passes `accept`, in document order, until `visit` answers false. Answers
   * false when the index cannot take the query (nothing visited).
   */
  match(
    words: readonly string[],
    parsedWords: LexemeTable,
    among: readonly Int32Array[],
    accept: (doc: number) => boolean,
    visit: (doc: number) => boolean,
  ): boolean {
    const conds = this.conditions(words, parsedWords);
    if (!conds) return false;
    for (const list of among) conds.push({ list });
    if (conds.length === 0) return true;
    // Walk the smallest list; the others are checked by galloping forward or by their bitmap.
    let driver: Int32Array | undefined;
    for (const c of conds) if ('list' in c && (!driver || c.list.length < driver.length)) driver = c.list;
    if (!driver) {
      let smallest = conds[0] as { bits: Uint8Array; size: number };
      for (const c of conds) if ('bits' in c && c.size < smallest.size) smallest = c;
      const docs = new Ints();
      for (let d = 0; d < this.size; d++) if (smallest.bits[d]) docs.push(d);
      driver = docs.data.subarray(0, docs.length);
    }
    const lists: Int32Array[] = [];
    const bitmaps: Uint8Array[] = [];
    for (const c of conds) {
      if ('list' in c) {
        if (c.list !== driver) lists.push(c.list);
      } else bitmaps.push(c.bits);
    }
    const cursors = new Int32Array(lists.length);
    outer: for (let k = 0; k < driver.length; k++) {
      const d = driver[k]!;
      for (const b of bitmaps) if (!b[d]) continue outer;
      for (let i = 0; i < lists.length; i++) {
        const list = lists[i]!;
        const at = gallop(list, cursors[i]!, d);
        cursors[i] = at;
        if (at === list.length) return true;
        if (list[at] !== d) continue outer;
      }
      if (!accept(d)) continue;
      if (!visit(d)) return true;
    }
    return true;
  }
}

/** The first position ≥ `from` in a sorted list whose value is ≥ `target` (exponential, then binary). */
function gallop(list: Int32Array, from: number, target: number): number {
  if (from >= list.length || list[from]! >= target) return from;
  let step = 1;
  let lo = from;
  let hi = from + step;
  while (hi < list.length && list[hi]! < target) {
    lo = hi;
    step *= 2;
    hi = from + step;
  }
  if (hi > list.length) hi = list.length;
  // list[lo] < target; the answer is in (lo, hi].
  lo++;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Which documents' text contains a word anywhere (LIKE '%word%'), for words without spaces: such a
 * word occurs inside one space-separated token, so the tokens are searched, not the documents.
 */
export class SubstringIndex {
  private readonly tokens: string[] = [];
  private readonly postings: Int32Array[] = [];

  constructor(
    texts: readonly string[],
    readonly size = texts.length,
  ) {
    const byToken = new Map<string, Ints>();
    texts.forEach((text, d) => {
      for (const t of text.split(' ')) {
        if (t === '') continue;
        let docs = byToken.get(t);
        if (!docs) {
          docs = new Ints();
          byToken.set(t, docs);
        }
        if (docs.length === 0 || docs.data[docs.length - 1] !== d) docs.push(d);
      }
    });
    for (const [t, docs] of byToken) {
      this.tokens.push(t);
      this.postings.push(docs.data.slice(0, docs.length));
    }
  }

  /** The documents containing `w` (no spaces in it), as a membership bitmap. */
  containing(w: string): Uint8Array {
    const bits = new Uint8Array(this.size);
    for (let k = 0; k < this.tokens.length; k++) {
      if (!this.tokens[k]!.includes(w)) continue;
      const docs = this.postings[k]!;
      for (let i = 0; i < docs.length; i++) bits[docs[i]!] = 1;
    }
    return bits;
  }
}
