import type { ProbeEventType, ProbeListener } from '../../hardware/probe.ts';
import type { Cycles } from '../../hardware/units.ts';
import { RunningStat } from './running-stat.ts';

/**
 * Durations between a start event and the next end event of the same subject (IRQ raised ->
 * entered, mask on -> off ...). A second start before the end keeps the first, so a span is never
 * shortened. With `subject` set, only that subject's spans are measured.
 */
export class SpanReducer implements ProbeListener {
  readonly stat = new RunningStat();
  /** The one subject measured (e.g. an interrupt line, known once the kernel has booted); every subject when undefined. */
  subject: number | undefined;
  /** Start time per subject, NaN when closed; subjects are small integers (lines, task ids). */
  private readonly openSince: number[] = [];

  constructor(
    readonly startType: ProbeEventType,
    readonly endType: ProbeEventType,
    subject?: number,
  ) {
    this.subject = subject;
  }

  onEvent(type: ProbeEventType, time: Cycles, subject: number): void {
    if (this.subject !== undefined && subject !== this.subject) return;
    if (type === this.startType) {
      const open = this.openSince[subject];
      if (open === undefined || Number.isNaN(open)) this.openSince[subject] = time;
    } else if (type === this.endType) {
      const start = this.openSince[subject];
      if (start === undefined || Number.isNaN(start)) return;
      this.openSince[subject] = NaN;
      this.stat.add(time - start);
    }
  }
}
