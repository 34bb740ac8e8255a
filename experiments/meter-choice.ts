import { assembleComparison, COMPARISON_COLUMNS, comparisonRows, DEFAULT_COMPARE_DURATION_MS, type Comparison } from '../compare/compare.ts';
import { BREAKDOWN_PRECISION, evaluateRow, type ComparedRow } from '../compare/evaluate.ts';
import { RANKING_RULE } from '../compare/rank.ts';
import { getTarget, mcuTargets } from '../hardware/targets/index.ts';
import { allProfiles, getProfile } from '../kernels/registry.ts';
import { loadWorkload } from '../workloads/load.ts';
import { defineExperiment, type Row, type RunMode } from './contract.ts';
import { grid, groupInOrder } from './unit-helpers.ts';

/*
 * Choosing a kernel for a meter: `kbench compare --adapt` on the Cortex-M4 management module, as one
 * image and with its two user APPs isolated, every registered profile on every real MCU, as a
 * registered study whose rows the report renders side by side. One unit per workload, target and
 * profile, so the runner can spread them over workers and shards; each workload's rows are ranked
 * by compare's own rule, apart from the other's.
 */

/** The single-image workload (workloads/meter/m4-management-module.json). */
export const METER_CHOICE_WORKLOAD = 'm4-management-module';

/** The same module with its user APPs isolated: APP headers, SVC gate, MPU switch (workloads/meter/m4-multi-app-meter.json). */
export const METER_CHOICE_ISOLATED_WORKLOAD = 'm4-multi-app-meter';

/** The workloads compared, single image first. */
export const METER_CHOICE_WORKLOADS = [METER_CHOICE_WORKLOAD, METER_CHOICE_ISOLATED_WORKLOAD] as const;

/** The row columns: the workload, compare's flat columns, and the worst simulated response of the APP tasks before the free text. */
export const METER_CHOICE_COLUMNS = ['workload', ...COMPARISON_COLUMNS.filter((c) => c !== 'adaptations' && c !== 'reason'), 'appWorstResponseUs', 'adaptations', 'reason'] as const;

const SEED = 1;

/** A check in seconds simulates a fifth of the published horizon. */
const durationMs = (mode: RunMode): number => (mode === 'quick' ? DEFAULT_COMPARE_DURATION_MS / 5 : DEFAULT_COMPARE_DURATION_MS);

/**
 * The tasks of the user APPs: those the isolated workload places in an APP. The single image runs
 * the same tasks by the same names, so the column compares like with like.
 */
export function appTaskNames(): readonly string[] {
  return loadWorkload(METER_CHOICE_ISOLATED_WORKLOAD).tasks.flatMap((t) => (t.app === undefined ? [] : [t.name]));
}

/** A comparison's flat rows with the workload and the APP tasks' worst simulated response (null when rejected). */
export function meterChoiceRows(comparison: Comparison, appTasks: readonly string[]): Row[] {
  const flat = comparisonRows(comparison);
  return comparison.rows.map((ranked, i) => {
    const worst = ranked.hosted ? Math.max(...ranked.tasks.filter((t) => appTasks.includes(t.task)).map((t) => t.simulatedWorstUs)) : null;
    const row: Row = { workload: comparison.workload, ...flat[i], appWorstResponseUs: worst === null || !Number.isFinite(worst) ? null : worst };
    return Object.fromEntries(METER_CHOICE_COLUMNS.map((c) => [c, row[c] ?? null]));
  });
}

interface MeterChoiceUnit {
  readonly workload: string;
  readonly target: string;
  readonly profile: string;
  readonly durationMs: number;
}

/** The meter-choice experiment. */
export const meterChoice = defineExperiment<MeterChoiceUnit, ComparedRow>({
  id: 'meter-choice',
  title: 'Choosing a kernel for a meter: every kernel on every MCU for the Cortex-M4 management module, as one image and with isolated APPs',
  description: `\`kbench compare --adapt\` on the ${METER_CHOICE_WORKLOAD} workload (workloads/meter/README.md: DL/T 645 and HPLC at 9600 baud, ESAM transactions over SPI, power-fail save, SPI NOR program and erase stalls, two user APPs) and on ${METER_CHOICE_ISOLATED_WORKLOAD} (the same module with its two user APPs isolated: APP headers, kernel services through the SVC gate, the MPU reloaded on a switch between APPs): every registered profile on every real MCU, each workload ranked on its own (\`workload\` column). A row is hosted when the profile's kernel boots the workload on the part (task and priority limits, services, APP isolation, RAM and flash against the part's budget), after folding priorities into the kernel's levels, swapping a mutex protocol it lacks for its own, or mapping a mutex onto what it offers (each change listed in \`adaptations\`); otherwise \`reason\` says why not. \`verdict\` and \`minSlackPercent\` come from the corrected, overhead-aware analysis of the system that kernel runs; \`breakdownFactor\` is the largest scaling of every compute step at which that analysis still finds it schedulable (to ${BREAKDOWN_PRECISION * 100}%); misses, max interrupt-disable time, the CPU split and \`appWorstResponseUs\` (the longest simulated response of the APP tasks, ${appTaskNames().join(' and ')}) come from a simulation of the published horizon (seed ${SEED}). Ranked by: ${RANKING_RULE}.`,
  columns: METER_CHOICE_COLUMNS,
  settings: (mode) => ({ seeds: [SEED], targets: mcuTargets().map((t) => t.id), durationMs: durationMs(mode), workloads: [...METER_CHOICE_WORKLOADS], adapt: true }),
  units: (mode) => grid({ workload: METER_CHOICE_WORKLOADS, target: mcuTargets().map((t) => t.id), profile: allProfiles().map((p) => p.id), durationMs: [durationMs(mode)] }),
  runUnit: ({ workload, target, profile, durationMs }) => evaluateRow({ workload: loadWorkload(workload), profile: getProfile(profile), target: getTarget(target), durationMs, seed: SEED, adapt: true }),
  reduce: (results, units, mode) => {
    const appTasks = appTaskNames();
    const paired = units.map((unit, i) => ({ unit, result: results[i] }));
    return groupInOrder(paired, (p) => p.unit.workload).flatMap((group) => {
      const rows = group.flatMap((p) => (p.result === undefined ? [] : [p.result]));
      const workload = group[0]?.unit.workload ?? '';
      const comparison = assembleComparison(rows, { workload, targets: [...new Set(group.map((p) => p.unit.target))], durationMs: durationMs(mode), seed: SEED, adapt: true });
      return meterChoiceRows(comparison, appTasks);
    });
  },
});
