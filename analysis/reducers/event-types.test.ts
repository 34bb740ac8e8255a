import { describe, expect, it } from 'vitest';
import type { ProbeListener } from '../../hardware/probe.ts';
import { getTarget } from '../../hardware/targets/index.ts';
import { withInputEvents } from '../../experiments/io-input.ts';
import { framedProfile, ioUnitWorkload } from '../../experiments/io-sim.ts';
import { measureRun } from '../../experiments/measure-run.ts';
import type { Workload } from '../../workloads/types.ts';
import { deadlineMisses, inputToOutput, taskIoDelay, type ReducerFactory } from './index.ts';

/** The same reducer, its listener handed every event: what it reads when the probe filters nothing. */
function unfiltered<R>(make: ReducerFactory<R>): ReducerFactory<R> {
  return (workload) => {
    const reducer = make(workload);
    const inner = reducer.listener as ProbeListener;
    const listener: ProbeListener = { onEvent: (type, time, subject, data) => inner.onEvent(type, time, subject, data) };
    return { ...reducer, listener };
  };
}

/** One reducer's result on a seeded I/O unit (a Fig. 3 task set on Webit, 300 ms on the AVR). */
function onIoUnit<R>(make: ReducerFactory<R>, workload: Workload): R {
  return measureRun({ profile: framedProfile('webit', 'fixed-priority'), target: getTarget('avr'), workload, durationMs: 300, seed: 3, reducers: { r: make } }).r;
}

describe('the event types a reducer names', () => {
  const set = ioUnitWorkload({ profile: 'webit', framing: 'fixed-priority', payload: 0.7, seed: 3 });
  const reducers: [string, ReducerFactory<unknown>, Workload][] = [
    ['taskIoDelay', taskIoDelay('releasing-tick'), set],
    ['deadlineMisses', deadlineMisses(), set],
    ['inputToOutput', inputToOutput(), withInputEvents(set)],
  ];

  it.each(reducers)('cover everything %s reads: its result is the one it gets when handed every event', (_name, make, workload) => {
    const filtered = onIoUnit(make, workload);
    expect(filtered).toEqual(onIoUnit(unfiltered(make), workload));
    // The unit did something to measure: every task has jobs (a result computed from nothing proves nothing).
    expect(JSON.stringify(filtered)).not.toMatch(/"(count|releases)":0/);
  });
});
