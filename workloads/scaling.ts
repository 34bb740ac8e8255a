import type { Target } from '../hardware/target.ts';
import { getTarget } from '../hardware/targets/index.ts';

/*
 * The rule that carries application work between targets. A workload gives each task's execution in
 * cycles of its reference target; kernel code is priced instruction by instruction, but application
 * code (metering arithmetic, protocol parsing) has no listing, so it scales by the ratio of the two
 * cores' work per cycle, measured with one benchmark port and compiler family on both:
 *
 *   cycles on target = cycles on reference * (CoreMark per MHz of reference / CoreMark per MHz of target)
 *
 * Each target carries its CoreMark per MHz with its source (`Target.coremarkPerMhz`), all from the
 * Arduino CoreMark port's published table (github xidameng/CoreMark, README), one port and compiler
 * family on every core.
 */

/** Converts application cycles measured on `referenceTargetId` into cycles on `target` (rounded up, at least 1 for nonzero work). */
export function scaleCycles(referenceCycles: number, referenceTargetId: string, target: Target): number {
  if (referenceCycles === 0) return 0;
  const reference = getTarget(referenceTargetId);
  if (reference.core === target.core) return referenceCycles;
  // The ideal machine has no work per cycle of its own: application work keeps its duration.
  if (reference.zeroCost === true || target.zeroCost === true) return Math.max(1, Math.ceil((referenceCycles * target.clockHz) / reference.clockHz));
  const ratio = coremarkPerMhz(reference) / coremarkPerMhz(target);
  return Math.max(1, Math.ceil(referenceCycles * ratio));
}

function coremarkPerMhz(target: Target): number {
  if (target.coremarkPerMhz === undefined) throw new RangeError(`target ${target.id}: coremarkPerMhz is missing, so application work cannot be scaled onto it`);
  return target.coremarkPerMhz.value;
}
