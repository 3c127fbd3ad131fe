/**
 * The people registry as a training partner's administrator uses it: from the navigation to the list,
 * a search typed without accents, a person's page with only the partner's own classes; the same in
 * Japanese on a 360px phone; another partner's administrator, who never finds that person, not even
 * by the address of the page; and NIC staff, who see on the page who read it. Every state is checked
 * with axe-core.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { foldVi } from '../../common/text';
import { demoAccounts, rosterLearnerName } from '../../server/db/seed/demo';
import { axeViolations, formatViolations } from '../lib/axe';
import { byTestId, eventually, login, open, settle, visibleText } from '../lib/flows';
import { defineTest, NARROW } from '../lib/harness';
import { JAPANESE_SCRIPT, ja, vi } from '../lib/text';

const account = (prefix: string) => demoAccounts.find((a) => a.email.startsWith(prefix))!;
const mekong = account('partner.mekong@');
const hoaLac = account('partner.hoalac@');
const manager = account('manager@');
/** A Mekong learner (server/db/seed/demo.ts: every ninth roster learner is Mekong's), in its classes. */
const LEARNER = rosterLearnerName(9);
/** Typed as people type on a phone: no accents, lower case. */
const TYPED = foldVi(LEARNER);

async function axe(page: Page, where: string, problems: string[]) {
  const violations = await axeViolations(page);
  if (violations.length) problems.push(formatViolations(where, violations));
}

/** The organisations the signed-in account administers, from the session. */
async function myOrganisationIds(page: Page): Promise<string[]> {
  const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
  return (me.user.roles as { role: string; organisationId: string | null }[])
    .filter((r) => r.role === 'partner_admin' && r.organisationId)
    .map((r) => r.organisationId!);
}

async function search(page: Page, text: string) {
  const answered = page.waitForResponse(
    (r) => r.url().includes('/api/people?') && r.url().includes('q=') && r.request().method() === 'GET',
  );
  await byTestId(page, 'people-search').fill(text);
  assert.equal((await answered).status(), 200);
}

export const peopleTests = [
  defineTest(
    'people registry: a partner finds its learner without accents and sees only its own classes; another partner cannot',
    async (t) => {
      assert.notEqual(TYPED, LEARNER, 'the name has accents to leave out');
      const problems: string[] = [];
      const page = await t.newPage();
      await login(page, mekong.email, mekong.password);

      // From the navigation to the list.
      await byTestId(page, 'nav-people').click();
      await page.waitForURL('**/people');
      await byTestId(page, 'people-table').waitFor({ state: 'visible' });
      await settle(page);
      assert.equal(await visibleText(page.locator('main h1')), vi.people.title);
      await axe(page, '/people [vi]', problems);
      await t.shot(page, 'list');

      // Typed without accents, the learner is found.
      await search(page, TYPED);
      const rows = byTestId(page, 'people-row');
      await eventually(async () => {
        assert.equal(await rows.count(), 1);
        assert.equal(await visibleText(rows.first().getByTestId('people-open')), LEARNER);
      });
      assert.match(page.url(), /[?&]q=/, 'the search is kept in the address');
      await axe(page, '/people search [vi]', problems);
      await t.shot(page, 'search without accents');

      // The person page, opened from the keyboard.
      await rows.first().getByTestId('people-open').focus();
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/people\/[0-9a-f-]{36}$/);
      const personUrl = new URL(page.url()).pathname;
      await byTestId(page, 'person-page').waitFor({ state: 'visible' });
      assert.equal(await visibleText(page.locator('main h1')), LEARNER);
      await byTestId(page, 'person-partner-scope').waitFor({ state: 'visible' });
      const enrolments = byTestId(page, 'person-enrolment');
      assert.ok((await enrolments.count()) >= 1, 'the learner is in the partner’s classes');
      const mine = await myOrganisationIds(page);
      for (const row of await enrolments.all())
        assert.ok(
          mine.includes((await row.getAttribute('data-organisation-id')) ?? ''),
          'only its own classes',
        );
      // Disability is not for partners; the page says so rather than showing nothing.
      assert.equal(await visibleText(byTestId(page, 'person-disability')), vi.people.identity.hidden);
      // Events too: only those its own organisations organised (the learner went to the Cần Thơ fair).
      const events = byTestId(page, 'person-event');
      assert.ok((await events.count()) >= 1, 'the learner attended the partner’s event');
      for (const row of await events.all())
        assert.ok(
          mine.includes((await row.getAttribute('data-organisation-id')) ?? ''),
          'only its own events',
        );
      assert.equal(await byTestId(page, 'person-reads').count(), 0, 'who read the page is for NIC staff');
      await axe(page, '/people/:id [vi]', problems);
      await t.shot(page, 'person page');

      // In Japanese, on a 360px phone.
      const phone = await t.newPage({ viewport: NARROW, mobile: true, lang: 'ja' });
      await login(phone, mekong.email, mekong.password);
      await open(phone, `/people?q=${encodeURIComponent(TYPED)}`);
      assert.equal(await visibleText(phone.locator('main h1')), ja.people.title);
      await eventually(async () => assert.equal(await byTestId(phone, 'people-row').count(), 1));
      await axe(phone, '/people 360px [ja]', problems);
      await t.shot(phone, 'ja list 360px');
      await byTestId(phone, 'people-open').first().click();
      await byTestId(phone, 'person-page').waitFor({ state: 'visible' });
      const heading = await visibleText(byTestId(phone, 'person-enrolments').locator('h2'));
      assert.equal(heading, ja.people.enrolments.title);
      assert.match(heading, JAPANESE_SCRIPT);
      const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page fits 360px (${overflow}px too wide)`);
      await axe(phone, '/people/:id 360px [ja]', problems);
      await t.shot(phone, 'ja person page 360px');

      // Another partner: not in its list, and its address answers "not found".
      const other = await t.newPage();
      await login(other, hoaLac.email, hoaLac.password);
      await open(other, '/people');
      await search(other, TYPED);
      await byTestId(other, 'empty-state').waitFor({ state: 'visible' });
      assert.equal(await byTestId(other, 'people-row').count(), 0);
      await axe(other, '/people no match [vi]', problems);
      await t.shot(other, 'other partner finds no one');
      // The browser logs the 404 it is given: that answer is the point.
      t.expectConsoleError(/people\/[0-9a-f-]{36} console\.error: Failed to load resource: .* 404/);
      await open(other, personUrl);
      assert.equal(await visibleText(other.locator('main h1')), vi.people.notFound);
      await t.shot(other, 'other partner not found');

      // NIC staff see who read the page: the partner's two reads, then theirs.
      const staff = await t.newPage();
      await login(staff, manager.email, manager.password);
      await open(staff, `/people?q=${encodeURIComponent(TYPED)}`);
      await eventually(async () => assert.equal(await byTestId(staff, 'people-row').count(), 1));
      await axe(staff, '/people staff [vi]', problems);
      await t.shot(staff, 'staff list');
      await open(staff, personUrl);
      await byTestId(staff, 'person-reads').waitFor({ state: 'visible' });
      const reads = byTestId(staff, 'person-read');
      assert.ok((await reads.count()) >= 3, `three reads listed, got ${await reads.count()}`);
      assert.match(await visibleText(reads.first()), new RegExp(manager.displayName));
      assert.match(await visibleText(reads.nth(1)), new RegExp(mekong.displayName));
      assert.notEqual(await visibleText(byTestId(staff, 'person-disability')), vi.people.identity.hidden);
      await axe(staff, '/people/:id staff [vi]', problems);
      await t.shot(staff, 'staff sees recent reads');

      assert.equal(
        problems.length,
        0,
        `serious or critical accessibility violations:\n${problems.join('\n')}`,
      );
    },
  ),
];
