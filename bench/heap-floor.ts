import { EventQueue } from '../hardware/event-queue.ts';

/** Push+pop pairs per call of `heapLoop`. */
export const HEAP_LOOP_EVENTS = 20_000;

/**
 * The bare heap loop: 64 pending events, each popped and pushed back later, `HEAP_LOOP_EVENTS`
 * times. One push+pop is the floor any event-driven engine pays per step; the benches quote engine
 * steps against it. Returns the last time so the loop cannot be optimised away.
 */
export function heapLoop(): number {
  const q = new EventQueue<number>();
  let t = 0;
  for (let i = 0; i < 64; i++) q.push(i * 97, i);
  for (let i = 0; i < HEAP_LOOP_EVENTS; i++) {
    t = q.peekTime();
    const item = q.pop() as number;
    q.push(t + 1000 + (item % 7), item);
  }
  return t;
}
