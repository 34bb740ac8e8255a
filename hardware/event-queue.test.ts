import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue.ts';

describe('EventQueue', () => {
  it('pops in (time, insertion order), like a stable sort', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }), (times) => {
        const q = new EventQueue<number>();
        times.forEach((t, i) => q.push(t, i));
        const popped: number[] = [];
        for (let item = q.pop(); item !== undefined; item = q.pop()) popped.push(item);
        const expected = times.map((t, i) => ({ t, i })).sort((a, b) => a.t - b.t || a.i - b.i).map((x) => x.i);
        expect(popped).toEqual(expected);
      }),
    );
  });

  it('stays ordered when pushes and pops interleave', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 50 })), { maxLength: 300 }), (ops) => {
        const q = new EventQueue<number>();
        const model: { t: number; i: number }[] = [];
        ops.forEach((op, i) => {
          if (op === null) {
            model.sort((a, b) => a.t - b.t || a.i - b.i);
            expect(q.pop()).toBe(model.shift()?.i);
          } else {
            q.push(op, i);
            model.push({ t: op, i });
          }
        });
        expect(q.size).toBe(model.length);
      }),
    );
  });

  it('orders times past 2^31 cycles as exactly as small ones, past its first slots too', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 100, maxLength: 300 }), (offsets) => {
        const q = new EventQueue<number>();
        // Neighbouring cycles just past 2^32: a 32-bit (or float32) store would merge or reorder them.
        offsets.forEach((d, i) => q.push(2 ** 32 + d, i));
        const popped: number[] = [];
        const times: number[] = [];
        while (q.size > 0) {
          times.push(q.peekTime());
          popped.push(q.pop() as number);
        }
        const expected = offsets.map((d, i) => ({ d, i })).sort((a, b) => a.d - b.d || a.i - b.i);
        expect(popped).toEqual(expected.map((x) => x.i));
        expect(times).toEqual(expected.map((x) => 2 ** 32 + x.d));
      }),
      { numRuns: 30 },
    );
  });

  it('reports Infinity as the next time when empty', () => {
    expect(new EventQueue<number>().peekTime()).toBe(Infinity);
  });
});
