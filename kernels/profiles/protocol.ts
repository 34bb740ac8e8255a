import type { MutexProtocol, Workload } from '../../workloads/types.ts';
import type { OsProfile } from './types.ts';

type MutexSpec = NonNullable<NonNullable<Workload['resources']>['mutexes']>[number];

/**
 * The protocol a workload mutex runs under: its own, or the profile's first (undefined when the
 * profile offers none). A ceiling mutex on a kernel that offers the Stack Resource Policy and no
 * fixed-priority ceiling (a deadline-keyed kernel) runs SRP, which is the priority ceiling protocol
 * carried over to EDF with preemption levels in place of priorities (Baker 1991, section 4).
 */
export function mutexProtocolOf(mutex: MutexSpec, profile: Pick<OsProfile, 'inversion'>): OsProfile['inversion'][number] | undefined {
  if (mutex.protocol === 'ceiling' && !profile.inversion.includes('ceiling') && profile.inversion.includes('srp')) return 'srp';
  return mutex.protocol ?? profile.inversion[0];
}

/**
 * The protocol each mutex of `workload` runs under on `profile`, in declaration order; inheritance
 * where the profile offers none (its validation refuses such a workload before it runs).
 */
export function workloadMutexProtocols(workload: Workload, profile: Pick<OsProfile, 'inversion'>): MutexProtocol[] {
  return (workload.resources?.mutexes ?? []).map((m) => mutexProtocolOf(m, profile) ?? 'inheritance');
}
