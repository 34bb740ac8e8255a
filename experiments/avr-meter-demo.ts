import { block, price } from '../hardware/block.ts';
import { Engine, type IsrHandler } from '../hardware/engine.ts';
import { ExecContext, SegmentKind } from '../hardware/exec-context.ts';
import { ProbeEvent } from '../hardware/probe.ts';
import { SpanReducer } from '../analysis/reducers/index.ts';
import type { Target } from '../hardware/target.ts';
import { cyclesToUs, msToCycles } from '../hardware/units.ts';

/*
 * The hardware model on its own, before any kernel: a meter's three interrupt sources and a
 * background super-loop on the bare port code. Rates from reference/meter-workload.md:
 * 1 kHz tick; at most 7 energy pulses a second at 96 A (CSG DL/T 645 meter firmware);
 * RS-485 at 9600 bd, 10 bits a byte = 960 byte interrupts a second.
 */

const tickBody = block('demo-tick-body', ['load32.abs', ['const8', 1], 'alu32', 'store32.abs'], 'OSTime++ (a 32-bit tick counter)');
const pulseBody = block('demo-pulse-body', ['load16.abs', 'alu16', 'store16.abs', 'gpioToggle'], 'count one energy pulse, echo it on the LED');
const uartBody = block('demo-uart-body', ['load8.abs', 'loadPtr.abs', 'store8.idx', 'aluPtr', 'storePtr.abs'], 'read UDR into the ring buffer');
const accumulate = block('demo-accumulate', ['saveIrqState', 'load32.abs', 'alu32', 'store32.abs', 'restoreIrqState'], 'energy += pulses, inside a critical section');

/** What the demo measured. */
export interface DemoResult {
  readonly target: string;
  readonly durationMs: number;
  readonly maxIrqOffUs: number;
  readonly latencyUs: Record<string, { max: number; mean: number; count: number }>;
  readonly cpuPercent: { task: number; kernel: number; isr: number; idle: number };
}

/**
 * Installs the demo on an engine: the three interrupt lines, their probes, and the super-loop as
 * the running task. Call `finish()` after `engine.run(...)` for the measurements.
 */
export function installMeterDemo(engine: Engine, durationMs: number): { finish(): DemoResult } {
  const target = engine.target;
  const port = engine.portCycles;
  // Each handler's cycles are priced once here, not at every interrupt (two weak-map lookups each).
  const kernelIsr = (b: typeof tickBody): IsrHandler => {
    const cycles = port['context-save'] + price(b, target).cycles + port['context-restore'];
    return (isr) => isr.run(cycles, SegmentKind.Isr, true);
  };
  const plainIsr = (b: typeof tickBody): IsrHandler => {
    const cycles = port['isr-prologue'] + price(b, target).cycles + port['isr-epilogue'];
    return (isr) => isr.run(cycles, SegmentKind.Isr, true);
  };

  const lines = {
    tick: engine.addInterrupt({ name: 'tick', priority: 1, source: { kind: 'periodic', hz: 1000 }, handler: kernelIsr(tickBody) }),
    pulse: engine.addInterrupt({
      name: 'pulse',
      priority: 2,
      source: { kind: 'sporadic', minInterArrivalCycles: msToCycles(target, 1000 / 7), maxExtraCycles: msToCycles(target, 200) },
      handler: plainIsr(pulseBody),
    }),
    uart: engine.addInterrupt({ name: 'uart', priority: 3, source: { kind: 'periodic', hz: 960 }, handler: plainIsr(uartBody) }),
  };
  const latency = Object.fromEntries(
    Object.entries(lines).map(([name, id]) => [name, { id, span: engine.probe.attach(new SpanReducer(ProbeEvent.IrqRaised, ProbeEvent.IrqEntered, id)) }]),
  );
  const irqOff = engine.probe.attach(new SpanReducer(ProbeEvent.MaskOn, ProbeEvent.MaskOff));

  const superLoop = new ExecContext(1, 'super-loop');
  const passCycles = msToCycles(target, 1);
  const accumulateCycles = price(accumulate, target).cycles;
  const pass = (): void => {
    superLoop.run(passCycles, SegmentKind.Task, false);
    superLoop.run(accumulateCycles, SegmentKind.Kernel, true, pass);
  };
  pass();
  engine.setTask(superLoop);

  return {
    finish: () => {
      const total = engine.now;
      const pct = (c: number) => Math.round((1000 * c) / total) / 10;
      return {
        target: target.id,
        durationMs,
        maxIrqOffUs: cyclesToUs(target, irqOff.stat.max),
        latencyUs: Object.fromEntries(
          Object.entries(latency).map(([name, { span }]) => [
            name,
            { max: cyclesToUs(target, span.stat.max), mean: cyclesToUs(target, span.stat.mean), count: span.stat.count },
          ]),
        ),
        cpuPercent: { task: pct(engine.cpu.task), kernel: pct(engine.cpu.kernel), isr: pct(engine.cpu.isr), idle: pct(engine.cpu.idle) },
      };
    },
  };
}

/** Runs the bare-port meter demo on `target` for `durationMs` of simulated time. */
export function runAvrMeterDemo(target: Target, durationMs = 1000, seed = 1): DemoResult {
  const engine = new Engine({ target, seed });
  const demo = installMeterDemo(engine, durationMs);
  engine.run(msToCycles(target, durationMs));
  return demo.finish();
}
