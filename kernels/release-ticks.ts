import type { Target } from '../hardware/target.ts';

/**
 * The tick (numbered from 0, the tick at cycle 0) at or after the arrival of job `job` of a task
 * released every `periodUs` from `offsetUs`: where a tick kernel's delay-until releases it. Computed
 * from the arrival itself, never by adding rounded periods, so releases never drift from arrivals:
 * a 62.5 ms period on a 1 ms tick is released 62, 63, 62, 63 ... ticks apart, each within one tick
 * of its arrival. Integer microseconds times an integer tick rate stay exact in a double, so the
 * ceiling is exact.
 */
export function releaseTick(offsetUs: number, periodUs: number, job: number, tickHz: number): number {
  return Math.ceil(((offsetUs + job * periodUs) * tickHz) / 1e6);
}

/** Cycles of one kernel tick on `target` at `tickHz`, rounded to the nearest cycle (the analysis's tick period). */
export function tickPeriodCycles(target: Target, tickHz: number): number {
  return Math.round(target.clockHz / tickHz);
}
