/**
 * The bench's partner app, for both of its files: the packed widget installed beside React 19 (the
 * consumer test's React 19 app: one install for both), and the pages of `pages.ts` built on it.
 * Pages are kept between files and runs (`keptPage`): the timed file, run after the rest, finds the
 * ones it loads already built.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../test/e2e/browser';
import {
  installedApp,
  keptPage,
  packedPackage,
  PACKAGE_NAME,
  REACT_19_APP_DEPENDENCIES,
  removeFolder,
  temporaryFolder,
  type BuiltPage,
} from '../test/package/consumer';
import { PAGES, type PageName } from './pages';

export interface BenchApp {
  /** The run's own folder, removed by the file that made it. */
  work: string;
  /** The partner app's folder. */
  app: string;
  /** A page of `pages.ts`, built once (one build at a time: a build sets NODE_ENV for its whole process). */
  page(name: PageName): Promise<BuiltPage>;
  /** Runs builds of the file's own one at a time with the pages' builds. */
  oneBuildAtATime<T>(work: () => Promise<T>): Promise<T>;
}

async function benchApp(): Promise<BenchApp> {
  const work = temporaryFolder('offramp-bench');
  const tarball = await packedPackage();
  const app = join(work, 'partner');
  const install = await installedApp(app, { ...REACT_19_APP_DEPENDENCIES, [PACKAGE_NAME]: `file:${tarball}` });
  let building: Promise<unknown> = Promise.resolve();
  const oneBuildAtATime = <T>(build: () => Promise<T>): Promise<T> => {
    const done = building.then(build);
    building = done.catch(() => undefined);
    return done;
  };
  const pages = new Map<PageName, Promise<BuiltPage>>();
  const page = (name: PageName) => {
    let built = pages.get(name);
    if (!built) {
      const { script, ...rest } = PAGES[name];
      built = oneBuildAtATime(() => keptPage(app, install, name, script, 'options' in rest ? rest.options : {}));
      // A failed build is reported by the tests that measure its page, not as an unhandled rejection before them.
      built.catch(() => undefined);
      pages.set(name, built);
    }
    return built;
  };
  return { work, app, page, oneBuildAtATime };
}

/**
 * The bench's app and one Chromium for a test file: made before its tests (the pages `builtFirst`
 * queued at once, so a test waits only for those it measures), gone after them. Read them inside
 * the tests.
 */
export function benchInChromium(builtFirst: readonly PageName[] = []): BenchApp & { readonly browser: Browser } {
  let bench: BenchApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const launched = launchChromium();
    try {
      bench = await benchApp();
      for (const name of builtFirst) void bench.page(name);
    } finally {
      browser = await launched;
    }
  });
  afterAll(async () => {
    await browser?.close();
    if (bench) removeFolder(bench.work);
  });
  const made = () => {
    if (!bench || !browser) throw new Error('the bench is not ready: read it inside a test');
    return { bench, browser };
  };
  return {
    get work() {
      return made().bench.work;
    },
    get app() {
      return made().bench.app;
    },
    get browser() {
      return made().browser;
    },
    page: (name) => made().bench.page(name),
    oneBuildAtATime: (work) => made().bench.oneBuildAtATime(work),
  };
}
