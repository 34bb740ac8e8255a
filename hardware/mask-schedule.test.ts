import { describe, expect, it } from 'vitest';
import { Engine } from './engine.ts';
import { ExecContext, SegmentKind } from './exec-context.ts';
import { m4 } from './targets/index.ts';

/*
 * A segment with a mask schedule is a shorthand for its stretches queued one by one: the reference
 * here is that longhand, run on an identical engine. The two must give the same probe trace, CPU
 * split and clock, whether or not an interrupt arrives inside the schedule.
 */

/** A nested-ISR tick walk: enter masked, then (loop unmasked, TCB masked) per task, leave unmasked. */
const WALK_CYCLES = [30, 7, 11, 7, 11, 7, 11, 7, 25];
const WALK_MASKED = WALK_CYCLES.map((_, i) => i % 2 === 0);

/** What the ISR queues after the walk: nothing, or a stretch with the walk's last mask (it merges) or the other. */
type Follower = 'none' | 'same-mask' | 'other-mask';

/** Runs the walk in a nested 'tick' ISR raised at 0, with a 'pulse' line raised at `pulseAt` (if any). */
function runWalk(scheduled: boolean, pulseAt: number | undefined, follower: Follower = 'none'): Engine {
  const engine = new Engine({ target: m4, seed: 1, keepTrace: true, nestedInterrupts: true });
  const tick = engine.addInterrupt({
    name: 'tick',
    priority: 2,
    source: { kind: 'manual' },
    handler: (isr) => {
      if (scheduled) isr.runStretches(WALK_CYCLES, WALK_MASKED, WALK_CYCLES.length, SegmentKind.Isr);
      else WALK_CYCLES.forEach((cycles, i) => isr.run(cycles, SegmentKind.Isr, WALK_MASKED[i] as boolean));
      const lastMasked = WALK_MASKED[WALK_MASKED.length - 1] as boolean;
      if (follower !== 'none') isr.run(9, SegmentKind.Isr, follower === 'same-mask' ? lastMasked : !lastMasked);
    },
  });
  const pulse = engine.addInterrupt({ name: 'pulse', priority: 1, source: { kind: 'manual' }, handler: (isr) => isr.run(40, SegmentKind.Isr, true) });
  const task = new ExecContext(1, 'task');
  task.run(1000, SegmentKind.Task, false);
  engine.setTask(task);
  engine.at(0, () => engine.raise(tick));
  if (pulseAt !== undefined) engine.at(pulseAt, () => engine.raise(pulse));
  engine.run(2000);
  return engine;
}

/** What a run looks like from outside: its probe trace, CPU split and clock. */
function observed(engine: Engine): unknown {
  return { trace: engine.probe.trace(), cpu: { ...engine.cpu }, now: engine.now };
}

describe('a segment with a mask schedule', () => {
  it('queues as one segment of the stretches together, starting with the first mask', () => {
    const ctx = new ExecContext(1, 'isr');
    ctx.runStretches(WALK_CYCLES, WALK_MASKED, WALK_CYCLES.length, SegmentKind.Isr);
    const head = ctx.peek();
    expect(head?.cycles).toBe(WALK_CYCLES.reduce((a, b) => a + b, 0));
    expect(head?.masked).toBe(true);
    ctx.shift();
    expect(ctx.isEmpty).toBe(true);
  });

  it('falls back to one segment per stretch when a stretch has no cycles', () => {
    const ctx = new ExecContext(1, 'isr');
    ctx.runStretches([5, 0, 5], [true, false, true], 3, SegmentKind.Isr);
    const lengths: number[] = [];
    for (let seg = ctx.peek(); seg !== undefined; seg = ctx.peek()) {
      lengths.push(seg.cycles);
      ctx.shift();
    }
    // 5 masked, the zero-cycle unmasked stretch, then 5 masked again: nothing merges across the mask change.
    expect(lengths).toEqual([5, 0, 5]);
  });

  it('is one engine step when no interrupt arrives inside it', () => {
    const longhand = runWalk(false, undefined);
    const shorthand = runWalk(true, undefined);
    expect(observed(shorthand)).toEqual(observed(longhand));
    // The longhand takes one step per stretch: the shorthand saves all but one of them.
    expect(longhand.steps - shorthand.steps).toBe(WALK_CYCLES.length - 1);
  });

  it('lets an interrupt in at the exact cycle of the first unmask boundary after it is raised', () => {
    // Raised at every cycle across the walk: inside masked stretches (it waits for the boundary),
    // inside unmasked ones (it enters at once) and exactly on boundaries.
    const entry = 12;
    const end = entry + WALK_CYCLES.reduce((a, b) => a + b, 0);
    for (let at = 0; at <= end + 1; at++) {
      expect(observed(runWalk(true, at)), `pulse raised at ${at}`).toEqual(observed(runWalk(false, at)));
    }
  });

  it('takes a follower with its last mask into its last stretch, exactly as separate stretches would merge', () => {
    for (const follower of ['same-mask', 'other-mask'] as const) {
      for (let at = 0; at <= 160; at += 3) {
        expect(observed(runWalk(true, at, follower)), `${follower}, pulse raised at ${at}`).toEqual(observed(runWalk(false, at, follower)));
      }
    }
  });
});
