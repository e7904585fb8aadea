/**
 * The dark theme in Chromium: chosen by the page's `prefers-color-scheme`, drawn from the dark
 * palette, and readable (axe, WCAG 2.1 AA) on every step, errors included.
 */
import { mkdirSync } from 'node:fs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PALETTES } from '../../src/theme';
import { axeViolations, demoInChromium } from './browser';

const SHOTS = 'test-results/screenshots';
/** How long a condition may take to come true before the test fails: far beyond need, on a busy machine too. */
const UNTIL = 30_000;

/** `#rrggbb` as `getComputedStyle` writes it. */
const computedRgb = (hex: string) => `rgb(${[1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(', ')})`;

describe('the colour scheme in Chromium', () => {
  const demo = demoInChromium();
  beforeAll(() => {
    mkdirSync(SHOTS, { recursive: true });
  });

  const open = async (colorScheme: BrowserContextOptions['colorScheme']) => {
    const context = await demo.browser.newContext({ viewport: { width: 1024, height: 1000 }, locale: 'en-US', colorScheme });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    await page.goto(demo.url);
    await page.getByLabel('Amount', { exact: true }).waitFor();
    return { page, problems };
  };

  const background = (page: Page) => page.locator('[data-offramp-widget]').evaluate((root) => getComputedStyle(root).backgroundColor);
  const expectReadable = async (page: Page, shot: string) => {
    await page.locator('[data-offramp-widget]').screenshot({ path: `${SHOTS}/${shot}.png` });
    expect(await axeViolations(page)).toEqual([]);
  };

  it('is dark where the page prefers it, and readable on every step', async () => {
    const { page, problems } = await open('dark');
    const widget = page.locator('[data-offramp-widget]');
    expect(await widget.getAttribute('data-theme')).toBe('dark');
    expect(await background(page)).toBe(computedRgb(PALETTES.dark['color-surface']));

    const amount = page.getByLabel('Amount', { exact: true });
    await amount.fill('1,00');
    await amount.blur();
    await page.getByText(/^Enter a number, such as/).waitFor({ timeout: UNTIL });
    await expectReadable(page, 'dark-amount-error');

    await amount.fill('100');
    await expect.poll(() => page.getByText(/Quote expires in \d:\d\d/).count(), { timeout: UNTIL }).toBe(1);
    await expectReadable(page, 'dark-amount');
    await amount.press('Enter');

    const clabe = page.getByLabel('CLABE');
    await clabe.fill('014680260346007121');
    await clabe.blur();
    await expect.poll(() => clabe.getAttribute('aria-invalid'), { timeout: UNTIL }).toBe('true');
    await expectReadable(page, 'dark-bank-error');
    await clabe.fill('014680260346007120');
    await clabe.press('Enter');

    await expect.poll(() => page.getByText('CLABE •••• 7120').count(), { timeout: UNTIL }).toBe(1);
    await expectReadable(page, 'dark-review');
    await page.getByRole('button', { name: 'Confirm' }).click();

    await page.getByRole('region', { name: 'Deposit address' }).waitFor({ timeout: UNTIL });
    await page.locator('.orw-qr svg').waitFor();
    await expectReadable(page, 'dark-send');
    expect(problems).toEqual([]);
  });

  it('follows the page’s preference as it changes', async () => {
    const { page, problems } = await open('light');
    expect(await background(page)).toBe(computedRgb(PALETTES.light['color-surface']));
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => background(page), { timeout: UNTIL }).toBe(computedRgb(PALETTES.dark['color-surface']));
    expect(await page.locator('[data-offramp-widget]').getAttribute('data-theme')).toBe('dark');
    expect(problems).toEqual([]);
  });
});
