import { describe, expect, it } from 'vitest';
import { ProbeEvent } from '../../hardware/probe.ts';
import { interruptLatency } from './interrupt-latency.ts';
import { maskedIntervals } from './masked-intervals.ts';
import { reduceEvents, type TestEvent } from './test-support.ts';

// Line 0 ('tick') raised at 0, entered at 12 (latency 12); line 1 ('irq') raised at 5, entered at
// 40 after the tick's handler (35), and raised again at 100, entered at 104 (4).
const STREAM: readonly TestEvent[] = [
  [ProbeEvent.IrqRaised, 0, 0, 0], [ProbeEvent.IrqRaised, 5, 1, 0], [ProbeEvent.IrqEntered, 12, 0, 0], [ProbeEvent.IrqEntered, 40, 1, 0],
  [ProbeEvent.IrqRaised, 100, 1, 0], [ProbeEvent.IrqEntered, 104, 1, 0],
];
const SYSTEM = { taskNames: [], lines: new Map([['tick', 0], ['irq', 1]]) };

describe('interruptLatency', () => {
  it('pairs each raise with the entry of the same line, on every line', () => {
    const s = reduceEvents(interruptLatency(), STREAM, SYSTEM);
    expect([s.count, s.min, s.max, s.mean]).toEqual([3, 4, 35, 17]);
  });

  it('measures only the line named, once the booted system gives its id', () => {
    const s = reduceEvents(interruptLatency({ line: 'irq' }), STREAM, SYSTEM);
    expect([s.count, s.min, s.max, s.mean]).toEqual([2, 4, 35, 19.5]);
    expect(() => reduceEvents(interruptLatency({ line: 'uart' }), STREAM, SYSTEM)).toThrow(/no interrupt line "uart"/);
  });
});

describe('maskedIntervals', () => {
  it('keeps the first MaskOn of a nested pair, so a masked interval is never shortened', () => {
    const s = reduceEvents(maskedIntervals(), [[ProbeEvent.MaskOn, 10, 0, 0], [ProbeEvent.MaskOn, 20, 0, 0], [ProbeEvent.MaskOff, 50, 0, 0]], SYSTEM);
    expect([s.count, s.max]).toEqual([1, 40]);
  });
});
