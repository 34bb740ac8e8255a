import type { Workload } from '../../workloads/types.ts';
import type { OsProfile } from './types.ts';

type MutexSpec = NonNullable<NonNullable<Workload['resources']>['mutexes']>[number];

/** The protocol a workload mutex runs under: its own, or the profile's first (undefined when the profile offers none). */
export function mutexProtocolOf(mutex: MutexSpec, profile: Pick<OsProfile, 'inversion'>): OsProfile['inversion'][number] | undefined {
  return mutex.protocol ?? profile.inversion[0];
}
