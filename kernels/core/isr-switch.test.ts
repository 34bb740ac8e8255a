import { describe, expect, it } from 'vitest';
import { ProbeEvent, type ProbeRecord } from '../../hardware/probe.ts';
import { avr, m4 } from '../../hardware/targets/index.ts';
import { usToCycles } from '../../hardware/units.ts';
import { bootSystem } from '../registry.ts';
import { periodic, workload } from './test-workloads.ts';

/*
 * An ISR-level switch: the tick releases a more urgent task, and OSIntExit switches to it before the
 * interrupt returns. The switched-in task runs only from the return on: an interrupt that became
 * pending during the tick's ISR is taken first (at the return, before the task's first
 * instruction), and SwitchIn follows that interrupt's return. Checked wherever in the tick's ISR
 * the other line is raised, and on an ISR that runs to its end (the AVR, the M4 without nesting).
 */

const set = (raiseUs: number) =>
  workload(
    [
      periodic('urgent', 1, 10_000, [{ op: 'compute', cycles: 200 }], { trigger: { kind: 'periodic', periodUs: 10_000, offsetUs: 2000 } }),
      periodic('background', 3, 100_000, [{ op: 'compute', cycles: 80_000 }]),
    ],
    { ioLines: [{ name: 'late', priority: 2, arrival: { kind: 'periodic', periodUs: 100_000, offsetUs: raiseUs }, isrCycles: 30 }] },
  );

function first(trace: readonly ProbeRecord[], type: number, subject: number, after = 0): ProbeRecord {
  const e = trace.find((r) => r.type === type && r.subject === subject && r.time >= after);
  if (e === undefined) throw new Error(`no event ${type} of ${subject} after ${after}`);
  return e;
}

describe('an ISR-level switch installs the task for after the return', () => {
  for (const [target, profile] of [[avr, 'ucos2'], [m4, 'webit']] as const) {
    it(`${target.id}, ${profile}: a line raised inside the tick's ISR is served before the switched-in task, and SwitchIn follows it`, () => {
      let inside = 0;
      // Raised at every microsecond from just before the 2 ms tick to past its ISR.
      for (let us = 1999; us <= 2040; us++) {
        const sys = bootSystem({ target, workload: set(us), profile, keepTrace: true });
        sys.run(usToCycles(target, 3000));
        const trace = sys.engine.probe.trace();
        const tick = sys.lines.get('tick') as number;
        const late = sys.lines.get('late') as number;
        const tickAt = usToCycles(target, 2000);
        const tickLeft = first(trace, ProbeEvent.IrqLeft, tick, tickAt);
        const lateRaised = first(trace, ProbeEvent.IrqRaised, late);
        const switchIn = first(trace, ProbeEvent.SwitchIn, 0, tickAt);
        const start = first(trace, ProbeEvent.JobStart, 0, tickAt);
        expect(start.time).toBeGreaterThanOrEqual(switchIn.time);
        if (lateRaised.time < tickAt || lateRaised.time >= tickLeft.time) continue;
        inside++;
        const lateEntered = first(trace, ProbeEvent.IrqEntered, late);
        const lateLeft = first(trace, ProbeEvent.IrqLeft, late);
        expect(lateEntered.time, `late raised at ${us} us`).toBeGreaterThanOrEqual(tickLeft.time);
        expect(switchIn.time, `late raised at ${us} us`).toBeGreaterThanOrEqual(lateLeft.time);
      }
      expect(inside).toBeGreaterThan(0);
    });
  }
});
