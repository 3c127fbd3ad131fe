/**
 * One person, two training partners: the Hòa Lạc college's roster records a learner in one of its
 * classes; the Mekong academy's roster names her again in its own class, written its own way (no
 * accents, given name first, the phone as +84…, the date as DD/MM/YYYY), next to a newcomer. The import
 * links her to the record that exists and creates only the newcomer; NIC's programme manager then finds
 * one record of her, searching without accents, with the classes of both partners on it. The result
 * and the person page are checked with axe-core.
 *
 * The demo data has no Hòa Lạc person a roster row can be linked to (its learners have accounts, which
 * are never linked without review, and Lan's roster record is the duplicates test's), so Hòa Lạc's
 * roster is imported here first. Names, phones and classes are this test's own.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { foldVi } from '../../common/text';
import { demoAccounts } from '../../server/db/seed/demo';
import { demoCohortCode } from '../../server/modules/enrolment/demo';
import { axeViolations, formatViolations } from '../lib/axe';
import { byTestId, eventually, login, open, visibleText } from '../lib/flows';
import { defineTest } from '../lib/harness';
import { vi } from '../lib/text';

const account = (prefix: string) => demoAccounts.find((a) => a.email.startsWith(prefix))!;
const hoaLac = account('partner.hoalac@');
const mekong = account('partner.mekong@');
const manager = account('manager@');

/** Running classes of each partner (server/modules/catalog/demo.ts, server/modules/enrolment/demo.ts). */
const HOA_LAC_COHORT = demoCohortCode('ky-nang-lam-viec-tai-nhat', 1);
const MEKONG_COHORT = demoCohortCode('iot-nong-nghiep-mekong', 1);

/** The person both rosters name, as the Hòa Lạc college wrote her. */
const PERSON = 'Kiều Thị Diễm Phương';
/** Typed as people type on a phone: no accents, lower case. */
const TYPED = foldVi(PERSON);
/** Only on the Mekong roster. */
const NEWCOMER = 'Tạ Quang Vĩnh';

const HEADER = 'full_name,sex,date_of_birth,phone,email,province,cohort_code,status';
const csv = (...rows: string[]) => Buffer.from(`${[HEADER, ...rows].join('\n')}\n`, 'utf8');
const HOA_LAC_ROSTER = csv(`${PERSON},Nữ,2001-03-27,0936 472 815,,Hà Nội,${HOA_LAC_COHORT},Đang học`);
const MEKONG_ROSTER = csv(
  `Phuong Kieu Thi Diem,Nu,27/03/2001,+84936472815,,Ha Noi,${MEKONG_COHORT},Dang hoc`,
  `${NEWCOMER},Nam,09/11/1999,0965 318 274,,Cần Thơ,${MEKONG_COHORT},Đang học`,
);

async function axe(page: Page, where: string, problems: string[]) {
  const violations = await axeViolations(page);
  if (violations.length) problems.push(formatViolations(where, violations));
}

/** The organisation the signed-in partner administrator runs, from the session. */
async function myOrganisationId(page: Page): Promise<string> {
  const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
  const ids = (me.user.roles as { role: string; organisationId: string | null }[])
    .filter((r) => r.role === 'partner_admin' && r.organisationId)
    .map((r) => r.organisationId!);
  assert.equal(ids.length, 1, 'the demo partner administrator runs one organisation');
  return ids[0]!;
}

const RESULT = ['created', 'matched', 'enrolments', 'pairs'] as const;

/** Upload a CSV on /teach/rosters, check every row is valid, import them all; the result's counts. */
async function importRoster(page: Page, name: string, buffer: Buffer, rows: number) {
  await open(page, '/teach/rosters');
  await byTestId(page, 'roster-file-input').setInputFiles({ name, mimeType: 'text/csv', buffer });
  const uploaded = page.waitForResponse(
    (r) => r.url().endsWith('/roster-imports') && r.request().method() === 'POST',
  );
  await byTestId(page, 'roster-upload').click();
  assert.equal((await uploaded).status(), 201);
  await byTestId(page, 'roster-preview').waitFor({ state: 'visible' });
  for (const [id, value] of [
    ['total', rows],
    ['valid', rows],
    ['rejected', 0],
  ] as const)
    assert.equal(
      await byTestId(page, `roster-count-${id}`).getAttribute('data-value'),
      String(value),
      `${name}: ${id} rows`,
    );

  await byTestId(page, 'roster-import-all').click();
  await page.getByRole('dialog').waitFor({ state: 'visible' });
  const committed = page.waitForResponse(
    (r) => r.url().endsWith('/commit') && r.request().method() === 'POST',
  );
  await byTestId(page, 'roster-confirm-submit').click();
  assert.equal((await committed).status(), 200);
  await byTestId(page, 'roster-result').waitFor({ state: 'visible' });
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  const counts: Record<string, number> = {};
  for (const id of RESULT)
    counts[id] = Number(await byTestId(page, `roster-result-${id}`).getAttribute('data-value'));
  return counts;
}

export const registryPartnerTests = [
  defineTest(
    'registry partners: a second partner’s roster with the same person links to her record, not a new one',
    async (t) => {
      assert.notEqual(TYPED, PERSON, 'the name has accents to leave out');
      const problems: string[] = [];

      // The Hòa Lạc college's roster: she is new to the registry.
      const first = await t.newPage();
      await login(first, hoaLac.email, hoaLac.password);
      const hoaLacId = await myOrganisationId(first);
      assert.deepEqual(await importRoster(first, 'danh-sach-hoa-lac-nhat-ban.csv', HOA_LAC_ROSTER, 1), {
        created: 1,
        matched: 0,
        enrolments: 1,
        pairs: 0,
      });
      await t.shot(first, 'hoa lac roster imported');

      // The Mekong academy's roster: she is recognised whatever the spelling; only the newcomer is made.
      const page = await t.newPage();
      await login(page, mekong.email, mekong.password);
      const mekongId = await myOrganisationId(page);
      assert.notEqual(mekongId, hoaLacId);
      assert.deepEqual(await importRoster(page, 'danh-sach-mekong.csv', MEKONG_ROSTER, 2), {
        created: 1,
        matched: 1,
        enrolments: 2,
        pairs: 0,
      });
      // What the page says, in its words: the number over its label.
      const card = async (id: string) => (await visibleText(byTestId(page, id))).split(/\n+/);
      assert.deepEqual(await card('roster-result-created'), ['1', vi.roster.result.created]);
      assert.deepEqual(await card('roster-result-matched'), ['1', vi.roster.result.matched]);
      await axe(page, '/teach/rosters result [vi]', problems);
      await t.shot(page, 'mekong roster imported');

      // NIC's programme manager: one record of her, typed without accents.
      const staff = await t.newPage();
      await login(staff, manager.email, manager.password);
      await open(staff, '/people');
      const searched = staff.waitForResponse(
        (r) => r.url().includes('/api/people?') && r.url().includes('q=') && r.request().method() === 'GET',
      );
      await byTestId(staff, 'people-search').fill(TYPED);
      assert.equal((await searched).status(), 200);
      const rows = byTestId(staff, 'people-row');
      await eventually(async () => {
        assert.equal(await rows.count(), 1, 'one record, not one per partner');
        assert.equal(await visibleText(rows.first().getByTestId('people-open')), PERSON);
      });
      await t.shot(staff, 'one record found');

      // Her page holds the classes of both partners.
      await rows.first().getByTestId('people-open').click();
      await staff.waitForURL(/\/people\/[0-9a-f-]{36}$/);
      await byTestId(staff, 'person-page').waitFor({ state: 'visible' });
      assert.equal(await visibleText(staff.locator('main h1')), PERSON);
      const enrolments = byTestId(staff, 'person-enrolment');
      await enrolments.first().waitFor({ state: 'visible' });
      const classes: string[] = [];
      for (const row of await enrolments.all())
        classes.push(
          `${await row.getAttribute('data-organisation-id')} ${await row.getAttribute('data-cohort-code')}`,
        );
      assert.deepEqual(
        classes.sort(),
        [`${hoaLacId} ${HOA_LAC_COHORT}`, `${mekongId} ${MEKONG_COHORT}`].sort(),
        'one class of each partner',
      );
      const table = await visibleText(byTestId(staff, 'person-enrolments'));
      for (const partner of ['Hòa Lạc', 'Mekong'])
        assert.ok(table.includes(partner), `the page names the ${partner} partner`);
      await axe(staff, '/people/:id [vi]', problems);
      await t.shot(staff, 'person with both partners classes');

      assert.equal(
        problems.length,
        0,
        `serious or critical accessibility violations:\n${problems.join('\n')}`,
      );
    },
  ),
];
