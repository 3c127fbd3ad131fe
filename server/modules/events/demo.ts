/**
 * Demo events: the outreach of the sources (4IR careers fairs, women in AI, digital education), a few
 * per program, organised by NIC and the demo partners. Past ones have their attendance: demo learners
 * who registered (most came, some did not) and visitors who walked in, each found or made through the
 * registry's matching like any walk-in — one visitor came to two events and is one person. One event
 * is ahead (the Hòa Lạc semiconductor careers day, organised by the Hòa Lạc college, whose partner
 * admin is a demo account): registrations, the demo learner's among them, none checked in yet.
 *
 * Events of programs that have ended are dated inside the program; the others follow today. No visitor
 * resembles anyone else, so the demo queues no pair for review. Idempotent: an event whose title its
 * organiser already has is left alone.
 */
import type { EventTopic } from '../../../common/events';
import type { AppContext } from '../../lib/context';
import { findUserByEmail } from '../identity/repo';
import { findOrganisationBySlug } from '../organisations/repo';
import { ensurePersonForUser } from '../people/repo';
import { findOrCreatePerson, type RegisteringPerson } from '../registry/people/registration';
import * as repo from './repo';
import { addDemoParticipant } from './service';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const DEMO = '@demo.nhanluc.vn';
const learnerEmail = (i: number) => `hocvien${String(i + 1).padStart(2, '0')}${DEMO}`;

/** The upcoming event the demo (and the end-to-end test) registers for and checks in at. */
export const DEMO_UPCOMING_TITLE = 'Ngày hội nghề nghiệp bán dẫn Hòa Lạc 2026';
/** Its title in each language, as the pages show it. */
export const DEMO_UPCOMING_TITLES = {
  vi: DEMO_UPCOMING_TITLE,
  en: 'Hòa Lạc semiconductor careers day 2026',
  ja: 'ホアラック半導体キャリアデー2026',
} as const;

interface DemoEvent {
  program: string;
  organiser: string;
  topic: EventTopic;
  title: string;
  en: string;
  ja: string;
  description: string;
  /** Vietnam time `YYYY-MM-DDTHH:mm`, or days from today at 08:00. */
  starts: string | number;
  hours: number;
  online: boolean;
  provinceCode: string | null;
  location: string | null;
  capacity: number | null;
  /** Demo learners (hocvienNN, by index) who registered; every fourth did not come. */
  learners: number[];
  /** Visitors who walked in (indexes into `visitors`). */
  walkIns: number[];
  demoLearner?: boolean;
}

const visitors: RegisteringPerson[] = [
  {
    fullName: 'Thạch Thị Sóc Pha',
    sex: 'F',
    dateOfBirth: '2001-02-11',
    provinceCode: '92',
    phone: '+84919001101',
    email: null,
  },
  {
    fullName: 'Danh Văn Khởi',
    sex: 'M',
    dateOfBirth: '1996-12-03',
    provinceCode: '91',
    phone: '+84919001102',
    email: null,
  },
  {
    fullName: 'Kiều Thị Ánh Tuyết',
    sex: 'F',
    dateOfBirth: '2003-08-21',
    provinceCode: '82',
    phone: null,
    email: 'anhtuyet.kieu@example.vn',
  },
  {
    fullName: 'Quách Minh Luân',
    sex: 'M',
    dateOfBirth: '1989-05-30',
    provinceCode: '75',
    phone: '+84919001104',
    email: null,
  },
  {
    fullName: 'Lục Thị Hoài Thương',
    sex: 'F',
    dateOfBirth: '2000-10-09',
    provinceCode: '48',
    phone: '+84919001105',
    email: null,
  },
];

const events: DemoEvent[] = [
  {
    program: 'new-opportunities',
    organiser: 'demo-trung-tam-tai-dao-tao-dong-nai',
    topic: '4ir_careers',
    title: 'Ngày hội nghề nghiệp 4.0 cho công nhân Đồng Nai',
    en: '4IR careers day for Đồng Nai factory workers',
    ja: 'ドンナイ省工場労働者のための第4次産業革命キャリアデー',
    description:
      'Doanh nghiệp trong khu công nghiệp giới thiệu các vị trí vận hành máy CNC, robot và kiểm tra chất lượng tự động; tư vấn khoá đào tạo lại miễn phí.',
    starts: '2023-06-17T08:00',
    hours: 5,
    online: false,
    provinceCode: '75',
    location: 'Nhà văn hoá Khu công nghiệp Biên Hòa 2',
    capacity: 200,
    learners: [8, 17, 26, 35],
    walkIns: [3],
  },
  {
    program: 'new-opportunities',
    organiser: 'nic',
    topic: 'digital_education',
    title: 'Hội thảo trực tuyến: Kỹ năng số trong nhà máy',
    en: 'Webinar: digital skills on the factory floor',
    ja: 'ウェビナー：工場現場のデジタルスキル',
    description: 'Giới thiệu các khoá học kỹ năng số ngắn hạn cho công nhân, học được trên điện thoại.',
    starts: '2023-09-12T19:30',
    hours: 1.5,
    online: true,
    provinceCode: null,
    location: null,
    capacity: null,
    learners: [0, 9, 18, 27, 36],
    walkIns: [],
  },
  {
    program: 'mekong-innovation',
    organiser: 'demo-hoc-vien-ky-nang-so-mekong',
    topic: '4ir_careers',
    title: 'Hội chợ việc làm 4.0 Cần Thơ',
    en: 'Cần Thơ 4IR jobs fair',
    ja: 'カントー第4次産業革命就職フェア',
    description: 'Gặp gỡ doanh nghiệp IoT nông nghiệp, điện tử và phần mềm của vùng đồng bằng sông Cửu Long.',
    starts: '2023-11-18T08:00',
    hours: 6,
    online: false,
    provinceCode: '92',
    location: 'Trung tâm Hội nghị thành phố Cần Thơ',
    capacity: 300,
    learners: [0, 9, 18, 27],
    walkIns: [0, 1],
  },
  {
    program: 'mekong-innovation',
    organiser: 'demo-truong-nghe-so-an-giang',
    topic: 'digital_education',
    title: 'Giáo dục số cho giáo viên An Giang',
    en: 'Digital education for An Giang teachers',
    ja: 'アンザン省教員のためのデジタル教育',
    description: 'Buổi tập huấn dạy học trên nền tảng số cho giáo viên trung học và giáo dục nghề nghiệp.',
    starts: '2023-04-08T08:00',
    hours: 4,
    online: false,
    provinceCode: '91',
    location: 'Trường Nghề số An Giang, hội trường A',
    capacity: 80,
    learners: [4, 13, 22, 31],
    walkIns: [1],
  },
  {
    program: 'women-in-ai',
    organiser: 'demo-hoc-vien-phu-nu-ai-dong-thap',
    topic: 'women_in_ai',
    title: 'Ngày hội Phụ nữ trong AI Đồng Tháp',
    en: 'Women in AI day, Đồng Tháp',
    ja: 'ドンタップ省 AI分野の女性デー',
    description:
      'Các nữ kỹ sư dữ liệu chia sẻ con đường vào nghề; thực hành gán nhãn dữ liệu và xây dựng mô hình đầu tiên.',
    starts: -45,
    hours: 5,
    online: false,
    provinceCode: '82',
    location: 'Học viện Phụ nữ trong AI Đồng Tháp',
    capacity: 120,
    learners: [0, 2, 4, 6, 8, 10, 12, 14],
    walkIns: [2, 0],
  },
  {
    program: 'women-in-ai',
    organiser: 'nic',
    topic: 'women_in_ai',
    title: 'Hội thảo trực tuyến: Phụ nữ và nghề dữ liệu',
    en: 'Webinar: women and data careers',
    ja: 'ウェビナー：女性とデータ職',
    description: 'Trò chuyện với nữ chuyên gia AI tại Việt Nam và Nhật Bản; hỏi đáp về học bổng và việc làm.',
    starts: -12,
    hours: 1.5,
    online: true,
    provinceCode: null,
    location: null,
    capacity: null,
    learners: [16, 18, 20, 22, 24],
    walkIns: [],
    demoLearner: true,
  },
  {
    program: 'semiconductor-2030',
    organiser: 'demo-trung-tam-ban-dan-da-nang',
    topic: '4ir_careers',
    title: 'Tuần lễ nghề bán dẫn Đà Nẵng',
    en: 'Đà Nẵng semiconductor careers week',
    ja: 'ダナン半導体キャリアウィーク',
    description: 'Tham quan phòng sạch, giới thiệu nghề kiểm tra wafer và đóng gói vi mạch.',
    starts: -30,
    hours: 6,
    online: false,
    provinceCode: '48',
    location: 'Trung tâm Đào tạo Bán dẫn Đà Nẵng',
    capacity: 150,
    learners: [2, 11, 20, 29, 38],
    walkIns: [4],
  },
  {
    program: 'semiconductor-2030',
    organiser: 'demo-cao-dang-cong-nghe-hoa-lac',
    topic: '4ir_careers',
    title: DEMO_UPCOMING_TITLE,
    en: DEMO_UPCOMING_TITLES.en,
    ja: DEMO_UPCOMING_TITLES.ja,
    description:
      'Doanh nghiệp vi mạch trong và ngoài nước tuyển kỹ thuật viên; tư vấn lộ trình kỹ thuật viên bán dẫn và làm việc tại Nhật Bản.',
    starts: 10,
    hours: 6,
    online: false,
    provinceCode: '01',
    location: 'Khu Công nghệ cao Hòa Lạc, Trung tâm Đổi mới sáng tạo Quốc gia',
    capacity: 120,
    learners: [1, 3, 5, 7, 10, 15, 19, 23],
    walkIns: [],
    demoLearner: true,
  },
  {
    program: 'jds-scholarships',
    organiser: 'nic',
    topic: 'other',
    title: 'Giới thiệu học bổng JDS 2026',
    en: 'Introducing the JDS scholarships 2026',
    ja: 'JDS奨学金2026説明会',
    description:
      '38 suất thạc sĩ và 5 suất tiến sĩ tại Nhật Bản mỗi năm: điều kiện, hồ sơ và lịch tuyển chọn.',
    starts: -60,
    hours: 2,
    online: true,
    provinceCode: null,
    location: null,
    capacity: 500,
    learners: [5, 14, 23, 32],
    walkIns: [],
  },
  {
    program: 'work-in-japan',
    organiser: 'demo-trung-tam-ban-dan-da-nang',
    topic: '4ir_careers',
    title: 'Làm việc tại Nhật Bản: ngành sản xuất sản phẩm công nghiệp',
    en: 'Working in Japan: industrial product manufacturing',
    ja: '日本で働く：工業製品製造業分野',
    description:
      'Kỹ năng đặc định, kỳ thi kỹ năng ngành và tiếng Nhật JLPT N4 hoặc JFT-Basic A2; nhà tuyển dụng Kyushu trả lời trực tiếp.',
    starts: -20,
    hours: 3,
    online: false,
    provinceCode: '48',
    location: 'Trung tâm Đào tạo Bán dẫn Đà Nẵng, phòng 3',
    capacity: 60,
    learners: [6, 15, 24, 33],
    walkIns: [4],
  },
];

const vietnamTime = (local: string) => new Date(`${local}:00+07:00`);
function startOf(e: DemoEvent, now: Date): Date {
  if (typeof e.starts === 'string') return vietnamTime(e.starts);
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(
    new Date(now.getTime() + e.starts * DAY),
  );
  return vietnamTime(`${day}T08:00`);
}

export async function seedDemoEvents(ctx: AppContext, now = new Date()) {
  const db = ctx.db;
  const programs = new Map(
    (await db.selectFrom('programs').select(['id', 'code']).execute()).map((p) => [p.code, p.id]),
  );
  const manager = await findUserByEmail(db, `manager${DEMO}`);
  let created = 0;
  let participations = 0;
  for (const e of events) {
    const organiser = await findOrganisationBySlug(db, e.organiser);
    if (!organiser) continue;
    if (await repo.eventTitled(db, organiser.id, e.title)) continue;
    const startsAt = startOf(e, now);
    const endsAt = new Date(startsAt.getTime() + e.hours * HOUR);
    const past = endsAt.getTime() < now.getTime();
    // Who checked people in: the organiser's partner admin when the demo has one, else NIC's manager.
    const staff =
      (
        await db
          .selectFrom('role_grants')
          .select('user_id')
          .where('organisation_id', '=', organiser.id)
          .where('role', 'in', ['partner_admin', 'trainer'])
          .orderBy('role')
          .executeTakeFirst()
      )?.user_id ??
      manager?.id ??
      null;
    await db.transaction().execute(async (trx) => {
      const { id } = await repo.insertEvent(trx, organiser.id, manager?.id ?? null, {
        programId: programs.get(e.program) ?? null,
        topic: e.topic,
        title: e.title,
        description: e.description,
        language: 'vi',
        translations: { en: { title: e.en, description: '' }, ja: { title: e.ja, description: '' } },
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        online: e.online,
        provinceCode: e.provinceCode,
        location: e.location,
        capacity: e.capacity,
        status: past ? 'closed' : 'open',
      });
      created++;
      const registered = [...e.learners.map(learnerEmail), ...(e.demoLearner ? [`learner${DEMO}`] : [])];
      for (const [i, email] of registered.entries()) {
        const user = await findUserByEmail(trx, email);
        if (!user) continue;
        const person = await ensurePersonForUser(trx, user.id);
        const came = past && i % 4 !== 3;
        await addDemoParticipant(ctx, trx, {
          eventId: id,
          personId: person.id,
          registeredBy: user.id,
          walkIn: false,
          registeredAt: new Date(startsAt.getTime() - (3 + (i % 5)) * DAY),
          checkedInAt: came ? new Date(startsAt.getTime() + (5 + i * 3) * 60_000) : null,
          checkedInBy: came ? staff : null,
        });
        participations++;
      }
      for (const [i, v] of e.walkIns.entries()) {
        const { personId } = await findOrCreatePerson(trx, visitors[v]!);
        const at = new Date(startsAt.getTime() + (40 + i * 7) * 60_000);
        await addDemoParticipant(ctx, trx, {
          eventId: id,
          personId,
          registeredBy: staff,
          walkIn: true,
          registeredAt: at,
          checkedInAt: at,
          checkedInBy: staff,
        });
        participations++;
      }
    });
  }
  return { events: created, participations };
}
