/** What a person does on the site, written once: open a page, log in and out, pick a language. */
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import type { Lang } from './harness';

export const byTestId = (page: Page, id: string) => page.getByTestId(id);

/** The text a person sees (rendered, so hidden parts are left out), trimmed. */
export async function visibleText(locator: Locator) {
  return (await locator.innerText()).trim();
}

/**
 * Retries an assertion until it holds or time runs out, then throws its last failure. The page
 * re-renders on its own schedule (debounced search, a language arriving), so assertions on what it
 * shows after an action must be allowed to wait for it.
 */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (true) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Opens a path and waits until the page has settled: no requests in flight, its heading shown. */
export async function open(page: Page, path: string) {
  await page.goto(path, { waitUntil: 'networkidle' });
  await settle(page);
}

/**
 * Lazy pages and translations arrive after the first paint; wait for them and for the heading.
 * (After a full load only: once reached, `networkidle` does not wait again for in-app navigation.)
 */
export async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.locator('main h1').first().waitFor({ state: 'visible' });
}

/**
 * Close the toasts (Mantine notifications, top-centre) the way a person taps their ×. On a phone a
 * toast covers the header for seconds after logging in or out, and with it the navigation.
 */
export async function closeToasts(page: Page) {
  for (const toast of await page.locator('.mantine-Notification-root').all()) {
    // A toast may be leaving on its own already; then there is nothing to tap.
    await toast
      .locator('.mantine-Notification-closeButton')
      .click({ timeout: 2_000 })
      .catch(() => undefined);
  }
  await page.waitForFunction(() => document.querySelectorAll('.mantine-Notification-root').length === 0);
}

export async function login(page: Page, email: string, password: string) {
  if (!page.url().includes('/login')) await open(page, '/login');
  await byTestId(page, 'login-email').fill(email);
  await byTestId(page, 'login-password').fill(password);
  await byTestId(page, 'login-submit').click();
  await byTestId(page, 'logout-button').waitFor({ state: 'visible' });
  await settle(page);
  await closeToasts(page);
}

export async function logout(page: Page) {
  await byTestId(page, 'logout-button').click();
  await byTestId(page, 'nav-login').waitFor({ state: 'visible' });
  await settle(page);
  await closeToasts(page);
}

/** Each language is offered under its own name, whatever language the page is in. */
export const languageNames: Record<Lang, string> = { vi: 'Tiếng Việt', en: 'English', ja: '日本語' };

/** The header's language picker is a combobox: open it, choose the option. */
export async function switchLanguage(page: Page, lang: Lang) {
  await byTestId(page, 'lang-switch').click();
  await page.getByRole('option', { name: languageNames[lang], exact: true }).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
  await page.waitForLoadState('networkidle');
}

export async function htmlLang(page: Page) {
  return page.evaluate(() => document.documentElement.lang);
}

export async function assertLoggedOut(page: Page) {
  assert.ok(await byTestId(page, 'nav-login').isVisible(), 'the log-in link is shown');
  assert.ok(await byTestId(page, 'nav-register').isVisible(), 'the register link is shown');
  assert.equal(await byTestId(page, 'logout-button').count(), 0, 'no log-out button');
  assert.equal(await byTestId(page, 'nav-account').count(), 0, 'no account link');
}

export async function assertLoggedIn(page: Page) {
  assert.ok(await byTestId(page, 'logout-button').isVisible(), 'the log-out button is shown');
  assert.ok(await byTestId(page, 'nav-account').isVisible(), 'the account link is shown');
  assert.equal(await byTestId(page, 'nav-login').count(), 0, 'no log-in link');
}

/** What the server says about the session of this page's browser context. */
export async function sessionUser(page: Page): Promise<{ email: string } | null> {
  const res = await page.request.get('/api/auth/me');
  assert.equal(res.status(), 200);
  return ((await res.json()) as { user: { email: string } | null }).user;
}
