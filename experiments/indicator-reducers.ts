import { ProbeEvent, type ProbeEventType, type ProbeListener } from '../hardware/probe.ts';
import { RunningStat } from '../hardware/reducers.ts';
import type { Cycles } from '../hardware/units.ts';

/*
 * Probe reducers for the kernel micro-benchmarks (Rhealstones, Q/GDW 12180 indicators): each turns
 * the event stream of one benchmark workload into the span that benchmark names.
 */

const SWITCH_IN = ProbeEvent.SwitchIn;
const JOB_RELEASE = ProbeEvent.JobRelease;

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
    } else if (type === SWITCH_IN) {
      const gave = this.awaiting.get(subject);
      if (gave === undefined) return;
      this.stat.add(time - gave);
      this.awaiting.delete(subject);
    }
  }
}

/**
 * Preemption time: from the release of the `high` task to its first instruction, counted only when
 * the task it switched in from is `low` (it preempted the running low task, rather than the idle loop).
 */
export class PreemptionReducer implements ProbeListener {
  readonly stat = new RunningStat();
  private releasedAt = NaN;

  constructor(
    private readonly high: number,
    private readonly low: number,
  ) {}

  onEvent(type: ProbeEventType, time: Cycles, subject: number, data: number): void {
    if (type === JOB_RELEASE && subject === this.high) {
      this.releasedAt = time;
    } else if (type === SWITCH_IN && subject === this.high) {
      if (data === this.low && !Number.isNaN(this.releasedAt)) this.stat.add(time - this.releasedAt);
      this.releasedAt = NaN;
    }
  }
}
