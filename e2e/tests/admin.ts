/** Platform administration as NIC staff use it: find people without typing Vietnamese accents. */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { foldVi } from '../../common/text';
import { demoAccounts } from '../../server/db/seed/demo';
import { byTestId, eventually, login, open, settle } from '../lib/flows';
import { defineTest } from '../lib/harness';
import { vi } from '../lib/text';

export const platformAdmin = demoAccounts.find((a) => a.role === 'platform_admin')!;

/** Types into the search box and returns the rows once the table shows the answer to that query. */
async function searchUsers(page: Page, query: string, everyRow: (row: string) => boolean) {
  // The box is debounced and bound to ?q=; the old rows stay on screen until the answer arrives.
  const answered = page.waitForResponse(
    (r) => r.url().includes('/api/admin/users?') && new URL(r.url()).searchParams.get('q') === query,
  );
  await byTestId(page, 'users-search').fill(query);
  assert.equal((await answered).status(), 200);
  await page.waitForURL((url) => url.searchParams.get('q') === query);
  const rows = byTestId(page, 'users-table').locator('tbody tr');
  return eventually(async () => {
    const texts = (await rows.allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
    assert.ok(texts.length > 0, `rows for "${query}"`);
    for (const row of texts) assert.ok(everyRow(row), `every row matches "${query}": ${row}`);
    return texts;
  });
}

export const adminTests = [
  defineTest('admin finds learners with an unaccented search and opens organisations', async (t) => {
    const page = await t.newPage();
    await login(page, platformAdmin.email, platformAdmin.password);
    await open(page, '/admin/users');
    await t.shot(page, 'users');

    const nguyen = await searchUsers(page, 'nguyen', (row) => row.includes('Nguyễn'));
    assert.ok(nguyen.length >= 2, `several people named Nguyễn, got ${nguyen.length}`);
    await t.shot(page, 'search nguyen');

    // A given name with tones and a hook: "ngoc han" must find Võ Thị Ngọc Hân, the demo learner.
    const learner = demoAccounts.find((a) => a.role === 'learner')!;
    const ngocHan = await searchUsers(page, 'ngoc han', (row) => foldVi(row).includes('ngoc han'));
    assert.ok(
      ngocHan.some((r) => r.includes(learner.email) && r.includes(learner.displayName)),
      `${learner.displayName} is found`,
    );
    await t.shot(page, 'search ngoc han');

    await page.getByRole('navigation').getByRole('link', { name: vi.nav.organisations, exact: true }).click();
    await page.waitForURL('**/admin/organisations');
    await settle(page);
    const organisations = byTestId(page, 'orgs-table').locator('tbody tr');
    await organisations.filter({ hasText: 'NIC' }).first().waitFor({ state: 'visible' });
    assert.ok((await organisations.count()) >= 10, 'the demo organisations are listed');
    await t.shot(page, 'organisations');
  }),
];
