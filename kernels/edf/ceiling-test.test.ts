import { describe, expect, it } from 'vitest';
import { avr } from '../../hardware/targets/index.ts';
import { Tcb } from '../core/tcb.ts';
import { edfProfile } from './profile.ts';
import { edf } from './index.ts';

/** A ready task with absolute deadline `deadlineTick`, an arrival at preemption level `level`. */
function task(index: number, deadlineTick: number, level: number): Tcb {
  const t = new Tcb(index, `t${index}`, 0, undefined);
  t.deadlineTick = deadlineTick;
  t.preemptionLevel = level;
  t.arriving = true;
  return t;
}

describe('the EDF pick under the Stack Resource Policy', () => {
  it('walks the deadline list to the first task above the ceiling, paying a test per task it reaches', () => {
    const ready = edf.createReady(avr, edfProfile);
    const [early, late] = [task(0, 5, 9), task(1, 8, 2)];
    ready.insert(late);
    ready.insert(early);
    const ceiling = 4;
    expect(ready.pickAdmitted?.((t) => t.preemptionLevel < ceiling)).toBe(late);
    // The second of two tasks is as far as the walk goes: the worst pick with two tasks ready.
    expect(ready.pickCycles).toBe(ready.worstPickCycles(2));
  });

  it('falls back to the plain head at the plain pick cost when no task clears the ceiling, and to none when none is ready', () => {
    const ready = edf.createReady(avr, edfProfile);
    expect(ready.pickAdmitted?.(() => false)).toBeUndefined();
    ready.pick();
    const plainCycles = ready.pickCycles;
    expect(ready.pickAdmitted?.(() => false)).toBeUndefined();
    expect(ready.pickCycles).toBe(plainCycles);
    const [early, late] = [task(0, 5, 9), task(1, 8, 9)];
    ready.insert(late);
    ready.insert(early);
    expect(ready.pickAdmitted?.(() => false)).toBe(early);
    expect(ready.pickCycles).toBe(plainCycles);
  });
});
