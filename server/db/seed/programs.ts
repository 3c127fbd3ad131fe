/**
 * The programs of the sources, with the organisations that run, deliver and fund them. Names and
 * periods follow the articles in ../shared/seeds; targets arrive with impact monitoring.
 * Links to demo organisations are made only for those that exist (they are seeded with demo data).
 */
import type { Kysely } from 'kysely';
import { linkOrganisation, type NewProgram, upsertProgram } from '../../modules/programs/repo';
import type { DB, ProgramOrganisationRole } from '../schema';

type Link = [slug: string, role: ProgramOrganisationRole];

export const programSeeds: readonly (NewProgram & { links: Link[] })[] = [
  {
    code: 'new-opportunities',
    name_vi: 'Chương trình Cơ hội Mới',
    name_en: 'New Opportunities Program',
    name_ja: 'ニュー・オポチュニティ・プログラム',
    summary_vi: 'Đào tạo lại công nhân công nghiệp cho cách mạng công nghiệp lần thứ tư.',
    summary_en: 'Reskilling industrial workers for the fourth industrial revolution.',
    summary_ja: '第4次産業革命に向けた産業労働者のリスキリング。',
    starts_on: '2021-03-01',
    ends_on: '2024-01-31',
    links: [
      ['nic', 'lead'],
      ['demo-trung-tam-tai-dao-tao-dong-nai', 'partner'],
      ['demo-cao-dang-cong-nghe-hoa-lac', 'partner'],
      ['demo-nha-tai-tro-wise', 'donor'],
    ],
  },
  {
    code: 'mekong-innovation',
    name_vi: 'Sáng kiến Đổi mới sáng tạo Mekong',
    name_en: 'Mekong Innovation Initiative',
    name_ja: 'メコン・イノベーション・イニシアティブ',
    summary_vi: 'Kỹ năng số và đổi mới sáng tạo cho các vùng ngoài đô thị ở đồng bằng sông Cửu Long.',
    summary_en: 'Digital skills and innovation for non-urban regions of the Mekong delta.',
    summary_ja: 'メコンデルタの非都市部に向けたデジタルスキルとイノベーション。',
    starts_on: '2021-03-01',
    ends_on: '2024-01-31',
    links: [
      ['nic', 'lead'],
      ['demo-hoc-vien-ky-nang-so-mekong', 'partner'],
      ['demo-truong-nghe-so-an-giang', 'partner'],
      ['demo-trung-tam-cong-nghiep-40-vinh-long', 'partner'],
      ['demo-trung-tam-iot-nong-nghiep-ca-mau', 'partner'],
      ['demo-nha-tai-tro-wise', 'donor'],
    ],
  },
  {
    code: 'women-in-ai',
    name_vi: 'Phụ nữ trong AI',
    name_en: 'Women in AI',
    name_ja: 'AI分野の女性',
    summary_vi: 'Sự kiện và khoá học giúp phụ nữ bước vào nghề AI và dữ liệu.',
    summary_en: 'Events and courses that bring women into AI and data careers.',
    summary_ja: '女性がAI・データ分野のキャリアに進むためのイベントと講座。',
    starts_on: '2022-03-08',
    ends_on: null,
    links: [
      ['nic', 'lead'],
      ['demo-hoc-vien-phu-nu-ai-dong-thap', 'partner'],
      ['demo-vien-du-lieu-ai-sai-gon', 'partner'],
      ['demo-chuong-trinh-phat-trien-lhq', 'donor'],
    ],
  },
  {
    code: 'semiconductor-2030',
    name_vi: 'Nhân lực Bán dẫn 2030',
    name_en: 'Semiconductor Talent 2030',
    name_ja: '半導体人材2030',
    summary_vi: 'Góp phần đào tạo 50.000 kỹ sư, kỹ thuật viên bán dẫn đến năm 2030.',
    summary_en: 'Contributing to the national goal of 50,000 semiconductor professionals by 2030.',
    summary_ja: '2030年までに半導体人材5万人を育成する国家目標に貢献。',
    starts_on: '2024-09-01',
    ends_on: '2030-12-31',
    links: [
      ['nic', 'lead'],
      ['demo-trung-tam-ban-dan-da-nang', 'partner'],
      ['demo-cao-dang-cong-nghe-hoa-lac', 'partner'],
      ['demo-vi-mach-song-hong', 'employer'],
      ['demo-kiem-thu-ban-dan-sai-gon', 'employer'],
      ['demo-kyushu-hikari-denshi', 'employer'],
      ['demo-quy-hop-tac-nhat-viet', 'donor'],
    ],
  },
  {
    code: 'jds-scholarships',
    name_vi: 'Học bổng Phát triển Nguồn nhân lực Nhật Bản (JDS) 2025–2028',
    name_en: 'Japan Development Scholarship (JDS) 2025–2028',
    name_ja: '人材育成奨学計画（JDS）2025–2028',
    summary_vi: 'Mỗi năm 38 suất thạc sĩ và 5 suất tiến sĩ tại Nhật Bản.',
    summary_en: '38 master’s and 5 doctoral scholarships in Japan each year.',
    summary_ja: '毎年、修士38名・博士5名の日本留学奨学金。',
    starts_on: '2025-04-01',
    ends_on: '2028-12-31',
    links: [
      ['nic', 'lead'],
      ['demo-quy-hop-tac-nhat-viet', 'donor'],
    ],
  },
  {
    code: 'work-in-japan',
    name_vi: 'Con đường làm việc tại Nhật Bản',
    name_en: 'Work in Japan pathway',
    name_ja: '日本就労パスウェイ',
    summary_vi:
      'Kỹ năng đặc định (ngành Sản xuất sản phẩm công nghiệp) với tiếng Nhật JLPT N4 hoặc JFT-Basic A2.',
    summary_en:
      'Specified Skilled Worker (Industrial Product Manufacturing) with Japanese at JLPT N4 or JFT-Basic A2.',
    summary_ja: '特定技能（工業製品製造業分野）、日本語はJLPT N4またはJFT-Basic A2。',
    starts_on: '2025-01-01',
    ends_on: null,
    links: [
      ['nic', 'lead'],
      ['demo-trung-tam-ban-dan-da-nang', 'partner'],
      ['demo-kyushu-hikari-denshi', 'employer'],
      ['demo-kumamoto-seimitsu-kumitate', 'employer'],
    ],
  },
];

export async function seedPrograms(db: Kysely<DB>, opts: { demo: boolean }) {
  const slugs = await db.selectFrom('organisations').select(['id', 'slug']).execute();
  const idOf = new Map(slugs.map((o) => [o.slug, o.id]));
  let links = 0;
  for (const { links: programLinks, ...p } of programSeeds) {
    const program = await upsertProgram(db, { ...p, is_demo: opts.demo });
    for (const [slug, role] of programLinks) {
      const orgId = idOf.get(slug);
      if (!orgId) continue;
      await linkOrganisation(db, program.id, orgId, role);
      links++;
    }
  }
  return { programs: programSeeds.length, links };
}
