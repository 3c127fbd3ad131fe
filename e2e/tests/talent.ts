/**
 * Occupations (ESCO, imported with the demo data on first start): a visitor on a phone finds the
 * occupation of the semiconductor pathway by name or ISCO group and reads the skills it needs, in
 * Vietnamese and Japanese, with no serious accessibility problem and nothing wider than the screen.
 */
import assert from 'node:assert/strict';
import { axeViolations, formatViolations } from '../lib/axe';
import { byTestId, eventually, open, settle, visibleText } from '../lib/flows';
import { defineTest, NARROW } from '../lib/harness';
import { ja, vi } from '../lib/text';

const texts = { vi, ja } as const;

export const talentTests = (['vi', 'ja'] as const).map((lang) =>
  defineTest(`a visitor finds an occupation and the skills it needs, on a phone, ${lang}`, async (t) => {
    const page = await t.newPage({ lang, viewport: NARROW, mobile: true });
    await open(page, '/');
    await page.getByRole('navigation').getByRole('link', { name: texts[lang].nav.occupations }).click();
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
  }),
);
