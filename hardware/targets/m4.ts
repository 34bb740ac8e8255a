import type { InstructionSpec, Target } from '../target.ts';
import { M4_DISPLACEMENT_REACH } from './m4-reach.ts';

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
  // The 32-bit encodings with imm12, for a field past the 16-bit form's reach (m4-reach.ts).
  'LDR.W': op(2, 4, `${TRM}: LDR 2 cycles; ARMv7-M ARM (DDI 0403) A7.7 LDR (immediate) T3, 32-bit`),
  'LDRB.W': op(2, 4, `${TRM}: LDRB 2 cycles; ARMv7-M ARM (DDI 0403) A7.7 LDRB (immediate) T2, 32-bit`),
  'LDRH.W': op(2, 4, `${TRM}: LDRH 2 cycles; ARMv7-M ARM (DDI 0403) A7.7 LDRH (immediate) T2, 32-bit`),
  'STR.W': op(1, 4, `${TRM}, note: STR Rx,[Ry,#imm] is always one cycle; ARMv7-M ARM (DDI 0403) A7.7 STR (immediate) T3, 32-bit`),
  'STRB.W': op(1, 4, `${TRM}, note: STR Rx,[Ry,#imm] is always one cycle; ARMv7-M ARM (DDI 0403) A7.7 STRB (immediate) T2, 32-bit`),
  'STRH.W': op(1, 4, `${TRM}, note: STR Rx,[Ry,#imm] is always one cycle; ARMv7-M ARM (DDI 0403) A7.7 STRH (immediate) T2, 32-bit`),
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
  STMIA: { cycles: 1, cyclesPerListedRegister: 1, bytes: 4, source: `${TRM}: 1+N` },
  BIC: op(1, 4, `${TRM}: 1 (32-bit encoding for an immediate)`),
  ORR: op(1, 4, `${TRM}: 1 (32-bit encoding for an immediate)`),
  DMB: op(1, 4, `${TRM}: 1+B, B for DMB at least 0`),
  SVC: op(1, 2, 'Thumb SVC #imm8, 16-bit encoding; Table 3-1 gives no figure, 1 issue cycle assumed before the exception entry'),
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
  // The 16-bit forms above reach a byte at 31, a halfword at 62, a word at 124: beyond, the 32-bit form.
  displacementReach: M4_DISPLACEMENT_REACH,
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
  // The SVC handler of FreeRTOS's ARM_CM4_MPU port (vPortSVCHandler: pick the stack from EXC_RETURN,
  // read the SVC number from the stacked PC's instruction) dispatching through a table of services.
  svcGate: {
    enter: [
      'SVC #n', 'EXC.entry', 'TST lr, #4', 'IT eq', 'MRS r0, psp', 'B svc_dispatch', 'LDR r1, [r0, #24]', 'LDRB r1, [r1, #-2]',
      'CMP r1, #SVC_COUNT', 'BNE svc_bad', 'LDR.lit r2, =svc_table', 'LDR r2, [r2, r1, lsl #2]', 'BL service',
    ],
    leave: ['STR r0, [r4]', 'EXC.return bx lr'],
  },
  // ARMv7-M MPU (DDI 0403 section B3.5): 8 regions, 32 bytes at least, 8 subregions from 256 bytes.
  // Loading an APP's four regions: FreeRTOS ARM_CM4_MPU port.c xPortPendSVHandler, which writes
  // RBAR/RASR pairs through the alias registers with one LDMIA/STMIA of 8 words.
  mpu: {
    regions: 8,
    minRegionBytes: 32,
    subregions: 8,
    minSubregionRegionBytes: 256,
    regionsPerApp: 4,
    switchIn: [
      'DMB', 'LDR.lit r2, =MPU_CTRL', 'LDR r3, [r2]', 'BIC r3, #1', 'STR r3, [r2]', 'LDR.lit r2, =MPU_RBAR', 'ADDS r1, #4',
      'LDMIA r1!, {r4-r11}', 'STMIA r2, {r4-r11}', 'LDR.lit r2, =MPU_CTRL', 'LDR r3, [r2]', 'ORR r3, #1', 'STR r3, [r2]', 'DSB', 'ISB',
    ],
    // MemManage (DDI 0403 B3.2.15 CFSR/MMFSR, B3.2.16 MMFAR): take the faulting stack, log status,
    // address and stacked PC (the patent's step S404), clear the status, flag the APP for the guardian.
    faultHandler: [
      'EXC.entry', 'TST lr, #4', 'IT eq', 'MRS r0, psp', 'LDR.lit r1, =SCB_CFSR', 'LDR r2, [r1]', 'LDR r3, [r1, #MMFAR]', 'LDR r12, [r0, #24]',
      'LDR.lit r0, =fault_log', 'STMIA r0, {r2, r3, r12}', 'STR r2, [r1]', 'LDR.lit r1, =app_state', 'MOVS r2, #FAULTED', 'STRB r2, [r1]', 'EXC.return bx lr',
    ],
    source: 'ARMv7-M Architecture Reference Manual DDI 0403 B3.5 (MPU: regions, sizes, subregions), B3.2.15-16 (MemManage status and address); FreeRTOS-Kernel portable/GCC/ARM_CM4_MPU/port.c xPortPendSVHandler',
  },
  // The GD32F450 erases whole sectors only: the 4 KB page erase (FMC_PEKEY/FMC_PECFG) of the GD32F4xx
  // family exists on the GD32F425/427/470, not the F450 (GD32F4xx firmware library gd32f4xx_fmc.h:
  // fmc_page_erase is declared under `defined(GD32F425) || defined(GD32F427) || defined(GD32F470)`).
  // Its sectors follow the STM32F4 layout per 1 MB bank (4 x 16 KB, 64 KB, 7 x 128 KB; 256 KB
  // sectors past 2 MB). The kernel stays in bank 0; APPs live in bank 1's sectors 17-23, so the
  // XIPFS erase block is one 128 KB sector, as on the STM32F407.
  flash: {
    programBytes: 4,
    programUs: 16,
    eraseUnit: { bytes: 128 * 1024, eraseUs: 1_000_000 },
    appRegionBytes: 7 * 128 * 1024,
    source:
      'GD32F4xx User Manual, FMC chapter (sector organisation; page erase only on GD32F425/427/470) and firmware library gd32f4xx_fmc.h; times ASSUMED equal to the STM32F407\'s typical x32 figures (DS8626 Table 40: word 16 us, 128 KB sector 1 s) until read from the GD32F450xx datasheet\'s flash characteristics table',
  },
  sources: [
    'ARM Cortex-M4 Technical Reference Manual, DDI 0439: Table 3-1 and section 3.3 (exceptions)',
    'GigaDevice GD32F450xx datasheet: 200 MHz, zero-wait-state code flash area, 512 KB SRAM, 3 MB flash',
    'GigaDevice GD32F4xx User Manual, FMC chapter: sector organisation and erase; gd32f4xx_fmc.h: page erase on GD32F425/427/470 only',
    'FreeRTOS-Kernel portable/GCC/ARM_CM4_MPU/port.c: vPortSVCHandler',
    'FreeRTOS-Kernel portable/GCC/ARM_CM4F/port.c: xPortPendSVHandler',
    'uC/OS-II Cortex-M4 port os_cpu_a.asm: OS_CPU_SR_Save, OS_CPU_SR_Restore',
  ],
};
