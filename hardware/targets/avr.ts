import type { InstructionSpec, Target } from '../target.ts';
import { avrDisplacementReach } from './avr-reach.ts';

/*
 * ATmega128L: 8-bit AVR, 16-bit PC (128 KB flash), 4 KB SRAM.
 * Cycle counts and sizes: Atmel doc 2467 (ATmega128 datasheet), "Instruction Set Summary", and the
 * AVR Instruction Set Manual (doc 0856); the same figures as avr8js `src/cpu/instruction.ts`.
 * Port sequences: FreeRTOS `portable/GCC/ATMega323/port.c` (portSAVE_CONTEXT / portRESTORE_CONTEXT,
 * portENTER_CRITICAL / portEXIT_CRITICAL) and the avr-gcc ISR prologue/epilogue.
 */

const ISA = 'ATmega128 datasheet (2467) Instruction Set Summary';

function op(cycles: number, bytes: number, source = ISA): InstructionSpec {
  return { cycles, bytes, source };
}

function branch(bytes: number): InstructionSpec {
  return { cycles: 1, takenCycles: 2, bytes, source: `${ISA}: 1 cycle if false, 2 if true` };
}

const instructions: Record<string, InstructionSpec> = {
  LDS: op(2, 4),
  STS: op(2, 4),
  LD: op(2, 2),
  LDD: op(2, 2),
  ST: op(2, 2),
  STD: op(2, 2),
  LDI: op(1, 2),
  ADIW: op(2, 2),
  SBIW: op(2, 2),
  NOP: op(1, 2),
  CPI: op(1, 2),
  MOV: op(1, 2),
  MOVW: op(1, 2),
  ADD: op(1, 2),
  ADC: op(1, 2),
  CLR: op(1, 2, `${ISA} (EOR Rd,Rd)`),
  CP: op(1, 2),
  CPC: op(1, 2),
  BRNE: branch(2),
  BREQ: branch(2),
  RJMP: op(2, 2),
  JMP: op(3, 4),
  CALL: op(4, 4, `${ISA}: 4 cycles on devices with a 16-bit PC`),
  RET: op(4, 2, `${ISA}: 4 cycles on devices with a 16-bit PC`),
  RETI: op(4, 2, `${ISA}: 4 cycles on devices with a 16-bit PC`),
  PUSH: op(2, 2),
  POP: op(2, 2),
  IN: op(1, 2),
  OUT: op(1, 2),
  CLI: op(1, 2),
  SEI: op(1, 2),
  SBI: op(2, 2),
  LPM: op(3, 2),
  'IRQ.response': op(
    4,
    0,
    'ATmega128 datasheet (2467) "Interrupt Response Time": at least 4 cycles to push the 2-byte PC and clear I',
  ),
};

const lowering: Target['lowering'] = {
  // LDS/STS carry the address in the instruction: no base to load.
  globalBase: [],
  'load8.abs': ['LDS r24, var'],
  'load16.abs': ['LDS r24, var', 'LDS r25, var+1'],
  'load32.abs': ['LDS r22, var', 'LDS r23, var+1', 'LDS r24, var+2', 'LDS r25, var+3'],
  'loadPtr.abs': ['LDS r30, ptr', 'LDS r31, ptr+1'],
  'load8.idx': ['LDD r24, Z+q'],
  'load16.idx': ['LDD r24, Z+q', 'LDD r25, Z+q+1'],
  'load32.idx': ['LDD r22, Z+q', 'LDD r23, Z+q+1', 'LDD r24, Z+q+2', 'LDD r25, Z+q+3'],
  'loadPtr.idx': ['LDD r26, Z+q', 'LDD r27, Z+q+1'],
  // X has no displacement (LDD/STD take Y or Z only): avr-gcc moves X to the field and back.
  'load8.idx2': ['ADIW r26, q', 'LD r24, X', 'SBIW r26, q'],
  'load16.idx2': ['ADIW r26, q', 'LD r24, X+', 'LD r25, X', 'SBIW r26, q+1'],
  'loadPtr.idx2': ['ADIW r26, q', 'LD r24, X+', 'LD r25, X', 'SBIW r26, q+1'],
  'store8.idx2': ['ADIW r26, q', 'ST X, r24', 'SBIW r26, q'],
  'store16.idx2': ['ADIW r26, q+1', 'ST X, r25', 'ST -X, r24', 'SBIW r26, q'],
  'storePtr.idx2': ['ADIW r26, q+1', 'ST X, r25', 'ST -X, r24', 'SBIW r26, q'],
  'store8.abs': ['STS var, r24'],
  'store16.abs': ['STS var, r24', 'STS var+1, r25'],
  'store32.abs': ['STS var, r22', 'STS var+1, r23', 'STS var+2, r24', 'STS var+3, r25'],
  'storePtr.abs': ['STS ptr, r30', 'STS ptr+1, r31'],
  'store8.idx': ['STD Z+q, r24'],
  'store16.idx': ['STD Z+q, r24', 'STD Z+q+1, r25'],
  'store32.idx': ['STD Z+q, r22', 'STD Z+q+1, r23', 'STD Z+q+2, r24', 'STD Z+q+3, r25'],
  'storePtr.idx': ['STD Z+q, r26', 'STD Z+q+1, r27'],
  const8: ['LDI r24, k'],
  const16: ['LDI r24, lo8(k)', 'LDI r25, hi8(k)'],
  const32: ['LDI r22, k0', 'LDI r23, k1', 'LDI r24, k2', 'LDI r25, k3'],
  constPtr: ['LDI r30, lo8(addr)', 'LDI r31, hi8(addr)'],
  move8: ['MOV r24, r18'],
  move16: ['MOVW r24, r18'],
  move32: ['MOVW r22, r18', 'MOVW r24, r20'],
  movePtr: ['MOVW r30, r26'],
  alu8: ['ADD r24, r18'],
  alu16: ['ADD r24, r18', 'ADC r25, r19'],
  alu32: ['ADD r22, r18', 'ADC r23, r19', 'ADC r24, r20', 'ADC r25, r21'],
  aluPtr: ['ADD r30, r24', 'ADC r31, r25'],
  'cmpbr8.taken': ['CP r24, r18', 'BRNE L (taken)'],
  'cmpbr8.fall': ['CP r24, r18', 'BRNE L'],
  'cmpbr16.taken': ['CP r24, r18', 'CPC r25, r19', 'BRNE L (taken)'],
  'cmpbr16.fall': ['CP r24, r18', 'CPC r25, r19', 'BRNE L'],
  'cmpbr32.taken': ['CP r22, r18', 'CPC r23, r19', 'CPC r24, r20', 'CPC r25, r21', 'BRNE L (taken)'],
  'cmpbr32.fall': ['CP r22, r18', 'CPC r23, r19', 'CPC r24, r20', 'CPC r25, r21', 'BRNE L'],
  'cmpbrPtr.taken': ['CP r30, r26', 'CPC r31, r27', 'BRNE L (taken)'],
  'cmpbrPtr.fall': ['CP r30, r26', 'CPC r31, r27', 'BRNE L'],
  'nullbrPtr.taken': ['SBIW r30, 0', 'BREQ L (taken)'],
  'nullbrPtr.fall': ['SBIW r30, 0', 'BREQ L'],
  // Z cannot be loaded through itself in two LDDs: the low byte waits in r0.
  followPtr: ['LDD r0, Z+q', 'LDD r31, Z+q+1', 'MOV r30, r0'],
  jump: ['RJMP L'],
  call: ['CALL f'],
  ret: ['RET'],
  push: ['PUSH r28'],
  pop: ['POP r28'],
  flashLookup8: ['LDI r30, lo8(table)', 'LDI r31, hi8(table)', 'ADD r30, r24', 'ADC r31, r1', 'LPM r24, Z'],
  // No CLZ on AVR: uC/OS-II's 256-byte OSUnMapTbl in flash, read with LPM.
  clz: ['LDI r30, lo8(OSUnMapTbl)', 'LDI r31, hi8(OSUnMapTbl)', 'ADD r30, r24', 'ADC r31, r1', 'LPM r24, Z'],
  mask: ['CLI'],
  unmask: ['SEI'],
  saveIrqState: ['IN r18, SREG', 'CLI'],
  restoreIrqState: ['OUT SREG, r18'],
  gpioToggle: ['SBI PORTB, 0'],
};

export const avr: Target = {
  id: 'avr',
  name: 'ATmega128L (8-bit AVR) at 8 MHz',
  core: 'avr8',
  clockHz: 8_000_000,
  clockOptionsHz: [7_372_800],
  ramBytes: 4096,
  flashBytes: 131_072,
  pointerBytes: 2,
  // FreeRTOS ATMega323 port frame: r0, SREG, r1-r31 (33 bytes) + the 2-byte return address.
  contextFrameBytes: 35,
  hasClz: false,
  // Assumed: the ATmega128's core does the same work per cycle as the ATmega2560's (same AVR
  // instruction set; the 2560's 3-byte PC makes its calls one cycle slower, so this slightly favours the AVR).
  coremarkPerMhz: { value: 7.03 / 16, source: 'Arduino CoreMark port (github xidameng/CoreMark): Arduino Mega, ATmega2560 @ 16 MHz, 7.03' },
  inStudies: true,
  fetchModel: 'Flash fetch is single-cycle on AVR; the two-stage pipeline is folded into the datasheet cycle counts.',
  instructions,
  lowering,
  displacementReach: avrDisplacementReach(lowering),
  port: {
    'irq-entry': ['IRQ.response', 'JMP isr'],
    // avr-gcc prologue of an ISR that calls a C function: r1, r0, SREG and the call-used r18-r27, r30, r31.
    'isr-prologue': [
      'PUSH r1', 'PUSH r0', 'IN r0, SREG', 'PUSH r0', 'CLR r1',
      'PUSH r18', 'PUSH r19', 'PUSH r20', 'PUSH r21', 'PUSH r22', 'PUSH r23', 'PUSH r24', 'PUSH r25',
      'PUSH r26', 'PUSH r27', 'PUSH r30', 'PUSH r31',
    ],
    'isr-epilogue': [
      'POP r31', 'POP r30', 'POP r27', 'POP r26', 'POP r25', 'POP r24', 'POP r23', 'POP r22',
      'POP r21', 'POP r20', 'POP r19', 'POP r18', 'POP r0', 'OUT SREG, r0', 'POP r0', 'POP r1',
    ],
    'irq-exit': ['RETI'],
    // FreeRTOS ATMega323 portSAVE_CONTEXT: 33 PUSH + 3 IN + CLI + CLR + 2 LDS + 2 ST.
    'context-save': [
      'PUSH r0', 'IN r0, SREG', 'CLI', 'PUSH r0', 'PUSH r1', 'CLR r1',
      'PUSH r2', 'PUSH r3', 'PUSH r4', 'PUSH r5', 'PUSH r6', 'PUSH r7', 'PUSH r8', 'PUSH r9',
      'PUSH r10', 'PUSH r11', 'PUSH r12', 'PUSH r13', 'PUSH r14', 'PUSH r15', 'PUSH r16', 'PUSH r17',
      'PUSH r18', 'PUSH r19', 'PUSH r20', 'PUSH r21', 'PUSH r22', 'PUSH r23', 'PUSH r24', 'PUSH r25',
      'PUSH r26', 'PUSH r27', 'PUSH r28', 'PUSH r29', 'PUSH r30', 'PUSH r31',
      'LDS r26, pxCurrentTCB', 'LDS r27, pxCurrentTCB+1',
      'IN r0, SPL', 'ST X+, r0', 'IN r0, SPH', 'ST X+, r0',
    ],
    // FreeRTOS ATMega323 portRESTORE_CONTEXT: 2 LDS + 2 LD + 3 OUT + 33 POP.
    'context-restore': [
      'LDS r26, pxCurrentTCB', 'LDS r27, pxCurrentTCB+1',
      'LD r28, X+', 'OUT SPL, r28', 'LD r29, X+', 'OUT SPH, r29',
      'POP r31', 'POP r30', 'POP r29', 'POP r28', 'POP r27', 'POP r26', 'POP r25', 'POP r24',
      'POP r23', 'POP r22', 'POP r21', 'POP r20', 'POP r19', 'POP r18', 'POP r17', 'POP r16',
      'POP r15', 'POP r14', 'POP r13', 'POP r12', 'POP r11', 'POP r10', 'POP r9', 'POP r8',
      'POP r7', 'POP r6', 'POP r5', 'POP r4', 'POP r3', 'POP r2',
      'POP r1', 'POP r0', 'OUT SREG, r0', 'POP r0',
    ],
    // FreeRTOS ATMega323 portENTER_CRITICAL / portEXIT_CRITICAL.
    'critical-enter': ['IN r0, SREG', 'CLI', 'PUSH r0'],
    'critical-exit': ['POP r0', 'OUT SREG, r0'],
  },
  sources: [
    'Atmel ATmega128/L datasheet, doc 2467: Instruction Set Summary; Interrupt Response Time; memories',
    'AVR Instruction Set Manual, doc 0856',
    'FreeRTOS-Kernel portable/GCC/ATMega323/port.c: portSAVE_CONTEXT, portRESTORE_CONTEXT, critical sections',
  ],
};
