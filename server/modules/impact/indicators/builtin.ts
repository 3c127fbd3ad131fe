/**
 * The indicators the platform ships, as data (the same building blocks an administrator uses to add
 * one), and the targets of the sources' programs (../shared/PRODUCT.md). Seeded at every start:
 * a shipped indicator's wording and rule follow the code; targets are added when missing and never
 * overwrite one a program manager changed.
 */
import type { Dimension, IndicatorRule } from '../../../../common/impact';

export interface IndicatorSeed {
  code: string;
  name: { vi: string; en: string; ja: string };
  definition: { vi: string; en: string; ja: string };
  rule: IndicatorRule;
  disaggregations: Dimension[];
}

const ALL: Dimension[] = ['sex', 'age', 'area', 'province', 'partner', 'quarter'];
const learners = { sources: ['enrolled' as const], tot: false };
const completers = { sources: ['completed' as const], tot: false };

export const builtinIndicators: IndicatorSeed[] = [
  {
    code: 'LEARNERS_ENROLLED',
    name: { vi: 'Học viên tham gia', en: 'Learners enrolled', ja: '受講者数' },
    definition: {
      vi: 'Số người (mỗi người tính một lần) ghi danh vào ít nhất một lớp của chương trình trong kỳ, không kể danh sách chờ và khoá đào tạo giảng viên.',
      en: 'Unique people enrolled in at least one cohort of the program in the period (waitlists and training-of-trainers courses excluded).',
      ja: '期間内にプログラムのクラスに1つ以上登録した人数（重複なし。キャンセル待ちと指導者養成講座を除く）。',
    },
    rule: { kind: 'count', population: learners },
    disaggregations: ALL,
  },
  {
    code: 'LEARNERS_COMPLETED',
    name: { vi: 'Học viên hoàn thành', en: 'Learners who completed a course', ja: '修了者数' },
    definition: {
      vi: 'Số người (mỗi người tính một lần) hoàn thành ít nhất một khoá học của chương trình trong kỳ (không kể khoá đào tạo giảng viên).',
      en: 'Unique people who completed at least one course of the program in the period (training-of-trainers courses excluded).',
      ja: '期間内にプログラムの講座を1つ以上修了した人数（重複なし。指導者養成講座を除く）。',
    },
    rule: { kind: 'count', population: completers },
    disaggregations: ALL,
  },
  {
    code: 'WOMEN_COMPLETED',
    name: { vi: 'Phụ nữ hoàn thành', en: 'Women who completed a course', ja: '修了した女性' },
    definition: {
      vi: 'Số phụ nữ (mỗi người tính một lần) hoàn thành ít nhất một khoá học của chương trình trong kỳ.',
      en: 'Unique women who completed at least one course of the program in the period.',
      ja: '期間内にプログラムの講座を1つ以上修了した女性の人数（重複なし）。',
    },
    rule: { kind: 'count', population: { ...completers, person: { sex: ['F'] } } },
    disaggregations: ['age', 'area', 'province', 'partner', 'quarter'],
  },
  {
    code: 'COMPLETION_RATE',
    name: { vi: 'Tỷ lệ hoàn thành', en: 'Completion rate', ja: '修了率' },
    definition: {
      vi: 'Trong số người ghi danh trong kỳ, tỷ lệ người đã hoàn thành một khoá học của chương trình trong kỳ.',
      en: 'Of the people enrolled in the period, the share who completed a course of the program in the period.',
      ja: '期間内の登録者のうち、期間内にプログラムの講座を修了した人の割合。',
    },
    rule: { kind: 'percent', numerator: completers, denominator: learners },
    disaggregations: ['sex', 'age', 'area', 'partner'],
  },
  {
    code: 'TRAINERS_CERTIFIED',
    name: { vi: 'Giảng viên được chứng nhận', en: 'Trainers certified', ja: '認定された指導者' },
    definition: {
      vi: 'Số giảng viên (mỗi người tính một lần) được chứng nhận qua một khoá đào tạo giảng viên (ToT) của chương trình trong kỳ.',
      en: 'Unique trainers certified by a training-of-trainers (ToT) course of the program in the period.',
      ja: '期間内にプログラムの指導者養成（ToT）講座で認定された指導者の人数（重複なし）。',
    },
    rule: { kind: 'count', population: { sources: ['certified_trainer'] } },
    disaggregations: ['sex', 'age', 'area', 'province', 'partner', 'quarter'],
  },
  {
    code: 'INDIRECT_BENEFICIARIES',
    name: { vi: 'Người hưởng lợi gián tiếp', en: 'Indirect beneficiaries', ja: '間接受益者' },
    definition: {
      vi: 'Số học viên (mỗi người tính một lần) của các lớp do giảng viên đã được chứng nhận qua khoá ToT của chương trình giảng dạy, ghi danh trong kỳ, sau ngày giảng viên được chứng nhận.',
      en: 'Unique learners enrolled in the period in cohorts taught by a trainer certified by a ToT course of the program, after that certification.',
      ja: 'プログラムのToT講座で認定された指導者が認定後に担当したクラスに、期間内に登録した受講者の人数（重複なし）。',
    },
    rule: {
      kind: 'count',
      population: { sources: ['enrolled'], tot: false, taughtByCertifiedTrainer: true },
    },
    disaggregations: ['sex', 'age', 'area', 'province', 'partner', 'quarter'],
  },
  {
    code: 'EVENT_PARTICIPANTS',
    name: { vi: 'Người tham dự sự kiện', en: 'Event participants', ja: 'イベント参加者' },
    definition: {
      vi: 'Số người (mỗi người tính một lần) đã điểm danh tại ít nhất một sự kiện của chương trình trong kỳ.',
      en: 'Unique people checked in at one or more events of the program in the period.',
      ja: '期間内にプログラムのイベントで受付を済ませた人数（重複なし）。',
    },
    rule: { kind: 'count', population: { sources: ['attended'] } },
    disaggregations: ['sex', 'age', 'area', 'province', 'partner', 'quarter'],
  },
  {
    code: 'WOMEN_SHARE',
    name: { vi: 'Tỷ lệ phụ nữ tham gia', en: 'Women among participants', ja: '参加者に占める女性の割合' },
    definition: {
      vi: 'Tỷ lệ phụ nữ trong số người tham gia chương trình trong kỳ (ghi danh một lớp hoặc dự một sự kiện).',
      en: 'The share of women among the people who took part in the program in the period (enrolled in a cohort or attended an event).',
      ja: '期間内にプログラムに参加した人（クラス登録またはイベント参加）に占める女性の割合。',
    },
    rule: {
      kind: 'percent',
      numerator: { sources: ['enrolled', 'attended'], person: { sex: ['F'] } },
      denominator: { sources: ['enrolled', 'attended'] },
    },
    disaggregations: ['age', 'area', 'province', 'partner', 'quarter'],
  },
  {
    code: 'RURAL_SHARE',
    name: { vi: 'Tỷ lệ học viên nông thôn', en: 'Rural learners', ja: '農村部の受講者の割合' },
    definition: {
      vi: 'Tỷ lệ người sống ở xã (nông thôn, theo loại đơn vị hành chính cấp xã) trong số người hoàn thành khoá học của chương trình trong kỳ; người chưa rõ xã tính vào mẫu số.',
      en: 'The share of people living in a rural commune (xã, by the commune’s kind) among those who completed a course of the program in the period; people whose commune is unknown count in the denominator.',
      ja: '期間内にプログラムの講座を修了した人のうち、農村部（社）に住む人の割合。居住地不明の人は分母に含む。',
    },
    rule: {
      kind: 'percent',
      numerator: { ...completers, person: { area: ['rural'] } },
      denominator: completers,
    },
    disaggregations: ['sex', 'age', 'province', 'partner'],
  },
  {
    code: 'EMPLOYED_AFTER_TRAINING',
    name: { vi: 'Có việc làm sau đào tạo', en: 'Employed after training', ja: '研修後の就職' },
    definition: {
      vi: 'Số người (mỗi người tính một lần) được tuyển qua nền tảng trong kỳ, trong vòng 12 tháng sau khi hoàn thành một khoá học của chương trình.',
      en: 'Unique people hired through the platform in the period, within 12 months after completing a course of the program.',
      ja: '期間内に、プログラムの講座修了後12か月以内にプラットフォーム経由で採用された人数（重複なし）。',
    },
    rule: { kind: 'count', population: { sources: ['hired'], withinDaysOfCompletion: 365 } },
    disaggregations: ['sex', 'age', 'area', 'province', 'partner', 'quarter'],
  },
  {
    code: 'DEPARTED_JAPAN',
    name: { vi: 'Người lao động sang Nhật Bản', en: 'Workers going to Japan', ja: '日本で就労する労働者' },
    definition: {
      vi: 'Số người (mỗi người tính một lần) được tuyển vào một việc làm tại Nhật Bản qua nền tảng trong kỳ, trong vòng 12 tháng sau khi hoàn thành một khoá học của chương trình. Việc tuyển dụng là bản ghi xuất cảnh mà nền tảng thấy được.',
      en: 'Unique people hired through the platform for a job in Japan in the period, within 12 months after completing a course of the program. The hire is the record of departure the platform can see.',
      ja: '期間内に、プログラムの講座修了後12か月以内にプラットフォーム経由で日本の求人に採用された人数（重複なし）。採用をプラットフォーム上の渡航記録とする。',
    },
    rule: {
      kind: 'count',
      population: { sources: ['hired'], jobCountry: 'JP', withinDaysOfCompletion: 365 },
    },
    disaggregations: ['sex', 'age', 'area', 'province', 'partner', 'quarter'],
  },
  {
    code: 'SCHOLARSHIPS_AWARDED',
    name: { vi: 'Học bổng được trao', en: 'Scholarships awarded', ja: '奨学金の授与' },
    definition: {
      vi: 'Số người (mỗi người tính một lần) được trao học bổng của chương trình trong kỳ.',
      en: 'Unique people awarded a scholarship of the program in the period.',
      ja: '期間内にプログラムの奨学金を授与された人数（重複なし）。',
    },
    rule: { kind: 'count', population: { sources: ['awarded'] } },
    disaggregations: ['sex', 'age', 'province', 'quarter'],
  },
  {
    code: 'SCHOLARSHIPS_MASTERS',
    name: { vi: 'Học bổng thạc sĩ', en: 'Master’s scholarships', ja: '修士課程奨学金' },
    definition: {
      vi: 'Số người được trao học bổng thạc sĩ của chương trình trong kỳ.',
      en: 'People awarded a master’s scholarship of the program in the period.',
      ja: '期間内にプログラムの修士課程奨学金を授与された人数。',
    },
    rule: { kind: 'count', population: { sources: ['awarded'], awardKinds: ['masters'] } },
    disaggregations: ['sex', 'province'],
  },
  {
    code: 'SCHOLARSHIPS_DOCTORAL',
    name: { vi: 'Học bổng tiến sĩ', en: 'Doctoral scholarships', ja: '博士課程奨学金' },
    definition: {
      vi: 'Số người được trao học bổng tiến sĩ của chương trình trong kỳ.',
      en: 'People awarded a doctoral scholarship of the program in the period.',
      ja: '期間内にプログラムの博士課程奨学金を授与された人数。',
    },
    rule: { kind: 'count', population: { sources: ['awarded'], awardKinds: ['doctoral'] } },
    disaggregations: ['sex', 'province'],
  },
];

/** Which indicators each seeded program shows, in order, and its targets from the sources. */
export interface TargetSeed {
  indicator: string;
  year?: number;
  value: number;
}
export const programIndicatorSeeds: Record<string, { indicators: string[]; targets: TargetSeed[] }> = {
  'new-opportunities': {
    indicators: [
      'LEARNERS_COMPLETED',
      'TRAINERS_CERTIFIED',
      'INDIRECT_BENEFICIARIES',
      'LEARNERS_ENROLLED',
      'WOMEN_SHARE',
      'RURAL_SHARE',
      'COMPLETION_RATE',
      'EVENT_PARTICIPANTS',
      'EMPLOYED_AFTER_TRAINING',
    ],
    // USAID WISE (2021–2024): 1,400+ learners, 500+ trainers, 1,200+ indirect beneficiaries
    targets: [
      { indicator: 'LEARNERS_COMPLETED', value: 1400 },
      { indicator: 'TRAINERS_CERTIFIED', value: 500 },
      { indicator: 'INDIRECT_BENEFICIARIES', value: 1200 },
    ],
  },
  'mekong-innovation': {
    indicators: [
      'LEARNERS_COMPLETED',
      'RURAL_SHARE',
      'WOMEN_SHARE',
      'TRAINERS_CERTIFIED',
      'INDIRECT_BENEFICIARIES',
      'EVENT_PARTICIPANTS',
    ],
    targets: [],
  },
  'women-in-ai': {
    indicators: ['EVENT_PARTICIPANTS', 'WOMEN_SHARE', 'WOMEN_COMPLETED', 'LEARNERS_COMPLETED'],
    targets: [],
  },
  'semiconductor-2030': {
    indicators: [
      'LEARNERS_COMPLETED',
      'WOMEN_SHARE',
      'EMPLOYED_AFTER_TRAINING',
      'DEPARTED_JAPAN',
      'COMPLETION_RATE',
    ],
    // the national goal: 50,000 semiconductor professionals by 2030
    targets: [{ indicator: 'LEARNERS_COMPLETED', value: 50_000 }],
  },
  'jds-scholarships': {
    indicators: ['SCHOLARSHIPS_AWARDED', 'SCHOLARSHIPS_MASTERS', 'SCHOLARSHIPS_DOCTORAL'],
    // 38 master's and 5 doctoral scholarships a year, 2025–2028
    targets: [2025, 2026, 2027, 2028].flatMap((year) => [
      { indicator: 'SCHOLARSHIPS_AWARDED', year, value: 43 },
      { indicator: 'SCHOLARSHIPS_MASTERS', year, value: 38 },
      { indicator: 'SCHOLARSHIPS_DOCTORAL', year, value: 5 },
    ]),
  },
  'work-in-japan': {
    indicators: ['DEPARTED_JAPAN', 'EMPLOYED_AFTER_TRAINING', 'LEARNERS_COMPLETED', 'WOMEN_SHARE'],
    targets: [],
  },
};
