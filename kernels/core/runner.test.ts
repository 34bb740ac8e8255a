import { describe, expect, it } from 'vitest';
import { Prng, streamSeed } from '../../hardware/prng.ts';
import { ProbeEvent, type ProbeRecord } from '../../hardware/probe.ts';
import { avr, m4 } from '../../hardware/targets/index.ts';
import { msToCycles } from '../../hardware/units.ts';
import type { ExecMode } from '../execution-time.ts';
import { bootSystem } from '../registry.ts';
import { scaleCycles } from '../../workloads/scaling.ts';
import { corePathCycles } from './path-cycles.ts';
import { periodic, workload } from './test-workloads.ts';

/*
 * A job's compute steps and the io-out after them run as one segment (the runner queues them
 * together: nothing happens at their boundaries). Whatever interrupts land inside, the task's own
 * cycles from its start to each io-out and to its end are the steps' cycles, drawn in step order
 * from the task's own stream.
 */

const PIECES = [
  { op: 'compute' as const, cycles: 300, bestCycles: 100 },
  { op: 'compute' as const, cycles: 200, bestCycles: 50 },
  { op: 'io-out' as const },
  { op: 'compute' as const, cycles: 100, bestCycles: 40 },
];

// An interrupt every 37 us lands at every phase of the job's 600 cycles over the run.
const noisy = workload([periodic('t', 1, 5000, PIECES)], { ioLines: [{ name: 'noise', priority: 1, arrival: { kind: 'periodic', periodUs: 37, offsetUs: 3 }, isrCycles: 10 }] });

/** Cycles of [from, to) spent in ISRs: from each entry's start (IrqEntered less the hardware entry) to its IrqLeft. */
function isrCyclesIn(trace: readonly ProbeRecord[], entryCycles: number, from: number, to: number): number {
  let sum = 0;
  let start = -1;
  for (const e of trace) {
    if (e.type === ProbeEvent.IrqEntered) start = e.time - entryCycles;
    if (e.type === ProbeEvent.IrqLeft) {
      sum += Math.max(0, Math.min(e.time, to) - Math.max(start, from));
      start = -1;
    }
  }
  return sum;
}

describe('TaskRunner: compute steps and an io-out queued as one segment', () => {
  for (const profile of ['ucos2', 'webit']) {
    for (const target of [avr, m4]) {
      for (const exec of ['worst', 'uniform'] as ExecMode[]) {
        it(`${profile} on ${target.id}, ${exec}: task cycles to the io-out and to the job's end are the steps' own`, () => {
          const seed = 7;
          const sys = bootSystem({ target, workload: noisy, profile, keepTrace: true, seed, exec });
          sys.run(msToCycles(target, 100));
          const trace = sys.engine.probe.trace();
          const toggle = corePathCycles(sys.engine).ioOutToggle;
          const entry = sys.engine.portCycles['irq-entry'];
          // The draws, made independently: the task's stream, one per compute step in body order.
          const stream = new Prng(streamSeed(seed, 'exec:0'));
          const draw = (best: number, worst: number): number => (exec === 'worst' ? worst : stream.intBetween(best, worst));
          const starts = trace.filter((e) => e.type === ProbeEvent.JobStart);
          const outs = trace.filter((e) => e.type === ProbeEvent.IoOut);
          const ends = trace.filter((e) => e.type === ProbeEvent.JobEnd);
          expect(starts.length).toBe(20);
          expect(isrCyclesIn(trace, entry, 0, msToCycles(target, 100))).toBeGreaterThan(0);
          starts.forEach((s, k) => {
            const [a, b, , c] = PIECES.map((p) => (p.op === 'compute' ? scaleCycles(p.cycles, 'avr', target) : 0));
            const [ba, bb, , bc] = PIECES.map((p) => (p.op === 'compute' ? scaleCycles(p.bestCycles, 'avr', target) : 0));
            const first = draw(ba as number, a as number) + draw(bb as number, b as number);
            const last = draw(bc as number, c as number);
            const out = (outs[k] as ProbeRecord).time;
            const end = (ends[k] as ProbeRecord).time;
            expect(out - s.time - isrCyclesIn(trace, entry, s.time, out)).toBe(first + toggle);
            expect(end - out - isrCyclesIn(trace, entry, out, end)).toBe(last);
          });
        });
      }
    }
  }
});
