import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { avr, m4 } from '../../hardware/targets/index.ts';
import type { Target } from '../../hardware/target.ts';
import { edf } from '../edf/index.ts';
import { webit as webitProfile } from '../profiles/index.ts';
import { readyLists } from '../priority-lists/ready-lists.ts';
import { priorityQueues } from '../round-robin/priority-queues.ts';
import { sortedArrayTable } from '../sorted-list/array-table.ts';
import { sortedList } from '../sorted-list/index.ts';
import { readyTable } from '../table-driven/ready-table.ts';
import { ReferenceReady } from './reference-scheduler.ts';
import type { ReadyStructure } from './structures.ts';
import { Tcb } from './tcb.ts';

const webit = webitProfile;

type Factory = (target: Target) => ReadyStructure;
const STRUCTURES: readonly { name: string; make: Factory; deadline: boolean }[] = [
  { name: 'table-driven bitmap', make: (t) => readyTable(t, 64), deadline: false },
  { name: 'sorted linked list', make: (t) => sortedList.createReady(t, webit), deadline: false },
  { name: 'sorted array table', make: (t) => sortedArrayTable(t, 64), deadline: false },
  { name: 'per-priority queues', make: (t) => priorityQueues(t, 64), deadline: false },
  { name: 'EDF deadline list', make: (t) => edf.createReady(t, webit), deadline: true },
  { name: 'ready lists, CLZ bitmap (FreeRTOS port-optimised, LiteOS-M)', make: (t) => readyLists(t, 32, 'bitmap'), deadline: false },
  { name: "ready lists, FreeRTOS's generic top walk", make: (t) => readyLists(t, 16, 'top-walk'), deadline: false },
];

/** One operation of a random sequence: insert a new task, or remove/rotate a present one (by position). */
type Cmd = { kind: 'insert'; key: number } | { kind: 'remove'; at: number } | { kind: 'rotate'; at: number };
const cmd: fc.Arbitrary<Cmd> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), key: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('rotate' as const), at: fc.nat() }),
);

describe('ready structures agree with the reference scheduler', () => {
  for (const s of STRUCTURES) {
    it(`${s.name}: after any sequence of inserts, removes and rotations, pick returns the reference's task`, () => {
      fc.assert(
        fc.property(fc.array(cmd, { maxLength: 60 }), (cmds) => {
          const real = s.make(avr);
          const key = (t: Tcb): number => (s.deadline ? t.deadlineTick : t.priority);
          const ref = new ReferenceReady<Tcb>(key);
          let n = 0;
          for (const c of cmds) {
            if (c.kind === 'insert') {
              const t = new Tcb(n++, `t${n}`, c.key, undefined);
              t.deadlineTick = c.key * 1000;
              real.insert(t);
              ref.insert(t);
            } else {
              const present = ref.all;
              if (present.length === 0) continue;
              const t = present[c.at % present.length] as Tcb;
              if (c.kind === 'remove') {
                real.remove(t);
                ref.remove(t);
              } else {
                real.rotate(t);
                ref.rotate(t);
              }
            }
            expect(real.pick()).toBe(ref.pick());
          }
        }),
      );
    });
  }
});

describe('ready-structure costs follow the mechanisms', () => {
  it('table-driven pick costs the same with 1 or 64 ready tasks, on both targets', () => {
    for (const target of [avr, m4]) {
      const costs: number[] = [];
      for (const n of [1, 8, 33, 64]) {
        const r = readyTable(target, 64);
        for (let i = 0; i < n; i++) r.insert(new Tcb(i, `t${i}`, 63 - i, undefined));
        r.pick();
        costs.push(r.pickCycles);
      }
      expect(new Set(costs).size).toBe(1);
    }
  });

  it('a linked-list insert costs more for every task ahead of it', () => {
    const costs: number[] = [];
    for (let ahead = 0; ahead <= 6; ahead++) {
      const r = sortedList.createReady(avr, webit);
      for (let i = 0; i < ahead; i++) r.insert(new Tcb(i, `a${i}`, 1, undefined));
      costs.push(r.insert(new Tcb(99, 'new', 5, undefined)));
    }
    for (let i = 1; i < costs.length; i++) expect(costs[i]).toBeGreaterThan(costs[i - 1] as number);
  });

  it('an array-table insert costs more for every task behind it (each one shifts), and nothing for those ahead', () => {
    const behind: number[] = [];
    const ahead: number[] = [];
    for (let n = 0; n <= 6; n++) {
      const b = sortedArrayTable(avr, 64);
      for (let i = 0; i < n; i++) b.insert(new Tcb(i, `b${i}`, 9, undefined));
      behind.push(b.insert(new Tcb(99, 'new', 5, undefined)));
      const a = sortedArrayTable(avr, 64);
      for (let i = 0; i < n; i++) a.insert(new Tcb(i, `a${i}`, 1, undefined));
      ahead.push(a.insert(new Tcb(99, 'new', 5, undefined)));
    }
    for (let i = 1; i < behind.length; i++) expect(behind[i]).toBeGreaterThan(behind[i - 1] as number);
    expect(new Set(ahead.slice(1)).size).toBe(1);
  });

  it("WORIX's pick costs more the further the highest ready priority is from the top", () => {
    const costs: number[] = [];
    for (let prio = 0; prio < 6; prio++) {
      const r = priorityQueues(avr, 6);
      r.insert(new Tcb(0, 't', prio, undefined));
      r.pick();
      costs.push(r.pickCycles);
    }
    for (let i = 1; i < costs.length; i++) expect(costs[i]).toBeGreaterThan(costs[i - 1] as number);
  });

  it('an EDF walk step costs more than a priority walk step on the AVR (32-bit compare) but not on the M4', () => {
    const stepCost = (target: Target, make: Factory, key: (t: Tcb, i: number) => void): number => {
      const costs: number[] = [];
      for (let ahead = 0; ahead <= 1; ahead++) {
        const r = make(target);
        for (let i = 0; i < ahead; i++) {
          const t = new Tcb(i, 'a', 0, undefined);
          key(t, 0);
          r.insert(t);
        }
        const n = new Tcb(9, 'n', 1, undefined);
        key(n, 1);
        costs.push(r.insert(n));
      }
      return (costs[1] as number) - (costs[0] as number);
    };
    const byDeadline = (t: Tcb, k: number): void => void (t.deadlineTick = k);
    const byPriority = (t: Tcb, k: number): void => void (t.priority = k);
    const edfMake: Factory = (t) => edf.createReady(t, webit);
    const listMake: Factory = (t) => sortedList.createReady(t, webit);
    expect(stepCost(avr, edfMake, byDeadline)).toBeGreaterThan(stepCost(avr, listMake, byPriority));
    expect(stepCost(m4, edfMake, byDeadline)).toBe(stepCost(m4, listMake, byPriority));
  });
});

describe('ready lists: CLZ over the bitmap, or the walk down from the top readied priority', () => {
  it('the bitmap pick (CLZ) costs the same whichever priority is highest and however many are ready', () => {
    const costs = new Set<number>();
    for (const prio of [0, 7, 31]) {
      for (const n of [1, 5]) {
        const r = readyLists(m4, 32, 'bitmap');
        for (let i = 0; i < n; i++) r.insert(new Tcb(i, `t${i}`, Math.min(31, prio + i), undefined));
        r.pick();
        costs.add(r.pickCycles);
      }
    }
    expect(costs.size).toBe(1);
  });

  it("FreeRTOS's generic walk pays one step per empty list between the top readied priority and the highest ready one", () => {
    /** Pick cost after a task of priority `from` was readied and left, with one task of priority `to` ready. */
    const walk = (from: number, to: number): number => {
      const r = readyLists(avr, 16, 'top-walk');
      const gone = new Tcb(0, 'gone', from, undefined);
      r.insert(gone);
      r.remove(gone);
      r.insert(new Tcb(1, 'ready', to, undefined));
      r.pick();
      return r.pickCycles;
    };
    const step = walk(2, 3) - walk(3, 3);
    expect(step).toBeGreaterThan(0);
    expect(walk(2, 9) - walk(9, 9)).toBe(7 * step);
    // The pick leaves uxTopReadyPriority at what it found: the next pick does not walk again.
    const r = readyLists(avr, 16, 'top-walk');
    const gone = new Tcb(0, 'gone', 2, undefined);
    r.insert(gone);
    r.remove(gone);
    r.insert(new Tcb(1, 'ready', 9, undefined));
    r.pick();
    r.pick();
    expect(r.pickCycles).toBe(walk(9, 9));
  });

  it('no pick costs more than worstPickCycles, whatever was readied and removed before', () => {
    fc.assert(
      fc.property(fc.constantFrom('bitmap' as const, 'top-walk' as const), fc.array(cmd, { maxLength: 40 }), (selection, cmds) => {
        const real = readyLists(selection === 'bitmap' ? m4 : avr, 16, selection);
        const ready: Tcb[] = [];
        cmds.forEach((c, i) => {
          if (c.kind === 'insert') {
            const t = new Tcb(i, `t${i}`, c.key * 2, undefined);
            ready.push(t);
            real.insert(t);
          } else if (ready.length > 0) real.remove(ready.splice(c.at % ready.length, 1)[0] as Tcb);
          real.pick();
          expect(real.pickCycles).toBeLessThanOrEqual(real.worstPickCycles(ready.length));
        });
      }),
    );
  });

  it('a bitmap wider than 32 priorities is refused', () => {
    expect(() => readyLists(m4, 33, 'bitmap')).toThrow(/at most 32 priorities/);
  });
});

describe('worst-case costs bound every real operation (the overhead-aware analysis relies on them)', () => {
  for (const s of STRUCTURES) {
    it(`${s.name}: no remove from n ready tasks costs more than worstRemoveCycles(n), no insert into n more than worstInsertCycles(n)`, () => {
      fc.assert(
        fc.property(fc.constantFrom(avr, m4), fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 20 }), fc.nat(), (target, keys, pickAt) => {
          const real = s.make(target);
          const tasks = keys.map((k, i) => {
            const t = new Tcb(i, `t${i}`, k, undefined);
            t.deadlineTick = k * 1000;
            expect(real.insert(t)).toBeLessThanOrEqual(real.worstInsertCycles(i));
            return t;
          });
          const victim = tasks[pickAt % tasks.length] as Tcb;
          expect(real.remove(victim)).toBeLessThanOrEqual(real.worstRemoveCycles(tasks.length));
        }),
      );
    });
  }
});
