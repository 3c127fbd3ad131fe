/**
 * A small browser-test runner on playwright-core: each test gets a `TestSession` that opens isolated
 * browser contexts (own cookies and storage), records every console error, page error and 5xx
 * answer of the pages it opened, and saves numbered screenshots. A test fails when it throws or when
 * one of its pages logged an error it did not declare as expected.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';

export type Lang = 'vi' | 'en' | 'ja';

export interface E2eTest {
  name: string;
  run(t: TestSession): Promise<void>;
}

export const defineTest = (name: string, run: (t: TestSession) => Promise<void>): E2eTest => ({ name, run });

export const DESKTOP = { width: 1280, height: 800 } as const;
export const MOBILE = { width: 390, height: 844 } as const;
export const NARROW = { width: 360, height: 740 } as const;

export interface PageOptions {
  viewport?: { width: number; height: number };
  /** A touch phone: mobile meta-viewport handling and touch events. */
  mobile?: boolean;
  /** Language chosen on this device before the first page load (the `nl_lang` cookie the app reads). */
  lang?: Lang;
}

function slug(s: string) {
  const words = s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  // Short folder names: cut long ones at a word boundary.
  return words.length <= 48 ? words : words.slice(0, 49).replace(/-[^-]*$/, '');
}

export class TestSession {
  private readonly contexts: BrowserContext[] = [];
  private readonly errors: string[] = [];
  private readonly expected: RegExp[] = [];
  private shots = 0;

  constructor(
    private readonly browser: Browser,
    readonly baseUrl: string,
    private readonly shotsDir: string,
    readonly testName: string,
  ) {}

  async newPage(opts: PageOptions = {}): Promise<Page> {
    const context = await this.browser.newContext({
      baseURL: this.baseUrl,
      viewport: opts.viewport ?? DESKTOP,
      isMobile: opts.mobile ?? false,
      hasTouch: opts.mobile ?? false,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    context.setDefaultTimeout(15_000);
    if (opts.lang) await context.addCookies([{ name: 'nl_lang', value: opts.lang, url: this.baseUrl }]);
    this.contexts.push(context);
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') this.errors.push(`${page.url()} console.error: ${m.text()}`);
    });
    page.on('pageerror', (e) => this.errors.push(`${page.url()} uncaught: ${e.message}`));
    page.on('response', (r) => {
      if (r.status() >= 500)
        this.errors.push(`${page.url()} ${r.request().method()} ${r.url()} answered ${r.status()}`);
    });
    return page;
  }

  /** An error the test provokes on purpose (e.g. the browser logging a 401 for a wrong password). */
  expectConsoleError(pattern: RegExp) {
    this.expected.push(pattern);
  }

  /** Full-page PNG in e2e/screenshots/<run>/<test>/NN-<step>.png. */
  async shot(page: Page, step: string) {
    const dir = join(this.shotsDir, slug(this.testName));
    mkdirSync(dir, { recursive: true });
    this.shots += 1;
    await page.screenshot({
      path: join(dir, `${String(this.shots).padStart(2, '0')}-${slug(step)}.png`),
      fullPage: true,
    });
  }

  unexpectedErrors(): string[] {
    return this.errors.filter((e) => !this.expected.some((p) => p.test(e)));
  }

  async close() {
    await Promise.all(this.contexts.map((c) => c.close().catch(() => undefined)));
  }
}

export interface TestOutcome {
  name: string;
  ok: boolean;
  ms: number;
  error?: string;
}

/** Runs one test to an outcome; never throws. */
export async function runTest(test: E2eTest, make: (name: string) => TestSession): Promise<TestOutcome> {
  const session = make(test.name);
  const started = performance.now();
  let error: string | undefined;
  try {
    await test.run(session);
  } catch (e) {
    error = e instanceof Error ? (e.stack ?? e.message) : String(e);
  }
  const unexpected = session.unexpectedErrors();
  if (unexpected.length) {
    error = [error, `errors logged by the page:\n${unexpected.map((e) => `  - ${e}`).join('\n')}`]
      .filter(Boolean)
      .join('\n');
  }
  await session.close();
  return { name: test.name, ok: error === undefined, ms: performance.now() - started, error };
}
