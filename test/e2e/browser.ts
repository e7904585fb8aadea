/**
 * Starts the demo's dev server (widget + proxy + sandbox over HTTP) and Debian's Chromium,
 * for end-to-end tests in a real browser.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function startDemo(): Promise<{ server: ViteDevServer; url: string }> {
  const server = await createServer({
    configFile: 'vite.config.ts',
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('the dev server has no port');
  return { server, url: `http://127.0.0.1:${address.port}/` };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
}

/**
 * The demo's dev server and one Chromium for a test file: started before its tests, closed after
 * them. Read `url` and `browser` inside the tests.
 */
export function demoInChromium(): { readonly url: string; readonly browser: Browser } {
  let server: ViteDevServer | undefined;
  let url = '';
  let browser: Browser | undefined;
  beforeAll(async () => {
    ({ server, url } = await startDemo());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() {
      return url;
    },
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

/** Accessibility violations (axe, WCAG 2.1 A and AA) inside the widget, as `rule: targets` lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .include('[data-offramp-widget]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Accessibility violations (axe, WCAG 2.1 A and AA) on the whole page, inside its frames too, as `rule: targets` lines. */
export async function axePageViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/**
 * The demo's dev server with a dependency cache of its own, removed on close: another dev server or
 * build on the machine cannot re-optimize the shared cache under its pages (Vite then answers 504 to
 * the replaced modules and reloads every page, frames included, in the middle of a flow).
 */
export async function startDemoWithOwnCache(): Promise<{ url: string; close: () => Promise<void> }> {
  const cacheDir = mkdtempSync(join('node_modules', '.vite-e2e-'));
  const server = await createServer({
    configFile: 'vite.config.ts',
    logLevel: 'error',
    cacheDir,
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('the dev server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: async () => {
      await server.close();
      rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}
