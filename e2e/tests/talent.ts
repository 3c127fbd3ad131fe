/**
 * The talent side in the browser.
 *
 * Occupations (ESCO, imported with the demo data on first start): a visitor on a phone finds the
 * occupation of the semiconductor pathway by name or ISCO group and reads the skills it needs, in
 * Vietnamese and Japanese, with no serious accessibility problem and nothing wider than the screen.
 *
 * Jobs (issue 5, "done when"): an employer of a verified organisation posts a job in Japan asking for
 * JLPT N4 and three skills; the demo learner, who holds a certificate, finds it ranked on "Jobs for
 * me" with the reason, opens it, reads the missing skill and the course that closes it, and applies;
 * the employer sees the candidate with the explanation and moves the application screened → interview
 * → offer, each move confirmed. An employer whose organisation is not verified reads the notice and
 * cannot post (the API answers 403). Every page is checked with axe-core.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axeViolations, formatViolations } from '../lib/axe';
import {
  byTestId,
  closeToasts,
  eventually,
  login,
  open,
  sessionUser,
  settle,
  visibleText,
} from '../lib/flows';
import { defineTest, NARROW } from '../lib/harness';
import { JAPANESE_SCRIPT, ja, vi } from '../lib/text';

const texts = { vi, ja } as const;

const occupationTests = (['vi', 'ja'] as const).map((lang) =>
  defineTest(
    `talent: a visitor finds an occupation and the skills it needs, on a phone, ${lang}`,
    async (t) => {
      const page = await t.newPage({ lang, viewport: NARROW, mobile: true });
      await open(page, '/');
      await page
        .getByRole('navigation')
        .getByRole('link', { name: texts[lang].nav.occupations, exact: true })
        .click();
      await page.waitForURL('**/occupations');
      await byTestId(page, 'occupations-count').waitFor({ state: 'visible' });

      // By name, written in capitals: one occupation, the one the semiconductor pathway aims at.
      await byTestId(page, 'occupations-search').fill('SEMICONDUCTOR processor');
      await page.waitForURL(/q=SEMICONDUCTOR/);
      const results = page.getByRole('list', { name: texts[lang].occupations.results });
      await eventually(async () => assert.equal(await results.getByRole('listitem').count(), 1));
      // By ISCO group: every assembler and processor of electronic equipment, this one among them.
      await byTestId(page, 'occupations-search').fill('');
      await byTestId(page, 'occupations-isco').fill('8212');
      await page.waitForURL(/isco=8212/);
      await eventually(async () =>
        assert.ok((await results.getByRole('listitem').count()) > 5, 'ISCO 8212 lists several occupations'),
      );
      await settle(page);
      const violations = await axeViolations(page);
      assert.equal(violations.length, 0, formatViolations(`/occupations [${lang}]`, violations));
      await t.shot(page, `${lang} list`);

      await results.getByRole('link', { name: 'semiconductor processor', exact: true }).click();
      await page.waitForURL(/\/occupations\/[0-9a-f-]{36}$/);
      assert.equal(await visibleText(byTestId(page, 'occupation-title')), 'semiconductor processor');
      const essential = byTestId(page, 'occupation-essential');
      await essential.waitFor({ state: 'visible' });
      const skills = await essential.getByRole('listitem').allInnerTexts();
      assert.ok(
        skills.some((s) => s.startsWith('polish wafers')),
        `essential skills: ${skills.join(', ')}`,
      );
      // The heading counts what the list shows.
      const heading = page.getByRole('heading', { level: 2 }).first();
      assert.match(await visibleText(heading), new RegExp(`\\b${skills.length}\\b`));
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      assert.ok(scrollWidth <= innerWidth, `the page scrolls sideways (${scrollWidth}px in ${innerWidth}px)`);
      const profileViolations = await axeViolations(page);
      assert.equal(
        profileViolations.length,
        0,
        formatViolations(`/occupations/:id [${lang}]`, profileViolations),
      );
      await t.shot(page, `${lang} profile`);
    },
  ),
);

// ── Jobs: an employer posts, a learner is matched and applies, the employer moves the application ──

const PASSWORD = 'NhanLuc@2026!';
// The recruiter of the demo's verified Japanese employer (Kyushu Hikari Denshi).
const EMPLOYER = 'employer.kyushu@demo.nhanluc.vn';
const PENDING_EMPLOYER = 'employer.pending@demo.nhanluc.vn';
const LEARNER = 'learner@demo.nhanluc.vn';

async function axe(page: Page, where: string, problems: string[]) {
  const violations = await axeViolations(page);
  if (violations.length) problems.push(formatViolations(where, violations));
}

/** Nothing on the page is wider than the phone's screen. */
async function assertNoSideways(page: Page, where: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${where} scrolls sideways by ${overflow}px`);
}

/** A JSON request from the page, as the app sends it (session cookie and CSRF header). */
async function api(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const csrf = document.cookie.match(/(?:^|;\s*)nl_csrf=([^;]*)/)?.[1] ?? '';
      const res = await fetch(path, {
        method,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          'x-csrf-token': decodeURIComponent(csrf),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json().catch(() => null)) as unknown };
    },
    { method, path, body },
  );
}

interface SkillRef {
  id: string;
  name: string;
}

/**
 * The three skills the job asks for, chosen from what the demo learner holds: two of their verified
 * skills (from their certificate) and one they lack that a published course teaches.
 */
async function chooseSkills(learner: Page): Promise<{ held: SkillRef[]; missing: SkillRef; course: string }> {
  const profile = (await api(learner, 'GET', '/api/me/talent-profile')).body as {
    skills: { skillId: string; name: string; verified: boolean }[];
  };
  const verified = profile.skills.filter((s) => s.verified);
  assert.ok(
    verified.length >= 2,
    `demo data: the learner needs two verified skills from a certificate, has ${verified.length}`,
  );
  const heldIds = new Set(profile.skills.map((s) => s.skillId));
  for (let page = 1; page <= 5; page++) {
    const list = (await api(learner, 'GET', `/api/skills?pageSize=100&page=${page}`)).body as {
      items: { id: string; name: string }[];
    };
    for (const skill of list.items) {
      if (heldIds.has(skill.id)) continue;
      const detail = (await api(learner, 'GET', `/api/skills/${skill.id}`)).body as {
        courses: { title: string }[];
      };
      if (detail.courses.length > 0)
        return {
          held: verified.slice(0, 2).map((s) => ({ id: s.skillId, name: s.name })),
          missing: { id: skill.id, name: skill.name },
          course: detail.courses[0]!.title,
        };
    }
    if (list.items.length < 100) break;
  }
  throw new Error('demo data: no skill the learner lacks is taught by a published course');
}

/** Pick a skill in a taxonomy search box by typing its name and choosing the option. */
async function pickSkill(page: Page, testId: string, name: string) {
  await byTestId(page, testId).fill(name);
  await page.getByRole('option', { name, exact: true }).click();
}

/** The applications column of one status on the employer's pipeline. */
const column = (page: Page, status: string) => byTestId(page, `pipeline-${status}`);

const jobTests = [
  defineTest(
    'talent, jobs: a verified employer posts a job in Japan; a learner is matched, sees the gap and the course, applies; the employer moves them to an offer',
    async (t) => {
      const problems: string[] = [];
      const title = `Kỹ thuật viên kiểm thử bán dẫn ${Date.now().toString(36)}`;

      // The learner, on a phone, in Vietnamese.
      const learner = await t.newPage({ lang: 'vi', viewport: NARROW, mobile: true });
      await login(learner, LEARNER, PASSWORD);
      const learnerName = ((await sessionUser(learner)) as unknown as { displayName: string }).displayName;
      const { held, missing, course } = await chooseSkills(learner);

      // Their profile: the verified skills are listed, read-only; a headline is saved.
      await byTestId(learner, 'nav-profile').click();
      await learner.waitForURL('**/me/profile');
      await settle(learner);
      const verifiedList = byTestId(learner, 'profile-verified-skills');
      await verifiedList.waitFor({ state: 'visible' });
      for (const s of held) assert.match(await visibleText(verifiedList), new RegExp(literal(s.name)));
      await byTestId(learner, 'profile-headline').fill('Kỹ thuật viên bán dẫn, muốn làm việc tại Nhật Bản');
      // A declared skill, found in the taxonomy typed without accents, at level 3.
      const declared = byTestId(learner, 'profile-declared-skills');
      const hasDeclared = (await declared.count()) > 0;
      if (!hasDeclared || !(await visibleText(declared)).includes('Giao tiếp')) {
        await byTestId(learner, 'profile-skill-search').fill('giao tiep');
        await learner.getByRole('option', { name: 'Giao tiếp', exact: true }).click();
        await declared.getByText('Giao tiếp', { exact: true }).waitFor({ state: 'visible' });
        await byTestId(learner, 'profile-skill-level').last().selectOption('3');
      }
      await byTestId(learner, 'profile-save').click();
      await byTestId(learner, 'profile-saved').waitFor({ state: 'visible' });
      assert.match(await visibleText(declared), /Giao tiếp/);
      await closeToasts(learner);
      await assertNoSideways(learner, '/me/profile');
      await axe(learner, '/me/profile [vi, 360px]', problems);
      await t.shot(learner, 'learner profile');

      // The employer of a verified Japanese company posts the job, on a desktop.
      const employer = await t.newPage({ lang: 'vi' });
      await login(employer, EMPLOYER, PASSWORD);
      await byTestId(employer, 'nav-employer').click();
      await employer.waitForURL('**/employer');
      await settle(employer);
      const org = byTestId(employer, 'employer-organisation').first();
      await byTestId(employer, 'post-job').waitFor({ state: 'visible' });
      await org.getByTestId('verified-badge').waitFor({ state: 'visible' });
      assert.equal(await byTestId(employer, 'employer-unverified').count(), 0);
      await axe(employer, '/employer [vi]', problems);
      await t.shot(employer, 'employer desk');

      await byTestId(employer, 'post-job').click();
      await employer.waitForURL('**/employer/jobs/new**');
      await byTestId(employer, 'job-title-input').waitFor({ state: 'visible' });
      await byTestId(employer, 'job-title-input').fill(title);
      await byTestId(employer, 'job-description-input').fill(
        'Kiểm tra wafer và vận hành máy đo tại nhà máy ở Kumamoto.\n<b>Không phải HTML</b>: được hiển thị nguyên văn.',
      );
      await byTestId(employer, 'job-country').selectOption('JP');
      await byTestId(employer, 'job-prefecture').fill('Kumamoto');
      await employer.getByRole('option', { name: 'Kumamoto', exact: true }).click();
      await byTestId(employer, 'job-jlpt').selectOption('N4');
      await byTestId(employer, 'job-visa').selectOption('ssw1');
      await byTestId(employer, 'job-ssw').selectOption('industrial_product_manufacturing');
      await byTestId(employer, 'job-salary-min').fill('190000');
      await byTestId(employer, 'job-salary-max').fill('230000');
      await byTestId(employer, 'job-currency').selectOption('JPY');
      for (const s of [...held, missing]) await pickSkill(employer, 'job-skill-search', s.name);
      const levels = byTestId(employer, 'job-skill-level');
      await eventually(async () => assert.equal(await levels.count(), 3));
      // The learner's verified skills at the lowest level, so those two are met; the third is missing.
      await levels.nth(0).selectOption('1');
      await levels.nth(1).selectOption('1');
      await axe(employer, '/employer/jobs/new [vi]', problems);
      await t.shot(employer, 'post a job');
      await byTestId(employer, 'job-submit').click();
      await employer.waitForURL(/\/employer\/jobs\/[0-9a-f-]{36}$/);
      const jobId = employer.url().split('/').pop()!;
      await byTestId(employer, 'job-title').waitFor({ state: 'visible' });
      assert.equal(await visibleText(byTestId(employer, 'job-title')), title);
      await closeToasts(employer);

      // Anyone finds it on the public board, with the employer's verified mark and the salary in yen.
      const visitor = await t.newPage({ lang: 'vi', viewport: NARROW, mobile: true });
      await open(visitor, '/jobs');
      await byTestId(visitor, 'jobs-search').fill(title);
      await visitor.waitForURL(/q=/);
      const cards = byTestId(visitor, 'job-card');
      await eventually(async () => assert.equal(await cards.count(), 1));
      await cards.first().getByTestId('verified-badge').waitFor({ state: 'visible' });
      assert.match(await visibleText(cards.first().getByTestId('job-salary')), /190\.000/);
      assert.match(await visibleText(cards.first().getByTestId('job-jlpt')), /N4/);
      await assertNoSideways(visitor, '/jobs');
      await axe(visitor, '/jobs [vi, 360px]', problems);
      await t.shot(visitor, 'public job board');

      // The learner finds it among the jobs ranked for them, with the reason in a sentence.
      await byTestId(learner, 'nav-my-jobs').click();
      await learner.waitForURL('**/me/jobs');
      await settle(learner);
      const match = byTestId(learner, 'job-match').filter({ hasText: title });
      await match.waitFor({ state: 'visible' });
      assert.ok(
        (await visibleText(match.getByTestId('match-reason'))).length > 10,
        'the reason is a sentence',
      );
      // And how much of what the learner knows the job uses ("Cần 2 trong 4 kỹ năng của bạn").
      assert.match(await visibleText(match.getByTestId('match-uses')), /\d+ trong \d+ kỹ năng/);
      await assertNoSideways(learner, '/me/jobs');
      await axe(learner, '/me/jobs [vi, 360px]', problems);
      await t.shot(learner, 'jobs for me');

      // Opens it: the fit, the missing skill, the course that closes it; applies with a note.
      await match.getByRole('link', { name: title }).click();
      await learner.waitForURL(`**/jobs/${jobId}`);
      const fit = byTestId(learner, 'job-fit');
      await fit.getByTestId('match-score').waitFor({ state: 'visible' });
      assert.match(await visibleText(byTestId(learner, 'job-description')), /<b>Không phải HTML<\/b>/);
      assert.match(await visibleText(fit.getByTestId('missing-skills')), new RegExp(literal(missing.name)));
      const matched = await visibleText(fit.getByTestId('matched-skills'));
      for (const s of held) assert.match(matched, new RegExp(literal(s.name)));
      assert.match(matched, new RegExp(vi.jobs.verifiedSkill));
      const courses = byTestId(learner, 'gap-courses');
      await courses.waitFor({ state: 'visible' });
      assert.match(await visibleText(courses), new RegExp(literal(course)));
      assert.ok((await courses.getByRole('link').count()) > 0, 'the course is a link');
      await assertNoSideways(learner, '/jobs/:id');
      await axe(learner, '/jobs/:id [vi, 360px]', problems);
      await t.shot(learner, 'job with fit');

      await byTestId(learner, 'apply-note').fill('Tôi đã có chứng chỉ và đang học tiếng Nhật N4.');
      await byTestId(learner, 'apply-button').click();
      const mine = byTestId(learner, 'my-application');
      await mine.waitFor({ state: 'visible' });
      assert.equal(await mine.getByTestId('application-status').getAttribute('data-status'), 'applied');
      await closeToasts(learner);

      // The employer sees the learner among the candidates, with the explanation, and moves them on.
      await employer.reload({ waitUntil: 'networkidle' });
      const candidate = byTestId(employer, 'candidate-card').filter({ hasText: learnerName });
      await candidate.waitFor({ state: 'visible' });
      assert.ok((await visibleText(candidate.getByTestId('match-reason'))).length > 10);
      await candidate.getByTestId('missing-skills').waitFor({ state: 'visible' });
      await column(employer, 'applied').filter({ hasText: learnerName }).waitFor({ state: 'visible' });
      await axe(employer, '/employer/jobs/:id [vi]', problems);
      await t.shot(employer, 'candidates and pipeline');

      for (const [from, to] of [
        ['applied', 'screened'],
        ['screened', 'interview'],
        ['interview', 'offer'],
      ] as const) {
        const card = column(employer, from).getByTestId('application-card').filter({ hasText: learnerName });
        await card.getByTestId(`move-${to}`).click();
        // Every move is confirmed first.
        const dialog = employer.getByRole('dialog');
        await dialog.waitFor({ state: 'visible' });
        if (to === 'screened') await axe(employer, '/employer/jobs/:id move dialog [vi]', problems);
        await dialog.getByTestId('confirm-move').click();
        await dialog.waitFor({ state: 'hidden' });
        await column(employer, to).filter({ hasText: learnerName }).waitFor({ state: 'visible' });
      }
      await closeToasts(employer);
      await t.shot(employer, 'offer');

      // The learner reads the status and its history.
      await open(learner, '/me/jobs');
      const application = byTestId(learner, 'my-application-card').filter({ hasText: title });
      await application.waitFor({ state: 'visible' });
      assert.equal(await application.getByTestId('application-status').getAttribute('data-status'), 'offer');
      const history = await visibleText(application.getByRole('list', { name: vi.jobs.history }));
      for (const status of ['applied', 'screened', 'interview', 'offer'] as const)
        assert.match(history, new RegExp(vi.applicationStatus[status]));
      await t.shot(learner, 'my application at offer');

      // The employer closes the job from the desk, after confirming; it shows as closed.
      await byTestId(employer, 'nav-employer').click();
      await employer.waitForURL('**/employer');
      const row = byTestId(employer, 'employer-jobs').getByRole('row').filter({ hasText: title });
      await row.getByTestId('close-job').click();
      const dialog = employer.getByRole('dialog');
      await dialog.getByTestId('confirm-button').click();
      await dialog.waitFor({ state: 'hidden' });
      await eventually(async () =>
        assert.equal(await visibleText(row.getByTestId('job-status')), vi.jobs.status.closed),
      );
      assert.equal(await row.getByTestId('close-job').count(), 0);

      assert.equal(problems.length, 0, problems.join('\n'));
    },
  ),

  defineTest('talent, jobs: an employer whose organisation is not verified cannot post a job', async (t) => {
    // Provoked on purpose: the API refuses the post (403).
    t.expectConsoleError(/status of 403/);
    const problems: string[] = [];
    const page = await t.newPage({ lang: 'vi', viewport: NARROW, mobile: true });
    await login(page, PENDING_EMPLOYER, PASSWORD);
    await byTestId(page, 'nav-employer').click();
    await page.waitForURL('**/employer');
    await settle(page);
    const notice = byTestId(page, 'employer-unverified');
    await notice.waitFor({ state: 'visible' });
    assert.match(await visibleText(notice), new RegExp(vi.employer.awaitingTitle));
    assert.equal(await byTestId(page, 'post-job').count(), 0, 'no way to post');
    await assertNoSideways(page, '/employer');
    await axe(page, '/employer unverified [vi, 360px]', problems);
    await t.shot(page, 'awaiting verification');

    // The form's address shows the same notice, and no form.
    await open(page, '/employer/jobs/new');
    await byTestId(page, 'employer-unverified').waitFor({ state: 'visible' });
    assert.equal(await byTestId(page, 'job-submit').count(), 0, 'no usable form');

    // The API says no as well.
    const me = (await api(page, 'GET', '/api/auth/me')).body as {
      user: { roles: { role: string; organisationId: string | null }[] };
    };
    const organisationId = me.user.roles.find((r) => r.role === 'employer')!.organisationId!;
    const skills = (await api(page, 'GET', '/api/skills?pageSize=1')).body as { items: { id: string }[] };
    const answer = await api(page, 'POST', '/api/jobs', {
      organisationId,
      title: 'Nhân viên vận hành máy',
      description: '',
      language: 'vi',
      country: 'VN',
      currency: 'VND',
      closesOn: '2027-01-31',
      skills: [{ skillId: skills.items[0]!.id, level: 2, required: true }],
    });
    assert.equal(answer.status, 403);
    assert.equal(String((answer.body as { code: string }).code).toLowerCase(), 'employer_unverified');
    assert.equal(problems.length, 0, problems.join('\n'));
  }),
];

const moreJobTests = [
  defineTest(
    'talent, jobs: a visitor reads a job in Japanese on a phone and is asked to log in to apply',
    async (t) => {
      const problems: string[] = [];
      const page = await t.newPage({ lang: 'ja', viewport: NARROW, mobile: true });
      await open(page, '/');
      await page.getByRole('navigation').getByRole('link', { name: ja.nav.jobs }).click();
      await page.waitForURL('**/jobs');
      await byTestId(page, 'jobs-count').waitFor({ state: 'visible' });
      // Jobs in Japan only (filters sit behind a button on a phone).
      await byTestId(page, 'jobs-filters-toggle').click();
      await byTestId(page, 'jobs-country').click();
      await page.getByRole('option', { name: '日本', exact: true }).click();
      await page.waitForURL(/country=JP/);
      const cards = byTestId(page, 'job-card');
      await eventually(async () => assert.ok((await cards.count()) > 0, 'the demo has jobs in Japan'));
      await settle(page);
      assert.match(await visibleText(cards.first()), JAPANESE_SCRIPT);
      await assertNoSideways(page, '/jobs [ja]');
      await axe(page, '/jobs [ja, 360px]', problems);
      await t.shot(page, 'ja jobs in Japan');

      await cards.first().getByRole('link').first().click();
      await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
      await byTestId(page, 'job-title').waitFor({ state: 'visible' });
      await byTestId(page, 'job-skills-required').waitFor({ state: 'visible' });
      await byTestId(page, 'job-login').waitFor({ state: 'visible' });
      assert.match(await visibleText(byTestId(page, 'job-salary')), /[¥￥円]/);
      await assertNoSideways(page, '/jobs/:id [ja]');
      await axe(page, '/jobs/:id [ja, 360px]', problems);
      await t.shot(page, 'ja job');
      assert.equal(problems.length, 0, problems.join('\n'));
    },
  ),

  defineTest('talent, jobs: a learner applies to a matched job and withdraws the application', async (t) => {
    const problems: string[] = [];
    const page = await t.newPage({ lang: 'vi', viewport: NARROW, mobile: true });
    await login(page, LEARNER, PASSWORD);
    // A ranked job the learner may apply to and has not yet.
    const matches = (await api(page, 'GET', '/api/me/job-matches')).body as {
      items: { job: { id: string; title: string } }[];
    };
    let target: { id: string; title: string } | undefined;
    for (const m of matches.items) {
      const fit = (await api(page, 'GET', `/api/jobs/${m.job.id}/fit`)).body as {
        application: unknown;
        blockedBy: string | null;
      };
      if (!fit.application && !fit.blockedBy) {
        target = m.job;
        break;
      }
    }
    assert.ok(target, 'demo data: a ranked job the learner can apply to');

    await open(page, `/jobs/${target.id}`);
    await byTestId(page, 'apply-button').click();
    await byTestId(page, 'my-application').waitFor({ state: 'visible' });
    await closeToasts(page);
    await byTestId(page, 'my-application').getByRole('link').click();
    await page.waitForURL('**/me/jobs');
    const card = byTestId(page, 'my-application-card').filter({ hasText: target.title });
    await card.getByTestId('withdraw-button').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor({ state: 'visible' });
    await axe(page, '/me/jobs withdraw dialog [vi, 360px]', problems);
    await dialog.getByTestId('confirm-button').click();
    await dialog.waitFor({ state: 'hidden' });
    await eventually(async () =>
      assert.equal(await card.getByTestId('application-status').getAttribute('data-status'), 'withdrawn'),
    );
    assert.equal(await card.getByTestId('withdraw-button').count(), 0);
    await t.shot(page, 'withdrawn');
    assert.equal(problems.length, 0, problems.join('\n'));
  }),

  defineTest('talent, jobs: a learner uploads a CV to the profile and keeps it after saving', async (t) => {
    const page = await t.newPage({ lang: 'vi' });
    await login(page, LEARNER, PASSWORD);
    await open(page, '/me/profile');
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    );
    const choosing = page.waitForEvent('filechooser');
    await byTestId(page, 'profile-cv-input').click();
    const chooser = await choosing;
    await chooser.setFiles({ name: 'cv-ngoc-han.pdf', mimeType: 'application/pdf', buffer: pdf });
    await byTestId(page, 'profile-cv-file').waitFor({ state: 'visible' });
    await byTestId(page, 'profile-save').click();
    await byTestId(page, 'profile-saved').waitFor({ state: 'visible' });
    await page.reload({ waitUntil: 'networkidle' });
    assert.equal(await visibleText(byTestId(page, 'profile-cv-file')), 'cv-ngoc-han.pdf');
    await t.shot(page, 'profile with CV');
  }),
];

/** A text searched for as itself in a regular expression. */
function literal(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const searchTests = [
  defineTest(
    'talent, search and pathways: a visitor searches without accents and a learner reads their gap',
    async (t) => {
      const problems: string[] = [];
      const page = await t.newPage({ lang: 'vi', viewport: NARROW, mobile: true });
      await open(page, '/');
      await page.getByRole('navigation').getByRole('link', { name: vi.nav.search }).click();
      await page.waitForURL('**/search');
      await byTestId(page, 'search-input').fill('ban dan');
      await page.waitForURL(/q=ban/);
      const courses = byTestId(page, 'search-group-course');
      await courses.waitFor({ state: 'visible' });
      // Typed without accents, marked in the accented titles.
      const marked = await courses.locator('mark').allInnerTexts();
      assert.ok(
        marked.some((m) => m.toLowerCase() === 'bán'),
        `marked: ${marked.join(', ')}`,
      );
      await byTestId(page, 'search-group-skill').waitFor({ state: 'visible' });
      await settle(page);
      await assertNoSideways(page, '/search [vi]');
      await axe(page, '/search [vi, 360px]', problems);
      await t.shot(page, 'vi search');

      await login(page, LEARNER, PASSWORD);
      await open(page, '/pathways');
      await byTestId(page, 'pathway-link').first().click();
      await page.waitForURL(/\/pathways\/semiconductor-technician$/);
      await byTestId(page, 'pathway-gap').waitFor({ state: 'visible' });
      assert.match(await visibleText(byTestId(page, 'pathway-gap')), /kỹ năng bắt buộc/);
      await byTestId(page, 'gap-courses').waitFor({ state: 'visible' });
      await settle(page);
      await assertNoSideways(page, '/pathways/:slug [vi]');
      await axe(page, '/pathways/:slug [vi, 360px]', problems);
      await t.shot(page, 'vi pathway');
      assert.equal(problems.length, 0, problems.join('\n'));
    },
  ),
];

// ── The labour market: public counts with charts, each chart's numbers in a table ──

const marketTests = (['vi', 'ja'] as const).map((lang) =>
  defineTest(
    `talent, labour market: a visitor reads demand, supply and the semiconductor goal, ${lang}`,
    async (t) => {
      const page = await t.newPage({ lang, viewport: NARROW, mobile: true });
      const problems: string[] = [];
      await open(page, '/jobs');
      await byTestId(page, 'market-link').click();
      await page.waitForURL('**/labour-market');
      await byTestId(page, 'market-skills-table').waitFor({ state: 'visible' });
      const m = (await api(page, 'GET', '/api/labour-market')).body as {
        jobs: { open: number; vn: number; jp: number };
        verifiedPeople: number;
        skills: {
          skillId: string;
          name: string;
          required: number;
          optional: number;
          verifiedPeople: number;
        }[];
        semiconductor: { trained: number; target: number; byYear: unknown[] };
      };
      // The demo has open jobs in both countries and a learner whose certificate verifies semiconductor skills.
      assert.ok(m.jobs.vn > 0 && m.jobs.jp > 0, `open jobs in both countries: ${JSON.stringify(m.jobs)}`);
      assert.ok(m.semiconductor.trained > 0, 'the demo learner counts as trained');
      const digits = async (id: string) => Number((await visibleText(byTestId(page, id))).replace(/\D/g, ''));
      assert.equal(await digits('market-open-jobs'), m.jobs.open);
      assert.equal(await digits('market-jobs-jp'), m.jobs.jp);
      assert.equal(await digits('market-verified-people'), m.verifiedPeople);
      const progress = await visibleText(byTestId(page, 'semiconductor-progress'));
      assert.match(progress, lang === 'vi' ? /50\.000/ : /50,000/);
      assert.ok(progress.includes(String(m.semiconductor.trained)), progress);
      // The table lists every skill with its numbers, in the reader's language, most asked first.
      const rows = byTestId(page, 'market-skills-table').locator('tbody tr');
      assert.equal(await rows.count(), Math.min(10, m.skills.length));
      if (m.skills.length > 10) {
        await byTestId(page, 'market-all-skills').click();
        await eventually(async () => assert.equal(await rows.count(), m.skills.length));
      }
      const first = m.skills[0]!;
      const cells = await rows.first().locator('th, td').allInnerTexts();
      assert.deepEqual(
        cells.map((c) => c.trim()),
        [first.name, String(first.required), String(first.optional), String(first.verifiedPeople)],
      );
      if (lang === 'ja') assert.match(cells[0]!, JAPANESE_SCRIPT);
      // A chart is drawn (an SVG with bars) beside each table.
      assert.ok((await page.locator('.recharts-bar-rectangle').count()) > 0, 'bars are drawn');
      // The skill links to the jobs that ask for it.
      await settle(page);
      await assertNoSideways(page, `/labour-market [${lang}]`);
      await axe(page, `/labour-market [${lang}, 360px]`, problems);
      await t.shot(page, `${lang} labour market`);
      await rows.first().getByRole('link').click();
      await page.waitForURL(new RegExp(`/jobs\\?skill=${first.skillId.replace('.', '\\.')}`));
      assert.equal(problems.length, 0, problems.join('\n'));
    },
  ),
);

export const talentTests = [...occupationTests, ...jobTests, ...moreJobTests, ...searchTests, ...marketTests];
