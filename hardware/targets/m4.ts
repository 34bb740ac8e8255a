import type { InstructionSpec, Target } from '../target.ts';

/*
 * GD32F450 (Cortex-M4) at 200 MHz, zero wait states in the code area.
 * Cycle counts: ARM Cortex-M4 Technical Reference Manual (DDI 0439), Table 3-1, zero wait states.
 * P (pipeline refill) ranges 1-3 in the TRM depending on target alignment and width; kbench uses
 * P = 2, the middle of the range, for every taken branch. Exception timing: TRM section 3.3
 * (12-cycle entry with hardware stacking of 8 words, 10-cycle return, 6-cycle tail-chain).
 * Sizes: Thumb-2 encodings (16-bit for low registers and short forms, 32-bit otherwise).
 * Port sequences: FreeRTOS `portable/GCC/ARM_CM4F/port.c` (xPortPendSVHandler) and uC/OS-II's
 * Cortex-M4 port `os_cpu_a.asm` (OS_CPU_SR_Save / OS_CPU_SR_Restore).
 */

const TRM = 'ARM DDI 0439 Table 3-1';
const P = 2;

function op(cycles: number, bytes: number, source = TRM): InstructionSpec {
  return { cycles, bytes, source };
}

const instructions: Record<string, InstructionSpec> = {
  LDR: op(2, 2),
  LDRB: op(2, 2),
  LDRH: op(2, 2),
  'LDR.lit': op(2, 6, `${TRM}: LDR (literal) 2 cycles; 2-byte encoding + 4-byte literal-pool word`),
  STR: op(1, 2, `${TRM}, note: STR Rx,[Ry,#imm] is always one cycle`),
  STRB: op(1, 2, `${TRM}, note: STR Rx,[Ry,#imm] is always one cycle (byte form assumed alike)`),
  STRH: op(1, 2, `${TRM}, note: STR Rx,[Ry,#imm] is always one cycle (halfword form assumed alike)`),
  MOVS: op(1, 2),
  MOV: op(1, 2),
  'MOV.W': op(1, 4),
  MOVW: op(1, 4),
  MOVT: op(1, 4),
  ADDS: op(1, 2),
  CMP: op(1, 2),
  TST: op(1, 4, `${TRM}: 32-bit encoding for an immediate on a high register`),
  IT: op(1, 2, `${TRM}: 1 cycle (0 when folded; not folded here)`),
  BNE: { cycles: 1, takenCycles: 1 + P, bytes: 2, source: `${TRM}: B<cc> 1 not taken, 1+P taken (P=${P})` },
  B: op(1 + P, 2, `${TRM}: 1+P (P=${P})`),
  CBZ: { cycles: 1, takenCycles: 1 + P, bytes: 2, source: `${TRM}: CBZ/CBNZ 1 not taken, 1+P taken (P=${P})` },
  'PUSH.reg': { cycles: 1, bytes: 0, source: `${TRM}: PUSH {list} 1+N: a callee-saved register adds one cycle to the function's single PUSH (its 16-bit encoding, shared, is not charged)` },
  'POP.reg': { cycles: 1, bytes: 0, source: `${TRM}: POP {list} 1+N: a callee-saved register adds one cycle to the function's single POP (its 16-bit encoding, shared, is not charged)` },
  BL: op(1 + P, 4, `${TRM}: 1+P (P=${P})`),
  BX: op(1 + P, 2, `${TRM}: 1+P (P=${P})`),
  PUSH: { cycles: 1, cyclesPerListedRegister: 1, bytes: 2, source: `${TRM}: 1+N` },
  POP: { cycles: 1, cyclesPerListedRegister: 1, bytes: 2, source: `${TRM}: 1+N (no PC in the list)` },
  STMDB: { cycles: 1, cyclesPerListedRegister: 1, bytes: 4, source: `${TRM}: 1+N` },
  LDMIA: { cycles: 1, cyclesPerListedRegister: 1, bytes: 4, source: `${TRM}: 1+N` },
  CLZ: op(1, 4),
  CPSID: op(1, 2, `${TRM}: 1-2 cycles; kbench uses 1 (check)`),
  CPSIE: op(1, 2, `${TRM}: 1-2 cycles; kbench uses 1 (check)`),
  MRS: op(2, 4, `${TRM}: 1-2 cycles; kbench uses the upper bound`),
  MSR: op(2, 4, `${TRM}: 1-2 cycles; kbench uses the upper bound`),
  ISB: op(1 + P, 4, `${TRM}: 1+B, B for ISB at least a pipeline refill (P=${P})`),
  DSB: op(1, 4, `${TRM}: 1+B, B for DSB at least 0`),
  'VSTMDB.skip': op(1, 4, `${TRM}: a conditional instruction that fails its condition takes 1 cycle (no FP context)`),
  'VLDMIA.skip': op(1, 4, `${TRM}: a conditional instruction that fails its condition takes 1 cycle (no FP context)`),
  'EXC.entry': op(12, 0, 'ARM DDI 0439 section 3.3: 12-cycle exception entry (stacking 8 words, vector fetch)'),
  'EXC.return': op(10, 2, 'ARM DDI 0439 section 3.3: 10-cycle exception return (BX lr with EXC_RETURN, unstacking)'),
  'EXC.tailchain': op(6, 0, 'ARM DDI 0439 section 3.3: 6-cycle tail-chain (check: secondary source)'),
};

export const m4: Target = {
  id: 'm4',
  name: 'GD32F450 (Cortex-M4) at 200 MHz, zero-wait flash',
  core: 'cortex-m4',
  clockHz: 200_000_000,
  clockOptionsHz: [],
  ramBytes: 512 * 1024,
  flashBytes: 3 * 1024 * 1024,
  pointerBytes: 4,
  // Hardware frame r0-r3, r12, lr, pc, xPSR (32 bytes) + the software frame r4-r11, lr (36 bytes).
  contextFrameBytes: 68,
  hasClz: true,
  // ARMv7-M (ARM DDI 0403, B1.4.3): BASEPRI masks only exceptions at or below a priority.
  hasBasePriority: true,
  // Assumed: the GD32F450 matches the MK20's Cortex-M4 per cycle (zero-wait flash on both).
  coremarkPerMhz: { value: 168.62 / 72, source: 'Arduino CoreMark port (github xidameng/CoreMark): Teensy 3.2, MK20DX256 Cortex-M4 @ 72 MHz, 168.62' },
  inStudies: true,
  fetchModel: 'Zero wait states in the GD32F450 code area: every instruction costs its TRM cycles.',
  instructions,
  lowering: {
    // arm-none-eabi-gcc -Os loads one base (a section anchor) per function from its literal pool
    // and reaches the globals near it by offset: the literal is paid once, in globalBase.
    globalBase: ['LDR.lit r3, =base'],
    'load8.abs': ['LDRB r0, [r3, #var]'],
    'load16.abs': ['LDRH r0, [r3, #var]'],
    'load32.abs': ['LDR r0, [r3, #var]'],
    'loadPtr.abs': ['LDR r0, [r3, #ptr]'],
    'load8.idx': ['LDRB r0, [r2, #q]'],
    'load16.idx': ['LDRH r0, [r2, #q]'],
    'load32.idx': ['LDR r0, [r2, #q]'],
    'loadPtr.idx': ['LDR r0, [r2, #q]'],
    // Every low register takes an offset: a second live pointer costs nothing extra.
    'load8.idx2': ['LDRB r0, [r1, #q]'],
    'load16.idx2': ['LDRH r0, [r1, #q]'],
    'loadPtr.idx2': ['LDR r0, [r1, #q]'],
    'store8.idx2': ['STRB r0, [r1, #q]'],
    'store16.idx2': ['STRH r0, [r1, #q]'],
    'storePtr.idx2': ['STR r0, [r1, #q]'],
    'store8.abs': ['STRB r0, [r3, #var]'],
    'store16.abs': ['STRH r0, [r3, #var]'],
    'store32.abs': ['STR r0, [r3, #var]'],
    'storePtr.abs': ['STR r0, [r3, #ptr]'],
    'store8.idx': ['STRB r0, [r2, #q]'],
    'store16.idx': ['STRH r0, [r2, #q]'],
    'store32.idx': ['STR r0, [r2, #q]'],
    'storePtr.idx': ['STR r0, [r2, #q]'],
    const8: ['MOVS r0, #k'],
    const16: ['MOVW r0, #k'],
    const32: ['MOVW r0, #lo', 'MOVT r0, #hi'],
    // A global array's address: gcc -Os loads it from the literal pool (MOVW/MOVT only with -mpure-code); same 2 cycles.
    constPtr: ['LDR.lit r0, =addr'],
    move8: ['MOV r0, r1'],
    move16: ['MOV r0, r1'],
    move32: ['MOV r0, r1'],
    movePtr: ['MOV r0, r1'],
    alu8: ['ADDS r0, r1'],
    alu16: ['ADDS r0, r1'],
    alu32: ['ADDS r0, r1'],
    aluPtr: ['ADDS r0, r1'],
    'cmpbr8.taken': ['CMP r0, r1', 'BNE L (taken)'],
    'cmpbr8.fall': ['CMP r0, r1', 'BNE L'],
    'cmpbr16.taken': ['CMP r0, r1', 'BNE L (taken)'],
    'cmpbr16.fall': ['CMP r0, r1', 'BNE L'],
    'cmpbr32.taken': ['CMP r0, r1', 'BNE L (taken)'],
    'cmpbr32.fall': ['CMP r0, r1', 'BNE L'],
    'cmpbrPtr.taken': ['CMP r0, r1', 'BNE L (taken)'],
    'cmpbrPtr.fall': ['CMP r0, r1', 'BNE L'],
    'nullbrPtr.taken': ['CBZ r0, L (taken)'],
    'nullbrPtr.fall': ['CBZ r0, L'],
    followPtr: ['LDR r0, [r0, #q]'],
    jump: ['B L'],
    call: ['BL f'],
    ret: ['BX lr'],
    // A function saves its callee-saved registers in one PUSH/POP: each adds a register to the list.
    push: ['PUSH.reg r4'],
    pop: ['POP.reg r4'],
    flashLookup8: ['LDR.lit r3, =table', 'LDRB r0, [r3, r0]'],
    clz: ['CLZ r0, r0'],
    mask: ['CPSID i'],
    unmask: ['CPSIE i'],
    saveIrqState: ['MRS r0, PRIMASK', 'CPSID i'],
    restoreIrqState: ['MSR PRIMASK, r0'],
    gpioToggle: ['LDR.lit r3, =GPIOx_BSRR', 'MOVS r2, #bit', 'STR r2, [r3]'],
  },
  port: {
    'irq-entry': ['EXC.entry'],
    'isr-prologue': ['PUSH {r4, lr}'],
    'isr-epilogue': ['POP {r4, lr}'],
    'irq-exit': ['EXC.return bx lr'],
    // FreeRTOS ARM_CM4F xPortPendSVHandler, the save half (no FP context: the VSTMDB is skipped).
    'context-save': [
      'MRS r0, psp', 'ISB', 'LDR.lit r3, =pxCurrentTCB', 'LDR r2, [r3]', 'TST lr, #0x10', 'IT eq',
      'VSTMDB.skip r0!, {s16-s31}', 'STMDB r0!, {r4-r11, lr}', 'STR r0, [r2]',
    ],
    // FreeRTOS ARM_CM4F xPortPendSVHandler, the restore half (the final BX lr is irq-exit).
    'context-restore': [
      'LDR r1, [r3]', 'LDR r0, [r1]', 'LDMIA r0!, {r4-r11, lr}', 'TST lr, #0x10', 'IT eq',
      'VLDMIA.skip r0!, {s16-s31}', 'MSR psp, r0', 'ISB',
    ],
    // uC/OS-II Cortex-M4 port: OS_CPU_SR_Save / OS_CPU_SR_Restore, called as functions.
    'critical-enter': ['BL OS_CPU_SR_Save', 'MRS r0, PRIMASK', 'CPSID i', 'BX lr'],
    'critical-exit': ['BL OS_CPU_SR_Restore', 'MSR PRIMASK, r0', 'BX lr'],
  },
  tailChain: ['EXC.tailchain'],
  sources: [
    'ARM Cortex-M4 Technical Reference Manual, DDI 0439: Table 3-1 and section 3.3 (exceptions)',
    'GigaDevice GD32F450xx datasheet: 200 MHz, zero-wait-state code flash area, 512 KB SRAM, 3 MB flash',
    'FreeRTOS-Kernel portable/GCC/ARM_CM4F/port.c: xPortPendSVHandler',
    'uC/OS-II Cortex-M4 port os_cpu_a.asm: OS_CPU_SR_Save, OS_CPU_SR_Restore',
  ],
};
