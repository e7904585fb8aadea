/**
 * The parts that load on demand, on a bad signal, in Chromium against the built demo (widget, proxy
 * and sandbox over HTTP): a failed download of the quote's code, the Send step's or a bank
 * rail's is retried, and once it has given up, "Start this step again" downloads it again.
 *
 * The page's clock is Playwright's: time flows as usual, and once a download's back-off
 * (src/widget/lazy.ts, 0.5 s, 1 s, 2 s) is pending the clock jumps over it, so a retry waits for
 * a request's time rather than the back-off's.
 */
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { RETRY_DELAYS_MS } from '../../src/widget/lazy';
import { demoInChromium } from './browser';

const CLABE = '014680260346007120';
const WAIT = { timeout: 30_000 };
/** A chunk of the build by its name, whatever its hash (a retry may add a query). */
const chunk = (name: string) => new RegExp(`^/assets/${name}-[\\w-]+\\.js$`);
const SEND_STEP = chunk('SendStep');
const MX_RAIL = chunk('mx');
const QUOTE_LIFE = chunk('QuoteLife');
/** Where the back-off timers that are jumped over start: src/widget/lazy.ts, a chunk of its own in this build. */
const LAZY_CHUNK = '/assets/lazy-';

/**
 * Lists the back-offs the page is waiting out (`window.pendingBackOffs`, their delays): the timers
 * that lazy.ts's chunk starts with one of its delays. Runs after Playwright's clock is installed, so it
 * wraps the clock's own timers.
 */
const BACK_OFF_RECORDER = `((chunk, delays) => {
  const pending = new Map();
  window.pendingBackOffs = () => [...pending.values()];
  const setTimer = window.setTimeout;
  const clearTimer = window.clearTimeout;
  window.setTimeout = function (handler, timeout, ...rest) {
    if (!delays.includes(timeout) || typeof handler !== 'function' || !String(new Error().stack).includes(chunk)) {
      return setTimer.call(this, handler, timeout, ...rest);
    }
    const id = setTimer.call(this, (...args) => {
      pending.delete(id);
      handler(...args);
    }, timeout, ...rest);
    pending.set(id, timeout);
    return id;
  };
  window.clearTimeout = function (id) {
    pending.delete(id);
    return clearTimer.call(this, id);
  };
})(${JSON.stringify(LAZY_CHUNK)}, ${JSON.stringify(RETRY_DELAYS_MS)});`;

describe('lazily loaded parts on a bad signal, in Chromium', () => {
  const demo = demoInChromium();

  /**
   * A page whose requests for the chunk `path` matches fail while `failing(n)` says so for the n-th of them (1 first);
   * `requests` lists their URLs. Uncaught errors are collected in `problems`.
   */
  const open = async (path: RegExp, failing: (n: number) => boolean) => {
    const context = await demo.browser.newContext({ viewport: { width: 1024, height: 1000 }, locale: 'en-US' });
    await context.clock.install();
    await context.addInitScript(BACK_OFF_RECORDER);
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.route(
      (address) => path.test(address.pathname),
      (route: Route) => {
        requests.push(route.request().url());
        return failing(requests.length) ? route.abort('internetdisconnected') : route.continue();
      },
    );
    await page.goto(demo.url);
    return Object.assign(page, { problems, requests });
  };

  /**
   * Waits until `condition` holds, jumping the page's clock over each back-off it meanwhile waits
   * out (each jump exactly a pending back-off's delay: nothing else the page times is hurried).
   */
  const untilSkippingBackOffs = (page: Page, condition: () => Promise<boolean>) =>
    expect
      .poll(async () => {
        if (await condition()) return true;
        const pending = await page.evaluate(() => (window as unknown as { pendingBackOffs: () => number[] }).pendingBackOffs());
        if (pending.length) await page.clock.fastForward(Math.max(...pending));
        return condition();
      }, WAIT)
      .toBe(true);

  const toBank = async (page: Page) => {
    await page.getByLabel('Amount', { exact: true }).fill('100');
    await expect.poll(() => page.getByText(/Quote expires in \d:\d\d/).count(), WAIT).toBe(1);
    await page.getByRole('button', { name: 'Continue' }).click();
  };

  const toReview = async (page: Page) => {
    await toBank(page);
    await page.getByLabel('CLABE').fill(CLABE);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.getByText('CLABE •••• 7120').count(), WAIT).toBe(1);
  };

  const addressShown = async (page: Page) => {
    await page.getByRole('region', { name: 'Deposit address' }).waitFor(WAIT);
    expect((await page.locator('.orw-address').innerText()).replace(/\s+/g, '')).toMatch(/^0x[0-9a-fA-F]{40}$/);
  };

  it('shows the amount step\'s error while the quote\'s code cannot be downloaded, and the quote once "Start this step again" can', async () => {
    let failing = true;
    const page = await open(QUOTE_LIFE, () => failing);
    await page.getByLabel('Amount', { exact: true }).fill('100');
    const again = page.getByRole('button', { name: 'Start this step again' });
    await untilSkippingBackOffs(page, async () => (await again.count()) === 1);
    const tried = page.requests.length;
    expect(tried).toBeGreaterThanOrEqual(4);
    failing = false;
    await again.click();
    await expect.poll(() => page.getByText(/Quote expires in \d:\d\d/).count(), WAIT).toBe(1);
    expect(await page.getByLabel('Amount', { exact: true }).inputValue()).toBe('100');
    expect(page.requests.length).toBeGreaterThan(tried);
    expect(page.problems).toEqual([]);
  });

  it('shows the deposit address after Confirm although the first download of the Send step failed', async () => {
    const page = await open(SEND_STEP, (n) => n === 1);
    await toReview(page);
    // Downloaded while the user reviews, retried after the failure: before Confirm.
    await untilSkippingBackOffs(page, async () => page.requests.length >= 2);
    expect(page.requests).toHaveLength(2);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await addressShown(page);
    expect(page.requests).toHaveLength(2);
    expect(page.problems).toEqual([]);
  });

  it('shows the step\'s error while the Send step cannot be downloaded, and the address once "Start this step again" can', async () => {
    let failing = true;
    const page = await open(SEND_STEP, () => failing);
    await toReview(page);
    await page.getByRole('button', { name: 'Confirm' }).click();
    const again = page.getByRole('button', { name: 'Start this step again' });
    await untilSkippingBackOffs(page, async () => (await again.count()) === 1);
    expect(await page.getByText('Something went wrong on this screen. Everything you entered is kept.').count()).toBe(1);
    const tried = page.requests.length;
    expect(tried).toBeGreaterThanOrEqual(4);
    failing = false;
    await again.click();
    await addressShown(page);
    expect(page.requests.length).toBeGreaterThan(tried);
    expect(page.problems).toEqual([]);
  });

  it('shows the bank fields although the first download of the Mexican rail failed', async () => {
    const page = await open(MX_RAIL, (n) => n === 1);
    await toBank(page);
    await untilSkippingBackOffs(page, async () => (await page.getByLabel('CLABE').count()) === 1);
    await page.getByLabel('CLABE').fill(CLABE);
    await expect.poll(() => page.getByText('Bank: Banco Santander').count(), WAIT).toBe(1);
    expect(page.requests).toHaveLength(2);
    expect(page.problems).toEqual([]);
  });

  it('shows the bank step\'s error while the rail cannot be downloaded, and its fields once "Start this step again" can', async () => {
    let failing = true;
    const page = await open(MX_RAIL, () => failing);
    await toBank(page);
    const again = page.getByRole('button', { name: 'Start this step again' });
    await untilSkippingBackOffs(page, async () => (await again.count()) === 1);
    failing = false;
    await again.click();
    await page.getByLabel('CLABE').fill(CLABE);
    await expect.poll(() => page.getByText('Bank: Banco Santander').count(), WAIT).toBe(1);
    expect(page.problems).toEqual([]);
  });
});
