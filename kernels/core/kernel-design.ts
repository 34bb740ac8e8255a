import type { OsProfile } from '../profiles/types.ts';
import type { KernelDesign } from '../types.ts';
import { bootCore, type CoreSystem } from './boot.ts';
import { coreKernelCosts } from './costs.ts';
import type { CoreDesignSpec } from './design.ts';
import { coreFootprint } from './footprint.ts';
import { coreSystemTasks } from './system-tasks.ts';

/** A design built on the shared core, in the registry's shape: its spec plus the profile it boots without one. */
export function coreDesign(spec: CoreDesignSpec, defaultProfile: OsProfile): KernelDesign {
  return {
    id: spec.id,
    summary: spec.summary,
    mirrors: spec.mirrors,
    defaultProfile,
    boot: (profile, options): CoreSystem => bootCore(spec, profile, options),
    footprint: (profile, target, workload) => coreFootprint(spec, profile, target, workload),
    readyBlocks: (target, profile) => spec.createReady(target, profile).blocks,
    kernelCosts: (profile, target, n) => coreKernelCosts(spec, profile, target, n),
    policy: spec.keyedByDeadline ? 'edf' : 'fp',
    systemTasks: (profile, workload) => coreSystemTasks(spec, profile, workload),
    receiversBlock: true,
  };
}
