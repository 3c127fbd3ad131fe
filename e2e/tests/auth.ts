/** Accounts as a visitor meets them: register, log in and out, choose a language, mistype a password. */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { demoAccounts } from '../../server/db/seed/demo';
import {
  assertLoggedIn,
  assertLoggedOut,
  byTestId,
  closeToasts,
  eventually,
  htmlLang,
  login,
  logout,
  open,
  sessionUser,
  settle,
  switchLanguage,
  visibleText,
} from '../lib/flows';
import { defineTest, MOBILE } from '../lib/harness';
import { JAPANESE_SCRIPT, ja, vi } from '../lib/text';

const learner = demoAccounts.find((a) => a.role === 'learner')!;

export const authTests = [
  defineTest('register → log in → 日本語 → log out, on a 390×844 phone', async (t) => {
    const page = await t.newPage({ viewport: MOBILE, mobile: true });
    const email = `e2e.${Date.now()}.${randomBytes(3).toString('hex')}@example.com`;
    const password = 'Hoa-sen-nở-2026!';

    await open(page, '/');
    assert.equal(await htmlLang(page), 'vi');
    await assertLoggedOut(page);
    await t.shot(page, 'home signed out');

    await byTestId(page, 'nav-register').click();
    await page.waitForURL('**/register');
    await settle(page);
    await byTestId(page, 'register-email').fill(email);
    await byTestId(page, 'register-name').fill('Phạm Thị Thử Nghiệm');
    await byTestId(page, 'register-password').fill(password);
    await t.shot(page, 'register filled');
    await byTestId(page, 'register-submit').click();

    await byTestId(page, 'account-heading').waitFor({ state: 'visible' });
    await settle(page);
    await assertLoggedIn(page);
    assert.equal((await sessionUser(page))?.email, email);
    await t.shot(page, 'registered and signed in');
    await closeToasts(page);

    await logout(page);
    await assertLoggedOut(page);
    assert.equal(await sessionUser(page), null);

    await byTestId(page, 'nav-login').click();
    await page.waitForURL('**/login');
    await login(page, email, password);
    await byTestId(page, 'account-heading').waitFor({ state: 'visible' });
    await assertLoggedIn(page);
    await t.shot(page, 'signed in again');

    await switchLanguage(page, 'ja');
    assert.equal(await htmlLang(page), 'ja');
    await eventually(async () => {
      const logoutText = await visibleText(byTestId(page, 'logout-button'));
      assert.equal(logoutText, ja.nav.logout);
      assert.match(logoutText, JAPANESE_SCRIPT);
      assert.equal(await visibleText(byTestId(page, 'account-heading')), ja.account.title);
    });
    await t.shot(page, 'japanese');

    await page.reload({ waitUntil: 'networkidle' });
    await settle(page);
    assert.equal(await htmlLang(page), 'ja', 'the language is remembered across a reload');
    assert.equal(await visibleText(byTestId(page, 'logout-button')), ja.nav.logout);
    assert.equal(await visibleText(byTestId(page, 'account-heading')), ja.account.title);
    await t.shot(page, 'japanese after reload');

    await logout(page);
    await assertLoggedOut(page);
    assert.equal(await sessionUser(page), null);
    assert.equal(await htmlLang(page), 'ja');
    assert.equal(await visibleText(byTestId(page, 'nav-login')), ja.nav.login);
    await t.shot(page, 'signed out in japanese');
  }),

  defineTest('a wrong password shows the Vietnamese error and changes nothing else', async (t) => {
    // The browser logs the 401 of the failed login as a failed resource load: that one is expected.
    t.expectConsoleError(/status of 401/);
    const page = await t.newPage();
    await open(page, '/login');
    const heading = await visibleText(page.locator('main h1'));
    await byTestId(page, 'login-email').fill(learner.email);
    await byTestId(page, 'login-password').fill('Sai-mật-khẩu-123');
    await byTestId(page, 'login-submit').click();

    const alert = byTestId(page, 'error-alert');
    await alert.waitFor({ state: 'visible' });
    assert.match(await visibleText(alert), /E-mail hoặc mật khẩu không đúng\./);
    await page.waitForFunction(() => !document.querySelector('[data-testid="login-submit"][data-loading]'));
    await t.shot(page, 'wrong password');

    assert.equal(await byTestId(page, 'error-alert').count(), 1, 'one error message');
    assert.equal(new URL(page.url()).pathname, '/login', 'still on the login page');
    assert.equal(await visibleText(page.locator('main h1')), heading);
    assert.equal(await htmlLang(page), 'vi');
    assert.equal(await byTestId(page, 'login-email').inputValue(), learner.email, 'the e-mail is kept');
    await assertLoggedOut(page);
    assert.equal(await sessionUser(page), null);
    assert.equal(await visibleText(byTestId(page, 'nav-login')), vi.nav.login);
  }),
];
