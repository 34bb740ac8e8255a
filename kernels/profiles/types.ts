import type { MutexProtocol } from '../../workloads/types.ts';
import type { DesignId } from '../types.ts';

/** The tick strategies a profile can choose (folder `kernels/timers/`), the one list of them. */
export const TIMER_STRATEGY_IDS = ['tick-scan', 'sleep-queue', 'timer-info-queue', 'delta-list', 'delayed-list', 'sortlink'] as const;

/** A tick strategy's id. */
export type TimerStrategyId = (typeof TIMER_STRATEGY_IDS)[number];

/** Kernel services a profile offers (the paper's Table 1 rows on synchronisation and communication). */
export interface ProfileServices {
  readonly semaphore: boolean;
  readonly mutex: boolean;
  readonly queue: boolean;
  readonly mailbox: boolean;
  readonly flags: boolean;
}

/** The configuration the footprint's RAM is stated for. */
export interface ReferenceConfig {
  /** Application tasks (the idle task is added). */
  readonly tasks: number;
  /** Stack per task beyond the saved context frame (locals and call depth of a task body). */
  readonly stackBytesBeyondFrame: number;
  /** Objects of each kind the configuration declares. */
  readonly semaphores: number;
  readonly mutexes: number;
  readonly queues: number;
  readonly queueCapacity: number;
  readonly flagGroups: number;
  readonly source: string;
}

/** Whether a kernel's ISRs run with interrupts enabled (so they nest), and the source that establishes it. */
export interface NestingFact {
  readonly nested: boolean;
  /** The public port code, documentation or sentence of the paper that says so. */
  readonly source: string;
}

/**
 * The one rule for every profile and core that no source describes: the tick ISR keeps interrupts
 * masked from entry to exit. That is what the AVR does unless the ISR sets I again (the core clears
 * it on entry), and on a Cortex-M kbench's port masks the kernel-aware ISR the same way, so a kernel
 * without a cited port runs alike on both targets.
 */
export const DEFAULT_NESTING = {
  nested: false,
  rule: 'where no port code, documentation or sentence of the paper says whether a kernel\'s tick ISR re-enables interrupts, it is taken not to: the ISR keeps interrupts masked from entry to exit, as the AVR leaves them unless the ISR sets I again',
} as const;

/**
 * An OS profile: one of the paper's five kernels (or MOS) as a configuration of a design. Every
 * field the paper gives cites it in `cites`; everything else is listed in `assumptions`.
 */
export interface OsProfile {
  readonly id: string;
  readonly name: string;
  /** The short name charts and tables show (e.g. 'uC/OS-II 128', 'MOS'). */
  readonly displayName: string;
  /** The profile's colour in every chart (a CSS hex colour). */
  readonly color: string;
  /** True for one of the five kernels Wang et al. compare: the paper's published values stand beside its rows. */
  readonly paper?: boolean;
  /**
   * True for a kernel kbench adds only to check its analysis (EDF on uC/OS-II's services): the safety
   * study runs it, the comparison studies (figures, tables, indicators, breakdown) do not.
   */
  readonly analysisOnly?: boolean;
  readonly design: DesignId;
  /** For `sorted-list`: a linked list (Webit) or an array table with shifting (iDCX). */
  readonly layout?: 'linked' | 'array';
  readonly preemptive: boolean;
  readonly priorities: number;
  /** Most application tasks the kernel accepts. */
  readonly maxTasks: number;
  readonly priorityChange: 'static' | 'dynamic';
  readonly samePriority: boolean;
  /** Time slice among equal priorities, in ticks; undefined: none. */
  readonly timeSliceTicks: number | undefined;
  readonly timer: TimerStrategyId;
  readonly services: ProfileServices;
  /** Mutex protocols the kernel offers; a workload mutex that names none gets the first. */
  readonly inversion: readonly MutexProtocol[];
  /**
   * Whether the kernel's tick ISR lets interrupts in before its kernel work, per core (a target's
   * `core`), each with the port code or paper sentence that says so. A core not listed follows
   * DEFAULT_NESTING. Read it through `interruptNesting` (kernels/profiles/nesting.ts).
   */
  readonly nesting: Readonly<Record<string, NestingFact>>;
  /** Set only on a sensitivity variant (`withNesting`): nesting forced on or off on every core. */
  readonly nestingVariant?: boolean;
  /**
   * Critical sections raise the core's base priority (ARMv7-M BASEPRI) to the kernel's syscall
   * ceiling instead of masking every interrupt, on cores that have it (`Target.hasBasePriority`):
   * lines more urgent than every kernel-aware line stay enabled. Absent: they mask all.
   */
  readonly basePriorityMasking?: boolean;
  /** The cores (`Target.core`) the kernel has a port for, and where that is documented; absent: every core. */
  readonly ports?: { readonly cores: readonly string[]; readonly source: string };
  readonly reference: ReferenceConfig;
  /** Sentences of the paper (Wang et al., JSEA 2010), or of the kernel's public documentation and sources, the profile follows. */
  readonly cites: readonly string[];
  /** What the paper does not say and the profile had to choose. */
  readonly assumptions: readonly string[];
}

/** The reference configuration kbench states RAM for: the paper's largest sweep point (8 tasks). */
export const PAPER_REFERENCE: ReferenceConfig = {
  tasks: 8,
  stackBytesBeyondFrame: 64,
  semaphores: 2,
  mutexes: 1,
  queues: 1,
  queueCapacity: 8,
  flagGroups: 1,
  source: "the paper's Figs. 1-2 run 1 to 8 tasks; 64 bytes of locals per task and a few objects are kbench's assumption",
};
