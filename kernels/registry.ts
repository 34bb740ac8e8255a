import { Engine } from '../hardware/engine.ts';
import { Registry } from '../hardware/registry.ts';
import { checkMemoryBudget } from '../hardware/memory.ts';
import { defaultReleases, type Target } from '../hardware/target.ts';
import { getTarget } from '../hardware/targets/index.ts';
import { checkWorkloadOnTarget } from '../workloads/target-fit.ts';
import type { Workload } from '../workloads/types.ts';
import { passedBefore, rememberPassed } from './checked-once.ts';
import type { CoreSystem } from './core/boot.ts';
import { coreDesign } from './core/kernel-design.ts';
import { memoByIdentity } from './core/identity-memo.ts';
import { edf } from './edf/index.ts';
import { edfProfile } from './edf/profile.ts';
import { mosKernelDesign } from './mos/kernel-design.ts';
import { mos } from './mos/os-profile.ts';
import { freertos, idcx, liteosM, ucos2, ukernel, webit, worix } from './profiles/index.ts';
import { interruptNesting } from './profiles/nesting.ts';
import { missingPort } from './profiles/ports.ts';
import type { OsProfile } from './profiles/types.ts';
import { ProfileLimitError } from './core/validate.ts';
import { priorityLists } from './priority-lists/index.ts';
import { roundRobin } from './round-robin/index.ts';
import { sortedList } from './sorted-list/index.ts';
import { tableDriven } from './table-driven/index.ts';
import type { ExecMode } from './execution-time.ts';
import type { DesignId, Footprint, KernelCosts, KernelDesign, KernelSystem, ReleaseMode } from './types.ts';

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

/**
 * Every design, one line each. A new design is its folder plus one line here (or `registerDesign`):
 * its default profile joins the profiles below.
 */
const designs = new Registry<KernelDesign>('design', [
  coreDesign(tableDriven, ucos2),
  coreDesign(sortedList, webit),
  coreDesign(roundRobin, worix),
  coreDesign(edf, edfProfile),
  coreDesign(priorityLists, freertos),
  mosKernelDesign,
]);

/** A profile configures a registered design. */
function checkProfile(p: OsProfile): void {
  if (designs.find(p.design) === undefined) throw new RangeError(`profile ${p.id}: design "${p.design}" is not registered (known designs are ${designs.ids().join(', ')})`);
}

/** Every OS profile: the paper's five in its Table 1 order, MOS, the EDF kernel, today's meter kernels, then any other design's default. */
const profiles = new Registry<OsProfile>('profile', [webit, worix, ukernel, idcx, ucos2, mos, edfProfile, liteosM, freertos], checkProfile);
for (const d of designs.all()) withDefaultProfile(d);

/** Registers `design`'s default profile unless it already is; returns its removal (a no-op when nothing was added). */
function withDefaultProfile(design: KernelDesign): () => void {
  return profiles.find(design.defaultProfile.id) === design.defaultProfile ? () => undefined : profiles.register(design.defaultProfile);
}

/** Every registered design, in registration order. */
export function allDesigns(): readonly KernelDesign[] {
  return designs.all();
}

/** Every registered profile, in registration order. */
export function allProfiles(): readonly OsProfile[] {
  return profiles.all();
}

/** The profiles the comparison studies set side by side: every one but those kept for checking the analysis. */
export function comparedProfiles(): readonly OsProfile[] {
  return profiles.all().filter((p) => p.analysisOnly !== true);
}

/** The five kernels Wang et al. compare, in their Table 1 order. */
export function paperProfiles(): readonly OsProfile[] {
  return profiles.all().filter((p) => p.paper === true);
}

/** Adds a design and its default profile to every listing and study; returns the function that removes both again. */
export function registerDesign(design: KernelDesign): () => void {
  const removeDesign = designs.register(design);
  try {
    const removeProfile = withDefaultProfile(design);
    return () => {
      removeProfile();
      removeDesign();
    };
  } catch (e) {
    removeDesign();
    throw e;
  }
}

/** Adds a further profile of a registered design to every listing and study; returns the function that removes it again. */
export function registerProfile(profile: OsProfile): () => void {
  return profiles.register(profile);
}

/**
 * The units of a study's target x profile grid whose kernel has a port for the target (LiteOS-M has
 * none for the AVR); the others are left out, not failed.
 */
export function portedUnits<U extends { readonly target: string; readonly profile: string }>(units: readonly U[]): U[] {
  return units.filter((u) => missingPort(getProfile(u.profile), getTarget(u.target)) === undefined);
}

/** Why each target x profile pair of a study's grid is left out (a kernel without a port for the core), one sentence each. */
export function unportedPairs(targets: readonly string[], profiles: readonly string[]): string[] {
  return targets.flatMap((t) => profiles.flatMap((p) => missingPort(getProfile(p), getTarget(t)) ?? []));
}

/** Looks a design up by id; throws naming the known ids. */
export function getDesign(id: string): KernelDesign {
  return designs.get(id);
}

/** Looks a profile up by id; throws naming the known ids. */
export function getProfile(id: string): OsProfile {
  return profiles.get(id);
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
  return new Engine({ target, seed, nestedInterrupts: interruptNesting(p, target).nested, keepTrace });
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
  const { workload, tickPriority, exec } = options;
  const target = engine.target;
  const noPort = missingPort(profile, target);
  if (noPort !== undefined) throw new ProfileLimitError(`target: ${noPort}`);
  // Resolved once, so the fit check and the kernel's boot place releases the same way.
  const releases = options.releases ?? defaultReleases(target);
  const checked = passedBefore(workload, profile, target, releases);
  if (!checked) checkWorkloadOnTarget(workload, target, { releases });
  const system = getDesign(profile.design).boot(profile, { engine, workload, releases, ...(tickPriority === undefined ? {} : { tickPriority }), ...(exec === undefined ? {} : { exec }) });
  if (!checked) {
    // Refused where it is built: a system the part cannot hold is not a result. Checked after the
    // design's boot, so a workload the kernel cannot run at all is reported as such first.
    const need = footprint(profile, target, workload);
    checkMemoryBudget(target, { ramBytes: need.ramBytes, flashBytes: need.codeBytes }, `${workload.name} on ${profile.id}`);
    rememberPassed(workload, profile, target, releases);
  }
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
  return costsOf(getDesign(p.design), p, target, String(taskCount));
}

/**
 * A design's costs for a profile, target and task count, priced once: they depend on nothing else,
 * and every analysed unit of a study asks again (a few hundred block prices each time). Frozen, as
 * every caller shares the record.
 */
const costsOf = memoByIdentity((design: KernelDesign, p: OsProfile, target: Target, taskCount: string): KernelCosts => Object.freeze(design.kernelCosts(p, target, Number(taskCount))));

export type { DesignBootOptions, KernelDesign } from './types.ts';
export { edfProfile };
export type { OsProfile };
