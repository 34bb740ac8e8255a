import { describe, expect, it } from 'vitest';
import { responseTimes } from '../analysis/reducers/index.ts';
import { avr, ideal, m4, m4F407 } from '../hardware/targets/index.ts';
import { ProfileLimitError } from '../kernels/core/validate.ts';
import { periodic, workload } from '../kernels/core/test-workloads.ts';
import { systemModel } from '../kernels/system-model.ts';
import { measureRun } from '../experiments/measure-run.ts';
import type { Workload } from '../workloads/types.ts';
import { svcGateCycles, svcGateListing } from './svc-gate.ts';

/*
 * The gate by hand from ARM DDI 0439 Table 3-1 and section 3.3 (P = 2 for a taken branch):
 * enter: SVC 1 + exception entry 12 + TST 1 + IT 1 + MRS 2 + B 3 + LDR 2 + LDRB 2 + CMP 1 + BNE (falls) 1
 *        + LDR literal 2 + LDR 2 + BL 3 = 33; leave: STR 1 + exception return 10 = 11; together 44.
 */
const GATE_BY_HAND = 44;

const header = { entryOffset: 0, textBytes: 4096, dataBytes: 256, bssBytes: 128, gotEntries: 8, stackBytes: 1024, mainStackBytes: 512, heapBytes: 2048, mainPriority: 3, permissions: ['semaphore' as const] };

/** One task that gives a semaphore between two compute steps, in an APP or not. */
function oneCall(inApp: boolean): Workload {
  // Released first at 1 ms, so that no job contains the boot's first switch (which loads the APP's MPU regions).
  const task = periodic('t', 0, 10_000, [{ op: 'compute', cycles: 1000 }, { op: 'give', semaphore: 's' }, { op: 'compute', cycles: 1000 }], inApp ? { app: 'vendor' } : {});
  const late = { ...task, trigger: { kind: 'periodic' as const, periodUs: 10_000, offsetUs: 1000 } };
  return workload([late], { referenceTarget: 'm4', resources: { semaphores: [{ name: 's', initial: 0 }] }, ...(inApp ? { apps: [{ name: 'vendor', header }] } : {}) });
}

describe('the SVC gate of an APP\'s kernel calls', () => {
  it('costs the TRM\'s exception entry, the handler\'s dispatch and the exception return', () => {
    expect(svcGateCycles(m4)).toBe(GATE_BY_HAND);
    const { enter, leave } = svcGateListing(m4);
    expect(enter.lines[1]?.cycles).toBe(12);
    expect(leave.lines.at(-1)?.cycles).toBe(10);
    // The same core on the STM32F407: the same cycles.
    expect(svcGateCycles(m4F407)).toBe(GATE_BY_HAND);
    expect(svcGateCycles(ideal)).toBe(0);
  });

  it('is refused on a core without SVC', () => {
    expect(() => svcGateListing(avr)).toThrow(/target avr has no SVC gate/);
  });

  it('lengthens an APP task\'s response by one gate per kernel call in the job, and nothing else', () => {
    const respond = (w: Workload): number => {
      const { responses } = measureRun({ profile: 'ucos2', target: m4, workload: w, durationMs: 30, seed: 1, reducers: { responses: responseTimes() } });
      return responses[0]?.longestCycles ?? Number.NaN;
    };
    // The job makes one call (the give); the delay-until that ends it comes after its end.
    expect(respond(oneCall(true)) - respond(oneCall(false))).toBe(GATE_BY_HAND);
  });

  it('is refused, naming the task, on a target without SVC', () => {
    expect(() => measureRun({ profile: 'ucos2', target: avr, workload: oneCall(true), durationMs: 5, seed: 1, reducers: {} })).toThrow(ProfileLimitError);
    expect(() => measureRun({ profile: 'ucos2', target: avr, workload: oneCall(true), durationMs: 5, seed: 1, reducers: {} })).toThrow(/tasks\[0\]\.app: target avr has no SVC gate/);
  });

  it('adds the gate to the analysed job-end service of a system with APPs only', () => {
    const plain = systemModel('ucos2', m4, oneCall(false)).overheads;
    const isolated = systemModel('ucos2', m4, oneCall(true)).overheads;
    expect(isolated.jobEndCycles - plain.jobEndCycles).toBe(GATE_BY_HAND);
    expect(isolated.tickCycles).toBe(plain.tickCycles);
  });
});

describe('APPs on MOS', () => {
  it('are refused, naming the task\'s app field: MOS has no SVC gate or MPU switch', () => {
    const w = { ...oneCall(true), resources: {}, tasks: oneCall(true).tasks.map((t) => ({ ...t, body: [{ op: 'compute' as const, cycles: 100 }] })) };
    expect(() => measureRun({ profile: 'mos', target: m4, workload: w, durationMs: 5, seed: 1, reducers: {} })).toThrow(/mos: tasks\[0\]\.app: MOS runs no isolated APPs/);
  });
});
