/**
 * Two-way matching between a person's skills and a job's requirements, with the reason in words.
 *
 * Each skill a job asks for weighs 2 when required and 1 when nice to have; a Japanese level asked for
 * weighs 2. A skill held at the asked level or above earns its full weight, a lower level earns its
 * share (level 2 of an asked 4 earns half). A verified skill (certificate, assessment) counts fully, a
 * declared one at 0.8: an employer trusts what a certificate shows more than what a person says. The
 * score is the earned share of the job's total weight, 0–100. A skill held both verified and declared
 * earns the better of the two. The same rule ranks jobs for a learner (jobs/open-index.ts) and
 * candidates for a job (SQL in jobs/repo.ts); this file explains the ones shown.
 */
import type { Locale } from '../../../common/i18n/locales';
import { jlptName } from '../../../common/talent';
import { translate } from '../../lib/i18n';

export const REQUIRED_WEIGHT = 2;
export const OPTIONAL_WEIGHT = 1;
export const JLPT_WEIGHT = 2;
export const DECLARED_FACTOR = 0.8;

export interface JobRequirement {
  skillId: string;
  level: number;
  required: boolean;
}
export interface HeldSkill {
  skillId: string;
  level: number;
  verified: boolean;
}

/** What a perfect candidate earns: stored with the job (jobs.weight_total). */
export const weightTotal = (skills: readonly { required: boolean }[], jlptMin: number | null) =>
  skills.reduce((s, k) => s + (k.required ? REQUIRED_WEIGHT : OPTIONAL_WEIGHT), 0) +
  (jlptMin ? JLPT_WEIGHT : 0);

/** Per skill, the highest verified and the highest declared level a person holds (0: none). */
export interface SkillEvidence {
  skillId: string;
  verified: number;
  declared: number;
}

export function evidenceBySkill(held: readonly HeldSkill[]): Map<string, SkillEvidence> {
  const by = new Map<string, SkillEvidence>();
  for (const h of held) {
    const e = by.get(h.skillId) ?? { skillId: h.skillId, verified: 0, declared: 0 };
    if (h.verified) e.verified = Math.max(e.verified, h.level);
    else e.declared = Math.max(e.declared, h.level);
    by.set(h.skillId, e);
  }
  return by;
}

/**
 * What a skill asked at `asked` with weight `w` earns from the person's evidence: the better of the
 * verified level and the declared one (at the declared factor); a tie goes to the verified evidence.
 */
export function skillCredit(w: number, asked: number, e: SkillEvidence) {
  const verified = e.verified ? w * Math.min(1, e.verified / asked) : 0;
  const declared = e.declared ? w * Math.min(1, e.declared / asked) * DECLARED_FACTOR : 0;
  return verified >= declared
    ? { credit: verified, level: e.verified, verified: true }
    : { credit: declared, level: e.declared, verified: false };
}

/**
 * The earned share as a whole percentage. The credits are summed in different orders by the
 * explanation and the jobs index; rounding the sum to 1e-9 first keeps a share of exactly x.5 on the
 * same side in both.
 */
export const percentOf = (earned: number, total: number) =>
  total === 0 ? 0 : Math.round((100 * Math.round(earned * 1e9)) / 1e9 / total);

export type Gap =
  | { kind: 'skill'; skillId: string; name: string; level: number; has: number | null; required: boolean }
  | { kind: 'jlpt'; level: 'N5' | 'N4' | 'N3' | 'N2' | 'N1'; has: 'N5' | 'N4' | 'N3' | 'N2' | 'N1' | null };

export interface Explanation {
  score: number;
  requiredMet: number;
  requiredTotal: number;
  matched: { skillId: string; name: string; level: number; verified: boolean; required: boolean }[];
  missing: Gap[];
  reason: string;
}

export function explain(
  job: { skills: readonly JobRequirement[]; jlptMin: number | null },
  person: { skills: readonly HeldSkill[]; jlpt: number | null },
  names: ReadonlyMap<string, string>,
  locale: Locale,
): Explanation {
  const held = evidenceBySkill(person.skills);
  let earned = 0;
  let total = 0;
  let requiredMet = 0;
  const matched: Explanation['matched'] = [];
  const missing: Gap[] = [];
  const name = (id: string) => names.get(id) ?? id;
  // Required first, then by the order the employer listed them.
  const ordered = [...job.skills].sort((a, b) => Number(b.required) - Number(a.required));
  for (const r of ordered) {
    const w = r.required ? REQUIRED_WEIGHT : OPTIONAL_WEIGHT;
    total += w;
    const e = held.get(r.skillId);
    const h = e ? skillCredit(w, r.level, e) : null;
    if (h) earned += h.credit;
    if (h && h.level >= r.level) {
      if (r.required) requiredMet++;
      matched.push({
        skillId: r.skillId,
        name: name(r.skillId),
        level: h.level,
        verified: h.verified,
        required: r.required,
      });
    } else {
      missing.push({
        kind: 'skill',
        skillId: r.skillId,
        name: name(r.skillId),
        level: r.level,
        has: h?.level ?? null,
        required: r.required,
      });
    }
  }
  if (job.jlptMin) {
    total += JLPT_WEIGHT;
    const has = person.jlpt ?? 0;
    earned += JLPT_WEIGHT * Math.min(1, has / job.jlptMin);
    if (has < job.jlptMin) {
      missing.push({
        kind: 'jlpt',
        level: jlptName(job.jlptMin),
        has: person.jlpt ? jlptName(person.jlpt) : null,
      });
    }
  }
  const requiredTotal = job.skills.filter((s) => s.required).length;
  const score = percentOf(earned, total);
  return {
    score,
    requiredMet,
    requiredTotal,
    matched,
    missing,
    reason: reasonText(requiredMet, requiredTotal, missing, locale),
  };
}

/** "7 of 9 required skills; missing: wafer inspection, JLPT N4", in the reader's language. */
export function reasonText(met: number, total: number, missing: readonly Gap[], locale: Locale): string {
  const t = (key: string, params: Record<string, unknown> = {}) =>
    translate(locale, `talent.reason.${key}`, params);
  const head = total === 0 ? t('noRequired') : t('required', { met, total });
  const gaps = missing
    .filter((g) => g.kind === 'jlpt' || g.required)
    .map((g) =>
      g.kind === 'jlpt'
        ? t('jlpt', { level: g.level })
        : g.has
          ? t('skillLevel', { name: g.name, level: g.level })
          : g.name,
    );
  const tail = gaps.length === 0 ? t('allMet') : t('missing', { list: gaps.join(t('sep')) });
  return `${head}${t('join')}${tail}`;
}
