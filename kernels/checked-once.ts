import type { Target } from '../hardware/target.ts';
import type { Workload } from '../workloads/types.ts';
import type { OsProfile } from './profiles/types.ts';

/*
 * The checks a boot makes that depend only on (workload, profile, target, release mode): the
 * workload's fit on the target and the footprint's memory budget. They are pure, so a combination
 * that passed once passes again; studies boot the same workload thousands of times (seeds, sweeps)
 * and the checks cost more than the boot. Keyed by object identity, as workloads and profiles are
 * read-only records; a combination that failed is not remembered (it throws again, the same error).
 */
const passed = new WeakMap<Workload, WeakMap<OsProfile, WeakMap<Target, Set<string>>>>();

/** True when `workload` on `profile` and `target` with `releases` has passed the boot checks before. */
export function passedBefore(workload: Workload, profile: OsProfile, target: Target, releases: string): boolean {
  return passed.get(workload)?.get(profile)?.get(target)?.has(releases) ?? false;
}

/** Remembers that the combination passed the boot checks. */
export function rememberPassed(workload: Workload, profile: OsProfile, target: Target, releases: string): void {
  let byProfile = passed.get(workload);
  if (byProfile === undefined) passed.set(workload, (byProfile = new WeakMap()));
  let byTarget = byProfile.get(profile);
  if (byTarget === undefined) byProfile.set(profile, (byTarget = new WeakMap()));
  let modes = byTarget.get(target);
  if (modes === undefined) byTarget.set(target, (modes = new Set()));
  modes.add(releases);
}
