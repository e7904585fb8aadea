/**
 * `npm run bench`: the widget's budgets, measured the way a partner meets the widget. The package
 * is packed and installed into a Vite React app (React 19); pages with and without the widget are
 * built, and what the widget adds is their difference, min+gzip -9 (KB = 1000 bytes). The pages
 * are served with the package's proxy and sandbox and driven in Chromium. Each budget is a test;
 * the table is printed at the end.
 *
 * Sizes, counts and heaps do not depend on how busy the machine is: they are measured side by side
 * (the keystrokes on a clock of the bench's). What is timed (the time to first input, the proxy's
 * throughput) is measured after them, one at a time, with nothing else of the bench running.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUOTE_LIFETIME_MS } from '../src/api/contract';
import { launchChromium } from '../test/e2e/browser';
import {
  buildPage,
  installedApp,
  packedPackage,
  PACKAGE_NAME,
  PROJECT_ROOT,
  REACT_19_APP_DEPENDENCIES,
  removeFolder,
  servePartner,
  temporaryFolder,
  type BuiltPage,
  type PartnerServer,
} from '../test/package/consumer';
import { BUDGETS, KB, statusOf, table, type BudgetKey, type Measured } from './budgets';
import {
  heapOverRenewals,
  heapOverStepRoundTrips,
  initialBytes,
  jsFetchedAtMount,
  loaderBytes,
  pageScriptBytes,
  proxyThroughput,
  sharesIn,
  sharesOver,
  timeToFirstInput,
  typeAmount,
  widgetCodeShares,
  type HeapGrowth,
  type Share,
} from './measure';
import { formOnStack, profiledWidget, reactOnly, widgetOnReact, widgetOnStack } from './pages';

/** How many loads of each page the time to first input takes the median of (after one of each to warm up). */
const LOADS = 7;
const CPU_SLOWDOWN = 4;
const CYCLES = 60;

const results: Measured[] = [];
/** The widget's own code in the initial JS, by source file, for the gap rows. */
let ownCode: Share[] = [];
let work: string;
let app: string;
let browser: Browser;
/**
 * Each page's build, queued at the start (one build at a time): a test waits only for the pages it
 * measures, so the heap's long runs start once the widget's page is built, beside the other builds.
 */
let pages: Record<'reactOnly' | 'widgetOnReact' | 'formOnStack' | 'widgetOnStack' | 'profiledWidget', Promise<BuiltPage>>;

const kb = (bytes: number) => bytes / KB;
const sharesText = (shares: Share[], top = 6) =>
  shares
    .filter((share) => share.bytes >= 100)
    .slice(0, top)
    .map((share) => `${share.part} ${kb(share.bytes).toFixed(1)}`)
    .join(', ');
const heapDetail = (growth: HeapGrowth) =>
  `after full collections; the whole heap ${growth.used >= 0 ? '+' : ''}${kb(growth.used).toFixed(0)} KB, mostly compiled code`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

const measured = (key: BudgetKey, value: number | undefined, detail?: string): Measured => ({ key, value, ...(detail ? { detail } : {}) });

/** Records results, then fails the test if one breaks its budget (or, for a known gap, its ceiling). */
const report = (...measures: Measured[]) => {
  results.push(...measures);
  for (const result of measures) expect(statusOf(result), `${BUDGETS[result.key].metric}: ${result.value}`).not.toBe('over');
};

/** The builds the tests make run one after another: the app build sets NODE_ENV for its whole run. */
let building: Promise<unknown> = Promise.resolve();
const oneBuildAtATime = <T>(work: () => Promise<T>): Promise<T> => {
  const done = building.then(work);
  building = done.catch(() => undefined);
  return done;
};

const serve = async (page: BuiltPage, options: Parameters<typeof servePartner>[2] = {}, run: (server: PartnerServer) => Promise<void>) => {
  const server = await servePartner(app, page.outDir, options);
  try {
    await run(server);
  } finally {
    await server.close();
  }
};

beforeAll(async () => {
  work = temporaryFolder('offramp-bench');
  const tarball = await packedPackage();
  app = join(work, 'partner');
  const launched = launchChromium();
  try {
    // The consumer test's React 19 app: the same install, made once for both.
    await installedApp(app, { ...REACT_19_APP_DEPENDENCIES, [PACKAGE_NAME]: `file:${tarball}` });
    const queued = (name: string, script: string, options?: Parameters<typeof buildPage>[3]) => oneBuildAtATime(() => buildPage(app, name, script, options));
    pages = {
      widgetOnReact: queued('widget-on-react', widgetOnReact),
      reactOnly: queued('react-only', reactOnly),
      formOnStack: queued('form-on-stack', formOnStack),
      widgetOnStack: queued('widget-on-stack', widgetOnStack),
      // Unminified, so components keep their names, and React's profiling build, so <Profiler> reports.
      profiledWidget: queued('profiled-widget', profiledWidget, { profiling: true, minify: false }),
    };
    // A failed build is reported by the tests that measure its page, not as an unhandled rejection before them.
    for (const page of Object.values(pages)) page.catch(() => undefined);
  } finally {
    browser = await launched;
  }
});

afterAll(async () => {
  await browser?.close();
  if (work) removeFolder(work);
  console.log(`\n${table(results)}\n`);
  if (ownCode.length) {
    const rows = ownCode.slice(0, 12).map((share) => `| \`${share.part}\` | ${kb(share.bytes).toFixed(1)} |`);
    const rest = ownCode.slice(12).reduce((sum, share) => sum + share.bytes, 0);
    console.log(
      ['The widget\'s own code in the initial JS, by source file (each minified and gzipped alone):', '', '| file | KB |', '|---|---|', ...rows, `| ${ownCode.length - 12} other files | ${kb(rest).toFixed(1)} |`].join('\n'),
    );
  }
});

describe.concurrent('what a partner page downloads', () => {
  it('initial JS over a React-only app', async () => {
    const [widgetPage, reactPage] = await Promise.all([pages.widgetOnReact, pages.reactOnly]);
    const added = initialBytes(widgetPage) - initialBytes(reactPage);
    report(measured('initialOverReact', kb(added), sharesText(sharesOver(widgetPage, reactPage))));
  });

  it('initial JS over an app that already ships react-hook-form, zod and TanStack Query', async () => {
    ownCode = await oneBuildAtATime(() => widgetCodeShares(PROJECT_ROOT, join(work, 'widget-build')));
    const [widgetPage, formPage] = await Promise.all([pages.widgetOnStack, pages.formOnStack]);
    const added = initialBytes(widgetPage) - initialBytes(formPage);
    report(measured('initialOverStack', kb(added), sharesText(sharesOver(widgetPage, formPage))));
  });

  it('JS fetched at mount beyond the initial JS', async () => {
    const widgetPage = await pages.widgetOnReact;
    await serve(widgetPage, {}, async (server) => {
      const fetched = await jsFetchedAtMount(browser, server, widgetPage.outDir);
      const initial = new Set(widgetPage.initialFiles);
      const lazy = fetched.files.filter((file) => !initial.has(file));
      const lazyBytes = fetched.bytes - initialBytes(widgetPage);
      report(measured('lazyAtMount', kb(lazyBytes), lazy.length ? `${lazy.length} files: ${sharesText(sharesIn(widgetPage, lazy))}` : 'nothing'));
    });
  });

  it('the iframe loader', () => {
    const sizes = loaderBytes(app);
    const files = Object.entries(sizes);
    report(
      measured(
        'loader',
        files.length ? kb(Math.max(...files.map(([, bytes]) => bytes))) : undefined,
        files.map(([file, bytes]) => `${file} ${kb(bytes).toFixed(2)}`).join(', '),
      ),
    );
  });

  it('the embed page', async () => {
    const outDir = join(work, 'app-build');
    await oneBuildAtATime(async () => {
      const nodeEnv = process.env.NODE_ENV;
      process.env.NODE_ENV = 'production';
      try {
        await build({ root: PROJECT_ROOT, configFile: join(PROJECT_ROOT, 'vite.config.ts'), configLoader: 'runner', logLevel: 'silent', build: { outDir, emptyOutDir: true } });
      } finally {
        process.env.NODE_ENV = nodeEnv;
      }
    });
    const bytes = pageScriptBytes(outDir, 'embed.html');
    const react = kb(initialBytes(await pages.reactOnly)).toFixed(1);
    report(measured('embedPage', bytes === undefined ? undefined : kb(bytes), `React, the widget and the bridge (a page of React alone: ${react} KB)`));
  });
});

// Each page has a renderer process and a heap of its own: these run beside the sizes above. The
// keystrokes too: the page's clock is the bench's, paused between keys, so a busy machine cannot
// let a debounce run out between them.
describe.concurrent('what the widget keeps in memory and does per key in Chromium', () => {
  it('renders and commits per keystroke, and quote requests per typed amount', async () => {
    await serve(await pages.profiledWidget, {}, async (server) => {
      const typed = await typeAmount(browser, server, '1250.5');
      const renders = typed.rendered.map((names) => names.length);
      const most = typed.rendered[renders.indexOf(Math.max(...renders))] ?? [];
      const counts = new Map<string, number>();
      for (const name of most) counts.set(name, (counts.get(name) ?? 0) + 1);
      const names = [...counts].map(([name, count]) => (count > 1 ? `${name} ×${count}` : name)).join(', ');
      report(
        measured('rendersPerKey', Math.max(...renders), `per key: ${renders.join(', ')}; the most: ${names}`),
        measured('commitsPerKey', Math.max(...typed.commits), `per key: ${typed.commits.join(', ')}`),
        measured('quoteRequests', typed.quoteRequests, 'typing "1250.5" key by key'),
      );
    });
  });

  it(`JS heap growth over ${CYCLES} quote renewals`, async () => {
    await serve(await pages.widgetOnReact, { rateLimits: false }, async (server) => {
      const growth = await heapOverRenewals(browser, server, CYCLES, DEFAULT_QUOTE_LIFETIME_MS);
      report(measured('heapRenewals', kb(growth.data), `${heapDetail(growth)}; the page's clock jumps past each expiry`));
    });
  });

  it(`JS heap growth over ${CYCLES} step round trips`, async () => {
    await serve(await pages.widgetOnReact, {}, async (server) => {
      const growth = await heapOverStepRoundTrips(browser, server, CYCLES);
      report(measured('heapRoundTrips', kb(growth.data), heapDetail(growth)));
    });
  });
});

// Timed: each alone, once everything above has finished.
describe('what the widget does in Chromium', () => {
  it(`time to first input at ${CPU_SLOWDOWN}× CPU, against a minimal form on the same stack`, async () => {
    const widgetServer = await servePartner(app, (await pages.widgetOnReact).outDir);
    const formServer = await servePartner(app, (await pages.formOnStack).outDir);
    try {
      const widget: number[] = [];
      const form: number[] = [];
      // The first load of each pays for what the machine has not warmed yet (the servers' first
      // answers, files not in the disk cache): not counted.
      await timeToFirstInput(browser, widgetServer.url, CPU_SLOWDOWN);
      await timeToFirstInput(browser, formServer.url, CPU_SLOWDOWN);
      // In pairs, each page first in every other pair, so a busy moment of the machine falls on both alike.
      for (let load = 0; load < LOADS; load += 1) {
        const widgetFirst = load % 2 === 0;
        if (widgetFirst) widget.push(await timeToFirstInput(browser, widgetServer.url, CPU_SLOWDOWN));
        form.push(await timeToFirstInput(browser, formServer.url, CPU_SLOWDOWN));
        if (!widgetFirst) widget.push(await timeToFirstInput(browser, widgetServer.url, CPU_SLOWDOWN));
      }
      // The median of each pair's ratio: a busy moment slows both loads of a pair, and cancels out.
      const ratio = median(widget.map((time, pair) => time / form[pair]!));
      report(
        measured('firstInput', ratio, `median of ${LOADS} pairs' ratios; medians: widget ${Math.round(median(widget))} ms, form ${Math.round(median(form))} ms`),
      );
    } finally {
      await widgetServer.close();
      await formServer.close();
    }
  });
});

describe('the proxy', () => {
  it('quote requests per second through the proxy, against the sandbox alone', async () => {
    const throughput = await proxyThroughput(app);
    expect(throughput.failed).toBe(0);
    report(
      measured(
        'proxyThroughput',
        throughput.proxy / throughput.sandbox,
        `${Math.round(throughput.proxy)} vs ${Math.round(throughput.sandbox)} requests/s, 16 clients, each server a Node process`,
      ),
    );
  });
});
