import type { Prng } from './prng.ts';
import type { Cycles } from './units.ts';

/** When an interrupt line fires: data, so a workload file can name it. */
export type IrqSourceSpec =
  /** Every `periodCycles`, or `hz` times a second without drift; first at `offsetCycles`. */
  | { readonly kind: 'periodic'; readonly periodCycles?: Cycles; readonly hz?: number; readonly offsetCycles?: Cycles }
  /** At least `minInterArrivalCycles` apart, plus a seeded uniform extra of up to `maxExtraCycles`. */
  | { readonly kind: 'sporadic'; readonly minInterArrivalCycles: Cycles; readonly maxExtraCycles: Cycles; readonly offsetCycles?: Cycles }
  /** Seeded exponential inter-arrival times (a Poisson stream), at least one cycle apart. */
  | { readonly kind: 'random'; readonly meanInterArrivalCycles: Cycles; readonly offsetCycles?: Cycles }
  /** Never fires on its own: raised by software (`engine.raise`). */
  | { readonly kind: 'manual' };

/** Yields the firing times of a source, one at a time, in increasing order. */
export interface ArrivalClock {
  /** The time of the next firing after the previous one (the first call gives the first firing). */
  next(): Cycles;
}

function wholeAtLeast(name: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`irq source: ${name} must be a whole number >= ${min}, got ${value}`);
  }
}

/** Builds the arrival clock of a source; `undefined` for a manual source. */
export function arrivalClock(spec: IrqSourceSpec, clockHz: number, rng: Prng): ArrivalClock | undefined {
  if (spec.kind === 'manual') return undefined;
  const offset = spec.offsetCycles ?? 0;
  wholeAtLeast('offsetCycles', offset, 0);
  switch (spec.kind) {
    case 'periodic': {
      // The k-th firing at offset + floor(k * num / den): exact for a cycle period, drift-free for Hz.
      let num: number;
      let den: number;
      if (spec.periodCycles !== undefined) {
        wholeAtLeast('periodCycles', spec.periodCycles, 1);
        num = spec.periodCycles;
        den = 1;
      } else if (spec.hz !== undefined && spec.hz > 0 && spec.hz <= clockHz) {
        num = clockHz;
        den = spec.hz;
      } else {
        throw new RangeError(`irq source: a periodic source needs periodCycles >= 1 or 0 < hz <= clockHz (${clockHz})`);
      }
      let k = 0;
      return { next: () => offset + Math.floor((k++ * num) / den) };
    }
    case 'sporadic': {
      wholeAtLeast('minInterArrivalCycles', spec.minInterArrivalCycles, 1);
      wholeAtLeast('maxExtraCycles', spec.maxExtraCycles, 0);
      let t: number | undefined;
      return {
        next: () => {
          t = t === undefined ? offset : t + spec.minInterArrivalCycles + rng.intBetween(0, spec.maxExtraCycles);
          return t;
        },
      };
    }
    case 'random': {
      if (!(spec.meanInterArrivalCycles >= 1)) {
        throw new RangeError(`irq source: meanInterArrivalCycles must be >= 1, got ${spec.meanInterArrivalCycles}`);
      }
      let t = offset;
      return {
        next: () => {
          t += Math.max(1, Math.round(rng.exponential(spec.meanInterArrivalCycles)));
          return t;
        },
      };
    }
  }
}
