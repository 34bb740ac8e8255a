import { describe, expect, it } from 'vitest';
import { getProfile } from '../kernels/registry.ts';
import { fitPriorities } from '../workloads/fit-priorities.ts';
import { loadWorkload } from '../workloads/load.ts';
import { bounds } from './bounds.ts';
import { fig1 } from './fig1.ts';
import { fig2 } from './fig2.ts';
import { fig3 } from './fig3.ts';
import { fig4 } from './fig4.ts';
import { simulateInputIo, withInputEvents } from './io-input.ts';
import { framedProfile, ioUnitWorkload, IO_DURATION_MS } from './io-sim.ts';
import { sleepWakeSet } from './sleep-wake-run.ts';

/*
 * The named workloads `paper-tasks-<n>` and `paper-payload-<payload>-s<seed>` are the sets the
 * figures run: every unit's set equals the named one fitted to the kernel's priority range, and a
 * figure's run of a unit gives what a run of the named workload gives.
 */

describe('the sets the figures run', () => {
  it('are paper-tasks-<n> in Figs. 1-2, fitted to the kernel\'s priority range (unchanged where it has 8 levels or more)', () => {
    for (const experiment of [fig1, fig2]) {
      for (const unit of experiment.units('quick')) {
        const named = loadWorkload(`paper-tasks-${unit.tasks}`);
        const profile = getProfile(unit.profile);
        const run = sleepWakeSet(unit.profile, unit.tasks);
        expect(run).toEqual(fitPriorities(named, profile));
        if (profile.priorities >= 8) expect(run).toEqual(named);
      }
    }
  });

  it('are paper-payload-<payload>-s<seed> in Figs. 3-4 and the bounds study, fitted the same way', () => {
    for (const experiment of [fig3, fig4, bounds]) {
      for (const unit of experiment.units('quick')) {
        expect(ioUnitWorkload(unit)).toEqual(fitPriorities(loadWorkload(`paper-payload-${unit.payload}-s${unit.seed}`), getProfile(unit.profile)));
      }
    }
  });

  it('give a Fig. 3 unit the result of simulating the named workload itself, with its input events', () => {
    for (const unit of fig3.units('quick').filter((u) => u.target === 'avr' && u.payload === 0.3 && u.variant === 'plain').slice(0, 2)) {
      const profile = framedProfile(unit.profile, unit.framing);
      const named = fitPriorities(loadWorkload(`paper-payload-${unit.payload}-s${unit.seed}`), profile);
      expect(fig3.runUnit(unit)).toEqual({ ...simulateInputIo(profile, unit.target, withInputEvents(named), IO_DURATION_MS, unit.seed, unit.horizonCapMs), thresholdsAssigned: false });
    }
  });

  it('name seed 1 paper-payload-<payload>', () => {
    expect(loadWorkload('paper-payload-0.3')).toEqual(loadWorkload('paper-payload-0.3-s1'));
  });
});
