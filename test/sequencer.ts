/**
 * The order the test files start in. Vitest queues files a project at a time, projects in
 * alphabetical order, and within a project the longest first by the last run's durations; a fresh
 * clone has none, and sorts by file size, which put the two longest jsdom files (three lines each,
 * their tests registered by a helper) last, alone at the end of the run. So the order here is
 * fixed where it matters:
 *
 * - first, the files that mostly wait: on real deadlines over HTTP (the proxy under failure) and on
 *   their own programs (packing, installs, the Storybook build, the type-check). Started first,
 *   their waiting overlaps the CPU-bound Storybook, browser and jsdom files; queued between them,
 *   it left the machine half idle for seconds;
 * - then project by project (the rest of `unit`, the bench's side-by-side budgets, then the
 *   CPU-bound projects), each project's longest files first.
 *
 * The bench's timed budgets run after everything: their project's `groupOrder`.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The files that mostly wait, the longest wait first. */
const WAITING_FIRST = ['test/proxy/failures.test.ts', 'test/package/consumer.test.ts', 'test/storybook/build.test.ts', 'test/static.test.ts'];
const PROJECT_ORDER = ['unit', 'bench', 'e2e', 'mocking', 'widget'];
/** The longest files of the CPU-bound projects, longest first (measured: 5 to 8 s each on 2 cores). */
const LONGEST_FIRST = ['test/widget/error-rows.en.test.tsx', 'test/widget/error-rows.es.test.tsx', 'test/widget/order.test.tsx', 'test/widget/checkout.test.tsx'];

export class ProjectOrderSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const position = (list: string[], file: TestSpecification) => list.findIndex((path) => file.moduleId.endsWith(`/${path}`));
    const rank = (file: TestSpecification): [number, number] => {
      const waiting = position(WAITING_FIRST, file);
      if (waiting !== -1) return [-1, waiting];
      const project = PROJECT_ORDER.indexOf(file.project.name);
      const longest = position(LONGEST_FIRST, file);
      return [project === -1 ? PROJECT_ORDER.length : project, longest === -1 ? LONGEST_FIRST.length : longest];
    };
    // Otherwise Vitest's own order within a project: the sort is stable.
    return (await super.sort(files)).sort((a, b) => {
      const [projectA, placeA] = rank(a);
      const [projectB, placeB] = rank(b);
      return projectA - projectB || placeA - placeB;
    });
  }
}
