import { analyzeWorkload } from '../analysis/analyze.ts';
import { responseTimes } from '../analysis/reducers/index.ts';
import { getTarget, targetIds } from '../hardware/targets/index.ts';
import { usToCycles } from '../hardware/units.ts';
import { allProfiles, getProfile, portedUnits, unportedPairs } from '../kernels/registry.ts';
import { systemModel } from '../kernels/system-model.ts';
import { defineExperiment, type RunMode, type Row } from './contract.ts';
import { horizonRuleText, modeHorizonCap, runHorizonUs } from './horizon.ts';
import { measureRun } from './measure-run.ts';
import { safetyHorizonUs, safetySet } from './safety-sets.ts';
import { grid, groupInOrder } from './unit-helpers.ts';

/*
 * Safety of the one system model: for seeded random systems on every profile and target, the
 * simulated worst response of each task (from its true arrival, kernel and all) never exceeds the
 * bound `kbench analyze --variant corrected --profile --target` computes for it, and its shortest
 * response never falls below the best-case bound (BCRT) the same analysis gives. Tightness is the
 * simulated maximum over the bound (1 = the bound was reached).
 */

/** Sets per profile and target in each mode. */
export const SAFETY_SETS: Record<RunMode, number> = { quick: 10, full: 200 };

/** Every registered profile: the paper's five, MOS and the EDF kernel (and any added since). */
export function safetyProfiles(): string[] {
  return allProfiles().map((p) => p.id);
}

interface SafetyUnit {
  readonly target: string;
  readonly profile: string;
  readonly seed: number;
  /** The run's cap in quick mode (experiments/horizon.ts `modeHorizonCap`); absent in full mode. */
  readonly horizonCapMs?: number;
}

/** One set's outcome: per task with a finite bound, simulated max and bound, shortest response and best-case bound, in cycles. */
export interface SafetyResult {
  readonly tasks: readonly {
    readonly task: string;
    readonly simulatedCycles: number;
    readonly boundCycles: number;
    /** The shortest response of a job that ended (null: none did). */
    readonly shortestCycles: number | null;
    /** The analysed best-case response time (BCRT). */
    readonly bestBoundCycles: number | null;
  }[];
}

/** Simulates one safety set on its kernel and target and bounds it with the CLI's analysis. */
export function runSafetyUnit(unit: SafetyUnit): SafetyResult {
  const profile = getProfile(unit.profile);
  const target = getTarget(unit.target);
  const workload = safetySet(unit.seed, profile);
  const system = systemModel(profile, target, workload);
  const report = analyzeWorkload(workload, { variant: 'corrected', target, system, explain: false });
  const { responses } = measureRun({
    profile,
    target,
    workload,
    horizonCycles: usToCycles(target, runHorizonUs(workload, safetyHorizonUs(workload), unit.horizonCapMs)),
    seed: unit.seed,
    releases: system.releases.kind,
    reducers: { responses: responseTimes() },
  });
  const tasks = workload.tasks.flatMap((t) => {
    const analysed = report.tasks.find((r) => r.task === t.name);
    const bound = analysed?.wcrtCycles ?? null;
    const response = responses.find((r) => r.task === t.name);
    const simulated = response?.longestCycles ?? 0;
    return bound === null ? [] : [{ task: t.name, simulatedCycles: simulated, boundCycles: bound, shortestCycles: response?.shortestCycles ?? null, bestBoundCycles: analysed?.bcrtCycles ?? null }];
  });
  return { tasks };
}

/** A row of the safety study: violations and tightness quantiles over every bounded task of every set. */
export type SafetyRow = {
  readonly target: string;
  readonly profile: string;
  readonly sets: number;
  readonly tasks: number;
  readonly violations: number;
  /** Tasks with a job that ended sooner than the analysed best case (BCRT) allows. */
  readonly bestCaseViolations: number;
  readonly tightnessMean: number;
  readonly tightnessMedian: number;
  readonly tightnessMax: number;
};

const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/** The safety experiment: one unit per target x profile x set. */
export const safety = defineExperiment<SafetyUnit, SafetyResult>({
  id: 'safety',
  title: 'Simulated worst response against the analysed bound, every profile and target',
  description: `Seeded random systems (experiments/safety-sets.ts: 2-5 periodic tasks, utilisation 0.1-0.7, periods 2-20 ms on or off the 1 ms tick grid, synchronous or offset release, shared priorities where the profile allows, up to two mutexes under each protocol the profile offers), ${SAFETY_SETS.full} per profile and target in full mode, each run on its kernel for at least three of its longest periods past its last offset (${horizonRuleText()}). Each task's simulated worst response (from every job's true arrival to its end) is set against the corrected, overhead-aware bound of the system the kernel runs (the analysis \`kbench analyze --profile --target\` gives). A violation is a task whose simulated maximum exceeds its bound; a best-case violation is a task with a job that ended sooner after its arrival than the analysis's best-case response time (BCRT, the lower bound of which jitter = WCRT - BCRT is taken); tightness is simulated maximum over bound, over every task with a finite bound.`,
  columns: ['target', 'profile', 'sets', 'tasks', 'violations', 'bestCaseViolations', 'tightnessMean', 'tightnessMedian', 'tightnessMax'],
  settings: (mode) => ({ seeds: Array.from({ length: SAFETY_SETS[mode] }, (_, i) => i + 1), targets: targetIds(), durationMs: null, setsPerProfile: SAFETY_SETS[mode], notRun: unportedPairs(targetIds(), safetyProfiles()) }),
  units: (mode) => portedUnits(grid({ target: targetIds(), profile: safetyProfiles(), seed: Array.from({ length: SAFETY_SETS[mode] }, (_, i) => i + 1) })).map((u) => ({ ...u, ...modeHorizonCap(mode) })),
  runUnit: runSafetyUnit,
  reduce: (results, units): Row[] => {
    const paired = units.map((u, i) => ({ u, r: results[i] as SafetyResult }));
    return groupInOrder(paired, ({ u }) => `${u.target}|${u.profile}`).map((all): SafetyRow => {
      const tasks = all.flatMap(({ r }) => r.tasks);
      const ratios = tasks.map((t) => t.simulatedCycles / t.boundCycles).sort((a, b) => a - b);
      return {
        target: all[0]?.u.target ?? '',
        profile: all[0]?.u.profile ?? '',
        sets: all.length,
        tasks: tasks.length,
        violations: tasks.filter((t) => t.simulatedCycles > t.boundCycles).length,
        bestCaseViolations: tasks.filter((t) => t.shortestCycles !== null && t.bestBoundCycles !== null && t.shortestCycles < t.bestBoundCycles).length,
        tightnessMean: round4(ratios.reduce((s, x) => s + x, 0) / Math.max(1, ratios.length)),
        tightnessMedian: round4(quantile(ratios, 0.5)),
        tightnessMax: round4(ratios[ratios.length - 1] ?? 0),
      };
    });
  },
});
