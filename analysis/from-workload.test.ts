import { describe, expect, it } from 'vitest';
import { avr, m4 } from '../hardware/targets/index.ts';
import { WorkloadError } from '../workloads/errors.ts';
import type { Workload } from '../workloads/types.ts';
import { modelFromWorkload } from './from-workload.ts';

/** One periodic task on a 1 kHz tick, reference cycles on `referenceTarget`. */
function oneTask(referenceTarget: string, periodUs: number, cycles: number): Workload {
  return { name: 'w', description: '', referenceTarget, tickHz: 1000, tasks: [{ name: 'a', priority: 0, trigger: { kind: 'periodic', periodUs }, body: [{ op: 'compute', cycles }] }] };
}

describe('modelFromWorkload checks the workload on its target', () => {
  it('refuses a period of 1e303 us instead of bounding it (once WCRT 0 below BCRT 12.5, schedulable)', () => {
    expect(() => modelFromWorkload(oneTask('avr', 1e303, 100), avr)).toThrow(WorkloadError);
    expect(() => modelFromWorkload(oneTask('avr', 1e303, 100), avr)).toThrow(/tasks\[0\]\.trigger\.periodUs: 1e\+303 us is 8e\+303 cycles on avr, above the largest exact integer/);
  });

  it('refuses execution that overflows only once scaled to the analysis target', () => {
    // 4e15 M4 cycles are about 2.1e16 on the AVR (CoreMark per MHz 2.342 against 0.439).
    const w = oneTask('m4', 4e13, 4e15);
    expect(modelFromWorkload(w, m4).model.tasks[0]?.wcetCycles).toBe(4e15);
    expect(() => modelFromWorkload(w, avr)).toThrow(/tasks\[0\]\.body\[0\]\.cycles: worst case 4000000000000000 cycles on m4, \d+ cycles on avr, above the largest exact integer/);
  });
});

describe('modelFromWorkload places each periodic source\'s first arrival', () => {
  it('at a periodic task\'s offset, at its periodic line\'s offset for a task the line releases, and at a periodic line\'s own offset', () => {
    // 8 MHz AVR: 250 us is 2000 cycles, 125 us is 1000.
    const w: Workload = {
      ...oneTask('avr', 1000, 100),
      tasks: [
        { name: 'a', priority: 0, trigger: { kind: 'periodic', periodUs: 1000, offsetUs: 250 }, body: [{ op: 'compute', cycles: 100 }] },
        { name: 'b', priority: 1, trigger: { kind: 'io', line: 'adc' }, body: [{ op: 'compute', cycles: 100 }] },
        { name: 'c', priority: 2, trigger: { kind: 'periodic', periodUs: 2000 }, body: [{ op: 'compute', cycles: 100 }] },
      ],
      ioLines: [{ name: 'adc', priority: 0, arrival: { kind: 'periodic', periodUs: 500, offsetUs: 125 }, isrCycles: 10 }],
    };
    const { model } = modelFromWorkload(w, avr);
    expect(model.tasks.map((t) => t.firstArrivalCycles)).toEqual([2000, 1000, 0]);
    expect(model.interrupts.map((l) => l.firstArrivalCycles)).toEqual([1000]);
  });
});
