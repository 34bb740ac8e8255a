import { describe, expect, it } from 'vitest';
import { getTarget } from '../hardware/targets/index.ts';
import { WorkloadError } from './errors.ts';
import { parseWorkload } from './schema.ts';
import { checkWorkloadOnTarget, workloadTargetIssues } from './target-fit.ts';
import type { IoLineSpec, TaskSpec, Workload } from './types.ts';

const avr = getTarget('avr'); // 8 MHz: 8 cycles per us
const m4 = getTarget('m4'); // 200 MHz: 200 cycles per us

function task(extra: Partial<TaskSpec> = {}): TaskSpec {
  return { name: 'a', priority: 0, trigger: { kind: 'periodic', periodUs: 10_000 }, body: [{ op: 'compute', cycles: 100 }], ...extra };
}

function workload(extra: Partial<Workload> = {}): Workload {
  return { name: 'w', description: '', referenceTarget: 'avr', tickHz: 1000, tasks: [task()], ...extra };
}

function line(arrival: IoLineSpec['arrival']): IoLineSpec {
  return { name: 'uart', priority: 0, arrival, isrCycles: 10 };
}

/** `path: message` of each issue, as a WorkloadError lists them. */
function issuesOn(w: Workload, target = avr): string[] {
  return workloadTargetIssues(w, target).map((i) => `${i.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('').slice(1)}: ${i.message}`);
}

describe('workloadTargetIssues', () => {
  it('accepts a workload whose every timing field is a whole safe number of cycles on the target', () => {
    expect(issuesOn(workload())).toEqual([]);
    expect(issuesOn(workload(), m4)).toEqual([]);
  });

  it('refuses a period of 1e303 us: 8e303 cycles on the AVR is above the largest exact integer', () => {
    // 1e303 us * 8 cycles/us = 8e303 cycles, far above 2^53 - 1 = 9007199254740991.
    const w = workload({ tasks: [task({ trigger: { kind: 'periodic', periodUs: 1e303 } })] });
    expect(issuesOn(w)).toEqual(['tasks[0].trigger.periodUs: 1e+303 us is 8e+303 cycles on avr, above the largest exact integer (2^53 - 1)']);
  });

  it('refuses maxExtraUs 1e300 on the M4 naming the field, not the engine source', () => {
    const w = workload({ tasks: [task({ trigger: { kind: 'sporadic', minInterArrivalUs: 1000, maxExtraUs: 1e300 } })] });
    expect(issuesOn(w, m4)).toEqual(['tasks[0].trigger.maxExtraUs: 1e+300 us is 2e+302 cycles on m4, above the largest exact integer (2^53 - 1)']);
  });

  it('refuses an inter-arrival below one cycle and accepts one of exactly one cycle', () => {
    // 0.1 us on the AVR is 0.8 cycles; 0.125 us is exactly 1.
    const below = workload({ ioLines: [line({ kind: 'random', meanInterArrivalUs: 0.1 })] });
    expect(issuesOn(below)).toEqual(['ioLines[0].arrival.meanInterArrivalUs: 0.1 us is 0.8 cycles on avr, below one cycle (0.125 us at 8000000 Hz)']);
    expect(issuesOn(workload({ ioLines: [line({ kind: 'sporadic', minInterArrivalUs: 0.125 })] }))).toEqual([]);
  });

  it('allows a zero offset or extra but not one that rounds to no cycle at all', () => {
    expect(issuesOn(workload({ tasks: [task({ trigger: { kind: 'periodic', periodUs: 10_000, offsetUs: 0 } })] }))).toEqual([]);
    expect(issuesOn(workload({ tasks: [task({ trigger: { kind: 'periodic', periodUs: 10_000, offsetUs: 0.05 } })] }))).toEqual([
      'tasks[0].trigger.offsetUs: 0.05 us is 0.4 cycles on avr, below one cycle (0.125 us at 8000000 Hz)',
    ]);
  });

  it('refuses a deadline that is not an exact number of cycles', () => {
    expect(issuesOn(workload({ tasks: [task({ deadlineUs: 2e9 })] }), m4)).toEqual([]);
    // 1e14 us * 200 cycles/us = 2e16 cycles > 2^53 - 1 (about 9.007e15).
    expect(issuesOn(workload({ tasks: [task({ deadlineUs: 1e14 })] }), m4)).toEqual(['tasks[0].deadlineUs: 100000000000000 us is 20000000000000000 cycles on m4, above the largest exact integer (2^53 - 1)']);
  });

  it('refuses a tick rate above the clock, and a period shorter than one tick', () => {
    expect(issuesOn(workload({ tickHz: 10_000_000 }))).toEqual(['tickHz: 10000000 Hz is above the avr clock of 8000000 Hz: a tick must last at least one cycle']);
    expect(issuesOn(workload({ tickHz: 10_000_000 }), m4)).toEqual([]);
    expect(issuesOn(workload({ tasks: [task({ trigger: { kind: 'periodic', periodUs: 500 } })] }))).toEqual([
      'tasks[0].trigger.periodUs: 500 us is shorter than one tick (1000 us at tickHz 1000): the tick releases periodic tasks',
    ]);
  });

  it('accepts a tick of a fractional number of cycles (7.3728 MHz at 1 kHz: tick k at floor(k * 7372.8))', () => {
    expect(issuesOn(workload(), { ...avr, clockHz: 7_372_800 })).toEqual([]);
  });

  it('refuses execution that overflows only once scaled to a slower-per-cycle core', () => {
    // 4e15 M4 cycles are exact; on the AVR they scale by (168.62/72) / (7.03/16) = 5.33 to about 2.13e16.
    const onAvr = Math.ceil(4e15 * (168.62 / 72 / (7.03 / 16)));
    expect(onAvr).toBeGreaterThan(Number.MAX_SAFE_INTEGER);
    // A period of 4e13 us is 8e15 cycles on the M4 and 3.2e14 on the AVR: exact on both.
    const w = workload({ referenceTarget: 'm4', tasks: [task({ trigger: { kind: 'periodic', periodUs: 4e13 }, body: [{ op: 'compute', cycles: 4e15 }] })] });
    expect(issuesOn(w, m4)).toEqual([]);
    expect(issuesOn(w, avr)).toEqual([
      `tasks[0].body[0].cycles: worst case 4000000000000000 cycles on m4, ${onAvr} cycles on avr, above the largest exact integer (2^53 - 1)`,
      `tasks[0].body: the job's compute steps total 4000000000000000 cycles on m4, ${onAvr} cycles on avr, above the largest exact integer (2^53 - 1)`,
    ]);
  });

  it('refuses a job whose steps are each exact but whose total is not', () => {
    const half = 2 ** 52; // two of these total 2^53, one past the largest exact integer
    const w = workload({ tasks: [task({ trigger: { kind: 'periodic', periodUs: 1e12 }, body: [{ op: 'compute', cycles: half }, { op: 'compute', cycles: half }] })] });
    expect(issuesOn(w)).toEqual(["tasks[0].body: the job's compute steps total 9007199254740992 cycles, above the largest exact integer (2^53 - 1)"]);
  });
});

describe('checkWorkloadOnTarget', () => {
  it('throws a WorkloadError naming the workload, the target and every field', () => {
    const w = workload({ tickHz: 1e7, tasks: [task({ trigger: { kind: 'sporadic', minInterArrivalUs: 0.01 } })] });
    expect(() => checkWorkloadOnTarget(w, avr)).toThrow(WorkloadError);
    expect(() => checkWorkloadOnTarget(w, avr)).toThrow(/^invalid workload w on avr:\n {2}tickHz: .*\n {2}tasks\[0\]\.trigger\.minInterArrivalUs: 0\.01 us is 0\.08 cycles on avr, below one cycle/);
  });
});

describe('loading checks the reference target', () => {
  it('rejects at load a period of 1e303 us with the field and the rule', () => {
    const data = { ...workload(), tasks: [task({ trigger: { kind: 'periodic', periodUs: 1e303 } })] };
    expect(() => parseWorkload(data, 'big.json')).toThrow(/tasks\[0\]\.trigger\.periodUs: 1e\+303 us is 8e\+303 cycles on avr, above the largest exact integer \(2\^53 - 1\)/);
  });

  it('says that cycle counts of 2^53 and more are past the largest exact integer, not that they are not whole', () => {
    const data = { ...workload(), tasks: [task({ body: [{ op: 'compute', cycles: 2 ** 53 }] })] };
    let message = '';
    try {
      parseWorkload(data, 'huge.json');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('tasks[0].body[0].cycles: must be at most 2^53 - 1 cycles (the largest exact integer), got 9007199254740992');
    expect(message).not.toContain('whole number');
  });
});
