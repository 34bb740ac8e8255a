/** How far the model may sit from compiled code before the calibration test fails (the fidelity issue's bounds). */
export const CYCLE_TOLERANCE = 0.2;
/** The same for code bytes, per path and target. */
export const BYTE_TOLERANCE = 0.25;

/** True when `model` is within `tolerance` (a fraction) of `compiled`. */
export function within(model: number, compiled: number, tolerance: number): boolean {
  return Math.abs(model - compiled) <= tolerance * compiled;
}
