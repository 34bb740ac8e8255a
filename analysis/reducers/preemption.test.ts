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

  it('refuses a task the booted system does not have', () => {
    expect(() => reduceEvents(preemption('high', 'low'), [], { taskNames: ['high'] })).toThrow(/no task "low"/);
  });
});
