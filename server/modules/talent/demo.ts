/**
 * Demo data of the talent side: jobs posted by the demo employers (in Viet Nam and in Kyushu, where
 * the semiconductor fabs are), and talent profiles for the demo learner and some roster learners,
 * with the consents that let employers find them. The consents are recorded as the person's own
 * (source 'self'): these are fictional people, and the demo has to show what a consenting candidate
 * looks like. Idempotent: an employer that has jobs is left alone, a person with a profile too.
 */
import { consentWording } from '../../../common/consent';
import type { JobInputT } from '../../../common/contracts/talent';
import { vietnamDate } from '../../jobs';
import type { Actor } from '../../lib/actor';
import type { AppContext } from '../../lib/context';
import { ensurePersonForUser } from '../people/repo';
import { insertConsent } from '../privacy/repo';
import { createJob } from './jobs/service';
import { saveMyProfile } from './profiles/service';

const DAY = 86_400_000;
const inDays = (n: number) =>
  new Date(Date.parse(`${vietnamDate()}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

type DemoJob = Omit<JobInputT, 'organisationId' | 'closesOn'> & { closesInDays: number };

const jobsBySlug: Record<string, DemoJob[]> = {
  'demo-kyushu-hikari-denshi': [
    {
      title: 'Wafer inspection operator (Specified Skilled Worker)',
      description:
        'Inspect wafers for defects in our Kumamoto fab with optical inspection equipment and microscopes, keep cleanroom discipline and report to the line leader in Japanese. Training on our equipment is given on arrival.',
      language: 'en',
      translations: {
        ja: {
          title: 'ウェーハ検査オペレーター（特定技能）',
          description:
            '熊本工場で光学検査装置と顕微鏡を使いウェーハの欠陥を検査します。クリーンルームの規律を守り、日本語でラインリーダーに報告します。装置の研修は着任後に行います。',
        },
        vi: {
          title: 'Nhân viên kiểm tra wafer (Kỹ năng đặc định)',
          description:
            'Kiểm tra khuyết tật wafer tại nhà máy ở Kumamoto bằng thiết bị quang học và kính hiển vi, tuân thủ quy trình phòng sạch và báo cáo bằng tiếng Nhật. Được đào tạo thiết bị khi đến nơi.',
        },
      },
      country: 'JP',
      prefecture: '43',
      jlptMin: 'N4',
      visaTrack: 'ssw1',
      sswField: 'industrial_product_manufacturing',
      salaryMin: 210_000,
      salaryMax: 250_000,
      currency: 'JPY',
      closesInDays: 45,
      skills: [
        { skillId: 'semi.wafer-inspection', level: 3, required: true },
        { skillId: 'semi.cleanroom', level: 2, required: true },
        { skillId: 'semi.microscopy', level: 2, required: true },
        { skillId: 'soft.japanese-workplace', level: 2, required: false },
      ],
    },
    {
      title: 'PCB assembly technician (Technical Intern → Skill Development)',
      description:
        'Solder and assemble printed circuit boards for automotive electronics in Fukuoka; read assembly drawings; 5S on the line.',
      language: 'en',
      country: 'JP',
      prefecture: '40',
      jlptMin: 'N5',
      visaTrack: 'skill_development',
      sswField: 'industrial_product_manufacturing',
      salaryMin: 185_000,
      salaryMax: 205_000,
      currency: 'JPY',
      closesInDays: 60,
      skills: [
        { skillId: 'semi.soldering', level: 2, required: true },
        { skillId: 'semi.pcb-assembly', level: 2, required: true },
        { skillId: 'semi.schematics', level: 2, required: false },
        { skillId: 'dig.quality-5s', level: 2, required: false },
      ],
    },
  ],
  'demo-vi-mach-song-hong': [
    {
      title: 'Kỹ sư kiểm chứng thiết kế vi mạch',
      description:
        'Viết testbench SystemVerilog/UVM cho các khối IP số tại Hoà Lạc; làm việc với nhóm thiết kế để đóng lỗi trước tape-out.',
      language: 'vi',
      country: 'VN',
      provinceCode: '01',
      salaryMin: 25_000_000,
      salaryMax: 40_000_000,
      currency: 'VND',
      closesInDays: 30,
      skills: [
        { skillId: 'semi.verification', level: 3, required: true },
        { skillId: 'semi.hdl', level: 3, required: true },
        { skillId: 'ai.python', level: 2, required: false },
      ],
    },
  ],
  'demo-kiem-thu-ban-dan-sai-gon': [
    {
      title: 'Kỹ thuật viên kiểm thử vi mạch',
      description:
        'Vận hành máy kiểm thử tự động, phân tích kết quả và báo cáo lỗi trong ca làm việc tại TP. Hồ Chí Minh.',
      language: 'vi',
      country: 'VN',
      provinceCode: '79',
      salaryMin: 12_000_000,
      salaryMax: 18_000_000,
      currency: 'VND',
      closesInDays: 40,
      skills: [
        { skillId: 'semi.testing', level: 2, required: true },
        { skillId: 'semi.wafer-inspection', level: 2, required: false },
        { skillId: 'ai.spreadsheets', level: 2, required: false },
      ],
    },
    {
      title: 'Chuyên viên phân tích dữ liệu sản xuất',
      description:
        'Phân tích dữ liệu năng suất và lỗi từ dây chuyền bằng Python và SQL, dựng báo cáo trực quan cho quản lý.',
      language: 'vi',
      country: 'VN',
      provinceCode: '79',
      salaryMin: 15_000_000,
      salaryMax: 25_000_000,
      currency: 'VND',
      closesInDays: 35,
      skills: [
        { skillId: 'ai.python', level: 3, required: true },
        { skillId: 'ai.data-analysis', level: 3, required: true },
        { skillId: 'ai.sql', level: 2, required: true },
        { skillId: 'ai.data-visualisation', level: 2, required: false },
      ],
    },
  ],
  'demo-dien-tu-cuu-long': [
    {
      title: 'Kỹ thuật viên IoT nông nghiệp',
      description:
        'Lắp đặt và bảo trì cảm biến, bộ điều khiển ESP32 và mạng LoRa cho các trang trại ở Cần Thơ và lân cận.',
      language: 'vi',
      country: 'VN',
      provinceCode: '92',
      salaryMin: 10_000_000,
      salaryMax: 14_000_000,
      currency: 'VND',
      closesInDays: 50,
      skills: [
        { skillId: 'iot.sensors', level: 2, required: true },
        { skillId: 'iot.microcontrollers', level: 2, required: true },
        { skillId: 'iot.wireless', level: 2, required: false },
        { skillId: 'iot.smart-agriculture', level: 2, required: false },
      ],
    },
  ],
};

/** Profiles of roster learners: who is looking for what (declared skills, Japanese, willingness). */
const rosterProfiles: {
  index: number;
  headline: string;
  jlpt: 'N5' | 'N4' | 'N3' | null;
  japan: boolean;
  skills: [string, number][];
}[] = [
  {
    index: 0,
    headline: 'Công nhân lắp ráp điện tử, muốn làm việc tại Nhật',
    jlpt: 'N4',
    japan: true,
    skills: [
      ['semi.soldering', 3],
      ['semi.pcb-assembly', 3],
      ['dig.quality-5s', 3],
    ],
  },
  {
    index: 1,
    headline: 'Kỹ thuật viên phòng sạch',
    jlpt: 'N4',
    japan: true,
    skills: [
      ['semi.cleanroom', 3],
      ['semi.wafer-inspection', 3],
      ['semi.microscopy', 2],
    ],
  },
  {
    index: 2,
    headline: 'Sinh viên phân tích dữ liệu',
    jlpt: null,
    japan: false,
    skills: [
      ['ai.python', 3],
      ['ai.data-analysis', 2],
      ['ai.sql', 2],
    ],
  },
  {
    index: 3,
    headline: 'Kỹ thuật viên IoT',
    jlpt: null,
    japan: false,
    skills: [
      ['iot.sensors', 3],
      ['iot.microcontrollers', 3],
      ['iot.wireless', 2],
    ],
  },
  {
    index: 4,
    headline: 'Thợ hàn linh kiện',
    jlpt: 'N5',
    japan: true,
    skills: [
      ['semi.soldering', 2],
      ['semi.schematics', 2],
    ],
  },
  {
    index: 5,
    headline: 'Nhân viên kiểm tra chất lượng',
    jlpt: 'N3',
    japan: true,
    skills: [
      ['semi.wafer-inspection', 2],
      ['semi.cleanroom', 2],
      ['soft.japanese-workplace', 3],
    ],
  },
];

const rosterEmail = (i: number) => `hocvien${String(i + 1).padStart(2, '0')}@demo.nhanluc.vn`;

async function actorFor(ctx: AppContext, email: string): Promise<Actor | null> {
  const u = await ctx.db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'locale'])
    .where('email', '=', email)
    .executeTakeFirst();
  if (!u) return null;
  const grants = await ctx.db
    .selectFrom('role_grants as g')
    .leftJoin('organisations as o', 'o.id', 'g.organisation_id')
    .select(['g.role', 'g.organisation_id', 'o.kind'])
    .where('g.user_id', '=', u.id)
    .execute();
  return {
    userId: u.id,
    email: u.email,
    displayName: u.display_name,
    locale: u.locale,
    sessionId: 'seed',
    grants: grants.map((g) => ({
      role: g.role,
      organisationId: g.organisation_id,
      organisationKind: g.kind,
    })),
  };
}

async function consentAll(ctx: AppContext, userId: string) {
  const person = await ensurePersonForUser(ctx.db, userId);
  for (const purpose of ['job_matching', 'share_employers_vn', 'share_employers_jp'] as const) {
    await insertConsent(ctx.db, {
      personId: person.id,
      purpose,
      granted: true,
      wordingVersion: consentWording[purpose].version,
      source: 'self',
      recordedBy: userId,
    });
  }
  return person.id;
}

export async function seedDemoTalent(ctx: AppContext) {
  let jobs = 0;
  for (const [slug, list] of Object.entries(jobsBySlug)) {
    const org = await ctx.db
      .selectFrom('organisations')
      .select('id')
      .where('slug', '=', slug)
      .executeTakeFirst();
    if (!org) continue;
    const has = await ctx.db
      .selectFrom('jobs')
      .select('id')
      .where('organisation_id', '=', org.id)
      .executeTakeFirst();
    if (has) continue;
    const staff = await ctx.db
      .selectFrom('role_grants as g')
      .innerJoin('users as u', 'u.id', 'g.user_id')
      .select('u.email')
      .where('g.organisation_id', '=', org.id)
      .where('g.role', '=', 'employer')
      .executeTakeFirst();
    // An employer without a demo account posts through a stand-in holding its role.
    const actor = staff ? await actorFor(ctx, staff.email) : null;
    const poster: Actor = actor ?? {
      userId: (
        await ctx.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', 'admin@demo.nhanluc.vn')
          .executeTakeFirstOrThrow()
      ).id,
      email: 'seed',
      displayName: 'seed',
      locale: 'vi',
      sessionId: 'seed',
      grants: [{ role: 'employer', organisationId: org.id, organisationKind: 'employer' }],
    };
    for (const { closesInDays, ...j } of list) {
      await createJob(
        ctx,
        poster,
        { ...j, organisationId: org.id, closesOn: inDays(closesInDays) },
        'vi',
        null,
      );
      jobs++;
    }
  }

  const learners: {
    email: string;
    headline: string;
    jlpt: 'N5' | 'N4' | 'N3' | null;
    japan: boolean;
    province: string | null;
    skills: [string, number][];
  }[] = [
    {
      email: 'learner@demo.nhanluc.vn',
      headline: 'Học viên bán dẫn, đang học tiếng Nhật',
      jlpt: 'N5',
      japan: true,
      province: '01',
      skills: [
        ['semi.cleanroom', 2],
        ['soft.teamwork', 3],
      ],
    },
    ...rosterProfiles.map((r) => ({ ...r, email: rosterEmail(r.index), province: null })),
  ];
  let profiles = 0;
  for (const l of learners) {
    const actor = await actorFor(ctx, l.email);
    if (!actor) continue;
    const person = await ensurePersonForUser(ctx.db, actor.userId);
    if (
      await ctx.db
        .selectFrom('talent_profiles')
        .select('person_id')
        .where('person_id', '=', person.id)
        .executeTakeFirst()
    )
      continue;
    await consentAll(ctx, actor.userId);
    await saveMyProfile(
      ctx,
      actor,
      {
        headline: l.headline,
        provinceCode: l.province ?? person.province_code,
        relocate: true,
        workInJapan: l.japan,
        jlpt: l.jlpt,
        jftBasic: false,
        education: [],
        experience: [],
        languages: [{ language: 'Tiếng Việt', level: 'native' }],
        cvFileId: null,
        skills: l.skills.map(([skillId, level]) => ({ skillId, level })),
      },
      'vi',
      null,
    );
    profiles++;
  }
  if (jobs || profiles) ctx.log.info(`demo talent: ${jobs} jobs, ${profiles} profiles`);
  return { jobs, profiles };
}
