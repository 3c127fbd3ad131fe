/** Accessibility check of the current page with axe-core, injected from node_modules. */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  targets: string[];
}

/**
 * Violations of the given impacts (serious and critical by default) on the page as it settles: a
 * dialog fading in is half transparent, and axe would measure the contrast of its text against the
 * page behind it. Transitions and animations that end are waited for (at most 3 s), including those
 * that start a frame after the element appears; endless ones (a spinner, a progress bar) are not.
 */
export async function axeViolations(
  page: Page,
  impacts: readonly string[] = ['serious', 'critical'],
): Promise<AxeViolation[]> {
  await page.evaluate(async () => {
    // A transition may begin a frame or two after the element appears (Mantine starts it on the next
    // animation frame), so look again after each wait until two frames pass with nothing finite running.
    // (No named functions in here: the test runner's transform would wrap them in a helper the page lacks.)
    const deadline = Date.now() + 3_000;
    while (Date.now() < deadline) {
      for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
      const ending = document
        .getAnimations()
        .filter((a) => a.playState !== 'finished')
        .filter((a) => a.effect?.getComputedTiming().iterations !== Number.POSITIVE_INFINITY)
        .map((a) => a.finished.catch(() => undefined));
      if (ending.length === 0) return;
      await Promise.race([
        Promise.all(ending),
        new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now()))),
      ]);
    }
  });
  await page.addScriptTag({ path: axePath });
  const all = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }));
  });
  return all.filter((v) => impacts.includes(v.impact));
}

export function formatViolations(where: string, violations: readonly AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${where}: [${v.impact}] ${v.id} — ${v.help}\n      ${v.targets.slice(0, 5).join('\n      ')}${v.targets.length > 5 ? `\n      … and ${v.targets.length - 5} more` : ''}\n      ${v.helpUrl}`,
    )
    .join('\n');
}
