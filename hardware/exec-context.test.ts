import { describe, expect, it } from 'vitest';
import { Engine } from './engine.ts';
import { ExecContext, SegmentKind } from './exec-context.ts';
import { ProbeEvent } from './probe.ts';
import { m4 } from './targets/index.ts';

describe('ExecContext: one segment where nothing can tell two apart', () => {
  it('merges a segment without continuation into a follower of the same kind and mask', () => {
    const ctx = new ExecContext(1, 'task');
    const done = (): void => {};
    ctx.run(10, SegmentKind.Kernel, true);
    ctx.run(5, SegmentKind.Kernel, true, done);
    const head = ctx.peek();
    expect(head?.cycles).toBe(10 + 5);
    expect(head?.then).toBe(done);
    ctx.shift();
    expect(ctx.isEmpty).toBe(true);
  });

  it('keeps segments apart across a continuation, a kind, a mask change or a zero-cycle follower', () => {
    const ctx = new ExecContext(1, 'task');
    const step = (): void => {};
    ctx.run(10, SegmentKind.Kernel, true, step);
    ctx.run(10, SegmentKind.Kernel, true); // after a continuation
    ctx.run(10, SegmentKind.Task, true); // another kind
    ctx.run(10, SegmentKind.Task, false); // unmasked
    ctx.run(0, SegmentKind.Task, false, step); // zero cycles: events due then fire before `step`
    const lengths: number[] = [];
    for (let seg = ctx.peek(); seg !== undefined; seg = ctx.peek()) {
      lengths.push(seg.cycles);
      ctx.shift();
    }
    expect(lengths).toEqual([10, 10, 10, 10, 0]);
  });

  it('runs work of no cycles where the queued tail ends: as its continuation, at once on an empty queue, else as a zero-cycle segment', () => {
    const ctx = new ExecContext(1, 'task');
    const calls: string[] = [];
    const toggle = (): void => void calls.push('toggle');
    ctx.runAtEnd(SegmentKind.Task, false, toggle);
    expect(calls).toEqual(['toggle']);
    expect(ctx.isEmpty).toBe(true);
    ctx.run(10, SegmentKind.Task, false);
    ctx.runAtEnd(SegmentKind.Task, false, toggle);
    expect(ctx.peek()?.cycles).toBe(10);
    expect(ctx.peek()?.then).toBe(toggle);
    ctx.runAtEnd(SegmentKind.Task, false, toggle); // the tail has a continuation now
    ctx.shift();
    expect(ctx.peek()?.cycles).toBe(0);
    expect(calls).toEqual(['toggle']);
  });

  it('keeps its queue in order as it grows past its first slots and wraps around', () => {
    const ctx = new ExecContext(1, 'task');
    const seen: number[] = [];
    const expected: number[] = [];
    for (let round = 0; round < 5; round++) {
      // Alternating mask states (across rounds too) never merge; each segment's length names it.
      for (let i = 1; i <= 13; i++) ctx.run(round * 100 + i, SegmentKind.Task, (round * 13 + i) % 2 === 0);
      for (let i = 1; i <= 13; i++) expected.push(round * 100 + i);
      for (let i = 0; i < 9; i++) {
        seen.push((ctx.peek() as { cycles: number }).cycles);
        ctx.shift();
      }
    }
    for (let seg = ctx.peek(); seg !== undefined; seg = ctx.peek()) {
      seen.push(seg.cycles);
      ctx.shift();
    }
    expect(seen).toEqual(expected);
    expect(ctx.pendingCycles()).toBe(0);
  });

  it('runs a handler on an engine without nesting as one masked stretch, its unmasked parts included', () => {
    const engine = new Engine({ target: m4, seed: 1, keepTrace: true });
    let ticks = 0;
    const line = engine.addInterrupt({
      name: 'tick',
      priority: 1,
      source: { kind: 'manual' },
      handler: (isr) => {
        ticks++;
        for (let i = 0; i < 4; i++) {
          isr.run(7, SegmentKind.Isr, true);
          isr.run(3, SegmentKind.Isr, false);
        }
      },
    });
    engine.at(100, () => engine.raise(line));
    engine.run(1000);
    expect(ticks).toBe(1);
    const entry = engine.portCycles['irq-entry'];
    const exit = engine.portCycles['irq-exit'];
    // Masked from the request's entry to the end of the return: 4 x (7 + 3) cycles of body between.
    const mask = engine.probe.trace().filter((e) => e.type === ProbeEvent.MaskOn || e.type === ProbeEvent.MaskOff);
    expect(mask.map((e) => e.time)).toEqual([100, 100 + entry + 4 * (7 + 3) + exit]);
    expect(engine.cpu.isr).toBe(entry + 4 * (7 + 3) + exit);
  });
});
