import type { KernelOverheads } from '../analysis/overheads.ts';
import type { Target } from '../hardware/target.ts';
import { kernelCosts, getProfile } from '../kernels/registry.ts';
import type { OsProfile } from '../kernels/profiles/types.ts';
import type { Workload } from '../workloads/types.ts';

/**
 * The overhead record the analysis folds in, priced from a profile's own blocks on a target for a
 * workload's task count, with the tick period from the workload's tick rate. This is the one place
 * kernels and analysis meet (analysis never imports a kernel).
 */
export function overheadsFor(profile: OsProfile | string, target: Target, workload: Workload): KernelOverheads {
  const p = typeof profile === 'string' ? getProfile(profile) : profile;
  const costs = kernelCosts(p, target, workload.tasks.length);
  return { ...costs, tickPeriodCycles: Math.round(target.clockHz / workload.tickHz) };
}
