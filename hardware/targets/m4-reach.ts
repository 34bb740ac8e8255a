import type { DisplacementReach } from '../target.ts';
import type { MicroOp } from '../microops.ts';

/*
 * How far the Cortex-M4's indexed loads and stores reach in their 16-bit encodings (ARMv7-M
 * Architecture Reference Manual, ARM DDI 0403, section A7.7): LDR/STR/LDRB/STRB/LDRH/STRH
 * (immediate) encoding T1 holds imm5 scaled by the access size, so a byte reaches offsets 0-31, a
 * halfword 0-62, a word 0-124 (low registers only). Past that the compiler emits the 32-bit encoding
 * with imm12 (0-4095): T2 of LDRB/STRB/LDRH/STRH, T3 of LDR/STR. Same cycles (ARM DDI 0439 Table 3-1
 * times LDR by its addressing, not its encoding), two more bytes.
 */

const ARM_ARM = 'ARMv7-M ARM (DDI 0403) A7.7';
const IMM12_MAX = 4095;

function reach(nearMax: number, far: string, encodings: string): DisplacementReach {
  return { nearMax, far: [far], farMax: IMM12_MAX, source: `${ARM_ARM} ${encodings}` };
}

const BYTE = 31;
const HALF = 62;
const WORD = 124;
const byteLoad = 'LDRB (immediate): T1 imm5 reaches 0-31; T2 imm12 (32-bit) beyond';
const byteStore = 'STRB (immediate): T1 imm5 reaches 0-31; T2 imm12 (32-bit) beyond';
const halfLoad = 'LDRH (immediate): T1 imm5:0 reaches 0-62; T2 imm12 (32-bit) beyond';
const halfStore = 'STRH (immediate): T1 imm5:0 reaches 0-62; T2 imm12 (32-bit) beyond';
const wordLoad = 'LDR (immediate): T1 imm5:00 reaches 0-124; T3 imm12 (32-bit) beyond';
const wordStore = 'STR (immediate): T1 imm5:00 reaches 0-124; T3 imm12 (32-bit) beyond';

/** The Cortex-M4's reach per indexed micro-op, the far form written like the near one in m4.ts. */
export const M4_DISPLACEMENT_REACH: Readonly<Partial<Record<MicroOp, DisplacementReach>>> = {
  'load8.idx': reach(BYTE, 'LDRB.W r0, [r2, #q]', byteLoad),
  'load8.idx2': reach(BYTE, 'LDRB.W r0, [r1, #q]', byteLoad),
  'store8.idx': reach(BYTE, 'STRB.W r0, [r2, #q]', byteStore),
  'store8.idx2': reach(BYTE, 'STRB.W r0, [r1, #q]', byteStore),
  'load16.idx': reach(HALF, 'LDRH.W r0, [r2, #q]', halfLoad),
  'load16.idx2': reach(HALF, 'LDRH.W r0, [r1, #q]', halfLoad),
  'store16.idx': reach(HALF, 'STRH.W r0, [r2, #q]', halfStore),
  'store16.idx2': reach(HALF, 'STRH.W r0, [r1, #q]', halfStore),
  'load32.idx': reach(WORD, 'LDR.W r0, [r2, #q]', wordLoad),
  'loadPtr.idx': reach(WORD, 'LDR.W r0, [r2, #q]', wordLoad),
  'loadPtr.idx2': reach(WORD, 'LDR.W r0, [r1, #q]', wordLoad),
  followPtr: reach(WORD, 'LDR.W r0, [r0, #q]', wordLoad),
  'store32.idx': reach(WORD, 'STR.W r0, [r2, #q]', wordStore),
  'storePtr.idx': reach(WORD, 'STR.W r0, [r2, #q]', wordStore),
  'storePtr.idx2': reach(WORD, 'STR.W r0, [r1, #q]', wordStore),
};
