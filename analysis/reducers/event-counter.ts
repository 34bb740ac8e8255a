import type { ProbeEventType, ProbeListener } from '../../hardware/probe.ts';

/** Counts events of each type (a listener for engine tests, which check what the engine emits). */
export class EventCounter implements ProbeListener {
  readonly counts = new Map<ProbeEventType, number>();

  onEvent(type: ProbeEventType): void {
    this.counts.set(type, (this.counts.get(type) ?? 0) + 1);
  }

  /** How many events of `type` were seen. */
  count(type: ProbeEventType): number {
    return this.counts.get(type) ?? 0;
  }
}
