import { describe, expect, it } from 'vitest';
import { avr, m4 } from '../../hardware/targets/index.ts';
import { msToCycles } from '../../hardware/units.ts';
import type { Workload } from '../../workloads/types.ts';
import { bootSystem } from '../registry.ts';
import { compiledBody } from './compiled-bodies.ts';
import { Op } from './steps.ts';
import { periodic, workload } from './test-workloads.ts';

/** Two tasks that share a semaphore and a queue: state a boot leaves in its objects would change the next boot's schedule. */
function sharing(): Workload {
  return workload(
    [
      { name: 'consumer', priority: 1, trigger: { kind: 'periodic', periodUs: 1000 }, body: [{ op: 'receive', queue: 'q' }, { op: 'take', semaphore: 's' }, { op: 'compute', cycles: 200 }, { op: 'give', semaphore: 's' }] },
      periodic('producer', 2, 5000, [{ op: 'take', semaphore: 's' }, { op: 'compute', cycles: 300 }, { op: 'give', semaphore: 's' }, { op: 'send', queue: 'q' }, { op: 'send', queue: 'q' }]),
    ],
    { resources: { semaphores: [{ name: 's', initial: 1 }], queues: [{ name: 'q', capacity: 4 }] } },
  );
}

/** The probe trace of `w` booted on uC/OS-II on the AVR and run for `ms`. */
function traceOf(w: Workload, ms: number): string {
  const sys = bootSystem({ target: avr, workload: w, profile: 'ucos2', keepTrace: true });
  sys.run(msToCycles(avr, ms));
  return JSON.stringify(sys.engine.probe.trace());
}

describe('compiled task bodies are derived once per workload and target', () => {
  it('hands every boot of a workload on a target the same body, and each target its own', () => {
    const w = sharing();
    expect(compiledBody(w, 1, avr, 'tasks[1]')).toBe(compiledBody(w, 1, avr, 'tasks[1]'));
    expect(compiledBody(w, 1, m4, 'tasks[1]')).not.toBe(compiledBody(w, 1, avr, 'tasks[1]'));
  });

  it('names each distinct object once, in first-use order, and points every step at its slot', () => {
    const body = compiledBody(sharing(), 1, avr, 'tasks[1]');
    expect(body.slots).toEqual([{ kind: 'semaphore', name: 's' }, { kind: 'queue', name: 'q' }]);
    expect(body.steps.filter((s) => s.op !== Op.Compute).map((s) => s.object)).toEqual([0, 0, 1, 1]);
  });

  it('gives a boot that reuses a body fresh kernel objects: its trace equals that of a first boot', () => {
    const w = sharing();
    const first = traceOf(w, 40);
    // The second boot of the same workload object takes the remembered bodies; a copy compiles anew.
    expect(traceOf(w, 40)).toBe(first);
    expect(traceOf(structuredClone(w), 40)).toBe(first);
  });

  it('remembers no body that failed: the next boot reports the same unknown name', () => {
    const w = workload([periodic('t', 1, 1000, [{ op: 'take', semaphore: 'missing' }])]);
    const boot = (): unknown => bootSystem({ target: avr, workload: w, profile: 'ucos2' });
    expect(boot).toThrow('tasks[0].body[0].semaphore: unknown semaphore "missing"');
    expect(boot).toThrow('tasks[0].body[0].semaphore: unknown semaphore "missing"');
  });
});
