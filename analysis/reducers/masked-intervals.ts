import { ProbeEvent } from '../../hardware/probe.ts';
import { listening, type ReducerFactory } from './reducer.ts';
import type { SpanStats } from './running-stat.ts';
import { SpanReducer } from './span.ts';

/**
 * Interrupt-disable time: every interval with interrupts masked (MaskOn to MaskOff), in cycles. Its
 * max is the paper's Fig. 1 quantity (TcloseINT + TdoISR + TsaveReg + TstartService).
 */
export function maskedIntervals(): ReducerFactory<SpanStats> {
  return listening(() => new SpanReducer(ProbeEvent.MaskOn, ProbeEvent.MaskOff), (span) => span.stat.snapshot());
}
