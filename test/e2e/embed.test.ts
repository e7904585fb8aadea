/**
 * The iframe embed in Chromium, across origins: a host page on 127.0.0.1 (test/embed/host.html)
 * mounts the embed page from localhost, both served by the built demo's server, whose /proxy is the
 * embed page's own.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbedEvent } from '../../src/embed/protocol';
import { PALETTES } from '../../src/theme';
import type {} from '../embed/host';
import { axePageViolations, closePagesAfterEach, demoUrl, launchChromiumForDemo } from './browser';

const SHOTS = 'test-results/screenshots';
/** How long a condition may take to come true: far beyond need, on a busy machine too. */
const UNTIL = 30_000;
const CLABE = '014680260346007120';
const SESSION_TOKEN = 'e2e-session-token.c2lnbmF0dXJl';

/** `#rrggbb` as `getComputedStyle` writes it. */
const computedRgb = (hex: string) => `rgb(${[1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(', ')})`;

type HostPage = Page & { problems: string[] };

describe('the embed in Chromium, framed across origins', () => {
  let browser: Browser;
  let hostUrl: string;
  let embedUrl: string;

  beforeAll(async () => {
    const { port } = new URL(demoUrl());
    hostUrl = `http://127.0.0.1:${port}/test/embed/host.html`;
    embedUrl = `http://localhost:${port}/embed.html`;
    browser = await launchChromiumForDemo();
    mkdirSync(SHOTS, { recursive: true });
  });

  closePagesAfterEach(() => browser);

  afterAll(async () => {
    await browser?.close();
  });

  const open = async (width: number): Promise<HostPage> => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    await page.goto(hostUrl);
    await page.waitForFunction(() => window.embedHost !== undefined);
    return Object.assign(page, { problems });
  };

  const mountEmbed = (page: Page, slot: string, options: { locale?: string; sessionToken?: string; title?: string; theme?: 'light' | 'dark' | 'auto' } = {}) =>
    page.evaluate(([slot, options]) => window.embedHost.mount(slot, options), [slot, { url: embedUrl, proxyUrl: '/proxy', ...options }] as const);
  const eventsOf = (page: Page, slot: string): Promise<EmbedEvent[]> => page.evaluate((slot) => window.embedHost.events(slot), slot);
  const frameOf = async (page: Page, slot: string): Promise<Frame> => {
    const frame = await (await page.locator(`#${slot} iframe`).elementHandle())?.contentFrame();
    if (!frame) throw new Error(`no frame in #${slot}`);
    return frame;
  };

  /**
   * The host page with the frame in full. Chromium does not paint a cross-origin frame below the
   * viewport in a full-page shot, so the viewport grows to the page first.
   */
  const shoot = async (page: Page, slot: string, name: string) => {
    const { width } = page.viewportSize()!;
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width, height });
    await fittedHeight(page, slot);
    await page.screenshot({ path: `${SHOTS}/${name}.png` });
    await page.setViewportSize({ width, height: 900 });
  };

  /** The frame's height and the content's, and whether anything inside could scroll, down or sideways. */
  const fit = async (page: Page, slot: string) => {
    const frameHeight = await page.locator(`#${slot} iframe`).evaluate((element) => element.clientHeight);
    const inside = await (await frameOf(page, slot)).evaluate(() => ({
      contentHeight: Math.ceil(document.getElementById('root')!.getBoundingClientRect().height),
      scrollsDown: document.documentElement.scrollHeight > innerHeight,
      scrollsSideways: document.documentElement.scrollWidth > document.documentElement.clientWidth,
    }));
    return { frameHeight, ...inside, fits: frameHeight === inside.contentHeight && !inside.scrollsDown && !inside.scrollsSideways };
  };
  /** Waits until the frame is exactly as tall as its content, and returns that height. */
  const fittedHeight = async (page: Page, slot: string) => {
    await expect.poll(async () => (await fit(page, slot)).fits, { timeout: UNTIL }).toBe(true);
    return (await fit(page, slot)).frameHeight;
  };

  it('completes the Mexico path in a 320 px frame sized to each step: ready, quote, submitted in order, then the status', async () => {
    const page = await open(320);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    // Headers are read as the requests go; a poll still in flight when the page closes cannot be
    // read, so a failed read is recorded (and fails the check below) instead of rejecting unheard.
    const proxiedReads: Promise<{ url: string; authorization: string | undefined }>[] = [];
    page.on('request', (request) => {
      if (!new URL(request.url()).pathname.startsWith('/proxy/')) return;
      proxiedReads.push(request.allHeaders().then(
        (headers) => ({ url: request.url(), authorization: headers.authorization }),
        (error: Error) => ({ url: request.url(), authorization: `unread: ${error.message}` }),
      ));
    });
    await mountEmbed(page, 'first', { locale: 'en', sessionToken: SESSION_TOKEN });
    const frame = page.frameLocator('#first iframe');
    const iframe = page.locator('#first iframe');
    expect(await iframe.getAttribute('src')).toBe(`${embedUrl}#v=1&origin=${encodeURIComponent(new URL(hostUrl).origin)}`);
    const heights: number[] = [];

    await frame.getByLabel('Amount', { exact: true }).fill('100');
    await expect.poll(() => frame.getByText(/Quote expires in \d:\d\d/).count(), { timeout: UNTIL }).toBe(1);
    heights.push(await fittedHeight(page, 'first'));
    await shoot(page, 'first', 'embed-1-amount');
    await frame.getByRole('button', { name: 'Continue' }).click();

    await frame.getByLabel('CLABE').fill(CLABE);
    await expect.poll(() => frame.getByText('Bank: Banco Santander').count(), { timeout: UNTIL }).toBe(1);
    heights.push(await fittedHeight(page, 'first'));
    await shoot(page, 'first', 'embed-2-bank');
    await frame.getByRole('button', { name: 'Continue' }).click();

    await expect.poll(() => frame.getByText('CLABE •••• 7120').count(), { timeout: UNTIL }).toBe(1);
    heights.push(await fittedHeight(page, 'first'));
    await shoot(page, 'first', 'embed-3-review');
    await frame.getByRole('button', { name: 'Confirm' }).click();

    await frame.getByRole('region', { name: 'Deposit address' }).waitFor();
    await frame.locator('.orw-qr svg').waitFor();
    heights.push(await fittedHeight(page, 'first'));
    await shoot(page, 'first', 'embed-4-send');
    // Each step is as tall as it is: the frame followed.
    expect(new Set(heights).size, `heights ${heights.join(', ')}`).toBeGreaterThanOrEqual(3);

    const shown = (await frame.locator('.orw-address').innerText()).replace(/\s+/g, '');
    const events = await eventsOf(page, 'first');
    const milestones = events.map((event) => event.type).filter((type) => type === 'ready' || type === 'quote' || type === 'submitted');
    expect(milestones.filter((type, index) => type !== milestones[index - 1])).toEqual(['ready', 'quote', 'submitted']);
    expect(events.filter((event) => event.type === 'step').map((event) => event.payload)).toEqual([{ step: 'bank' }, { step: 'review' }, { step: 'send' }]);
    const submitted = events.find((event) => event.type === 'submitted');
    expect(submitted?.payload).toMatchObject({ destinationWalletAddress: shown, cryptoAmount: 100, tokenSymbol: 'USDC', blockchainSymbol: 'POL', fiatCurrency: 'MXN' });
    expect(JSON.stringify(events)).not.toContain(CLABE);
    expect(JSON.stringify(events)).not.toContain('Santander');

    // The session token reached the proxy as a header on every request, and never in a URL.
    const proxied = await Promise.all(proxiedReads);
    expect(proxied.length).toBeGreaterThan(2);
    expect(new Set(proxied.map((request) => request.authorization))).toEqual(new Set([`Bearer ${SESSION_TOKEN}`]));
    for (const { url } of proxied) expect(url).not.toContain(SESSION_TOKEN);

    // clipboard-write is allowed to the frame, and is enough for the copy button.
    await frame.getByRole('button', { name: 'Copy address' }).click();
    await expect.poll(() => frame.getByText(/Copied to the clipboard|Could not copy/).count(), { timeout: UNTIL }).toBe(1);
    expect(await frame.getByText(/Copied to the clipboard|Could not copy/).innerText()).toBe('Copied to the clipboard');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);

    // The frame's sandbox lets the wallet link open the user's wallet app (a custom protocol).
    expect(await iframe.getAttribute('sandbox')).toContain('allow-top-navigation-to-custom-protocols');
    await frame.getByRole('button', { name: "I've sent it" }).click();
    await expect.poll(() => frame.getByRole('heading', { name: 'Where your money is' }).count(), { timeout: UNTIL }).toBe(1);
    await expect.poll(async () => (await eventsOf(page, 'first')).some((event) => event.type === 'status'), { timeout: UNTIL }).toBe(true);
    const status = (await eventsOf(page, 'first')).find((event) => event.type === 'status');
    expect(status?.payload).toMatchObject({ orderId: submitted?.payload.orderId });
    expect(page.problems).toEqual([]);
  }, 120_000);

  it("ignores a third origin's messages, to the host and to the embed, even with the right id", async () => {
    const page = await open(1024);
    await page.route('http://third.test/**', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>Third party</title><script>
          const id = location.hash.slice(1);
          const submitted = { orderId: 'forged', destinationWalletAddress: '0x000000000000000000000000000000000000dEaD', cryptoAmount: 1, tokenSymbol: 'USDC', blockchainSymbol: 'POL', fiatAmount: 1, fiatCurrency: 'MXN', expiresAt: '2030-01-01T00:00:00Z' };
          parent.postMessage({ v: 1, id, type: 'submitted', payload: submitted }, '*');
          parent.postMessage({ v: 1, id, type: 'resize', payload: { height: 5 } }, '*');
          parent.postMessage({ v: 1, id, type: 'ready', payload: {} }, '*');
          for (let index = 0; index < parent.frames.length; index += 1) {
            if (parent.frames[index] === window) continue;
            parent.frames[index].postMessage({ v: 1, id, type: 'configure', payload: { proxyUrl: 'http://third.test/steal', locale: 'es' } }, '*');
            parent.frames[index].postMessage({ v: 1, id, type: 'update', payload: { proxyUrl: 'http://third.test/steal', locale: 'es' } }, '*');
          }
          parent.postMessage('forged everything', '*');
        </script>`,
      }),
    );
    const stolen: string[] = [];
    page.on('request', (request) => request.url().startsWith('http://third.test/steal') && stolen.push(request.url()));
    await mountEmbed(page, 'first', { locale: 'en' });
    const frame = page.frameLocator('#first iframe');
    await frame.getByLabel('Amount', { exact: true }).waitFor();
    const id = await page.locator('#first iframe').getAttribute('name');
    await page.evaluate((id) => {
      const done = new Promise<void>((resolve) => addEventListener('message', (event) => event.data === 'forged everything' && resolve()));
      const third = document.createElement('iframe');
      third.title = 'Third party';
      third.src = `http://third.test/forge.html#${id}`;
      document.getElementById('third-party')!.append(third);
      return done;
    }, id);

    await frame.getByLabel('Amount', { exact: true }).fill('100');
    await expect.poll(() => frame.getByText(/Quote expires in \d:\d\d/).count(), { timeout: UNTIL }).toBe(1);
    await fittedHeight(page, 'first');
    const events = await eventsOf(page, 'first');
    expect(events.map((event) => event.type).filter((type) => type === 'ready' || type === 'submitted')).toEqual(['ready']);
    expect(events.some((event) => event.type === 'resize' && event.payload.height === 5)).toBe(false);
    expect(stolen).toEqual([]);
    expect(page.problems).toEqual([]);
  });

  it('keeps two embeds on one page apart, and switches one to Spanish without a reload', async () => {
    const page = await open(1024);
    await mountEmbed(page, 'first', { locale: 'en', title: 'Sell stablecoins: main account' });
    await mountEmbed(page, 'second', { locale: 'en', title: 'Sell stablecoins: savings' });
    const first = page.frameLocator('#first iframe');
    const second = page.frameLocator('#second iframe');
    await first.getByLabel('Amount', { exact: true }).fill('1500');
    await second.getByLabel('Amount', { exact: true }).fill('250');
    await expect.poll(() => first.getByText(/Quote expires in \d:\d\d/).count(), { timeout: UNTIL }).toBe(1);
    await expect.poll(() => second.getByText(/Quote expires in \d:\d\d/).count(), { timeout: UNTIL }).toBe(1);
    const amountsQuoted = async (slot: string) =>
      new Set((await eventsOf(page, slot)).flatMap((event) => (event.type === 'quote' ? [event.payload.cryptoAmount] : [])));
    expect(await amountsQuoted('first')).toEqual(new Set([1500]));
    expect(await amountsQuoted('second')).toEqual(new Set([250]));

    const firstFrame = await frameOf(page, 'first');
    await firstFrame.evaluate(() => Object.assign(window, { sameDocument: true }));
    await page.evaluate(() => window.embedHost.update('first', { locale: 'es' }));
    await expect.poll(() => first.getByLabel('Monto', { exact: true }).count(), { timeout: UNTIL }).toBe(1);
    expect(await first.getByLabel('Monto', { exact: true }).inputValue()).toBe('1500');
    expect(await firstFrame.evaluate(() => (window as Window & { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(await firstFrame.evaluate(() => document.documentElement.lang)).toBe('es');
    expect((await eventsOf(page, 'first')).filter((event) => event.type === 'ready')).toHaveLength(1);
    expect(await second.getByLabel('Amount', { exact: true }).count()).toBe(1);
    await fittedHeight(page, 'first');
    await fittedHeight(page, 'second');
    await shoot(page, 'second', 'embed-two-on-a-page');

    expect(await axePageViolations(page)).toEqual([]);
    expect(page.problems).toEqual([]);
  });

  it("draws in the host's theme, and turns dark on update({ theme: 'dark' }) without a reload", async () => {
    const page = await open(1024);
    await mountEmbed(page, 'first', { locale: 'en', theme: 'light' });
    const frame = page.frameLocator('#first iframe');
    await frame.getByLabel('Amount', { exact: true }).waitFor();
    const widget = frame.locator('[data-offramp-widget]');
    const background = () => widget.evaluate((root) => getComputedStyle(root).backgroundColor);
    expect(await background()).toBe(computedRgb(PALETTES.light['color-surface']));
    const embedded = await frameOf(page, 'first');
    await embedded.evaluate(() => Object.assign(window, { sameDocument: true }));

    await page.evaluate(() => window.embedHost.update('first', { theme: 'dark' }));
    await expect.poll(() => widget.getAttribute('data-theme'), { timeout: UNTIL }).toBe('dark');
    await expect.poll(background, { timeout: UNTIL }).toBe(computedRgb(PALETTES.dark['color-surface']));
    expect(await embedded.evaluate(() => (window as Window & { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(page.problems).toEqual([]);
  });
});
