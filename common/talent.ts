/**
 * The talent side's fixed vocabularies as plain values (no schema library), for the contracts, the
 * server's rules and the web's labels: skill categories, proficiency, Japanese levels, Japan's
 * prefectures, visa tracks, SSW fields and the application pipeline.
 */

/** The 4IR taxonomy's categories (talent/taxonomy). */
export const skillCategories = [
  'ai_data',
  'cloud',
  'cybersecurity',
  'iot_embedded',
  'semiconductor_design',
  'semiconductor_fabrication',
  'semiconductor_packaging_test',
  'digital_industrial',
  'japanese_language',
  'soft_skills',
] as const;
export type SkillCategory = (typeof skillCategories)[number];

/** Proficiency 1 (awareness) … 5 (expert). */
export const PROFICIENCY_MIN = 1;
export const PROFICIENCY_MAX = 5;

/**
 * JLPT levels as numbers so they compare: N5 = 1 … N1 = 5. A job's `jlptMin` of 2 asks for N4 or
 * better; a profile's `jlptLevel` of 3 means the person passed N3.
 */
export const jlptLevels = ['N5', 'N4', 'N3', 'N2', 'N1'] as const;
export type JlptLevel = (typeof jlptLevels)[number];
export const jlptNumber = (l: JlptLevel): number => jlptLevels.indexOf(l) + 1;
export const jlptName = (n: number): JlptLevel => jlptLevels[Math.min(Math.max(n, 1), 5) - 1]!;

export const jobCountries = ['VN', 'JP'] as const;
export type JobCountry = (typeof jobCountries)[number];

export const currencies = ['VND', 'JPY', 'USD'] as const;
export type Currency = (typeof currencies)[number];

/**
 * Japan's residence statuses for foreign workers: Specified Skilled Worker (i) and (ii), the
 * Technical Intern Training programme, and Employment for Skill Development (育成就労), which
 * replaces it from 2027; `engineer` is the Engineer/Specialist in Humanities/International Services
 * status most IT and design jobs use.
 */
export const visaTracks = ['ssw1', 'ssw2', 'technical_intern', 'skill_development', 'engineer'] as const;
export type VisaTrack = (typeof visaTracks)[number];

/** SSW fields (特定技能の分野) as designated by Japan's government. */
export const sswFields = [
  'nursing_care',
  'building_cleaning',
  'industrial_product_manufacturing',
  'construction',
  'shipbuilding',
  'automobile_repair',
  'aviation',
  'accommodation',
  'automobile_transport',
  'railway',
  'agriculture',
  'fishery',
  'food_manufacturing',
  'food_service',
  'forestry',
  'wood_industry',
] as const;
export type SswField = (typeof sswFields)[number];

/** Japan's 47 prefectures by JIS code, in English and Japanese. */
export const prefectures: readonly { code: string; en: string; ja: string }[] = [
  ['01', 'Hokkaido', '北海道'],
  ['02', 'Aomori', '青森県'],
  ['03', 'Iwate', '岩手県'],
  ['04', 'Miyagi', '宮城県'],
  ['05', 'Akita', '秋田県'],
  ['06', 'Yamagata', '山形県'],
  ['07', 'Fukushima', '福島県'],
  ['08', 'Ibaraki', '茨城県'],
  ['09', 'Tochigi', '栃木県'],
  ['10', 'Gunma', '群馬県'],
  ['11', 'Saitama', '埼玉県'],
  ['12', 'Chiba', '千葉県'],
  ['13', 'Tokyo', '東京都'],
  ['14', 'Kanagawa', '神奈川県'],
  ['15', 'Niigata', '新潟県'],
  ['16', 'Toyama', '富山県'],
  ['17', 'Ishikawa', '石川県'],
  ['18', 'Fukui', '福井県'],
  ['19', 'Yamanashi', '山梨県'],
  ['20', 'Nagano', '長野県'],
  ['21', 'Gifu', '岐阜県'],
  ['22', 'Shizuoka', '静岡県'],
  ['23', 'Aichi', '愛知県'],
  ['24', 'Mie', '三重県'],
  ['25', 'Shiga', '滋賀県'],
  ['26', 'Kyoto', '京都府'],
  ['27', 'Osaka', '大阪府'],
  ['28', 'Hyogo', '兵庫県'],
  ['29', 'Nara', '奈良県'],
  ['30', 'Wakayama', '和歌山県'],
  ['31', 'Tottori', '鳥取県'],
  ['32', 'Shimane', '島根県'],
  ['33', 'Okayama', '岡山県'],
  ['34', 'Hiroshima', '広島県'],
  ['35', 'Yamaguchi', '山口県'],
  ['36', 'Tokushima', '徳島県'],
  ['37', 'Kagawa', '香川県'],
  ['38', 'Ehime', '愛媛県'],
  ['39', 'Kochi', '高知県'],
  ['40', 'Fukuoka', '福岡県'],
  ['41', 'Saga', '佐賀県'],
  ['42', 'Nagasaki', '長崎県'],
  ['43', 'Kumamoto', '熊本県'],
  ['44', 'Oita', '大分県'],
  ['45', 'Miyazaki', '宮崎県'],
  ['46', 'Kagoshima', '鹿児島県'],
  ['47', 'Okinawa', '沖縄県'],
].map(([code, en, ja]) => ({ code: code!, en: en!, ja: ja! }));
export const prefectureCodes = prefectures.map((p) => p.code);

/** An application's pipeline. `hired` and `rejected` end it; `withdrawn` is the applicant's own. */
export const applicationStatuses = [
  'applied',
  'screened',
  'interview',
  'offer',
  'hired',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** Where an employer may move an application from each status. */
export const applicationMoves: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  applied: ['screened', 'rejected'],
  screened: ['interview', 'rejected'],
  interview: ['offer', 'rejected'],
  offer: ['hired', 'rejected'],
  hired: [],
  rejected: [],
  withdrawn: [],
};

/** Evidence behind a skill on a profile: verified (a certificate, an assessment) or declared. */
export const skillSources = ['certificate', 'assessment', 'declared'] as const;
export type SkillSource = (typeof skillSources)[number];

/**
 * The national goal the labour-market page measures against: 50,000 semiconductor professionals
 * trained by 2030 (vision 2050).
 */
export const SEMICONDUCTOR_TARGET = { people: 50_000, year: 2030 } as const;
