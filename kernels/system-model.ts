import { defaultReleases, type Target } from '../hardware/target.ts';
import type { ReleaseQuantisation, SystemModel } from '../system/model.ts';
import { withMpuSwitch } from '../multiapp/mpu.ts';
import { withSvcGate } from '../multiapp/svc-gate.ts';
import type { Workload } from '../workloads/types.ts';
import type { ReleaseMode } from './types.ts';
import { workloadMutexProtocols } from './profiles/protocol.ts';
import { tickDeadlineKeysUs } from './core/deadline-key.ts';
import { tickPeriodCycles } from './release-ticks.ts';
import type { OsProfile } from './profiles/types.ts';
import { getDesign, kernelCosts, resolveProfile } from './registry.ts';

/** Options of `systemModel`. */
export interface SystemModelOptions {
  /** How releases are placed: by the kernel tick, or exactly at each arrival (default: `defaultReleases(target)`). */
  readonly releases?: ReleaseMode;
}

/**
 * The system `profile`'s kernel runs for `workload` on `target`: its policy, how each task is
 * scheduled (priorities, thresholds, run-to-completion, shared time-sliced levels), each mutex's
 * protocol, release placement and the kernel's overheads priced from its own blocks. Throws
 * ProfileLimitError (naming the field) for a workload the kernel cannot run, as its boot would.
 */
export function systemModel(profile: OsProfile | string, target: Target, workload: Workload, options: SystemModelOptions = {}): SystemModel {
  const p = resolveProfile({ profile });
  const design = getDesign(p.design);
  const { tasks, notes, messageReleases = [] } = design.systemTasks(p, workload);
  const tickCycles = tickPeriodCycles(target, workload.tickHz);
  const releases = releaseQuantisation(target, workload, options.releases);
  const protocols = workloadMutexProtocols(workload, p);
  const mutexProtocols = Object.fromEntries((workload.resources?.mutexes ?? []).map((m, i) => [m.name, protocols[i] ?? 'inheritance']));
  return {
    profile: p.id,
    design: p.design,
    target: target.id,
    policy: design.policy,
    tasks,
    timeSliceCycles: p.timeSliceTicks === undefined ? null : p.timeSliceTicks * tickCycles,
    mutexProtocols,
    releases,
    messageReleases,
    messageServices: design.messageServiceCycles?.(target) ?? null,
    edfDeadlineKeysUs: design.policy === 'edf' && releases.kind === 'tick' ? tickDeadlineKeysUs(workload).map((k) => k ?? null) : null,
    overheads: withMpuSwitch(withSvcGate({ ...kernelCosts(p, target, workload.tasks.length), tickPeriodCycles: tickCycles }, workload, target), workload, target),
    notes,
  };
}

/**
 * How periodic releases of `workload` are placed on `target`: as `releases` asks, by default by the
 * kernel tick, or exactly at each arrival on a zero-cost target (which exists to compare schedules
 * with textbooks, which release jobs exactly). The system model and every measured run read it here.
 */
export function releaseQuantisation(target: Target, workload: Workload, releases?: ReleaseMode): ReleaseQuantisation {
  const exact = (releases ?? defaultReleases(target)) === 'exact';
  return exact ? { kind: 'exact' } : { kind: 'tick', tickUs: 1e6 / workload.tickHz, tickPeriodCycles: tickPeriodCycles(target, workload.tickHz) };
}
