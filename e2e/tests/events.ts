/**
 * Events in the browser (issue 6, "done when": staff check in an event participant by QR on a
 * phone-sized screen).
 *
 * A visitor on a phone finds the demo's upcoming event (the Hòa Lạc semiconductor careers day),
 * registers with their details and gets a QR code: the image is the QR code of the staff check-in
 * address the server answered, and a short code is printed beside it. The organiser's partner admin, on
 * a 390×844 phone, opens that address (as the camera would), logs in, sees the person and the event
 * and checks them in with the keyboard; opening it again says when and by whom. On the event's desk
 * the short code finds the visitor, and a walk-in is registered and checked in at once. The demo
 * learner, signed in, reads their own QR code in Japanese. Every page is checked with axe-core and
 * for sideways scrolling.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import QRCode from 'qrcode';
import { QR_OPTIONS } from '../../server/modules/events/checkin-token';
import { DEMO_UPCOMING_TITLES } from '../../server/modules/events/demo';
import { axeViolations, formatViolations } from '../lib/axe';
import { byTestId, closeToasts, eventually, login, open, settle, visibleText } from '../lib/flows';
import { defineTest, MOBILE } from '../lib/harness';
import { ja, vi } from '../lib/text';

const PASSWORD = 'NhanLuc@2026!';
const STAFF = 'partner.hoalac@demo.nhanluc.vn';
const LEARNER = 'learner@demo.nhanluc.vn';

async function axe(page: Page, where: string, problems: string[]) {
  const violations = await axeViolations(page);
  if (violations.length) problems.push(formatViolations(where, violations));
}

async function assertNoSideways(page: Page, where: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${where} scrolls sideways by ${overflow}px`);
}

/** The upcoming demo event's page, found from the events list as a visitor would. */
async function openUpcoming(page: Page, lang: 'vi' | 'ja') {
  await open(page, '/');
  await byTestId(page, 'nav-events').click();
  await page.waitForURL('**/events');
  await settle(page);
  const card = byTestId(page, 'event-card').filter({ hasText: DEMO_UPCOMING_TITLES[lang] });
  await card.waitFor({ state: 'visible' });
  await card.getByTestId('event-link').click();
  await page.waitForURL(/\/events\/[0-9a-f-]{36}$/);
  await byTestId(page, 'event-title').waitFor({ state: 'visible' });
  return page.url().split('/').pop()!;
}

export const eventTests = [
  defineTest(
    'events: a visitor registers on a phone and gets a QR code; staff open it on a 390×844 phone and check them in; a walk-in is added',
    async (t) => {
      const problems: string[] = [];
      // Each run starts from a fresh database: these people are new to its registry.
      const visitorName = 'Hoàng Thị Thu Thảo';
      const walkInName = 'Lý Văn Phát';

      // ── The visitor, on a phone, in Vietnamese ──
      const visitor = await t.newPage({ lang: 'vi', viewport: MOBILE, mobile: true });
      const eventId = await openUpcoming(visitor, 'vi');
      assert.equal(await visibleText(byTestId(visitor, 'event-title')), DEMO_UPCOMING_TITLES.vi);
      await axe(visitor, '/events/:id [vi, visitor form]', problems);
      await assertNoSideways(visitor, '/events/:id');

      // Sending the form empty points at what is missing, and nothing is registered.
      await byTestId(visitor, 'visitor-submit').click();
      await eventually(async () =>
        assert.equal(
          await visitor.locator('[aria-invalid="true"]').first().getAttribute('data-testid'),
          'visitor-name',
        ),
      );

      await byTestId(visitor, 'visitor-name').fill(visitorName);
      await byTestId(visitor, 'visitor-phone').fill('0918 246 813');
      await visitor.getByRole('radio', { name: vi.events.sex.F, exact: true }).check();
      await byTestId(visitor, 'visitor-dob').fill('2003-04-12');
      await byTestId(visitor, 'visitor-province').selectOption('01');
      await visitor.getByRole('checkbox', { name: vi.events.register.consent }).check();
      const answered = visitor.waitForResponse(
        (r) => r.url().endsWith(`/api/events/${eventId}/registrations`) && r.request().method() === 'POST',
      );
      await byTestId(visitor, 'visitor-submit').click();
      const response = await answered;
      assert.equal(response.status(), 201, await response.text());
      const registration = (await response.json()) as {
        checkInUrl: string;
        shortCode: string;
        qrCode: string;
      };
      const card = byTestId(visitor, 'registration');
      await card.waitFor({ state: 'visible' });
      // The image is the QR code of the staff check-in address; the short code is printed beside it.
      const src = await byTestId(visitor, 'registration-qr').getAttribute('src');
      const svg = await QRCode.toString(registration.checkInUrl, QR_OPTIONS);
      assert.equal(src, `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`);
      assert.match(registration.checkInUrl, new RegExp(`^${t.baseUrl}/events/check-in/[A-Za-z0-9_-]{22}$`));
      assert.equal(await visibleText(byTestId(visitor, 'registration-code')), registration.shortCode);
      await axe(visitor, '/events/:id [vi, registered]', problems);
      await assertNoSideways(visitor, '/events/:id registered');
      await t.shot(visitor, 'visitor registered, QR code');

      // ── The organiser's partner admin, on a 390×844 phone: the camera opens the QR code's address ──
      const staff = await t.newPage({ lang: 'vi', viewport: MOBILE, mobile: true });
      await staff.goto(registration.checkInUrl, { waitUntil: 'networkidle' });
      await staff.waitForURL(/\/login\?next=/);
      await login(staff, STAFF, PASSWORD);
      await staff.waitForURL(/\/events\/check-in\//);
      await byTestId(staff, 'checkin-name').waitFor({ state: 'visible' });
      assert.equal(await visibleText(byTestId(staff, 'checkin-name')), visitorName);
      assert.equal(await visibleText(byTestId(staff, 'checkin-event')), DEMO_UPCOMING_TITLES.vi);
      await axe(staff, '/events/check-in/:token [vi, 390px]', problems);
      await assertNoSideways(staff, '/events/check-in/:token');
      await t.shot(staff, 'staff phone, before check-in');

      // With the keyboard: the large button takes the focus and Enter checks in.
      await byTestId(staff, 'checkin-button').focus();
      await staff.keyboard.press('Enter');
      const result = byTestId(staff, 'checkin-result');
      await eventually(async () => assert.match(await visibleText(result), /Đã điểm danh/));
      assert.ok(
        await staff.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'checkin-result'),
        'the outcome takes the focus',
      );
      await axe(staff, '/events/check-in/:token [vi, checked in]', problems);
      await t.shot(staff, 'staff phone, checked in');

      // Opened again (a second scan): done already, when and by whom; no button.
      await open(staff, new URL(registration.checkInUrl).pathname);
      await eventually(async () =>
        assert.match(await visibleText(byTestId(staff, 'checkin-result')), /Phạm Quốc Huy/),
      );
      assert.equal(await byTestId(staff, 'checkin-button').count(), 0);

      // ── The event's desk: the short code finds the visitor; a walk-in comes ──
      await byTestId(staff, 'checkin-desk').click();
      await staff.waitForURL(`**/events/manage/${eventId}`);
      await byTestId(staff, 'desk-title').waitFor({ state: 'visible' });
      await closeToasts(staff);
      await byTestId(staff, 'desk-search').fill(registration.shortCode.toLowerCase());
      const found = byTestId(staff, 'desk-participant');
      await eventually(async () => {
        assert.equal(await found.count(), 1);
        assert.equal(await found.first().getAttribute('data-code'), registration.shortCode);
      });
      assert.match(await visibleText(found.first()), /Phạm Quốc Huy/);
      await axe(staff, '/events/manage/:id [vi, 390px]', problems);
      await assertNoSideways(staff, '/events/manage/:id');

      const present = Number(await visibleText(byTestId(staff, 'count-checkedIn')));
      await byTestId(staff, 'walkin-name').fill(walkInName);
      await byTestId(staff, 'walkin-phone').fill('0938 135 792');
      await staff.getByRole('radio', { name: vi.events.sex.M, exact: true }).check();
      await staff.getByRole('checkbox', { name: vi.events.details.yearOnly }).check();
      await byTestId(staff, 'walkin-birth-year').fill('1999');
      await byTestId(staff, 'walkin-province').selectOption('01');
      await byTestId(staff, 'walkin-submit').click();
      await eventually(async () =>
        assert.match(await visibleText(byTestId(staff, 'desk-announce')), new RegExp(walkInName)),
      );
      await eventually(async () =>
        assert.equal(Number(await visibleText(byTestId(staff, 'count-checkedIn'))), present + 1),
      );
      await byTestId(staff, 'desk-search').fill('ly van phat');
      await eventually(async () => {
        assert.equal(await found.count(), 1);
        assert.match(await visibleText(found.first()), new RegExp(vi.events.desk.walkInBadge, 'i'));
      });
      await closeToasts(staff);
      await axe(staff, '/events/manage/:id [vi, after a walk-in]', problems);
      await t.shot(staff, 'staff desk, walk-in');

      assert.deepEqual(problems, [], problems.join('\n'));
    },
  ),

  defineTest(
    'events: a partner admin creates an event in English, finds it on the desk and edits it',
    async (t) => {
      const problems: string[] = [];
      const page = await t.newPage({ lang: 'en' });
      await login(page, STAFF, PASSWORD);
      await open(page, '/events');
      await byTestId(page, 'events-manage-link').click();
      await page.waitForURL('**/events/manage');
      await byTestId(page, 'manage-table').waitFor({ state: 'visible' });
      await axe(page, '/events/manage [en]', problems);
      await byTestId(page, 'event-new').click();
      await page.waitForURL('**/events/manage/new');
      await byTestId(page, 'event-title-input').waitFor({ state: 'visible' });

      // Saving with nothing filled in points at the title first.
      await byTestId(page, 'event-save').click();
      await eventually(async () =>
        assert.equal(
          await page.evaluate(() => document.activeElement?.getAttribute('data-testid')),
          'event-title-input',
        ),
      );
      const day = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
      await byTestId(page, 'event-language').selectOption('en');
      await byTestId(page, 'event-title-input').fill('Chip design taster evening');
      await byTestId(page, 'event-description-input').fill(
        'Try a layout tool. <b>Not HTML</b>: shown as typed.',
      );
      await byTestId(page, 'event-topic').selectOption('4ir_careers');
      const program = byTestId(page, 'event-program');
      await eventually(async () => assert.ok((await program.locator('option').count()) > 1));
      await program.selectOption({ label: 'Semiconductor Talent 2030' });
      await byTestId(page, 'event-start-date').fill(day);
      await byTestId(page, 'event-start-time').fill('18:00');
      await byTestId(page, 'event-end-time').fill('20:30');
      await byTestId(page, 'event-province').selectOption('01');
      await byTestId(page, 'event-location').fill('Hòa Lạc Hi-Tech Park, lab 2');
      await byTestId(page, 'event-capacity').fill('30');
      await axe(page, '/events/manage/new [en]', problems);
      await byTestId(page, 'event-save').click();
      await page.waitForURL(/\/events\/manage\/[0-9a-f-]{36}$/);
      await byTestId(page, 'desk-title').waitFor({ state: 'visible' });
      assert.equal(await visibleText(byTestId(page, 'desk-title')), 'Chip design taster evening');
      assert.equal(await visibleText(byTestId(page, 'count-capacityLeft')), '30');
      await closeToasts(page);
      await axe(page, '/events/manage/:id [en, empty]', problems);

      await byTestId(page, 'desk-edit').click();
      await page.waitForURL(/\/edit$/);
      await byTestId(page, 'event-capacity').fill('40');
      await byTestId(page, 'event-save').click();
      await page.waitForURL(/\/events\/manage\/[0-9a-f-]{36}$/);
      await eventually(async () =>
        assert.equal(await visibleText(byTestId(page, 'count-capacityLeft')), '40'),
      );
      // The public page shows the description as text, not markup.
      await page.getByRole('link', { name: 'Public page' }).click();
      await byTestId(page, 'event-title').waitFor({ state: 'visible' });
      assert.ok(await page.getByText('<b>Not HTML</b>', { exact: false }).isVisible());
      await t.shot(page, 'partner created an event');
      assert.deepEqual(problems, [], problems.join('\n'));
    },
  ),

  defineTest(
    'events: a signed-in learner sees their QR code for the upcoming event, in Japanese',
    async (t) => {
      const problems: string[] = [];
      const page = await t.newPage({ lang: 'ja', viewport: MOBILE, mobile: true });
      await login(page, LEARNER, PASSWORD);
      await openUpcoming(page, 'ja');
      await byTestId(page, 'registration').waitFor({ state: 'visible' });
      assert.match(
        await visibleText(byTestId(page, 'registration')),
        new RegExp(ja.events.confirmation.again),
      );
      assert.match(await visibleText(byTestId(page, 'registration-code')), /^[A-Z2-9]{6}$/);
      await axe(page, '/events/:id [ja, learner]', problems);
      await assertNoSideways(page, '/events/:id [ja]');
      await t.shot(page, 'learner QR, ja');
      assert.deepEqual(problems, [], problems.join('\n'));
    },
  ),
];
