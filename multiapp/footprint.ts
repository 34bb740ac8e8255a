import { price, sequenceListing, type Block } from '../hardware/block.ts';
import type { Target } from '../hardware/target.ts';
import type { Workload } from '../workloads/types.ts';
import { HEADER_BYTES, appRamBytes } from './image.ts';
import { guardianCheckApp } from './keepalive.ts';
import * as L from './launch/blocks.ts';
import { appMpuLayout, mpuOf, mpuSwitchListing } from './mpu.ts';
import { hasAppTasks, svcGateListing } from './svc-gate.ts';
import { TLSF_BLOCKS } from './tlsf/blocks.ts';
import { TlsfHeap } from './tlsf/tlsf.ts';

/*
 * What running APPs adds to a kernel's footprint (issue 13). Code: the SVC gate and the MPU load,
 * which a kernel run executes, and the code it carries without executing it in a run (the
 * MemManage handler, the guardian's check, the loader, TLSF malloc/free for the APP heaps); each is
 * the bytes of its blocks or instruction sequence, counted once. RAM: each APP's zone (.data, .bss,
 * its tasks' stacks, its heap), with the TLSF control block (tlsf_t) shown apart as taken out of
 * its heap, and the RAM the MPU's power-of-two regions waste around the zone's parts.
 */

const LOADER_BLOCKS: readonly Block[] = [L.scanZone, L.scanRecord, L.parseHeader, L.copyWord, L.zeroWord, L.relocateEntry, L.loopBack, L.loopExit, L.loopSetup, L.heapInitHead];

const bytesOf = (blocks: readonly Block[], target: Target): number => blocks.reduce((sum, b) => sum + price(b, target).bytes, 0);

/** Bytes of tlsf_t for an APP heap of `heapBytes` (0 when the heap is too small to exist). */
export function heapControlBytes(heapBytes: number, target: Target): number {
  if (heapBytes < TlsfHeap.minimumBytes(target.pointerBytes)) return 0;
  return new TlsfHeap(0, heapBytes, target.pointerBytes).controlWords() * target.pointerBytes;
}

/**
 * The footprint entries (`code:*`, `ram:*` bytes, as kernels' `Footprint.breakdown`) that
 * `workload`'s APPs add on `target`; empty for a workload without APP tasks. Throws RangeError
 * when the core has no SVC gate or MPU (the boot refuses such a system first).
 */
export function appFootprint(workload: Workload, target: Target): Record<string, number> {
  if (!hasAppTasks(workload)) return {};
  const gate = svcGateListing(target);
  const mpu = mpuOf(target);
  const apps = workload.apps ?? [];
  const control = apps.map((a) => heapControlBytes(a.header.heapBytes, target));
  const controlTotal = control.reduce((sum, c) => sum + c, 0);
  const mpuWaste = apps.reduce((sum, a) => {
    const layout = appMpuLayout(a.header, HEADER_BYTES + a.header.textBytes, mpu);
    return sum + layout.data.wasteBytes + layout.stack.wasteBytes + layout.heap.wasteBytes;
  }, 0);
  return {
    'code:svc-gate': gate.enter.bytes + gate.leave.bytes,
    'code:mpu-switch': mpuSwitchListing(target).bytes,
    'code:mem-manage': sequenceListing('mem-manage', mpu.faultHandler, target).bytes,
    'code:guardian': price(guardianCheckApp, target).bytes,
    'code:app-loader': bytesOf(LOADER_BLOCKS, target),
    'code:tlsf': bytesOf(TLSF_BLOCKS, target),
    'ram:app-zones': apps.reduce((sum, a) => sum + appRamBytes(a.header), 0) - controlTotal,
    'ram:app-heap-control': controlTotal,
    'ram:mpu-alignment-waste': mpuWaste,
  };
}
