import { describe, expect, it } from 'vitest';
import { Engine } from './engine.ts';
import { SegmentKind } from './exec-context.ts';
import { runWithPulse } from './pulse-rig.ts';
import { avr } from './targets/index.ts';

/*
 * On a target without tail-chaining an ISR whose last segment runs masked can only return, so the
 * engine queues the return behind that segment and runs the two as one. The reference is the same
 * handler with a continuation on its last segment, which keeps the return a segment of its own (it
 * is queued when the continuation has run). Both must look the same from outside wherever another
 * interrupt is raised.
 */

const HANDLER_CYCLES = 50;

/** Runs a 'tick' ISR raised at 0 and a more urgent 'pulse' raised at `pulseAt`. */
function runTick(separateReturn: boolean, nestedInterrupts: boolean, pulseAt: number): Engine {
  const engine = new Engine({ target: avr, seed: 1, keepTrace: true, nestedInterrupts });
  const tick = engine.addInterrupt({
    name: 'tick',
    priority: 2,
    source: { kind: 'manual' },
    handler: (isr) => isr.run(HANDLER_CYCLES, SegmentKind.Isr, true, separateReturn ? () => undefined : undefined),
  });
  runWithPulse(engine, tick, pulseAt);
  return engine;
}

/** What a run looks like from outside: its probe trace, CPU split and clock. */
function observed(engine: Engine): unknown {
  return { trace: engine.probe.trace(), cpu: { ...engine.cpu }, now: engine.now };
}

describe("an ISR's return after a masked last segment", () => {
  // Every cycle from the tick's entry to past its return: inside the handler, at its last cycle, inside the return.
  const span = HANDLER_CYCLES + 200;
  for (const nested of [false, true]) {
    it(`looks the same as the return queued after it, wherever another interrupt arrives (nesting ${nested ? 'on' : 'off'})`, () => {
      for (let pulseAt = 0; pulseAt <= span; pulseAt++) {
        expect(observed(runTick(false, nested, pulseAt)), `pulse at ${pulseAt}`).toEqual(observed(runTick(true, nested, pulseAt)));
      }
    });

    it(`runs as one segment with the return: one step fewer (nesting ${nested ? 'on' : 'off'})`, () => {
      // Only the tick differs between the two (the pulse's segment has no continuation in both), and
      // the pulse at 500 comes long after the tick has returned.
      expect(runTick(true, nested, 500).steps - runTick(false, nested, 500).steps).toBe(1);
    });
  }
});
