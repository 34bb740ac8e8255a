import type { Block } from '../hardware/block.ts';
import type { Engine } from '../hardware/engine.ts';
import type { Target } from '../hardware/target.ts';
import type { MessageRelease, MessageServiceCycles, SchedulingPolicy, SystemTask } from '../system/model.ts';
import type { Workload } from '../workloads/types.ts';
import type { ExecMode } from './execution-time.ts';
import type { OsProfile } from './profiles/types.ts';

/**
 * The contract between kernels/ and the experiments that run them. Each design folder exports a
 * `KernelDesign`; the registry lists them; an OS profile configures one.
 *
 * Probe events a running kernel emits (subjects are task indices in `workload.tasks`, lines are the
 * engine's interrupt-line ids):
 * - JobRelease (task) when a job becomes ready; JobStart (task) when it first runs; JobEnd (task).
 * - SwitchOut (task being paused) when the kernel starts switching away from a task, and SwitchIn
 *   (task resumed) at the first instruction of the next task: the paper's task-switching time.
 * - IoIn (line) when an I/O line's ISR starts its work; IoOut (task) at a task's `io-out` step.
 * - DeadlineMiss (task) when a job ends after its absolute deadline.
 * - JobLost (task, arrival) for a job that never ends: open when its APP was suspended, or released
 *   while it was (a job never released emits no JobRelease before it).
 * - SemGive/SemTake, MsgSend/MsgReceive, EventSet/EventWait (object index) from the services.
 * Masked intervals (MaskOn/MaskOff) come from the engine itself.
 */

/** A design's id, its folder's name under kernels/ (the registry holds the known ones). */
export type DesignId = string;

/**
 * How periodic jobs are released: `tick`, at the first kernel tick at or after each arrival (as a
 * delay-until on a tick kernel does), or `exact`, by a timer at each arrival (a tickless kernel).
 */
export type ReleaseMode = 'tick' | 'exact';

/** The release quantisation a run used, stated in its report (the system model's record). */
export type { ReleaseQuantisation } from '../system/model.ts';
import type { ReleaseQuantisation } from '../system/model.ts';

/** A kernel configured and loaded with a workload on an engine. */
export interface KernelSystem {
  /** Advances the simulation to `untilCycles`. */
  run(untilCycles: number): void;
  /** Task names by index, as in the workload. */
  readonly taskNames: readonly string[];
  /** How the kernel quantised periodic releases (absent for systems that release no periodic jobs). */
  readonly releaseQuantisation?: ReleaseQuantisation;
}

/** Code and RAM a configuration needs on a target, derived from blocks and data layouts. */
export interface Footprint {
  readonly codeBytes: number;
  readonly ramBytes: number;
  /** Where the bytes go (block names, tables, TCBs, stacks), for the report. */
  readonly breakdown: Readonly<Record<string, number>>;
}

/** A kernel's priced costs: the one record shared with analysis/ (system/model.ts). */
export type { KernelCosts } from '../system/model.ts';
import type { KernelCosts } from '../system/model.ts';

/** What every design's boot takes besides the profile. */
export interface DesignBootOptions {
  readonly engine: Engine;
  readonly workload: Workload;
  readonly tickPriority?: number;
  readonly exec?: ExecMode;
  readonly releases?: ReleaseMode;
}

/** A kernel design in the registry: what it is, how to boot, size and price it, and what it can do. */
export interface KernelDesign {
  readonly id: DesignId;
  readonly summary: string;
  readonly mirrors: string;
  /** The profile used when a design is booted without one. */
  readonly defaultProfile: OsProfile;
  boot(profile: OsProfile, options: DesignBootOptions): KernelSystem;
  /** Code and RAM; RAM for the profile's reference configuration, or for `workload` when given. */
  footprint(profile: OsProfile, target: Target, workload?: Workload): Footprint;
  /** The blocks of the design's own structures under `profile` (for listings). */
  readyBlocks(target: Target, profile: OsProfile): readonly Block[];
  kernelCosts(profile: OsProfile, target: Target, taskCount: number): KernelCosts;
  /** How the design orders ready jobs. */
  readonly policy: SchedulingPolicy;
  /**
   * How the design schedules each task of `workload` under `profile` (throws ProfileLimitError where
   * it cannot run it), and which sends release a task (none where a receive blocks until the send).
   */
  systemTasks(profile: OsProfile, workload: Workload): { tasks: SystemTask[]; notes: string[]; messageReleases?: MessageRelease[] };
  /**
   * Whether a task that takes a semaphore, receives a message or waits for flags blocks until the
   * give; false where a send posts the receiver, whose receive never blocks (MOS's bus objects).
   */
  readonly receiversBlock: boolean;
  /** What a send and a receive step cost the calling job on `target`, where receivers never block (absent otherwise). */
  messageServiceCycles?(target: Target): MessageServiceCycles;
  /**
   * Table 1's words for a design whose scheduling a profile's flags (preemptive, time slice) do not
   * describe: its rule and when it preempts (MOS's execution levels). Absent for the core designs.
   */
  readonly ownScheduling?: { readonly rule: string; readonly preemption: string };
}
