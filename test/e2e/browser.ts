/**
 * Debian's Chromium against the built demo (widget + proxy + sandbox over HTTP), for
 * end-to-end tests in a real browser.
 */
import AxeBuilder from '@axe-core/playwright';
import type { AxeResults, RunOptions } from 'axe-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium';
// The type of `inject('demoUrl')`, declared beside the global setup that provides it.
import type {} from './demoServer';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Closes the pages a test opened once it ends: a page left open keeps counting its quote down and
 * polling its order while the file's later tests run.
 */
export function closePagesAfterEach(browser: () => Browser | undefined): void {
  afterEach(async ({ task }) => {
    const contexts = browser()?.contexts() ?? [];
    // A failed test's pages say what they showed, frames included: a run's log is all a failure
    // on another machine leaves.
    if (task.result?.state === 'fail') {
      for (const page of contexts.flatMap((context) => context.pages())) {
        for (const frame of page.frames()) {
          const shown = await frame.evaluate(() => document.body?.innerText ?? '').catch((error: Error) => `(unreadable: ${error.message})`);
          console.error(`[${task.name}] ${frame.url()} showed:\n${shown.slice(0, 2_000)}`);
        }
      }
    }
    // A request still held by a route handler when its page closes would reject unheard: the
    // handlers go first, and what they were handling is let go quietly.
    await Promise.all(contexts.flatMap((context) => context.pages()).map((page) => page.unrouteAll({ behavior: 'ignoreErrors' })));
    await Promise.all(contexts.map((context) => context.close()));
  });
}

/** The built demo's server, one for every file of the project, started by its global setup (demoServer.ts). */
export const demoUrl = (): string => inject('demoUrl');

/**
 * Waits until the demo's server answers: it is built and started beside the run's first files
 * (demoServer.ts). Throws what went wrong if the demo could not be served.
 */
async function demoAnswering(): Promise<void> {
  for (;;) {
    const answer = await fetch(demoUrl()).catch(() => undefined);
    if (answer?.ok) return;
    if (answer) throw new Error(`${demoUrl()} answered ${answer.status}: ${await answer.text()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Chromium, launched while the demo's server comes up, once it answers (closed again if it never does). */
export async function launchChromiumForDemo(): Promise<Browser> {
  const launched = launchChromium();
  try {
    await demoAnswering();
  } catch (error) {
    await (await launched).close();
    throw error;
  }
  return launched;
}

/**
 * The demo's page and one Chromium for a test file: started before its tests, closed after them.
 * Read `browser` inside the tests. The server, and so the sandbox, is every file's: a test reads
 * only its own orders.
 */
export function demoInChromium(): { readonly url: string; readonly browser: Browser } {
  const url = demoUrl();
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromiumForDemo();
  });
  closePagesAfterEach(() => browser);
  afterAll(async () => {
    await browser?.close();
  });
  return {
    url,
    get browser() {
      if (!browser) throw new Error('Chromium is not running: read it inside a test');
      return browser;
    },
  };
}

/** Reads the QR code in a screenshot of one element. */
export async function decodeQr(page: Page, selector: string): Promise<string | undefined> {
  const png = PNG.sync.read(await page.locator(selector).screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const violationLines = (violations: AxeResults['violations']) =>
  violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);

/** axe-core's own build, put into a page once and run there as often as a test asks. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Accessibility violations (axe, WCAG 2.1 A and AA) inside the widget, as `rule: targets` lines.
 * axe-core runs in the page itself: the widget has no frame, and AxeBuilder would put axe into the
 * page again and open a page of its own to merge frames' results at every check (a second of CPU
 * each on a small machine, several times a test).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  type WithAxe = { axe?: { run: (context: string, options: RunOptions) => Promise<AxeResults> } };
  if (!(await page.evaluate(() => (window as WithAxe).axe !== undefined))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(
    (options) => (window as WithAxe).axe!.run('[data-offramp-widget]', options).then((results) => results.violations),
    { runOnly: { type: 'tag', values: WCAG_21_AA } } satisfies RunOptions,
  );
  return violationLines(violations);
}

/** Accessibility violations (axe, WCAG 2.1 A and AA) on the whole page, inside its frames too, as `rule: targets` lines. */
export async function axePageViolations(page: Page): Promise<string[]> {
  return violationLines((await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze()).violations);
}
