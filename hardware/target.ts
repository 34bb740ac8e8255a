import type { MicroOp } from './microops.ts';

/** Cycles and bytes of one instruction, with where the figures come from. */
export interface InstructionSpec {
  /** Cycles when executed (for a conditional branch: when it falls through). */
  readonly cycles: number;
  /** Cycles when a conditional branch is taken; absent for other instructions. */
  readonly takenCycles?: number;
  /** Extra cycles per register in a `{...}` register list (LDM/STM/PUSH/POP cost 1+N). */
  readonly cyclesPerListedRegister?: number;
  /** Encoded size in flash. */
  readonly bytes: number;
  /** Datasheet section, manual table or public port the figures were read from. */
  readonly source: string;
}

/**
 * How far an indexed load or store reaches in its short encoding, and the longer sequence a
 * compiler emits for a field beyond it. Offsets are bytes from the pointer the op goes through.
 */
export interface DisplacementReach {
  /** The largest offset the short form encodes (a 5-bit immediate scaled by the access size, a 6-bit displacement). */
  readonly nearMax: number;
  /** The sequence for an offset past `nearMax`, or undefined where none is modelled (pricing such a field is an error). */
  readonly far?: readonly InstructionText[];
  /** The largest offset the far sequence reaches. */
  readonly farMax?: number;
  /** The manual and encodings the reach is read from. */
  readonly source: string;
}

/** The port code every kernel shares on a target: real instruction sequences of a public port. */
export const PORT_BLOCKS = [
  'irq-entry',
  'isr-prologue',
  'isr-epilogue',
  'irq-exit',
  'context-save',
  'context-restore',
  'critical-enter',
  'critical-exit',
] as const;

/** The name of a port block. */
export type PortBlockName = (typeof PORT_BLOCKS)[number];

/** A port sequence: instructions written as assembler text, the first token being the mnemonic. */
export type InstructionText = string;

/**
 * A memory protection unit (ARMv7-M PMSA): regions of a power-of-two size aligned to their size, each
 * split into equal subregions that can be disabled one by one (only in regions of at least
 * `minSubregionRegionBytes`), and the port's sequence that loads one APP's regions at a switch.
 */
export interface MpuSpec {
  readonly regions: number;
  readonly minRegionBytes: number;
  readonly subregions: number;
  readonly minSubregionRegionBytes: number;
  /** Regions an APP uses: code, data (.data and .bss), stack, heap. */
  readonly regionsPerApp: number;
  /** Loading an APP's regions at a context switch (disable, write the region registers, enable, barriers). */
  readonly switchIn: readonly InstructionText[];
  /** The MemManage handler of an APP's illegal access: entry, read the fault status and address, log them, mark the APP faulted, return. */
  readonly faultHandler: readonly InstructionText[];
  readonly source: string;
}

/** One erase unit of the flash region APPs are installed in, with its erase time. */
export interface FlashEraseUnit {
  /** Bytes the smallest erase in the APP region clears. */
  readonly bytes: number;
  /** Typical time of one such erase, in microseconds. */
  readonly eraseUs: number;
}

/**
 * Program and erase figures of a part's on-chip flash (typical, at the supply range and parallelism
 * stated in `source`). Flash time is wall time, not CPU cycles: the CPU stalls or polls BUSY meanwhile.
 */
export interface FlashTiming {
  /** Bytes one program operation writes (the programming width). */
  readonly programBytes: number;
  /** Typical time of one program operation, in microseconds. */
  readonly programUs: number;
  /** The erase unit of the region APPs are installed in (a 4 KB page, or a whole sector). */
  readonly eraseUnit: FlashEraseUnit;
  /** Bytes of the region APPs may be installed in (after the kernel's image). */
  readonly appRegionBytes: number;
  /** Datasheet tables and manual sections behind each figure, and how the XIPFS erase block maps on. */
  readonly source: string;
}

/** An emulated MCU: clock, memories, and the tables that price every instruction it executes. */
export interface Target {
  readonly id: string;
  readonly name: string;
  /** The core family (e.g. `avr8`, `cortex-m4`); parts of one family do the same work per cycle. */
  readonly core: string;
  readonly clockHz: number;
  /** Other clocks the part is commonly run at (e.g. the UART-friendly 7.3728 MHz crystal). */
  readonly clockOptionsHz: readonly number[];
  readonly ramBytes: number;
  readonly flashBytes: number;
  /** Width of a data pointer, which sizes TCB links and stack pointers. */
  readonly pointerBytes: number;
  /** Bytes one saved task context occupies on its stack (the port's context frame). */
  readonly contextFrameBytes: number;
  /** True when the core has a count-leading-zeros instruction (no unmap table needed). */
  readonly hasClz: boolean;
  /** True when the core can mask interrupts by priority (ARMv7-M BASEPRI), not only all at once. */
  readonly hasBasePriority?: boolean;
  /**
   * True for a machine whose every instruction costs nothing (the ideal target): kernels on it have
   * no overheads, and runs on it release jobs exactly unless asked otherwise. Absent on real MCUs.
   */
  readonly zeroCost?: boolean;
  /**
   * Application work per cycle: CoreMark iterations per second per MHz, from one benchmark port on
   * every core, with where the figure comes from. It carries a workload's compute steps between
   * targets (`workloads/scaling.ts`). Absent only on the zero-cost machine.
   */
  readonly coremarkPerMhz?: { readonly value: number; readonly source: string };
  /**
   * True for the MCUs the paper's studies run on (the ATmega128L the paper measured and the Cortex-M4
   * of today's meters). Other parts (a variant, the ideal machine) are listed and can be run, not swept.
   */
  readonly inStudies?: boolean;
  /** How instruction fetch is modelled (wait states, caches); one honest sentence. */
  readonly fetchModel: string;
  /** Every instruction the lowering and the port use. */
  readonly instructions: Readonly<Record<string, InstructionSpec>>;
  /** Each micro-op as an instruction sequence. A `(taken)` suffix prices a branch as taken. */
  readonly lowering: Readonly<Record<MicroOp, readonly InstructionText[]>>;
  /**
   * Per indexed micro-op, the offset its lowering reaches: a step that names the field it touches
   * (`hardware/block.ts` `at`) is priced in the far form when the field lies beyond. Absent: every
   * offset takes the lowering as written.
   */
  readonly displacementReach?: Readonly<Partial<Record<MicroOp, DisplacementReach>>>;
  /** The port's sequences for interrupt entry/exit, context save/restore, critical sections. */
  readonly port: Readonly<Record<PortBlockName, readonly InstructionText[]>>;
  /**
   * Hardware tail-chaining of a pending interrupt at exception return, replacing exit + entry
   * (Cortex-M). Absent where the core returns to the interrupted code first (AVR).
   */
  readonly tailChain?: readonly InstructionText[];
  /**
   * The supervisor-call gate an isolated APP's kernel call goes through (Cortex-M): the SVC
   * instruction, exception entry and the handler's dispatch to the service, then the write of the
   * result into the stacked frame and the exception return. Absent on a core without one (AVR).
   */
  readonly svcGate?: { readonly enter: readonly InstructionText[]; readonly leave: readonly InstructionText[] };
  /** The memory protection unit, where the core has one: its geometry and the port's reprogramming sequence. */
  readonly mpu?: MpuSpec;
  /** The on-chip flash's program and erase figures, where an XIPFS can live in it. */
  readonly flash?: FlashTiming;
  /** The public sources behind this target's figures. */
  readonly sources: readonly string[];
}

/**
 * How periodic jobs are released on `target` when a run does not say: exactly at each arrival on a
 * zero-cost target (it exists to reproduce textbook schedules, whose releases are exact), else by
 * the kernel tick.
 */
export function defaultReleases(target: Target): 'tick' | 'exact' {
  return target.zeroCost === true ? 'exact' : 'tick';
}
