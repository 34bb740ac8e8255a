import { ProbeEvent, type ProbeEventType, type ProbeListener } from '../hardware/probe.ts';
import { RunningStat } from '../hardware/reducers.ts';
import type { Cycles } from '../hardware/units.ts';

const SWITCH_OUT = ProbeEvent.SwitchOut;
const SWITCH_IN = ProbeEvent.SwitchIn;

/**
 * Task-switch times from the probe: each SwitchOut to the next SwitchIn, whatever the subjects
 * (the outgoing and incoming tasks differ, so the hardware SpanReducer, which pairs by subject,
 * does not fit). A SwitchOut that another SwitchOut follows first keeps the earlier start. With
 * `ignore` (e.g. the idle task's index), switches from or to that task are left out.
 */
export class SwitchSpanReducer implements ProbeListener {
  readonly stat = new RunningStat();
  private since = NaN;

  constructor(private readonly ignore?: number) {}

  onEvent(type: ProbeEventType, time: Cycles, subject: number, data: number): void {
    if (type === SWITCH_OUT) {
      if (subject === this.ignore || data === this.ignore) this.since = NaN;
      else if (Number.isNaN(this.since)) this.since = time;
    } else if (type === SWITCH_IN && !Number.isNaN(this.since)) {
      this.stat.add(time - this.since);
      this.since = NaN;
    }
  }
}
