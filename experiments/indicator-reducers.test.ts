import { describe, expect, it } from 'vitest';
import { ProbeEvent, type ProbeEventType, type ProbeListener } from '../hardware/probe.ts';
import { HandoverReducer, PreemptionReducer } from './indicator-reducers.ts';

type Event = [ProbeEventType, number, number, number];

function feed(r: ProbeListener, events: readonly Event[]): void {
  for (const [type, time, subject, data] of events) r.onEvent(type, time, subject, data);
}

describe('HandoverReducer', () => {
  it('times a give to the first instruction of the task it was handed to, and ignores takes of objects nobody waited for', () => {
    const r = new HandoverReducer(ProbeEvent.SemGive, ProbeEvent.SemTake);
    feed(r, [
      // Semaphore 0 given at 10 and handed at once to blocked task 3, which switches in at 50: 40.
      [ProbeEvent.SemGive, 10, 0, 1], [ProbeEvent.SemTake, 10, 0, 3], [ProbeEvent.SwitchIn, 50, 3, 1],
      // Semaphore 1 given at 100 with no waiter; task 2 takes it at 130 without blocking: no handover.
      [ProbeEvent.SemGive, 100, 1, 1], [ProbeEvent.SemTake, 130, 1, 2], [ProbeEvent.SwitchIn, 160, 2, 1],
    ]);
    expect([r.stat.count, r.stat.mean]).toEqual([1, 40]);
  });

  it('with non-blocking receivers (MOS) times the send to the receiver taking it', () => {
    const r = new HandoverReducer(ProbeEvent.MsgSend, ProbeEvent.MsgReceive, false);
    feed(r, [[ProbeEvent.MsgSend, 10, 0, 0], [ProbeEvent.SwitchIn, 25, 1, 0], [ProbeEvent.MsgReceive, 30, 0, 0]]);
    expect([r.stat.count, r.stat.mean]).toEqual([1, 20]);
  });
});

describe('PreemptionReducer', () => {
  it('times release to switch-in of the high task only when it preempted the low one', () => {
    const r = new PreemptionReducer(0, 1);
    feed(r, [
      // Released at 100 while low (1) ran, in at 130: 30. Released at 200 while idle (2) ran: left out.
      [ProbeEvent.JobRelease, 100, 0, 100], [ProbeEvent.SwitchIn, 130, 0, 1],
      [ProbeEvent.JobRelease, 200, 0, 200], [ProbeEvent.SwitchIn, 220, 0, 2],
    ]);
    expect([r.stat.count, r.stat.mean]).toEqual([1, 30]);
  });
});
