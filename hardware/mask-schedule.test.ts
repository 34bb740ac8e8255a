import { describe, expect, it } from 'vitest';
import { Engine } from './engine.ts';
import { ExecContext, SegmentKind, type MaskSchedule, type Segment } from './exec-context.ts';
import { ProbeEvent, type ProbeEventType, type ProbeRecord } from './probe.ts';
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

/** How the walk is queued: one `run` per stretch, checked (`runStretches`) or vouched for (`runSchedule`). */
type Queued = 'longhand' | 'checked' | 'unchecked';

/** A schedule built in the test as a kernel's plan would hand it over: its own copy of the stretches. */
class TestSchedule implements MaskSchedule {
  cycles: number[];
  masked: boolean[];
  length: number;

  constructor(cycles: readonly number[], masked: readonly boolean[]) {
    this.cycles = [...cycles];
    this.masked = [...masked];
    this.length = cycles.length;
  }

  total(): number {
    return this.cycles.slice(0, this.length).reduce((a, b) => a + b, 0);
  }

  handOver(spare: number[]): number[] {
    const taken = this.cycles;
    this.cycles = spare;
    this.length = 0;
    return taken;
  }
}

/** A fresh engine with nesting on. */
function nestedEngine(keepTrace: boolean): Engine {
  return new Engine({ target: m4, seed: 1, keepTrace, nestedInterrupts: true });
}

/** Queues the walk on `isr` the way `queued` says. */
function queueWalk(isr: ExecContext, queued: Queued): void {
  if (queued === 'checked') isr.runStretches(WALK_CYCLES, WALK_MASKED, WALK_CYCLES.length, SegmentKind.Isr);
  else if (queued === 'unchecked') isr.runSchedule(new TestSchedule(WALK_CYCLES, WALK_MASKED), SegmentKind.Isr);
  else WALK_CYCLES.forEach((cycles, i) => isr.run(cycles, SegmentKind.Isr, WALK_MASKED[i] as boolean));
}

/**
 * Runs the walk in a nested 'tick' ISR raised at 0, with a 'pulse' line raised at `pulseAt` (if any).
 * `scheduled` false queues it longhand, true checked; or say how.
 */
function runWalk(scheduled: boolean | Queued, pulseAt: number | undefined, follower: Follower = 'none', engine = nestedEngine(true)): Engine {
  const queued: Queued = scheduled === true ? 'checked' : scheduled === false ? 'longhand' : scheduled;
  const tick = engine.addInterrupt({
    name: 'tick',
    priority: 2,
    source: { kind: 'manual' },
    handler: (isr) => {
      queueWalk(isr, queued);
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

/** The queued segments of `ctx` as plain data (its stretches as far as they count), emptying it. */
function drain(ctx: ExecContext): unknown[] {
  const out: unknown[] = [];
  for (let seg: Segment | undefined = ctx.peek(); seg !== undefined; seg = ctx.peek()) {
    out.push({ cycles: seg.cycles, masked: seg.masked, kind: seg.kind, then: seg.then, stretches: seg.stretches.slice(0, seg.stretchCount) });
    ctx.shift();
  }
  return out;
}

/** Records only the event types it names, as a reducer that declares them would. */
class Recorder {
  readonly events: ProbeRecord[] = [];
  constructor(readonly eventTypes: readonly ProbeEventType[]) {}
  onEvent(type: ProbeEventType, time: number, subject: number, data: number): void {
    this.events.push({ type, time, subject, data });
  }
}

describe('a schedule queued unchecked (runSchedule)', () => {
  const done = (): void => {};

  it('queues the same segment as the checked path', () => {
    const checked = new ExecContext(1, 'isr');
    checked.runStretches(WALK_CYCLES, WALK_MASKED, WALK_CYCLES.length, SegmentKind.Isr, done);
    const unchecked = new ExecContext(1, 'isr');
    unchecked.runSchedule(new TestSchedule(WALK_CYCLES, WALK_MASKED), SegmentKind.Isr, done);
    expect(drain(unchecked)).toEqual(drain(checked));
  });

  it('takes the stretch array, so the next schedule written into the schedule leaves the queued one alone', () => {
    const ctx = new ExecContext(1, 'isr');
    const schedule = new TestSchedule(WALK_CYCLES, WALK_MASKED);
    const array = schedule.cycles;
    ctx.runSchedule(schedule, SegmentKind.Isr, done);
    expect(ctx.peek()?.stretches).toBe(array);
    expect(schedule.length).toBe(0);
    expect(schedule.cycles).not.toBe(array);
    schedule.cycles.push(999, 999, 999);
    expect(ctx.peek()?.stretches.slice(0, WALK_CYCLES.length)).toEqual(WALK_CYCLES);
  });

  it('goes the checked way where the schedule cannot be one segment as it stands', () => {
    const cases: { name: string; make: () => ExecContext; cycles: number[]; masked: boolean[] }[] = [
      { name: 'a context that masks everything', make: () => new ExecContext(1, 'isr', true), cycles: WALK_CYCLES, masked: WALK_MASKED },
      { name: 'one stretch', make: () => new ExecContext(1, 'isr'), cycles: [40], masked: [true] },
      {
        name: 'a first stretch that merges into the queued tail',
        make: () => {
          const ctx = new ExecContext(1, 'isr');
          ctx.run(10, SegmentKind.Isr, true);
          return ctx;
        },
        cycles: WALK_CYCLES,
        masked: WALK_MASKED,
      },
      { name: 'a fractional stretch (the checked path names it)', make: () => new ExecContext(1, 'isr'), cycles: [5, 2.5, 5], masked: [true, false, true] },
    ];
    for (const c of cases) {
      const checked = c.make();
      const unchecked = c.make();
      const viaChecked = (): void => checked.runStretches(c.cycles, c.masked, c.cycles.length, SegmentKind.Isr, done);
      const viaUnchecked = (): void => unchecked.runSchedule(new TestSchedule(c.cycles, c.masked), SegmentKind.Isr, done);
      let error: unknown;
      try {
        viaChecked();
      } catch (e) {
        error = e;
      }
      if (error === undefined) {
        viaUnchecked();
        expect(drain(unchecked), c.name).toEqual(drain(checked));
      } else {
        expect(viaUnchecked, c.name).toThrow((error as Error).message);
      }
    }
  });

  it('runs exactly as the longhand whenever an interrupt arrives', () => {
    const entry = 12;
    const end = entry + WALK_CYCLES.reduce((a, b) => a + b, 0);
    for (let at = 0; at <= end + 1; at++) {
      expect(observed(runWalk('unchecked', at)), `pulse raised at ${at}`).toEqual(observed(runWalk('longhand', at)));
    }
  });
});

describe('a scheduled segment whose mask changes nothing observes', () => {
  /** Every event type but the mask changes. */
  const notMask: readonly ProbeEventType[] = Object.values(ProbeEvent).filter((t) => t !== ProbeEvent.MaskOn && t !== ProbeEvent.MaskOff);

  it('leaves them out and changes nothing else from the longhand: other events, event count, clock and CPU split', () => {
    // The mask state after the walk decides the engine's later mask events, which the event count includes.
    for (const follower of ['none', 'same-mask', 'other-mask'] as const) {
      for (let at = 0; at <= 160; at += 7) {
        const watched = runWalk('longhand', at, follower);
        const unwatched = nestedEngine(false);
        const recorder = unwatched.probe.attach(new Recorder(notMask));
        expect(unwatched.probe.observes(ProbeEvent.MaskOn)).toBe(false);
        const unwatchedRun = runWalk('unchecked', at, follower, unwatched);
        const label = `${follower}, pulse raised at ${at}`;
        expect(recorder.events, label).toEqual(watched.probe.trace().filter((e) => notMask.includes(e.type)));
        expect(unwatchedRun.probe.eventCount, label).toBe(watched.probe.eventCount);
        expect({ cpu: { ...unwatchedRun.cpu }, now: unwatchedRun.now }, label).toEqual({ cpu: { ...watched.cpu }, now: watched.now });
      }
    }
  });
});
