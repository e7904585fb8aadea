import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { defineConfig, type BuildEnvironmentOptions, type Rolldown } from 'vite';
import type { ViteUserConfig } from 'vitest/config';
import { offRampDevServer } from './src/demo/server.ts';

const dependencies = Object.keys(JSON.parse(readFileSync('package.json', 'utf8')).dependencies ?? {});
const isDependency = (id: string) => dependencies.some((name) => id === name || id.startsWith(`${name}/`));
/** `react`, `zod/mini`, `@tanstack/react-query`: not a file of this project nor one of Vite's own modules. */
const isPackageImport = (id: string) => !id.startsWith('\0') && !id.startsWith('.') && !isAbsolute(id);

/** Modules re-exported at start that only lazily loaded parts read (see the lib build's chunks). */
const LATER_MODULES = /\/src\/(api\/errorRows|api\/values|countries\/values)\.ts$/;

/** The contract's error rows and value lists, and the rails' field checks, each a chunk of its own (see the lib build). */
const laterModulesGroup = { debugName: 'later modules', name: (id: string) => LATER_MODULES.exec(id)?.[1]?.replace('/', '-') ?? null, priority: 3 };

const LIB_ENTRY = resolve('src/index.ts');
const WIDGET = resolve('src/widget/OffRampWidget.tsx');
const EMBED_PAGE = resolve('src/embed/main.tsx');

/**
 * The chunk a partner's page starts with: `root` and what it imports statically (less `leaveOut`),
 * in one chunk, which the lazily loaded parts import from. What the network brings later (the
 * client, the quote's life: see `steps/later.ts`) is not in it, even where the entry re-exports it.
 */
function widgetStartGroup(root: string, leaveOut: (id: string) => boolean = () => false) {
  let start: Set<string> | undefined;
  const reach = (ctx: Rolldown.ChunkingContext, id: string, into: Set<string>): Set<string> => {
    if (into.has(id)) return into;
    into.add(id);
    for (const imported of ctx.getModuleInfo(id)?.importedIds ?? []) reach(ctx, imported, into);
    return into;
  };
  const inStart = (id: string, ctx: Rolldown.ChunkingContext) => (start ??= reach(ctx, root, new Set())).has(id) && !leaveOut(id);
  return { debugName: 'widget start', name: (id: string, ctx: Rolldown.ChunkingContext) => (inStart(id, ctx) ? 'widget' : null), priority: 2 };
}

/** `vite build --mode lib`: the widget for a partner's page. `--mode server`: the proxy and the sandbox. */
const builds: Record<string, BuildEnvironmentOptions> = {
  lib: {
    outDir: 'dist',
    copyPublicDir: false,
    lib: { entry: { index: 'src/index.ts' }, formats: ['es'] },
    // The partner's bundler minifies, and resolves each package once for the whole page (the
    // widget shares React, TanStack Query and the rest with the host): no package is bundled here.
    minify: false,
    rollupOptions: {
      external: isPackageImport,
      // What the widget needs at start in one chunk, which the lazy parts import from: a partner's
      // bundler then loads it as one file, not as the many small chunks that each lazy part shares
      // with it (each gzipped alone, and fetched alone). What else the entry re-exports (the
      // client, the errors) is a chunk of its own, as are the contract's error rows and value lists
      // and the rails' field checks: only lazily loaded parts read them, so a partner's bundler
      // leaves them out of the page's start.
      output: {
        codeSplitting: {
          groups: [
            laterModulesGroup,
            widgetStartGroup(WIDGET),
            { name: 'later', tags: ['$initial'], test: (id: string) => id !== LIB_ENTRY, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    outDir: 'dist/server',
    copyPublicDir: false,
    emptyOutDir: true,
    target: 'node20',
    lib: { entry: { proxy: 'src/proxy/index.ts', sandbox: 'src/sandbox/index.ts' }, formats: ['es'] },
    // A server installs its dependencies: none is bundled.
    rollupOptions: { external: (id) => isDependency(id) || id.startsWith('node:') },
  },
  // `vite build --mode loader`: the embed's loader, as an ES module and as a classic script
  // defining `window.OffRampWidget.mount`. After the lib build, into the same dist/.
  loader: {
    outDir: 'dist',
    copyPublicDir: false,
    emptyOutDir: false,
    lib: {
      entry: 'src/embed/loader.ts',
      name: 'OffRampWidget',
      formats: ['es', 'iife'],
      fileName: (format) => (format === 'es' ? 'loader.js' : 'loader.global.js'),
    },
  },
};

/** The app build's pages: the demo, and the embed page partners frame (src/embed). */
const pages = { main: 'index.html', embed: 'embed.html', 'embed-demo': 'embed-demo.html' };

/**
 * `--mode e2e`: the demo as the end-to-end tests serve it (test/e2e/demoServer.ts): built as a
 * partner ships it (React's production build, the code in chunks) and served by `vite preview`,
 * with the embed's test host page (test/embed/host.html) beside the demo's pages. The proxy's rate
 * limits are off: every test's browser signs in the demo's one verified user, and together they
 * place more orders in a minute than the limit lets one person place.
 */
const E2E_MODE = 'e2e';

/** The app build: the demo's pages, and for the end-to-end tests the embed's host page too. */
function appBuild(forEndToEndTests: boolean): BuildEnvironmentOptions {
  const groups = [laterModulesGroup, widgetStartGroup(EMBED_PAGE, (id) => id.includes('/src/embed/'))];
  return {
    outDir: 'dist-demo',
    // Every browser the widget supports preloads modules itself, or simply loads them when imported:
    // the pages carry no polyfill for it.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: forEndToEndTests ? { ...pages, 'embed-host': 'test/embed/host.html' } : pages,
      // A page starts with the chunk a partner's page does: React and the widget as the embed page
      // imports them, less the embed's own bridge (a page's own modules stay in its entry). The
      // end-to-end tests tell the downloads' back-off timers by the chunk they start in: there,
      // src/widget/lazy.ts is a chunk of its own.
      output: { codeSplitting: { groups: forEndToEndTests ? [{ name: 'lazy', test: /\/src\/widget\/lazy\.ts$/, priority: 4 }, ...groups] : groups } },
    },
  };
}

/**
 * The plugins and modules only the test runner uses (the sequencer, the browser's path and flags),
 * imported only when it reads this file (every `vite` command reads it). Here, not in
 * `testConfig`: the config loader's module runner has closed by the time the config function runs.
 */
const testPlugins = process.env.VITEST
  ? await Promise.all([import('@storybook/addon-vitest/vitest-plugin'), import('@vitest/browser-playwright'), import('./test/sequencer'), import('./test/chromium')])
  : undefined;

/** Vitest's projects: the tests' files, environments and browser. */
function testConfig(): ViteUserConfig['test'] {
  if (!testPlugins) throw new Error('the test projects are read by Vitest alone');
  const [{ storybookTest }, { playwright }, { ProjectOrderSequencer }, { CHROMIUM_ARGS, CHROMIUM_PATH }] = testPlugins;
  /** Every test file run in Node or jsdom (the end-to-end tests drive Chromium). */
  const testFiles = readdirSync('test', { recursive: true, encoding: 'utf8' })
    .map((file) => `test/${file}`)
    .filter((file) => /\.test\.tsx?$/.test(file) && !file.startsWith('test/e2e/'));
  const fileSays = (pattern: RegExp) => (file: string) => pattern.test(readFileSync(file, 'utf8'));
  /** The tests that need no DOM: those whose first line says `// @vitest-environment node`. */
  const nodeTests = testFiles.filter(fileSays(/^\/\/ @vitest-environment node/));
  /** The DOM tests that replace a module (`vi.mock`, `vi.doMock`): that needs a module graph of their own. */
  const mockingTests = testFiles.filter((file) => !nodeTests.includes(file)).filter(fileSays(/\bvi\.(mock|doMock)\(/));

  /** Debian's Chromium for the stories' tests (test/chromium.ts). */
  const chromium = {
    enabled: true,
    headless: true,
    provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } }),
    instances: [{ browser: 'chromium' as const }],
  };
  return {
    // Widget tests spend much of their time waiting on the sandbox and the clock: one worker per
    // core (Vitest's default leaves one core idle).
    maxWorkers: '100%',
    // React and jsdom make many short-lived objects: a larger young generation collects them
    // less often (measured: about 5% less CPU for the jsdom tests).
    execArgv: ['--max-semi-space-size=64'],
    sequence: { sequencer: ProjectOrderSequencer },
    // The bench's table, once its budgets have all been measured.
    reporters: ['default', './bench/reporter.ts'],
    // Waits are for conditions; a test or hook gives up only far beyond what a busy machine needs.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      // Without isolation between files, each worker imports the sources and the libraries once
      // for all its files, not once per file, and its files share one jsdom document. A file
      // restores what it changes: timers, storage and the document (setup.ts), its mocks, and
      // stubbed globals (unstubGlobals).
      {
        extends: true,
        test: {
          name: 'unit',
          globals: true,
          environment: 'node',
          isolate: false,
          unstubGlobals: true,
          setupFiles: ['./test/setup.ts'],
          include: nodeTests,
        },
      },
      {
        // The widget and the embed in jsdom.
        extends: true,
        test: {
          name: 'widget',
          globals: true,
          environment: 'jsdom',
          isolate: false,
          unstubGlobals: true,
          setupFiles: ['./test/setup.ts'],
          include: testFiles,
          exclude: [...nodeTests, ...mockingTests],
        },
      },
      {
        extends: true,
        test: {
          name: 'mocking',
          globals: true,
          environment: 'jsdom',
          setupFiles: ['./test/setup.ts'],
          include: mockingTests,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          globals: true,
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          // One build of the demo, served for every file (inject('demoUrl')).
          globalSetup: ['./test/e2e/demoServer.ts'],
          // A worker imports Playwright, axe and the helpers once for all its files.
          isolate: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Every story in Chromium: its play function, then axe (a violation fails it). The files
        // share one page and its modules, as the jsdom projects share a worker: each story has a
        // backend of its own, renders without resuming an order, and leaves the page as it found
        // it (the Offline story goes back online).
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: { name: 'storybook', isolate: false, browser: chromium },
      },
      {
        // The budgets that a busy machine cannot move (sizes, counts, heaps), beside the tests.
        extends: true,
        test: {
          name: 'bench',
          environment: 'node',
          include: ['bench/budgets.test.ts'],
          // The package and the apps' installs, begun as the run begins (the package tests use them too).
          globalSetup: ['./bench/prepare.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
      {
        // The timed budgets, once every other project has finished.
        extends: true,
        test: {
          name: 'bench-timings',
          environment: 'node',
          include: ['bench/timings.test.ts'],
          sequence: { groupOrder: 1 },
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  };
}

/**
 * One file for the demo app (`vite`, `vite build`, `vite preview`), the library build
 * (`vite build --mode lib`) and the test projects.
 */
export default defineConfig(({ mode }) => ({
  plugins: [react(), offRampDevServer(mode === E2E_MODE ? { rateLimits: false } : {})],
  server: { host: '127.0.0.1' },
  // Imported only by lazily loaded parts: bundled up front, so the dev server never stops to
  // discover them (and reload the page) in the middle of a user's flow.
  optimizeDeps: { include: ['clabe-validator', 'ibantools', 'qrcode.react', '@scure/base', '@hookform/resolvers/zod', 'zod/mini'] },
  preview: { host: '127.0.0.1' },
  // The package ships React's production JSX whatever NODE_ENV it is built under (a test runner's is `test`).
  oxc: mode === 'lib' ? { jsx: { development: false } } : undefined,
  build: builds[mode] ?? appBuild(mode === E2E_MODE),
  test: process.env.VITEST ? testConfig() : undefined,
}));
