import { describe, expect, it, vi } from 'vitest';
import { getProfile } from '../kernels/registry.ts';
import { fitPriorities } from '../workloads/fit-priorities.ts';
import { loadWorkload } from '../workloads/load.ts';
import type { Workload } from '../workloads/types.ts';
import { bounds } from './bounds.ts';
import { fig1 } from './fig1.ts';
import { fig2 } from './fig2.ts';
import { fig3 } from './fig3.ts';
import { fig4 } from './fig4.ts';

/*
 * The named workloads `paper-tasks-<n>` and `paper-payload-<payload>-s<seed>` are the sets the
 * figures run. The run itself is replaced by one that records the workload it was handed and stops,
 * so the test sees exactly what each figure's unit would simulate.
 */

const seen = vi.hoisted(() => ({ workloads: [] as unknown[] }));
vi.mock('./measure-run.ts', () => ({
  measureRun: (run: { workload: unknown }) => {
    seen.workloads.push(run.workload);
    throw new Error('recorded');
  },
}));

/** The workload one unit of a figure hands to the run. */
function workloadRun(runUnit: () => unknown): Workload {
  seen.workloads.length = 0;
  expect(runUnit).toThrow('recorded');
  expect(seen.workloads).toHaveLength(1);
  return seen.workloads[0] as Workload;
}

describe('the sets the figures run', () => {
  it('are paper-tasks-<n> in Figs. 1-2, fitted to the kernel\'s priority range (unchanged where it has 8 levels or more)', () => {
    for (const experiment of [fig1, fig2]) {
      for (const unit of experiment.units('quick')) {
        const named = loadWorkload(`paper-tasks-${unit.tasks}`);
        const profile = getProfile(unit.profile);
        const run = workloadRun(() => experiment.runUnit(unit));
        expect(run).toEqual(fitPriorities(named, profile));
        if (profile.priorities >= 8) expect(run).toEqual(named);
      }
    }
  });

  it('are paper-payload-<payload>-s<seed> in Figs. 3-4 and the bounds study, fitted the same way', () => {
    for (const experiment of [fig3, fig4, bounds]) {
      for (const unit of experiment.units('quick')) {
        const named = loadWorkload(`paper-payload-${unit.payload}-s${unit.seed}`);
        const run = workloadRun(() => experiment.runUnit(unit));
        expect(run).toEqual(fitPriorities(named, getProfile(unit.profile)));
      }
    }
  });

  it('name seed 1 paper-payload-<payload>', () => {
    expect(loadWorkload('paper-payload-0.3')).toEqual(loadWorkload('paper-payload-0.3-s1'));
  });
});
