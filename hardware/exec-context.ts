import { DOUBLE_FIELD, type Cycles } from './units.ts';

/** What the CPU is doing during a segment, for the task / kernel / ISR / idle split of CPU time. */
export const SegmentKind = { Task: 0, Kernel: 1, Isr: 2 } as const;

/** The code of a segment kind. */
export type SegmentKind = (typeof SegmentKind)[keyof typeof SegmentKind];

/** Slots a context's queue starts with (a power of two); it doubles when full. Kernels queue two or three. */
const INITIAL_SLOTS = 4;

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
  masked = false;
  kind: SegmentKind = SegmentKind.Task;
  then: (() => void) | undefined = undefined;
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
      if (tail.then === undefined && tail.kind === kind && tail.masked === mask) {
        tail.cycles += cycles;
        tail.then = then;
        return;
      }
    }
    if (this.count === this.ring.length) this.grow();
    const seg = this.ring[(this.head + this.count) & this.slotMask] as Segment;
    seg.cycles = cycles;
    seg.masked = mask;
    seg.kind = kind;
    seg.then = then;
    this.count++;
  }

  /** The segment to execute next, if any. */
  peek(): Segment | undefined {
    return this.count === 0 ? undefined : this.ring[this.head];
  }

  /** Drops the head segment (the engine calls this when it completes); its object is reused. */
  shift(): void {
    const seg = this.ring[this.head] as Segment;
    seg.then = undefined;
    this.head = (this.head + 1) & this.slotMask;
    this.count--;
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
    for (let i = 0; i < this.count; i++) (this.ring[(this.head + i) & this.slotMask] as Segment).then = undefined;
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
