/**
 * Impact monitoring through the API on the demo data: the New Opportunities dashboard against the
 * WISE targets, the same numbers as plain SQL, breakdowns that add up (people) or say they do not
 * (partners), the people behind a number (audited; not for donors), who sees which program, targets,
 * an indicator added from the building blocks, the exports, and the unique-learner total after the
 * demo duplicate is merged.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardT, DashboardT } from '../../../common/contracts/impact';
import type { IndicatorRule } from '../../../common/impact';
import { seedOnFirstStart } from '../../db/seed';
import { DEMO_PASSWORD } from '../../db/seed/demo';
import { Browser, createTestApp, type TestApp } from '../../test/app';
import { analyticsFor } from './analytics/store';
import { DEMO_DUPLICATE_NAME } from './demo';
import { naiveDashboardNumbers } from './indicators/dashboard';
import { dayOf, ymdOfDay } from './indicators/evaluate';

let t: TestApp;
let manager: Browser;
const url = '/api/impact/programs/new-opportunities/dashboard';

beforeAll(async () => {
  t = await createTestApp({ SEED_DEMO: 'true' });
  await seedOnFirstStart(t.ctx);
  manager = await new Browser(t, 'vi').login('manager@demo.nhanluc.vn', DEMO_PASSWORD);
}, 120_000);
afterAll(() => t.close());

const card = (d: DashboardT, code: string) => d.cards.find((c) => c.indicator.code === code)!;
const login = (email: string, locale: 'vi' | 'en' | 'ja' = 'en') =>
  new Browser(t, locale).login(email, DEMO_PASSWORD);

/** The dashboard's numbers as plain SQL counts them. */
async function naive(d: DashboardT, partnerId: string | null = null) {
  const store = await analyticsFor(t.ctx.db, { overlappingTransactions: t.database.kind === 'pg' });
  const to = dayOf(d.period.to);
  const slice = {
    program: store.structure.programIndex.get(d.program.id)!,
    from: dayOf(d.period.from),
    to,
    partner: partnerId ? store.structure.orgIndex.get(partnerId)! : null,
    asOf: ymdOfDay(to),
  };
  return naiveDashboardNumbers(
    t.ctx.db,
    store,
    slice,
    d.cards.map((c) => ({
      code: c.indicator.code,
      rule: c.indicator.rule as IndicatorRule,
      disaggregations: c.indicator.disaggregations,
    })),
  );
}

const sum = (c: CardT, dimension: string) =>
  c.breakdowns.find((b) => b.dimension === dimension)!.groups.reduce((n, g) => n + (g.value ?? 0), 0);

describe('the program dashboard', () => {
  it('shows New Opportunities against the WISE targets, counted as plain SQL counts them', async () => {
    const res = await manager.get(url);
    expect(res.statusCode).toBe(200);
    const d: DashboardT = res.json();
    expect(d.period).toMatchObject({ from: '2021-03-01', to: '2024-01-31' });
    const completed = card(d, 'LEARNERS_COMPLETED');
    expect(completed.indicator.name).toBe('Học viên hoàn thành');
    expect(completed.target).toBe(1400);
    expect(card(d, 'TRAINERS_CERTIFIED')).toMatchObject({ value: 6, target: 500 });
    expect(card(d, 'INDIRECT_BENEFICIARIES').target).toBe(1200);
    expect(completed.value).toBeGreaterThan(150);
    expect(completed.progress).toBeCloseTo(completed.value! / 1400, 9);
    expect(card(d, 'INDIRECT_BENEFICIARIES').value).toBeGreaterThan(50);
    expect(card(d, 'EMPLOYED_AFTER_TRAINING').value).toBeGreaterThan(5);

    const sql = await naive(d);
    for (const c of d.cards) {
      const n = sql.find((x) => x.code === c.indicator.code)!;
      expect(c.value === null ? null : Math.round(c.value * 1e6)).toBe(
        n.value === null ? null : Math.round(n.value * 1e6),
      );
      for (const b of c.breakdowns) {
        const mine = Object.fromEntries(
          b.groups.map((g) => [g.key, g.value === null ? null : Math.round(g.value * 1e6)]),
        );
        const theirs = Object.fromEntries(
          (n.groups[b.dimension] ?? []).map((g) => [
            g.key,
            g.value === null ? null : Math.round(g.value * 1e6),
          ]),
        );
        expect(mine).toEqual(theirs);
      }
    }
  });

  it('breaks people down so the groups add up, and says partner rows do not', async () => {
    const d: DashboardT = (await manager.get(url)).json();
    const completed = card(d, 'LEARNERS_COMPLETED');
    for (const dim of ['sex', 'age', 'area', 'province']) expect(sum(completed, dim)).toBe(completed.value);
    const partner = completed.breakdowns.find((b) => b.dimension === 'partner')!;
    expect(partner.addsUp).toBe(false);
    expect(partner.groups.map((g) => g.label).sort()).toEqual(d.program.partners.map((p) => p.name).sort());
    expect(sum(completed, 'partner')).toBeGreaterThan(completed.value!);
    // urban and rural both present (the demo imports the communes), labelled in Vietnamese
    expect(completed.breakdowns.find((b) => b.dimension === 'area')!.groups.map((g) => g.label)).toEqual(
      expect.arrayContaining(['Thành thị (phường)', 'Nông thôn (xã)']),
    );
    expect(completed.trend.map((g) => g.key)).toEqual(
      expect.arrayContaining(['2021-Q4', '2022-Q2', '2023-Q3']),
    );
  });

  it('narrows to a year and a quarter, with that period’s target', async () => {
    const year: DashboardT = (await manager.get(`${url}?year=2022`)).json();
    expect(year.period).toMatchObject({ from: '2022-01-01', to: '2022-12-31', year: 2022 });
    expect(card(year, 'LEARNERS_COMPLETED').target).toBeNull();
    const q: DashboardT = (await manager.get(`${url}?year=2022&quarter=2`)).json();
    expect(q.period).toMatchObject({ from: '2022-04-01', to: '2022-06-30' });
    const all: DashboardT = (await manager.get(url)).json();
    expect(card(q, 'LEARNERS_COMPLETED').value!).toBeLessThan(card(year, 'LEARNERS_COMPLETED').value!);
    expect(card(year, 'LEARNERS_COMPLETED').value!).toBeLessThan(card(all, 'LEARNERS_COMPLETED').value!);
    const bad = await manager.get(`${url}?quarter=2`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
  });
});

describe('the people behind a number', () => {
  it('lists the women who completed, as many as the card says, and audits the reading', async () => {
    const d: DashboardT = (await manager.get(url)).json();
    const women = card(d, 'LEARNERS_COMPLETED')
      .breakdowns.find((b) => b.dimension === 'sex')!
      .groups.find((g) => g.key === 'F')!;
    const page = (
      await manager.get(
        `/api/impact/programs/new-opportunities/indicators/LEARNERS_COMPLETED/people?dimension=sex&key=F&pageSize=100`,
      )
    ).json();
    expect(page.total).toBe(women.value);
    expect(page.items.every((p: { sex: string }) => p.sex === 'F')).toBe(true);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'impact.people_viewed')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(audit.at(-1)!.details).toMatchObject({
      indicator: 'LEARNERS_COMPLETED',
      dimension: 'sex',
      key: 'F',
    });
  });

  it('lists a partner’s people, not the other partner’s', async () => {
    const d: DashboardT = (await manager.get(url)).json();
    const hoalac = d.program.partners.find((p) => p.name.includes('Hòa Lạc'))!;
    const row = card(d, 'LEARNERS_COMPLETED')
      .breakdowns.find((b) => b.dimension === 'partner')!
      .groups.find((g) => g.key === hoalac.id)!;
    const partner = await login('partner.hoalac@demo.nhanluc.vn');
    const mine: DashboardT = (await partner.get(url)).json();
    expect(mine.partner).toEqual({ id: hoalac.id, name: hoalac.name });
    expect(mine.canEditTargets).toBe(false);
    expect(card(mine, 'LEARNERS_COMPLETED').value).toBe(row.value);
    // asking for the other partner changes nothing: a partner is held to its own records
    const other = d.program.partners.find((p) => p.id !== hoalac.id)!;
    expect(card((await partner.get(`${url}?partner=${other.id}`)).json(), 'LEARNERS_COMPLETED').value).toBe(
      row.value,
    );
    const sql = await naive(mine, hoalac.id);
    expect(card(mine, 'LEARNERS_COMPLETED').value).toBe(
      sql.find((n) => n.code === 'LEARNERS_COMPLETED')!.value,
    );
    const people = (
      await partner.get(
        '/api/impact/programs/new-opportunities/indicators/LEARNERS_COMPLETED/people?pageSize=100',
      )
    ).json();
    expect(people.total).toBe(row.value);
  });
});

describe('who sees what', () => {
  it('shows a donor the programs it funds, numbers but never people', async () => {
    const donor = await login('donor@demo.nhanluc.vn');
    const programs = (await donor.get('/api/impact/programs')).json();
    expect(programs.items.map((p: { code: string }) => p.code).sort()).toEqual([
      'jds-scholarships',
      'semiconductor-2030',
    ]);
    const semi = await donor.get('/api/impact/programs/semiconductor-2030/dashboard');
    expect(semi.statusCode).toBe(200);
    expect(semi.json()).toMatchObject({ canDrill: false, canEditTargets: false });
    const drill = await donor.get(
      '/api/impact/programs/semiconductor-2030/indicators/LEARNERS_COMPLETED/people',
    );
    expect(drill.statusCode).toBe(403);
    expect((await donor.get(url)).statusCode).toBe(403);
  });

  it('refuses learners and another program’s partner', async () => {
    expect((await (await login('learner@demo.nhanluc.vn')).get(url)).statusCode).toBe(403);
    expect((await (await login('partner.mekong@demo.nhanluc.vn')).get(url)).statusCode).toBe(403);
    expect((await new Browser(t, 'en').get(url)).statusCode).toBe(401);
  });
});

describe('targets and indicators', () => {
  it('lets NIC staff set a yearly target, audited; not a partner', async () => {
    const put = await manager.put(
      '/api/impact/programs/new-opportunities/indicators/LEARNERS_COMPLETED/target',
      {
        year: 2022,
        quarter: null,
        value: 500,
      },
    );
    expect(put.json()).toEqual({ value: 500 });
    const d: DashboardT = (await manager.get(`${url}?year=2022`)).json();
    expect(card(d, 'LEARNERS_COMPLETED').target).toBe(500);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'impact.target_set')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({
      indicator: 'LEARNERS_COMPLETED',
      year: 2022,
      before: null,
      after: 500,
    });
    const partner = await login('partner.hoalac@demo.nhanluc.vn');
    const refused = await partner.put(
      '/api/impact/programs/new-opportunities/indicators/LEARNERS_COMPLETED/target',
      { year: 2022, quarter: null, value: 1 },
    );
    expect(refused.statusCode).toBe(403);
  });

  it('adds an indicator from the building blocks and shows it on the dashboard', async () => {
    const rule = {
      kind: 'count',
      population: { sources: ['completed'], tot: false, person: { sex: ['F'], ageBand: ['18_24', '25_34'] } },
    };
    const created = await manager.post('/api/impact/indicators', {
      code: 'YOUNG_WOMEN_COMPLETED',
      names: { vi: 'Phụ nữ trẻ hoàn thành', en: 'Young women who completed', ja: '修了した若い女性' },
      definitions: {
        vi: 'Phụ nữ 18–34 tuổi hoàn thành.',
        en: 'Women aged 18–34 who completed.',
        ja: '18–34歳の女性の修了者。',
      },
      rule,
      disaggregations: ['area', 'partner'],
    });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ code: 'YOUNG_WOMEN_COMPLETED', unit: 'count', builtin: false });
    expect(
      (await manager.post('/api/impact/programs/new-opportunities/indicators/YOUNG_WOMEN_COMPLETED'))
        .statusCode,
    ).toBe(200);
    const d: DashboardT = (await manager.get(url)).json();
    const young = card(d, 'YOUNG_WOMEN_COMPLETED');
    const women = card(d, 'LEARNERS_COMPLETED')
      .breakdowns.find((b) => b.dimension === 'sex')!
      .groups.find((g) => g.key === 'F')!;
    expect(young.value).toBeGreaterThan(0);
    expect(young.value!).toBeLessThan(women.value!);
    expect(sum(young, 'area')).toBe(young.value);

    const dup = await manager.post('/api/impact/indicators', {
      code: 'YOUNG_WOMEN_COMPLETED',
      names: { vi: 'x', en: 'x', ja: 'x' },
      definitions: { vi: '', en: '', ja: '' },
      rule,
      disaggregations: [],
    });
    expect(dup.statusCode).toBe(409);
    const badRule = await manager.post('/api/impact/indicators', {
      code: 'BAD_RULE',
      names: { vi: 'x', en: 'x', ja: 'x' },
      definitions: { vi: '', en: '', ja: '' },
      rule: { kind: 'count', population: { sources: ['rumours'] } },
      disaggregations: [],
    });
    expect(badRule.statusCode).toBe(400);
    const partner = await login('partner.hoalac@demo.nhanluc.vn');
    expect((await partner.get('/api/impact/indicators')).statusCode).toBe(403);
  });
});

describe('exports', () => {
  it('gives CSV with a BOM, XLSX with a sheet per indicator, and a PDF', async () => {
    const d: DashboardT = (await manager.get(url)).json();
    const csv = await manager.get('/api/impact/programs/new-opportunities/export?format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('impact-new-opportunities.csv');
    const text = csv.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe('Chương trình,Kỳ,Mã,Chỉ số,Đơn vị,Phân tổ,Nhóm,Giá trị,Tử số,Mẫu số,Chỉ tiêu');
    const total = lines.find(
      (l) => l.includes(',LEARNERS_COMPLETED,') && l.includes('Tổng (mỗi người một lần)'),
    )!;
    expect(total.split(',').at(-4)).toBe(String(card(d, 'LEARNERS_COMPLETED').value));
    expect(total.split(',').at(-1)).toBe('1400');

    const xlsx = await manager.get('/api/impact/programs/new-opportunities/export?format=xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng quan', ...d.cards.map((c) => c.indicator.code)]);
    const sheet = wb.getWorksheet('LEARNERS_COMPLETED')!;
    expect(sheet.getCell('A1').value).toBe('Học viên hoàn thành');
    expect(sheet.getRow(4).getCell(2).value).toBe(card(d, 'LEARNERS_COMPLETED').value);

    const pdf = await manager.get('/api/impact/programs/new-opportunities/export?format=pdf&year=2022');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'impact-pdf-'));
    writeFileSync(join(dir, 'r.pdf'), pdf.rawPayload);
    const pdfText = execFileSync('pdftotext', [join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    expect(pdfText).toContain('Chương trình Cơ hội Mới');
    expect(pdfText).toContain('Học viên hoàn thành');
  });
});

describe('merging a duplicate', () => {
  it('takes the unique-learner total down by one, and the undo puts it back', async () => {
    const before = card((await manager.get(url)).json(), 'LEARNERS_COMPLETED').value!;
    const queue = (await manager.get('/api/registry/duplicate-pairs?pageSize=50')).json();
    const pair = queue.items.find((p: { a: { fullName: string }; b: { fullName: string } }) =>
      [p.a.fullName, p.b.fullName].includes(DEMO_DUPLICATE_NAME),
    );
    expect(pair).toBeDefined();
    const merged = await manager.post(`/api/registry/duplicate-pairs/${pair.id}/decision`, {
      decision: 'merge',
      survivorId: pair.a.id,
    });
    expect(merged.statusCode).toBe(200);
    const after: DashboardT = (await manager.get(url)).json();
    expect(card(after, 'LEARNERS_COMPLETED').value).toBe(before - 1);
    // the person stays in both partners' rows: each partner did train her
    const sql = await naive(after);
    expect(card(after, 'LEARNERS_COMPLETED').value).toBe(
      sql.find((n) => n.code === 'LEARNERS_COMPLETED')!.value,
    );
    expect((await manager.post(`/api/registry/duplicate-pairs/${pair.id}/undo`)).statusCode).toBe(200);
    expect(card((await manager.get(url)).json(), 'LEARNERS_COMPLETED').value).toBe(before);
  });
});
