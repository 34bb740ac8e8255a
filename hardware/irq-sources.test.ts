import { describe, expect, it } from 'vitest';
import { arrivalClock, type ArrivalClock } from './irq-sources.ts';
import { Prng } from './prng.ts';

/** The first `n` firings of `clock`. */
function firings(clock: ArrivalClock, n: number): number[] {
  return Array.from({ length: n }, () => clock.next());
}

/** offset + floor(k * clockHz / hz) in exact integer arithmetic, the reference for a periodic source. */
function exactFiring(offset: number, clockHz: number, hz: number, k: bigint): number {
  return offset + Number((k * BigInt(clockHz)) / BigInt(hz));
}

describe('a periodic source given in Hz', () => {
  it('fires at offset + floor(k * clockHz / hz), without drift, for rates that do and do not divide the clock', () => {
    for (const [clockHz, hz, offset] of [
      [8_000_000, 1000, 0],
      [8_000_000, 3, 17],
      [168_000_000, 1024, 5],
      [200_000_000, 7, 0],
    ] as const) {
      const clock = arrivalClock({ kind: 'periodic', hz, offsetCycles: offset }, clockHz, new Prng(1)) as ArrivalClock;
      const got = firings(clock, 5000);
      got.forEach((t, k) => expect(t, `${clockHz}/${hz} firing ${k}`).toBe(exactFiring(offset, clockHz, hz, BigInt(k))));
    }
  });

  it('keeps a rate that is not a whole number of Hz on the rounded formula', () => {
    const clock = arrivalClock({ kind: 'periodic', hz: 2.5 }, 1000, new Prng(1)) as ArrivalClock;
    expect(firings(clock, 4)).toEqual([0, 400, 800, 1200]);
  });
});
