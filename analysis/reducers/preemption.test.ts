import { describe, expect, it } from 'vitest';
import { ProbeEvent } from '../../hardware/probe.ts';
import { preemption } from './preemption.ts';
import { reduceEvents } from './test-support.ts';

describe('preemption', () => {
  it('times release to switch-in of the high task only when it preempted the low one', () => {
    // Tasks by name: high is 0, low is 1, and the idle task is 2.
    const s = reduceEvents(preemption('high', 'low'), [
      // Released at 100 while low (1) ran, in at 130: 30. Released at 200 while idle (2) ran: left out.
      [ProbeEvent.JobRelease, 100, 0, 100], [ProbeEvent.SwitchIn, 130, 0, 1],
      [ProbeEvent.JobRelease, 200, 0, 200], [ProbeEvent.SwitchIn, 220, 0, 2],
    ], { taskNames: ['high', 'low'] });
    expect([s.count, s.mean]).toEqual([1, 30]);
  });

  it('does not time a job of the high task lost before it ran against the relaunch\'s switch-in', () => {
    // Released at 100, lost at 110 (its APP suspended); relaunched and switched in from low at 500
    // with no release of its own: nothing to time. Released at 600, in from low at 620: 20.
    const s = reduceEvents(preemption('high', 'low'), [
      [ProbeEvent.JobRelease, 100, 0, 100], [ProbeEvent.JobLost, 110, 0, 100], [ProbeEvent.SwitchIn, 500, 0, 1],
      [ProbeEvent.JobRelease, 600, 0, 600], [ProbeEvent.SwitchIn, 620, 0, 1],
    ], { taskNames: ['high', 'low'] });
    expect([s.count, s.mean]).toEqual([1, 20]);
  });

  it('refuses a task the booted system does not have', () => {
    expect(() => reduceEvents(preemption('high', 'low'), [], { taskNames: ['high'] })).toThrow(/no task "low"/);
  });
});
