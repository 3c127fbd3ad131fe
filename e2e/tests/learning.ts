/**
 * Learning as learners and trainers do it: find a course without typing accents, enrol, study the
 * lessons, pass the quiz and get a certificate anyone can verify; take attendance, export the
 * gradebook and reorder lessons from the keyboard; revoke a certificate and withdraw a learner as a
 * partner admin. Every page visited is checked with axe-core.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { demoAccounts } from '../../server/db/seed/demo';
import { axeViolations, formatViolations } from '../lib/axe';
import { byTestId, closeToasts, eventually, htmlLang, login, open, settle, visibleText } from '../lib/flows';
import { defineTest, type Lang, NARROW, type TestSession } from '../lib/harness';
import { ja, vi } from '../lib/text';

const texts = { vi, ja } as const;
const trainer = demoAccounts.find((a) => a.role === 'trainer')!;
/** The partner admin whose organisation owns the demo learner's finished course (server/modules/enrolment/demo.ts). */
const partnerAdmin = demoAccounts.find((a) => a.email.startsWith('partner.hoalac@'))!;
const demoLearner = demoAccounts.find((a) => a.role === 'learner')!;

/** The demo course the learner takes: online, three lessons to read and a quiz (server/modules/quizzes/demo.ts). */
const COURSE_SLUG = 'tieng-nhat-n4';
const COURSE_TITLE = 'Tiếng Nhật N4';
/** The answers of the demo quiz, found by a piece of each prompt (the questions come shuffled). */
const quizKey: [string, string][] = [
  ['まいあさ', 'に'],
  ['会社', 'かいしゃ'],
  ['教えて', '教えて'],
  ['雨が', 'true'],
  ['さんびゃくごじゅう', '350'],
  ['友達', 'ともだち'],
  ['忘れる', 'quên'],
];
/** The trainer's running class and its course (server/modules/enrolment/demo.ts). */
const COHORT_CODE = 'INNM-K1';
const TRAINER_COURSE_SLUG = 'iot-nong-nghiep-mekong';

/** axe-core on the page as it is now; returns the report of serious and critical violations, if any. */
async function axe(page: Page, where: string, problems: string[]) {
  const violations = await axeViolations(page);
  if (violations.length) problems.push(formatViolations(where, violations));
}

async function registerLearner(t: TestSession, page: Page, lang: Lang) {
  const email = `e2e.learner.${Date.now()}.${randomBytes(3).toString('hex')}@example.com`;
  await open(page, '/register');
  await byTestId(page, 'register-email').fill(email);
  await byTestId(page, 'register-name').fill(lang === 'ja' ? 'Trần Thị Nhật Học' : 'Lê Thị Học Viên');
  await byTestId(page, 'register-password').fill('Hoa-sen-nở-2026!');
  await byTestId(page, 'register-submit').click();
  await byTestId(page, 'logout-button').waitFor({ state: 'visible' });
  await settle(page);
  await closeToasts(page);
  await t.shot(page, `${lang} registered`);
  return email;
}

/** Answers every question of the attempt on screen from the key. */
async function answerQuiz(page: Page) {
  const questions = byTestId(page, 'quiz-question');
  await questions.first().waitFor({ state: 'visible' });
  for (const q of await questions.all()) {
    const prompt = await q.innerText();
    const answer = quizKey.find(([part]) => prompt.includes(part))?.[1];
    assert.ok(answer, `the key has an answer for: ${prompt.split('\n')[1]}`);
    const kind = await q.getAttribute('data-kind');
    if (kind === 'single') await q.getByRole('radio', { name: answer, exact: true }).check();
    else if (kind === 'true_false')
      await q
        .getByRole('radio')
        .nth(answer === 'true' ? 0 : 1)
        .check();
    else await q.getByRole('textbox').fill(answer);
  }
}

const learnerJourney = (lang: 'vi' | 'ja') =>
  defineTest(
    `learner (${lang}, 360px): finds "tieng nhat", enrols, learns, passes the quiz, verifies the certificate`,
    async (t) => {
      const tx = texts[lang];
      const page = await t.newPage({ viewport: NARROW, mobile: true, lang });
      const problems: string[] = [];
      await registerLearner(t, page, lang);

      // The catalog, searched without accents: the server folds "tieng nhat" and "Tiếng Nhật" alike.
      await byTestId(page, 'nav-courses').click();
      await page.waitForURL('**/courses');
      await settle(page);
      await axe(page, `/courses [${lang}]`, problems);
      const answered = page.waitForResponse(
        (r) => r.url().includes('/api/courses?') && new URL(r.url()).searchParams.get('q') === 'tieng nhat',
      );
      await byTestId(page, 'catalog-search').fill('tieng nhat');
      assert.equal((await answered).status(), 200);
      await page.waitForURL((url) => url.searchParams.get('q') === 'tieng nhat');
      const card = page.locator(`[data-testid="course-card"]:has(a[href="/courses/${COURSE_SLUG}"])`);
      await card.waitFor({ state: 'visible' });
      if (lang === 'vi') assert.match(await visibleText(card), new RegExp(COURSE_TITLE));
      await t.shot(page, `${lang} catalog search`);

      // The course page: choose the class and enrol.
      await card.getByRole('link').click();
      await page.waitForURL(`**/courses/${COURSE_SLUG}`);
      await settle(page);
      await byTestId(page, 'cohort-option').first().check();
      await axe(page, `/courses/${COURSE_SLUG} [${lang}]`, problems);
      await t.shot(page, `${lang} course`);
      await byTestId(page, 'enrol-button').click();
      await byTestId(page, 'enrol-enrolled').waitFor({ state: 'visible' });
      await t.shot(page, `${lang} enrolled`);

      // The lessons, one after the other, each marked done.
      await byTestId(page, 'continue-learning').click();
      await page.waitForURL(`**/learn/${COURSE_SLUG}/**`);
      await settle(page);
      let lessons = 0;
      while (true) {
        // The lesson of the address bar, once loaded: its text, or the quiz.
        const lessonId = new URL(page.url()).pathname.split('/').pop();
        const lesson = page.locator(`article[data-lesson-id="${lessonId}"]`);
        await lesson.locator('[data-testid="lesson-content"], [data-testid="quiz-panel"]').first().waitFor();
        if (await lesson.getByTestId('quiz-panel').count()) break;
        assert.ok(
          (await visibleText(lesson.getByTestId('lesson-content'))).length > 20,
          'the lesson has text',
        );
        if (lessons === 0) {
          await axe(page, `lesson [${lang}]`, problems);
          await t.shot(page, `${lang} lesson`);
        }
        await lesson.getByTestId('lesson-done').click();
        await lesson.locator('[data-testid="lesson-done"][data-done]').waitFor();
        lessons += 1;
        await byTestId(page, 'lesson-next').click();
        await page.waitForURL((url) => !url.pathname.endsWith(`/${lessonId}`));
        assert.ok(lessons < 10, 'the quiz comes after a few lessons');
      }
      assert.equal(lessons, 3, 'three lessons to read before the quiz');
      await axe(page, `quiz lesson [${lang}]`, problems);

      // The quiz: a countdown from the server, answers saved as they change, submitted after confirming.
      await byTestId(page, 'quiz-start').click();
      await page.waitForURL('**/attempts/**');
      await byTestId(page, 'quiz-timer').waitFor({ state: 'visible' });
      await answerQuiz(page);
      await eventually(async () => {
        assert.match(await visibleText(byTestId(page, 'quiz-save-state')), lang === 'ja' ? /保存/ : /Đã lưu/);
      });
      await axe(page, `quiz attempt [${lang}]`, problems);
      await t.shot(page, `${lang} quiz answered`);
      await byTestId(page, 'quiz-submit').click();
      await byTestId(page, 'quiz-confirm').click();
      await byTestId(page, 'quiz-score').waitFor({ state: 'visible' });
      await settle(page);
      assert.match(await visibleText(byTestId(page, 'quiz-score')), /100/);
      assert.equal(await visibleText(byTestId(page, 'quiz-result')), tx.quiz.passed);
      await byTestId(page, 'course-completed').waitFor({ state: 'visible' });
      await axe(page, `quiz review [${lang}]`, problems);
      await t.shot(page, `${lang} quiz review`);

      // My learning lists the course as completed, with its certificate.
      await byTestId(page, 'nav-my-learning').click();
      await page.waitForURL('**/me/learning');
      await settle(page);
      await byTestId(page, 'my-completion').filter({ hasText: 'N4' }).waitFor({ state: 'visible' });
      await axe(page, `/me/learning [${lang}]`, problems);
      await t.shot(page, `${lang} my learning`);

      // The wallet shows the certificate; its public page says it is valid.
      await byTestId(page, 'nav-credentials').click();
      await page.waitForURL('**/me/credentials');
      await settle(page);
      const credential = byTestId(page, 'credential-card').filter({ hasText: 'N4' });
      await credential.waitFor({ state: 'visible' });
      assert.match(await visibleText(credential), new RegExp(tx.credentialStatus.active));
      await axe(page, `/me/credentials [${lang}]`, problems);
      await t.shot(page, `${lang} wallet`);
      await credential.getByTestId('credential-verify').click();
      await page.waitForURL('**/verify/**');
      await settle(page);
      const status = byTestId(page, 'verify-status');
      await status.waitFor({ state: 'visible' });
      assert.equal(await status.getAttribute('data-state'), 'valid');
      assert.match(await visibleText(status), new RegExp(tx.verify.state.valid));
      assert.equal(await htmlLang(page), lang);
      await axe(page, `/verify [${lang}]`, problems);
      await t.shot(page, `${lang} verified`);

      // Anyone, signed out, sees the same on the certificate's public page.
      const verifyUrl = page.url();
      const visitor = await t.newPage({ lang });
      await open(visitor, new URL(verifyUrl).pathname);
      assert.equal(await byTestId(visitor, 'verify-status').getAttribute('data-state'), 'valid');

      assert.equal(
        problems.length,
        0,
        `serious or critical accessibility violations:\n${problems.join('\n')}`,
      );
    },
  );

export const learningTests = [
  learnerJourney('vi'),
  learnerJourney('ja'),

  defineTest(
    'trainer takes attendance, exports the gradebook (.xlsx) and reorders lessons from the keyboard',
    async (t) => {
      const page = await t.newPage();
      const problems: string[] = [];
      await login(page, trainer.email, trainer.password);

      await byTestId(page, 'nav-teach').click();
      await page.waitForURL('**/teach');
      await settle(page);
      await axe(page, '/teach [vi]', problems);
      await t.shot(page, 'teach');
      await byTestId(page, 'teach-cohort').filter({ hasText: COHORT_CODE }).getByRole('link').click();
      await page.waitForURL('**/teach/cohorts/**');
      await settle(page);
      const cohortPath = new URL(page.url()).pathname;

      // Attendance: one learner absent, then everyone present, saved with PUT …/attendance.
      const rows = byTestId(page, 'attendance-row');
      await rows.first().waitFor({ state: 'visible' });
      const learners = await rows.count();
      assert.ok(learners >= 2, `the class has learners, got ${learners}`);
      await rows.first().getByRole('radio', { name: vi.attendance.absent }).check();
      await byTestId(page, 'attendance-all-present').click();
      const saved = page.waitForResponse(
        (r) => r.url().includes('/attendance') && r.request().method() === 'PUT',
      );
      await byTestId(page, 'attendance-save').click();
      assert.equal((await saved).status(), 200);
      await axe(page, `${cohortPath} attendance [vi]`, problems);
      await t.shot(page, 'attendance saved');
      await page.reload({ waitUntil: 'networkidle' });
      await settle(page);
      for (const row of await byTestId(page, 'attendance-row').all()) {
        assert.ok(
          await row.getByRole('radio', { name: vi.attendance.present }).isChecked(),
          'saved as present',
        );
      }

      // The gradebook, and its Excel export as a download.
      await byTestId(page, 'tab-gradebook').click();
      const table = byTestId(page, 'gradebook-table');
      await table.waitFor({ state: 'visible' });
      assert.equal(await byTestId(page, 'gradebook-row').count(), learners);
      await axe(page, `${cohortPath} gradebook [vi]`, problems);
      await t.shot(page, 'gradebook');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        byTestId(page, 'gradebook-export').click(),
      ]);
      assert.match(download.suggestedFilename(), /\.xlsx$/);
      const file = await download.path();
      assert.ok(file, 'the workbook was downloaded');
      assert.equal(readFileSync(file).subarray(0, 2).toString('latin1'), 'PK', 'an .xlsx is a zip file');

      await byTestId(page, 'tab-roster').click();
      await byTestId(page, 'roster-table').waitFor({ state: 'visible' });
      await axe(page, `${cohortPath} roster [vi]`, problems);

      // The course editor: a lesson moved down with its button and back up with Alt+↑, saved each time.
      const course = (await (await page.request.get(`/api/courses/${TRAINER_COURSE_SLUG}`)).json()) as {
        id: string;
      };
      await open(page, `/teach/courses/${course.id}`);
      const titles = async () =>
        (await byTestId(page, 'outline-lesson').locator('.outline-lesson-main p').allInnerTexts()).map((s) =>
          s.trim(),
        );
      const before = await titles();
      assert.ok(before.length >= 2, 'the course has lessons to reorder');
      const moved = page.waitForResponse(
        (r) => r.url().endsWith('/outline') && r.request().method() === 'PUT',
      );
      await byTestId(page, 'lesson-move-down').first().click();
      assert.equal((await moved).status(), 200);
      assert.deepEqual((await titles()).slice(0, 2), [before[1], before[0]]);
      assert.match(await byTestId(page, 'outline-announcement').innerText(), new RegExp(before[0]!));
      await axe(page, '/teach/courses/:id outline [vi]', problems);
      await t.shot(page, 'lesson moved down');
      await page.reload({ waitUntil: 'networkidle' });
      await settle(page);
      assert.deepEqual((await titles()).slice(0, 2), [before[1], before[0]], 'the new order was saved');
      await byTestId(page, 'outline-lesson').nth(1).getByTestId('lesson-move-up').focus();
      const back = page.waitForResponse(
        (r) => r.url().endsWith('/outline') && r.request().method() === 'PUT',
      );
      await page.keyboard.press('Alt+ArrowUp');
      assert.equal((await back).status(), 200);
      assert.deepEqual(await titles(), before, 'Alt+↑ put it back');

      assert.equal(
        problems.length,
        0,
        `serious or critical accessibility violations:\n${problems.join('\n')}`,
      );
    },
  ),

  defineTest(
    'partner admin revokes a certificate with a reason from the keyboard and withdraws a learner from a roster',
    async (t) => {
      const page = await t.newPage();
      const problems: string[] = [];
      await login(page, partnerAdmin.email, partnerAdmin.password);

      // From the teaching page to the certificates the organisation issued.
      await byTestId(page, 'nav-teach').click();
      await page.waitForURL('**/teach');
      await settle(page);
      await byTestId(page, 'teach-certificates').click();
      await page.waitForURL('**/teach/certificates');
      await settle(page);
      const rows = byTestId(page, 'certificate-row');
      await rows.first().waitFor({ state: 'visible' });
      await axe(page, '/teach/certificates [vi]', problems);
      await t.shot(page, 'issued certificates');

      // The demo learner's certificate, found without typing accents; its verification link names it.
      await byTestId(page, 'certificates-search').fill('ngoc han');
      await page.waitForURL((url) => url.searchParams.get('q') === 'ngoc han');
      await eventually(async () => {
        for (const text of await rows.allInnerTexts())
          assert.match(text, new RegExp(demoLearner.displayName));
      });
      const row = rows.filter({ has: byTestId(page, 'certificate-revoke') }).first();
      const href = await row.getByTestId('certificate-verify').getAttribute('href');
      assert.match(href ?? '', /^\/verify\/[0-9a-f-]{36}$/);
      const theRow = rows.filter({ has: page.locator(`a[href="${href}"]`) });
      assert.equal(await theRow.getAttribute('data-status'), 'active');

      // The dialog: no reason is refused; the reason is chosen and the note typed from the keyboard.
      await row.getByTestId('certificate-revoke').click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor({ state: 'visible' });
      await byTestId(page, 'revoke-confirm').click();
      await dialog.getByText(vi.teach.certificates.reasonNeeded).waitFor({ state: 'visible' });
      const reason = byTestId(page, 'revoke-reason');
      await reason.focus();
      await page.keyboard.press('ArrowDown');
      // ArrowDown opens the list on its first reason; Enter picks it. The list marks that reason a
      // moment after it opens (a timeout in the component): Enter before the mark picks nothing.
      const listbox = page.getByRole('listbox');
      await listbox.waitFor({ state: 'visible' });
      await listbox.locator('[data-combobox-selected]').first().waitFor({ state: 'attached' });
      await page.keyboard.press('Enter');
      await eventually(async () =>
        assert.equal(await reason.inputValue(), vi.revocationReason.issued_in_error),
      );
      await page.keyboard.press('Tab');
      await page.keyboard.type('Cấp nhầm cho học viên khác (kiểm thử e2e).');
      await axe(page, '/teach/certificates revoke dialog [vi]', problems);
      await t.shot(page, 'revoke dialog');
      const revoked = page.waitForResponse(
        (r) => r.url().endsWith('/revoke') && r.request().method() === 'POST',
      );
      await byTestId(page, 'revoke-confirm').focus();
      await page.keyboard.press('Enter');
      assert.equal((await revoked).status(), 200);
      await dialog.waitFor({ state: 'hidden' });
      await eventually(async () => assert.equal(await theRow.getAttribute('data-status'), 'revoked'));
      assert.match(await visibleText(theRow), new RegExp(vi.credentialStatus.revoked));
      assert.match(await visibleText(theRow), new RegExp(vi.revocationReason.issued_in_error));
      await t.shot(page, 'certificate revoked');

      // Filtered on "revoked", the list still shows it; its public page says it is revoked.
      await open(page, '/teach/certificates?status=revoked');
      await theRow.waitFor({ state: 'visible' });
      await theRow.getByTestId('certificate-verify').click();
      await page.waitForURL(`**${href}`);
      await settle(page);
      const status = byTestId(page, 'verify-status');
      await status.waitFor({ state: 'visible' });
      assert.equal(await status.getAttribute('data-state'), 'revoked');
      const visitor = await t.newPage();
      await open(visitor, href!);
      assert.equal(await byTestId(visitor, 'verify-status').getAttribute('data-state'), 'revoked');

      // On a phone the list keeps its learner, status and actions in view.
      const phone = await t.newPage({ viewport: NARROW, mobile: true });
      await login(phone, partnerAdmin.email, partnerAdmin.password);
      await open(phone, '/teach/certificates');
      await byTestId(phone, 'certificate-row').first().waitFor({ state: 'visible' });
      await axe(phone, '/teach/certificates 360px [vi]', problems);
      await t.shot(phone, 'issued certificates 360px');

      // A roster: withdraw an enrolled learner; the row says so.
      await open(page, '/teach');
      await byTestId(page, 'teach-cohort').first().getByRole('link').click();
      await page.waitForURL('**/teach/cohorts/**');
      await settle(page);
      await byTestId(page, 'tab-roster').click();
      await byTestId(page, 'roster-table').waitFor({ state: 'visible' });
      const enrolled = byTestId(page, 'roster-row').filter({ has: byTestId(page, 'roster-withdraw') });
      await enrolled.first().waitFor({ state: 'visible' });
      const learner = (await enrolled.first().locator('td').first().innerText()).trim();
      const learnerRow = byTestId(page, 'roster-row').filter({ hasText: learner });
      await axe(page, 'roster with actions [vi]', problems);
      await t.shot(page, 'roster actions');
      await learnerRow.getByTestId('roster-withdraw').click();
      await dialog.waitFor({ state: 'visible' });
      assert.match(await visibleText(dialog), new RegExp(learner));
      const withdrawn = page.waitForResponse(
        (r) => r.url().endsWith('/withdraw') && r.request().method() === 'POST',
      );
      await byTestId(page, 'confirm-button').click();
      assert.equal((await withdrawn).status(), 200);
      await dialog.waitFor({ state: 'hidden' });
      await eventually(async () => assert.equal(await learnerRow.getAttribute('data-status'), 'withdrawn'));
      assert.match(await visibleText(learnerRow), new RegExp(vi.enrolmentStatus.withdrawn));
      assert.equal(await learnerRow.getByTestId('roster-withdraw').count(), 0, 'nothing left to withdraw');
      await t.shot(page, 'learner withdrawn');
      await closeToasts(page);

      // Transfer another learner to the course's other open class, picked from the keyboard.
      const other = byTestId(page, 'roster-row').filter({ has: byTestId(page, 'roster-transfer') });
      const moving = (await other.first().locator('td').first().innerText()).trim();
      const movingRow = byTestId(page, 'roster-row').filter({ hasText: moving });
      await movingRow.getByTestId('roster-transfer').click();
      await dialog.waitFor({ state: 'visible' });
      const target = byTestId(page, 'transfer-target');
      await target.waitFor({ state: 'visible' });
      await target.focus();
      await page.keyboard.press('ArrowDown');
      await page.getByRole('listbox').waitFor({ state: 'visible' });
      // As with the reason above: Enter once the list has marked its first class.
      await page
        .getByRole('listbox')
        .locator('[data-combobox-selected]')
        .first()
        .waitFor({ state: 'attached' });
      await page.keyboard.press('Enter');
      await eventually(async () => assert.notEqual(await target.inputValue(), ''));
      await axe(page, 'transfer dialog [vi]', problems);
      await t.shot(page, 'transfer dialog');
      const moved = page.waitForResponse(
        (r) => r.url().endsWith('/transfer') && r.request().method() === 'POST',
      );
      await byTestId(page, 'transfer-confirm').click();
      assert.equal((await moved).status(), 201);
      await dialog.waitFor({ state: 'hidden' });
      await eventually(async () => assert.equal(await movingRow.getAttribute('data-status'), 'transferred'));
      await t.shot(page, 'learner transferred');
      await open(phone, `${new URL(page.url()).pathname}?tab=roster`);
      await byTestId(phone, 'roster-table').waitFor({ state: 'visible' });
      await axe(phone, 'roster 360px [vi]', problems);
      await t.shot(phone, 'roster 360px');

      // The class of the revoked certificate links its learner to it, marked as revoked.
      const course = (await (
        await page.request.get(`/api/credentials/${href!.split('/').pop()}`)
      ).json()) as {
        courseTitle: string;
      };
      await open(page, '/teach');
      await byTestId(page, 'teach-cohort')
        .filter({ hasText: course.courseTitle })
        .filter({ hasText: '-K0' })
        .getByRole('link')
        .click();
      await page.waitForURL('**/teach/cohorts/**');
      await settle(page);
      await byTestId(page, 'tab-roster').click();
      const certificate = byTestId(page, 'roster-certificate');
      await certificate.first().waitFor({ state: 'visible' });
      assert.equal(await certificate.first().getAttribute('href'), href);
      assert.ok(
        (await visibleText(certificate.first())).includes(vi.teach.cohort.certificateRevoked),
        'the link says the certificate was revoked',
      );
      await t.shot(page, 'roster certificate');

      assert.equal(
        problems.length,
        0,
        `serious or critical accessibility violations:\n${problems.join('\n')}`,
      );
    },
  ),

  defineTest(
    'learning pages in Japanese: demo learner and trainer, no serious or critical axe violations',
    async (t) => {
      const problems: string[] = [];
      const check = async (page: Page, path: string) => {
        await open(page, path);
        assert.equal(await htmlLang(page), 'ja', `${path}: <html lang>`);
        await axe(page, `${path} [ja]`, problems);
        await t.shot(page, `ja ${path}`);
      };
      const learner = await t.newPage({ lang: 'ja', viewport: NARROW, mobile: true });
      await login(learner, demoLearner.email, demoLearner.password);
      for (const path of [
        '/courses',
        `/courses/${TRAINER_COURSE_SLUG}`,
        `/learn/${TRAINER_COURSE_SLUG}`,
        '/me/learning',
        '/me/credentials',
        '/verify',
      ])
        await check(learner, path);
      await byTestId(learner, 'notifications-bell').click();
      await learner.getByRole('dialog').waitFor({ state: 'visible' });
      await learner.waitForLoadState('networkidle');
      await axe(learner, 'notifications [ja]', problems);
      await t.shot(learner, 'ja notifications');

      const staff = await t.newPage({ lang: 'ja' });
      await login(staff, trainer.email, trainer.password);
      await check(staff, '/teach');
      const course = (await (await staff.request.get(`/api/courses/${TRAINER_COURSE_SLUG}`)).json()) as {
        id: string;
      };
      for (const tab of ['', '?tab=details', '?tab=quizzes'])
        await check(staff, `/teach/courses/${course.id}${tab}`);
      await open(staff, '/teach');
      await byTestId(staff, 'teach-cohort').filter({ hasText: COHORT_CODE }).getByRole('link').click();
      await staff.waitForURL('**/teach/cohorts/**');
      const cohortPath = new URL(staff.url()).pathname;
      for (const tab of ['', '?tab=roster', '?tab=gradebook']) await check(staff, `${cohortPath}${tab}`);

      assert.equal(
        problems.length,
        0,
        `serious or critical accessibility violations:\n${problems.join('\n')}`,
      );
    },
  ),
];
