import { describe, expect, it } from 'vitest';
import { ProbeEvent, type ProbeRecord } from '../../hardware/probe.ts';
import { avr } from '../../hardware/targets/index.ts';
import { msToCycles } from '../../hardware/units.ts';
import { Engine } from '../../hardware/engine.ts';
import { ExecContext, SegmentKind } from '../../hardware/exec-context.ts';
import { bootSystem } from '../registry.ts';
import { readyTable } from '../table-driven/ready-table.ts';
import { createTimer } from '../timers/index.ts';
import { Kernel } from './kernel.ts';
import { MessageQueue } from './objects.ts';
import { periodic, workload } from './test-workloads.ts';

function of(trace: readonly ProbeRecord[], type: number): ProbeRecord[] {
  return trace.filter((e) => e.type === type);
}

describe('kernel services block and wake the right tasks', () => {
  it('a consumer blocked on an empty queue gets each message a lower-priority producer sends, at once', () => {
    // consumer (prio 1) loops on receive; producer (prio 2) sends every 5 ms.
    const w = workload(
      [
        { name: 'consumer', priority: 1, trigger: { kind: 'periodic', periodUs: 1000 }, body: [{ op: 'receive', queue: 'q' }, { op: 'compute', cycles: 200 }, { op: 'io-out' }] },
        periodic('producer', 2, 5000, [{ op: 'compute', cycles: 300 }, { op: 'send', queue: 'q' }]),
      ],
      { resources: { queues: [{ name: 'q', capacity: 4 }] } },
    );
    const sys = bootSystem({ target: avr, workload: w, profile: 'ucos2', keepTrace: true });
    sys.run(msToCycles(avr, 50));
    const trace = sys.engine.probe.trace();
    const sends = of(trace, ProbeEvent.MsgSend);
    const receives = of(trace, ProbeEvent.MsgReceive);
    expect(sends.length).toBe(10);
    expect(receives.length).toBe(10);
    // Each message is handed straight to the waiting consumer (same instant as the send).
    sends.forEach((s, i) => expect((receives[i] as ProbeRecord).time).toBe(s.time));
    // The consumer then preempts the producer: its output comes before the producer's job ends.
    const outs = of(trace, ProbeEvent.IoOut);
    const producerEnds = of(trace, ProbeEvent.JobEnd).filter((e) => e.subject === 1);
    outs.slice(0, 5).forEach((o, i) => expect(o.time).toBeLessThan((producerEnds[i] as ProbeRecord).time));
  });

  it('a full queue refuses messages instead of blocking the sender', () => {
    const w = workload([periodic('producer', 2, 1000, [{ op: 'send', queue: 'q' }])], { resources: { queues: [{ name: 'q', capacity: 2 }] } });
    const sys = bootSystem({ target: avr, workload: w, profile: 'ucos2', keepTrace: true });
    sys.run(msToCycles(avr, 10));
    expect(of(sys.engine.probe.trace(), ProbeEvent.JobEnd).length).toBe(10);
  });

  it('an event-flag waiter wakes only when every bit of its mask is set, and consumes them', () => {
    const w = workload(
      [
        { name: 'waiter', priority: 1, trigger: { kind: 'periodic', periodUs: 1000 }, body: [{ op: 'wait', flags: 'f', mask: 0b11 }, { op: 'io-out' }] },
        periodic('bit0', 2, 4000, [{ op: 'set', flags: 'f', mask: 0b01 }]),
        periodic('bit1', 3, 8000, [{ op: 'set', flags: 'f', mask: 0b10 }]),
      ],
      { resources: { eventFlags: [{ name: 'f' }] } },
    );
    const sys = bootSystem({ target: avr, workload: w, profile: 'worix', keepTrace: true });
    sys.run(msToCycles(avr, 33));
    // bit1 is set at 0, 8, 16, 24, 32 ms; bit0 at 0, 4, ... ms: the waiter completes once per bit1 post.
    expect(of(sys.engine.probe.trace(), ProbeEvent.IoOut).length).toBe(5);
  });

  it('a semaphore passes each give to the waiting task', () => {
    const w = workload(
      [
        { name: 'taker', priority: 1, trigger: { kind: 'periodic', periodUs: 1000 }, body: [{ op: 'take', semaphore: 's' }, { op: 'io-out' }] },
        periodic('giver', 2, 3000, [{ op: 'give', semaphore: 's' }]),
      ],
      { resources: { semaphores: [{ name: 's', initial: 0 }] } },
    );
    const sys = bootSystem({ target: avr, workload: w, profile: 'ukernel', keepTrace: true });
    sys.run(msToCycles(avr, 30));
    const trace = sys.engine.probe.trace();
    expect(of(trace, ProbeEvent.SemGive).length).toBe(10);
    expect(of(trace, ProbeEvent.IoOut).length).toBe(10);
  });
});

describe('ISR-side posts', () => {
  it('an ISR send hands the message to the waiting task, which runs when the ISR returns', () => {
    const engine = new Engine({ target: avr, seed: 1, keepTrace: true });
    const kernel = new Kernel({ engine, ready: readyTable(avr, 8), timer: (t) => createTimer('tick-scan', avr, t), preemptive: true, timeSliceTicks: undefined, useThreshold: true });
    const q = new MessageQueue(0, 'q', 2, false);
    let got = 0;
    const ctx = new ExecContext(0, 'rx');
    const tcb = kernel.createTask('rx', 1, ctx);
    const loop = (): void => kernel.receive(tcb, q, () => {
      got++;
      loop();
    });
    ctx.run(0, SegmentKind.Task, false, loop);
    const line = engine.addInterrupt({ name: 'uart', priority: 1, source: { kind: 'manual' }, ...kernel.isrHandler((isr, exit) => isr.run(kernel.isrSend(q), SegmentKind.Isr, true, exit)) });
    kernel.start();
    for (const t of [1000, 2000, 3000]) engine.at(t, () => engine.raise(line));
    engine.run(5000);
    expect(got).toBe(3);
    expect(q.count).toBe(0);
    const switchIns = engine.probe.trace().filter((e) => e.type === ProbeEvent.SwitchIn && e.subject === 0);
    expect(switchIns.length).toBe(4); // boot, then once after each ISR
  });
});
