/*
 * Fixed-point iteration, the engine of every response-time equation. The caller states the bound
 * beyond which a solution no longer matters (it is then reported as Infinity: not schedulable).
 */

/** Most iterations before giving up; each step of a converging RTA grows by at least one job's cost, so this is generous. */
const MAX_ITERATIONS = 1_000_000;

/**
 * Least solution of x = f(x) at or above `start`, for a non-decreasing f; Infinity once x exceeds
 * `limit` or the safe integers (past 2^53 - 1 the sums in f are rounded, and a rounded "fixed point"
 * would be a wrong number, not a bound). If f(start) <= start, start itself is returned (the callers
 * start at or below the solution).
 */
export function leastFixpoint(f: (x: number) => number, start: number, limit: number): number {
  if (!Number.isSafeInteger(start)) return Infinity;
  let x = start;
  for (let n = 0; n < MAX_ITERATIONS; n++) {
    const next = f(x);
    if (next <= x) return x;
    if (next > limit || !Number.isSafeInteger(next)) return Infinity;
    x = next;
  }
  return Infinity;
}

/** Greatest solution of x = f(x) at or below `start`, for a non-decreasing f, iterating downward (Redell and Sanfridson). */
export function greatestFixpoint(f: (x: number) => number, start: number): number {
  let x = start;
  for (let n = 0; n < MAX_ITERATIONS; n++) {
    const next = f(x);
    if (next >= x) return x;
    x = Math.max(next, 0);
  }
  return x;
}

/** Releases of a task (period T, release jitter J) in a window [0, t): ceil((t + J) / T). */
export function releasesBefore(t: number, periodCycles: number, jitterCycles: number): number {
  return Math.max(0, Math.ceil((t + jitterCycles) / periodCycles));
}

/** Releases in the closed window [0, t]: floor((t + J) / T) + 1 (a release at t still preempts; Bril et al. 2009). */
export function releasesUpTo(t: number, periodCycles: number, jitterCycles: number): number {
  return Math.floor((t + jitterCycles) / periodCycles) + 1;
}
