/**
 * The profile editor's draft: the saved profile as form state (years as text, declared skills only)
 * and back to the contract's input (rows left empty dropped, text trimmed, a year only when it is one).
 */
import type {
  Education,
  Experience,
  JlptLevel,
  LanguageSkill,
  TalentProfile,
  TalentProfileInput,
} from '../../api/types';

export interface DeclaredSkill {
  skillId: string;
  name: string;
  level: number;
}

export interface Draft {
  headline: string;
  provinceCode: string | null;
  relocate: boolean;
  workInJapan: boolean;
  jlpt: JlptLevel | null;
  jftBasic: boolean;
  education: { school: string; degree: string; year: string }[];
  experience: Experience[];
  languages: LanguageSkill[];
  cv: { fileId: string; filename: string } | null;
  skills: DeclaredSkill[];
}

export const draftOf = (p: TalentProfile): Draft => ({
  headline: p.headline,
  provinceCode: p.provinceCode,
  relocate: p.relocate,
  workInJapan: p.workInJapan,
  jlpt: p.jlpt,
  jftBasic: p.jftBasic,
  education: p.education.map((e) => ({ ...e, year: e.year === null ? '' : String(e.year) })),
  experience: p.experience,
  languages: p.languages,
  cv: p.cv,
  skills: p.skills
    .filter((s) => s.source === 'declared')
    .map((s) => ({ skillId: s.skillId, name: s.name, level: s.level })),
});

export const inputOf = (d: Draft): TalentProfileInput => ({
  headline: d.headline.trim(),
  provinceCode: d.provinceCode,
  relocate: d.relocate,
  workInJapan: d.workInJapan,
  jlpt: d.jlpt,
  jftBasic: d.jftBasic,
  education: d.education
    .filter((e) => e.school.trim() || e.degree.trim())
    .map(
      (e): Education => ({
        school: e.school.trim(),
        degree: e.degree.trim(),
        year: /^\d{4}$/.test(e.year.trim()) ? Number(e.year.trim()) : null,
      }),
    ),
  experience: d.experience
    .filter((e) => e.employer.trim() || e.title.trim())
    .map((e) => ({
      employer: e.employer.trim(),
      title: e.title.trim(),
      from: e.from || null,
      to: e.to || null,
    })),
  languages: d.languages
    .filter((l) => l.language.trim())
    .map((l) => ({ language: l.language.trim(), level: l.level.trim() })),
  cvFileId: d.cv?.fileId ?? null,
  skills: d.skills.map((s) => ({ skillId: s.skillId, level: s.level })),
});
