import { describe, expect, it } from 'vitest';
import { ProbeEvent } from '../../hardware/probe.ts';
import { taskSwitch } from './task-switch.ts';
import { reduceEvents, type TestEvent } from './test-support.ts';

// Three tasks, so the idle task is subject 3: task 1 -> task 2 (10..40: 30 cycles), task 2 -> idle
// (100..125: 25), idle -> task 1 (200..205: 5). SwitchOut's data is the task switched to.
const TASKS = { taskNames: ['t0', 't1', 't2'] };
const STREAM: readonly TestEvent[] = [
  [ProbeEvent.SwitchOut, 10, 1, 2], [ProbeEvent.SwitchIn, 40, 2, 1],
  [ProbeEvent.SwitchOut, 100, 2, 3], [ProbeEvent.SwitchIn, 125, 3, 2],
  [ProbeEvent.SwitchOut, 200, 3, 1], [ProbeEvent.SwitchIn, 205, 1, 3],
];

describe('taskSwitch', () => {
  it('times every switch from SwitchOut to the next SwitchIn, whichever tasks they name', () => {
    const s = reduceEvents(taskSwitch(), STREAM, TASKS);
    expect([s.count, s.min, s.max, s.mean]).toEqual([3, 5, 30, 20]);
  });

  it("leaves out switches away from the idle task (the tick ISR's exit), keeping the switch to idle", () => {
    const s = reduceEvents(taskSwitch('switches-from-idle'), STREAM, TASKS);
    expect([s.count, s.min, s.max]).toEqual([2, 25, 30]);
  });

  it('leaves out switches from or to the idle task, keeping task-to-task switches only', () => {
    const s = reduceEvents(taskSwitch('idle'), STREAM, TASKS);
    expect([s.count, s.min, s.max]).toEqual([1, 30, 30]);
  });

  it('keeps the first SwitchOut when a second one comes before the SwitchIn, so a span is never shortened', () => {
    const s = reduceEvents(taskSwitch(), [[ProbeEvent.SwitchOut, 10, 0, 1], [ProbeEvent.SwitchOut, 20, 1, 2], [ProbeEvent.SwitchIn, 50, 2, 1]], TASKS);
    expect([s.count, s.max]).toEqual([1, 40]);
  });
});
