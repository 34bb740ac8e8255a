import type { CpuTime } from '../../hardware/engine.ts';
import { type ProbeEventType } from '../../hardware/probe.ts';
import { EV_IRQ_ENTERED, EV_IRQ_LEFT, EV_SWITCH_IN, EV_SWITCH_OUT } from '../../hardware/probe-codes.ts';

/*
 * Who the CPU's cycles went to, so far: task code per task, handler code per interrupt line, kernel
 * code, idle. The engine counts cycles by kind (task, kernel, ISR, idle) and has them up to date at
 * every probe event and timer; this ledger gives the task kind to the task switched in and the ISR
 * kind to the handler on top, reading the counters at each switch and interrupt entry or exit. An
 * interrupt's hardware entry runs before its IrqEntered, so ISR cycles with no handler on top wait
 * for the next entry; a nested entry's own entry cycles go to the handler it interrupted.
 */

/** The cumulative cycles at one instant; differences of two give a window. */
export interface LedgerSnapshot {
  /** By task index (the idle task, if the kernel has one, last). */
  readonly tasks: readonly number[];
  /** By interrupt line id. */
  readonly lines: readonly number[];
  /** ISR cycles of an entry still under way (no handler entered yet). */
  readonly isrEntering: number;
  readonly kernel: number;
  readonly idle: number;
}

/** Cumulative cycles per task and per interrupt line, from the engine's counters and the switch and IRQ events. */
export class CycleLedger {
  private readonly tasks: number[] = [];
  private readonly lines: number[] = [];
  private readonly handlers: number[] = [];
  private current = -1;
  private pendingIsr = 0;
  private taskSeen = 0;
  private isrSeen = 0;

  constructor(private readonly cpu: CpuTime) {}

  /** Follows switches and interrupt entries and exits; other events are ignored. */
  onEvent(type: ProbeEventType, subject: number): void {
    if (type === EV_SWITCH_IN) {
      this.flush();
      this.current = subject;
    } else if (type === EV_SWITCH_OUT) {
      this.flush();
      this.current = -1;
    } else if (type === EV_IRQ_ENTERED) {
      this.flush();
      this.lines[subject] = (this.lines[subject] ?? 0) + this.pendingIsr;
      this.pendingIsr = 0;
      this.handlers.push(subject);
    } else if (type === EV_IRQ_LEFT) {
      this.flush();
      this.handlers.pop();
    }
  }

  /** The cumulative cycles now (counters read as of the last event or timer). */
  snapshot(): LedgerSnapshot {
    this.flush();
    return { tasks: [...this.tasks], lines: [...this.lines], isrEntering: this.pendingIsr, kernel: this.cpu.kernel, idle: this.cpu.idle };
  }

  private flush(): void {
    const task = this.cpu.task - this.taskSeen;
    const isr = this.cpu.isr - this.isrSeen;
    this.taskSeen = this.cpu.task;
    this.isrSeen = this.cpu.isr;
    // Task cycles only run while some task is switched in; index 0 takes any before the first switch.
    if (task > 0) this.tasks[Math.max(0, this.current)] = (this.tasks[Math.max(0, this.current)] ?? 0) + task;
    if (isr === 0) return;
    const top = this.handlers.at(-1);
    if (top === undefined) this.pendingIsr += isr;
    else this.lines[top] = (this.lines[top] ?? 0) + isr;
  }
}

/** What ran between two snapshots, by index (0 where absent). */
export function ledgerDelta(from: LedgerSnapshot, to: LedgerSnapshot): LedgerSnapshot {
  const diff = (a: readonly number[], b: readonly number[]): number[] => Array.from({ length: Math.max(a.length, b.length) }, (_, i) => (b[i] ?? 0) - (a[i] ?? 0));
  return { tasks: diff(from.tasks, to.tasks), lines: diff(from.lines, to.lines), isrEntering: to.isrEntering - from.isrEntering, kernel: to.kernel - from.kernel, idle: to.idle - from.idle };
}
