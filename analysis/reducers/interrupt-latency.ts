import { ProbeEvent } from '../../hardware/probe.ts';
import type { ReducerFactory } from './reducer.ts';
import type { SpanStats } from './running-stat.ts';
import { SpanReducer } from './span.ts';

/**
 * Interrupt latency in cycles: from a line raised to its handler entered (the hardware entry, plus
 * any masked section it waited out). Every line by default; with `line`, only the interrupt line the
 * kernel booted under that name (e.g. a benchmark's 'irq').
 */
export function interruptLatency(options: { readonly line?: string } = {}): ReducerFactory<SpanStats> {
  return () => {
    const span = new SpanReducer(ProbeEvent.IrqRaised, ProbeEvent.IrqEntered);
    return {
      listener: span,
      booted: (system) => {
        if (options.line === undefined) return;
        span.subject = system.lines.get(options.line);
        if (span.subject === undefined) throw new Error(`interruptLatency: the booted system has no interrupt line "${options.line}"`);
      },
      result: () => span.stat.snapshot(),
    };
  };
}
