/**
 * The order the test files start in. Vitest queues files a project at a time, projects in
 * alphabetical order; here the `unit` project goes first, then the bench's side-by-side budgets.
 * Their long files mostly wait: on their own programs (packing, installs, the Storybook and app
 * builds) or on real deadlines over HTTP (the proxy under failure). Started first, their waiting
 * overlaps the CPU-bound browser and jsdom files; queued between them, it left the machine half
 * idle for seconds. (The bench's timed budgets run after everything: their project's `groupOrder`.)
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const PROJECT_ORDER = ['unit', 'bench', 'e2e', 'mocking', 'widget'];

export class ProjectOrderSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const index = PROJECT_ORDER.indexOf(file.project.name);
      return index === -1 ? PROJECT_ORDER.length : index;
    };
    // Within a project, Vitest's own order (the longest first, from the last run's durations): the sort is stable.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
