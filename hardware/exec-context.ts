import type { Cycles } from './units.ts';

/** What the CPU is doing during a segment, for the task / kernel / ISR / idle split of CPU time. */
export const SegmentKind = { Task: 0, Kernel: 1, Isr: 2 } as const;

/** The code of a segment kind. */
export type SegmentKind = (typeof SegmentKind)[keyof typeof SegmentKind];

/**
 * A stretch of execution. Unmasked segments can be interrupted at any cycle (the remaining cycles
 * stay queued); a masked segment is atomic: interrupts raised inside it wait until it ends.
 * `then` runs when the segment completes, which is where kernels change state and queue what follows.
 */
export interface Segment {
  /** Cycles still to execute; the engine decrements it when the segment is interrupted. */
  cycles: Cycles;
  readonly masked: boolean;
  readonly kind: SegmentKind;
  readonly then: (() => void) | undefined;
}

/**
 * A thread of execution: a task's context or an ISR's. It holds the segments still to run, in
 * order; when a task is switched out its queue simply waits here until it is switched in again.
 */
export class ExecContext {
  private segments: Segment[] = [];
  private head = 0;

  constructor(
    readonly id: number,
    readonly name: string,
  ) {}

  /** Queues `cycles` of execution; zero-cycle segments still run their `then`. */
  run(cycles: Cycles, kind: SegmentKind, masked: boolean, then?: () => void): void {
    if (!Number.isInteger(cycles) || cycles < 0) {
      throw new RangeError(`${this.name}: a segment needs a whole number of cycles >= 0, got ${cycles}`);
    }
    this.segments.push({ cycles, masked, kind, then });
  }

  /** The segment to execute next, if any. */
  peek(): Segment | undefined {
    return this.segments[this.head];
  }

  /** Drops the head segment (the engine calls this when it completes). */
  shift(): void {
    this.segments[this.head] = undefined as unknown as Segment;
    this.head++;
    // Compact only once the consumed prefix dominates, not on every drain (truncating is costly).
    if (this.head >= 32 && this.head * 2 >= this.segments.length) {
      this.segments.splice(0, this.head);
      this.head = 0;
    }
  }

  /** True when nothing is queued. */
  get isEmpty(): boolean {
    return this.head === this.segments.length;
  }


  /** Cycles still queued. */
  pendingCycles(): Cycles {
    let sum = 0;
    for (let i = this.head; i < this.segments.length; i++) sum += (this.segments[i] as Segment).cycles;
    return sum;
  }

  /** Discards everything queued (a deleted task). */
  clear(): void {
    this.segments.length = 0;
    this.head = 0;
  }
}
