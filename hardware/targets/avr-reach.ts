import type { DisplacementReach } from '../target.ts';
import type { MicroOp } from '../microops.ts';

/*
 * How far the AVR's indexed loads and stores reach (AVR Instruction Set Manual, Atmel doc 0856:
 * LDD/STD "Load/Store Indirect with Displacement" take Y or Z plus q, 0 <= q <= 63), so an access of
 * n bytes reaches offsets 0 to 64 - n. Past that avr-gcc moves the pointer there and back around the
 * access: ADIW Rd+1:Rd, K and SBIW Rd+1:Rd, K (doc 0856: 0 <= K <= 63, 2 cycles, one word each), so
 * the far form reaches 63 more. No far form is modelled for `followPtr` (Z reloaded through itself)
 * nor for the second pointer (X, `.idx2`: no displacement, its lowering already moves X by ADIW/SBIW,
 * whose K stops at 63); pricing a field past their reach is an error.
 */

const MANUAL = 'AVR Instruction Set Manual (Atmel 0856)';
const Q_MAX = 63;
const K_MAX = 63;

function viaZ(width: number, near: readonly string[]): DisplacementReach {
  const nearMax = Q_MAX + 1 - width;
  return {
    nearMax,
    far: ['ADIW r30, k', ...near, 'SBIW r30, k'],
    farMax: nearMax + K_MAX,
    source: `${MANUAL}: LDD/STD Z+q, 0 <= q <= 63; beyond, ADIW/SBIW Z by K <= 63 around the access`,
  };
}

function viaX(width: number): DisplacementReach {
  return { nearMax: K_MAX + 1 - width, source: `${MANUAL}: X has no displacement; ADIW/SBIW X by K, 0 <= K <= 63` };
}

/** The AVR's reach per indexed micro-op; `lowering` is avr.ts's, whose near sequences the far forms wrap. */
export function avrDisplacementReach(lowering: Readonly<Record<MicroOp, readonly string[]>>): Readonly<Partial<Record<MicroOp, DisplacementReach>>> {
  const z = (op: MicroOp, width: number): DisplacementReach => viaZ(width, lowering[op]);
  return {
    'load8.idx': z('load8.idx', 1),
    'store8.idx': z('store8.idx', 1),
    'load16.idx': z('load16.idx', 2),
    'store16.idx': z('store16.idx', 2),
    'load32.idx': z('load32.idx', 4),
    'store32.idx': z('store32.idx', 4),
    'loadPtr.idx': z('loadPtr.idx', 2),
    'storePtr.idx': z('storePtr.idx', 2),
    // Z is reloaded through itself: no SBIW could follow, so no far form is modelled.
    followPtr: viaX(2),
    'load8.idx2': viaX(1),
    'store8.idx2': viaX(1),
    'load16.idx2': viaX(2),
    'store16.idx2': viaX(2),
    'loadPtr.idx2': viaX(2),
    'storePtr.idx2': viaX(2),
  };
}
