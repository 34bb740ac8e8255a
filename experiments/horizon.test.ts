import { describe, expect, it } from 'vitest';
import { getProfile } from '../kernels/registry.ts';
import { MICROBENCHMARKS } from '../workloads/generators/microbench.ts';
import type { TaskSpec, Workload } from '../workloads/types.ts';
import { BOUNDS_SERIES } from './bounds.ts';
import { sweepProfiles, SWEEP_TASKS } from './fig1.ts';
import { HORIZON_CAP_MS, HORIZON_JOBS, hyperperiodUs, modeHorizonCap, QUICK_HORIZON_CAP_MS, runHorizonUs } from './horizon.ts';
import { IO_SETS } from './io-figure.ts';
import { ioUnitWorkload, PAYLOADS } from './io-sim.ts';
import { safetySet } from './safety-sets.ts';
import { SAFETY_SETS, safetyProfiles } from './safety.ts';
import { sleepWakeSet } from './sleep-wake-run.ts';

const task = (name: string, periodUs: number, offsetUs = 0): TaskSpec => ({
  name,
  priority: 0,
  trigger: { kind: 'periodic', periodUs, ...(offsetUs > 0 ? { offsetUs } : {}) },
  body: [{ op: 'compute', cycles: 10 }],
});
const set = (...tasks: TaskSpec[]): Workload => ({ name: 'w', description: 'w', referenceTarget: 'avr', tickHz: 1000, tasks, sources: [] });

describe('the run horizon', () => {
  it('stops after one hyperperiod when that is shorter than the slowest task\'s jobs', () => {
    // Periods 2, 3 and 4 ms: hyperperiod lcm = 12 ms, far below 100 jobs of the 4 ms task (400 ms).
    expect(hyperperiodUs(set(task('a', 2000), task('b', 3000), task('c', 4000)), Infinity)).toBe(12_000);
    expect(runHorizonUs(set(task('a', 2000), task('b', 3000), task('c', 4000)), 0)).toBe(12_000);
  });

  it('runs the slowest task\'s jobs when the hyperperiod is longer, and starts counting after the latest offset', () => {
    // 3001 us and 9700 us share no factor: the hyperperiod is 29.1 s, so 100 jobs of the 9.7 ms task
    // decide (970 ms, under the 1 s cap), counted from the 2 ms offset.
    const w = set(task('a', 3001, 2000), task('b', 9700));
    expect(hyperperiodUs(w, Infinity)).toBe(3001 * 9700);
    expect(runHorizonUs(w, 0)).toBe(2000 + HORIZON_JOBS * 9700);
  });

  it('never runs past the cap, nor shorter than the experiment\'s floor', () => {
    // 7 ms and 200.001 ms share no factor: 100 jobs of the slow task (20 s) pass the 10 s cap.
    expect(runHorizonUs(set(task('a', 7000), task('b', 200_000 + 1)), 0)).toBe(HORIZON_CAP_MS * 1000);
    expect(runHorizonUs(set(task('a', 1000)), 200_000)).toBe(200_000);
  });

  it('caps a quick run at 1 s and leaves a full run to the rule', () => {
    const w = set(task('a', 7000), task('b', 49_000 + 1));
    expect(runHorizonUs(w, 0, modeHorizonCap('quick').horizonCapMs)).toBe(QUICK_HORIZON_CAP_MS * 1000);
    expect(modeHorizonCap('full')).toEqual({});
    expect(runHorizonUs(w, 0, modeHorizonCap('full').horizonCapMs)).toBe(HORIZON_JOBS * 49_001);
  });

  it("is never reached by a set of kbench's own studies in full mode: every run gets its 100 jobs", () => {
    const uncapped = (w: Workload): number => runHorizonUs(w, 0, Infinity);
    // Figs. 3-4 and bounds: the periods come from the payload and seed (the series only folds priorities).
    const io = PAYLOADS.flatMap((payload) => Array.from({ length: IO_SETS.full }, (_, i) => ioUnitWorkload({ ...(BOUNDS_SERIES[0] as (typeof BOUNDS_SERIES)[number]), payload, seed: i + 1 })));
    const safety = safetyProfiles().flatMap((p) => Array.from({ length: SAFETY_SETS.full }, (_, i) => safetySet(i + 1, getProfile(p))));
    const sweep = sweepProfiles().flatMap((p) => SWEEP_TASKS.map((n) => sleepWakeSet(p, n)));
    const indicators = Object.values(MICROBENCHMARKS).map((make) => make());
    for (const w of [...io, ...safety, ...sweep, ...indicators]) expect(uncapped(w), w.name).toBeLessThanOrEqual(HORIZON_CAP_MS * 1000);
  });

  it('asks for 100 jobs of the slowest task past the cap when told the cap is Infinity', () => {
    // 7 ms and 49.001 ms share no factor (hyperperiod 343 s): 100 jobs of the slow task, 4.9001 s.
    expect(runHorizonUs(set(task('a', 7000), task('b', 49_000 + 1)), 0, Infinity)).toBe(HORIZON_JOBS * 49_001);
  });

  it('leaves a set of I/O-triggered tasks at the floor (no period to count jobs of)', () => {
    const io: TaskSpec = { name: 'rx', priority: 0, trigger: { kind: 'io', line: 'uart' }, body: [{ op: 'compute', cycles: 10 }] };
    expect(runHorizonUs(set(io), 50_000)).toBe(50_000);
  });
});
