import type { Engine, IsrHandler } from '../../hardware/engine.ts';
import { ExecContext } from '../../hardware/exec-context.ts';
import type { Target } from '../../hardware/target.ts';
import { usToCycles } from '../../hardware/units.ts';
import type { MutexProtocol, TaskSpec, Workload } from '../../workloads/types.ts';
import { scaleCycles } from '../../workloads/scaling.ts';
import { tickPeriodCycles } from '../release-ticks.ts';
import type { OsProfile } from '../profiles/types.ts';
import { createTimer } from '../timers/index.ts';
import { cyclesDraw, type ExecMode } from '../execution-time.ts';
import type { KernelSystem, ReleaseMode } from '../types.ts';
import type { CoreDesignSpec } from './design.ts';
import { Kernel } from './kernel.ts';
import { EventFlags, MessageQueue, Mutex, Semaphore, type SignalCosts } from './objects.ts';
import { addReleaseTimers, type TimedRelease } from './release-timer.ts';
import { TaskRunner, type Release, type TaskBody } from './runner.ts';
import { resolveSlots, type ObjectTable } from './steps.ts';
import { coreBootPlan, type CoreBootPlan, type TaskPlan } from './boot-plan.ts';
import { syscallCeiling, tickPriorityOf } from './syscall-ceiling.ts';
import { EV_IO_IN, EV_JOB_RELEASE, SEG_ISR, SEG_TASK } from '../../hardware/probe-codes.ts';

/** Options of a boot. */
export interface CoreBootOptions {
  readonly engine: Engine;
  readonly workload: Workload;
  /** Interrupt priority of the kernel tick (lower = more urgent), registered first so it wins ties; by default 0, or the lowest on a BASEPRI kernel (tickPriorityOf). */
  readonly tickPriority?: number;
  /** How long compute steps run (execution-time model); default `worst`. */
  readonly exec?: ExecMode;
  /** How periodic jobs are released: on the tick (default) or by an exact timer at each arrival. */
  readonly releases?: ReleaseMode;
}

/** A booted core kernel: the KernelSystem contract plus the kernel itself for tests and experiments. */
export interface CoreSystem extends KernelSystem {
  readonly kernel: Kernel;
  readonly engine: Engine;
  /** Interrupt-line ids by name ('tick', each I/O line, 'release:<task>' for sporadic tasks). */
  readonly lines: ReadonlyMap<string, number>;
}

/** uC/OS-II's OSEventCnt is 16 bits: the largest count a semaphore holds when the workload gives none. */
const SEMAPHORE_COUNT_LIMIT = 0xffff;

/** Ids of the io-in semaphores, below the release semaphores' -1 - task so that no two collide. */
const IO_INPUT_ID_BASE = -1_000_000;
/** io-in semaphore ids per task: room for this many distinct lines in one body. */
const IO_INPUTS_PER_TASK = 1000;

/** This boot's kernel objects, the workload's resources with the plan's protocols and ceilings (state a run changes: never shared). */
function buildObjects(w: Workload, plan: CoreBootPlan): ObjectTable {
  const costs = plan.signalCosts;
  const r = w.resources ?? {};
  const semaphores = new Map<string, Semaphore>();
  (r.semaphores ?? []).forEach((s, i) => semaphores.set(s.name, new Semaphore(i, s.name, s.initial, s.max ?? SEMAPHORE_COUNT_LIMIT, costs)));
  const mutexes = new Map<string, Mutex>();
  (r.mutexes ?? []).forEach((m, i) => mutexes.set(m.name, new Mutex(i, m.name, plan.mutexProtocols[i] as MutexProtocol, plan.mutexCeilings[i] as number)));
  const queues = new Map<string, MessageQueue>();
  (r.queues ?? []).forEach((q, i) => queues.set(q.name, new MessageQueue(i, q.name, q.capacity, false)));
  (r.mailboxes ?? []).forEach((m, i) => queues.set(m.name, new MessageQueue((r.queues?.length ?? 0) + i, m.name, 1, true)));
  const flags = new Map<string, EventFlags>();
  (r.eventFlags ?? []).forEach((f, i) => flags.set(f.name, new EventFlags(i, f.name)));
  return { semaphores, mutexes, queues, flags };
}

/** Boots a core-based design configured by `profile` with `workload` on the engine. */
export function bootCore(design: CoreDesignSpec, profile: OsProfile, options: CoreBootOptions): CoreSystem {
  const { engine, workload: w } = options;
  const target = engine.target;
  const releases = options.releases ?? 'tick';
  const exec = options.exec ?? 'worst';
  // Checked and derived once per workload, profile, design, target and release mode (boot-plan.ts).
  const plan = coreBootPlan(design, profile, w, target, releases);
  const kernel = new Kernel({
    engine,
    ready: design.createReady(target, profile),
    timer: (tasks) => createTimer(profile.timer, target, tasks),
    preemptive: profile.preemptive,
    timeSliceTicks: profile.timeSliceTicks,
    useThreshold: !design.keyedByDeadline,
    stackResourcePolicy: plan.stackResourcePolicy,
  });
  const objects = buildObjects(w, plan);
  const costs = plan.signalCosts;
  const lines = new Map<string, number>();
  const tickPriority = tickPriorityOf(profile, target, w, options.tickPriority);
  const ceiling = syscallCeiling(profile, target, w, tickPriority, releases);
  if (ceiling !== undefined) engine.setMaskCeiling(ceiling);
  lines.set('tick', engine.addInterrupt({ name: 'tick', priority: tickPriority, source: { kind: 'periodic', hz: w.tickHz }, ...kernel.isrHandler((isr, exit) => kernel.tickWork(isr, exit)) }));

  const timed: TimedRelease[] = [];
  const signalsByLine = new Map<string, Semaphore[]>();
  const runners: TaskRunner[] = [];
  for (let i = 0; i < plan.tasks.length; i++) {
    const task = plan.tasks[i] as TaskPlan;
    const spec = w.tasks[i] as TaskSpec;
    const ioInputs = inputSemaphores(spec, i, costs, signalsByLine);
    const steps: TaskBody = { steps: task.body.steps, objects: resolveSlots(task.body.slots, objects, ioInputs) };
    const ctx = new ExecContext(i, spec.name);
    // Each task draws its execution times and release jitter from streams of its own. A worst-case
    // run draws nothing, and is spared the stream's closure (and its loop scope) per task.
    const draw = exec === 'worst' ? undefined : cyclesDraw(exec, () => engine.stream(`exec:${i}`));
    // An APP's task is unprivileged: its kernel calls enter through the SVC gate.
    const callCycles = kernel.cycles.serviceCall + task.gateCycles;
    const planned = task.release;
    let release: Release;
    if (planned.kind === 'periodic') {
      release = planned.jitterCycles > 0 ? { ...planned.release, jitterCycles: jitterDraw(engine, i, planned.jitterCycles) } : planned.release;
    } else if (planned.kind === 'timer') {
      const signal = new Semaphore(-1 - i, `release:${spec.name}`, 0, SEMAPHORE_COUNT_LIMIT, costs);
      const jitter = planned.jitterCycles > 0 ? jitterDraw(engine, i, planned.jitterCycles) : undefined;
      const arrivalCycles = planned.arrivalCycles;
      timed.push({ task: i, signal, releaseCycles: jitter === undefined ? arrivalCycles : (job) => arrivalCycles(job) + jitter() });
      release = { kind: 'timer', signal, arrivalCycles };
    } else {
      const signal = new Semaphore(-1 - i, `release:${spec.name}`, 0, SEMAPHORE_COUNT_LIMIT, costs);
      release = { kind: 'signal', signal };
      if (planned.sporadic !== undefined) lines.set(planned.lineName, addReleaseLine(kernel, planned.lineName, planned.sporadic.minUs, planned.sporadic.extraUs, signal));
      signalsByLine.set(planned.lineName, [...(signalsByLine.get(planned.lineName) ?? []), signal]);
    }
    const runner = new TaskRunner(kernel, steps, release, task.deadlineCycles, plan.tickCycles, draw, callCycles);
    ctx.run(0, SEG_TASK, false, runner.start);
    runner.tcb = kernel.createTask(spec.name, spec.priority, ctx, task.threshold, task.firstDeadlineKey);
    runner.tcb.preemptionLevel = task.preemptionLevel;
    if (task.app !== undefined) {
      runner.tcb.app = task.app;
      runner.tcb.lifecycle = runner;
    }
    runners.push(runner);
  }
  if (design.keyedByDeadline) {
    // Exact releases key EDF by the absolute deadline in cycles (no tick to count in). Tick releases
    // count the deadline in ticks from the job's own release tick, also when it is released late
    // (found due); a job released by a post takes the tick of its release (the dispatcher sets it).
    kernel.onRelease =
      releases === 'exact'
        ? (t) => (t.deadlineTick = t.releaseCycles + (plan.tasks[t.index] as TaskPlan).deadlineCycles)
        : (t) => (t.deadlineTick = t.releaseTick + (plan.tasks[t.index] as TaskPlan).deadlineTicks);
  }

  for (const line of w.ioLines ?? []) {
    const signals = signalsByLine.get(line.name) ?? [];
    // A line above the syscall ceiling may not call the kernel: its ISR is the application's alone.
    const kernelAware = ceiling === undefined || signals.length > 0 || line.priority >= ceiling;
    lines.set(line.name, addIoLine(kernel, line, signals, w.referenceTarget, target, kernelAware));
  }
  if (timed.length > 0) lines.set('release', addReleaseTimers(kernel, timed));
  kernel.start();
  // Jobs due at time 0 are released when the run starts, so reducers attached after the boot see them.
  const atBoot = runners.filter((r) => r.releasedAtBoot());
  for (const r of atBoot) r.tcb.releaseCycles = 0;
  engine.at(engine.now, () => {
    for (const r of atBoot) engine.probe.emit(EV_JOB_RELEASE, engine.now, r.tcb.index, 0);
  });
  return {
    kernel,
    engine,
    lines,
    taskNames: plan.taskNames,
    releaseQuantisation: releases === 'exact' ? { kind: 'exact' } : { kind: 'tick', tickUs: 1e6 / w.tickHz, tickPeriodCycles: tickPeriodCycles(target, w.tickHz) },
    run: (untilCycles: number) => engine.run(untilCycles),
  };
}

/**
 * One semaphore per I/O line the task's io-in steps wait on, registered with the line so that its
 * ISR gives it: each task latches its own input events.
 */
function inputSemaphores(spec: TaskSpec, task: number, costs: SignalCosts, signalsByLine: Map<string, Semaphore[]>): ReadonlyMap<string, Semaphore> {
  // Most tasks wait on no line: they share one empty map rather than each boot making one per task.
  if (!spec.body.some((s) => s.op === 'io-in')) return NO_INPUTS;
  const inputs = new Map<string, Semaphore>();
  for (const step of spec.body) {
    if (step.op !== 'io-in' || inputs.has(step.line)) continue;
    const input = new Semaphore(IO_INPUT_ID_BASE - task * IO_INPUTS_PER_TASK - inputs.size, `io-in:${spec.name}:${step.line}`, 0, SEMAPHORE_COUNT_LIMIT, costs);
    inputs.set(step.line, input);
    signalsByLine.set(step.line, [...(signalsByLine.get(step.line) ?? []), input]);
  }
  return inputs;
}

/** The input semaphores of a task that waits on no I/O line (never written). */
const NO_INPUTS: ReadonlyMap<string, Semaphore> = new Map();

/** A task's release-jitter draw in cycles, uniform in [0, J], from the task's own stream of this run. */
function jitterDraw(engine: Engine, task: number, jitterCycles: number): () => number {
  const stream = engine.stream(`release-jitter:${task}`);
  return () => stream.intBetween(0, jitterCycles);
}

function addIoLine(kernel: Kernel, line: NonNullable<Workload['ioLines']>[number], signals: readonly Semaphore[], referenceTarget: string, target: Target, kernelAware: boolean): number {
  const engine = kernel.engine;
  const appCycles = scaleCycles(line.isrCycles, referenceTarget, target);
  const a = line.arrival;
  const source =
    a.kind === 'periodic'
      ? { kind: 'periodic' as const, periodCycles: usToCycles(target, a.periodUs), offsetCycles: usToCycles(target, a.offsetUs ?? 0) }
      : a.kind === 'sporadic'
        ? { kind: 'sporadic' as const, minInterArrivalCycles: usToCycles(target, a.minInterArrivalUs), maxExtraCycles: usToCycles(target, a.maxExtraUs ?? 0) }
        : { kind: 'random' as const, meanInterArrivalCycles: usToCycles(target, a.meanInterArrivalUs) };
  let id = -1;
  let isrCtx: ExecContext | undefined;
  let exitFn: (() => void) | undefined;
  const post = (): void => {
    let cycles = 0;
    for (const s of signals) cycles += kernel.isrGive(s);
    kernel.isrTail(isrCtx as ExecContext, cycles, exitFn as () => void);
  };
  // A line the kernel does not know runs its application code and returns, no kernel entry or exit.
  const plain: IsrHandler = (isr) => {
    engine.probe.emit(EV_IO_IN, engine.now, id);
    isr.run(appCycles, SEG_ISR, false);
  };
  const aware = kernel.isrHandler((isr, exit) => {
    isrCtx = isr;
    exitFn = exit;
    engine.probe.emit(EV_IO_IN, engine.now, id);
    // No application code, on an ISR that runs to its end with no event due now: the empty segment
    // would complete at once, so the post runs now (with one due, the segment lets it fire first).
    if (appCycles === 0 && signals.length > 0 && isr.alwaysMasked && !engine.eventDueNow()) post();
    else isr.run(appCycles, SEG_ISR, false, signals.length > 0 ? post : exit);
  });
  id = engine.addInterrupt({ name: line.name, priority: line.priority, source, ...(kernelAware ? aware : { handler: plain }) });
  return id;
}

function addReleaseLine(kernel: Kernel, name: string, minUs: number, extraUs: number, signal: Semaphore): number {
  const engine = kernel.engine;
  const target = engine.target;
  return engine.addInterrupt({
    name,
    priority: 0,
    source: { kind: 'sporadic', minInterArrivalCycles: usToCycles(target, minUs), maxExtraCycles: usToCycles(target, extraUs) },
    ...kernel.isrHandler((isr, exit) => kernel.isrTail(isr, kernel.isrGive(signal), exit)),
  });
}
