import { describe, expect, it } from 'vitest';
import { taskIoDelay } from '../analysis/reducers/index.ts';
import { spanUs } from '../analysis/trace-metrics.ts';
import { getTarget } from '../hardware/targets/index.ts';
import { getProfile } from '../kernels/registry.ts';
import { worstCycles } from '../workloads/execution.ts';
import { runHorizonMs } from './horizon.ts';
import { framedProfile, fitPriorities, ioTaskSet, IO_TASKS, simulateIo, summariseSet } from './io-sim.ts';
import { measureRun } from './measure-run.ts';

describe('io-sim', () => {
  it('draws 7 tasks whose utilisation sums to the payload, each ending with io-out, the same for the same seed', () => {
    const w = ioTaskSet(0.5, 3);
    expect(w.tasks).toHaveLength(IO_TASKS);
    // C_i in AVR cycles at 8 MHz over T_i in us: C / (8 T); rounding of each C to whole cycles only.
    const u = w.tasks.reduce((s, t) => s + worstCycles(t) / (8 * (t.trigger.kind === 'periodic' ? t.trigger.periodUs : NaN)), 0);
    expect(u).toBeCloseTo(0.5, 3);
    for (const t of w.tasks) expect(t.body.at(-1)).toEqual({ op: 'io-out' });
    expect(ioTaskSet(0.5, 3)).toEqual(w);
    expect(ioTaskSet(0.5, 4)).not.toEqual(w);
  });

  it("folds rate-monotonic ranks into iDCX's 5 levels: the 3 least urgent tasks share level 4", () => {
    const w = fitPriorities(ioTaskSet(0.3, 1), getProfile('idcx'));
    expect(w.tasks.map((t) => t.priority).sort()).toEqual([0, 1, 2, 3, 4, 4, 4]);
  });

  it('frames a kernel as EDF by swapping its ready queue only: timer, services and preemptiveness stay', () => {
    const p = framedProfile('ukernel', 'dynamic-priority');
    expect(p).toMatchObject({ id: 'ukernel-edf', design: 'edf', timer: getProfile('ukernel').timer, preemptive: false });
    expect(framedProfile('ukernel', 'fixed-priority')).toBe(getProfile('ukernel'));
  });

  it('measures no I/O delay shorter than the job itself and none longer under a lighter load of the same shape', () => {
    const p = getProfile('ucos2');
    const w = ioTaskSet(0.2, 2);
    const tasks = simulateIo(p, 'avr', w, 200, 2);
    // A job's delay is at least its own execution: worst cycles / 8 cycles per us on the AVR.
    tasks.forEach((t, i) => expect(t.minUs).toBeGreaterThanOrEqual(worstCycles(w.tasks[i] as (typeof w.tasks)[number]) / 8));
    const s = summariseSet(tasks);
    expect(s.maxUs).toBeGreaterThanOrEqual(s.meanUs);
    expect(s.jitterUs).toBeLessThanOrEqual(s.maxUs);
  });

  it('summarises a set: mean weighted by job counts, longest delay, largest per-task jitter', () => {
    const s = summariseSet([
      { count: 1, meanUs: 10, minUs: 10, maxUs: 10, deadlineMisses: 0 },
      { count: 3, meanUs: 30, minUs: 20, maxUs: 50, deadlineMisses: 0 },
    ]);
    // (10 * 1 + 30 * 3) / 4 = 25; max 50; jitters 0 and 30.
    expect(s).toEqual({ meanUs: 25, maxUs: 50, jitterUs: 30 });
  });

  it('opens each delay at the tick that released the job, which for periods of whole ticks and no overrun is the true arrival the run metrics measure from', () => {
    const p = getProfile('ucos2');
    const w = ioTaskSet(0.3, 5);
    for (const t of w.tasks) expect(t.trigger.kind === 'periodic' && t.trigger.periodUs % 1000 === 0).toBe(true);
    const nominal = simulateIo(p, 'avr', w, 100, 5);
    expect(nominal.every((t) => t.deadlineMisses === 0)).toBe(true);
    // The same run (the horizon simulateIo takes) measured from each JobRelease's true arrival.
    const { fromArrival } = measureRun({ profile: p, target: getTarget('avr'), workload: w, durationMs: runHorizonMs(w, 100), seed: 5, reducers: { fromArrival: taskIoDelay('arrival') } });
    w.tasks.forEach((t, i) => {
      const k = fromArrival.find((x) => x.task === t.name);
      expect(k?.delay.count).toBeGreaterThan(0);
      expect(nominal[i]).toMatchObject(spanUs(getTarget('avr'), k?.delay ?? { count: 0, min: NaN, mean: NaN, max: NaN }));
    });
  });
});
