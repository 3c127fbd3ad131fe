/**
 * Demo data that tells the story of the sources: NIC at Hòa Lạc, nine training partners as in USAID
 * WISE (several in the Mekong delta, for the Mekong Innovation Initiative), semiconductor employers in
 * Vietnam and in Kyushu, donors (a Japan ODA/UNDP-style grant, a legacy WISE donor) and start-ups for
 * the social impact fund. Every organisation but NIC is fictional and marked `[Demo]` / is_demo, so
 * nobody mistakes it for a real partner. Deterministic: the same rows every time.
 */

import type { Kysely } from 'kysely';
import type { AppContext } from '../../lib/context';
import { insertAudit } from '../../modules/audit/repo';
import { hashPassword } from '../../modules/identity/password';
import { findUserByEmail, insertGrant, insertUser } from '../../modules/identity/repo';
import { insertOrganisation, type NewOrganisation } from '../../modules/organisations/repo';
import type { DB, Locale, Role } from '../schema';

export interface DemoAccount {
  role: string;
  email: string;
  password: string;
  displayName: string;
}

/** One password for every demo account, printed at start; it passes assertStrongPassword. */
export const DEMO_PASSWORD = 'NhanLuc@2026!';

const DEMO_DOMAIN = 'demo.nhanluc.vn';

type OrgKey =
  | 'nic'
  | 'partnerMekong'
  | 'partnerHoaLac'
  | 'employerVn'
  | 'employerKyushu'
  | 'donorJapan'
  | (string & {});

const organisations: readonly (NewOrganisation & { key: OrgKey })[] = [
  {
    key: 'nic',
    slug: 'nic',
    name: 'Trung tâm Đổi mới sáng tạo Quốc gia (NIC)',
    kind: 'nic',
    provinceCode: '01',
    website: 'https://nic.gov.vn',
    verified: true,
  },
  // Nine training partners, as many as WISE had; the first two are the ones the demo accounts run.
  ...(
    [
      ['partnerMekong', 'demo-hoc-vien-ky-nang-so-mekong', '[Demo] Học viện Kỹ năng số Mekong', '92'],
      ['partnerHoaLac', 'demo-cao-dang-cong-nghe-hoa-lac', '[Demo] Trường Cao đẳng Công nghệ Hòa Lạc', '01'],
      ['partnerDaNang', 'demo-trung-tam-ban-dan-da-nang', '[Demo] Trung tâm Đào tạo Bán dẫn Đà Nẵng', '48'],
      ['partnerSaiGon', 'demo-vien-du-lieu-ai-sai-gon', '[Demo] Viện Dữ liệu và AI Sài Gòn', '79'],
      ['partnerAnGiang', 'demo-truong-nghe-so-an-giang', '[Demo] Trường Nghề số An Giang', '91'],
      [
        'partnerVinhLong',
        'demo-trung-tam-cong-nghiep-40-vinh-long',
        '[Demo] Trung tâm Kỹ năng Công nghiệp 4.0 Vĩnh Long',
        '86',
      ],
      [
        'partnerDongThap',
        'demo-hoc-vien-phu-nu-ai-dong-thap',
        '[Demo] Học viện Phụ nữ trong AI Đồng Tháp',
        '82',
      ],
      [
        'partnerCaMau',
        'demo-trung-tam-iot-nong-nghiep-ca-mau',
        '[Demo] Trung tâm IoT Nông nghiệp Cà Mau',
        '96',
      ],
      // New Opportunities Program: reskilling industrial workers where the factories are.
      [
        'partnerDongNai',
        'demo-trung-tam-tai-dao-tao-dong-nai',
        '[Demo] Trung tâm Tái đào tạo Công nhân Đồng Nai',
        '75',
      ],
    ] as const
  ).map(([key, slug, name, provinceCode]) => ({
    key,
    slug,
    name,
    kind: 'training_partner' as const,
    provinceCode,
    isDemo: true,
    verified: true,
  })),
  {
    key: 'employerVn',
    slug: 'demo-vi-mach-song-hong',
    name: '[Demo] Công ty TNHH Vi mạch Sông Hồng',
    kind: 'employer',
    provinceCode: '01',
    isDemo: true,
    verified: true,
  },
  {
    key: 'employerCanTho',
    slug: 'demo-dien-tu-cuu-long',
    name: '[Demo] Công ty CP Điện tử Cửu Long',
    kind: 'employer',
    provinceCode: '92',
    isDemo: true,
    verified: true,
  },
  {
    key: 'employerSaiGon',
    slug: 'demo-kiem-thu-ban-dan-sai-gon',
    name: '[Demo] Công ty TNHH Kiểm thử Bán dẫn Sài Gòn',
    kind: 'employer',
    provinceCode: '79',
    isDemo: true,
    verified: true,
  },
  {
    key: 'employerKyushu',
    slug: 'demo-kyushu-hikari-denshi',
    name: '[Demo] Kyushu Hikari Denshi (九州ひかり電子)',
    kind: 'employer',
    country: 'JP',
    isDemo: true,
    verified: true,
  },
  // Left unverified on purpose: the demo shows NIC staff verifying an employer before it may post jobs.
  {
    key: 'employerKumamoto',
    slug: 'demo-kumamoto-seimitsu-kumitate',
    name: '[Demo] Kumamoto Seimitsu Kumitate (熊本精密組立)',
    kind: 'employer',
    country: 'JP',
    isDemo: true,
    verified: false,
  },
  {
    key: 'donorJapan',
    slug: 'demo-quy-hop-tac-nhat-viet',
    name: '[Demo] Quỹ Hợp tác Phát triển Nhật – Việt',
    kind: 'donor',
    country: 'JP',
    isDemo: true,
    verified: true,
  },
  {
    key: 'donorUn',
    slug: 'demo-chuong-trinh-phat-trien-lhq',
    name: '[Demo] Chương trình Phát triển Đổi mới (Liên Hợp Quốc)',
    kind: 'donor',
    provinceCode: '01',
    isDemo: true,
    verified: true,
  },
  // WISE ended in January 2024; its records stay on the platform and must still be reported.
  {
    key: 'donorWise',
    slug: 'demo-nha-tai-tro-wise',
    name: '[Demo] Nhà tài trợ WISE (dữ liệu cũ)',
    kind: 'donor',
    country: 'US',
    isDemo: true,
    verified: true,
  },
  {
    key: 'startupAgri',
    slug: 'demo-agrisense-mekong',
    name: '[Demo] AgriSense Mekong',
    kind: 'startup',
    provinceCode: '92',
    isDemo: true,
    verified: true,
  },
  {
    key: 'startupEdu',
    slug: 'demo-cau-noi-hoc-tap',
    name: '[Demo] Cầu Nối Học Tập',
    kind: 'startup',
    provinceCode: '01',
    isDemo: true,
    verified: true,
  },
];

interface AccountSeed {
  role: Role;
  email: string;
  displayName: string;
  locale: Locale;
  /** Where the role is held; null for platform-wide roles. */
  org: OrgKey | null;
}

const accounts: readonly AccountSeed[] = [
  {
    role: 'platform_admin',
    email: `admin@${DEMO_DOMAIN}`,
    displayName: 'Nguyễn Thị Lan',
    locale: 'vi',
    org: null,
  },
  {
    role: 'program_manager',
    email: `manager@${DEMO_DOMAIN}`,
    displayName: 'Trần Văn Minh',
    locale: 'vi',
    org: 'nic',
  },
  {
    role: 'partner_admin',
    email: `partner.mekong@${DEMO_DOMAIN}`,
    displayName: 'Lê Thị Hồng Nhung',
    locale: 'vi',
    org: 'partnerMekong',
  },
  // A second partner's admin: tests sign in as both to prove one partner never sees another's data.
  {
    role: 'partner_admin',
    email: `partner.hoalac@${DEMO_DOMAIN}`,
    displayName: 'Phạm Quốc Huy',
    locale: 'vi',
    org: 'partnerHoaLac',
  },
  {
    role: 'trainer',
    email: `trainer@${DEMO_DOMAIN}`,
    displayName: 'Huỳnh Thanh Tâm',
    locale: 'vi',
    org: 'partnerMekong',
  },
  {
    role: 'learner',
    email: `learner@${DEMO_DOMAIN}`,
    displayName: 'Võ Thị Ngọc Hân',
    locale: 'vi',
    org: null,
  },
  {
    role: 'employer',
    email: `employer@${DEMO_DOMAIN}`,
    displayName: 'Đặng Minh Khoa',
    locale: 'vi',
    org: 'employerVn',
  },
  {
    role: 'employer',
    email: `employer.kyushu@${DEMO_DOMAIN}`,
    displayName: 'Tanaka Yūko',
    locale: 'ja',
    org: 'employerKyushu',
  },
  // The unverified employer's recruiter: the demo shows that it cannot post until NIC verifies it.
  {
    role: 'employer',
    email: `employer.pending@${DEMO_DOMAIN}`,
    displayName: 'Suzuki Kenta',
    locale: 'ja',
    org: 'employerKumamoto',
  },
  {
    role: 'donor_viewer',
    email: `donor@${DEMO_DOMAIN}`,
    displayName: 'Bùi Thu Hà',
    locale: 'en',
    org: 'donorJapan',
  },
  {
    role: 'fund_manager',
    email: `fund@${DEMO_DOMAIN}`,
    displayName: 'Đỗ Hoàng Nam',
    locale: 'vi',
    org: 'nic',
  },
  {
    role: 'reviewer',
    email: `reviewer@${DEMO_DOMAIN}`,
    displayName: 'Hoàng Thị Mai Anh',
    locale: 'vi',
    org: 'nic',
  },
];

export const demoAccounts: DemoAccount[] = accounts.map((a) => ({
  role: a.role,
  email: a.email,
  password: DEMO_PASSWORD,
  displayName: a.displayName,
}));

// Roster learners: names combined from common parts by index, so the list is the same on every run.
const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const WOMEN = [
  ['Thị', 'Lan'],
  ['Ngọc', 'Hân'],
  ['Thị', 'Thu Trang'],
  ['Thu', 'Hương'],
  ['Thị', 'Yến'],
  ['Mỹ', 'Linh'],
  ['Thị', 'Kim Ngân'],
  ['Phương', 'Thảo'],
  ['Thị', 'Hạnh'],
  ['Bảo', 'Ngọc'],
];
const MEN = [
  ['Văn', 'Hùng'],
  ['Minh', 'Tuấn'],
  ['Đức', 'Phúc'],
  ['Quốc', 'Bảo'],
  ['Văn', 'Dũng'],
  ['Hữu', 'Nghĩa'],
  ['Thanh', 'Long'],
  ['Gia', 'Huy'],
  ['Văn', 'Tài'],
  ['Trọng', 'Nhân'],
];
export const ROSTER_LEARNERS = 40;

export function rosterLearnerName(i: number): string {
  // Every other learner is a woman: the gender divide is one of the things the platform must show.
  const [middle, given] = (i % 2 === 0 ? WOMEN : MEN)[Math.floor(i / 2) % 10]!;
  return `${FAMILY[(i * 7) % FAMILY.length]} ${middle} ${given}`;
}

export const rosterLearnerEmail = (i: number) => `hocvien${String(i + 1).padStart(2, '0')}@${DEMO_DOMAIN}`;

/** Whether the demo data is already there: its platform admin is the first row it writes. */
export async function isDemoSeeded(db: Kysely<DB>) {
  return (await findUserByEmail(db, demoAccounts[0]!.email)) !== undefined;
}

export async function seedDemo(ctx: AppContext): Promise<DemoAccount[]> {
  // argon2id is deliberately slow; fifty accounts sharing one password need it only once.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await ctx.db.transaction().execute(async (trx) => {
    const orgIds = new Map<OrgKey, string>();
    for (const { key, ...org } of organisations) orgIds.set(key, (await insertOrganisation(trx, org)).id);
    const orgId = (key: OrgKey | null) => (key === null ? null : orgIds.get(key)!);

    let adminId: string | null = null;
    for (const a of accounts) {
      const user = await insertUser(trx, {
        email: a.email,
        passwordHash,
        displayName: a.displayName,
        locale: a.locale,
      });
      adminId ??= user.id;
      await insertGrant(trx, {
        userId: user.id,
        role: a.role,
        organisationId: orgId(a.org),
        grantedBy: adminId,
      });
    }

    const partners = organisations.filter((o) => o.kind === 'training_partner');
    for (let i = 0; i < ROSTER_LEARNERS; i++) {
      const user = await insertUser(trx, {
        email: rosterLearnerEmail(i),
        passwordHash,
        displayName: rosterLearnerName(i),
        locale: 'vi',
      });
      const partner = partners[i % partners.length]!;
      await insertGrant(trx, {
        userId: user.id,
        role: 'learner',
        organisationId: orgId(partner.key),
        grantedBy: adminId,
      });
    }

    await insertAudit(trx, {
      actorUserId: null,
      action: 'seed.demo',
      entityType: 'seed',
      details: {
        organisations: organisations.length,
        accounts: accounts.length,
        rosterLearners: ROSTER_LEARNERS,
      },
    });
  });
  return demoAccounts;
}
