// @vitest-environment node
/**
 * The package as a partner installs it: the tarball `npm pack` makes (its `prepack` builds it; the
 * bench installs the same one)
 * passes publint and attw, installs into a fresh Vite React app on React 18 and on React 19,
 * imports in plain Node without a DOM, builds without a warning, and renders in Chromium through a
 * locked quote to the bank step, against the package's own proxy and sandbox on a Node server.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../e2e/browser';
import {
  buildPage,
  installedApp,
  installedVersion,
  packedPackage,
  PACKAGE_NAME,
  PROJECT_ROOT,
  REACT_18_APP_DEPENDENCIES,
  REACT_19_APP_DEPENDENCIES,
  removeFolder,
  runInNode,
  servePartner,
  temporaryFolder,
  typecheckInApp,
} from './consumer';

const run = promisify(execFile);
/** How long a condition may take to come true: far beyond need, on a busy machine too. */
const UNTIL = 30_000;
/**
 * What a test that starts programs of its own (packing, installs, builds, a type-check) may take:
 * each app installs from npm's cache, or the registry on a new machine.
 */
const SETUP = 240_000;

const bin = (name: string) => join(PROJECT_ROOT, 'node_modules', '.bin', name);

/**
 * The oldest versions the peer ranges allow (React 18.2, TanStack Query 5.0) in Spanish, whose
 * catalogue loads on demand (so the widget suspends on React 18); the newest majors in English.
 */
const APPS = [
  {
    name: 'React 18',
    major: '18',
    dependencies: REACT_18_APP_DEPENDENCIES,
    locale: 'es-MX',
    words: { amount: 'Monto', expires: /La cotización vence en \d:\d\d/, continue: 'Continuar' },
    // As Vite's React template has it. Before TanStack Query 5.102 one internal hook's declaration
    // names types that release does not have yet (see the README's package section).
    skipLibCheck: true,
  },
  {
    name: 'React 19',
    major: '19',
    dependencies: REACT_19_APP_DEPENDENCIES,
    locale: 'en-US',
    words: { amount: 'Amount', expires: /Quote expires in \d:\d\d/, continue: 'Continue' },
    skipLibCheck: false,
  },
];

/** A partner's TypeScript using each entry: it compiles, and the types are the widget's own, not `any`. */
const PARTNER_SOURCE = `import { OffRampWidget, type OffRampWidgetProps } from '${PACKAGE_NAME}';
import { mount } from '${PACKAGE_NAME}/loader';
import { createOffRampProxy } from '${PACKAGE_NAME}/proxy';
import { createSandbox, SANDBOX_FIXTURES } from '${PACKAGE_NAME}/sandbox';

const props: OffRampWidgetProps = { proxyUrl: '/proxy', onQuote: (quote) => console.log(quote.quoteId.toUpperCase()) };
export const page = <OffRampWidget {...props} />;
export const proxy = createOffRampProxy({ upstream: 'https://api.example', apiKey: SANDBOX_FIXTURES.apiKey, resolveUserId: () => 'user' });
export const sandbox = createSandbox({ seed: 'partner' });
export const embed = (element: HTMLElement) => mount(element, { url: 'https://pay.example/embed.html', proxyUrl: '/offramp' });
// @ts-expect-error: a quote has no such field (the declarations are precise, not any).
export const unknownField = (quote: Parameters<NonNullable<OffRampWidgetProps['onQuote']>>[0]) => quote.noSuchField;
`;

const checkoutPage = (locale: string) => `import { createRoot } from 'react-dom/client';
import { OffRampWidget } from '${PACKAGE_NAME}';

window.quotesShown = [];
createRoot(document.getElementById('root')).render(
  <OffRampWidget proxyUrl="/proxy" locale="${locale}" onQuote={(quote) => window.quotesShown.push(quote.quoteId)} />,
);
`;

let work: string;
let tarball: string;
let browser: Browser;
/** Each app's folder, once installed. */
let installed: Map<string, Promise<string>>;

beforeAll(async () => {
  work = temporaryFolder('offramp-partner');
  tarball = await packedPackage();
  // The apps install side by side: an install waits on the disk and npm's cache far more than it computes.
  installed = new Map(
    APPS.map(({ name, dependencies }) => {
      const app = join(work, name.replace(/\W+/g, '-'));
      return [name, installedApp(app, { ...dependencies, [PACKAGE_NAME]: `file:${tarball}` }).then(() => app)];
    }),
  );
  // A failed install is reported by its app's tests (below), not as an unhandled rejection before them.
  for (const install of installed.values()) install.catch(() => undefined);
  browser = await launchChromium();
}, SETUP);

afterAll(async () => {
  await browser?.close();
  if (work) removeFolder(work);
});

describe('the packed package', () => {
  it('passes publint (strict) and attw for an ES-module-only package', async () => {
    // Both exit non-zero on a problem; execFile then rejects with their report.
    await run(bin('publint'), [tarball, '--strict']);
    await run(bin('attw'), [tarball, '--profile', 'esm-only']);
  }, SETUP);
});

describe.each(APPS)('a Vite React app on $name', ({ name, major, locale, words, skipLibCheck }) => {
  let app: string;

  beforeAll(async () => {
    app = await installed.get(name)!;
  }, SETUP);

  it(`installs React ${major} beside the widget`, () => {
    expect(installedVersion(app, 'react').split('.')[0]).toBe(major);
    expect(installedVersion(app, 'react-dom').split('.')[0]).toBe(major);
  });

  it(`type-checks a partner's use of every entry (skipLibCheck ${skipLibCheck})`, async () => {
    expect(await typecheckInApp(app, PARTNER_SOURCE, { skipLibCheck })).toBe('');
  }, SETUP);

  it('imports the widget in plain Node, with no DOM', async () => {
    const printed = await runInNode(
      app,
      `const widget = await import('${PACKAGE_NAME}');
       console.log(JSON.stringify({ component: typeof widget.OffRampWidget, window: typeof window, document: typeof document }));`,
    );
    expect(JSON.parse(printed)).toEqual({ component: 'function', window: 'undefined', document: 'undefined' });
  }, SETUP);

  it('builds without a warning and renders in Chromium, styled, through a locked quote to the bank step', async () => {
    const page = await buildPage(app, 'checkout', checkoutPage(locale));
    expect(page.warnings).toEqual([]);
    const server = await servePartner(app, page.outDir);
    const context = await browser.newContext({ locale });
    try {
      const tab = await context.newPage();
      const problems: string[] = [];
      tab.on('pageerror', (error) => problems.push(error.message));
      tab.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
      await tab.goto(server.url);

      await tab.getByLabel(words.amount, { exact: true }).fill('100');
      await expect.poll(() => tab.getByText(words.expires).count(), { timeout: UNTIL }).toBe(1);
      const shown = await tab.evaluate(() => (window as unknown as { quotesShown: string[] }).quotesShown);
      expect(shown).toHaveLength(1);
      expect(server.requests.filter((path) => path === '/api/partner/v2/quotes')).toHaveLength(1);

      // The stylesheet comes from a string the widget renders: nothing of it is left to a side effect.
      const styled = await tab.evaluate(() => [...document.querySelectorAll('style')].some((style) => style.textContent?.includes('[data-offramp-widget]')));
      expect(styled).toBe(true);

      await tab.getByRole('button', { name: words.continue }).click();
      await tab.getByLabel('CLABE').waitFor({ timeout: UNTIL });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  }, SETUP);
});
