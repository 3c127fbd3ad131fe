/**
 * Roster import as a training partner's administrator does it: a messy Excel roster (headers in
 * Vietnamese and in no particular order, a date that does not exist, another partner's class code, a
 * row twice) is uploaded with a progress bar, checked row by row, its valid rows imported; the rejected
 * rows come back as a file that, fixed, imports the rest; the same file again creates no one twice.
 * Then the page in Japanese on a phone, and a preview left for later opened again from the history.
 * Every state of the page is checked with axe-core.
 */
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { intlTag } from '../../common/i18n/locales';
import { demoAccounts } from '../../server/db/seed/demo';
import { demoCohortCode } from '../../server/modules/enrolment/demo';
import rosterVi from '../../server/modules/registry/roster/messages.vi.json' with { type: 'json' };
import { axeViolations, formatViolations } from '../lib/axe';
import { byTestId, eventually, login, open, settle, visibleText } from '../lib/flows';
import { defineTest, NARROW } from '../lib/harness';
import { JAPANESE_SCRIPT, ja, vi } from '../lib/text';

const partnerAdmin = demoAccounts.find((a) => a.email.startsWith('partner.hoalac@'))!;
/** A running class of the Hòa Lạc college (server/modules/catalog/demo.ts, enrolment/demo.ts). */
const COHORT = demoCohortCode('lap-rap-bo-mach-in-ssw', 1);
/** The Mekong partner's class: unknown to Hòa Lạc, so its rows are rejected. */
const OTHER_PARTNERS_COHORT = 'INNM-K1';
const BAD_DATE = '31/02/1999';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Vietnamese headers, shuffled, after the "STT" counter nearly every Vietnamese sheet starts with. */
const HEADERS = [
  'STT',
  'Mã lớp',
  'Số điện thoại',
  'Họ và tên',
  'Ngày sinh',
  'Giới tính',
  'Email',
  'Tỉnh/Thành phố',
  'Trạng thái',
];
type Cell = string | Date;
const person = (
  name: string,
  sex: string,
  born: Cell,
  phone: string,
  email: string,
  province: string,
  cohort = COHORT,
): Cell[] => [cohort, phone, name, born, sex, email, province, 'Đang học'];

const VALID = [
  person('Đoàn Thị Ánh Tuyết', 'Nữ', '14/05/1997', '0977 120 451', 'tuyet.doan@example.vn', 'Hà Nội'),
  // A real Excel date, as most sheets have them.
  person('Lương Văn Khải', 'Nam', new Date(Date.UTC(1995, 10, 23)), '0388214765', '', 'Bắc Ninh'),
  person('Trịnh Ngọc Ước', 'Nam', '1999-01-30', '+84 868 451 209', '', 'Hải Phòng'),
  person('Hà Thị Thuỳ Dương', 'Nữ', '02/09/2000', '0912.778.340', 'duong.ha@example.vn', 'Thái Nguyên'),
];
const BAD_DATE_ROW = person('Mạc Đăng Quý', 'Nam', BAD_DATE, '0903 665 128', '', 'Hà Nội');
const UNKNOWN_COHORT_ROW = person(
  'Phùng Thị Yến',
  'Nữ',
  '07/07/1998',
  '0946 552 017',
  '',
  'Hà Nội',
  OTHER_PARTNERS_COHORT,
);
const ROWS = [...VALID.slice(0, 3), BAD_DATE_ROW, VALID[3]!, UNKNOWN_COHORT_ROW, VALID[0]!];
/** Excel's row number of the bad date: the header is row 1. */
const BAD_DATE_EXCEL_ROW = 2 + ROWS.indexOf(BAD_DATE_ROW);

async function rosterXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Danh sách');
  sheet.addRow(HEADERS);
  ROWS.forEach((row, i) => {
    sheet.addRow([i + 1, ...row]);
  });
  sheet.getColumn(5).numFmt = 'dd/mm/yyyy';
  // A second sheet of figures, as rosters often carry: never read, but it makes the file big enough
  // for the upload to take a while on a slow line.
  const notes = wb.addWorksheet('Số liệu');
  let seed = 7;
  const next = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  for (let r = 0; r < 4000; r++) notes.addRow(Array.from({ length: 8 }, next));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The downloaded file of rejected rows, its cells corrected and nothing dropped. */
async function fixRejected(path: string): Promise<{ buffer: Buffer; rows: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const sheet = wb.worksheets[0]!;
  const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const dateCol = header.indexOf('Ngày sinh');
  const cohortCol = header.indexOf('Mã lớp');
  assert.ok(dateCol > 0 && cohortCol > 0, `the file keeps the headers: ${header.join(' | ')}`);
  assert.ok(header.includes(rosterVi.problemsColumn), 'the file says what to fix in its own column');
  let rows = 0;
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (!row.hasValues) continue;
    rows += 1;
    if (String(row.getCell(dateCol).text) === BAD_DATE) row.getCell(dateCol).value = '28/02/1999';
    if (String(row.getCell(cohortCol).text) === OTHER_PARTNERS_COHORT) row.getCell(cohortCol).value = COHORT;
  }
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), rows };
}

async function axe(page: Page, where: string, problems: string[]) {
  const violations = await axeViolations(page);
  if (violations.length) problems.push(formatViolations(where, violations));
}

const count = async (locator: Locator) => Number(await locator.getAttribute('data-value'));

async function counts(page: Page, ids: readonly string[]) {
  const values: Record<string, number> = {};
  for (const id of ids) values[id] = await count(byTestId(page, `roster-${id}`));
  return values;
}

/** Choose a file and upload it; resolves with the preview on screen. */
async function uploadRoster(page: Page, name: string, buffer: Buffer, lang: 'vi' | 'ja' = 'vi') {
  await byTestId(page, 'roster-file-input').setInputFiles({ name, mimeType: XLSX_TYPE, buffer });
  assert.equal(await visibleText(byTestId(page, 'roster-file-name')), `${name} (${sizeText(buffer, lang)})`);
  const answered = page.waitForResponse(
    (r) => r.url().endsWith('/roster-imports') && r.request().method() === 'POST',
  );
  await byTestId(page, 'roster-upload').click();
  assert.equal((await answered).status(), 201);
  await byTestId(page, 'roster-preview').waitFor({ state: 'visible' });
}

/** The size as the page writes it in the reader's language. */
const sizeText = (buffer: Buffer, lang: 'vi' | 'ja') =>
  new Intl.NumberFormat(intlTag[lang], { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 }).format(
    buffer.length / 1024,
  );

/** Commit from the preview through the confirmation dialog, from the keyboard; the result's counts. */
async function commit(page: Page, button: 'roster-import-all' | 'roster-import-valid') {
  await byTestId(page, button).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor({ state: 'visible' });
  // The dialog's own button has the focus: Enter imports.
  await eventually(async () =>
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
      'roster-confirm-submit',
    ),
  );
  const committed = page.waitForResponse(
    (r) => r.url().endsWith('/commit') && r.request().method() === 'POST',
  );
  await page.keyboard.press('Enter');
  const answer = await committed;
  assert.equal(answer.status(), 200);
  // The page asks for the answer line by line, so its bar follows the commit's phases.
  assert.match(answer.headers()['content-type'] ?? '', /application\/x-ndjson/);
  await byTestId(page, 'roster-result').waitFor({ state: 'visible' });
  await dialog.waitFor({ state: 'hidden' });
  return counts(page, ['result-created', 'result-matched', 'result-enrolments', 'result-pairs']);
}

export const registryTests = [
  defineTest(
    'partner admin imports a messy Excel roster: progress, row errors, valid rows, fixed rejects, no duplicates',
    async (t) => {
      const page = await t.newPage();
      const problems: string[] = [];
      const original = await rosterXlsx();
      await login(page, partnerAdmin.email, partnerAdmin.password);

      // From the teaching page to the roster import.
      await byTestId(page, 'nav-teach').click();
      await page.waitForURL('**/teach');
      await settle(page);
      await byTestId(page, 'teach-rosters').click();
      await page.waitForURL('**/teach/rosters');
      await settle(page);
      assert.match(
        (await byTestId(page, 'roster-template-xlsx').getAttribute('href')) ?? '',
        /^\/api\/roster-template\.xlsx\?lang=vi$/,
      );
      await byTestId(page, 'empty-state').waitFor({ state: 'visible' });
      await axe(page, '/teach/rosters upload [vi]', problems);
      await t.shot(page, 'upload');

      // A slow connection, so the progress bar shows bytes going out; with a latency that keeps the
      // answer from arriving in the same moment as the last byte, so "checking" is on screen for a while.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 400,
        downloadThroughput: -1,
        uploadThroughput: 128 * 1024,
      });
      await byTestId(page, 'roster-file-input').setInputFiles({
        name: 'danh-sach-hoa-lac.xlsx',
        mimeType: XLSX_TYPE,
        buffer: original,
      });
      await axe(page, '/teach/rosters file chosen [vi]', problems);
      // Every value the progress bar takes, recorded in the page as it changes.
      await page.evaluate(() => {
        const seen: (number | string)[] = [];
        (window as unknown as { progress: (number | string)[] }).progress = seen;
        new MutationObserver(() => {
          const panel = document.querySelector('[data-testid="roster-progress"]');
          const bar = panel?.querySelector('[role="progressbar"]');
          // While sending, the percentage; then "checking" (the server reads every row).
          const value = bar ? Number(bar.getAttribute('aria-valuenow')) : panel?.getAttribute('data-state');
          if (value !== undefined && value !== null && seen.at(-1) !== value) seen.push(value);
        }).observe(document.body, { subtree: true, childList: true, attributes: true });
      });
      await byTestId(page, 'roster-upload').click();
      const bar = byTestId(page, 'roster-progress').getByRole('progressbar');
      await eventually(async () => {
        const value = Number(await bar.getAttribute('aria-valuenow', { timeout: 1_000 }));
        assert.ok(value > 0 && value < 100, `a part of the file sent: ${value}`);
      }, 20_000);
      await t.shot(page, 'uploading');
      await byTestId(page, 'roster-preview').waitFor({ state: 'visible', timeout: 30_000 });
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 0,
        downloadThroughput: -1,
        uploadThroughput: -1,
      });
      const progress = await page.evaluate(
        () => (window as unknown as { progress: (number | string)[] }).progress,
      );
      const partial = progress.filter((v): v is number => typeof v === 'number' && v > 0 && v < 100);
      assert.ok(partial.length >= 2, `the bar moved: ${progress}`);
      assert.deepEqual(
        partial,
        [...partial].sort((x, y) => x - y),
        'and only forward',
      );
      assert.equal(progress.at(-1), 'checking', `then the rows were checked: ${progress}`);

      // The preview: every row counted, the problems by row and column in Vietnamese.
      assert.deepEqual(await counts(page, ['count-total', 'count-valid', 'count-rejected']), {
        'count-total': 7,
        'count-valid': 4,
        'count-rejected': 3,
      });
      const badDate = page.locator(
        `[data-testid="roster-problem"][data-row="${BAD_DATE_EXCEL_ROW}"][data-column="date_of_birth"]`,
      );
      const cells = await badDate.locator('td').allInnerTexts();
      assert.deepEqual(
        cells.map((c) => c.trim()),
        [
          String(BAD_DATE_EXCEL_ROW),
          vi.roster.columns.date_of_birth,
          `${rosterVi.columns.date_of_birth} không hợp lệ: ${BAD_DATE}`,
        ],
      );
      assert.ok(cells[2]!.includes(BAD_DATE));
      const unknownCohort = byTestId(page, 'roster-problem').filter({ hasText: OTHER_PARTNERS_COHORT });
      assert.equal(await unknownCohort.getAttribute('data-column'), 'cohort_code');
      assert.equal(
        await byTestId(page, 'roster-problem').filter({ hasText: /Trùng/ }).first().getAttribute('data-row'),
        String(ROWS.length + 1),
        'the repeated row is the one rejected',
      );
      assert.ok(await byTestId(page, 'roster-import-all').isDisabled(), 'not all rows can be imported');
      assert.equal(
        await visibleText(byTestId(page, 'roster-import-valid')),
        vi.roster.preview.importValid_other.replace('{{n}}', '4'),
      );
      await axe(page, '/teach/rosters preview [vi]', problems);
      await t.shot(page, 'preview with errors');

      // Only the valid rows: four new people, enrolled.
      await byTestId(page, 'roster-import-valid').click();
      await page.getByRole('dialog').waitFor({ state: 'visible' });
      await axe(page, '/teach/rosters confirm [vi]', problems);
      await t.shot(page, 'confirm');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      // The rejected rows, downloaded before importing (the preview leaves with the import).
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        byTestId(page, 'roster-rejected-xlsx').click(),
      ]);
      assert.equal(download.suggestedFilename(), 'danh-sach-hoa-lac-rejected.xlsx');
      const rejectedPath = await download.path();
      assert.ok(rejectedPath, 'the rejected rows were downloaded');

      assert.deepEqual(await commit(page, 'roster-import-valid'), {
        'result-created': 4,
        'result-matched': 0,
        'result-enrolments': 4,
        'result-pairs': 0,
      });
      await axe(page, '/teach/rosters result [vi]', problems);
      await t.shot(page, 'imported valid rows');
      const history = byTestId(page, 'roster-history-row');
      await eventually(async () =>
        assert.equal(await history.first().getAttribute('data-status'), 'committed'),
      );

      // The rejected rows, fixed in Excel and uploaded again: all valid, the fixed people created, the
      // repeated row recognised as the person already imported.
      const fixed = await fixRejected(rejectedPath);
      assert.equal(fixed.rows, 3, 'every rejected row came back');
      await byTestId(page, 'roster-another').click();
      await uploadRoster(page, 'danh-sach-hoa-lac-da-sua.xlsx', fixed.buffer);
      assert.deepEqual(await counts(page, ['count-total', 'count-valid', 'count-rejected']), {
        'count-total': 3,
        'count-valid': 3,
        'count-rejected': 0,
      });
      assert.equal(await byTestId(page, 'roster-problem').count(), 0);
      assert.equal(await byTestId(page, 'roster-import-valid').count(), 0);
      await t.shot(page, 'fixed file preview');
      assert.deepEqual(await commit(page, 'roster-import-all'), {
        'result-created': 2,
        'result-matched': 1,
        'result-enrolments': 2,
        'result-pairs': 0,
      });
      await t.shot(page, 'imported fixed rows');

      // The original file again: everyone is known and already enrolled.
      await byTestId(page, 'roster-another').click();
      await uploadRoster(page, 'danh-sach-hoa-lac.xlsx', original);
      assert.equal(await count(byTestId(page, 'roster-count-valid')), 4);
      assert.deepEqual(await commit(page, 'roster-import-valid'), {
        'result-created': 0,
        'result-matched': 4,
        'result-enrolments': 0,
        'result-pairs': 0,
      });
      // The list refetches after the commit: three rows may show before the newest one reads committed.
      await eventually(async () => {
        assert.equal(await history.count(), 3);
        assert.equal(await history.first().getAttribute('data-status'), 'committed');
        assert.match(await visibleText(history.first()), new RegExp(vi.roster.status.committed));
      });
      await t.shot(page, 'history');

      // In Japanese on a phone: the same file checked, the problems in Japanese, left for later.
      const phone = await t.newPage({ viewport: NARROW, mobile: true, lang: 'ja' });
      await login(phone, partnerAdmin.email, partnerAdmin.password);
      await open(phone, '/teach/rosters');
      assert.equal(await visibleText(phone.locator('main h1')), ja.roster.title);
      assert.match(
        (await byTestId(phone, 'roster-template-csv').getAttribute('href')) ?? '',
        /roster-template\.csv\?lang=ja$/,
      );
      await axe(phone, '/teach/rosters upload 360px [ja]', problems);
      await t.shot(phone, 'ja upload 360px');
      await uploadRoster(phone, 'danh-sach-hoa-lac.xlsx', original, 'ja');
      const message = await visibleText(
        phone.locator(`[data-testid="roster-problem"][data-row="${BAD_DATE_EXCEL_ROW}"] td`).last(),
      );
      assert.match(message, JAPANESE_SCRIPT);
      assert.ok(message.includes(BAD_DATE), message);
      await axe(phone, '/teach/rosters preview 360px [ja]', problems);
      await t.shot(phone, 'ja preview 360px');
      await byTestId(phone, 'roster-cancel').click();
      await byTestId(phone, 'roster-file-input').waitFor({ state: 'attached' });

      // The history keeps it as awaiting import; opening it shows its preview again, ready to import.
      const waiting = byTestId(phone, 'roster-history-row').first();
      await eventually(async () => assert.equal(await waiting.getAttribute('data-status'), 'previewed'));
      const reopened = phone.waitForResponse(
        (r) => /\/api\/roster-imports\/[0-9a-f-]{36}$/.test(r.url()) && r.request().method() === 'GET',
      );
      await waiting.getByTestId('roster-history-open').focus();
      await phone.keyboard.press('Enter');
      assert.equal((await reopened).status(), 200);
      await byTestId(phone, 'roster-preview').waitFor({ state: 'visible' });
      assert.equal(await count(byTestId(phone, 'roster-count-rejected')), 3);
      assert.ok(await byTestId(phone, 'roster-import-valid').isEnabled());
      await t.shot(phone, 'ja reopened from history 360px');

      assert.equal(
        problems.length,
        0,
        `serious or critical accessibility violations:\n${problems.join('\n')}`,
      );
    },
  ),
];
