import { describe, expect, it } from 'vitest';
import { Engine } from './engine.ts';
import { SegmentKind } from './exec-context.ts';
import { runWithPulse } from './pulse-rig.ts';
import { ProbeEvent, type ProbeEventType, type ProbeRecord } from './probe.ts';
import { avr, m4 } from './targets/index.ts';
import type { Target } from './target.ts';

/*
 * A quiet handler (a kernel's ISR prologue: it only queues segments) may be called when the
 * hardware entry starts, so that the entry and its first segment run as one. The reference is the
 * same handler not marked quiet, called when the entry ends. Wherever another interrupt arrives,
 * both must look the same to every listener that does not read IrqEntered (the one event between
 * them), and a run that reads IrqEntered keeps the entry a segment of its own.
 */

const SAVE_CYCLES = 30;
const BODY_CYCLES = 50;

/** Every event type but IrqEntered, recorded as emitted. */
class AllButEntered {
  readonly events: ProbeRecord[] = [];
  readonly eventTypes = (Object.values(ProbeEvent) as ProbeEventType[]).filter((t) => t !== ProbeEvent.IrqEntered);
  onEvent(type: ProbeEventType, time: number, subject: number, data: number): void {
    this.events.push({ type, time, subject, data });
  }
}

interface Run {
  readonly engine: Engine;
  readonly seen: AllButEntered;
}

/** A 'tick' raised at 0 whose handler counts a nesting and queues a masked save, then a body ending in an event; a more urgent 'pulse' raised at `pulseAt`. */
function runTick(target: Target, quiet: boolean, nestedInterrupts: boolean, pulseAt: number, readEntered = false): Run {
  const engine = new Engine({ target, seed: 1, nestedInterrupts });
  const seen = engine.probe.attach(new AllButEntered());
  if (readEntered) engine.probe.attach({ eventTypes: [ProbeEvent.IrqEntered], onEvent: () => undefined });
  let nesting = 0;
  const tick = engine.addInterrupt({
    name: 'tick',
    priority: 2,
    source: { kind: 'manual' },
    quietHandler: quiet,
    handler: (isr) => {
      nesting++;
      isr.run(SAVE_CYCLES, SegmentKind.Isr, true, () => {
        // The body reads the handler's state, as OSIntExit reads the nesting.
        isr.run(BODY_CYCLES, SegmentKind.Isr, false, () => engine.probe.emit(ProbeEvent.JobRelease, engine.now, nesting--));
      });
    },
  });
  runWithPulse(engine, tick, pulseAt);
  return { engine, seen };
}

/** What a run looks like to a listener that does not read IrqEntered: its events, CPU split, clock and event count. */
function observed(run: Run): unknown {
  return { events: run.seen.events, cpu: { ...run.engine.cpu }, now: run.engine.now, count: run.engine.probe.eventCount };
}

describe("a quiet handler's entry", () => {
  const span = SAVE_CYCLES + BODY_CYCLES + 100;
  for (const target of [avr, m4]) {
    for (const nested of [false, true]) {
      it(`${target.id}: looks the same as the handler called at the entry's end, wherever another interrupt arrives (nesting ${nested ? 'on' : 'off'})`, () => {
        for (let pulseAt = 0; pulseAt <= span; pulseAt++) {
          expect(observed(runTick(target, true, nested, pulseAt)), `pulse at ${pulseAt}`).toEqual(observed(runTick(target, false, nested, pulseAt)));
        }
      });
    }
  }

  it('runs as one segment with the handler\'s save: one step fewer, unless IrqEntered is read', () => {
    expect(runTick(avr, false, false, 500).engine.steps - runTick(avr, true, false, 500).engine.steps).toBe(1);
    expect(runTick(avr, false, false, 500, true).engine.steps - runTick(avr, true, false, 500, true).engine.steps).toBe(0);
  });

  it('a BASEPRI engine with nesting, where a line above the ceiling can enter the entry, calls it at the entry\'s end', () => {
    const steps = (quiet: boolean): number => {
      const engine = new Engine({ target: m4, seed: 1, nestedInterrupts: true });
      engine.setMaskCeiling(1);
      const line = engine.addInterrupt({ name: 'tick', priority: 2, source: { kind: 'manual' }, quietHandler: quiet, handler: (isr) => isr.run(SAVE_CYCLES, SegmentKind.Kernel, true) });
      engine.at(0, () => engine.raise(line));
      engine.run(1000);
      return engine.steps;
    };
    expect(steps(true)).toBe(steps(false));
  });
});
