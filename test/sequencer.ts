/**
 * The order the test files start in. Vitest queues files a project at a time, projects in
 * alphabetical order, and within a project the longest first by the last run's durations (on a
 * fresh clone, which has none, the largest first). Here the files that mostly wait go first, in a
 * fixed order: on real deadlines over HTTP (the proxy under failure) and on their own programs
 * (packing, installs, the Storybook build, the type-check). Started first, their waiting overlaps
 * the CPU-bound Storybook, browser and jsdom files; queued between them, it left the machine half
 * idle for seconds. Then the rest of `unit`, the bench's side-by-side budgets, and the CPU-bound
 * projects. (The bench's timed budgets run after everything: their project's `groupOrder`.)
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The files that mostly wait, the longest wait first. */
const WAITING_FIRST = ['test/proxy/failures.test.ts', 'test/package/consumer.test.ts', 'test/storybook/build.test.ts', 'test/static.test.ts'];
const PROJECT_ORDER = ['unit', 'bench', 'e2e', 'mocking', 'widget'];

export class ProjectOrderSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const waiting = WAITING_FIRST.findIndex((path) => file.moduleId.endsWith(`/${path}`));
      if (waiting !== -1) return waiting - WAITING_FIRST.length;
      const index = PROJECT_ORDER.indexOf(file.project.name);
      return index === -1 ? PROJECT_ORDER.length : index;
    };
    // Otherwise Vitest's own order within a project: the sort is stable.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
