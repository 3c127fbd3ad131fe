/**
 * A question between its two forms: the author's input (common/contracts/quizzes CreateQuestionBody,
 * also what the GIFT parser produces) and the stored row (`options` with stable choice ids, `answer`
 * the key). The rules of each kind live here, once, for the HTTP endpoints and the GIFT import alike.
 */
import { randomBytes } from 'node:crypto';
import { Value } from 'typebox/value';
import { CreateQuestionBody, type CreateQuestionInput } from '../../../common/contracts/quizzes';
import { normalizeVi } from '../../../common/text';
import type { QuestionKind } from '../../db/schema';
import {
  type AcceptedNumber,
  type AcceptedText,
  type AnswerKey,
  matchText,
  type StoredOption,
} from './grading';

export interface StoredQuestion {
  kind: QuestionKind;
  prompt: string;
  points: number;
  category: string | null;
  feedback: string | null;
  options: StoredOption[];
  answer: AnswerKey;
}

/** A problem with one field: JSON pointer, a key under `validation.` in the message files, its params. */
export interface Issue {
  path: string;
  key: string;
  params?: Record<string, unknown>;
}

export type Checked = { ok: true; question: StoredQuestion } | { ok: false; issues: Issue[] };

const EPSILON = 1e-6;
const text = (s: string | null | undefined) => {
  const t = (s ?? '').replace(/\r\n?/g, '\n').trim();
  return t === '' ? null : t;
};

export const newOptionId = () => randomBytes(6).toString('hex').slice(0, 8);

/** The input's shape and limits, for inputs that did not come through the HTTP validator (GIFT). */
export function shapeIssues(input: unknown): Issue[] {
  return Value.Errors(CreateQuestionBody, input).map((e) => {
    const known: Record<string, string> = {
      maxLength: 'maxLength',
      minLength: 'minLength',
      maxItems: 'quiz.maxItems',
      minItems: 'quiz.minItems',
      minimum: 'minimum',
      maximum: 'maximum',
    };
    return { path: e.instancePath || '/', key: known[e.keyword] ?? 'format', params: { ...e.params } };
  });
}

/** Checks the rules of the question's kind and builds the row; never throws. */
export function checkQuestion(input: CreateQuestionInput): Checked {
  const issues: Issue[] = [];
  const prompt = text(input.prompt);
  if (!prompt) issues.push({ path: '/prompt', key: 'required' });
  let options: StoredOption[] = [];
  let answer: AnswerKey | null = null;

  switch (input.kind) {
    case 'single':
    case 'multiple': {
      const choices = input.choices ?? [];
      if (choices.length < 2) {
        issues.push({ path: '/choices', key: 'quiz.needsChoices' });
        break;
      }
      const ids = new Set<string>();
      const texts = new Set<string>();
      choices.forEach((c, i) => {
        if (c.id !== undefined) {
          if (ids.has(c.id)) issues.push({ path: `/choices/${i}/id`, key: 'quiz.duplicateChoice' });
          ids.add(c.id);
        }
        const t = text(c.text);
        if (!t) issues.push({ path: `/choices/${i}/text`, key: 'required' });
        else if (texts.has(normalizeVi(t)))
          issues.push({ path: `/choices/${i}/text`, key: 'quiz.duplicateChoice' });
        else texts.add(normalizeVi(t));
      });
      const weights: Record<string, number> = {};
      options = choices.map((c) => {
        let id = c.id;
        while (!id || (c.id === undefined && ids.has(id))) id = newOptionId();
        ids.add(id);
        weights[id] = c.weight;
        return { id, text: text(c.text) ?? '', feedback: text(c.feedback) };
      });
      if (input.kind === 'single') {
        if (!choices.some((c) => c.weight >= 100 - EPSILON))
          issues.push({ path: '/choices', key: 'quiz.noCorrectChoice' });
      } else {
        const positive = choices.reduce((s, c) => s + Math.max(0, c.weight), 0);
        // Moodle's rule: the right choices add up to 100 %; 3 × 33.333 is close enough.
        if (Math.abs(positive - 100) > 1) issues.push({ path: '/choices', key: 'quiz.weightsSum' });
      }
      answer = { weights };
      break;
    }
    case 'true_false': {
      if (typeof input.correct !== 'boolean') issues.push({ path: '/correct', key: 'required' });
      options = [
        { id: 'true', text: '', feedback: text(input.feedbackTrue) },
        { id: 'false', text: '', feedback: text(input.feedbackFalse) },
      ];
      answer = { correct: input.correct === true };
      break;
    }
    case 'short_answer': {
      const given = input.answers ?? [];
      if (given.length === 0) {
        issues.push({ path: '/answers', key: 'required' });
        break;
      }
      const strictAccents = input.strictAccents === true;
      const key = matchText(strictAccents);
      const accepted: AcceptedText[] = given.map((a, i) => {
        const t = text(a.text) ?? '';
        if (key(t) === '') issues.push({ path: `/answers/${i}/text`, key: 'quiz.emptyAnswer' });
        return { text: t, weight: a.weight ?? 100, feedback: text(a.feedback) };
      });
      if (!accepted.some((a) => a.weight >= 100 - EPSILON))
        issues.push({ path: '/answers', key: 'quiz.noCorrectAnswer' });
      answer = { accepted, strictAccents };
      break;
    }
    case 'numeric': {
      const given = input.numbers ?? [];
      if (given.length === 0) {
        issues.push({ path: '/numbers', key: 'required' });
        break;
      }
      const accepted: AcceptedNumber[] = given.map((n, i) => {
        const isRange = n.min !== undefined || n.max !== undefined;
        const isValue = n.value !== undefined;
        if (isRange === isValue || (isRange && (n.min === undefined || n.max === undefined))) {
          issues.push({ path: `/numbers/${i}`, key: 'quiz.numberSpec' });
        } else if (isRange && n.min! > n.max!) {
          issues.push({ path: `/numbers/${i}`, key: 'quiz.numberRange' });
        } else if (isRange && n.tolerance !== undefined) {
          issues.push({ path: `/numbers/${i}/tolerance`, key: 'quiz.numberSpec' });
        }
        return {
          value: isValue ? n.value! : null,
          tolerance: isValue ? (n.tolerance ?? 0) : null,
          min: isRange ? (n.min ?? null) : null,
          max: isRange ? (n.max ?? null) : null,
          weight: n.weight ?? 100,
          feedback: text(n.feedback),
        };
      });
      if (!accepted.some((a) => a.weight >= 100 - EPSILON))
        issues.push({ path: '/numbers', key: 'quiz.noCorrectAnswer' });
      answer = { accepted };
      break;
    }
  }
  if (issues.length > 0 || !answer) return { ok: false, issues };
  return {
    ok: true,
    question: {
      kind: input.kind,
      prompt: prompt!,
      points: input.points ?? 1,
      category: text(input.category),
      feedback: text(input.feedback),
      options,
      answer,
    },
  };
}

/** The author's form of a stored question: what the API shows, and the base an edit is laid over. */
export function inputOf(q: StoredQuestion): CreateQuestionInput & {
  choices: NonNullable<CreateQuestionInput['choices']>;
} {
  const base = {
    kind: q.kind,
    prompt: q.prompt,
    points: q.points,
    category: q.category,
    feedback: q.feedback,
    choices: [] as { id: string; text: string; weight: number; feedback: string | null }[],
  };
  switch (q.kind) {
    case 'single':
    case 'multiple': {
      const { weights } = q.answer as { weights: Record<string, number> };
      base.choices = q.options.map((o) => ({
        id: o.id,
        text: o.text,
        weight: weights[o.id] ?? 0,
        feedback: o.feedback,
      }));
      return base;
    }
    case 'true_false':
      return {
        ...base,
        correct: (q.answer as { correct: boolean }).correct,
        feedbackTrue: q.options.find((o) => o.id === 'true')?.feedback ?? null,
        feedbackFalse: q.options.find((o) => o.id === 'false')?.feedback ?? null,
      };
    case 'short_answer': {
      const a = q.answer as { accepted: AcceptedText[]; strictAccents: boolean };
      return { ...base, answers: a.accepted, strictAccents: a.strictAccents };
    }
    case 'numeric': {
      const a = q.answer as { accepted: AcceptedNumber[] };
      return {
        ...base,
        numbers: a.accepted.map((n) => ({
          ...(n.value !== null ? { value: n.value, tolerance: n.tolerance ?? 0 } : {}),
          ...(n.min !== null ? { min: n.min, max: n.max ?? n.min } : {}),
          weight: n.weight,
          feedback: n.feedback,
        })),
      };
    }
  }
}
