import { describe, expect, it } from 'vitest';
import { Engine } from '../../hardware/engine.ts';
import { ProbeEvent } from '../../hardware/probe.ts';
import { avr, m4 } from '../../hardware/targets/index.ts';
import type { Workload } from '../../workloads/types.ts';
import { mosDesign } from './design.ts';
import { MOS_PROFILE } from './profile.ts';

const meterLike: Workload = {
  name: 'two-task',
  description: 'a periodic reader and a frame handler on the UART line',
  referenceTarget: 'avr',
  tickHz: 1000,
  tasks: [
    { name: 'frame', priority: 0, trigger: { kind: 'io', line: 'uart' }, body: [{ op: 'compute', cycles: 800 }, { op: 'io-out' }] },
    { name: 'read', priority: 1, trigger: { kind: 'periodic', periodUs: 10_000 }, body: [{ op: 'compute', cycles: 4000 }] },
  ],
  ioLines: [{ name: 'uart', priority: 0, arrival: { kind: 'periodic', periodUs: 3000, offsetUs: 500 }, isrCycles: 60 }],
};

describe('mosDesign: the registry-facing shape', () => {
  it('boots a workload that runs its jobs and drives its output', () => {
    const engine = new Engine({ target: avr, seed: 1, keepTrace: true });
    const system = mosDesign.boot(MOS_PROFILE, { engine, workload: meterLike });
    system.run(avr.clockHz / 10);
    const ends = engine.probe.trace().filter((e) => e.type === ProbeEvent.JobEnd);
    // 100 ms: 'read' released at ticks 0, 10, ..., 90 (10 jobs); 'frame' at 0.5, 3.5, ..., 99.5 ms (34 jobs).
    expect(ends.filter((e) => e.subject === 1)).toHaveLength(10);
    expect(ends.filter((e) => e.subject === 0)).toHaveLength(34);
    expect(system.taskNames).toEqual(['frame', 'read']);
  });

  it('gives nonzero code and RAM and kernel costs on both targets', () => {
    for (const target of [avr, m4]) {
      const f = mosDesign.footprint(MOS_PROFILE, target);
      expect(f.codeBytes).toBeGreaterThan(0);
      expect(f.ramBytes).toBeGreaterThan(0);
      expect(mosDesign.kernelCosts(MOS_PROFILE, target, 8).switchCycles).toBeGreaterThan(0);
    }
  });
});
