import { describe, expect, it } from 'vitest';
import { Engine } from '../../hardware/engine.ts';
import { ProbeEvent } from '../../hardware/probe.ts';
import { m4 } from '../../hardware/targets/index.ts';
import type { Workload } from '../../workloads/types.ts';
import { bootMos } from './boot.ts';
import type { MosConfig } from './config.ts';

/*
 * Hand counts on the M4 (ARM DDI 0439 as lowered in hardware/targets/m4.ts; a global is one
 * LDR/STR off the function's base, a flash table one LDR.lit + LDRB):
 * - bus call: MOVS 1 + LDR 2 + BL 3 + BX 3 = 9;
 * - security check: two byte loads 2 + 2, three flash lookups 4 * 3, CMP+BNE 2 = 18;
 * - refusal: halfword load 2 + ADDS 1 + store 1 + MOVS 1 = 5;
 * - ring write: MRS+CPSID 3, MOVW+MOVT 2, ADDS 1, LDRB 2, lookup 4, CMP+BNE 2, LDRB 2, ADDS 1,
 *   STR 1, ADDS 1, STRB 1, LDRB 2, ADDS 1, STRB 1, MSR 2 = 26;
 * - post critical section: 3 + 2 + 1 + 2 + 1 + 1 + 1 + 2 + 2 + 2 + 1 + 1 + 2 = 21;
 * - scheduler check after the post (a module pending): 4 + 1 + 12 = 17.
 */
const REFUSED_SEND = 9 + 18 + 5;
const ALLOWED_SEND = 9 + 18 + 26 + 21 + 17;
const COMPUTE = 1000;

/** 'meter' (module 0) sends one word to 'display' (module 1) each 1 ms; 'display' wakes only by that message. */
const workload: Workload = {
  name: 'bus',
  description: 'one sender, one receiver',
  referenceTarget: 'm4',
  tickHz: 1000,
  tasks: [
    { name: 'meter', priority: 0, trigger: { kind: 'periodic', periodUs: 1000 }, body: [{ op: 'compute', cycles: COMPUTE }, { op: 'send', queue: 'values' }] },
    // Released only by messages: its I/O line never fires inside the run.
    { name: 'display', priority: 1, trigger: { kind: 'io', line: 'never' }, body: [{ op: 'receive', queue: 'values' }, { op: 'compute', cycles: 500 }] },
  ],
  ioLines: [{ name: 'never', priority: 3, arrival: { kind: 'periodic', periodUs: 1e9, offsetUs: 1e8 }, isrCycles: 0 }],
  resources: { queues: [{ name: 'values', capacity: 4 }] },
};

function run(groups: [string, string]) {
  const config: MosConfig = { levels: 2, modules: [{ name: 'metering', tasks: ['meter'], group: groups[0] }, { name: 'hmi', tasks: ['display'], group: groups[1] }] };
  const engine = new Engine({ target: m4, seed: 1, keepTrace: true });
  const system = bootMos({ engine, workload, config });
  system.run(m4.clockHz / 100); // 10 ms: 10 meter jobs
  const trace = engine.probe.trace();
  const count = (type: number, subject: number): number => trace.filter((e) => e.type === type && e.subject === subject).length;
  const starts = trace.filter((e) => e.type === ProbeEvent.JobStart && e.subject === 0);
  const ends = trace.filter((e) => e.type === ProbeEvent.JobEnd && e.subject === 0);
  const meterJobCycles = new Set(ends.map((e, i) => e.time - (starts[i]?.time ?? 0)));
  return { system, count, meterJobCycles };
}

describe('MOS bus: every inter-module access passes the security module', () => {
  it('lets a send inside a user group through: the word is written and the receiving task posted', () => {
    const { system, count, meterJobCycles } = run(['utility', 'utility']);
    expect(count(ProbeEvent.JobEnd, 0)).toBe(10);
    expect(count(ProbeEvent.MsgSend, 0)).toBe(10);
    expect(count(ProbeEvent.JobRelease, 1)).toBe(10);
    expect(count(ProbeEvent.MsgReceive, 0)).toBe(10);
    expect(system.stats.refusedAccesses).toBe(0);
    expect([...meterJobCycles]).toEqual([COMPUTE + ALLOWED_SEND]);
  });

  it('refuses and counts a send across user groups: nothing written, nobody posted', () => {
    const { system, count, meterJobCycles } = run(['utility', 'customer']);
    expect(count(ProbeEvent.JobEnd, 0)).toBe(10);
    expect(system.stats.refusedAccesses).toBe(10);
    expect(system.stats.refusedByTask).toEqual([10, 0]);
    expect(count(ProbeEvent.MsgSend, 0)).toBe(0);
    expect(count(ProbeEvent.JobRelease, 1)).toBe(0);
    expect([...meterJobCycles]).toEqual([COMPUTE + REFUSED_SEND]);
  });
});
