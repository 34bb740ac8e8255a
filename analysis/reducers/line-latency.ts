import { type ProbeEventType, type ProbeListener } from '../../hardware/probe.ts';
import { EV_IRQ_ENTERED, EV_IRQ_RAISED } from '../../hardware/probe-codes.ts';
import type { Cycles } from '../../hardware/units.ts';
import type { ReducerFactory } from './reducer.ts';
import { RunningStat, type SpanStats } from './running-stat.ts';

/** One interrupt line's latency: raised to its handler entered, in cycles. */
export interface LineLatency {
  readonly line: string;
  readonly stats: SpanStats;
}

/** Per interrupt line (by id), the span from IrqRaised to IrqEntered; a line raised again while pending keeps its first raise. */
export class LineLatencyReducer implements ProbeListener {
  private readonly raisedAt: number[] = [];
  readonly stats: RunningStat[] = [];

  onEvent(type: ProbeEventType, time: Cycles, subject: number): void {
    if (type === EV_IRQ_RAISED) {
      const open = this.raisedAt[subject];
      if (open === undefined || Number.isNaN(open)) this.raisedAt[subject] = time;
    } else if (type === EV_IRQ_ENTERED) {
      const raised = this.raisedAt[subject];
      if (raised === undefined || Number.isNaN(raised)) return;
      this.raisedAt[subject] = NaN;
      (this.stats[subject] ??= new RunningStat()).add(time - raised);
    }
  }
}

/** Interrupt latency per line that was entered at least once, named as the kernel booted it ('tick', I/O lines, 'release:<task>'), in line id order. */
export function lineLatency(): ReducerFactory<LineLatency[]> {
  return () => {
    const reducer = new LineLatencyReducer();
    return {
      listener: reducer,
      result: (end) => {
        const rows: LineLatency[] = [];
        for (const [line, id] of [...end.lines].sort(([, a], [, b]) => a - b)) {
          const stat = reducer.stats[id];
          if (stat !== undefined) rows.push({ line, stats: stat.snapshot() });
        }
        return rows;
      },
    };
  };
}
