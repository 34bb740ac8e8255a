import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../hardware/engine.ts';
import { ExecContext, SegmentKind } from '../../hardware/exec-context.ts';
import { avr } from '../../hardware/targets/index.ts';
import { edf } from '../edf/index.ts';
import { getProfile } from '../registry.ts';
import { roundRobin } from '../round-robin/index.ts';
import { sortedList } from '../sorted-list/index.ts';
import { tableDriven } from '../table-driven/index.ts';
import { createTimer } from '../timers/index.ts';
import type { CoreDesignSpec } from './design.ts';
import { Kernel } from './kernel.ts';
import { ReferenceReady } from './reference-scheduler.ts';
import { TaskState, type Tcb } from './tcb.ts';

/** One kernel call a running task makes, on a task picked by index. */
type Call =
  | { kind: 'suspend' | 'resume' | 'delete'; target: number }
  | { kind: 'priority'; target: number; priority: number }
  | { kind: 'yield' }
  | { kind: 'spawn'; priority: number };

const call: fc.Arbitrary<Call> = fc.oneof(
  fc.record({ kind: fc.constantFrom('suspend' as const, 'resume' as const, 'delete' as const), target: fc.nat() }),
  fc.record({ kind: fc.constant('priority' as const), target: fc.nat(), priority: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ kind: fc.constant('yield' as const) }),
  fc.record({ kind: fc.constant('spawn' as const), priority: fc.integer({ min: 0, max: 4 }) }),
);

const DESIGN_SPECS: readonly { spec: CoreDesignSpec; layout?: 'array' }[] = [
  { spec: tableDriven },
  { spec: sortedList },
  { spec: sortedList, layout: 'array' },
  { spec: roundRobin },
  { spec: edf },
];

/**
 * Runs `calls` from whichever task is running, each after a short stretch of its work, and checks
 * that the task whose work starts next is the one the reference scheduler demands: the caller keeps
 * the CPU unless a ready task strictly precedes it (or it yields); otherwise the reference's first
 * ready task, or idle.
 */
function check(design: CoreDesignSpec, layout: 'array' | undefined, keys: readonly { priority: number; deadline: number }[], calls: readonly Call[]): void {
  const profile = { ...getProfile('webit'), priorities: 8, ...(layout === undefined ? {} : { layout }) };
  const engine = new Engine({ target: avr, seed: 1 });
  const kernel = new Kernel({
    engine,
    ready: design.createReady(avr, profile),
    timer: (tasks) => createTimer('tick-scan', avr, tasks),
    preemptive: true,
    timeSliceTicks: undefined,
    useThreshold: !design.keyedByDeadline,
  });
  const priority = new Map<Tcb, number>();
  const key = (t: Tcb): number => (design.keyedByDeadline ? t.deadlineTick : (priority.get(t) as number));
  const ref = new ReferenceReady<Tcb>(key);
  const suspended = new Set<Tcb>();
  const deleted = new Set<Tcb>();
  let next = 0;
  let checked = 0;

  /** The task the reference demands next, checked when task work next starts (or at the end, for idle). */
  let expected: string | undefined;
  const started = (name: string): void => {
    if (expected !== undefined) expect(name).toBe(expected);
    expected = undefined;
  };

  const loops: (() => void)[] = [];
  const tasks: Tcb[] = [];
  /** A worker: short stretches of work, a kernel call after each. */
  function worker(i: number): ExecContext {
    const ctx = new ExecContext(i, `w${i}`);
    const loop = (): void => {
      ctx.run(0, SegmentKind.Task, false, () => started(`w${i}`));
      ctx.run(50, SegmentKind.Task, false, () => act(tasks[i] as Tcb));
    };
    loops.push(loop);
    ctx.run(0, SegmentKind.Task, false, loop);
    return ctx;
  }
  keys.forEach((k, i) => {
    const tcb = kernel.createTask(`w${i}`, k.priority, worker(i), k.priority, k.deadline);
    priority.set(tcb, k.priority);
    ref.insert(tcb);
    tasks.push(tcb);
  });

  function act(caller: Tcb): void {
    const c = calls[next++];
    const done = loops[caller.index] as () => void;
    if (c === undefined) return done();
    if (c.kind === 'spawn') {
      const i = tasks.length;
      const tcb = kernel.spawn(caller, `w${i}`, c.priority, worker(i), done);
      priority.set(tcb, c.priority);
      ref.insert(tcb);
      tasks.push(tcb);
      const head = ref.pick() as Tcb;
      expected = (key(head) < key(caller) ? head : caller).name;
      checked++;
      return;
    }
    const target = c.kind === 'yield' ? caller : (tasks[c.target % tasks.length] as Tcb);
    if (deleted.has(target)) return done();
    let yielded = false;
    switch (c.kind) {
      case 'suspend':
        if (!suspended.has(target)) {
          ref.remove(target);
          suspended.add(target);
        }
        kernel.suspend(caller, target, done);
        break;
      case 'resume':
        if (suspended.has(target)) {
          suspended.delete(target);
          ref.insert(target);
        }
        kernel.resume(caller, target, done);
        break;
      case 'delete':
        if (!suspended.has(target)) ref.remove(target);
        suspended.delete(target);
        deleted.add(target);
        kernel.deleteTask(caller, target, done);
        break;
      case 'priority': {
        if (priority.get(target) !== c.priority) {
          const ready = ref.all.includes(target);
          if (ready) ref.remove(target);
          priority.set(target, c.priority);
          if (ready) ref.insert(target);
        }
        kernel.changePriority(caller, target, c.priority, done);
        break;
      }
      case 'yield':
        ref.rotate(caller);
        yielded = true;
        kernel.yieldTask(caller, done);
        break;
    }
    const head = ref.pick();
    const callerReady = ref.all.includes(caller);
    expected = (!callerReady ? (head ?? kernel.idle) : head !== undefined && (yielded || key(head) < key(caller)) ? head : caller).name;
    checked++;
  }

  kernel.start();
  engine.run(1_000_000);
  // Whatever was still expected when the run ended can only be idle (nothing ran after it).
  if (expected !== undefined) expect(expected).toBe(kernel.idle.name);
  expect(checked).toBeGreaterThan(0);
  for (const t of tasks) if (deleted.has(t)) expect(t.state).toBe(TaskState.Dormant);
}

describe('random sequences of kernel calls', () => {
  // Calls: suspend, resume, delete, change priority, yield, create (spawn).
  for (const { spec, layout } of DESIGN_SPECS) {
    it(`${spec.id}${layout === undefined ? '' : ` (${layout})`}: after every call the kernel runs the task the reference scheduler demands`, () => {
      fc.assert(
        fc.property(
          fc.array(fc.record({ priority: fc.integer({ min: 0, max: 4 }), deadline: fc.integer({ min: 1, max: 6 }) }), { minLength: 1, maxLength: 6 }),
          fc.array(call, { minLength: 1, maxLength: 40 }),
          (keys, calls) => check(spec, layout, keys, calls),
        ),
        { numRuns: 60 },
      );
    });
  }
});
