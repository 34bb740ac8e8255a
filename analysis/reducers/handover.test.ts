import { describe, expect, it } from 'vitest';
import { ProbeEvent } from '../../hardware/probe.ts';
import { handover } from './handover.ts';
import { reduceEvents } from './test-support.ts';

const TASKS = { taskNames: ['t0', 't1', 't2', 't3'] };

describe('handover', () => {
  it('times a give to the first instruction of the task it was handed to, and ignores takes of objects nobody waited for', () => {
    const s = reduceEvents(handover(ProbeEvent.SemGive, ProbeEvent.SemTake), [
      // Semaphore 0 given at 10 and handed at once to blocked task 3, which switches in at 50: 40.
      [ProbeEvent.SemGive, 10, 0, 1], [ProbeEvent.SemTake, 10, 0, 3], [ProbeEvent.SwitchIn, 50, 3, 1],
      // Semaphore 1 given at 100 with no waiter; task 2 takes it at 130 without blocking: no handover.
      [ProbeEvent.SemGive, 100, 1, 1], [ProbeEvent.SemTake, 130, 1, 2], [ProbeEvent.SwitchIn, 160, 2, 1],
    ], TASKS);
    expect([s.count, s.mean]).toEqual([1, 40]);
  });

  it('with non-blocking receivers (MOS) times the send to the receiver taking it', () => {
    const s = reduceEvents(handover(ProbeEvent.MsgSend, ProbeEvent.MsgReceive, false), [[ProbeEvent.MsgSend, 10, 0, 0], [ProbeEvent.SwitchIn, 25, 1, 0], [ProbeEvent.MsgReceive, 30, 0, 0]], TASKS);
    expect([s.count, s.mean]).toEqual([1, 20]);
  });
});
