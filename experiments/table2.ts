import { getTarget } from '../hardware/targets/index.ts';
import { footprint, portedUnits, unportedPairs } from '../kernels/registry.ts';
import { defineExperiment } from './contract.ts';
import { sweepProfiles, sweepTargets } from './fig1.ts';
import type { Table2Row } from './paper-rows.ts';
import { TABLE2_CODE_KB } from './published.ts';
import { grid } from './unit-helpers.ts';

/*
 * The paper's Table 2: kernel code size per profile, with RAM beside it, from `footprint()` (the
 * bytes of every function the profile's configuration compiles in, whole, plus the port code; RAM for the
 * profiles' reference configuration of 8 tasks). The paper measured the ATmega128L builds with AVR
 * Studio 4, so its KB stand beside the avr rows only.
 */

/** The paper's Table 2 KB for a profile on a target (null for MOS, and for every target but the AVR). */
export function paperKB(profile: string, target: string): number | null {
  return target === 'avr' ? (TABLE2_CODE_KB.values[profile] ?? null) : null;
}

/** The table2 experiment: one unit per target x profile. */
export const table2 = defineExperiment<{ readonly target: string; readonly profile: string }, Table2Row>({
  id: 'table2',
  title: "Kernel code and RAM per profile (the paper's Table 2)",
  description:
    "codeBytes: the bytes of every kernel function the profile's configuration compiles in, whole (its ready structure, timer strategy, and every function of the services it offers with their argument checks, error returns and helpers: kernels/core/service-catalogue.ts), plus the target's port code, each block lowered to the target's instructions. ramBytes: TCBs, ready and timer structures, objects and stacks for the profiles' reference configuration (8 tasks, 64 bytes of locals each, 2 semaphores, 1 mutex, 1 queue of 8, 1 flag group). paperKB: the paper's Table 2 (AVR Studio 4 on the ATmega128L), for the avr rows of its five kernels.",
  columns: ['target', 'profile', 'codeBytes', 'ramBytes', 'paperKB'],
  settings: () => ({ seeds: [], targets: sweepTargets(), durationMs: null, notRun: unportedPairs(sweepTargets(), sweepProfiles()) }),
  units: () => portedUnits(grid({ target: sweepTargets(), profile: sweepProfiles() })),
  runUnit: ({ target, profile }) => {
    const f = footprint(profile, getTarget(target));
    return { target, profile, codeBytes: f.codeBytes, ramBytes: f.ramBytes, paperKB: paperKB(profile, target) };
  },
  reduce: (results) => [...results],
});
