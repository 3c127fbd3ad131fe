/**
 * Impact monitoring as a program manager and a donor use it: the New Opportunities dashboard against
 * the WISE targets with its breakdowns, a number opened to the people behind it (the whole card and
 * one group), the XLSX and CSV exports read back, and the unique-learner total after the demo
 * duplicate is merged in the registry; then a donor on a phone, in Japanese, who sees the program it
 * funds but no people. Every state is checked with axe-core.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { demoAccounts } from '../../server/db/seed/demo';
import { DEMO_DUPLICATE_NAME } from '../../server/modules/impact/demo';
import { axeViolations, formatViolations } from '../lib/axe';
import { byTestId, eventually, login, open, settle, visibleText } from '../lib/flows';
import { defineTest, MOBILE } from '../lib/harness';
import { JAPANESE_SCRIPT, ja, vi } from '../lib/text';

const account = (prefix: string) => demoAccounts.find((a) => a.email.startsWith(prefix))!;
const manager = account('manager@');
const donor = account('donor@');
const CARD = 'card-LEARNERS_COMPLETED';

async function axe(page: Page, where: string, problems: string[]) {
  const violations = await axeViolations(page);
  if (violations.length) problems.push(formatViolations(where, violations));
}

/** Picks a breakdown of the completed-learners card (Mantine's segmented control: the label is clicked). */
async function breakdownBy(page: Page, name: string) {
  const control = byTestId(page, CARD).locator('.mantine-SegmentedControl-root');
  await control.getByText(name, { exact: true }).click();
  await eventually(async () => assert.ok(await control.getByRole('radio', { name }).isChecked()));
}

const digits = (s: string) => Number(s.replace(/[^0-9]/g, ''));

async function completedValue(page: Page) {
  return digits(await visibleText(byTestId(page, `${CARD}-value`)));
}

/** A request with the session and CSRF header of the page's browser context, as the web app sends it. */
async function apiPost(page: Page, path: string, body: unknown) {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((c) => c.name === 'nl_csrf')?.value ?? '';
  const res = await page.request.post(path, { data: body, headers: { 'x-csrf-token': csrf } });
  assert.equal(res.status(), 200, `${path} answered ${res.status()}: ${await res.text()}`);
  return res.json();
}

export const impactTests = [
  defineTest(
    'impact: a program manager sees New Opportunities against its targets, opens the people behind a number, exports XLSX and CSV, and the total stays right after a merge',
    async (t) => {
      const problems: string[] = [];
      const page = await t.newPage();
      await login(page, manager.email, manager.password);
      await byTestId(page, 'nav-impact').click();
      await page.waitForURL('**/impact');
      await byTestId(page, 'impact-program-new-opportunities').click();
      await page.waitForURL('**/impact/new-opportunities');
      await byTestId(page, `${CARD}-value`).waitFor({ state: 'visible' });
      await settle(page);
      assert.equal(await visibleText(page.locator('main h1')), 'Chương trình Cơ hội Mới');
      assert.match(await visibleText(byTestId(page, `${CARD}-target`)), /1\.400/);
      assert.match(await visibleText(byTestId(page, 'card-TRAINERS_CERTIFIED-target')), /500/);
      assert.match(await visibleText(byTestId(page, 'card-INDIRECT_BENEFICIARIES-target')), /1\.200/);
      const total = await completedValue(page);
      assert.ok(total > 100, `completed learners: ${total}`);
      // partner rows do not add up to the total, and the card says so
      const card = byTestId(page, CARD);
      await breakdownBy(page, vi.impact.dimension.partner);
      await byTestId(page, `${CARD}-not-additive`).waitFor({ state: 'visible' });
      await axe(page, '/impact/new-opportunities [vi]', problems);
      await t.shot(page, 'dashboard');

      // The people behind the card's number: as many as it says.
      await byTestId(page, `${CARD}-value`).click();
      await eventually(async () =>
        assert.equal(digits(await visibleText(byTestId(page, 'drill-total'))), total),
      );
      await axe(page, 'drill-down [vi]', problems);
      await t.shot(page, 'people behind the number');
      await page.keyboard.press('Escape');
      await byTestId(page, 'drill-list').waitFor({ state: 'detached' });

      // One group of one breakdown: the women, from the table under the chart, by keyboard.
      await breakdownBy(page, vi.impact.dimension.sex);
      await card.locator('details summary').last().click();
      const women = byTestId(page, `${CARD}-sex`).locator('tr[data-key="F"] button');
      const womenCount = digits(await visibleText(women));
      await women.focus();
      await page.keyboard.press('Enter');
      await eventually(async () =>
        assert.equal(digits(await visibleText(byTestId(page, 'drill-total'))), womenCount),
      );
      assert.ok(womenCount < total);
      await page.keyboard.press('Escape');
      await byTestId(page, 'drill-list').waitFor({ state: 'detached' });

      // Exports: XLSX with a sheet per indicator, CSV with a BOM, both with the card's number.
      const [xlsx] = await Promise.all([
        page.waitForEvent('download'),
        byTestId(page, 'impact-export-xlsx').click(),
      ]);
      assert.equal(xlsx.suggestedFilename(), 'impact-new-opportunities.xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync((await xlsx.path())!) as unknown as ArrayBuffer);
      assert.ok(wb.getWorksheet('LEARNERS_COMPLETED'), 'a sheet per indicator');
      assert.equal(wb.getWorksheet('LEARNERS_COMPLETED')!.getRow(4).getCell(2).value, total);
      const [csv] = await Promise.all([
        page.waitForEvent('download'),
        byTestId(page, 'impact-export-csv').click(),
      ]);
      const csvText = readFileSync((await csv.path())!, 'utf8');
      assert.ok(csvText.startsWith('\uFEFF'), 'UTF-8 with BOM');
      assert.ok(csvText.includes('Học viên hoàn thành'));

      // The demo's one person recorded by both partners: merged, the unique total drops by one.
      const queue = await (await page.request.get('/api/registry/duplicate-pairs?pageSize=50')).json();
      const pair = queue.items.find((p: { a: { fullName: string }; b: { fullName: string } }) =>
        [p.a.fullName, p.b.fullName].includes(DEMO_DUPLICATE_NAME),
      );
      assert.ok(pair, 'the demo pair is in the review queue');
      await apiPost(page, `/api/registry/duplicate-pairs/${pair.id}/decision`, {
        decision: 'merge',
        survivorId: pair.a.id,
      });
      await page.reload();
      await byTestId(page, `${CARD}-value`).waitFor({ state: 'visible' });
      await eventually(async () => assert.equal(await completedValue(page), total - 1));
      await t.shot(page, 'after the merge');

      assert.deepEqual(problems, [], problems.join('\n'));
    },
  ),

  defineTest(
    'impact: a donor on a phone, in Japanese, sees the program it funds, numbers but no people',
    async (t) => {
      const problems: string[] = [];
      const page = await t.newPage({ viewport: MOBILE, mobile: true, lang: 'ja' });
      await login(page, donor.email, donor.password);
      await open(page, '/impact');
      await byTestId(page, 'impact-program-semiconductor-2030').waitFor({ state: 'visible' });
      assert.equal(
        await byTestId(page, 'impact-program-new-opportunities').count(),
        0,
        'not a program it funds',
      );
      assert.equal(await visibleText(page.locator('main h1')), ja.impact.title);
      await byTestId(page, 'impact-program-semiconductor-2030').click();
      await byTestId(page, `${CARD}-value`).waitFor({ state: 'visible' });
      await settle(page);
      assert.match(await visibleText(page.locator('main h1')), JAPANESE_SCRIPT);
      assert.equal(
        await byTestId(page, CARD)
          .getByRole('button', { name: new RegExp(ja.impact.drill.open.split('{{')[0]!) })
          .count(),
        0,
      );
      assert.equal(
        await page.getByRole('button', { name: ja.impact.target.edit }).count(),
        0,
        'donors do not set targets',
      );
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scrollWidth <= MOBILE.width + 1, `no sideways scrolling on a phone (${scrollWidth}px)`);
      await axe(page, '/impact/semiconductor-2030 [ja, phone]', problems);
      await t.shot(page, 'donor phone');
      const drill = await page.request.get(
        '/api/impact/programs/semiconductor-2030/indicators/LEARNERS_COMPLETED/people',
      );
      assert.equal(drill.status(), 403);
      assert.deepEqual(problems, [], problems.join('\n'));
    },
  ),
];
