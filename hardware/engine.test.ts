import { describe, expect, it } from 'vitest';
import { Engine, type IsrHandler } from './engine.ts';
import { ExecContext, SegmentKind } from './exec-context.ts';
import { ProbeEvent } from './probe.ts';
import { EventCounter, SpanReducer } from '../analysis/reducers/index.ts';
import { avr, m4 } from './targets/index.ts';

/** An ISR body of `cycles`, run with interrupts masked (no nesting). */
function body(cycles: number): IsrHandler {
  return (isr) => isr.run(cycles, SegmentKind.Isr, true);
}

const noop: IsrHandler = () => {};

/** Runs 1000 cycles on a task masked for its first 100, raising line `first` at 10 and `second` at 20: both wait for the mask. */
function raiseTwiceUnderMask(engine: Engine, first: number, second: number): void {
  const task = new ExecContext(1, 'task');
  task.run(100, SegmentKind.Kernel, true);
  engine.setTask(task);
  engine.at(10, () => engine.raise(first));
  engine.at(20, () => engine.raise(second));
  engine.run(1000);
}

describe('Engine: masked segments and interrupt latency', () => {
  it('takes an interrupt raised inside a masked segment exactly when the mask lifts', () => {
    const engine = new Engine({ target: avr, seed: 1, keepTrace: true });
    const latency = engine.probe.attach(new SpanReducer(ProbeEvent.IrqRaised, ProbeEvent.IrqEntered));
    const line = engine.addInterrupt({ name: 'uart', priority: 1, source: { kind: 'manual' }, handler: body(10) });
    const task = new ExecContext(1, 'task');
    task.run(100, SegmentKind.Task, false);
    task.run(50, SegmentKind.Kernel, true); // critical section from 100 to 150
    task.run(100, SegmentKind.Task, false);
    engine.setTask(task);
    engine.at(120, () => engine.raise(line));
    engine.run(1000);

    const entry = engine.portCycles['irq-entry'];
    const trace = engine.probe.trace();
    const entered = trace.find((e) => e.type === ProbeEvent.IrqEntered);
    // The mask lifts at 150; the hardware entry (4 + 3 cycles on the AVR) follows.
    expect(entered?.time).toBe(150 + entry);
    expect(latency.stat.count).toBe(1);
    expect(latency.stat.max).toBe(150 - 120 + entry);
    // The interrupted task still gets all of its work done.
    expect(engine.cpu.task).toBe(200);
  });

  it('preempts unmasked task work at the very cycle of the request', () => {
    const engine = new Engine({ target: m4, seed: 1, keepTrace: true });
    const line = engine.addInterrupt({ name: 'pulse', priority: 1, source: { kind: 'manual' }, handler: body(5) });
    const task = new ExecContext(1, 'task');
    task.run(1000, SegmentKind.Task, false);
    engine.setTask(task);
    engine.at(333, () => engine.raise(line));
    engine.run(5000);
    const entered = engine.probe.trace().find((e) => e.type === ProbeEvent.IrqEntered);
    expect(entered?.time).toBe(333 + 12);
    const taskDone = engine.cpu.task;
    expect(taskDone).toBe(1000);
  });

  it('records a masked interval for each critical section and each non-nested ISR', () => {
    const engine = new Engine({ target: avr, seed: 1 });
    const off = engine.probe.attach(new SpanReducer(ProbeEvent.MaskOn, ProbeEvent.MaskOff));
    const task = new ExecContext(1, 'task');
    task.run(10, SegmentKind.Task, false);
    task.run(40, SegmentKind.Kernel, true);
    task.run(10, SegmentKind.Task, false);
    task.run(25, SegmentKind.Kernel, true);
    task.run(10, SegmentKind.Task, false);
    engine.setTask(task);
    engine.run(1000);
    expect(off.stat.count).toBe(2);
    expect(off.stat.max).toBe(40);
    expect(off.stat.min).toBe(25);
  });

  it('runs a higher-priority interrupt first when two are pending', () => {
    const engine = new Engine({ target: avr, seed: 1, keepTrace: true });
    const low = engine.addInterrupt({ name: 'low', priority: 2, source: { kind: 'manual' }, handler: body(10) });
    const high = engine.addInterrupt({ name: 'high', priority: 1, source: { kind: 'manual' }, handler: body(10) });
    raiseTwiceUnderMask(engine, low, high);
    const order = engine.probe.trace().filter((e) => e.type === ProbeEvent.IrqEntered).map((e) => e.subject);
    expect(order).toEqual([high, low]);
  });

  it('takes the most urgent of the lines raised at one cycle, whichever raise was queued first', () => {
    for (const target of [avr, m4]) {
      for (const running of [false, true]) {
        const engine = new Engine({ target, seed: 1, keepTrace: true });
        const low = engine.addInterrupt({ name: 'low', priority: 2, source: { kind: 'manual' }, handler: body(10) });
        const high = engine.addInterrupt({ name: 'high', priority: 1, source: { kind: 'manual' }, handler: body(10) });
        if (running) {
          const task = new ExecContext(1, 'task');
          task.run(500, SegmentKind.Task, false);
          engine.setTask(task);
        }
        // The less urgent raise is queued first, as a line whose arrival was scheduled earlier is.
        engine.at(50, () => engine.raise(low));
        engine.at(50, () => engine.raise(high));
        engine.run(1000);
        const entered = engine.probe.trace().filter((e) => e.type === ProbeEvent.IrqEntered);
        expect(entered.map((e) => e.subject)).toEqual([high, low]);
        expect(entered[0]?.time).toBe(50 + engine.portCycles['irq-entry']);
      }
    }
  });

  it('takes pending lines by urgency, ties in registration order, whatever order they were raised in', () => {
    // Priorities with ties, registered out of urgency order (each new line lands among the others),
    // raised at one cycle under a mask in a shuffled order: the controller's choices must follow
    // (priority, registration) exactly, also for the lines still pending after each entry.
    const priorities = [3, 1, 2, 1, 0, 2, 3];
    for (let shuffle = 0; shuffle < 7; shuffle++) {
      const engine = new Engine({ target: avr, seed: 1, keepTrace: true });
      const ids = priorities.map((priority, i) => engine.addInterrupt({ name: `l${i}`, priority, source: { kind: 'manual' }, handler: body(10) }));
      const raised = ids.map((_, i) => ids[(i * 3 + shuffle) % ids.length] as number);
      const task = new ExecContext(1, 'task');
      task.run(100, SegmentKind.Kernel, true);
      engine.setTask(task);
      engine.at(10, () => raised.forEach((id) => engine.raise(id)));
      engine.run(10_000);
      const expected = ids.map((id, i) => ({ id, priority: priorities[i] as number, i })).sort((a, b) => a.priority - b.priority || a.i - b.i).map((l) => l.id);
      const entered = engine.probe.trace().filter((e) => e.type === ProbeEvent.IrqEntered).map((e) => e.subject);
      expect(entered, `raised in order ${raised.join(',')}`).toEqual(expected);
    }
  });

  it('lets a higher-priority interrupt preempt an ISR only when nesting is on', () => {
    for (const nested of [false, true]) {
      const engine = new Engine({ target: m4, seed: 1, keepTrace: true, nestedInterrupts: nested });
      const low = engine.addInterrupt({ name: 'low', priority: 2, source: { kind: 'manual' }, handler: (isr) => isr.run(500, SegmentKind.Isr, false) });
      const high = engine.addInterrupt({ name: 'high', priority: 1, source: { kind: 'manual' }, handler: body(10) });
      engine.at(0, () => engine.raise(low));
      engine.at(100, () => engine.raise(high));
      engine.run(5000);
      const highEntered = engine.probe.trace().find((e) => e.type === ProbeEvent.IrqEntered && e.subject === high);
      if (nested) expect(highEntered?.time).toBe(100 + 12);
      else expect(highEntered?.time).toBeGreaterThan(500);
    }
  });

  it('tail-chains a pending interrupt on the M4 instead of returning and re-entering', () => {
    const engine = new Engine({ target: m4, seed: 1, keepTrace: true });
    const a = engine.addInterrupt({ name: 'a', priority: 1, source: { kind: 'manual' }, handler: body(100) });
    const b = engine.addInterrupt({ name: 'b', priority: 1, source: { kind: 'manual' }, handler: body(100) });
    engine.at(0, () => engine.raise(a));
    engine.at(50, () => engine.raise(b));
    engine.run(5000);
    const bEntered = engine.probe.trace().find((e) => e.type === ProbeEvent.IrqEntered && e.subject === b);
    // a: entry 12 + body 100, then the 6-cycle tail-chain into b.
    expect(bEntered?.time).toBe(12 + 100 + 6);
  });
});

describe('Engine: time and sources', () => {
  it('skips idle time in one step instead of cycle by cycle', () => {
    const engine = new Engine({ target: m4, seed: 1 });
    engine.addInterrupt({ name: 'rare', priority: 1, source: { kind: 'periodic', periodCycles: 100_000_000 }, handler: noop });
    engine.run(1_000_000_000);
    expect(engine.now).toBe(1_000_000_000);
    expect(engine.steps).toBeLessThan(100);
    // Raised at 0, 1e8, ..., 9e8 and run to completion; the one raised at 1e9 has not started yet.
    const irqs = 10;
    const perIrq = engine.portCycles['irq-entry'] + engine.portCycles['irq-exit'];
    expect(engine.cpu.isr).toBe(irqs * perIrq);
    expect(engine.cpu.idle).toBe(1_000_000_000 - irqs * perIrq);
  });

  it('yields exactly one interrupt per period of a periodic I/O line over a horizon', () => {
    const engine = new Engine({ target: avr, seed: 1 });
    const counter = engine.probe.attach(new EventCounter());
    const period = 8333; // cycles
    const offset = 100;
    const horizon = 8_000_000;
    engine.addInterrupt({ name: 'uart', priority: 1, source: { kind: 'periodic', periodCycles: period, offsetCycles: offset }, handler: body(50) });
    engine.run(horizon);
    const expected = Math.floor((horizon - offset) / period) + 1;
    expect(counter.count(ProbeEvent.IrqRaised)).toBe(expected);
    expect(counter.count(ProbeEvent.IrqOverrun)).toBe(0);
  });

  it('fires a tick timer given in Hz without drift', () => {
    const engine = new Engine({ target: { ...avr, clockHz: 7_372_800 }, seed: 1 });
    const counter = engine.probe.attach(new EventCounter());
    engine.addInterrupt({ name: 'tick', priority: 1, source: { kind: 'periodic', hz: 1000 }, handler: noop });
    engine.run(7_372_800 * 3 - 1);
    expect(counter.count(ProbeEvent.IrqRaised)).toBe(3000);
  });

  it('keeps a sporadic line at least its minimum inter-arrival apart', () => {
    const engine = new Engine({ target: avr, seed: 7, keepTrace: true });
    engine.addInterrupt({ name: 'pulse', priority: 1, source: { kind: 'sporadic', minInterArrivalCycles: 1000, maxExtraCycles: 500 }, handler: body(10) });
    engine.run(200_000);
    const raised = engine.probe.trace().filter((e) => e.type === ProbeEvent.IrqRaised).map((e) => e.time);
    expect(raised.length).toBeGreaterThan(100);
    for (let i = 1; i < raised.length; i++) {
      const gap = (raised[i] as number) - (raised[i - 1] as number);
      expect(gap).toBeGreaterThanOrEqual(1000);
      expect(gap).toBeLessThanOrEqual(1500);
    }
  });

  it('counts an overrun when a line is raised again before its ISR starts', () => {
    const engine = new Engine({ target: avr, seed: 1 });
    const counter = engine.probe.attach(new EventCounter());
    const line = engine.addInterrupt({ name: 'uart', priority: 1, source: { kind: 'manual' }, handler: noop });
    raiseTwiceUnderMask(engine, line, line);
    expect(counter.count(ProbeEvent.IrqOverrun)).toBe(1);
    expect(counter.count(ProbeEvent.IrqEntered)).toBe(1);
  });

  it('gives an identical event stream for the same seed, and a different one for another seed', () => {
    const runOnce = (seed: number) => {
      const engine = new Engine({ target: avr, seed, keepTrace: true });
      engine.addInterrupt({ name: 'tick', priority: 1, source: { kind: 'periodic', hz: 1000 }, handler: body(300) });
      engine.addInterrupt({ name: 'pulse', priority: 2, source: { kind: 'sporadic', minInterArrivalCycles: 2000, maxExtraCycles: 9000 }, handler: body(120) });
      engine.addInterrupt({ name: 'uart', priority: 3, source: { kind: 'random', meanInterArrivalCycles: 8333 }, handler: body(80) });
      const task = new ExecContext(1, 'task');
      const loop = (): void => {
        task.run(5000, SegmentKind.Task, false);
        task.run(60, SegmentKind.Kernel, true, loop);
      };
      loop();
      engine.setTask(task);
      engine.run(2_000_000);
      return JSON.stringify(engine.probe.trace());
    };
    expect(runOnce(42)).toBe(runOnce(42));
    expect(runOnce(42)).not.toBe(runOnce(43));
  });

  it('refuses to schedule in the past', () => {
    const engine = new Engine({ target: avr, seed: 1 });
    engine.run(100);
    expect(() => engine.at(50, () => {})).toThrow(/>= now/);
  });

  it('fires every event due at a cycle before zero-length work that starts at it, in the order they were queued', () => {
    const engine = new Engine({ target: avr, seed: 1 });
    const order: string[] = [];
    const task = new ExecContext(1, 'task');
    task.run(100, SegmentKind.Task, false, () => order.push('work ends'));
    task.run(0, SegmentKind.Kernel, false, () => order.push('zero-length reaction'));
    engine.setTask(task);
    engine.at(100, () => order.push('first event'));
    engine.at(100, () => order.push('second event'));
    engine.run(1000);
    expect(order).toEqual(['work ends', 'first event', 'second event', 'zero-length reaction']);
  });

  it('derives named streams from the seed without drawing from the engine generator', () => {
    const a = new Engine({ target: avr, seed: 9 });
    const b = new Engine({ target: avr, seed: 9 });
    const fromA = [a.stream('exec:0').nextU32(), a.stream('exec:1').nextU32()];
    expect(fromA[0]).not.toBe(fromA[1]);
    expect(a.stream('exec:0').nextU32()).toBe(fromA[0]);
    expect(a.rng.nextU32()).toBe(b.rng.nextU32());
    expect(new Engine({ target: avr, seed: 10 }).stream('exec:0').nextU32()).not.toBe(fromA[0]);
  });
});

describe('Engine: long runs', () => {
  it('keeps every cycle exact past 2^32 cycles (no 32-bit clock anywhere)', () => {
    const engine = new Engine({ target: m4, seed: 1 });
    const entries = engine.probe.attach(new EventCounter());
    const latency = engine.probe.attach(new SpanReducer(ProbeEvent.IrqRaised, ProbeEvent.IrqEntered));
    // A period that divides nothing in sight, so arrivals land on ragged cycles past 2^32.
    const period = 1_000_003;
    engine.addInterrupt({ name: 'tick', priority: 1, source: { kind: 'periodic', periodCycles: period }, handler: body(100) });
    const task = new ExecContext(1, 'task');
    const loop = (): void => task.run(5000, SegmentKind.Task, false, loop);
    loop();
    engine.setTask(task);
    const entry = engine.portCycles['irq-entry'];
    const exit = engine.portCycles['irq-exit'];
    const last = Math.ceil(2 ** 32 / period); // the first arrival past 2^32
    const until = last * period + entry + 100 + exit + 50; // its handler done, the task running again
    engine.run(until);
    // Arrivals 0..last, each taken at once (the task is unmasked) and run to completion.
    expect(entries.count(ProbeEvent.IrqEntered)).toBe(last + 1);
    expect(latency.stat.max).toBe(entry);
    expect(latency.stat.sum).toBe((last + 1) * entry);
    expect(engine.cpu.isr).toBe((last + 1) * (entry + 100 + exit));
    expect(engine.cpu.task).toBe(until - engine.cpu.isr);
    expect(engine.now).toBe(until);
  });
});

describe('Engine: partial masking (BASEPRI)', () => {
  /** Enter times of two lines (priorities 0 and 2) raised at cycle 120 inside a critical section from 100 to 150. */
  function enteredUnderMask(ceiling: number | undefined): { urgent: number; kernelAware: number } {
    const engine = new Engine({ target: m4, seed: 1, keepTrace: true, nestedInterrupts: true });
    if (ceiling !== undefined) engine.setMaskCeiling(ceiling);
    const urgent = engine.addInterrupt({ name: 'urgent', priority: 0, source: { kind: 'manual' }, handler: body(10) });
    const kernelAware = engine.addInterrupt({ name: 'aware', priority: 2, source: { kind: 'manual' }, handler: body(10) });
    const task = new ExecContext(1, 'task');
    task.run(100, SegmentKind.Task, false);
    task.run(50, SegmentKind.Kernel, true);
    task.run(500, SegmentKind.Task, false);
    engine.setTask(task);
    engine.at(120, () => {
      engine.raise(kernelAware);
      engine.raise(urgent);
    });
    engine.run(1000);
    const at = (line: number): number => engine.probe.trace().find((e) => e.type === ProbeEvent.IrqEntered && e.subject === line)?.time ?? -1;
    return { urgent: at(urgent), kernelAware: at(kernelAware) };
  }

  it('takes a line above the ceiling inside a masked segment at once, and holds the others until the mask lifts', () => {
    const entry = m4Entry();
    const { urgent, kernelAware } = enteredUnderMask(2);
    expect(urgent).toBe(120 + entry);
    expect(kernelAware).toBeGreaterThanOrEqual(150);
  });

  it('without a ceiling a masked segment holds off every line (PRIMASK)', () => {
    const entry = m4Entry();
    expect(enteredUnderMask(undefined).urgent).toBe(150 + entry);
  });
});

/** The M4's hardware interrupt entry in cycles. */
function m4Entry(): number {
  return new Engine({ target: m4, seed: 1 }).portCycles['irq-entry'];
}
