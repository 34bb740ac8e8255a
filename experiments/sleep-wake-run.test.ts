import { describe, expect, it } from 'vitest';
import { ProbeEvent, type ProbeEventType } from '../hardware/probe.ts';
import { TaskPauseSwitchReducer, runSleepWake } from './sleep-wake-run.ts';

describe('TaskPauseSwitchReducer', () => {
  it('times switches away from application tasks, idle included as the next task, and skips switches away from idle', () => {
    const r = new TaskPauseSwitchReducer(9);
    // task 1 -> task 2 (10..40: 30), task 2 -> idle 9 (100..125: 25), idle 9 -> task 1 (200..205: left out).
    const events: [number, number, number, number][] = [
      [ProbeEvent.SwitchOut, 10, 1, 2], [ProbeEvent.SwitchIn, 40, 2, 1],
      [ProbeEvent.SwitchOut, 100, 2, 9], [ProbeEvent.SwitchIn, 125, 9, 2],
      [ProbeEvent.SwitchOut, 200, 9, 1], [ProbeEvent.SwitchIn, 205, 1, 9],
    ];
    for (const [type, time, subject] of events) r.onEvent(type as ProbeEventType, time, subject);
    expect([r.stat.count, r.stat.min, r.stat.max]).toEqual([2, 25, 30]);
  });
});

describe('runSleepWake', () => {
  it("keeps uC/OS-II's interrupt-disable time flat in the task count while WORIX's grows with its sleep queue", () => {
    const ucos = [runSleepWake('avr', 'ucos2', 2, 10), runSleepWake('avr', 'ucos2', 8, 10)];
    const worix = [runSleepWake('avr', 'worix', 2, 10), runSleepWake('avr', 'worix', 8, 10)];
    expect(ucos[1]?.maxIrqOffUs).toBe(ucos[0]?.maxIrqOffUs);
    expect(worix[1]?.maxIrqOffUs).toBeGreaterThan(worix[0]?.maxIrqOffUs ?? Infinity);
  });

  it("spreads WORIX's switch time with the priority being picked while uC/OS-II's table lookup stays constant", () => {
    // Six tasks on six distinct WORIX levels: the picks land on levels 1..5 and then idle.
    const worix = runSleepWake('avr', 'worix', 6, 10);
    const ucos = runSleepWake('avr', 'ucos2', 6, 10);
    expect(worix.switchMaxUs).toBeGreaterThan(worix.switchMinUs);
    expect(ucos.switchMaxUs).toBe(ucos.switchMinUs);
  });

  it('counts every task pausing once per tick: n switches per tick with n tasks', () => {
    // 10 ms at 1 kHz = 10 ticks; each tick every task runs its job and pauses once.
    const r = runSleepWake('avr', 'idcx', 3, 10);
    expect(r.switches).toBeGreaterThanOrEqual(3 * 9);
    expect(r.switches).toBeLessThanOrEqual(3 * 10);
  });
});
