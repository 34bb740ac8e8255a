import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../hardware/engine.ts';
import { ProbeEvent } from '../../hardware/probe.ts';
import { avr, m4 } from '../../hardware/targets/index.ts';
import { bootMos } from './boot.ts';
import { mosPolicyViolations } from './reference-model.ts';
import { arbitraryWorkload, groupedModules } from './test-workloads.ts';

const RUN_MS = 40;

describe('MOS policy against the reference model (random workloads)', () => {
  it('starts only the most urgent pending task, never preempts within a level, and lets a higher level preempt a lower one', () => {
    fc.assert(
      fc.property(arbitraryWorkload, fc.integer({ min: 1, max: 3 }), fc.constantFrom(avr, m4), fc.integer({ min: 1, max: 1000 }), fc.boolean(), (workload, levels, target, seed, nestedInterrupts) => {
        const engine = new Engine({ target, seed, keepTrace: true, nestedInterrupts });
        const moduleCount = new Set(workload.tasks.map((t) => t.priority)).size;
        const system = bootMos({ engine, workload, config: { levels: Math.min(levels, moduleCount) } });
        system.run((target.clockHz / 1000) * RUN_MS);
        const trace = engine.probe.trace();
        expect(mosPolicyViolations(trace, system.mapping)).toEqual([]);
        // Something ran: every workload has a periodic task or an I/O line that fires within 40 ms.
        expect(trace.some((e) => e.type === ProbeEvent.JobEnd)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('runs each job to completion: a task never starts again before its job ends, and every start but the last ends', () => {
    fc.assert(
      fc.property(arbitraryWorkload, fc.constantFrom(avr, m4), (workload, target) => {
        const engine = new Engine({ target, seed: 7, keepTrace: true });
        bootMos({ engine, workload }).run((target.clockHz / 1000) * RUN_MS);
        const open = new Set<number>();
        for (const e of engine.probe.trace()) {
          if (e.type === ProbeEvent.JobStart) {
            expect(open.has(e.subject)).toBe(false);
            open.add(e.subject);
          } else if (e.type === ProbeEvent.JobEnd) {
            expect(open.delete(e.subject)).toBe(true);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('refuses and counts every send across user groups and lets every send inside a group through', () => {
    fc.assert(
      fc.property(arbitraryWorkload, fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 5, maxLength: 5 }), (workload, groupOf) => {
        const engine = new Engine({ target: m4, seed: 3, keepTrace: true });
        const system = bootMos({ engine, workload, config: { modules: groupedModules(workload, groupOf) } });
        system.run(m4.clockHz / 1000 * RUN_MS);
        // From the trace and the workload alone: each body has at most one send, made once per job,
        // so a task's refusals lie between its finished and its started jobs (a job may be cut by the end of the run).
        const group = (t: number): number => system.mapping.modules[system.mapping.places[t]?.module ?? 0]?.group ?? -1;
        const trace = engine.probe.trace();
        let inGroupLow = 0;
        let inGroupHigh = 0;
        workload.tasks.forEach((task, t) => {
          const send = task.body.find((step) => step.op === 'send');
          const starts = trace.filter((e) => e.type === ProbeEvent.JobStart && e.subject === t).length;
          const ends = trace.filter((e) => e.type === ProbeEvent.JobEnd && e.subject === t).length;
          const refused = system.stats.refusedByTask[t] ?? -1;
          if (send === undefined || send.op !== 'send') {
            expect(refused).toBe(0);
          } else if (group(Number(send.queue.slice(1))) !== group(t)) {
            expect(refused).toBeGreaterThanOrEqual(ends);
            expect(refused).toBeLessThanOrEqual(starts);
          } else {
            expect(refused).toBe(0);
            inGroupLow += ends;
            inGroupHigh += starts;
          }
        });
        const delivered = trace.filter((e) => e.type === ProbeEvent.MsgSend).length + system.stats.busOverflows;
        expect(delivered).toBeGreaterThanOrEqual(inGroupLow);
        expect(delivered).toBeLessThanOrEqual(inGroupHigh);
      }),
      { numRuns: 40 },
    );
  });

  it('is deterministic: the same workload and seed give the same trace', () => {
    fc.assert(
      fc.property(arbitraryWorkload, fc.integer({ min: 1, max: 1000 }), (workload, seed) => {
        const trace = () => {
          const engine = new Engine({ target: avr, seed, keepTrace: true });
          bootMos({ engine, workload }).run((avr.clockHz / 1000) * 10);
          return engine.probe.trace();
        };
        expect(trace()).toEqual(trace());
      }),
      { numRuns: 10 },
    );
  });
});

