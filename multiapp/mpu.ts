import { sequenceListing, type Listing } from '../hardware/block.ts';
import { memoByIdentity } from '../kernels/core/identity-memo.ts';
import type { MpuSpec, Target } from '../hardware/target.ts';
import type { Cycles } from '../hardware/units.ts';
import type { KernelCosts } from '../system/model.ts';
import type { AppHeader, Workload } from '../workloads/types.ts';
import { hasAppTasks } from './svc-gate.ts';

/*
 * MPU isolation of APPs (the multi-APP patent's step S402): each APP gets regions for its code, data,
 * stack and heap; a context switch into a task of another APP loads that APP's regions. The
 * sequence is the target's (`mpu.switchIn`); the region geometry (power-of-two sizes aligned to
 * their size, eight subregions) decides how much memory the isolation wastes.
 */

/** The target's MPU; throws when the core has none. */
export function mpuOf(target: Target): MpuSpec {
  if (target.mpu === undefined) throw new RangeError(`target ${target.id} has no MPU: APPs cannot be isolated on it`);
  return target.mpu;
}

/** The instruction listing of loading one APP's regions at a switch. */
export function mpuSwitchListing(target: Target): Listing {
  return sequenceListing('mpu-switch-in', mpuOf(target).switchIn, target);
}

/**
 * Cycles a switch into another APP's task adds to the context restore (0 on a zero-cost target or a
 * core without MPU). Priced once per target: every boot's dispatcher asks.
 */
export const mpuSwitchCycles = memoByIdentity((target: Target): Cycles => {
  if (target.zeroCost === true || target.mpu === undefined) return 0;
  return mpuSwitchListing(target).cycles;
});

/** One MPU region covering `bytes`: its power-of-two size, the enabled subregions, and the bytes beyond `bytes` it exposes. */
export interface MpuRegion {
  readonly bytes: number;
  readonly regionBytes: number;
  /** Subregions enabled (all of them when the region is too small to have subregions). */
  readonly subregionsEnabled: number;
  /** Bytes the region covers beyond the request: the rounding the MPU forces. */
  readonly wasteBytes: number;
}

/** The smallest region (with trailing subregions disabled where allowed) that covers `bytes`. */
export function mpuRegion(bytes: number, mpu: MpuSpec): MpuRegion {
  let regionBytes = mpu.minRegionBytes;
  while (regionBytes < bytes) regionBytes *= 2;
  if (regionBytes < mpu.minSubregionRegionBytes) return { bytes, regionBytes, subregionsEnabled: mpu.subregions, wasteBytes: regionBytes - bytes };
  const sub = regionBytes / mpu.subregions;
  const subregionsEnabled = Math.max(1, Math.ceil(bytes / sub));
  return { bytes, regionBytes, subregionsEnabled, wasteBytes: subregionsEnabled * sub - bytes };
}

/** An APP's four regions and what their rounding wastes. */
export interface AppMpuLayout {
  readonly code: MpuRegion;
  readonly data: MpuRegion;
  readonly stack: MpuRegion;
  readonly heap: MpuRegion;
  readonly wasteBytes: number;
}

/** The regions isolating an APP: its image in flash (`codeBytes`, header and .text), .data with .bss, its stacks, its heap. */
export function appMpuLayout(header: AppHeader, codeBytes: number, mpu: MpuSpec): AppMpuLayout {
  const code = mpuRegion(codeBytes, mpu);
  const data = mpuRegion(Math.max(1, header.dataBytes + header.bssBytes), mpu);
  const stack = mpuRegion(header.stackBytes, mpu);
  const heap = mpuRegion(Math.max(1, header.heapBytes), mpu);
  return { code, data, stack, heap, wasteBytes: code.wasteBytes + data.wasteBytes + stack.wasteBytes + heap.wasteBytes };
}

/**
 * The kernel's costs with APPs isolated: a switch, and the masked section that holds it, may load
 * another APP's MPU regions. Unchanged for a workload without APPs.
 */
export function withMpuSwitch<C extends KernelCosts>(costs: C, workload: Workload, target: Target): C {
  if (!hasAppTasks(workload)) return costs;
  const mpu = mpuSwitchCycles(target);
  return { ...costs, switchCycles: costs.switchCycles + mpu, longestCriticalSectionCycles: costs.longestCriticalSectionCycles + mpu };
}
