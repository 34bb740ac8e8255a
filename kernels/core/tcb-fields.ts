import type { FieldRef } from '../../hardware/block.ts';
import type { Target } from '../../hardware/target.ts';
import { fieldOffset } from './layout.ts';
import { CORE_TCB_FIELDS } from './tcb.ts';

/*
 * The TCB fields a block names when it touches them (`at('load8.idx2', TCB.OSTCBBitX)`), so the
 * target prices the encoding that reaches the field's offset: on the Cortex-M4 OSTCBY, OSTCBBitX,
 * OSTCBBitY and OSTCBDelReq lie at 32-35, past the 16-bit LDRB/STRB's 31, as in the compiled C.
 * Offsets come from CORE_TCB_FIELDS, which every design's TCB begins with.
 */

function tcbField(name: string): FieldRef {
  if (!CORE_TCB_FIELDS.some((f) => f.name === name)) throw new Error(`OS_TCB has no field ${name}`);
  return { name, offsetOn: (target: Target) => fieldOffset(CORE_TCB_FIELDS, name, target) };
}

/** The uC/OS-II TCB fields blocks name, by their C names. */
export const TCB = {
  OSTCBPrio: tcbField('OSTCBPrio'),
  OSTCBX: tcbField('OSTCBX'),
  OSTCBY: tcbField('OSTCBY'),
  OSTCBBitX: tcbField('OSTCBBitX'),
  OSTCBBitY: tcbField('OSTCBBitY'),
  OSTCBDelReq: tcbField('OSTCBDelReq'),
} as const;
