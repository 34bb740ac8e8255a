import { describe, expect, it } from 'vitest';
import { ProbeEvent } from '../../hardware/probe.ts';
import { avr, m4 } from '../../hardware/targets/index.ts';
import type { Target } from '../../hardware/target.ts';
import { bootSystem } from '../registry.ts';
import type { Workload } from '../../workloads/types.ts';
import { periodic, workload } from './test-workloads.ts';

/*
 * FreeRTOS on the Cortex-M4 masks with BASEPRI at configMAX_SYSCALL_INTERRUPT_PRIORITY: an interrupt
 * more urgent than that, which never calls the kernel, is taken inside the kernel's critical
 * sections. LiteOS-M (PRIMASK) and FreeRTOS's AVR port (CLI) hold every interrupt off.
 */

/** A meter-like set: tasks that sleep and wake through a kernel-aware line, and an urgent line no task waits on. */
const w = workload(
  [
    periodic('a', 1, 1000, [{ op: 'compute', cycles: 300 }]),
    periodic('b', 2, 2000, [{ op: 'compute', cycles: 300 }]),
    { name: 'reader', priority: 0, trigger: { kind: 'io', line: 'meter' }, body: [{ op: 'compute', cycles: 100 }], source: 'test' },
  ],
  {
    ioLines: [
      { name: 'urgent', priority: 0, arrival: { kind: 'random', meanInterArrivalUs: 137 }, isrCycles: 20 },
      { name: 'meter', priority: 1, arrival: { kind: 'periodic', periodUs: 700 }, isrCycles: 40 },
    ],
  },
);

/** The longest raised-to-entered wait of `line` over 200 ms (of `workload`, the set above by default), and the target's hardware entry, in cycles. */
function worstLatency(profile: string, target: Target, line: string, workload: Workload = w): { latency: number; entry: number; taken: number } {
  const sys = bootSystem({ target, workload, profile, seed: 3, keepTrace: true });
  sys.run(Math.round(target.clockHz / 5));
  const id = sys.lines.get(line);
  let raised = -1;
  let latency = 0;
  let taken = 0;
  for (const e of sys.engine.probe.trace()) {
    if (e.subject !== id) continue;
    if (e.type === ProbeEvent.IrqRaised) raised = e.time;
    if (e.type === ProbeEvent.IrqEntered && raised >= 0) {
      latency = Math.max(latency, e.time - raised);
      taken++;
      raised = -1;
    }
  }
  return { latency, entry: sys.engine.portCycles['irq-entry'], taken };
}

describe('BASEPRI critical sections leave interrupts above the syscall ceiling unmasked', () => {
  it('on the M4, FreeRTOS takes the urgent line within its hardware entry plus at most one other entry or exit, never after a critical section', () => {
    const { latency, entry, taken } = worstLatency('freertos', m4, 'urgent');
    expect(taken).toBeGreaterThan(100);
    const sys = bootSystem({ target: m4, workload: w, profile: 'freertos' });
    const exit = sys.engine.portCycles['irq-exit'];
    expect(latency).toBeLessThanOrEqual(entry + Math.max(entry, exit));
  });

  it("LiteOS-M's PRIMASK sections delay the same line longer on the same M4", () => {
    expect(worstLatency('liteos-m', m4, 'urgent').latency).toBeGreaterThan(worstLatency('freertos', m4, 'urgent').latency);
  });

  it("FreeRTOS's AVR port masks every interrupt: the urgent line waits for critical sections there", () => {
    const { latency, entry } = worstLatency('freertos', avr, 'urgent');
    const sys = bootSystem({ target: avr, workload: w, profile: 'freertos' });
    expect(latency).toBeGreaterThan(entry + Math.max(entry, sys.engine.portCycles['irq-exit']));
  });

  it('a line some task waits on stays under the ceiling: FreeRTOS delays it like any kernel-aware interrupt', () => {
    const { latency, entry } = worstLatency('freertos', m4, 'meter');
    expect(latency).toBeGreaterThan(entry);
  });

  it("a line a job's io-in step waits on stays under the ceiling: its ISR posts the job's semaphore", () => {
    // The same set, the reader now a periodic task that waits for the meter line inside its job.
    const inJob = workload(
      [
        periodic('a', 1, 1000, [{ op: 'compute', cycles: 300 }]),
        periodic('b', 2, 2000, [{ op: 'compute', cycles: 300 }]),
        periodic('reader', 0, 2000, [{ op: 'io-in', line: 'meter' }, { op: 'compute', cycles: 100 }]),
      ],
      { ioLines: w.ioLines },
    );
    const { latency, entry } = worstLatency('freertos', m4, 'meter', inJob);
    const exit = bootSystem({ target: m4, workload: inJob, profile: 'freertos' }).engine.portCycles['irq-exit'];
    // Held off by critical sections like any kernel-aware line, not taken inside them.
    expect(latency).toBeGreaterThan(entry + Math.max(entry, exit));
  });
});
