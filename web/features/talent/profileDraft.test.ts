import { describe, expect, it } from 'vitest';
import type { TalentProfile } from '../../api/types';
import { draftOf, inputOf } from './profileDraft';

const profile: TalentProfile = {
  personId: '33333333-3333-4333-8333-333333333333',
  displayName: 'Võ Thị Ngọc Hân',
  headline: 'Kỹ thuật viên',
  provinceCode: '92',
  relocate: true,
  workInJapan: true,
  jlpt: 'N5',
  jftBasic: false,
  education: [{ school: 'Đại học Cần Thơ', degree: 'Điện tử', year: 2024 }],
  experience: [{ employer: 'Cửu Long', title: 'Kỹ thuật viên', from: '2024-07', to: null }],
  languages: [{ language: 'Tiếng Nhật', level: 'N5' }],
  cv: { fileId: '88888888-8888-4888-8888-888888888888', filename: 'cv.pdf' },
  skills: [
    {
      skillId: 'semi.wafer',
      name: 'Kiểm tra wafer',
      level: 3,
      source: 'certificate',
      verified: true,
      course: null,
    },
    {
      skillId: 'semi.cleanroom',
      name: 'Phòng sạch',
      level: 2,
      source: 'declared',
      verified: false,
      course: null,
    },
  ],
  visibility: { jobMatching: true, employersVn: false, employersJp: true },
  updatedAt: null,
};

describe('profile draft', () => {
  it('round-trips a saved profile, sending only the declared skills', () => {
    expect(inputOf(draftOf(profile))).toEqual({
      headline: 'Kỹ thuật viên',
      provinceCode: '92',
      relocate: true,
      workInJapan: true,
      jlpt: 'N5',
      jftBasic: false,
      education: [{ school: 'Đại học Cần Thơ', degree: 'Điện tử', year: 2024 }],
      experience: [{ employer: 'Cửu Long', title: 'Kỹ thuật viên', from: '2024-07', to: null }],
      languages: [{ language: 'Tiếng Nhật', level: 'N5' }],
      cvFileId: '88888888-8888-4888-8888-888888888888',
      skills: [{ skillId: 'semi.cleanroom', level: 2 }],
    });
  });

  it('drops empty rows, trims text and keeps a year only when it is four digits', () => {
    const draft = draftOf(profile);
    draft.headline = '  Kỹ sư  ';
    draft.education = [
      { school: ' ĐH Bách khoa ', degree: '', year: '20x4' },
      { school: ' ', degree: '', year: '2020' },
    ];
    draft.experience = [{ employer: '', title: '', from: '', to: '' }];
    draft.languages = [
      { language: 'Tiếng Anh ', level: ' B1' },
      { language: '', level: 'N3' },
    ];
    draft.cv = null;
    const input = inputOf(draft);
    expect(input.headline).toBe('Kỹ sư');
    expect(input.education).toEqual([{ school: 'ĐH Bách khoa', degree: '', year: null }]);
    expect(input.experience).toEqual([]);
    expect(input.languages).toEqual([{ language: 'Tiếng Anh', level: 'B1' }]);
    expect(input.cvFileId).toBeNull();
  });
});
