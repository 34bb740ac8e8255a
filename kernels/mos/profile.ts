import { DEFAULT_LEVELS, MAX_LEVELS, MAX_MODULES, MESSAGE_BITS } from './config.ts';
import type { MosLayout } from './footprint.ts';

/*
 * The MOS profile as plain data: what the seed says (quoted, section 3.5 of "Operating System
 * Development for Smart IoT Electricity Meters", Zhang and Zhang, 2024, seed 000), what kbench had
 * to assume, and the limits a workload meets. The seed is an outline: no code, no figures.
 */

/** One line of the profile: a claim kbench builds on and the seed sentence behind it. */
export interface MosCitation {
  /** Section of seed 000 the sentence is in. */
  readonly section: string;
  readonly claim: string;
  readonly seed: string;
  /** Where in kbench the claim is realised. */
  readonly realisedIn: string;
}

/**
 * The reference configuration `kbench kernels` prices MOS with, matched to the paper profiles'
 * reference (8 tasks, 64 bytes of task stack beyond the context frame, one queue of 8) so the RAM
 * figures compare: 8 periodic tasks of distinct priority, hence 8 modules, on 3 levels; the tick and
 * one I/O line as ISRs.
 */
export const MOS_REFERENCE_LAYOUT: MosLayout = {
  levels: DEFAULT_LEVELS,
  modules: 8,
  tasks: 8,
  periodicTimers: 8,
  busSlots: [8],
  isrCount: 2,
  ownStackBytes: [64, 64, 64],
};

/** The MOS profile: id, citations to the seed, assumptions and limits. */
export const MOS_PROFILE = {
  id: 'mos',
  name: 'MOS (modular meter OS, outline)',
  design: 'mos',
  source: 'seed 000: Zhang Chunhui and Zhang Zhen, "Operating System Development for Smart IoT Electricity Meters", 2024, section 3.5',
  preemptive: 'limited: a higher execution level preempts a lower one; tasks on one level never preempt each other',
  samePrioritySupport: true,
  services: {
    semaphores: false,
    mutexes: false,
    messageQueues: 'bus objects (send posts the receiving task; receive never blocks)',
    eventFlags: false,
    delay: false,
    inversionAvoidance: 'none needed inside a level (no preemption); no blocking, so no inversion through locks',
  },
  limits: {
    /** Every (module, bit) pair is a task: 32 modules of 32 messages. */
    tasks: MAX_MODULES * MESSAGE_BITS,
    /** Module ranks; bits order the tasks inside a module, levels decide who preempts whom. */
    priorities: MAX_MODULES,
    tasksPerModule: MESSAGE_BITS,
    modules: MAX_MODULES,
    levels: MAX_LEVELS,
    defaultLevels: DEFAULT_LEVELS,
  },
  referenceLayout: MOS_REFERENCE_LAYOUT,
  referenceLayoutNote:
    "the paper profiles' reference (8 tasks, 64 bytes of task stack beyond the frame, one queue of 8): 8 periodic tasks of distinct priority in 8 modules on 3 levels, 2 ISRs (tick, one I/O line)",
  citations: [
    {
      section: '3.5',
      claim: 'Modules are the unit of software; each abstracts a unified interface.',
      seed: 'Modules can be freely defined according to function size ... Each module abstracts a unified interface.',
      realisedIn: 'config.ts: MosModuleSpec; default one module per task priority',
    },
    {
      section: '3.5',
      claim: 'Each module has 32 task messages; posting a message schedules its task.',
      seed: 'Each module has 32 independent task messages. Once a task message is sent, the system automatically schedules the corresponding task based on priority.',
      realisedIn: 'kernel.ts: msg[m] 32-bit words, post() sets a bit; MESSAGE_BITS',
    },
    {
      section: '3.5',
      claim: 'Tasks run to completion and exit; no while(1).',
      seed: 'After execution, the task exits and waits for the next entry ... MOS requires modules to exit after task execution.',
      realisedIn: 'task.ts: a job is one pass of the body; blocking steps are rejected in config.ts',
    },
    {
      section: '3.5',
      claim: 'A fixed number of processes (execution levels) instead of one thread per task.',
      seed: 'This controls process numbers without adding processes or threads.',
      realisedIn: 'kernel.ts: one ExecContext (one stack) per level; footprint.ts: stacks per level',
    },
    {
      section: '3.5',
      claim: 'Limited preemption: the highest process serves the highest modules uninterrupted; lower modules run on lower processes, preempted by higher ones.',
      seed: 'The highest-priority processes serve the highest-priority modules, ensuring their execution is not interrupted and has limited preemption. Lower-priority task modules are executed through time-sharing preemption by lower-priority processes.',
      realisedIn: 'kernel.ts: decide(), isrExit(), afterTaskPost(); config.ts: bandLevel()',
    },
    {
      section: '3.5',
      claim: 'All data and operation access between modules goes through one bus.',
      seed: 'All modules use a unified operation bus for data and operation access ... without requiring multiple complex communication mechanisms',
      realisedIn: 'blocks.ts: bus blocks; task.ts: send/receive steps',
    },
    {
      section: '3.5',
      claim: 'Modules are grouped into users; access inside a group is allowed, across groups prohibited, checked by the security module.',
      seed: 'All modules are grouped, with each group defined as a user. Modules within the same user group can access and operate each other, while access between different user groups is prohibited. All user access permissions are controlled by security modules',
      realisedIn: 'blocks.ts: mos-bus-check, mos-bus-refuse; kernel.ts: stats.refusedAccesses',
    },
    {
      section: '3.4',
      claim: 'Stacks must not grow with the number of applications (the problem MOS answers).',
      seed: 'For instance, stack requirements increase with additional APPs, adding system uncertainty—such issues must be properly addressed.',
      realisedIn: 'footprint.ts: RAM = stacks per level; tasks add flash entries and, if periodic, a 2-byte countdown',
    },
    {
      section: '3.6',
      claim: 'General kernels multiply processes and stacks; a meter OS should not.',
      seed: 'their numerous programs lead to uncontrollable processes and stacks, RAM-triggered unreliability, and reduced overall electricity meter reliability',
      realisedIn: 'config.ts: MAX_LEVELS; footprint.ts: one stack per level',
    },
  ] satisfies readonly MosCitation[],
  assumptions: [
    'Within a module, message bit 0 is the most urgent; modules are ranked, module 0 most urgent (the seed says only "based on priority").',
    'Three execution levels by default, at most eight; modules split into contiguous priority bands (the seed gives no number).',
    '"Time-sharing preemption by lower-priority processes" is read as: lower levels share the CPU the higher levels leave and are preempted by them; no time slice rotates tasks (the seed gives no quantum).',
    'At most 32 modules, so one 32-bit module-ready word finds the top module; the pick is two find-firsts (CLZ on the M4, a byte scan with OSUnMapTbl on the AVR).',
    'A post to a bit already set merges: one pending message per task (the seed gives no message counts).',
    'Periodic tasks are released by a per-task countdown scanned on each tick (bare-metal meter style); periods are quantised to ticks.',
    'Sporadic tasks are released by an external event ISR posting the message; I/O tasks by their line\'s ISR.',
    'A bus object (workload queue or mailbox) belongs to the module of the task that receives from it; a send writes its ring and posts that task; receive never blocks; an object nobody receives from is public.',
    'A refused access is counted and returns an error; the caller carries on.',
    'A level switch saves the preempted level\'s context only when it has a task in progress; a level that runs dry hands down without a save; tasks on one level follow each other with a return and a call.',
    'The idle loop is probe subject = task count, like the core kernels\' idle task: going idle or leaving idle saves no context.',
    'A task without stackBytes needs one context frame of its own; each level stack adds three return addresses and one context frame.',
    'Semaphores, mutexes, event flags and delays are not MOS services: a workload using them is refused with the field named.',
  ],
} as const;
