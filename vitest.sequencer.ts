import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take the longest by far, longest first: each computes whole experiments. Started
 * first, they run beside the many short files on the other worker instead of after them. Vitest
 * itself orders by the durations it recorded, but a fresh clone (CI) has none, and then it starts
 * the largest files first, which put the longest file, a small one, last: the suite then waited
 * for it on one core.
 */
const LONGEST_FIRST = ['experiments/runner/independence.test.ts', 'experiments/safety.test.ts', 'report/build.test.ts', 'analysis/reference-locks.test.ts', 'cli/commands/compare.test.ts', 'experiments/meter-choice.test.ts', 'cli/kbench.process.test.ts'];

/** Vitest's order with the longest files moved to the front. */
export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification): number => {
      const i = LONGEST_FIRST.indexOf(relative(spec.project.config.root, spec.moduleId).replaceAll('\\', '/'));
      return i === -1 ? LONGEST_FIRST.length : i;
    };
    // Array.prototype.sort is stable: the other files keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
