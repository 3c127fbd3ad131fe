/**
 * A parser for GIFT, the plain-text question format of Moodle that partners' trainers already keep
 * their banks in. Written here, small and strict, so every construct maps onto our question kinds
 * and anything else becomes an error on its own question, never a crash of the whole file.
 *
 * Supported: `//` comment lines; questions separated by blank lines and spanning several lines;
 * `::title::`; `$CATEGORY:`; `[html]` / `[markdown]` / `[plain]` / `[moodle]` prefixes (prompts are
 * stored and shown as text: HTML is reduced to its text); escapes `\~ \= \# \{ \} \: \\ \n`;
 * single choice `{=right ~wrong}` (several `=` are several fully right choices); multiple answers
 * `{~%50%a ~%50%b ~%-100%c}`; per-answer feedback `#…` and general feedback `####…`; true/false
 * `{T}` `{TRUE}` `{F}` `{FALSE}` with `#wrong-answer feedback#right-answer feedback`; short answer
 * `{=a =b =%50%c}`; numeric `{#5:0.1}`, `{#1..5}`, `{#=5:0.5 =%50%5:1}` (also written `{=#5:0.5 …}`);
 * a blank in the middle of the text ("Silicon is {=a semiconductor} material") becomes "_____".
 * Refused, each with its reason: matching `{=a -> b}`, essay `{}`, description-only text.
 */
import sanitizeHtml from 'sanitize-html';
import type { CreateQuestionInput } from '../../../common/contracts/quizzes';

export interface GiftIssue {
  /** A key under `validation.` in the message files. */
  key: string;
  params?: Record<string, unknown>;
}

export interface GiftItem {
  /** 1-based position among the questions of the file. */
  index: number;
  /** 1-based line where the question starts. */
  line: number;
  title: string | null;
  category: string | null;
  /** The prompt as far as it could be read, for the import report. */
  prompt: string;
  input: CreateQuestionInput | null;
  issue: GiftIssue | null;
}

type Format = 'html' | 'markdown' | 'plain' | 'moodle';

// Escaped characters are swapped for private-use code points while the structure is read, then put back.
const ESCAPABLE = ['~', '=', '#', '{', '}', ':', '\\'] as const;
const HOLDER = Object.fromEntries(ESCAPABLE.map((c, i) => [c, String.fromCharCode(0xe000 + i)]));
const HOLDERS = /[\ue000-\ue006]/g;

const protect = (s: string) =>
  s.replace(/\\([~=#{}:\\n])/g, (_, c: string) => (c === 'n' ? '\n' : (HOLDER[c] as string)));
const restore = (s: string) => s.replace(HOLDERS, (h) => ESCAPABLE[h.charCodeAt(0) - 0xe000] as string);

const HTML_TAG =
  /<\/?(p|br|b|i|u|em|strong|span|div|ul|ol|li|sub|sup|code|pre|h[1-6]|img|a|table|tbody|tr|td|th|font|hr|blockquote)\b[^>]*>/i;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string) {
  return s.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}

/** The text of an HTML fragment: tags dropped (scripts with their content), line breaks kept. */
export function htmlToText(html: string) {
  const breaks = html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|div|li|h[1-6]|tr|blockquote)>/gi, '\n');
  return decodeEntities(sanitizeHtml(breaks, { allowedTags: [], allowedAttributes: {} }));
}

/** Restores escapes, reduces HTML to text and tidies whitespace; lines are kept. */
function textOf(s: string, format: Format | null) {
  let t = restore(s);
  if (format === 'html' || (format !== 'plain' && format !== 'markdown' && HTML_TAG.test(t)))
    t = htmlToText(t);
  return t
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function takeFormat(s: string): { format: Format | null; rest: string } {
  const m = /^\s*\[(html|markdown|plain|moodle)\]/i.exec(s);
  return m
    ? { format: m[1]!.toLowerCase() as Format, rest: s.slice(m[0].length) }
    : { format: null, rest: s };
}

const NUM = '[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?';
const RANGE = new RegExp(`^(${NUM})\\s*\\.\\.\\s*(${NUM})$`);
const VALUE = new RegExp(`^(${NUM})(?:\\s*:\\s*(${NUM}))?$`);

type NumberSpec = { value: number; tolerance: number } | { min: number; max: number };

function numberSpec(s: string): NumberSpec | null {
  const t = s.trim();
  const r = RANGE.exec(t);
  if (r) return { min: Number(r[1]), max: Number(r[2]) };
  const v = VALUE.exec(t);
  if (!v) return null;
  const tolerance = v[2] === undefined ? 0 : Number(v[2]);
  return tolerance < 0 ? null : { value: Number(v[1]), tolerance };
}

class Refusal extends Error {
  constructor(readonly issue: GiftIssue) {
    super(issue.key);
  }
}
const refuse = (key: string, params?: Record<string, unknown>): never => {
  throw new Refusal({ key, params });
};

interface Token {
  mark: '=' | '~';
  weight: number | null;
  body: string;
}

/** `=a#fb ~%50%b` → tokens; text before the first mark is an error. */
function tokens(block: string): Token[] {
  const out: Token[] = [];
  const first = block.search(/[=~]/);
  if (first < 0 || block.slice(0, first).trim() !== '') refuse('gift.badAnswers');
  for (const m of block.slice(first).matchAll(/([=~])([^=~]*)/g)) {
    let body = m[2] ?? '';
    let weight: number | null = null;
    const w = /^\s*%(-?\d+(?:\.\d+)?)%/.exec(body);
    if (w) {
      weight = Number(w[1]);
      if (weight < -100 || weight > 100) refuse('gift.badWeight', { weight: w[1] });
      body = body.slice(w[0].length);
    } else if (/^\s*%/.test(body)) refuse('gift.badWeight', { weight: body.trim().slice(0, 10) });
    out.push({ mark: m[1] as '=' | '~', weight, body });
  }
  return out;
}

/** Splits `text#feedback`. */
function withFeedback(body: string, format: Format | null) {
  const at = body.indexOf('#');
  const text = textOf(at < 0 ? body : body.slice(0, at), format);
  const feedback = at < 0 ? null : textOf(body.slice(at + 1), format) || null;
  return { text, feedback };
}

function numericAnswers(parts: { weight: number | null; body: string; wrong: boolean }[]) {
  const numbers: NonNullable<CreateQuestionInput['numbers']> = [];
  for (const p of parts) {
    const at = p.body.indexOf('#');
    const spec = at < 0 ? p.body : p.body.slice(0, at);
    const feedback = at < 0 ? null : textOf(p.body.slice(at + 1), null) || null;
    if (p.wrong && spec.trim() === '') continue; // "~#feedback" on any other answer: nothing to grade
    const parsed = numberSpec(restore(spec));
    if (!parsed) refuse('gift.badNumber', { value: restore(spec).trim().slice(0, 40) });
    numbers.push({ ...parsed, weight: p.wrong ? 0 : (p.weight ?? 100), feedback });
  }
  if (numbers.length === 0) refuse('gift.badNumber', { value: '' });
  return numbers;
}

type BlockResult = Omit<CreateQuestionInput, 'prompt'>;

function parseBlock(raw: string, format: Format | null): BlockResult {
  let block = raw;
  let feedback: string | null = null;
  const general = block.indexOf('####');
  if (general >= 0) {
    feedback = textOf(block.slice(general + 4), format) || null;
    block = block.slice(0, general);
  }
  block = block.trim();
  if (block === '') refuse('gift.essay');

  const tf = /^(T|TRUE|F|FALSE)\s*(?:#|$)/i.exec(block);
  if (tf) {
    const [, wrong, right] = block.split('#');
    const correct = /^t/i.test(tf[1]!);
    const wrongFb = wrong === undefined ? null : textOf(wrong, format) || null;
    const rightFb = right === undefined ? null : textOf(right, format) || null;
    return {
      kind: 'true_false',
      correct,
      feedbackTrue: correct ? rightFb : wrongFb,
      feedbackFalse: correct ? wrongFb : rightFb,
      feedback,
    };
  }

  if (block.startsWith('#')) {
    const body = block.slice(1);
    if (/[=~]/.test(body)) {
      const parts = tokens(body).map((t) => ({ weight: t.weight, body: t.body, wrong: t.mark === '~' }));
      return { kind: 'numeric', numbers: numericAnswers(parts), feedback };
    }
    return { kind: 'numeric', numbers: numericAnswers([{ weight: null, body, wrong: false }]), feedback };
  }

  const list = tokens(block);
  if (list.some((t) => restore(t.body).includes('->'))) refuse('gift.matching');
  // `{=#5:0.5 =%50%#5:1}`: numeric answers written without the leading `#`.
  if (list.every((t) => t.mark === '=' && /^\s*#/.test(t.body))) {
    const parts = list.map((t) => ({ weight: t.weight, body: t.body.replace(/^\s*#/, ''), wrong: false }));
    return { kind: 'numeric', numbers: numericAnswers(parts), feedback };
  }

  const read = list.map((t) => ({ ...t, ...withFeedback(t.body, format) }));
  if (read.some((t) => t.text === '')) refuse('gift.emptyAnswer');
  if (!read.some((t) => t.mark === '~')) {
    return {
      kind: 'short_answer',
      answers: read.map((t) => ({ text: t.text, weight: t.weight ?? 100, feedback: t.feedback })),
      feedback,
    };
  }
  // Moodle's rule: with a `=` it is single choice; with only `~%n%` weights it is multiple answers.
  const single = read.some((t) => t.mark === '=');
  if (!single && !read.some((t) => (t.weight ?? 0) > 0)) refuse('gift.noCorrect');
  return {
    kind: single ? 'single' : 'multiple',
    choices: read.map((t) => ({
      text: t.text,
      weight: t.weight ?? (t.mark === '=' ? 100 : 0),
      feedback: t.feedback,
    })),
    feedback,
  };
}

function parseQuestion(
  raw: string,
  category: string | null,
): Pick<GiftItem, 'title' | 'prompt' | 'input' | 'issue'> {
  let s = protect(raw).trim();
  let title: string | null = null;
  let prompt = textOf(s.replace(/^::[\s\S]*?::/, '').replace(/\{[\s\S]*$/, ''), null).slice(0, 300);
  try {
    if (s.startsWith('::')) {
      const end = s.indexOf('::', 2);
      if (end < 0) refuse('gift.badTitle');
      title = textOf(s.slice(2, end), null) || null;
      s = s.slice(end + 2);
    }
    const open = s.indexOf('{');
    if (open < 0) refuse('gift.noAnswers');
    const close = s.indexOf('}', open);
    if (close < 0) refuse('gift.unclosed');
    if (s.indexOf('{', open + 1) >= 0 || s.indexOf('}', close + 1) >= 0) refuse('gift.severalBlocks');
    const { format, rest } = takeFormat(s.slice(0, open));
    const before = textOf(rest, format);
    const after = textOf(s.slice(close + 1), format);
    prompt = after ? `${before} _____ ${after}`.trim() : before;
    if (!prompt) refuse('gift.emptyPrompt');
    const block = parseBlock(s.slice(open + 1, close), format);
    return { title, prompt, input: { ...block, prompt, category }, issue: null };
  } catch (e) {
    if (e instanceof Refusal) return { title, prompt, input: null, issue: e.issue };
    throw e;
  }
}

/** `$course$/top/Phòng sạch/Quy tắc` → `Phòng sạch/Quy tắc`. */
function categoryOf(line: string): string | null {
  const path = restore(protect(line.replace(/^\s*\$CATEGORY:/i, '')))
    .trim()
    .replace(/^\$[a-z0-9]+\$\//i, '')
    .replace(/^top(\/|$)/i, '')
    .trim();
  return path === '' ? null : path;
}

/** Reads a whole GIFT file. Never throws on bad content: each question carries its issue. */
export function parseGift(source: string, opts: { category?: string | null } = {}): GiftItem[] {
  const lines = source
    .replace(/^\ufeff/, '')
    .replace(HOLDERS, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const items: GiftItem[] = [];
  let category = opts.category?.trim() || null;
  let chunk: string[] = [];
  let start = 0;
  const flush = () => {
    if (chunk.length === 0) return;
    const parsed = parseQuestion(chunk.join('\n'), category);
    items.push({ index: items.length + 1, line: start, category, ...parsed });
    chunk = [];
  };
  lines.forEach((line, i) => {
    const trimmed = line.trim();
    if (trimmed.startsWith('//')) return;
    if (trimmed === '') {
      flush();
      return;
    }
    if (/^\$CATEGORY:/i.test(trimmed)) {
      flush();
      category = categoryOf(trimmed);
      return;
    }
    if (chunk.length === 0) start = i + 1;
    chunk.push(line);
  });
  flush();
  return items;
}
