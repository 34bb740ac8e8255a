import { ProbeEvent } from '../../hardware/probe.ts';
import type { ReducerFactory } from './reducer.ts';
import type { SpanStats } from './running-stat.ts';
import { SpanReducer } from './span.ts';

/**
 * Interrupt-disable time: every interval with interrupts masked (MaskOn to MaskOff), in cycles. Its
 * max is the paper's Fig. 1 quantity (TcloseINT + TdoISR + TsaveReg + TstartService).
 */
export function maskedIntervals(): ReducerFactory<SpanStats> {
  return () => {
    const span = new SpanReducer(ProbeEvent.MaskOn, ProbeEvent.MaskOff);
    return { listener: span, result: () => span.stat.snapshot() };
  };
}
