import { describe, expect, it } from 'vitest';
import { responseTimes } from '../analysis/reducers/index.ts';
import { avr, ideal, m4 } from '../hardware/targets/index.ts';
import { periodic, workload } from '../kernels/core/test-workloads.ts';
import { systemModel } from '../kernels/system-model.ts';
import { measureRun } from '../experiments/measure-run.ts';
import type { AppHeader, Workload } from '../workloads/types.ts';
import { appMpuLayout, mpuOf, mpuRegion, mpuSwitchCycles } from './mpu.ts';

/*
 * Loading an APP's regions on the M4 by hand (ARM DDI 0439 Table 3-1, P = 2): DMB 1, LDR literal 2,
 * LDR 2, BIC 1, STR 1, LDR literal 2, ADDS 1, LDMIA of 8 registers 9, STMIA of 8 registers 9,
 * LDR literal 2, LDR 2, ORR 1, STR 1, DSB 1, ISB 3: 38 cycles.
 */
const MPU_SWITCH_BY_HAND = 38;

const header: AppHeader = { entryOffset: 0, textBytes: 4096, dataBytes: 256, bssBytes: 128, gotEntries: 8, stackBytes: 1024, mainStackBytes: 512, heapBytes: 2048, mainPriority: 3, permissions: [] };

/** A high- and a low-priority task released together, in two APPs, in one APP, or in none. */
function pair(apps: 'two' | 'one' | 'none'): Workload {
  const hi = periodic('hi', 0, 10_000, [{ op: 'compute', cycles: 2000 }], apps === 'none' ? {} : { app: 'a' });
  const lo = periodic('lo', 1, 10_000, [{ op: 'compute', cycles: 2000 }], apps === 'none' ? {} : { app: apps === 'two' ? 'b' : 'a' });
  const declared = apps === 'none' ? {} : { apps: [{ name: 'a', header }, { name: 'b', header }] };
  return workload([hi, lo], { referenceTarget: 'm4', ...declared });
}

function responses(w: Workload): number[] {
  const { r } = measureRun({ profile: 'ucos2', target: m4, workload: w, durationMs: 50, seed: 1, reducers: { r: responseTimes() } });
  return r.map((x) => x.longestCycles);
}

describe('MPU isolation', () => {
  it('loads an APP\'s four regions in the FreeRTOS MPU port\'s sequence', () => {
    expect(mpuSwitchCycles(m4)).toBe(MPU_SWITCH_BY_HAND);
    expect(mpuSwitchCycles(ideal)).toBe(0);
    expect(() => mpuOf(avr)).toThrow(/avr has no MPU/);
  });

  it('rounds a region up to a power of two, trimmed by subregions from 256 bytes', () => {
    const mpu = mpuOf(m4);
    // 5000 bytes: an 8 KB region of 1 KB subregions, 5 enabled: 5120 - 5000 = 120 bytes exposed.
    expect(mpuRegion(5000, mpu)).toEqual({ bytes: 5000, regionBytes: 8192, subregionsEnabled: 5, wasteBytes: 120 });
    // 100 bytes: a 128-byte region, too small for subregions.
    expect(mpuRegion(100, mpu).wasteBytes).toBe(28);
    expect(mpuRegion(20, mpu).regionBytes).toBe(32);
    const layout = appMpuLayout(header, 4096 + 64, mpu);
    expect(layout.wasteBytes).toBe(layout.code.wasteBytes + layout.data.wasteBytes + layout.stack.wasteBytes + layout.heap.wasteBytes);
  });

  it('reloads the regions on a switch between tasks of different APPs only', () => {
    const [hiTwo, loTwo] = responses(pair('two'));
    const [hiOne, loOne] = responses(pair('one'));
    const [hiNone] = responses(pair('none'));
    // Each release switches into hi from lo's regions (one load); lo waits for that and loads its own (two).
    expect((hiTwo ?? 0) - (hiOne ?? 0)).toBe(MPU_SWITCH_BY_HAND);
    expect((loTwo ?? 0) - (loOne ?? 0)).toBe(2 * MPU_SWITCH_BY_HAND);
    // Tasks of one APP switch among themselves like kernel tasks: hi's jobs make no kernel call.
    expect(hiOne).toBe(hiNone);
  });

  it('adds the region load to the analysed switch of a system with APPs only', () => {
    expect(systemModel('ucos2', m4, pair('two')).overheads.switchCycles - systemModel('ucos2', m4, pair('none')).overheads.switchCycles).toBe(MPU_SWITCH_BY_HAND);
  });
});
