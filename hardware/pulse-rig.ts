import type { Engine } from './engine.ts';
import { ExecContext, SegmentKind } from './exec-context.ts';

/*
 * Test support for the engine's lazy paths (isr-return.test.ts, quiet-entry.test.ts): a task runs
 * while line `tick` is raised at 0 and a more urgent 'pulse' at a chosen cycle, so that the pulse
 * lands at every point of the tick's ISR as the cycle sweeps.
 */

/** Cycles of the pulse's handler. */
export const PULSE_CYCLES = 40;

/** Adds the pulse line and a 1000-cycle task to `engine`, raises `tick` at 0 and the pulse at `pulseAt`, and runs to cycle 2000. */
export function runWithPulse(engine: Engine, tick: number, pulseAt: number): void {
  const pulse = engine.addInterrupt({ name: 'pulse', priority: 1, source: { kind: 'manual' }, handler: (isr) => isr.run(PULSE_CYCLES, SegmentKind.Isr, true) });
  const task = new ExecContext(1, 'task');
  task.run(1000, SegmentKind.Task, false);
  engine.setTask(task);
  engine.at(0, () => engine.raise(tick));
  engine.at(pulseAt, () => engine.raise(pulse));
  engine.run(2000);
}
