import { DOUBLE_FIELD, type Cycles } from './units.ts';

/** What the CPU is doing during a segment, for the task / kernel / ISR / idle split of CPU time. */
export const SegmentKind = { Task: 0, Kernel: 1, Isr: 2 } as const;

/** The code of a segment kind. */
export type SegmentKind = (typeof SegmentKind)[keyof typeof SegmentKind];

/** Slots a context's queue starts with (a power of two); it doubles when full. Kernels queue two or three. */
const INITIAL_SLOTS = 4;

/** The stretch list of every segment that has never had a schedule: never written to. */
const NO_STRETCHES: Cycles[] = [];

/**
 * Stretches that are a mask schedule by construction: each has a whole number of cycles > 0 and
 * the masks alternate (kernels/core's SegmentPlan, which merges neighbours of one mask and drops
 * empty parts). A context queues one without checking it (`ExecContext.runSchedule`).
 */
export interface MaskSchedule {
  readonly length: number;
  readonly cycles: readonly Cycles[];
  readonly masked: readonly boolean[];
  /** The sum of the stretches. */
  total(): Cycles;
  /** Gives up its stretch array and takes `spare` (its contents are stale) in its place, leaving the schedule empty. */
  handOver(spare: Cycles[]): Cycles[];
}

/**
 * A stretch of execution. Unmasked segments can be interrupted at any cycle (the remaining cycles
 * stay queued); a masked segment is atomic: interrupts raised inside it wait until it ends.
 * `then` runs when the segment completes, which is where kernels change state and queue what follows.
 * Segment objects belong to their context and are reused once completed: hold one only while it
 * is the head.
 */
export class Segment {
  /** Cycles still to execute; the engine decrements it when the segment is interrupted. */
  cycles: Cycles = DOUBLE_FIELD;
  /** The mask of the stretch running now (of the whole segment when it has no schedule). */
  masked = false;
  kind: SegmentKind = SegmentKind.Task;
  then: (() => void) | undefined = undefined;
  /**
   * A mask schedule: the segment is `stretchCount` stretches of `stretches[i]` cycles whose mask
   * alternates, starting with `masked`; `stretch` is the one running now. 0 stretches: one stretch,
   * the whole segment. The engine runs a scheduled segment as one event when nothing can enter
   * between its stretches, and stretch by stretch, at the exact cycles, otherwise.
   */
  stretchCount = 0;
  stretch = 0;
  /** The schedule's stretch lengths; shared and empty until the segment first carries a schedule (most never do). */
  stretches: Cycles[] = NO_STRETCHES;

  /** Whether the last stretch runs masked. */
  lastMasked(): boolean {
    return this.stretchCount === 0 || (this.stretchCount - 1 - this.stretch) % 2 === 0 ? this.masked : !this.masked;
  }
}

/**
 * A thread of execution: a task's context or an ISR's. It holds the segments still to run, in
 * order; when a task is switched out its queue simply waits here until it is switched in again.
 *
 * Segments that nothing can tell apart from one are queued as one: a segment without `then`
 * followed by one of the same kind and mask state. Nothing runs at the boundary between them, the
 * mask does not change there, and the CPU time lands in the same account; an interrupt raised
 * inside is taken at the same cycle either way (at once when unmasked, at the end of the masked
 * stretch otherwise). The follower must have cycles: a zero-cycle segment lets events due at its
 * cycle fire before its `then`, which merging would reorder.
 */
export class ExecContext {
  /** A ring of reusable segments: `count` queued from `head`, the other slots free. */
  private ring: Segment[] = [];
  private head = 0;
  private count = 0;
  private slotMask = INITIAL_SLOTS - 1;

  constructor(
    readonly id: number,
    readonly name: string,
    /**
     * Every segment runs with interrupts masked whatever it asks for: an ISR on an engine without
     * nesting. Its masked and unmasked stretches are then one atomic stretch, and merge.
     */
    readonly alwaysMasked = false,
  ) {
    for (let i = 0; i < INITIAL_SLOTS; i++) this.ring.push(new Segment());
  }

  /** Queues `cycles` of execution; zero-cycle segments still run their `then`. */
  run(cycles: Cycles, kind: SegmentKind, masked: boolean, then?: () => void): void {
    if (!Number.isInteger(cycles) || cycles < 0) {
      throw new RangeError(`${this.name}: a segment needs a whole number of cycles >= 0, got ${cycles}`);
    }
    const mask = masked || this.alwaysMasked;
    if (this.count > 0 && cycles > 0) {
      const tail = this.ring[(this.head + this.count - 1) & this.slotMask] as Segment;
      if (tail.then === undefined && tail.kind === kind && tail.lastMasked() === mask) {
        tail.cycles += cycles;
        if (tail.stretchCount > 0) tail.stretches[tail.stretchCount - 1] = (tail.stretches[tail.stretchCount - 1] as Cycles) + cycles;
        tail.then = then;
        return;
      }
    }
    const seg = this.append();
    seg.cycles = cycles;
    seg.masked = mask;
    seg.kind = kind;
    seg.then = then;
  }

  /**
   * Runs `then` where the code queued last ends, for work that takes no cycles of its own (an
   * output pin toggled on the zero-cost machine): as the continuation of the queued tail when it
   * has none and is of the same kind and mask, so nothing can come between the two; at once when
   * nothing is queued (the caller is then the continuation of the segment that just ended, at its
   * last cycle). Otherwise as `run(0, ...)`, a zero-cycle segment that lets events due at its cycle
   * fire first.
   */
  runAtEnd(kind: SegmentKind, masked: boolean, then: () => void): void {
    if (this.count === 0) {
      then();
      return;
    }
    const tail = this.ring[(this.head + this.count - 1) & this.slotMask] as Segment;
    if (tail.then === undefined && tail.kind === kind && tail.lastMasked() === (masked || this.alwaysMasked)) {
      tail.then = then;
      return;
    }
    this.run(0, kind, masked, then);
  }

  /**
   * Queues `length` stretches of `cycles[i]` with mask `masked[i]`, then `then`: the same execution
   * as one `run` per stretch, queued as one segment with a mask schedule where that is exact (every
   * stretch has cycles and the masks alternate, as in a per-TCB walk with a short critical section
   * per task). Otherwise it queues one `run` per stretch.
   */
  runStretches(cycles: readonly Cycles[], masked: readonly boolean[], length: number, kind: SegmentKind, then?: () => void): void {
    if (!this.isSchedule(cycles, masked, length)) {
      for (let i = 0; i < length; i++) this.run(cycles[i] as Cycles, kind, masked[i] as boolean, i === length - 1 ? then : undefined);
      return;
    }
    // The first stretch would merge into a queued tail that ends with its mask: queue it that way.
    let from = 0;
    if (this.mergesIntoTail(kind, masked[0] as boolean)) {
      this.run(cycles[0] as Cycles, kind, masked[0] as boolean);
      from = 1;
    }
    if (length - from < 2) {
      for (let i = from; i < length; i++) this.run(cycles[i] as Cycles, kind, masked[i] as boolean, i === length - 1 ? then : undefined);
      return;
    }
    const seg = this.append();
    if (seg.stretches === NO_STRETCHES) seg.stretches = [];
    let total = 0;
    for (let i = from; i < length; i++) {
      seg.stretches[i - from] = cycles[i] as Cycles;
      total += cycles[i] as Cycles;
    }
    this.fill(seg, total, masked[from] as boolean, length - from, kind, then);
  }

  /**
   * Queues `schedule` and then `then`, as `runStretches` would, without checking the stretches (the
   * schedule vouches for them) or copying them: the segment takes the schedule's stretch array and
   * gives it a spare one, so the next schedule is written where no queued segment reads. Where the
   * schedule cannot be one segment as it stands (one stretch, a context that masks everything, a
   * first stretch that merges into the queued tail), it goes the checked way and leaves the
   * schedule as it was: its owner resets it before planning the next.
   */
  runSchedule(schedule: MaskSchedule, kind: SegmentKind, then?: () => void): void {
    const length = schedule.length;
    const firstMasked = schedule.masked[0] as boolean;
    const total = schedule.total();
    // A whole sum is the cheap guard against a fractional stretch; the checked path names it.
    if (this.alwaysMasked || length < 2 || !Number.isInteger(total) || this.mergesIntoTail(kind, firstMasked)) {
      this.runStretches(schedule.cycles, schedule.masked, length, kind, then);
      return;
    }
    const seg = this.append();
    seg.stretches = schedule.handOver(seg.stretches === NO_STRETCHES ? [] : seg.stretches);
    this.fill(seg, total, firstMasked, length, kind, then);
  }

  /** Sets a scheduled segment whose `stretches` hold its `count` stretch lengths. */
  private fill(seg: Segment, total: Cycles, firstMasked: boolean, count: number, kind: SegmentKind, then: (() => void) | undefined): void {
    seg.cycles = total;
    seg.masked = firstMasked;
    seg.kind = kind;
    seg.then = then;
    seg.stretch = 0;
    seg.stretchCount = count;
  }

  /** Whether a stretch of `kind` and mask `masked` would merge into the queued tail (see `run`). */
  private mergesIntoTail(kind: SegmentKind, masked: boolean): boolean {
    if (this.count === 0) return false;
    const tail = this.ring[(this.head + this.count - 1) & this.slotMask] as Segment;
    return tail.then === undefined && tail.kind === kind && tail.lastMasked() === masked;
  }

  /** Whether the stretches can be one scheduled segment: at least two, each with cycles, masks alternating, on a context that honours masks. */
  private isSchedule(cycles: readonly Cycles[], masked: readonly boolean[], length: number): boolean {
    if (this.alwaysMasked || length < 2) return false;
    for (let i = 0; i < length; i++) {
      const c = cycles[i] as Cycles;
      if (!Number.isInteger(c) || c <= 0) return false;
      if (i > 0 && masked[i] === masked[i - 1]) return false;
    }
    return true;
  }

  /** A free slot at the end of the queue, counted as queued. */
  private append(): Segment {
    if (this.count === this.ring.length) this.grow();
    const seg = this.ring[(this.head + this.count) & this.slotMask] as Segment;
    this.count++;
    return seg;
  }

  /** The segment to execute next, if any. */
  peek(): Segment | undefined {
    return this.count === 0 ? undefined : this.ring[this.head];
  }

  /** Drops the head segment (the engine calls this when it completes); its object is reused. */
  shift(): void {
    const seg = this.ring[this.head] as Segment;
    seg.then = undefined;
    seg.stretchCount = 0;
    this.head = (this.head + 1) & this.slotMask;
    this.count--;
  }

  /** How many segments are queued. */
  get length(): number {
    return this.count;
  }

  /** True when nothing is queued. */
  get isEmpty(): boolean {
    return this.count === 0;
  }

  /** Cycles still queued. */
  pendingCycles(): Cycles {
    let sum = 0;
    for (let i = 0; i < this.count; i++) sum += (this.ring[(this.head + i) & this.slotMask] as Segment).cycles;
    return sum;
  }

  /** Discards everything queued (a deleted task). */
  clear(): void {
    for (let i = 0; i < this.count; i++) {
      const seg = this.ring[(this.head + i) & this.slotMask] as Segment;
      seg.then = undefined;
      seg.stretchCount = 0;
    }
    this.head = 0;
    this.count = 0;
  }

  /** Doubles the ring, keeping the queued segments in order from slot 0. */
  private grow(): void {
    const size = this.ring.length;
    const ring: Segment[] = [];
    for (let i = 0; i < size; i++) ring.push(this.ring[(this.head + i) & this.slotMask] as Segment);
    for (let i = 0; i < size; i++) ring.push(new Segment());
    this.ring = ring;
    this.head = 0;
    this.slotMask = size * 2 - 1;
  }
}
