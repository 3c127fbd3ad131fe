/**
 * The answer keys as stored, and the grading of one answer against one key. Pure functions: no
 * database, no clock, so every rule here is unit-tested on its own.
 *
 * Scoring is by weight, as in Moodle, so banks imported from GIFT grade the way their authors expect:
 * - single choice: the chosen option's weight (several options may be fully right; a negative weight
 *   is a penalty);
 * - multiple choice: the sum of the chosen options' weights;
 * - short answer and numeric: the weight of the best accepted answer that matches;
 * and a question never scores below 0 nor above its points.
 *
 * Short answers are compared on foldVi: case, spacing, punctuation and diacritics are ignored, because
 * many learners type on phones without a Vietnamese keyboard ("Ha Noi" for "Hà Nội"). A question that
 * tests spelling sets `strictAccents`: then diacritics count (normalizeVi), while case, spacing and the
 * old/new tone placement (hòa/hoà) still do not.
 */
import { foldVi, normalizeVi } from '../../../common/text';
import type { QuestionKind } from '../../db/schema';

export interface StoredOption {
  id: string;
  /** Empty for true/false, whose options are the fixed ids "true" and "false". */
  text: string;
  feedback: string | null;
}
export interface AcceptedText {
  text: string;
  weight: number;
  feedback: string | null;
}
export interface AcceptedNumber {
  value: number | null;
  tolerance: number | null;
  min: number | null;
  max: number | null;
  weight: number;
  feedback: string | null;
}
export type AnswerKey =
  | { weights: Record<string, number> }
  | { correct: boolean }
  | { accepted: AcceptedText[]; strictAccents: boolean }
  | { accepted: AcceptedNumber[] };

export interface GradableQuestion {
  kind: QuestionKind;
  points: number;
  options: StoredOption[];
  answer: AnswerKey;
}

/** A learner's answer to one question; only the field of the question's kind is read. */
export interface GivenAnswer {
  optionIds?: string[] | null;
  isTrue?: boolean | null;
  text?: string | null;
  number?: number | null;
}

export interface Grade {
  /** Share of the points earned, 0..1. */
  fraction: number;
  earned: number;
  correct: boolean;
  /** Feedback on what was answered: the chosen options', the matched answer's. */
  feedback: string[];
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
/** Float sums of weights like 33.333 × 3 must still count as full marks. */
const EPSILON = 1e-6;

export const matchText = (strictAccents: boolean) => (s: string) =>
  strictAccents ? normalizeVi(s) : foldVi(s);

export function numberMatches(n: number, a: AcceptedNumber): boolean {
  if (a.min !== null && a.max !== null) return n >= a.min - EPSILON && n <= a.max + EPSILON;
  if (a.value === null) return false;
  // The tolerance is inclusive; the epsilon keeps 0.1 + 0.2 from missing 0.3.
  return Math.abs(n - a.value) <= (a.tolerance ?? 0) + EPSILON * Math.max(1, Math.abs(a.value));
}

function fractionOf(
  q: GradableQuestion,
  given: GivenAnswer | undefined,
): { raw: number; feedback: string[] } {
  const none = { raw: 0, feedback: [] };
  if (!given) return none;
  switch (q.kind) {
    case 'single':
    case 'multiple': {
      const { weights } = q.answer as { weights: Record<string, number> };
      const picked = [...new Set(given.optionIds ?? [])].filter((id) => id in weights);
      if (picked.length === 0) return none;
      // A single-choice answer with several picks is not an answer: take none rather than the best.
      if (q.kind === 'single' && picked.length > 1) return none;
      const raw = picked.reduce((sum, id) => sum + (weights[id] ?? 0), 0) / 100;
      const feedback = picked
        .map((id) => q.options.find((o) => o.id === id)?.feedback)
        .filter((f): f is string => !!f);
      return { raw, feedback };
    }
    case 'true_false': {
      if (typeof given.isTrue !== 'boolean') return none;
      const { correct } = q.answer as { correct: boolean };
      const option = q.options.find((o) => o.id === String(given.isTrue));
      return { raw: given.isTrue === correct ? 1 : 0, feedback: option?.feedback ? [option.feedback] : [] };
    }
    case 'short_answer': {
      if (typeof given.text !== 'string') return none;
      const { accepted, strictAccents } = q.answer as { accepted: AcceptedText[]; strictAccents: boolean };
      const key = matchText(strictAccents);
      const typed = key(given.text);
      if (typed === '') return none;
      const best = accepted.filter((a) => key(a.text) === typed).sort((a, b) => b.weight - a.weight)[0];
      return best ? { raw: best.weight / 100, feedback: best.feedback ? [best.feedback] : [] } : none;
    }
    case 'numeric': {
      if (typeof given.number !== 'number' || !Number.isFinite(given.number)) return none;
      const { accepted } = q.answer as { accepted: AcceptedNumber[] };
      const n = given.number;
      const best = accepted.filter((a) => numberMatches(n, a)).sort((a, b) => b.weight - a.weight)[0];
      return best ? { raw: best.weight / 100, feedback: best.feedback ? [best.feedback] : [] } : none;
    }
  }
}

export function gradeQuestion(q: GradableQuestion, given: GivenAnswer | undefined): Grade {
  const { raw, feedback } = fractionOf(q, given);
  const fraction = clamp01(raw);
  const full = fraction >= 1 - EPSILON;
  return {
    fraction: full ? 1 : fraction,
    earned: round(q.points * (full ? 1 : fraction), 4),
    correct: full,
    feedback,
  };
}

export const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
};

/** Score of an attempt in percent, two decimals (the column is numeric(5,2)). */
export function scorePct(earned: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(100, round((earned / total) * 100, 2));
}
