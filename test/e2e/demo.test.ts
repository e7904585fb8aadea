import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, decodeQr, demoInChromium } from './browser';

const SHOTS = 'test-results/screenshots';
/** How long a condition may take to come true before the test fails: far beyond need, on a busy machine too. */
const UNTIL = 30_000;

describe('the demo page in Chromium', () => {
  const demo = demoInChromium();
  beforeAll(() => {
    mkdirSync(SHOTS, { recursive: true });
  });

  const open = async (width: number): Promise<Page> => {
    const context = await demo.browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    await page.goto(demo.url);
    return Object.assign(page, { problems });
  };

  it('completes the MX path, and the QR code scans to exactly the address shown', async () => {
    const page = await open(1024);
    await page.getByLabel('Amount', { exact: true }).fill('100');
    await expect.poll(() => page.getByText(/Quote expires in \d:\d\d/).count(), { timeout: UNTIL }).toBe(1);
    await page.locator('[data-offramp-widget]').screenshot({ path: `${SHOTS}/1-amount.png` });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByLabel('CLABE').fill('014680260346007120');
    await expect.poll(() => page.getByText('Bank: Banco Santander').count(), { timeout: UNTIL }).toBe(1);
    await page.locator('[data-offramp-widget]').screenshot({ path: `${SHOTS}/2-bank.png` });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect.poll(() => page.getByText('CLABE •••• 7120').count(), { timeout: UNTIL }).toBe(1);
    await page.locator('[data-offramp-widget]').screenshot({ path: `${SHOTS}/3-review.png` });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Confirm' }).click();

    const region = page.getByRole('region', { name: 'Deposit address' });
    await region.waitFor();
    await page.locator('.orw-qr svg').waitFor();
    await page.locator('[data-offramp-widget]').screenshot({ path: `${SHOTS}/4-send.png` });
    expect(await axeViolations(page)).toEqual([]);

    const shown = (await page.locator('.orw-address').innerText()).replace(/\s+/g, '');
    expect(shown).toMatch(/^0x[0-9a-fA-F]{40}$/);
    expect(await decodeQr(page, '.orw-qr')).toBe(shown);
    await expect.poll(() => region.getByText(/Quote expires in \d:\d\d/).count(), { timeout: UNTIL }).toBe(1);
    expect((page as Page & { problems: string[] }).problems).toEqual([]);
  });

  it('completes a SEPA payout in euros, from a pasted IBAN to a scannable address', async () => {
    const page = await open(1024);
    await page.getByLabel('Currency').selectOption('EUR');
    await page.getByLabel('Amount', { exact: true }).fill('250');
    await expect.poll(() => page.getByText(/Quote expires in \d:\d\d/).count(), { timeout: UNTIL }).toBe(1);
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByLabel('IBAN').fill('de89 3704 0044 0532 0130 00');
    await page.getByLabel('BIC (SWIFT code)').fill('COBADEFFXXX');
    await page.getByLabel('Bank', { exact: true }).fill('Commerzbank');
    await page.getByLabel('The account belongs to').selectOption('INDIVIDUAL');
    await page.getByLabel('First name').fill('Lena');
    await page.getByLabel('Last name').fill('Vogel');
    expect(await page.getByLabel('IBAN').inputValue()).toBe('DE89 3704 0044 0532 0130 00');
    await page.locator('[data-offramp-widget]').screenshot({ path: `${SHOTS}/sepa-bank.png` });
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect.poll(() => page.getByText('€').count(), { timeout: UNTIL }).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByRole('region', { name: 'Deposit address' }).waitFor();
    await page.locator('.orw-qr svg').waitFor();
    const shown = (await page.locator('.orw-address').innerText()).replace(/\s+/g, '');
    expect(await decodeQr(page, '.orw-qr')).toBe(shown);
    expect((page as Page & { problems: string[] }).problems).toEqual([]);
  });

  it('loads Spanish on demand and reads amounts the Spanish way', async () => {
    const page = await open(1024);
    await page.getByLabel('Language').selectOption('es');
    await page.getByLabel('Monto', { exact: true }).fill('1500');
    await expect.poll(() => page.getByText(/La cotización vence en \d:\d\d/).count(), { timeout: UNTIL }).toBe(1);
    // A bare es with pesos reads and writes numbers as Mexico does.
    expect(await page.getByText('1,500 USDC').count()).toBe(1);
    expect((page as Page & { problems: string[] }).problems).toEqual([]);
  });

  it('completes the MX path with the keyboard alone', async () => {
    const page = await open(1024);
    /** Presses Tab until the focused element is the one named, as a keyboard user would. */
    const tabTo = async (name: string) => {
      for (let presses = 0; presses < 25; presses += 1) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const element = document.activeElement as HTMLElement | null;
          const label = element?.id ? document.querySelector(`label[for="${element.id}"]`)?.textContent : undefined;
          return label ?? element?.textContent ?? '';
        });
        if (focused.trim() === name) return;
      }
      throw new Error(`Tab never reached ${name}`);
    };
    await tabTo('Amount');
    await page.keyboard.type('100');
    await expect.poll(() => page.getByText(/Quote expires in \d:\d\d/).count(), { timeout: UNTIL }).toBe(1);
    await tabTo('Continue');
    await page.keyboard.press('Enter');
    await page.getByLabel('CLABE').waitFor(); // the bank step's fields arrive with its rail
    await tabTo('CLABE');
    await page.keyboard.type('014680260346007120');
    await tabTo('Continue');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Confirm' }).waitFor(); // the review step has shown
    await tabTo('Confirm');
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'Deposit address' }).waitFor();
    await tabTo('Copy address');
    expect((page as Page & { problems: string[] }).problems).toEqual([]);
  });

  it('fits a 360 px phone without sideways scrolling', async () => {
    const page = await open(360);
    await page.getByLabel('Amount', { exact: true }).fill('250');
    await expect.poll(() => page.getByText(/Quote expires in/).count(), { timeout: UNTIL }).toBe(1);
    await page.screenshot({ path: `${SHOTS}/phone-amount.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
