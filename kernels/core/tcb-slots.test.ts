import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Tcb } from './tcb.ts';
import { TcbSlots } from './tcb-slots.ts';

const tcbs = Array.from({ length: 6 }, (_, i) => new Tcb(i, `t${i}`, i, undefined));

/** The list's entries from the head, read through its public calls. */
function entries(list: TcbSlots): Tcb[] {
  return Array.from({ length: list.length }, (_, i) => list.at(i) as Tcb);
}

/** One operation of a random history: append, insert at a place, remove at a place (places taken modulo the size). */
type Operation = { kind: 'push' | 'insert' | 'remove'; tcb: number; at: number };
const operation = fc.record({ kind: fc.constantFrom<Operation['kind']>('push', 'insert', 'remove'), tcb: fc.nat(tcbs.length - 1), at: fc.nat(10) });

describe('TcbSlots', () => {
  it('holds the same entries in the same order as an array edited with push and splice, over any history', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 60 }), (history) => {
        const list = new TcbSlots();
        const reference: Tcb[] = [];
        for (const op of history) {
          const t = tcbs[op.tcb] as Tcb;
          if (op.kind === 'push') {
            list.push(t);
            reference.push(t);
          } else if (op.kind === 'insert') {
            const at = op.at % (reference.length + 1);
            list.insertAt(at, t);
            reference.splice(at, 0, t);
          } else if (reference.length > 0) {
            const at = op.at % reference.length;
            list.removeAt(at);
            reference.splice(at, 1);
          }
          expect(entries(list)).toEqual(reference);
          expect(list.at(list.length)).toBeUndefined();
          for (const c of tcbs) expect(list.indexOf(c)).toBe(reference.indexOf(c));
        }
      }),
    );
  });

  it('is reused after it empties: entries pushed again come back in order', () => {
    const list = new TcbSlots();
    const [a, b, c] = tcbs as [Tcb, Tcb, Tcb];
    list.push(a);
    list.push(b);
    list.removeAt(0);
    list.removeAt(0);
    expect(list.length).toBe(0);
    expect(list.at(0)).toBeUndefined();
    list.push(c);
    list.insertAt(0, a);
    expect(entries(list)).toEqual([a, c]);
  });
});
