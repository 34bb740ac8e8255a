import { eachTaskInItsOwnApp } from '../multiapp/fixtures.ts';
import { defineExperiment, type RunMode, type Row } from './contract.ts';
import { sweepProfiles } from './fig1.ts';
import { measureIndicator, type IndicatorRow } from './indicators.ts';
import { grid } from './unit-helpers.ts';

/*
 * The four Q/GDW 12180 indicators with and without APP isolation: the same micro-benchmark
 * workloads, once as kernel tasks and once with each task in an APP of its own (its kernel calls
 * through the SVC gate, its MPU regions loaded on every switch into it), on the M4 parts.
 */

const TARGETS = ['m4', 'm4-f407'] as const;
const QGDW = ['qgdw-task-switching', 'qgdw-channel-communication', 'qgdw-semaphore-shuffling', 'qgdw-signal-reception'] as const;
const DURATION_MS: Record<RunMode, number> = { quick: 200, full: 1000 };

interface IsolatedIndicatorUnit {
  readonly target: string;
  readonly profile: string;
  readonly indicator: (typeof QGDW)[number];
  readonly isolated: boolean;
  readonly durationMs: number;
}

type IsolatedIndicatorRow = IndicatorRow & { readonly isolated: boolean };

/** The indicators-with-isolation study. */
export const multiappIndicators = defineExperiment<IsolatedIndicatorUnit, IsolatedIndicatorRow>({
  id: 'multiapp-indicators',
  title: 'Q/GDW 12180 indicators with and without APP isolation',
  description:
    "The four Q/GDW 12180 indicators (as in `indicators`) on the M4 parts, with the benchmark's tasks as kernel tasks (isolated false) and each in an APP of its own (isolated true: SVC gate on every kernel call, MPU regions loaded on every switch into another APP).",
  columns: ['target', 'profile', 'indicator', 'isolated', 'valueUs', 'cycles', 'note'],
  settings: (mode) => ({ seeds: [1], targets: [...TARGETS], durationMs: DURATION_MS[mode], indicators: [...QGDW] }),
  units: (mode) => grid({ target: TARGETS, profile: sweepProfiles(), indicator: QGDW, isolated: [false, true], durationMs: [DURATION_MS[mode]] }),
  runUnit: ({ isolated, ...unit }) => ({ ...measureIndicator(unit, isolated ? eachTaskInItsOwnApp : (w) => w), isolated }),
  reduce: (results) => results.map((r): Row => ({ ...r })),
});
