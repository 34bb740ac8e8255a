import type { Target } from '../../hardware/target.ts';
import type { OsProfile } from './types.ts';

/**
 * Why `profile`'s kernel cannot run on `target` (it has no port for the target's core), or undefined
 * when it can. The zero-cost ideal machine is a model, not a part: every profile runs on it.
 */
export function missingPort(profile: Pick<OsProfile, 'id' | 'ports'>, target: Target): string | undefined {
  if (profile.ports === undefined || target.zeroCost === true || profile.ports.cores.includes(target.core)) return undefined;
  return `profile ${profile.id} has no port for ${target.id} (core ${target.core}); its ports: ${profile.ports.cores.join(', ')} (${profile.ports.source})`;
}
