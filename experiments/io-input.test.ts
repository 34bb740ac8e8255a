import { describe, expect, it } from 'vitest';
import { getProfile } from '../kernels/registry.ts';
import { fitPriorities, ioTaskSet } from './io-sim.ts';
import { INPUT_LINE_PRIORITY, inputLineOf, simulateInputIo, variantWorkload, withInputEvents } from './io-input.ts';

describe('input events of the I/O figures', () => {
  it("give each task a line raised at its own releases, waited for first, answered by an output before the task's own body", () => {
    const w = ioTaskSet(0.4, 2);
    const withInputs = withInputEvents(w);
    withInputs.tasks.forEach((t, i) => {
      const original = w.tasks[i]!;
      expect(t.body).toEqual([{ op: 'io-in', line: inputLineOf(t.name) }, { op: 'io-out' }, ...original.body]);
      const line = withInputs.ioLines?.find((l) => l.name === inputLineOf(t.name));
      expect(line).toEqual({ name: inputLineOf(t.name), priority: INPUT_LINE_PRIORITY, arrival: { kind: 'periodic', periodUs: original.trigger.kind === 'periodic' ? original.trigger.periodUs : NaN, offsetUs: 0 }, isrCycles: 0 });
    });
  });

  it('refuses a task that is not periodic, naming the field', () => {
    const w = ioTaskSet(0.4, 2);
    const sporadic = { ...w, tasks: [{ ...w.tasks[0]!, trigger: { kind: 'sporadic' as const, minInterArrivalUs: 5000 } }] };
    expect(() => withInputEvents(sporadic)).toThrow(/tasks\[0\]\.trigger\.kind: input events are drawn at a periodic task's releases/);
  });

  it('time every input before the result of the same job: the input delay is at most the release-to-result delay, on every kernel', () => {
    for (const profile of ['ucos2', 'webit', 'idcx', 'worix', 'ukernel'].map(getProfile)) {
      const w = withInputEvents(fitPriorities(ioTaskSet(0.5, 3), profile));
      const { input, result } = simulateInputIo(profile, 'avr', w, 200, 3);
      expect(input.meanUs).toBeLessThan(result.meanUs);
      expect(input.maxUs).toBeLessThanOrEqual(result.maxUs);
    }
  });

  it('run the plain variant as given and the threshold variant with thresholds only on a schedulable set', () => {
    const w = ioTaskSet(0.5, 3);
    expect(variantWorkload(w, 'plain', 'fixed-priority', 'avr')).toEqual({ workload: w, assigned: false });
    const th = variantWorkload(w, 'thresholds', 'fixed-priority', 'avr');
    expect(th.assigned).toBe(true);
    expect(th.workload.tasks.every((t) => t.preemptibleCycles !== undefined)).toBe(true);
  });
});

describe('an overloaded set', () => {
  it('counts a starved task instead of failing the run: Webit at payload 0.8, seed 19, where the least urgent task (18 ms) never finishes a job in 200 ms', () => {
    const webit = getProfile('webit');
    const w = withInputEvents(fitPriorities(ioTaskSet(0.8, 19), webit));
    const r = simulateInputIo(webit, 'avr', w, 200, 19);
    expect(r.silentTasks).toBeGreaterThanOrEqual(1);
    expect(r.result.meanUs).toBeGreaterThan(0);
  });
});
