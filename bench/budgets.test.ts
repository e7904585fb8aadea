/**
 * The widget's budgets that do not depend on how busy the machine is, measured the way a partner
 * meets the widget (`npm run bench`, and every `npm test`, beside the other tests). The package is
 * packed and installed into a Vite React app (React 19); pages with and without the widget are
 * built, and what the widget adds is their difference, min+gzip -9 (KB = 1000 bytes). The pages
 * are served with the package's proxy and sandbox and driven in Chromium. Each budget is a test;
 * the table is printed at the end of the run (reporter.ts).
 *
 * Sizes, counts and heaps are measured side by side (the keystrokes on a clock of the bench's);
 * what is timed is in timings.test.ts, which runs after everything else.
 */
import { join } from 'node:path';
import { build } from 'vite';
import { describe, it } from 'vitest';
import { DEFAULT_QUOTE_LIFETIME_MS } from '../src/api/contract';
import { PROJECT_ROOT, servePartner, type BuiltPage, type PartnerServer } from '../test/package/consumer';
import { KB, measured, report } from './budgets';
import {
  heapOverRenewals,
  heapOverStepRoundTrips,
  initialBytes,
  jsFetchedAtMount,
  loaderBytes,
  pageScriptBytes,
  sharesIn,
  sharesOver,
  typeAmount,
  widgetCodeShares,
  type HeapGrowth,
  type Share,
} from './measure';
import { benchInChromium } from './partnerApp';

const CYCLES = 60;

// Every page queued at once (built one at a time): the heap's long runs start once the widget's
// page is built, beside the other builds.
const bench = benchInChromium(['widgetOnReact', 'reactOnly', 'formOnStack', 'widgetOnStack', 'profiledWidget']);

const kb = (bytes: number) => bytes / KB;
const sharesText = (shares: Share[], top = 6) =>
  shares
    .filter((share) => share.bytes >= 100)
    .slice(0, top)
    .map((share) => `${share.part} ${kb(share.bytes).toFixed(1)}`)
    .join(', ');
const heapDetail = (growth: HeapGrowth) =>
  `after full collections; the whole heap ${growth.used >= 0 ? '+' : ''}${kb(growth.used).toFixed(0)} KB, mostly compiled code`;

const serve = async (page: BuiltPage, options: Parameters<typeof servePartner>[2] = {}, run: (server: PartnerServer) => Promise<void>) => {
  const server = await servePartner(bench.app, page.outDir, options);
  try {
    await run(server);
  } finally {
    await server.close();
  }
};

describe.concurrent('what a partner page downloads', () => {
  it('initial JS over a React-only app', async ({ task }) => {
    const [widgetPage, reactPage] = await Promise.all([bench.page('widgetOnReact'), bench.page('reactOnly')]);
    const added = initialBytes(widgetPage) - initialBytes(reactPage);
    report(task, measured('initialOverReact', kb(added), sharesText(sharesOver(widgetPage, reactPage))));
  });

  it('initial JS over an app that already ships react-hook-form, zod and TanStack Query', async ({ task }) => {
    task.meta.ownCode = await bench.oneBuildAtATime(() => widgetCodeShares(PROJECT_ROOT, join(bench.work, 'widget-build')));
    const [widgetPage, formPage] = await Promise.all([bench.page('widgetOnStack'), bench.page('formOnStack')]);
    const added = initialBytes(widgetPage) - initialBytes(formPage);
    report(task, measured('initialOverStack', kb(added), sharesText(sharesOver(widgetPage, formPage))));
  });

  it('JS fetched at mount beyond the initial JS', async ({ task }) => {
    const widgetPage = await bench.page('widgetOnReact');
    await serve(widgetPage, {}, async (server) => {
      const fetched = await jsFetchedAtMount(bench.browser, server, widgetPage.outDir);
      const initial = new Set(widgetPage.initialFiles);
      const lazy = fetched.files.filter((file) => !initial.has(file));
      const lazyBytes = fetched.bytes - initialBytes(widgetPage);
      report(task, measured('lazyAtMount', kb(lazyBytes), lazy.length ? `${lazy.length} files: ${sharesText(sharesIn(widgetPage, lazy))}` : 'nothing'));
    });
  });

  it('the iframe loader', ({ task }) => {
    const sizes = loaderBytes(bench.app);
    const files = Object.entries(sizes);
    report(
        task,
      measured(
        'loader',
        files.length ? kb(Math.max(...files.map(([, bytes]) => bytes))) : undefined,
        files.map(([file, bytes]) => `${file} ${kb(bytes).toFixed(2)}`).join(', '),
      ),
    );
  });

  it('the embed page', async ({ task }) => {
    const outDir = join(bench.work, 'app-build');
    await bench.oneBuildAtATime(async () => {
      const nodeEnv = process.env.NODE_ENV;
      process.env.NODE_ENV = 'production';
      try {
        await build({ root: PROJECT_ROOT, configFile: join(PROJECT_ROOT, 'vite.config.ts'), configLoader: 'runner', logLevel: 'silent', build: { outDir, emptyOutDir: true } });
      } finally {
        process.env.NODE_ENV = nodeEnv;
      }
    });
    const bytes = pageScriptBytes(outDir, 'embed.html');
    const react = kb(initialBytes(await bench.page('reactOnly'))).toFixed(1);
    report(task, measured('embedPage', bytes === undefined ? undefined : kb(bytes), `React, the widget and the bridge (a page of React alone: ${react} KB)`));
  });
});

// Each page has a renderer process and a heap of its own: these run beside the sizes above. The
// keystrokes too: the page's clock is the bench's, paused between keys, so a busy machine cannot
// let a debounce run out between them.
describe.concurrent('what the widget keeps in memory and does per key in Chromium', () => {
  it('renders and commits per keystroke, and quote requests per typed amount', async ({ task }) => {
    await serve(await bench.page('profiledWidget'), {}, async (server) => {
      const typed = await typeAmount(bench.browser, server, '1250.5');
      const renders = typed.rendered.map((names) => names.length);
      const most = typed.rendered[renders.indexOf(Math.max(...renders))] ?? [];
      const counts = new Map<string, number>();
      for (const name of most) counts.set(name, (counts.get(name) ?? 0) + 1);
      const names = [...counts].map(([name, count]) => (count > 1 ? `${name} ×${count}` : name)).join(', ');
      report(
        task,
        measured('rendersPerKey', Math.max(...renders), `per key: ${renders.join(', ')}; the most: ${names}`),
        measured('commitsPerKey', Math.max(...typed.commits), `per key: ${typed.commits.join(', ')}`),
        measured('quoteRequests', typed.quoteRequests, 'typing "1250.5" key by key'),
      );
    });
  });

  it(`JS heap growth over ${CYCLES} quote renewals`, async ({ task }) => {
    await serve(await bench.page('widgetOnReact'), { rateLimits: false }, async (server) => {
      const growth = await heapOverRenewals(bench.browser, server, CYCLES, DEFAULT_QUOTE_LIFETIME_MS);
      report(task, measured('heapRenewals', kb(growth.data), `${heapDetail(growth)}; the page's clock jumps past each expiry`));
    });
  });

  it(`JS heap growth over ${CYCLES} step round trips`, async ({ task }) => {
    await serve(await bench.page('widgetOnReact'), {}, async (server) => {
      const growth = await heapOverStepRoundTrips(bench.browser, server, CYCLES);
      report(task, measured('heapRoundTrips', kb(growth.data), heapDetail(growth)));
    });
  });
});

