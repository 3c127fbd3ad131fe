/**
 * The review queue of likely duplicates as NIC's programme manager uses it: from the navigation to the
 * queue, Lan's two records compared side by side (the roster's phone masked, the reasons in words),
 * merged into the record she signs in with — which then holds every enrolment of both — found under
 * "Merged", and the merge undone: both records back, the pair open again. Then the page in Japanese.
 * Every state is checked with axe-core.
 */
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import serverVi from '../../common/i18n/messages/vi.json' with { type: 'json' };
import { demoAccounts } from '../../server/db/seed/demo';
import { axeViolations, formatViolations } from '../lib/axe';
import { byTestId, closeToasts, eventually, login, settle, switchLanguage, visibleText } from '../lib/flows';
import { defineTest } from '../lib/harness';
import { JAPANESE_SCRIPT, ja, vi } from '../lib/text';

const manager = demoAccounts.find((a) => a.email.startsWith('manager@'))!;
/** The demo pair (server/modules/registry/review/demo.ts): her account, and a partner's roster record. */
const ACCOUNT_NAME = 'Nguyễn Thị Lan';
const ROSTER_NAME = 'Nguyen Thi Lan';

async function axe(page: Page, where: string, problems: string[]) {
  const violations = await axeViolations(page);
  if (violations.length) problems.push(formatViolations(where, violations));
}

const lanRow = (page: Page) => byTestId(page, 'review-row').filter({ hasText: ROSTER_NAME });

/** The column (a or b) of the comparison that shows the record named `name`. */
async function columnOf(page: Page, name: string): Promise<'a' | 'b'> {
  return (await visibleText(byTestId(page, 'review-a-fullName'))) === name ? 'a' : 'b';
}
const cell = (page: Page, column: 'a' | 'b', field: string) => byTestId(page, `review-${column}-${field}`);
const number = async (l: Locator) => Number(await visibleText(l));

async function answered(page: Page, path: RegExp, act: () => Promise<void>) {
  const response = page.waitForResponse((r) => path.test(r.url()) && r.request().method() === 'POST');
  await act();
  const r = await response;
  assert.equal(r.status(), 200, `${r.url()} answered ${r.status()}: ${await r.text()}`);
}

export const duplicateTests = [
  defineTest(
    'duplicates: a programme manager compares two records of one person, merges them, and undoes the merge',
    async (t) => {
      const problems: string[] = [];
      const page = await t.newPage({ lang: 'vi' });
      await login(page, manager.email, manager.password);

      // From the navigation to the queue: Lan's pair is waiting.
      await byTestId(page, 'nav-duplicates').click();
      await page.waitForURL('**/registry/duplicates');
      await settle(page);
      await lanRow(page).waitFor({ state: 'visible' });
      assert.equal(await visibleText(page.locator('main h1')), vi.review.title);
      await axe(page, '/registry/duplicates [vi]', problems);
      await t.shot(page, 'queue');

      // Compare, from the keyboard.
      await lanRow(page).getByTestId('review-compare-button').focus();
      await page.keyboard.press('Enter');
      const panel = byTestId(page, 'review-compare');
      await byTestId(page, 'review-compare-table').waitFor({ state: 'visible' });
      await eventually(async () =>
        assert.equal(await page.evaluate(() => document.activeElement?.id), 'review-compare-title'),
      );
      assert.match(
        await visibleText(panel.getByTestId('review-reasons')),
        new RegExp(serverVi.review.reasons.nameDob),
      );
      const account = await columnOf(page, ACCOUNT_NAME);
      const roster = account === 'a' ? 'b' : 'a';
      assert.equal(await visibleText(cell(page, roster, 'phone')), '+8491•••••78', 'the phone is masked');
      assert.equal(await visibleText(cell(page, account, 'account')), vi.review.compare.yes);
      const before = {
        account: await number(cell(page, account, 'enrolments')),
        roster: await number(cell(page, roster, 'enrolments')),
      };
      assert.ok(before.roster >= 1, 'the roster record has the class she finished');
      await axe(page, '/registry/duplicates comparison [vi]', problems);
      await t.shot(page, 'comparison');

      // Merge into the record she signs in with.
      await byTestId(page, 'review-merge').click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor({ state: 'visible' });
      const keep = dialog.getByRole('radio', { name: ACCOUNT_NAME, exact: true });
      await keep.check();
      assert.ok(await keep.isChecked());
      await axe(page, '/registry/duplicates merge dialog [vi]', problems);
      await t.shot(page, 'merge dialog');
      await answered(page, /\/decision$/, () => byTestId(page, 'review-merge-confirm').click());
      await dialog.waitFor({ state: 'hidden' });
      await eventually(async () =>
        assert.equal(await byTestId(page, 'review-pair-status').getAttribute('data-status'), 'merged'),
      );
      assert.match(await visibleText(byTestId(page, 'review-merged-info')), new RegExp(ACCOUNT_NAME));
      // Every enrolment of both records is now the account's.
      assert.equal(await number(cell(page, account, 'enrolments')), before.account + before.roster);
      assert.equal(await number(cell(page, roster, 'enrolments')), 0);
      assert.equal(await lanRow(page).count(), 0, 'the pair has left the queue');
      await page.getByText(vi.review.merge.done).waitFor({ state: 'visible' });
      await t.shot(page, 'merged');
      await closeToasts(page);

      // Under "Merged", the pair; the comparison stays open, with the undo.
      await byTestId(page, 'review-status').getByText(vi.review.status.merged, { exact: true }).click();
      await lanRow(page).waitFor({ state: 'visible' });
      await axe(page, '/registry/duplicates?status=merged [vi]', problems);
      await byTestId(page, 'review-undo').click();
      await dialog.waitFor({ state: 'visible' });
      await answered(page, /\/undo$/, () => byTestId(page, 'confirm-button').click());
      await dialog.waitFor({ state: 'hidden' });
      await eventually(async () =>
        assert.equal(await byTestId(page, 'review-pair-status').getAttribute('data-status'), 'open'),
      );
      assert.equal(await number(cell(page, account, 'enrolments')), before.account);
      assert.equal(await number(cell(page, roster, 'enrolments')), before.roster);
      await page.getByText(vi.review.undo.done).waitFor({ state: 'visible' });
      await t.shot(page, 'undone');
      await closeToasts(page);

      // Back in the queue to review, and the page in Japanese (the reasons come from the server in it).
      await byTestId(page, 'review-status').getByText(vi.review.status.open, { exact: true }).click();
      await lanRow(page).waitFor({ state: 'visible' });
      await switchLanguage(page, 'ja');
      await eventually(async () => assert.equal(await visibleText(page.locator('main h1')), ja.review.title));
      await eventually(async () => assert.match(await visibleText(panel), JAPANESE_SCRIPT));
      await eventually(async () =>
        assert.match(
          await visibleText(panel),
          /似た氏名/,
          'the reasons are in Japanese once the pair is read again',
        ),
      );
      await axe(page, '/registry/duplicates comparison [ja]', problems);
      await t.shot(page, 'ja comparison');

      assert.deepEqual(problems, [], problems.join('\n'));
    },
  ),
];
