import { DOUBLE_FIELD } from './units.ts';

/** Slots the heap starts with; it doubles when full. */
const INITIAL_CAPACITY = 64;

/**
 * The engine's event queue: a binary min-heap ordered by (time, insertion sequence), so events at
 * the same cycle fire in the order they were scheduled. Parallel arrays avoid one allocation per
 * event on the hot path. Times and sequence numbers live in Float64Arrays: they pass 2^31 on long
 * runs, and a plain array would change its element kind mid-run (see DOUBLE_FIELD).
 */
export class EventQueue<T> {
  private times = new Float64Array(INITIAL_CAPACITY);
  private seqs = new Float64Array(INITIAL_CAPACITY);
  private items: (T | undefined)[] = [];
  private count = 0;
  private nextSeq = DOUBLE_FIELD;

  constructor() {
    this.nextSeq = 0;
  }

  /** Number of queued events. */
  get size(): number {
    return this.count;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.count === 0 ? Infinity : (this.times[0] as number);
  }

  /** Queues `item` at `time`. */
  push(time: number, item: T): void {
    if (this.count === this.times.length) this.grow();
    const times = this.times;
    const seqs = this.seqs;
    const items = this.items;
    const seq = this.nextSeq++;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent] as number;
      if (pt < time || (pt === time && (seqs[parent] as number) < seq)) break;
      times[i] = pt;
      seqs[i] = seqs[parent] as number;
      items[i] = items[parent];
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    items[i] = item;
  }

  /** Removes and returns the earliest event; undefined when empty. */
  pop(): T | undefined {
    const n = this.count;
    if (n === 0) return undefined;
    const times = this.times;
    const seqs = this.seqs;
    const items = this.items;
    const top = items[0];
    const size = n - 1;
    this.count = size;
    const lastTime = times[size] as number;
    const lastSeq = seqs[size] as number;
    const lastItem = items[size];
    // The vacated slot must not keep its item alive.
    items[size] = undefined;
    if (size === 0) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) break;
      const right = left + 1;
      let child = left;
      let ct = times[left] as number;
      let cs = seqs[left] as number;
      if (right < size) {
        const rt = times[right] as number;
        const rs = seqs[right] as number;
        if (rt < ct || (rt === ct && rs < cs)) {
          child = right;
          ct = rt;
          cs = rs;
        }
      }
      if (lastTime < ct || (lastTime === ct && lastSeq < cs)) break;
      times[i] = ct;
      seqs[i] = cs;
      items[i] = items[child];
      i = child;
    }
    times[i] = lastTime;
    seqs[i] = lastSeq;
    items[i] = lastItem;
    return top;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    const seqs = new Float64Array(this.seqs.length * 2);
    times.set(this.times);
    seqs.set(this.seqs);
    this.times = times;
    this.seqs = seqs;
  }
}
