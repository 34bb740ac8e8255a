import { DOUBLE_FIELD } from '../../hardware/units.ts';

/** Running count, sum, min, max and mean of a stream of numbers, in constant memory. */
export class RunningStat {
  count = 0;
  /** Declared as a double: a sum of spans passes 2^31 on long runs (see DOUBLE_FIELD). */
  sum = DOUBLE_FIELD;
  min = Infinity;
  max = -Infinity;

  constructor() {
    this.sum = 0;
  }

  /** Adds one observation. */
  add(x: number): void {
    this.count++;
    this.sum += x;
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
  }

  /** Mean of the observations, NaN when there are none. */
  get mean(): number {
    return this.count === 0 ? NaN : this.sum / this.count;
  }

  /** A plain copy of the figures so far. */
  snapshot(): SpanStats {
    return { count: this.count, min: this.min, mean: this.mean, max: this.max };
  }
}

/** Count, min, mean and max of a set of spans in cycles (min Infinity, mean NaN, max -Infinity when count is 0). */
export interface SpanStats {
  readonly count: number;
  readonly min: number;
  readonly mean: number;
  readonly max: number;
}
