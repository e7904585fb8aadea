/**
 * The embed as it ships, under the README's headers: the app build's embed.html served with its
 * exact Content-Security-Policy (no inline script or style, frame-ancestors the shop only), framed
 * by a shop page that itself allows only its own scripts and the embed's origin as a frame, with
 * the classic-script loader and a session token checked by the README's code.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmbedEvent } from '../../src/embed/protocol';
import { servePartnerSite, type PartnerSite } from '../embed/partnerSite';
import { embedPageHeaders, readmeEmbedTokens } from '../embed/readme';
import { closePagesAfterEach, launchChromium } from './browser';

const SHOTS = 'test-results/screenshots';
/** How long a condition may take to come true: far beyond need, on a busy machine too. */
const UNTIL = 30_000;

/** Gzipped bytes of the scripts embed.html loads before anything else (its entry and modulepreloads). */
const initialScriptBytes = (appDir: string) => {
  const html = readFileSync(join(appDir, 'embed.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
  return scripts.reduce((total, script) => total + gzipSync(readFileSync(join(appDir, script)), { level: 9 }).byteLength, 0);
};

describe('the built embed under a strict Content-Security-Policy', () => {
  const buildDir = mkdtempSync(join(tmpdir(), 'offramp-embed-'));
  const appDir = join(buildDir, 'app');
  const loaderDir = join(buildDir, 'loader');
  let site: PartnerSite;
  let browser: Browser;

  beforeAll(async () => {
    // The app build (every page) and the loader build, as `npm run build` and `build:lib` make them:
    // for production (Vitest's NODE_ENV=test would bundle React's development build).
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ configFile: 'vite.config.ts', build: { outDir: appDir, emptyOutDir: true }, logLevel: 'silent' });
      await build({ configFile: 'vite.config.ts', mode: 'loader', build: { outDir: loaderDir, emptyOutDir: true }, logLevel: 'silent' });
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = nodeEnv;
    }
    console.info(`embed.html's first scripts: ${initialScriptBytes(appDir)} B gzipped`);
    const tokens = await readmeEmbedTokens('a test secret of thirty-two bytes or more, never a real one');
    site = await servePartnerSite({ appDir, loaderFile: join(loaderDir, 'loader.global.js'), tokens });
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);

  closePagesAfterEach(() => browser);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    rmSync(buildDir, { recursive: true, force: true });
  });

  /** A page whose every frame reports console errors, page errors and CSP violations in `problems`. */
  const open = async (width = 480): Promise<{ context: BrowserContext; page: Page; problems: string[]; console: string[] }> => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-US' });
    await context.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`)),
    );
    const page = await context.newPage();
    const problems: string[] = [];
    const messages: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      messages.push(message.text());
      if (message.type() === 'error') problems.push(message.text());
    });
    return { context, page, problems, console: messages };
  };

  const eventsOf = (page: Page) => page.evaluate(() => (window as Window & { events?: EmbedEvent[] }).events ?? []);

  it('is served with exactly the headers the README documents', async () => {
    const answer = await fetch(site.embedUrl);
    const documented = embedPageHeaders(new URL(site.hostPageUrl).origin);
    for (const [name, value] of Object.entries(documented)) expect(answer.headers.get(name), name).toBe(value);
    expect(documented['content-security-policy']).toMatch(/script-src 'self'; style-src 'self';/);
    expect(documented['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval|nonce-|sha256-/);
  });

  it('completes the Mexico path and switches language with no violation, styled by its own stylesheet', async () => {
    const { page, problems } = await open();
    await page.goto(site.hostPageUrl);
    const frame = page.frameLocator('#checkout iframe');
    await frame.getByLabel('Amount', { exact: true }).fill('100');
    await expect.poll(() => frame.getByText(/Quote expires in \d:\d\d/).count(), { timeout: UNTIL }).toBe(1);
    await frame.getByRole('button', { name: 'Continue' }).click();
    await frame.getByLabel('CLABE').fill('014680260346007120');
    await expect.poll(() => frame.getByText('Bank: Banco Santander').count(), { timeout: UNTIL }).toBe(1);
    await frame.getByRole('button', { name: 'Continue' }).click();
    await frame.getByRole('button', { name: 'Confirm' }).click();
    await frame.getByRole('region', { name: 'Deposit address' }).waitFor();
    await frame.locator('.orw-qr svg').waitFor();

    // A lazily loaded catalogue, under script-src 'self'.
    await page.evaluate(() => (window as Window & { embed?: { update: (options: { locale: string }) => void } }).embed?.update({ locale: 'es' }));
    await expect.poll(() => frame.getByRole('heading', { name: 'Envía tu cripto' }).count(), { timeout: UNTIL }).toBe(1);
    await page.setViewportSize({ width: 480, height: await page.evaluate(() => document.documentElement.scrollHeight) });
    await page.screenshot({ path: `${SHOTS}/embed-csp-send.png` });

    const embedFrame = page.frames().find((candidate) => candidate.url().startsWith(site.embedUrl))!;
    const styling = await embedFrame.evaluate(() => ({
      radius: getComputedStyle(document.querySelector('[data-offramp-widget]')!).borderTopLeftRadius,
      primary: getComputedStyle(document.querySelector('[data-offramp-widget]')!).getPropertyValue('--orw-color-primary').trim(),
      // Sheets from <style> and <link> elements: none. The one adopted: the widget's.
      elementSheets: document.styleSheets.length,
      adoptedSheets: document.adoptedStyleSheets.length,
      // A rule of the later steps' (theme/laterStyles.ts), added to that sheet once they downloaded.
      qr: getComputedStyle(document.querySelector('.orw-qr')!).display,
    }));
    expect(styling).toEqual({ radius: '12px', primary: '#2f5bea', elementSheets: 0, adoptedSheets: 1, qr: 'flex' });
    const milestones = (await eventsOf(page)).map((event) => event.type).filter((type) => type === 'ready' || type === 'quote' || type === 'submitted');
    expect(milestones.filter((type, index) => type !== milestones[index - 1])).toEqual(['ready', 'quote', 'submitted']);
    expect(problems).toEqual([]);
  }, 120_000);

  it("adopts the widget's stylesheet because the same policy refuses the <style> React renders it in (on the demo page)", async () => {
    const { page, problems } = await open();
    await page.goto(site.demoPageUrl);
    await expect.poll(() => problems.some((text) => text.startsWith('CSP violation: style-src-elem')), { timeout: UNTIL }).toBe(true);
  });

  it('cannot be framed by a site its frame-ancestors does not name', async () => {
    const { page, console: messages } = await open();
    await page.goto(site.otherSitePageUrl);
    const refusal = `Framing '${new URL(site.embedUrl).origin}/' violates the following Content Security Policy directive: "frame-ancestors ${new URL(site.hostPageUrl).origin}"`;
    await expect.poll(() => messages.some((text) => text.startsWith(refusal)), { timeout: UNTIL }).toBe(true);
    expect(await eventsOf(page)).toEqual([]);
  });

  it('says why it refuses a wildcard parent origin, and speaks to no one', async () => {
    const { page, problems } = await open();
    await page.goto(`${site.embedUrl}#v=1&origin=*`);
    const refusal = page.getByText(/the origin in the embed page's URL must be an exact origin such as https:\/\/shop\.example, not "\*": a wildcard/);
    await refusal.waitFor();
    await page.screenshot({ path: `${SHOTS}/embed-csp-wildcard.png` });
    expect(problems).toEqual([expect.stringContaining('not "*"')]);
  });
});
