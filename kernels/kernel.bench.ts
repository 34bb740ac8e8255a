import { Bench } from 'tinybench';
import { engineSteps } from '../analysis/reducers/index.ts';
import { measureRun } from '../experiments/measure-run.ts';
import { avr } from '../hardware/targets/index.ts';
import { fitPriorities } from '../workloads/fit-priorities.ts';
import { paperTaskCountWorkload } from '../workloads/generators/paper-sweeps.ts';
import { getProfile } from './registry.ts';

/*
 * The kernel's cost per engine step on the paper's sleep-wake set (8 tasks waking on every tick),
 * for three designs: the engine's own floor is hardware/engine.bench.ts. Run with
 * `node --import tsx kernels/kernel.bench.ts`.
 */

const SIMULATED_MS = 2000;

function run(profileId: string): number {
  const profile = getProfile(profileId);
  return measureRun({ profile, target: avr, workload: fitPriorities(paperTaskCountWorkload(8), profile), durationMs: SIMULATED_MS, seed: 1, reducers: { steps: engineSteps() } }).steps;
}

const steps = new Map<string, number>();
const bench = new Bench({ time: 1500 });
for (const id of ['ucos2', 'webit', 'worix']) {
  steps.set(id, run(id));
  bench.add(id, () => run(id));
}
await bench.run();
console.table(
  bench.tasks.map((task) => {
    const result = task.result;
    if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`);
    const perRun = steps.get(task.name) as number;
    return { profile: task.name, stepsPerRun: perRun, nsPerStep: Math.round((result.latency.mean * 1e6 * 10) / perRun) / 10, rme: result.latency.rme };
  }),
);
