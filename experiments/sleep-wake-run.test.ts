import { describe, expect, it } from 'vitest';
import { runSleepWake } from './sleep-wake-run.ts';

describe('runSleepWake', () => {
  it("keeps uC/OS-II's interrupt-disable time flat in the task count when its tick ISR nests, while WORIX's grows with its sleep queue", () => {
    // Nesting on: only one TCB's critical section or the switch masks, whatever the task count.
    const ucos = [runSleepWake('avr', 'ucos2', 2, 10, true), runSleepWake('avr', 'ucos2', 8, 10, true)];
    const worix = [runSleepWake('avr', 'worix', 2, 10), runSleepWake('avr', 'worix', 8, 10)];
    expect(ucos[1]?.maxIrqOffUs).toBe(ucos[0]?.maxIrqOffUs);
    expect(worix[1]?.maxIrqOffUs).toBeGreaterThan(worix[0]?.maxIrqOffUs ?? Infinity);
  });

  it("masks longer with more tasks on uC/OS-II as its AVR port runs the tick (the whole TCB scan masked)", () => {
    expect(runSleepWake('avr', 'ucos2', 8, 10).maxIrqOffUs).toBeGreaterThan(runSleepWake('avr', 'ucos2', 2, 10).maxIrqOffUs);
  });

  it("masks longer with more sleepers on WORIX's, uKernel's and Webit's timer interrupts, Webit's more than WORIX's", () => {
    const maxMasked = (profile: string, n: number): number => runSleepWake('avr', profile, n, 100).maxIrqOffUs;
    for (const id of ['worix', 'ukernel', 'webit']) expect(maxMasked(id, 8), id).toBeGreaterThan(maxMasked(id, 1));
    expect(maxMasked('webit', 8)).toBeGreaterThan(maxMasked('worix', 8));
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
