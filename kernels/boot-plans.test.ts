import { describe, expect, it } from 'vitest';
import { Engine } from '../hardware/engine.ts';
import type { ProbeRecord } from '../hardware/probe.ts';
import { avr, m4 } from '../hardware/targets/index.ts';
import { msToCycles } from '../hardware/units.ts';
import type { Target } from '../hardware/target.ts';
import type { Workload } from '../workloads/types.ts';
import { coreBootPlan } from './core/boot-plan.ts';
import { periodic, workload } from './core/test-workloads.ts';
import { edf } from './edf/index.ts';
import { edfProfile } from './edf/profile.ts';
import type { ExecMode } from './execution-time.ts';
import { mappedWorkload } from './mos/config.ts';
import { mosBootPlan } from './mos/boot-plan.ts';
import type { OsProfile } from './profiles/types.ts';
import { allDesigns, bootSystem } from './registry.ts';
import type { ReleaseMode } from './types.ts';

/*
 * A boot derives what does not depend on the run once per workload, profile, design and target
 * (kernels/core/boot-plan.ts, kernels/mos/boot-plan.ts) and shares it between boots. Sharing is
 * safe only if nothing a run changes lives in it: these tests run boots that share one cached plan,
 * one run interleaved with another, beside boots from a cold cache (structural copies of the
 * workload and profile, which no cache has seen), and require the same probe stream event by event.
 */

/** Every kind of release the boots derive: tick-periodic with and without jitter, an I/O line, a sporadic source. */
const mixed: Workload = workload(
  [
    periodic('fast', 0, 2_000, [{ op: 'compute', cycles: 900, bestCycles: 300 }, { op: 'io-out' }]),
    periodic('jittered', 1, 5_000, [{ op: 'compute', cycles: 1_500, bestCycles: 700 }], { releaseJitterUs: 400, trigger: { kind: 'periodic', periodUs: 5_000, offsetUs: 250 } }),
    { name: 'pulse', priority: 2, trigger: { kind: 'io', line: 'pulse' }, body: [{ op: 'compute', cycles: 600, bestCycles: 200 }, { op: 'io-out' }], source: 'test' },
    { name: 'alarm', priority: 3, trigger: { kind: 'sporadic', minInterArrivalUs: 7_000, maxExtraUs: 3_000 }, body: [{ op: 'compute', cycles: 1_200 }], source: 'test' },
    periodic('slow', 4, 20_000, [{ op: 'compute', cycles: 8_000, bestCycles: 2_000 }]),
  ],
  { ioLines: [{ name: 'pulse', priority: 1, arrival: { kind: 'random', meanInterArrivalUs: 3_000 }, isrCycles: 120 }] },
);

/** The set without release jitter, which MOS does not simulate (its timers post on the tick). */
const withoutJitter: Workload = { ...mixed, tasks: mixed.tasks.map(({ releaseJitterUs: _, ...t }) => t) };

/** A booted system with the engine whose probe keeps its trace. */
interface Run {
  readonly engine: Engine;
  readonly system: { run(untilCycles: number): void };
}

function boot(profile: OsProfile, w: Workload, target: Target, exec: ExecMode, releases: ReleaseMode): Run {
  const system = bootSystem({ target, workload: w, profile, seed: 7, keepTrace: true, exec, releases });
  return { engine: system.engine, system };
}

function finish(run: Run, ms: number): readonly ProbeRecord[] {
  run.system.run(msToCycles(run.engine.target, ms));
  return run.engine.probe.trace();
}

/** A structural copy no cache has seen: a cold boot. */
function cold<T>(record: T): T {
  return structuredClone(record);
}

describe('boots that share a cached plan run as boots from a cold cache', () => {
  const cases: { target: Target; exec: ExecMode; releases: ReleaseMode }[] = [
    { target: avr, exec: 'uniform', releases: 'tick' },
    { target: m4, exec: 'worst', releases: 'exact' },
  ];
  for (const design of allDesigns()) {
    for (const { target, exec, releases } of cases) {
      it(`${design.id} on ${target.id}, ${exec} execution times, ${releases} releases`, () => {
        // Each design on its own default profile, widened to the set's priorities where it has fewer.
        const w = design.id === 'mos' ? withoutJitter : mixed;
        const profile = { ...design.defaultProfile, priorities: Math.max(design.defaultProfile.priorities, 8), maxTasks: Math.max(design.defaultProfile.maxTasks, 8) };
        // Two warm boots from one cache: the second starts while the first is half run.
        const first = boot(profile, w, target, exec, releases);
        first.system.run(msToCycles(target, 60));
        const second = finish(boot(profile, w, target, exec, releases), 120);
        const firstTrace = finish(first, 120);
        const coldA = finish(boot(cold(profile), cold(w), target, exec, releases), 120);
        const coldB = finish(boot(cold(profile), cold(w), target, exec, releases), 120);
        // The streams are long enough to carry every kind of release the set has.
        expect(coldA.length).toBeGreaterThan(300);
        expect(firstTrace).toEqual(coldA);
        expect(second).toEqual(coldB);
        expect(second).toEqual(firstTrace);
      });
    }
  }
});

describe('a boot plan holds only frozen data', () => {
  it('the core plan, its tasks and their tick releases cannot be changed by a run', () => {
    const plan = coreBootPlan(edf, edfProfile, mixed, avr, 'tick');
    expect(plan).toBe(coreBootPlan(edf, edfProfile, mixed, avr, 'tick'));
    expect(Object.isFrozen(plan) && Object.isFrozen(plan.tasks) && Object.isFrozen(plan.signalCosts) && Object.isFrozen(plan.mutexCeilings)).toBe(true);
    for (const task of plan.tasks) {
      expect(Object.isFrozen(task)).toBe(true);
      if (task.release.kind === 'periodic') expect(Object.isFrozen(task.release.release)).toBe(true);
    }
  });

  it('the MOS plan, its priced steps and countdown releases cannot be changed by a run', () => {
    const plan = mosBootPlan(withoutJitter, mappedWorkload(withoutJitter, {}), avr);
    expect(Object.isFrozen(plan) && Object.isFrozen(plan.steps) && Object.isFrozen(plan.timers) && Object.isFrozen(plan.ioLines)).toBe(true);
    for (const steps of plan.steps) expect(Object.isFrozen(steps) && steps.every((s) => Object.isFrozen(s))).toBe(true);
    for (const timer of plan.timers) expect(Object.isFrozen(timer)).toBe(true);
  });
});

describe('a cached plan keeps the checks', () => {
  it('a workload that fails is refused on every boot, naming the field, and is not remembered', () => {
    const tooFast = workload([periodic('a', 0, 500, [{ op: 'compute', cycles: 10 }])]);
    for (let i = 0; i < 2; i++) expect(() => bootSystem({ target: avr, workload: tooFast, profile: 'ucos2' })).toThrow(/tasks\[0\]\.trigger\.periodUs/);
    for (let i = 0; i < 2; i++) expect(() => bootSystem({ target: avr, workload: tooFast, profile: 'mos' })).toThrow(/periodUs/);
  });
});
