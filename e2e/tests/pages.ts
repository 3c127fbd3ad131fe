/**
 * Every page, in Vietnamese and in Japanese: it renders in the chosen language without console
 * errors (the session fails the test on any), and axe-core finds no serious or critical violation.
 * Also screenshots at 360px, the narrowest phone the platform supports.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axeViolations, formatViolations } from '../lib/axe';
import { byTestId, htmlLang, login, open } from '../lib/flows';
import { defineTest, type Lang, NARROW, type TestSession } from '../lib/harness';
import { ja, vi } from '../lib/text';
import { platformAdmin } from './admin';

const NOT_FOUND_PATH = '/trang-khong-ton-tai';
const signedOutPages = ['/', '/login', '/register', '/forgot-password', NOT_FOUND_PATH];
const adminPages = ['/account', '/admin/users', '/admin/organisations', '/admin/audit'];
const texts = { vi, ja } as const;

async function checkPage(t: TestSession, page: Page, path: string, lang: 'vi' | 'ja') {
  await open(page, path);
  if (path === NOT_FOUND_PATH) await byTestId(page, 'not-found').waitFor({ state: 'visible' });
  assert.equal(await htmlLang(page), lang, `${path}: <html lang>`);
  const navHome = page.getByRole('navigation').getByRole('link', { name: texts[lang].nav.home, exact: true });
  assert.equal(await navHome.count(), 1, `${path}: the navigation is in ${lang}`);
  await t.shot(page, `${lang} ${path === '/' ? 'home' : path}`);
  const violations = await axeViolations(page);
  return violations.length ? formatViolations(`${path} [${lang}]`, violations) : '';
}

async function walk(t: TestSession, lang: 'vi' | 'ja', signedIn: boolean) {
  const page = await t.newPage({ lang });
  if (signedIn) await login(page, platformAdmin.email, platformAdmin.password);
  const problems: string[] = [];
  for (const path of signedIn ? adminPages : signedOutPages) {
    const found = await checkPage(t, page, path, lang);
    if (found) problems.push(found);
  }
  assert.equal(problems.length, 0, `serious or critical accessibility violations:\n${problems.join('\n')}`);
}

async function noSidewaysScroll(page: Page, where: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  assert.ok(
    scrollWidth <= innerWidth,
    `${where}: the page scrolls sideways (${scrollWidth}px wide in ${innerWidth}px)`,
  );
}

const langs: ('vi' | 'ja')[] = ['vi', 'ja'];

export const pageTests = [
  ...langs.flatMap((lang) => [
    defineTest(`pages signed out, ${lang}: no console errors, no serious or critical axe violations`, (t) =>
      walk(t, lang, false),
    ),
    defineTest(`pages as admin, ${lang}: no console errors, no serious or critical axe violations`, (t) =>
      walk(t, lang, true),
    ),
  ]),
  defineTest('360px screenshots of /, /login and /admin/users in vi and ja', async (t) => {
    for (const lang of langs satisfies Lang[]) {
      const page = await t.newPage({ viewport: NARROW, mobile: true, lang });
      for (const path of ['/', '/login']) {
        await open(page, path);
        await t.shot(page, `360 ${lang} ${path === '/' ? 'home' : path}`);
        await noSidewaysScroll(page, `${path} [${lang}]`);
      }
      await login(page, platformAdmin.email, platformAdmin.password);
      await open(page, '/admin/users');
      await t.shot(page, `360 ${lang} admin users`);
      await noSidewaysScroll(page, `/admin/users [${lang}]`);
    }
  }),
];
