/**
 * The bench's partner app, for both of its files: the packed widget installed beside React 19 (the
 * consumer test's React 19 app: one install for both), and the pages of `pages.ts` built on it.
 * Pages are kept between files and runs (`keptPage`): the timed file, run after the rest, finds the
 * ones it loads already built.
 */
import { join } from 'node:path';
import {
  installedApp,
  keptPage,
  packedPackage,
  PACKAGE_NAME,
  REACT_19_APP_DEPENDENCIES,
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

export async function benchApp(): Promise<BenchApp> {
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
