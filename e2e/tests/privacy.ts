/**
 * "My data" as a learner uses it on a 360 px phone: grant and withdraw a consent (the history shows
 * both), download the copy of their data, read the page in Japanese, then erase everything with the
 * password and find the old e-mail no longer logs in. Checked with axe-core in Vietnamese and Japanese.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { axeViolations, formatViolations } from '../lib/axe';
import {
  assertLoggedOut,
  byTestId,
  closeToasts,
  eventually,
  htmlLang,
  open,
  settle,
  switchLanguage,
  visibleText,
} from '../lib/flows';
import { defineTest, NARROW } from '../lib/harness';
import { ja, vi } from '../lib/text';

async function axe(page: Page, where: string, problems: string[]) {
  const violations = await axeViolations(page);
  if (violations.length) problems.push(formatViolations(where, violations));
}

/** Nothing on the page is wider than the phone's screen. */
async function assertNoSideways(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
}

export const privacyTests = [
  defineTest(
    'privacy (vi → ja, 360px): grant and withdraw a consent, download my data, erase it',
    async (t) => {
      // Provoked on purpose: a wrong password for erasure (403) and the old e-mail's failed login (401).
      t.expectConsoleError(/status of 403/);
      t.expectConsoleError(/status of 401/);
      const page = await t.newPage({ viewport: NARROW, mobile: true, lang: 'vi' });
      const problems: string[] = [];
      const email = `e2e.privacy.${Date.now()}.${randomBytes(3).toString('hex')}@example.com`;
      const password = 'Lúa-chín-vàng-2026!';

      await open(page, '/register');
      await byTestId(page, 'register-email').fill(email);
      await byTestId(page, 'register-name').fill('Võ Thị Riêng Tư');
      await byTestId(page, 'register-password').fill(password);
      await byTestId(page, 'register-submit').click();
      await byTestId(page, 'account-heading').waitFor({ state: 'visible' });
      await settle(page);
      await closeToasts(page);

      // From the account page to "My data".
      await byTestId(page, 'account-privacy-link').click();
      await page.waitForURL('**/me/privacy');
      await settle(page);
      assert.equal(await visibleText(byTestId(page, 'privacy-heading')), vi.privacy.title);
      const card = byTestId(page, 'consent-card-job_matching');
      const status = byTestId(page, 'consent-status-job_matching');
      await card.waitFor({ state: 'visible' });
      assert.match(await visibleText(status), new RegExp(vi.privacy.notGranted));
      assert.match(
        await visibleText(byTestId(page, 'consent-card-share_employers_jp')),
        new RegExp(vi.privacy.crossBorder),
      );
      await assertNoSideways(page);
      await axe(page, '/me/privacy [vi]', problems);
      await t.shot(page, 'vi my data');

      // Grant job matching, then withdraw it after confirming.
      const toggle = card.getByRole('switch');
      // The switch follows the server: it turns on once the consent is recorded, not on the click.
      await toggle.click();
      await eventually(async () =>
        assert.match(await visibleText(status), new RegExp(`^${vi.privacy.granted}`)),
      );
      assert.ok(await toggle.isChecked());
      await closeToasts(page);
      // Withdrawing asks first: the switch stays on until it is confirmed.
      await toggle.click();
      const confirm = byTestId(page, 'confirm-withdraw');
      await confirm.waitFor({ state: 'visible' });
      await axe(page, 'withdraw confirmation [vi]', problems);
      await t.shot(page, 'vi withdraw confirmation');
      await confirm.click();
      await eventually(async () =>
        assert.match(await visibleText(status), new RegExp(`^${vi.privacy.notGranted}`)),
      );
      assert.equal(await toggle.isChecked(), false);
      await closeToasts(page);

      // The history shows both choices, newest first.
      await byTestId(page, 'consent-history-toggle-job_matching').click();
      const history = byTestId(page, 'consent-history-job_matching');
      await history.waitFor({ state: 'visible' });
      const items = history.locator('li');
      assert.equal(await items.count(), 2);
      assert.equal(await items.nth(0).getAttribute('data-granted'), 'false');
      assert.equal(await items.nth(1).getAttribute('data-granted'), 'true');
      await t.shot(page, 'vi consent history');

      // The copy of my data, downloaded as a file.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        byTestId(page, 'download-json').click(),
      ]);
      assert.match(download.suggestedFilename(), /^nhanluc-my-data-\d{4}-\d{2}-\d{2}\.json$/);
      const data = JSON.parse(readFileSync((await download.path())!, 'utf8'));
      assert.equal(data.account.email, email);
      assert.deepEqual(
        data.consents.history.map((h: { purpose: string; granted: boolean }) => [h.purpose, h.granted]),
        [
          ['job_matching', false],
          ['job_matching', true],
        ],
      );

      // The same page in Japanese.
      await switchLanguage(page, 'ja');
      await eventually(async () =>
        assert.equal(await visibleText(byTestId(page, 'privacy-heading')), ja.privacy.title),
      );
      assert.match(await visibleText(status), new RegExp(ja.privacy.notGranted));
      await assertNoSideways(page);
      await axe(page, '/me/privacy [ja]', problems);
      await t.shot(page, 'ja my data');

      // Erase: a wrong password changes nothing; the right one erases and signs out.
      await byTestId(page, 'erase-open').click();
      const field = byTestId(page, 'erase-password');
      await field.waitFor({ state: 'visible' });
      await field.fill('không-đúng-mật-khẩu');
      await byTestId(page, 'erase-submit').click();
      const alert = page.getByRole('dialog').getByTestId('error-alert');
      await alert.waitFor({ state: 'visible' });
      assert.match(await visibleText(alert), /パスワードが正しくありません/);
      await axe(page, 'erase dialog [ja]', problems);
      await t.shot(page, 'ja erase wrong password');
      await field.fill(password);
      await byTestId(page, 'erase-submit').click();
      await page.waitForURL((url) => url.pathname === '/');
      await byTestId(page, 'nav-login').waitFor({ state: 'visible' });
      await settle(page);
      await t.shot(page, 'ja erased');
      await closeToasts(page);
      assert.equal(new URL(page.url()).pathname, '/', 'home, not the log-in page');
      await assertLoggedOut(page);
      assert.equal(await htmlLang(page), 'ja');

      // The old e-mail no longer logs in.
      await open(page, '/login');
      await byTestId(page, 'login-email').fill(email);
      await byTestId(page, 'login-password').fill(password);
      await byTestId(page, 'login-submit').click();
      await byTestId(page, 'error-alert').waitFor({ state: 'visible' });
      await assertLoggedOut(page);
      await t.shot(page, 'ja old e-mail refused');

      assert.equal(problems.length, 0, `accessibility problems:\n${problems.join('\n')}`);
    },
  ),
];
