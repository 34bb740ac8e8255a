import { describe, expect, it } from 'vitest';
import { m4 } from '../hardware/targets/index.ts';
import { mpuSwitchCycles } from '../multiapp/mpu.ts';
import { multiappIsolation } from './multiapp-isolation.ts';

describe('multiapp-isolation', () => {
  it('adds one MPU load to the mean switch for each of the apps - 1 APP crossings among the seven switches of a period', () => {
    const plain = multiappIsolation.runUnit({ target: 'm4', apps: 0 });
    const one = multiappIsolation.runUnit({ target: 'm4', apps: 1 });
    const eight = multiappIsolation.runUnit({ target: 'm4', apps: 8 });
    expect(plain.switchMeanCycles).toBeGreaterThan(0);
    // One APP: no switch crosses APPs, so no MPU load beyond the first.
    expect(one.switchMaxCycles).toBe(plain.switchMaxCycles);
    // Eight APPs: every task-to-task switch crosses, so each pays the load.
    expect(eight.switchMaxCycles - plain.switchMaxCycles).toBe(mpuSwitchCycles(m4));
    // The mean over a period's seven switches: apps - 1 of them carry the load.
    for (const apps of [2, 4]) {
      expect(multiappIsolation.runUnit({ target: 'm4', apps }).switchMeanCycles).toBe(Math.round(plain.switchMeanCycles + ((apps - 1) * mpuSwitchCycles(m4)) / 7));
    }
    expect(eight.lowestResponseCycles).toBeGreaterThan(plain.lowestResponseCycles);
  });
});
