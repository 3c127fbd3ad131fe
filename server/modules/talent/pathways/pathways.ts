/**
 * Starter career pathways: where the platform's courses lead. Each names the ESCO occupation it aims
 * at (its essential and optional skills come from the imported release) and the profile in the
 * product's own taxonomy that employers of Viet Nam and Japan ask for, with levels; work in Japan
 * adds a Japanese level. Text in vi/en/ja.
 */
import type { Locale } from '../../../../common/i18n/locales';

export interface Pathway {
  slug: string;
  name: Record<Locale, string>;
  summary: Record<Locale, string>;
  /** ESCO occupation concept id (…/esco/occupation/<id>). */
  occupation: string;
  skills: { skillId: string; level: number }[];
  /** JLPT as a number (N5 = 1 … N1 = 5), for work in Japan. */
  jlpt?: number;
}

export const pathways: readonly Pathway[] = [
  {
    slug: 'semiconductor-technician',
    name: { vi: 'Kỹ thuật viên bán dẫn', en: 'Semiconductor technician', ja: '半導体技術者' },
    summary: {
      vi: 'Vận hành và kiểm tra trong nhà máy chế tạo, đóng gói và kiểm thử vi mạch — một phần của mục tiêu 50.000 nhân lực bán dẫn đến năm 2030.',
      en: 'Operating and inspecting in chip fabrication, packaging and test plants — part of the target of 50,000 semiconductor professionals by 2030.',
      ja: '半導体の製造・パッケージング・テスト工場での操作と検査。2030年までに半導体人材5万人という目標の一部です。',
    },
    occupation: '140613c4-8c3c-43c5-8525-2f63231c95b0',
    skills: [
      { skillId: 'semi.fab-process', level: 2 },
      { skillId: 'semi.cleanroom', level: 3 },
      { skillId: 'semi.chemical-safety', level: 2 },
      { skillId: 'semi.wafer-inspection', level: 3 },
      { skillId: 'semi.microscopy', level: 2 },
      { skillId: 'semi.testing', level: 2 },
      { skillId: 'dig.quality-5s', level: 2 },
    ],
  },
  {
    slug: 'embedded-engineer',
    name: { vi: 'Kỹ sư hệ thống nhúng', en: 'Embedded engineer', ja: '組込みエンジニア' },
    summary: {
      vi: 'Thiết kế và lập trình thiết bị nhúng, từ cảm biến nông nghiệp đến điện tử ô tô.',
      en: 'Designing and programming embedded devices, from farm sensors to automotive electronics.',
      ja: '農業用センサーから車載電子機器まで、組込み機器を設計・プログラムします。',
    },
    occupation: '10469d70-78a3-4650-9e29-d04de13c62c1',
    skills: [
      { skillId: 'iot.embedded-c', level: 3 },
      { skillId: 'iot.microcontrollers', level: 3 },
      { skillId: 'iot.sensors', level: 3 },
      { skillId: 'iot.wireless', level: 2 },
      { skillId: 'semi.schematics', level: 3 },
      { skillId: 'cloud.linux', level: 2 },
    ],
  },
  {
    slug: 'data-analyst',
    name: { vi: 'Chuyên viên phân tích dữ liệu', en: 'Data analyst', ja: 'データアナリスト' },
    summary: {
      vi: 'Biến dữ liệu của doanh nghiệp và nhà máy thành báo cáo và quyết định.',
      en: 'Turning the data of businesses and factories into reports and decisions.',
      ja: '企業や工場のデータをレポートと意思決定に変えます。',
    },
    occupation: 'd3edb8f8-3a06-47a0-8fb9-9b212c006aa2',
    skills: [
      { skillId: 'ai.python', level: 3 },
      { skillId: 'ai.data-analysis', level: 3 },
      { skillId: 'ai.sql', level: 3 },
      { skillId: 'ai.statistics', level: 2 },
      { skillId: 'ai.data-visualisation', level: 3 },
      { skillId: 'ai.spreadsheets', level: 3 },
    ],
  },
  {
    slug: 'work-in-japan-manufacturing',
    name: {
      vi: 'Làm việc tại Nhật Bản: sản xuất (Kỹ năng đặc định)',
      en: 'Work in Japan: manufacturing (Specified Skilled Worker)',
      ja: '日本で働く：製造業（特定技能）',
    },
    summary: {
      vi: 'Lắp ráp điện tử và sản phẩm công nghiệp tại Nhật theo diện Kỹ năng đặc định, ngành Chế tạo sản phẩm công nghiệp; cần JLPT N4 hoặc JFT-Basic.',
      en: 'Assembling electronics and industrial products in Japan as a Specified Skilled Worker (Industrial Product Manufacturing); JLPT N4 or JFT-Basic needed.',
      ja: '特定技能（工業製品製造業）として日本で電子機器や工業製品を組み立てます。JLPT N4またはJFT-Basicが必要です。',
    },
    occupation: '6565dc02-14e4-4819-b99c-44c352000f43',
    skills: [
      { skillId: 'semi.soldering', level: 3 },
      { skillId: 'semi.pcb-assembly', level: 3 },
      { skillId: 'semi.schematics', level: 2 },
      { skillId: 'dig.quality-5s', level: 3 },
      { skillId: 'ja.workplace-japanese', level: 2 },
      { skillId: 'soft.japanese-workplace', level: 3 },
    ],
    jlpt: 2,
  },
];
