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
 * Figures: the Arduino CoreMark port's published table (github xidameng/CoreMark, README):
 * Arduino Mega (ATmega2560, 8-bit AVR, 16 MHz) 7.03 CoreMark -> 0.439 per MHz;
 * Teensy 3.2 (MK20DX256, Cortex-M4, 72 MHz) 168.62 CoreMark -> 2.342 per MHz.
 * Assumed: the ATmega128's core does the same work per cycle as the ATmega2560's (same AVR
 * instruction set; the 2560's 3-byte PC makes its calls one cycle slower, so this slightly favours
 * the reference), and the GD32F450 and STM32F407 match the MK20's Cortex-M4 per cycle.
 */

/** A real core: every core but the ideal machine's. */
type RealCore = Exclude<Target['core'], 'ideal'>;

/** CoreMark iterations per second per MHz, by core, from one benchmark port (see above). */
export const COREMARK_PER_MHZ: Readonly<Record<RealCore, { readonly value: number; readonly source: string }>> = {
  avr8: { value: 7.03 / 16, source: 'Arduino CoreMark port (github xidameng/CoreMark): Arduino Mega, ATmega2560 @ 16 MHz, 7.03' },
  'cortex-m4': { value: 168.62 / 72, source: 'Arduino CoreMark port (github xidameng/CoreMark): Teensy 3.2, MK20DX256 Cortex-M4 @ 72 MHz, 168.62' },
};

/** Converts application cycles measured on `referenceTargetId` into cycles on `target` (rounded up, at least 1 for nonzero work). */
export function scaleCycles(referenceCycles: number, referenceTargetId: string, target: Target): number {
  if (referenceCycles === 0) return 0;
  const reference = getTarget(referenceTargetId);
  if (reference.core === target.core) return referenceCycles;
  // The ideal machine has no work per cycle of its own: application work keeps its duration.
  if (reference.core === 'ideal' || target.core === 'ideal') return Math.max(1, Math.ceil((referenceCycles * target.clockHz) / reference.clockHz));
  const ratio = COREMARK_PER_MHZ[reference.core].value / COREMARK_PER_MHZ[target.core].value;
  return Math.max(1, Math.ceil(referenceCycles * ratio));
}
