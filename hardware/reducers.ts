import type { ProbeEventType, ProbeListener } from './probe.ts';
import { DOUBLE_FIELD, type Cycles } from './units.ts';

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

  /** Folds another stat into this one (for merging shards). */
  merge(other: RunningStat): void {
    this.count += other.count;
    this.sum += other.sum;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }
}

/** A fixed-width histogram; values past the last bin land in an overflow count. */
export class Histogram {
  readonly bins: number[];
  overflow = 0;

  constructor(
    readonly binWidth: number,
    binCount: number,
  ) {
    if (!(binWidth > 0) || !Number.isInteger(binCount) || binCount < 1) {
      throw new RangeError(`histogram needs binWidth > 0 and a whole binCount >= 1, got ${binWidth}, ${binCount}`);
    }
    this.bins = new Array<number>(binCount).fill(0);
  }

  /** Adds one observation (negative values go to bin 0). */
  add(x: number): void {
    const i = Math.max(0, Math.floor(x / this.binWidth));
    if (i < this.bins.length) this.bins[i] = (this.bins[i] as number) + 1;
    else this.overflow++;
  }
}

/** Counts events of each type. */
export class EventCounter implements ProbeListener {
  readonly counts = new Map<ProbeEventType, number>();

  onEvent(type: ProbeEventType): void {
    this.counts.set(type, (this.counts.get(type) ?? 0) + 1);
  }

  /** How many events of `type` were seen. */
  count(type: ProbeEventType): number {
    return this.counts.get(type) ?? 0;
  }
}

/**
 * Durations between a start event and the next end event of the same subject (IRQ raised ->
 * entered, mask on -> off, job release -> end ...). A second start before the end keeps the first,
 * so a span is never shortened. With `subject`, only that subject's spans are measured.
 */
export class SpanReducer implements ProbeListener {
  readonly stat = new RunningStat();
  readonly histogram: Histogram | undefined;
  /** Start time per subject, NaN when closed; subjects are small integers (lines, task ids). */
  private readonly openSince: number[] = [];
  private readonly onlySubject: number | undefined;

  constructor(
    readonly startType: ProbeEventType,
    readonly endType: ProbeEventType,
    options: { histogram?: { binWidth: number; binCount: number }; subject?: number } = {},
  ) {
    this.onlySubject = options.subject;
    const h = options.histogram;
    this.histogram = h === undefined ? undefined : new Histogram(h.binWidth, h.binCount);
  }

  onEvent(type: ProbeEventType, time: Cycles, subject: number): void {
    if (this.onlySubject !== undefined && subject !== this.onlySubject) return;
    if (type === this.startType) {
      const open = this.openSince[subject];
      if (open === undefined || Number.isNaN(open)) this.openSince[subject] = time;
    } else if (type === this.endType) {
      const start = this.openSince[subject];
      if (start === undefined || Number.isNaN(start)) return;
      this.openSince[subject] = NaN;
      const span = time - start;
      this.stat.add(span);
      this.histogram?.add(span);
    }
  }
}
