import { assembleComparison, COMPARISON_COLUMNS, comparisonRows, DEFAULT_COMPARE_DURATION_MS } from '../compare/compare.ts';
import { BREAKDOWN_PRECISION, evaluateRow, type ComparedRow } from '../compare/evaluate.ts';
import { RANKING_RULE } from '../compare/rank.ts';
import { getTarget, mcuTargets } from '../hardware/targets/index.ts';
import { allProfiles, getProfile } from '../kernels/registry.ts';
import { loadWorkload } from '../workloads/load.ts';
import { defineExperiment, type RunMode } from './contract.ts';
import { grid } from './unit-helpers.ts';

/*
 * Choosing a kernel for a meter: `kbench compare --adapt` on the Cortex-M4 management-module set,
 * every registered profile on every real MCU, as a registered study whose rows the report renders.
 * One unit per target and profile, so the runner can spread them over workers and shards.
 */

/** The workload the study compares kernels on (workloads/meter/m4-management-module.json). */
export const METER_CHOICE_WORKLOAD = 'm4-management-module';

const SEED = 1;

/** A check in seconds simulates a fifth of the published horizon. */
const durationMs = (mode: RunMode): number => (mode === 'quick' ? DEFAULT_COMPARE_DURATION_MS / 5 : DEFAULT_COMPARE_DURATION_MS);

interface MeterChoiceUnit {
  readonly target: string;
  readonly profile: string;
  readonly durationMs: number;
}

/** The meter-choice experiment. */
export const meterChoice = defineExperiment<MeterChoiceUnit, ComparedRow>({
  id: 'meter-choice',
  title: 'Choosing a kernel for a meter: every kernel on every MCU for the Cortex-M4 management module',
  description: `\`kbench compare --adapt\` on the ${METER_CHOICE_WORKLOAD} workload (workloads/meter/README.md: DL/T 645 and HPLC at 9600 baud, ESAM transactions over SPI, power-fail save, SPI NOR program and erase stalls, two user APPs): every registered profile on every real MCU. A row is hosted when the profile's kernel boots the workload on the part (task and priority limits, services, RAM and flash against the part's budget), after folding priorities into the kernel's levels, swapping a mutex protocol it lacks for its own, or mapping a mutex onto what it offers (each change listed in \`adaptations\`); otherwise \`reason\` says why not. \`verdict\` and \`minSlackPercent\` come from the corrected, overhead-aware analysis of the system that kernel runs; \`breakdownFactor\` is the largest scaling of every compute step at which that analysis still finds it schedulable (to ${BREAKDOWN_PRECISION * 100}%); misses, max interrupt-disable time and the CPU split come from a simulation of the published horizon (seed ${SEED}). Ranked by: ${RANKING_RULE}.`,
  columns: COMPARISON_COLUMNS,
  settings: (mode) => ({ seeds: [SEED], targets: mcuTargets().map((t) => t.id), durationMs: durationMs(mode), workload: METER_CHOICE_WORKLOAD, adapt: true }),
  units: (mode) => grid({ target: mcuTargets().map((t) => t.id), profile: allProfiles().map((p) => p.id), durationMs: [durationMs(mode)] }),
  runUnit: ({ target, profile, durationMs }) => evaluateRow({ workload: loadWorkload(METER_CHOICE_WORKLOAD), profile: getProfile(profile), target: getTarget(target), durationMs, seed: SEED, adapt: true }),
  reduce: (results, units, mode) =>
    comparisonRows(assembleComparison(results, { workload: METER_CHOICE_WORKLOAD, targets: [...new Set(units.map((u) => u.target))], durationMs: durationMs(mode), seed: SEED, adapt: true })),
});
