import { describe, expect, it } from 'vitest';
import { m4 } from '../hardware/targets/index.ts';
import { mpuSwitchCycles } from '../multiapp/mpu.ts';
import { multiappIndicators } from './multiapp-indicators.ts';

describe('multiapp-indicators', () => {
  it('adds one MPU region load to uC/OS-II\'s task switching when each task is an APP of its own', () => {
    const unit = { target: 'm4', profile: 'ucos2', indicator: 'qgdw-task-switching', durationMs: 200 } as const;
    const plain = multiappIndicators.runUnit({ ...unit, isolated: false });
    const isolated = multiappIndicators.runUnit({ ...unit, isolated: true });
    expect((isolated.cycles ?? 0) - (plain.cycles ?? 0)).toBe(mpuSwitchCycles(m4));
  });

  it('reports MOS as not running isolated APPs rather than as free isolation', () => {
    const row = multiappIndicators.runUnit({ target: 'm4', profile: 'mos', indicator: 'qgdw-channel-communication', durationMs: 200, isolated: true });
    expect(row.cycles).toBeNull();
    expect(row.note).toMatch(/MOS runs no isolated APPs/);
  });
});
