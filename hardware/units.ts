/**
 * Units. The engine counts time only in integer CPU cycles; microseconds appear at the edges
 * (reports, CLI), converted with the target's clock. Names carry the unit (`switchUs`, `irqOffCycles`).
 */

/** A count of CPU cycles on the simulated target (always an integer). */
export type Cycles = number;

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
