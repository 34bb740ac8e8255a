import { describe, expect, it } from 'vitest';
import { simulateResponses } from '../../analysis/reference-schedule.ts';
import { task } from '../../analysis/model.ts';
import { ProbeEvent, type ProbeRecord } from '../../hardware/probe.ts';
import { m4 } from '../../hardware/targets/index.ts';
import { msToCycles, usToCycles } from '../../hardware/units.ts';
import { bootSystem, edfProfile } from '../registry.ts';
import { periodic, workload } from '../core/test-workloads.ts';
import { edfViolations } from './edf-check.ts';

/** (C, D, T) in ms: the issue's task set, where t2's deadline is past its period. */
const SET = [
  { name: 't1', c: 1, d: 4, t: 4 },
  { name: 't2', c: 2, d: 9, t: 6 },
  { name: 't3', c: 2, d: 6, t: 8 },
  { name: 't4', c: 2, d: 12, t: 16 },
] as const;
const HYPERPERIOD_MS = 48;
/** Time the tick ISR and the scheduler take to act on a release on the M4 (a few microseconds; generous). */
const SLACK = usToCycles(m4, 50);

function run(set: readonly { name: string; c: number; d: number; t: number }[], ms: number): readonly ProbeRecord[] {
  const w = workload(
    set.map((x, i) => periodic(x.name, i, x.t * 1000, [{ op: 'compute', cycles: msToCycles(m4, x.c) }], { deadlineUs: x.d * 1000 })),
    { referenceTarget: 'm4' },
  );
  const sys = bootSystem({ target: m4, workload: w, profile: edfProfile, keepTrace: true });
  sys.run(msToCycles(m4, ms));
  return sys.engine.probe.trace();
}

function jobsOf(set: readonly { d: number; t: number }[]) {
  return set.map((x) => ({ periodCycles: msToCycles(m4, x.t), deadlineCycles: msToCycles(m4, x.d) }));
}

/** Largest response per task, from JobEnd times and the nominal release each JobEnd carries. */
function worstResponses(trace: readonly ProbeRecord[], n: number): number[] {
  const worst = Array.from({ length: n }, () => 0);
  for (const e of trace) if (e.type === ProbeEvent.JobEnd && e.subject < n) worst[e.subject] = Math.max(worst[e.subject] as number, e.time - e.data);
  return worst;
}

describe('EDF: every release is a scheduling point', () => {
  it('t1 (1,4,4), t2 (2,9,6), t3 (2,6,8), t4 (2,12,16) on edf/m4: the running job always has the earliest deadline', () => {
    const trace = run(SET, 2 * HYPERPERIOD_MS);
    expect(edfViolations(trace, jobsOf(SET), SLACK)).toEqual([]);
  });

  it('t1 (1,4,4), t2 (2,9,6), t3 (2,6,8), t4 (2,12,16) on edf/m4: t4 (deadline 12) runs before the t2 job released at 6 ms (deadline 15)', () => {
    // Hand derivation of EDF over [0, 8): t1 0-1, t3 1-3, t2 3-4, t1 4-5 (deadline 8 < 9), t2 5-6;
    // at 6 t2's second job (deadline 15) waits for t4 (deadline 12), which runs 6-8.
    const trace = run(SET, 16);
    const t4Start = trace.find((e) => e.type === ProbeEvent.JobStart && e.subject === 3) as ProbeRecord;
    const t2SecondStart = trace.filter((e) => e.type === ProbeEvent.JobStart && e.subject === 1)[1] as ProbeRecord;
    expect(t4Start.time).toBeLessThan(t2SecondStart.time);
    expect(t4Start.time).toBeGreaterThanOrEqual(msToCycles(m4, 6));
    expect(t4Start.time).toBeLessThan(msToCycles(m4, 6) + SLACK);
  });

  it('matches the reference EDF schedule task for task (worst responses, within kernel overhead)', () => {
    const reference = simulateResponses(
      SET.map((x, i) => task({ name: x.name, priority: i, periodCycles: x.t, wcetCycles: x.c, deadlineCycles: x.d })),
      SET.map(() => 0),
      HYPERPERIOD_MS,
      'edf',
    );
    // Every C, D and T is whole milliseconds, so a different job order moves a response by whole
    // milliseconds; the kernel's overhead (the tick, switches) adds microseconds over a busy period.
    const overhead = usToCycles(m4, 250);
    const simulated = worstResponses(run(SET, HYPERPERIOD_MS), SET.length);
    simulated.forEach((cycles, i) => {
      const ideal = msToCycles(m4, reference.worst[i] as number);
      expect(cycles).toBeGreaterThanOrEqual(ideal);
      expect(cycles).toBeLessThan(ideal + overhead);
    });
  });

  it('an overrunning job (C > T) keeps its next job keyed by that job\'s own release, not by when it was found due', () => {
    // long overruns its 3 ms period; its jobs are found due up to ticks late. A job keyed from the
    // moment it is found due would run after short's jobs with later deadlines.
    const set = [
      { name: 'long', c: 4, d: 6, t: 3 },
      { name: 'short', c: 1, d: 7, t: 7 },
    ];
    const trace = run(set, 42);
    expect(edfViolations(trace, jobsOf(set), SLACK)).toEqual([]);
  });
});
