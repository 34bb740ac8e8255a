import { type ProbeEventType, type ProbeListener } from '../../hardware/probe.ts';
import type { Cycles } from '../../hardware/units.ts';
import { listening, type ReducerFactory } from './reducer.ts';
import { RunningStat, type SpanStats } from './running-stat.ts';
import { EV_SWITCH_IN } from '../../hardware/probe-codes.ts';

/**
 * Handover latency: from a task's give (SemGive, MsgSend, EventSet; mutexes give with SemGive) to
 * the first instruction of the task that was waiting for it. The core kernels hand the object to a
 * blocked waiter inside the give itself, emitting the waiter's take (SemTake, MsgReceive, EventWait,
 * data = the waiter) at the same instant: the span then ends at that waiter's next SwitchIn. A take
 * at a later instant took an object nobody waited for and is not a handover, except with
 * `receiverBlocks: false` (MOS, whose receive never blocks and whose send posts the receiver), where
 * the span ends at the receiver's take of the object.
 */
export class HandoverReducer implements ProbeListener {
  readonly stat = new RunningStat();
  /** Time of the last give per object. */
  private readonly gaveAt = new Map<number, number>();
  /** Time of the give each waiting task (by index) was handed, until it switches in. */
  private readonly awaiting = new Map<number, number>();

  constructor(
    private readonly give: ProbeEventType,
    private readonly take: ProbeEventType,
    private readonly receiverBlocks = true,
  ) {}

  onEvent(type: ProbeEventType, time: Cycles, subject: number, data: number): void {
    if (type === this.give) {
      this.gaveAt.set(subject, time);
    } else if (type === this.take) {
      const gave = this.gaveAt.get(subject);
      if (gave === undefined) return;
      if (!this.receiverBlocks) {
        this.stat.add(time - gave);
        this.gaveAt.delete(subject);
      } else if (gave === time) {
        this.awaiting.set(data, gave);
        this.gaveAt.delete(subject);
      }
    } else if (type === EV_SWITCH_IN) {
      const gave = this.awaiting.get(subject);
      if (gave === undefined) return;
      this.stat.add(time - gave);
      this.awaiting.delete(subject);
    }
  }
}

/** Handover latencies in cycles, from each `give` to the waiter's first instruction (or its `take`, where receivers never block). */
export function handover(give: ProbeEventType, take: ProbeEventType, receiverBlocks = true): ReducerFactory<SpanStats> {
  return listening(() => new HandoverReducer(give, take, receiverBlocks), (reducer) => reducer.stat.snapshot());
}
