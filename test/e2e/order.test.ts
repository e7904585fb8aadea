/**
 * After the deposit address, in Chromium against the demo (widget, proxy and sandbox over HTTP):
 * a reload keeps the order, 1.01 is followed to "paid", the demo wallet pays without a paste, and
 * the payment request's QR code scans to the exact EIP-681 URI.
 */
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { API_PATHS, API_PREFIX } from '../../src/api/contract';
import { decodeQr, demoInChromium } from './browser';

const CLABE = '014680260346007120';
const WAIT = { timeout: 20_000 };
/** How often the demo page has the widget read the order (`pollIntervalMs` in src/demo/DemoPage.tsx). */
const DEMO_POLL_INTERVAL_MS = 1000;

describe('following the order in Chromium', () => {
  const demo = demoInChromium();

  /**
   * The demo in a new page. With `clock`, the page's timers run on Playwright's clock: time flows as
   * usual, and a test can move it on (see `untilPollingAhead`).
   */
  const open = async ({ clock = false } = {}): Promise<Page & { executions: Request[]; apiRequestsInFlight: () => number }> => {
    const context = await demo.browser.newContext({ viewport: { width: 1024, height: 1000 }, locale: 'en-US' });
    if (clock) await context.clock.install();
    const page = await context.newPage();
    const executions: Request[] = [];
    const inFlight = new Set<Request>();
    const isApi = (request: Request) => new URL(request.url()).pathname.includes(API_PREFIX);
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.endsWith(API_PATHS.execute)) executions.push(request);
      if (isApi(request)) inFlight.add(request);
    });
    page.on('requestfinished', (request) => inFlight.delete(request));
    page.on('requestfailed', (request) => inFlight.delete(request));
    await page.goto(demo.url);
    return Object.assign(page, { executions, apiRequestsInFlight: () => inFlight.size });
  };

  /**
   * Waits until `condition` holds while the widget follows the order: whenever no request to the
   * API is in flight, the page's clock moves on one poll interval, so the next read starts at
   * once instead of after the interval (the sandbox walks one status per read, not per second).
   * Never while a request is out, so no request's time-out is hurried.
   */
  const untilPollingAhead = (page: Page & { apiRequestsInFlight: () => number }, condition: () => Promise<boolean>) =>
    expect
      .poll(async () => {
        if (await condition()) return true;
        if (page.apiRequestsInFlight() === 0) await page.clock.fastForward(DEMO_POLL_INTERVAL_MS);
        return condition();
      }, WAIT)
      .toBe(true);

  const toDeposit = async (page: Page, amount: string) => {
    await page.getByLabel('Amount', { exact: true }).fill(amount);
    await expect.poll(() => page.getByText(/Quote expires in \d:\d\d/).count(), WAIT).toBe(1);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('CLABE').fill(CLABE);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => page.getByText('CLABE •••• 7120').count(), WAIT).toBe(1);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('region', { name: 'Deposit address' }).waitFor();
  };

  const secondsLeft = async (page: Page) => {
    const text = await page.getByText(/Quote expires in \d:\d\d/).innerText();
    const [, minutes, seconds] = /(\d):(\d\d)/.exec(text)!;
    return Number(minutes) * 60 + Number(seconds);
  };

  it('comes back after a reload to the same address and a countdown that did not restart; storage holds no bank field', async () => {
    const page = await open();
    await toDeposit(page, '100');
    const address = await page.locator('.orw-address').getAttribute('data-address');
    // Wait until the countdown has visibly moved, so a restart would show.
    const before = await secondsLeft(page);
    await expect.poll(() => secondsLeft(page), WAIT).toBeLessThan(before);
    const beforeReload = await secondsLeft(page);

    await page.reload();
    await page.getByRole('region', { name: 'Deposit address' }).waitFor();
    expect(await page.locator('.orw-address').getAttribute('data-address')).toBe(address);
    expect(await secondsLeft(page)).toBeLessThanOrEqual(beforeReload);

    const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }));
    expect(stored).toContain(address);
    expect(stored).not.toContain(CLABE);
    expect(stored).not.toMatch(/7120|bank|holder|firstName|lastName/i);
    await page.context().close();
  });

  it('follows 1.01 to "paid" after "I\'ve sent it"', async () => {
    const page = await open({ clock: true });
    await toDeposit(page, '1.01');
    await page.getByRole('button', { name: "I've sent it" }).click();
    await page.getByRole('heading', { name: 'Where your money is' }).waitFor();
    await untilPollingAhead(page, async () => (await page.getByText(/paid into the account ending 7120\./).count()) === 1);
    await page.locator('[data-offramp-widget]').screenshot({ path: 'test-results/screenshots/5-paid.png' });
    expect(page.executions).toHaveLength(1);
    // A finished order is forgotten: a reload starts a new checkout.
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await page.context().close();
  });

  it("pays from the demo wallet, which executes with the wallet's hash without a paste", async () => {
    const page = await open();
    await toDeposit(page, '2.5');
    await page.getByRole('button', { name: 'Send from your wallet' }).click();
    const wallet = page.getByRole('dialog', { name: 'Demo wallet' });
    await wallet.getByText('2.5 USDC').waitFor();
    await wallet.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('heading', { name: 'Where your money is' }).waitFor();
    expect(page.executions).toHaveLength(1);
    const body = page.executions[0]!.postDataJSON() as { transactionId: string; transactionHash: string };
    expect(body.transactionHash).toMatch(/^0x[0-9a-f]{64}$/);
    await page.context().close();
  });

  it('shows the payment request as a QR code that scans to the EIP-681 URI with chain id, contract and base units', async () => {
    const page = await open();
    await toDeposit(page, '12.5');
    const address = await page.locator('.orw-address').getAttribute('data-address');
    await page.getByRole('radio', { name: 'Wallet with amount filled in' }).check();
    await page.locator('.orw-qr svg[data-qr="payment"]').waitFor();
    await page.locator('[data-offramp-widget]').screenshot({ path: 'test-results/screenshots/4b-payment-request.png' });
    expect(await decodeQr(page, '.orw-qr')).toBe(
      `ethereum:0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359@137/transfer?address=${address}&uint256=12500000`,
    );
    await page.context().close();
  });
});
