import { ProbeEvent, type ProbeEventType, type ProbeListener } from '../hardware/probe.ts';
import { RunningStat } from '../hardware/reducers.ts';
import type { Cycles } from '../hardware/units.ts';

/**
 * Task-switch times from the probe: each SwitchOut to the next SwitchIn, whatever the subjects
 * (the outgoing and incoming tasks differ, so the hardware SpanReducer, which pairs by subject,
 * does not fit). A SwitchOut that another SwitchOut follows first keeps the earlier start.
 */
export class SwitchSpanReducer implements ProbeListener {
  readonly stat = new RunningStat();
  private since = NaN;

  onEvent(type: ProbeEventType, time: Cycles): void {
    if (type === ProbeEvent.SwitchOut) {
      if (Number.isNaN(this.since)) this.since = time;
    } else if (type === ProbeEvent.SwitchIn && !Number.isNaN(this.since)) {
      this.stat.add(time - this.since);
      this.since = NaN;
    }
  }
}
