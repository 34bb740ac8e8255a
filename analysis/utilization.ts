/*
 * Exact utilisation comparisons. Summing C / T in floating point can put a set with U exactly 1 on
 * either side of 1; these sums are exact rationals (BigInt numerator and denominator).
 */

/** One source of load: `c` units of work every `t`. */
export interface Load {
  readonly c: number;
  readonly t: number;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a < 0n ? -a : a;
}

/** True when sum c / t <= 1 exactly (integers expected; every t > 0). */
export function utilizationAtMostOne(loads: readonly Load[]): boolean {
  let num = 0n;
  let den = 1n;
  for (const { c, t } of loads) {
    const bc = BigInt(c);
    const bt = BigInt(t);
    num = num * bt + bc * den;
    den *= bt;
    const g = gcd(num, den);
    if (g > 1n) {
      num /= g;
      den /= g;
    }
  }
  return num <= den;
}
