import { Bench } from 'tinybench';
import { Engine } from '../hardware/engine.ts';
import { avr } from '../hardware/targets/index.ts';
import { msToCycles } from '../hardware/units.ts';
import { installMeterDemo } from '../experiments/avr-meter-demo.ts';
import { writeFileAtomic } from '../experiments/runner/atomic-write.ts';
import type { OsProfile } from '../kernels/profiles/types.ts';
import { allDesigns } from '../kernels/registry.ts';
import { withoutLocks } from '../experiments/breakdown.ts';
import { measureRun } from '../experiments/measure-run.ts';
import { engineSteps } from '../analysis/reducers/index.ts';
import { loadWorkload } from '../workloads/load.ts';
import type { Workload } from '../workloads/types.ts';

/*
 * Host speed per kernel design on the AVR meter workload at a 1 kHz tick: engine events (steps)
 * per host second, and the real-time factor (simulated seconds per host second). Run with
 * `npm run bench`; writes results/bench.json. Timings vary by machine, so bench.json is not part of
 * the reproducible results.
 */

/** Simulated time per measured run. */
const SIMULATED_MS = 1000;

/** A subject of the bench: one simulated run of it, returning the engine steps it took. */
interface BenchSubject {
  readonly id: string;
  readonly simulate: () => number;
}

/** The bare port (the meter's interrupts and a super-loop, no kernel): the floor every design adds to. */
function barePort(): number {
  const engine = new Engine({ target: avr, seed: 1 });
  installMeterDemo(engine, SIMULATED_MS);
  engine.run(msToCycles(avr, SIMULATED_MS));
  return engine.steps;
}

/** The subjects: the bare port, then each kernel design as one measured run of the meter. */
const BENCH_SUBJECTS: readonly BenchSubject[] = [
  { id: 'bare-port', simulate: barePort },
  ...allDesigns().map((design) => ({
    id: design.id,
    simulate: () => measureRun({ ...meterOn(design.defaultProfile), target: avr, durationMs: SIMULATED_MS, seed: 1, reducers: { steps: engineSteps() } }).steps,
  })),
];

/**
 * The meter workload on a design's default profile. The bench times a design's mechanisms, not a
 * profile's limits: the profile is widened to the meter's 11 priorities and tasks (WORIX has 6);
 * the meter's mutex takes the profile's own inversion protocol; and where the profile has no
 * mutexes (MOS: one level never preempts itself, shared data goes over the bus) the lock/unlock
 * steps are dropped.
 */
function meterOn(profile: OsProfile): { profile: OsProfile; workload: Workload } {
  const meter = loadWorkload('meter');
  const widened = { ...profile, priorities: Math.max(profile.priorities, meter.tasks.length), maxTasks: Math.max(profile.maxTasks, meter.tasks.length) };
  const protocol = profile.inversion[0];
  if (profile.services.mutex && protocol !== undefined) {
    const mutexes = (meter.resources?.mutexes ?? []).map((m) => ({ ...m, protocol }));
    return { profile: widened, workload: { ...meter, resources: { ...meter.resources, mutexes } } };
  }
  return { profile: widened, workload: withoutLocks(meter) };
}

const bench = new Bench({ time: 1500 });
const steps = new Map<string, number>();
for (const subject of BENCH_SUBJECTS) {
  steps.set(subject.id, subject.simulate());
  bench.add(subject.id, () => {
    subject.simulate();
  });
}
await bench.run();

const rows = bench.tasks.map((task) => {
  const result = task.result;
  if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`);
  const hostSeconds = result.latency.mean / 1000;
  const perRun = steps.get(task.name) ?? 0;
  return {
    design: task.name,
    simulatedMs: SIMULATED_MS,
    stepsPerRun: perRun,
    eventsPerSecond: Math.round(perRun / hostSeconds),
    realTimeFactor: Math.round((SIMULATED_MS / 1000 / hostSeconds) * 10) / 10,
    meanMs: Math.round(result.latency.mean * 1000) / 1000,
    rme: Math.round(result.latency.rme * 100) / 100,
    samples: result.latency.samplesCount,
  };
});
console.table(rows);
writeFileAtomic('results/bench.json', `${JSON.stringify({ node: process.version, target: avr.id, workload: 'meter, 1 kHz tick', rows }, null, 2)}\n`);
console.log('wrote results/bench.json');
