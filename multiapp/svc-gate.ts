import { sequenceListing, type Listing } from '../hardware/block.ts';
import type { Target } from '../hardware/target.ts';
import type { Cycles } from '../hardware/units.ts';
import type { KernelCosts } from '../system/model.ts';
import type { Workload } from '../workloads/types.ts';

/*
 * The supervisor-call gate (the multi-APP patent's step S401: "APP access to kernel resources through
 * the SVC exception"). An APP's task runs unprivileged; each kernel call it makes is an SVC: the
 * exception entry stacks its frame, the handler reads the SVC number and dispatches to the service,
 * and the result goes back into the stacked r0 before the exception return. Its instructions are the
 * target's (`svcGate` in the target file); this module only prices and lists them.
 */

/** The gate's two halves on a target: into the service, and back to the APP. */
export interface SvcGateListing {
  readonly enter: Listing;
  readonly leave: Listing;
}

/** The gate's instruction listings on `target`; throws when the core has no SVC gate. */
export function svcGateListing(target: Target): SvcGateListing {
  const gate = target.svcGate;
  if (gate === undefined) throw new RangeError(`target ${target.id} has no SVC gate: APPs need a Cortex-M core`);
  return { enter: sequenceListing('svc-enter', gate.enter, target), leave: sequenceListing('svc-leave', gate.leave, target) };
}

/** Cycles one kernel call from an APP adds to the plain function call: SVC entry, dispatch and return (0 on a zero-cost target). */
export function svcGateCycles(target: Target): Cycles {
  if (target.zeroCost === true) return 0;
  const { enter, leave } = svcGateListing(target);
  return enter.cycles + leave.cycles;
}

/** True when some task of the workload belongs to an APP (its kernel calls go through the gate). */
export function hasAppTasks(workload: Workload): boolean {
  return workload.tasks.some((t) => t.app !== undefined);
}

/**
 * The kernel's costs as an APP's task sees them: every service it calls (the delay-until that ends
 * its job, a mutex lock or unlock) also passes the SVC gate. Unchanged for a workload without APPs.
 */
export function withSvcGate<C extends KernelCosts>(costs: C, workload: Workload, target: Target): C {
  if (!hasAppTasks(workload)) return costs;
  const gate = svcGateCycles(target);
  const gated = (cycles: number): number => (cycles === 0 ? 0 : cycles + gate);
  return { ...costs, jobEndCycles: costs.jobEndCycles + gate, mutexLockCycles: gated(costs.mutexLockCycles), mutexUnlockCycles: gated(costs.mutexUnlockCycles) };
}
