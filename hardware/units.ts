/**
 * Units. The engine counts time only in integer CPU cycles; microseconds appear at the edges
 * (reports, CLI), converted with the target's clock. Names carry the unit (`switchUs`, `irqOffCycles`).
 */

/** A count of CPU cycles on the simulated target (always an integer). */
export type Cycles = number;

/**
 * What a field that holds a cycle count (or any count that can pass 2^31) is declared with; the
 * constructor then sets its real start value. V8 gives a field the representation of the first
 * value stored in it: a small integer makes it a small-integer field, and the first count past
 * 2^31 (268 s on the AVR at 8 MHz, 10.7 s on the M4) then changes that representation mid-run. V8
 * deprecates the object's shape and deoptimises the code that used it, and objects alive at that
 * moment stay on slow paths: every later engine step cost 3-20 times more. Declared NaN (a double),
 * the field holds doubles from birth, and a large count costs what a small one does.
 */
export const DOUBLE_FIELD: Cycles = NaN;

/** A duration in microseconds, for reports only. */
export type Micros = number;

/** Anything that has a CPU clock. */
export interface Clocked {
  readonly clockHz: number;
}

/** Converts a cycle count to microseconds on the given clock. */
export function cyclesToUs(clock: Clocked, cycles: Cycles): Micros {
  return (cycles * 1e6) / clock.clockHz;
}

/** Converts microseconds to whole cycles (rounded to nearest) on the given clock. */
export function usToCycles(clock: Clocked, us: Micros): Cycles {
  return Math.round((us * clock.clockHz) / 1e6);
}

/** Converts milliseconds to whole cycles (rounded to nearest) on the given clock. */
export function msToCycles(clock: Clocked, ms: number): Cycles {
  return Math.round((ms * clock.clockHz) / 1e3);
}
