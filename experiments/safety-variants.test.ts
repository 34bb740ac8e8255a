import { describe, expect, it } from 'vitest';
import { analyzeWorkload } from '../analysis/analyze.ts';
import { UnanalysableSystemError } from '../analysis/from-system.ts';
import { responseTimes } from '../analysis/reducers/index.ts';
import { Prng } from '../hardware/prng.ts';
import { getTarget, targetIds } from '../hardware/targets/index.ts';
import { usToCycles } from '../hardware/units.ts';
import { allProfiles, getProfile, portedUnits } from '../kernels/registry.ts';
import { systemModel } from '../kernels/system-model.ts';
import { parseWorkload } from '../workloads/schema.ts';
import type { Workload } from '../workloads/types.ts';
import { measureRun } from './measure-run.ts';
import { safetyHorizonUs, safetySet } from './safety-sets.ts';
import { framedProfile } from './io-sim.ts';
import type { OsProfile } from '../kernels/profiles/types.ts';

/*
 * The safety study's sets are periodic tasks, mutexes and sends. Its rule (every simulated response
 * within [BCRT, WCRT] of the analysis of the same system) must also hold for what a workload may add:
 * an interrupt line, a task released by a line, a sporadic task, release jitter, a preemption
 * threshold, a constrained deadline, a run-to-completion threshold. Each variant below changes one
 * task (one combines three) of safety sets 1-8 by a seeded draw; a set the schema, the kernel or the analysis refuses is
 * skipped (the CLI would refuse it too). Each variant once found
 * answers that broke the rule: a late task on a non-preemptive kernel running its next job at once,
 * an EDF kernel with no deadline for a line-released task, a threshold split scaled twice.
 *
 * A job released by a post (a line, or a sporadic task's release timer) on a deadline-keyed tick
 * kernel is keyed from the last tick before the post, up to a tick earlier than its release: the
 * analysis counts such a task's interference by that earliest key (analysis/from-system.ts). Keyed
 * by its release alone, the EDF kernel's line-released variant of set 4 on the AVR ran t1 for 14987
 * cycles against a bound of 13051.
 *
 * A line on the tick grid raises its ISR at the cycle periodic jobs arrive. On the ideal target the
 * release ISR waits behind it, and uKernel dispatched the job the line posted before those releases
 * were processed: set 3 ran t1 for 1755 cycles against a bound of 1754 (blocking C - 1, not C).
 */

/**
 * Sets 1-8 (1-4 in the EDF framing) in the suite. A deeper probe, outside CI, takes more:
 * `KBENCH_VARIANT_SETS=400 npx vitest run experiments/safety-variants.test.ts` (about 2 min on two
 * cores); every break this session's wider runs found is pinned by a test in one-answer.test.ts.
 */
const SET_COUNT = Number(process.env.KBENCH_VARIANT_SETS ?? 8);
const SEEDS = Array.from({ length: SET_COUNT }, (_, i) => i + 1);
const FRAMED_SEEDS = SEEDS.slice(0, Math.ceil(SET_COUNT / 2));

type Variant = (w: Workload, prng: Prng, pick: number) => Workload;


/** Replaces task `pick` of `w` with what `change` makes of it. */
function withTask(w: Workload, pick: number, change: (t: Workload['tasks'][number]) => Workload['tasks'][number]): Workload['tasks'] {
  return w.tasks.map((t, i) => (i === pick ? change(t) : t));
}

const spacingUs = (t: Workload['tasks'][number]): number => (t.trigger.kind === 'periodic' ? t.trigger.periodUs : 10_000);

const VARIANTS: Record<string, Variant> = {
  'an interrupt line': (w, prng) => ({ ...w, ioLines: [{ name: 'adc', priority: 0, arrival: { kind: 'periodic', periodUs: prng.intBetween(300, 2300), offsetUs: prng.intBetween(0, 299) }, isrCycles: prng.intBetween(20, 320) }] }),
  'a task released by a line': (w, prng, pick) => ({
    ...w,
    ioLines: [{ name: 'uart', priority: 0, arrival: { kind: 'sporadic', minInterArrivalUs: prng.intBetween(500, 3500), maxExtraUs: prng.intBetween(0, 1000) }, isrCycles: prng.intBetween(50, 450) }],
    tasks: withTask(w, pick, (t) => ({ ...t, trigger: { kind: 'io', line: 'uart' } })),
  }),
  // Its ISR can come at the very cycle a periodic job arrives: the kernel may then dispatch the posted job before that release is processed.
  'a task released by a line on the tick grid': (w, prng, pick) => ({
    ...w,
    ioLines: [{ name: 'uart', priority: 0, arrival: { kind: 'periodic', periodUs: 1000 * prng.intBetween(1, 4) }, isrCycles: prng.intBetween(50, 450) }],
    tasks: withTask(w, pick, (t) => ({ ...t, trigger: { kind: 'io', line: 'uart' } })),
  }),
  'a sporadic task': (w, prng, pick) => ({ ...w, tasks: withTask(w, pick, (t) => ({ ...t, trigger: { kind: 'sporadic', minInterArrivalUs: spacingUs(t), maxExtraUs: prng.intBetween(0, spacingUs(t)) } })) }),
  'release jitter': (w, prng, pick) => ({ ...w, tasks: withTask(w, pick, (t) => ({ ...t, releaseJitterUs: prng.intBetween(0, Math.floor(spacingUs(t) / 2)) })) }),
  'a preemption threshold': (w, prng, pick) => ({ ...w, tasks: withTask(w, pick, (t) => ({ ...t, preemptionThreshold: prng.intBetween(0, t.priority) })) }),
  'a constrained deadline': (w, prng, pick) => ({ ...w, tasks: withTask(w, pick, (t) => ({ ...t, deadlineUs: Math.max(1, Math.floor(spacingUs(t) * (0.3 + 0.7 * prng.nextFloat()))) })) }),
  'a line-released task, release jitter and a threshold on three tasks': (w, prng, pick) => {
    const line = (VARIANTS['a task released by a line'] as Variant)(w, prng, pick);
    const jittered = (VARIANTS['release jitter'] as Variant)(line, prng, (pick + 1) % w.tasks.length);
    return (VARIANTS['a run-to-completion threshold'] as Variant)(jittered, prng, (pick + 2) % w.tasks.length);
  },
  'a run-to-completion threshold': (w, prng, pick) => ({
    ...w,
    tasks: withTask(w, pick, (t) => ({ ...t, preemptibleCycles: Math.floor(prng.nextFloat() * t.body.reduce((c, s) => c + (s.op === 'compute' ? s.cycles : 0), 0)) })),
  }),
};

/** The variant of safety set `seed` on `profile`, or undefined where the schema refuses it. */
function variantSet(variant: Variant, seed: number, profile: OsProfile): Workload | undefined {
  const base = safetySet(seed, profile);
  const prng = new Prng(0x7a71 + seed);
  const changed = variant(base, prng, prng.intBetween(0, base.tasks.length - 1));
  try {
    return parseWorkload(changed, `variant of safety set ${seed}`);
  } catch {
    return undefined;
  }
}

/**
 * Every ported profile and target at sets 1-8, and the paper's EDF framing of each profile that is
 * not EDF already (experiments/io-sim.ts `framedProfile`, as fig4 and bounds run them) at sets 1-4.
 */
function variantUnits(): { readonly target: string; readonly profile: OsProfile; readonly seeds: readonly number[] }[] {
  const ported = portedUnits(targetIds().flatMap((target) => allProfiles().map((p) => ({ target, profile: p.id }))));
  return [
    ...ported.map(({ target, profile }) => ({ target, profile: getProfile(profile), seeds: SEEDS })),
    ...ported.filter(({ profile }) => getProfile(profile).design !== 'edf').map(({ target, profile }) => ({ target, profile: framedProfile(profile, 'dynamic-priority'), seeds: FRAMED_SEEDS })),
  ];
}

describe('the one system model stays safe past the safety study\'s periodic sets', () => {
  const units = variantUnits();
  for (const [name, variant] of Object.entries(VARIANTS)) {
    it(`with ${name}: every simulated response within [BCRT, WCRT], sets 1-${SEEDS.length} on every profile and target, sets 1-${FRAMED_SEEDS.length} in the EDF framing`, () => {
      const broken: string[] = [];
      let checked = 0;
      for (const { target: targetId, profile, seeds } of units) {
        const profileId = profile.id;
        for (const seed of seeds) {
          const workload = variantSet(variant, seed, profile);
          if (workload === undefined) continue;
          const target = getTarget(targetId);
          let system;
          try {
            system = systemModel(profile, target, workload);
          } catch {
            continue; // a kernel that refuses the workload (MOS simulates no release jitter) boots it nowhere
          }
          let report;
          try {
            report = analyzeWorkload(workload, { target, system, explain: false });
          } catch (error) {
            // A threshold on a time-sliced shared level: analyze refuses it by name, as the CLI does.
            if (error instanceof UnanalysableSystemError) continue;
            throw error;
          }
          const horizon = usToCycles(target, Math.max(200_000, 3 * safetyHorizonUs(workload)));
          const { responses } = measureRun({ profile, target, workload, horizonCycles: horizon, seed, releases: system.releases.kind, reducers: { responses: responseTimes() } });
          for (const bound of report.tasks) {
            const simulated = responses.find((r) => r.task === bound.task);
            if (simulated === undefined) continue;
            const at = `${targetId} ${profileId} set ${seed} ${bound.task}`;
            if (bound.wcrtCycles !== null) {
              checked++;
              if (simulated.longestCycles > bound.wcrtCycles) broken.push(`${at}: longest ${simulated.longestCycles} > WCRT ${bound.wcrtCycles}`);
            }
            if (bound.bcrtCycles !== null && simulated.shortestCycles !== null && simulated.shortestCycles < bound.bcrtCycles) broken.push(`${at}: shortest ${simulated.shortestCycles} < BCRT ${bound.bcrtCycles}`);
          }
        }
      }
      expect(broken).toEqual([]);
      expect(checked).toBeGreaterThan(100);
    }, 120_000 * Math.max(1, SET_COUNT / 8));
  }
});
