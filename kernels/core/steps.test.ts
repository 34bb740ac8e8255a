import { describe, expect, it } from 'vitest';
import { avr, getTarget } from '../../hardware/targets/index.ts';
import { scaleCycles } from '../../workloads/scaling.ts';
import { compileBody, Op, type ObjectNames } from './steps.ts';
import { periodic } from './test-workloads.ts';

const NO_OBJECTS: ObjectNames = { semaphores: new Map(), mutexes: new Map(), queues: new Map(), flags: new Map() };

describe('compiled task bodies', () => {
  it('carry each compute step best and worst case to the target', () => {
    const spec = periodic('t', 1, 10_000, [{ op: 'compute', cycles: 900, bestCycles: 400 }, { op: 'compute', cycles: 100 }]);
    const compute = compileBody(spec, 'tasks[0]', NO_OBJECTS, 'avr', avr).steps.filter((s) => s.op === Op.Compute);
    expect(compute.map((s) => [s.bestCycles, s.cycles])).toEqual([[400, 900], [100, 100]]);
  });

  it('keep the best case in the preemptible piece of a step split by the threshold, so a shorter job shortens its final region first', () => {
    // Threshold 600 of a 900-cycle step, best 400 or 700: the lock comes after 600 worst-case cycles.
    for (const [best, preemptibleBest, finalBest] of [[400, 400, 0], [700, 600, 100]] as const) {
      const spec = periodic('t', 1, 10_000, [{ op: 'compute', cycles: 900, bestCycles: best }], { preemptibleCycles: 600 });
      const steps = compileBody(spec, 'tasks[0]', NO_OBJECTS, 'avr', avr).steps;
      expect(steps.map((s) => s.op)).toEqual([Op.Compute, Op.SchedLock, Op.Compute]);
      expect(steps.map((s) => [s.bestCycles, s.cycles])).toEqual([[preemptibleBest, 600], [0, 0], [finalBest, 300]]);
    }
  });

  it('split a step on another core where the analysis does: the threshold and the step each scaled whole', () => {
    // On the M4 a 900-cycle step scales to 169 cycles and a threshold of 100 to 19; scaled apart, the
    // pieces were 19 + 151 = 170, one cycle more than the job the analysis bounds, all of it in the
    // final part it charges as blocking.
    const m4 = getTarget('m4');
    const spec = periodic('t', 1, 10_000, [{ op: 'compute', cycles: 900 }], { preemptibleCycles: 100 });
    const steps = compileBody(spec, 'tasks[0]', NO_OBJECTS, 'avr', m4).steps;
    const whole = scaleCycles(900, 'avr', m4);
    const preemptible = scaleCycles(100, 'avr', m4);
    expect([whole, preemptible]).toEqual([169, 19]);
    expect(steps.map((s) => [s.op, s.cycles])).toEqual([[Op.Compute, preemptible], [Op.SchedLock, 0], [Op.Compute, whole - preemptible]]);
  });
});
