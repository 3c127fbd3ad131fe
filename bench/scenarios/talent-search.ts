/**
 * The one search box on a national-scale board: the bench catalog's 20,000 courses (catalog.ts) plus
 * 100,000 open jobs with Vietnamese, English and Japanese titles, in a PGlite database in a temporary
 * folder. 200 varied queries — accented and bare words, capitals, English, Japanese, a word prefix,
 * the country and province filters, one kind with later pages — go through the search service as the
 * API calls it (`search`: every kind, ranked, highlighted, counted), and the p95 of their latency is
 * the figure. The service keeps answers for a minute until a course or job changes (decision 011), as
 * production traffic would meet it; `uncached_p95_ms` searches every query afresh.
 *
 * Baseline, in the same run on the same data: the ILIKE scan a first version would write — one
 * `ILIKE '%query%'` over the jobs' title || description and one over the courses' title || summary,
 * each with its first page and its count, no folding. Interleaved query by query, on the first 40
 * measured queries (each takes seconds on PGlite).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { foldVi } from '../../common/text';
import { openDatabase } from '../../server/db/client';
import type { DB } from '../../server/db/schema';
import { insertOrganisation } from '../../server/modules/organisations/repo';
import { search } from '../../server/modules/talent/search/service';
import { seedTaxonomy } from '../../server/modules/talent/taxonomy/service';
import { prng } from '../../server/test/random';
import { figure } from '../lib/figure';
import type { Scenario } from '../lib/scenario';
import { median, percentile } from '../lib/stats';
import { prepareCatalog } from './catalog';

const JOBS = Number(process.env.BENCH_SEARCH_JOBS ?? 100_000);
const QUERIES = 150;
const WARMUP = 20;
const NAIVE_SAMPLES = 40;
const BATCH = 1000;

const ROLES: [vi: string, en: string, ja: string][] = [
  ['Kỹ thuật viên bán dẫn', 'Semiconductor technician', '半導体技術者'],
  ['Nhân viên kiểm tra wafer', 'Wafer inspection operator', 'ウェーハ検査オペレーター'],
  ['Công nhân lắp ráp bo mạch in', 'PCB assembly worker', 'プリント基板組立作業員'],
  ['Kỹ sư thiết kế vi mạch', 'IC design engineer', '集積回路設計エンジニア'],
  ['Kỹ sư kiểm chứng thiết kế', 'Design verification engineer', '設計検証エンジニア'],
  ['Chuyên viên phân tích dữ liệu', 'Data analyst', 'データアナリスト'],
  ['Kỹ sư học máy', 'Machine learning engineer', '機械学習エンジニア'],
  ['Quản trị hệ thống đám mây', 'Cloud administrator', 'クラウド管理者'],
  ['Chuyên viên an ninh mạng', 'Cybersecurity specialist', 'サイバーセキュリティ担当'],
  ['Kỹ thuật viên IoT nông nghiệp', 'Agricultural IoT technician', '農業IoT技術者'],
  ['Lập trình viên nhúng', 'Embedded developer', '組込み開発者'],
  ['Thợ hàn linh kiện điện tử', 'Electronics solderer', '電子部品はんだ付け作業員'],
  ['Nhân viên kiểm thử vi mạch', 'Chip test operator', '半導体テストオペレーター'],
  ['Kỹ thuật viên bảo trì nhà máy', 'Factory maintenance technician', '工場保全技術者'],
  ['Phiên dịch tiếng Nhật', 'Japanese interpreter', '日本語通訳'],
];
const SUFFIXES = [
  '',
  'ca đêm',
  'thực tập',
  'có đào tạo',
  'làm việc tại Nhật',
  'khu công nghệ cao',
  'Hoà Lạc',
  'Đà Nẵng',
  'Bắc Ninh',
];
const SENTENCES = [
  'Làm việc theo ca trong phòng sạch, được đào tạo thiết bị khi nhận việc.',
  'Yêu cầu đọc hiểu bản vẽ kỹ thuật và báo cáo bằng tiếng Nhật.',
  'Môi trường quốc tế, lương thưởng theo năng lực, hỗ trợ nhà ở.',
  'Phân tích dữ liệu sản xuất bằng Python và SQL.',
  'Lắp đặt cảm biến, bảo trì thiết bị tại các trang trại ở đồng bằng sông Cửu Long.',
  'Hỗ trợ visa kỹ năng đặc định và chi phí đi lại.',
];
const PROVINCES = ['01', '48', '79', '92', '91', '96', '86', '82', '75', '24'];

const QUERY_WORDS = [
  'ban dan',
  'bán dẫn',
  'BÁN DẪN',
  'kiem tra wafer',
  'wafer',
  'wafer inspection',
  'ウェーハ',
  '半導体',
  'phan tich du lieu',
  'data analyst',
  'python',
  'pyth',
  'hoc may',
  'machine learning',
  'dam may',
  'an ninh mang',
  'iot nong nghiep',
  'cam bien',
  'nhung',
  'han linh kien',
  'tieng nhat',
  'phiên dịch',
  'hoa lac',
  'Hòa Lạc',
  'da nang',
  'ca dem',
  'ky su',
  'kỹ thuật viên',
  'semiconductor',
  'thiet ke vi mach',
];

async function insertJobs(db: Kysely<DB>, log: (m: string) => void) {
  await seedTaxonomy(db);
  const orgIds: string[] = [];
  for (let i = 1; i <= 40; i++) {
    orgIds.push(
      (
        await insertOrganisation(db, {
          slug: `nha-tuyen-dung-${i}`,
          name: `Nhà tuyển dụng ${i}`,
          kind: 'employer',
          country: i % 4 === 0 ? 'JP' : 'VN',
          verified: true,
        })
      ).id,
    );
  }
  const r = prng(2030);
  const today = new Date();
  for (let from = 0; from < JOBS; from += BATCH) {
    const rows = Array.from({ length: Math.min(BATCH, JOBS - from) }, (_, k) => {
      const i = from + k;
      const [vi, en, ja] = r.pick(ROLES);
      const japan = r.next() < 0.3;
      const title = [vi, r.pick(SUFFIXES)].filter(Boolean).join(' ');
      const description = `${r.pick(SENTENCES)} ${r.pick(SENTENCES)}`;
      const translations: Record<string, { title: string; description: string }> = {};
      if (r.next() < 0.5) translations.en = { title: en, description: 'Shift work, training on site.' };
      if (japan || r.next() < 0.1) translations.ja = { title: ja, description: '研修あり。' };
      return {
        organisation_id: orgIds[i % orgIds.length]!,
        language: 'vi' as const,
        title,
        description,
        translations: JSON.stringify(translations),
        country: japan ? ('JP' as const) : ('VN' as const),
        province_code: japan ? null : r.pick(PROVINCES),
        prefecture: japan ? String(1 + Math.floor(r.next() * 47)).padStart(2, '0') : null,
        currency: japan ? ('JPY' as const) : ('VND' as const),
        closes_on: new Date(today.getTime() + (5 + Math.floor(r.next() * 90)) * 86_400_000)
          .toISOString()
          .slice(0, 10),
        weight_total: 6,
        required_count: 3,
        search_folded: foldVi(
          [title, description, ...Object.values(translations).flatMap((t) => [t.title, t.description])].join(
            ' ',
          ),
        ),
        created_at: new Date(today.getTime() - Math.floor(r.next() * 365) * 86_400_000),
      };
    });
    await db.insertInto('jobs').values(rows).execute();
    if ((from + BATCH) % 20_000 === 0) log(`${from + BATCH} jobs`);
  }
  await sql`analyze`.execute(db);
}

interface Q {
  q: string;
  type?: 'course' | 'job' | 'skill' | 'occupation';
  country?: 'VN' | 'JP';
  province?: string;
  page?: number;
}

function buildQueries(): Q[] {
  const r = prng(11);
  return Array.from({ length: QUERIES + WARMUP }, () => {
    const q: Q = { q: r.pick(QUERY_WORDS) };
    if (r.next() < 0.15) q.country = r.pick(['VN', 'JP'] as const);
    if (r.next() < 0.1) q.province = r.pick(PROVINCES);
    if (r.next() < 0.25) {
      q.type = r.pick(['job', 'course'] as const);
      if (r.next() < 0.5) q.page = 2 + Math.floor(r.next() * 3);
    }
    return q;
  });
}

/** The ILIKE scan: jobs and courses, unfolded, each with its first page and its count. */
async function naiveSearch(db: Kysely<DB>, q: Q) {
  const pattern = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const jobs = db
    .selectFrom('jobs')
    .where('status', '=', 'open')
    .where(sql<boolean>`(title || ' ' || description) ilike ${pattern}`);
  const courses = db
    .selectFrom('courses')
    .where('status', '=', 'published')
    .where(sql<boolean>`(title || ' ' || summary) ilike ${pattern}`);
  await Promise.all([
    jobs.select(['id', 'title']).orderBy('created_at', 'desc').limit(20).execute(),
    jobs.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    courses.select(['id', 'title']).orderBy('published_at', 'desc').limit(20).execute(),
    courses.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
}

export const talentSearchScenario: Scenario = {
  prefix: 'talent.search.',
  description: `p95 of ${QUERIES} searches over ${JOBS.toLocaleString('en')} jobs + 20,000 courses + skills + occupations (PGlite, service call) vs an ILIKE scan`,
  async run(ctx) {
    const dir = mkdtempSync(join(tmpdir(), 'nhanluc-bench-search-'));
    const database = await openDatabase({ dataDir: join(dir, 'db') });
    try {
      const started = performance.now();
      await prepareCatalog(database.db, ctx.log);
      await insertJobs(database.db, ctx.log);
      ctx.log(
        `built 20,000 courses and ${JOBS} jobs in ${((performance.now() - started) / 1000).toFixed(1)} s`,
      );
      const ours: number[] = [];
      const uncached: number[] = [];
      const naive: number[] = [];
      let found = 0;
      for (const [i, q] of buildQueries().entries()) {
        const t0 = performance.now();
        const res = await search({ db: database.db }, q, 'vi');
        const t1 = performance.now();
        // The scan takes seconds on PGlite: it is timed on the first 40 measured queries only.
        if (i < WARMUP + NAIVE_SAMPLES) await naiveSearch(database.db, q);
        const t2 = performance.now();
        await search({ db: database.db }, q, 'vi', { cached: false });
        const t3 = performance.now();
        if (i < WARMUP) continue;
        ours.push(t1 - t0);
        if (i < WARMUP + NAIVE_SAMPLES) naive.push(t2 - t1);
        uncached.push(t3 - t2);
        found += res.groups.reduce((n, g) => n + g.total, 0);
      }
      const p95 = percentile(ours, 95);
      const naiveP95 = percentile(naive, 95);
      ctx.log(
        `search p50 ${median(ours).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms; afresh p50 ${median(uncached).toFixed(1)} ms, p95 ${percentile(uncached, 95).toFixed(1)} ms; ILIKE p50 ${median(naive).toFixed(1)} ms, p95 ${naiveP95.toFixed(1)} ms; ${Math.round(found / QUERIES)} matches per query on average (counts capped at 1,000 per kind)`,
      );
      return [
        figure({
          name: 'talent.search.p95_ms',
          value: p95,
          unit: 'ms',
          goal: { op: '<', target: 20 },
          baseline: naiveP95,
        }),
        figure({
          name: 'talent.search.uncached_p95_ms',
          value: percentile(uncached, 95),
          unit: 'ms',
          baseline: naiveP95,
        }),
        figure({ name: 'talent.search.ilike_p95_ms', value: naiveP95, unit: 'ms' }),
        figure({ name: 'talent.search.p50_ms', value: median(ours), unit: 'ms' }),
      ];
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
