import { describe, expect, it } from 'vitest';
import { avr } from '../../hardware/targets/index.ts';
import { Tcb } from '../core/tcb.ts';
import { edfProfile } from './profile.ts';
import { edf } from './index.ts';

/** A ready task with absolute deadline `deadlineTick` at preemption level `level` (smaller: higher); an arrival unless `started`. */
function task(index: number, deadlineTick: number, level: number, started = false): Tcb {
  const t = new Tcb(index, `t${index}`, 0, undefined);
  t.deadlineTick = deadlineTick;
  t.preemptionLevel = level;
  t.arriving = !started;
  return t;
}

const started = (t: Tcb): boolean => !t.arriving;
const clears = (ceiling: number) => (t: Tcb): boolean => t.preemptionLevel < ceiling;

describe('the EDF pick under the Stack Resource Policy', () => {
  it('runs the head when it has started or clears the ceiling, at one test', () => {
    const ready = edf.createReady(avr, edfProfile);
    const [early, late] = [task(0, 5, 2), task(1, 8, 9, true)];
    ready.insert(late);
    ready.insert(early);
    expect(ready.pickAdmitted?.(started, clears(4))).toBe(early);
    const oneTest = ready.pickCycles;
    ready.pick();
    expect(oneTest).toBeGreaterThan(ready.pickCycles);
  });

  it('starts no job while the head is held off by the ceiling: the first started job runs, past a later arrival that clears the ceiling itself', () => {
    // Baker's rule: only the earliest-deadline job may start. blocked (deadline 5) is held off by the
    // ceiling 4; newer (deadline 6, level 1) would clear it but is less urgent than blocked; holder
    // (deadline 9) has started, holds the resource and runs.
    const ready = edf.createReady(avr, edfProfile);
    const [blocked, newer, holder] = [task(0, 5, 5), task(1, 6, 1), task(2, 9, 7, true)];
    for (const t of [holder, newer, blocked]) ready.insert(t);
    expect(ready.pickAdmitted?.(started, clears(4))).toBe(holder);
    // The walk reached the third of three tasks, a started one: within the worst pick with three ready.
    expect(ready.pickCycles).toBeLessThanOrEqual(ready.worstPickCycles(3));
    expect(ready.pickCycles).toBeGreaterThan(ready.worstPickCycles(2));
  });

  it('lets a job that ties with a held-off head start when it clears the ceiling: it is as urgent as the head', () => {
    const ready = edf.createReady(avr, edfProfile);
    const [blocked, tied, holder] = [task(0, 5, 5), task(1, 5, 1), task(2, 9, 7, true)];
    for (const t of [holder, blocked, tied]) ready.insert(t);
    expect(ready.pickAdmitted?.(started, clears(4))).toBe(tied);
    // A tie that does not clear the ceiling is passed like any other arrival.
    expect(ready.pickAdmitted?.(started, clears(1))).toBe(holder);
  });

  it('falls back to the plain head at the plain pick cost when no job has started, and to none when none is ready', () => {
    const ready = edf.createReady(avr, edfProfile);
    expect(ready.pickAdmitted?.(started, clears(0))).toBeUndefined();
    ready.pick();
    const plainCycles = ready.pickCycles;
    expect(ready.pickAdmitted?.(started, clears(0))).toBeUndefined();
    expect(ready.pickCycles).toBe(plainCycles);
    const [early, late] = [task(0, 5, 9), task(1, 8, 9)];
    ready.insert(late);
    ready.insert(early);
    expect(ready.pickAdmitted?.(started, clears(0))).toBe(early);
    expect(ready.pickCycles).toBe(plainCycles);
  });
});
