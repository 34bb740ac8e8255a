import { describe, expect, it } from 'vitest';
import { price } from '../hardware/block.ts';
import { Prng } from '../hardware/prng.ts';
import { m4 } from '../hardware/targets/index.ts';
import { taskSuspendResume } from '../kernels/core/blocks.ts';
import type { AppHeader } from '../workloads/types.ts';
import { buildAppImage } from './image.ts';
import { detectionCyclesMax, faultHandlingCycles, restartApp } from './keepalive.ts';
import { launchApp } from './launch/launch.ts';
import { TlsfHeap } from './tlsf/tlsf.ts';
import { flashGeometry } from './xipfs/geometry.ts';
import { NorFlash } from './xipfs/nor-flash.ts';
import { Xipfs } from './xipfs/xipfs.ts';

/*
 * The MemManage handler by hand (ARM DDI 0439 Table 3-1 and section 3.3): entry 12, TST 1, IT 1,
 * MRS 2, LDR literal 2, LDR 2, LDR 2, LDR 2, LDR literal 2, STMIA of 3 registers 4, STR 1,
 * LDR literal 2, MOVS 1, STRB 1, exception return 10: 45.
 */
const HANDLER_BY_HAND = 45;

const header: AppHeader = { entryOffset: 0, textBytes: 2048, dataBytes: 512, bssBytes: 256, gotEntries: 32, stackBytes: 2048, mainStackBytes: 512, heapBytes: 4096, mainPriority: 4, permissions: [] };

function board(): { fs: Xipfs; kernelRam: TlsfHeap } {
  const fs = new Xipfs(new NorFlash({ ...flashGeometry(m4), eraseBlockBytes: 4096, regionBytes: 16 * 4096 }));
  ['metering', 'comms'].forEach((name, i) => fs.install(name, buildAppImage(name, header, new Prng(i + 1))));
  return { fs, kernelRam: new TlsfHeap(0x2000_0000, 64 * 1024, m4.pointerBytes) };
}

describe('keep-alive', () => {
  it('handles the fault in the MemManage handler, then suspends each of the APP\'s tasks', () => {
    expect(faultHandlingCycles(m4, 0)).toBe(HANDLER_BY_HAND);
    expect(faultHandlingCycles(m4, 3)).toBe(HANDLER_BY_HAND + 3 * price(taskSuspendResume, m4).cycles);
  });

  it('waits at most one guardian period to notice: 10 ms is 2,000,000 cycles at 200 MHz', () => {
    expect(detectionCyclesMax(m4, 10_000)).toBe(2_000_000);
  });

  it('restarts the APP from XIPFS into the RAM it gave back, leaving the other APP untouched', () => {
    const { fs, kernelRam } = board();
    const metering = launchApp(fs, 'metering', kernelRam, m4, 0x0810_0000);
    const comms = launchApp(fs, 'comms', kernelRam, m4, 0x0810_0000);
    comms.heap?.malloc(100);
    const commsHeap = comms.heap?.spans();
    const kernelBefore = kernelRam.spans();
    const { relaunched, cost } = restartApp(fs, metering, 3, kernelRam, m4, 0x0810_0000);
    // First fit on the same free block: the new zone is where the old one was, and the kernel heap is as it was.
    expect(relaunched.ramZone).toEqual(metering.ramZone);
    expect(kernelRam.spans()).toEqual(kernelBefore);
    expect(relaunched.dataAndBss).toEqual(metering.dataAndBss);
    expect(comms.heap?.spans()).toEqual(commsHeap);
    expect(cost.total).toBe(cost.deleteTasks + cost.freeRamZone + cost.launch + cost.createTasks);
    expect(cost.launch).toBe(relaunched.totalCycles);
  });
});
