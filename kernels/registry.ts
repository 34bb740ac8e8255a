import type { Block } from '../hardware/block.ts';
import { Engine } from '../hardware/engine.ts';
import { checkMemoryBudget } from '../hardware/memory.ts';
import type { Target } from '../hardware/target.ts';
import type { SchedulingPolicy, SystemTask } from '../system/model.ts';
import { checkWorkloadOnTarget } from '../workloads/target-fit.ts';
import type { Workload } from '../workloads/types.ts';
import { bootCore, type CoreSystem } from './core/boot.ts';
import { coreKernelCosts } from './core/costs.ts';
import type { CoreDesignSpec } from './core/design.ts';
import { coreFootprint } from './core/footprint.ts';
import { coreSystemTasks } from './core/system-tasks.ts';
import { edf } from './edf/index.ts';
import * as mosBlocks from './mos/blocks.ts';
import { mosDesign } from './mos/design.ts';
import type { MosSystem } from './mos/index.ts';
import { mosSystemTasks } from './mos/system-tasks.ts';
import { mos } from './profiles/mos.ts';
import { PAPER_PROFILES, ucos2, webit, worix } from './profiles/index.ts';
import type { OsProfile } from './profiles/types.ts';
import { roundRobin } from './round-robin/index.ts';
import { sortedList } from './sorted-list/index.ts';
import { tableDriven } from './table-driven/index.ts';
import type { ExecMode } from './execution-time.ts';
import type { DesignId, Footprint, KernelCosts, KernelSystem, ReleaseMode } from './types.ts';

/** Options to boot a kernel: a profile (or a design with its default profile) and a workload. */
export interface BootOptions {
  /**
   * The engine to run on, used as given (its interrupt nesting included; `createEngine` sets it as
   * the profile expects). When absent one is created for `target` with the profile's nesting.
   */
  readonly engine?: Engine;
  readonly target?: Target;
  readonly workload: Workload;
  readonly profile?: OsProfile | string;
  readonly design?: DesignId;
  /** Seed of the engine created when `engine` is absent. */
  readonly seed?: number;
  readonly keepTrace?: boolean;
  /** Interrupt priority of the kernel tick; 0 (most urgent, registered first) by default. */
  readonly tickPriority?: number;
  /** How long compute steps run; `worst` by default. */
  readonly exec?: ExecMode;
  /** How periodic jobs are released; `tick` by default. */
  readonly releases?: ReleaseMode;
}

/** What every design's boot takes besides the profile. */
export interface DesignBootOptions {
  readonly engine: Engine;
  readonly workload: Workload;
  readonly tickPriority?: number;
  readonly exec?: ExecMode;
  readonly releases?: ReleaseMode;
}

/** A kernel design in the registry: what it is, and how to boot, size and price it. */
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
  /** How the design schedules each task of `workload` under `profile` (throws ProfileLimitError where it cannot run it). */
  systemTasks(profile: OsProfile, workload: Workload): { tasks: SystemTask[]; notes: string[] };
}

/** MOS names its lines by kind; experiments look them up as the core kernels name them. */
function withLineMap(system: MosSystem): KernelSystem & { lines: ReadonlyMap<string, number> } {
  const lines = new Map<string, number>([['tick', system.lines.tick], ...system.lines.io]);
  for (const [task, line] of system.lines.sporadic) lines.set(`release:${system.taskNames[task] ?? task}`, line);
  return { run: (until: number) => system.run(until), taskNames: system.taskNames, lines, releaseQuantisation: system.releaseQuantisation };
}

function coreDesign(spec: CoreDesignSpec, defaultProfile: OsProfile): KernelDesign {
  return {
    id: spec.id,
    summary: spec.summary,
    mirrors: spec.mirrors,
    defaultProfile,
    boot: (profile, options): CoreSystem => bootCore(spec, profile, options),
    footprint: (profile, target, workload) => coreFootprint(spec, profile, target, workload),
    readyBlocks: (target, profile) => spec.createReady(target, profile).blocks,
    kernelCosts: (profile, target, n) => coreKernelCosts(spec, profile, target, n),
    policy: spec.keyedByDeadline ? 'edf' : 'fp',
    systemTasks: (profile, workload) => coreSystemTasks(spec, profile, workload),
  };
}

/** A plain EDF kernel: uC/OS-II's services and per-tick scan, the ready list ordered by deadline. */
export const edfProfile: OsProfile = {
  ...ucos2,
  id: 'edf',
  name: 'EDF (uC/OS-II services)',
  design: 'edf',
  samePriority: true,
  inversion: ['srp'],
  cites: ["5.3: the paper analyses WORIX, uKernel and uC/OS-II 128 as dynamic-priority (EDF) systems"],
  assumptions: [
    "Not one of the paper's kernels: uC/OS-II 128's limits, services and tick with an EDF ready list.",
    "Mutexes follow the Stack Resource Policy (Baker 1991): a priority ceiling raises a priority, which an EDF list does not read.",
  ],
};

/** Every design, one line each. */
export const DESIGNS: readonly KernelDesign[] = [
  coreDesign(tableDriven, ucos2),
  coreDesign(sortedList, webit),
  coreDesign(roundRobin, worix),
  coreDesign(edf, edfProfile),
  {
    ...mosDesign,
    defaultProfile: mos,
    readyBlocks: () => Object.values(mosBlocks).flat(),
    boot: (profile, options) => withLineMap(mosDesign.boot(profile, options)),
    policy: 'fp',
    systemTasks: (_profile, workload) => mosSystemTasks(workload),
  },
];

/** Every OS profile: the paper's five, then MOS. */
export const PROFILES: readonly OsProfile[] = [...PAPER_PROFILES, mos];

/** Looks a design up by id; throws naming the known ids. */
export function getDesign(id: string): KernelDesign {
  const d = DESIGNS.find((x) => x.id === id);
  if (d === undefined) throw new RangeError(`unknown design "${id}": known designs are ${DESIGNS.map((x) => x.id).join(', ')}`);
  return d;
}

/** Looks a profile up by id (the paper's five, MOS, or a design's default such as `edf`); throws naming the known ids. */
export function getProfile(id: string): OsProfile {
  const p = PROFILES.find((x) => x.id === id) ?? DESIGNS.map((d) => d.defaultProfile).find((x) => x.id === id);
  if (p === undefined) throw new RangeError(`unknown profile "${id}": known profiles are ${PROFILES.map((x) => x.id).join(', ')}, ${edfProfile.id}`);
  return p;
}

/** The profile a boot names: a profile (checked against `design` when both are given), or a design's default. */
export function resolveProfile(options: { profile?: OsProfile | string; design?: string }): OsProfile {
  if (options.profile !== undefined) {
    const p = typeof options.profile === 'string' ? getProfile(options.profile) : options.profile;
    if (options.design !== undefined && options.design !== p.design) {
      throw new RangeError(`design "${options.design}" does not match profile ${p.id}, which uses design "${p.design}"`);
    }
    return p;
  }
  if (options.design !== undefined) return getDesign(options.design).defaultProfile;
  throw new RangeError('bootSystem needs a profile or a design');
}

/** An engine for `target` set up as `profile`'s kernel expects (interrupt nesting). */
export function createEngine(profile: OsProfile | string, target: Target, seed = 1, keepTrace = false): Engine {
  const p = typeof profile === 'string' ? getProfile(profile) : profile;
  return new Engine({ target, seed, nestedInterrupts: p.nestedInterrupts, keepTrace });
}

/** A booted system with the engine it runs on. */
export interface BootedSystem extends KernelSystem {
  readonly engine: Engine;
  readonly profile: OsProfile;
  /** Interrupt-line ids by name (the subjects of IoIn and IRQ events): 'tick', each I/O line, 'release:<task>'. */
  readonly lines: ReadonlyMap<string, number>;
}

/**
 * Boots `workload` on a profile's (or a design's default) kernel; creates the engine when none is given.
 * Throws `WorkloadError` naming the field when the workload does not fit the target (the analysis checks the same),
 * and `MemoryBudgetError` naming the target's RAM or flash when the configuration's footprint exceeds it.
 */
export function bootSystem(options: BootOptions): BootedSystem {
  const profile = resolveProfile(options);
  let engine = options.engine;
  if (engine === undefined) {
    if (options.target === undefined) throw new RangeError('bootSystem needs an engine or a target');
    engine = createEngine(profile, options.target, options.seed ?? 1, options.keepTrace ?? false);
  }
  checkWorkloadOnTarget(options.workload, engine.target, options.releases === undefined ? {} : { releases: options.releases });
  const { workload, tickPriority, exec, releases } = options;
  const system = getDesign(profile.design).boot(profile, { engine, workload, ...(tickPriority === undefined ? {} : { tickPriority }), ...(exec === undefined ? {} : { exec }), ...(releases === undefined ? {} : { releases }) });
  // Refused where it is built: a system the part cannot hold is not a result. Checked after the
  // design's boot, so a workload the kernel cannot run at all is reported as such first.
  const need = footprint(profile, engine.target, workload);
  checkMemoryBudget(engine.target, { ramBytes: need.ramBytes, flashBytes: need.codeBytes }, `${workload.name} on ${profile.id}`);
  const lines = 'lines' in system && system.lines instanceof Map ? (system as CoreSystem).lines : new Map<string, number>();
  return { run: (until: number) => system.run(until), taskNames: system.taskNames, engine, profile, lines, ...(system.releaseQuantisation === undefined ? {} : { releaseQuantisation: system.releaseQuantisation }) };
}

/** Code and RAM of a profile on a target, derived from its blocks and layouts (RAM for `workload` when given). */
export function footprint(profile: OsProfile | string, target: Target, workload?: Workload): Footprint {
  const p = typeof profile === 'string' ? getProfile(profile) : profile;
  return getDesign(p.design).footprint(p, target, workload);
}

/** A profile's kernel costs on a target with `taskCount` tasks. */
export function kernelCosts(profile: OsProfile | string, target: Target, taskCount: number): KernelCosts {
  const p = typeof profile === 'string' ? getProfile(profile) : profile;
  return getDesign(p.design).kernelCosts(p, target, taskCount);
}

export type { OsProfile };
