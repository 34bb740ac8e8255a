import type { Engine, IsrHandler } from '../../hardware/engine.ts';
import { ExecContext } from '../../hardware/exec-context.ts';
import type { Prng } from '../../hardware/prng.ts';
import type { Target } from '../../hardware/target.ts';
import { usToCycles } from '../../hardware/units.ts';
import type { MutexProtocol, TaskSpec, Workload } from '../../workloads/types.ts';
import { scaleCycles } from '../../workloads/scaling.ts';
import { workloadMutexProtocols } from '../profiles/protocol.ts';
import { releaseTick, tickPeriodCycles } from '../release-ticks.ts';
import type { OsProfile } from '../profiles/types.ts';
import { createTimer } from '../timers/index.ts';
import { cyclesDraw, type ExecMode } from '../execution-time.ts';
import type { KernelSystem, ReleaseMode } from '../types.ts';
import * as B from './blocks.ts';
import type { CoreDesignSpec } from './design.ts';
import { Kernel } from './kernel.ts';
import { EventFlags, MessageQueue, Mutex, Semaphore, type SignalCosts } from './objects.ts';
import { cyclesOf } from './pricing.ts';
import { addReleaseTimers, type TimedRelease } from './release-timer.ts';
import { TaskRunner, type Release, type TaskBody } from './runner.ts';
import { resolveSlots, type ObjectTable } from './steps.ts';
import { compiledBody } from './compiled-bodies.ts';
import { deadlineKeyTicks, relativeDeadlineUs } from './deadline-key.ts';
import { syscallCeiling, tickPriorityOf } from './syscall-ceiling.ts';
import { checkWorkloadFitsProfile, ProfileLimitError } from './validate.ts';
import { checkAppControl } from './app-control.ts';
import { svcGateCycles } from '../../multiapp/svc-gate.ts';
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

/** The costs of a release signal: a semaphore where the profile has one, else a message queue. */
export function signalCosts(profile: OsProfile, target: Target): SignalCosts {
  if (profile.services.semaphore || !profile.services.queue) {
    return { pendFast: cyclesOf(B.semPendFast, target), pendWait: cyclesOf(B.semPendWait, target), postCount: cyclesOf(B.semPostCount, target) };
  }
  return { pendFast: cyclesOf(B.queueGet, target), pendWait: cyclesOf(B.queueWait, target), postCount: cyclesOf(B.queuePut, target) };
}

/** The SVC gate's cycles for an APP's task at `field`; a core without one cannot run APPs. */
function appGateCycles(target: Target, field: string): number {
  if (target.zeroCost !== true && target.svcGate === undefined) throw new ProfileLimitError(`${field}.app: target ${target.id} has no SVC gate, so it cannot run an isolated APP's task (use a Cortex-M target)`);
  return svcGateCycles(target);
}

/** uC/OS-II's OSEventCnt is 16 bits: the largest count a semaphore holds when the workload gives none. */
const SEMAPHORE_COUNT_LIMIT = 0xffff;

/** Ids of the io-in semaphores, below the release semaphores' -1 - task so that no two collide. */
const IO_INPUT_ID_BASE = -1_000_000;
/** io-in semaphore ids per task: room for this many distinct lines in one body. */
const IO_INPUTS_PER_TASK = 1000;

/**
 * A tick kernel releases a job at the first tick at or after its arrival: a 62.5 ms period on a 1 ms
 * tick is released 62, 63, 62, 63 ... ticks apart, as a delay-until on a tick kernel does. A period
 * shorter than one tick cannot be released by the tick at all.
 */
function checkPeriodSpansATick(us: number, tickHz: number, field: string): void {
  if ((us * tickHz) / 1e6 < 1 - 1e-9) throw new Error(`${field}: ${us} us is shorter than one tick at tickHz ${tickHz}`);
}

/**
 * A mutex's ceiling: the highest priority of the tasks that lock it, or under SRP their highest
 * preemption level (the rank of the shortest relative deadline, the level `levels` gives each task).
 */
function buildObjects(w: Workload, profile: OsProfile, target: Target, levels: readonly number[]): ObjectTable {
  const costs = signalCosts(profile, target);
  const r = w.resources ?? {};
  const semaphores = new Map<string, Semaphore>();
  (r.semaphores ?? []).forEach((s, i) => semaphores.set(s.name, new Semaphore(i, s.name, s.initial, s.max ?? SEMAPHORE_COUNT_LIMIT, costs)));
  const mutexes = new Map<string, Mutex>();
  const protocols = workloadMutexProtocols(w, profile);
  (r.mutexes ?? []).forEach((m, i) => {
    const protocol = protocols[i] as MutexProtocol;
    const users = w.tasks.flatMap((t, j) => (t.body.some((s) => s.op === 'lock' && s.mutex === m.name) ? [protocol === 'srp' ? (levels[j] as number) : t.priority] : []));
    const ceiling = users.length > 0 ? Math.min(...users) : 0;
    mutexes.set(m.name, new Mutex(i, m.name, protocol, ceiling));
  });
  const queues = new Map<string, MessageQueue>();
  (r.queues ?? []).forEach((q, i) => queues.set(q.name, new MessageQueue(i, q.name, q.capacity, false)));
  (r.mailboxes ?? []).forEach((m, i) => queues.set(m.name, new MessageQueue((r.queues?.length ?? 0) + i, m.name, 1, true)));
  const flags = new Map<string, EventFlags>();
  (r.eventFlags ?? []).forEach((f, i) => flags.set(f.name, new EventFlags(i, f.name)));
  return { semaphores, mutexes, queues, flags };
}

/**
 * Baker's preemption levels (SRP): the rank of each task's exact relative deadline among the set's,
 * smaller is higher, equal deadlines share a level. Ranked from the workload's own deadlines, never
 * from the tick count of the EDF key: two deadlines rounded up to the same tick (2.4 and 3 ms at
 * 1 kHz) would share a level, and a section whose ceiling is the longer deadline's would then block
 * the shorter one, which SRP (and the analysis) lets preempt it.
 */
function preemptionLevels(w: Workload): number[] {
  const deadlines = w.tasks.map((t) => relativeDeadlineUs(t) ?? Infinity);
  const distinct = [...new Set(deadlines)].sort((a, b) => a - b);
  return deadlines.map((d) => distinct.indexOf(d));
}

/** Boots a core-based design configured by `profile` with `workload` on the engine. */
export function bootCore(design: CoreDesignSpec, profile: OsProfile, options: CoreBootOptions): CoreSystem {
  const { engine, workload: w } = options;
  const target = engine.target;
  // Asked before the profile's limits: no change to the workload gives the core an SVC gate, so this
  // is the reason an APP workload cannot run here (`kbench compare` reports the first refusal).
  const firstAppTask = w.tasks.findIndex((t) => t.app !== undefined);
  if (firstAppTask >= 0) appGateCycles(target, `tasks[${firstAppTask}]`);
  checkWorkloadFitsProfile(w, profile, design.keyedByDeadline);
  if (!(w.tickHz > 0)) throw new Error(`tickHz: must be > 0, got ${w.tickHz}`);
  const kernel = new Kernel({
    engine,
    ready: design.createReady(target, profile),
    timer: (tasks) => createTimer(profile.timer, target, tasks),
    preemptive: profile.preemptive,
    timeSliceTicks: profile.timeSliceTicks,
    useThreshold: !design.keyedByDeadline,
    stackResourcePolicy: workloadMutexProtocols(w, profile).includes('srp'),
  });
  const tickCycles = (tick: number): number => Math.floor(((tick - 1) * target.clockHz) / w.tickHz);
  const deadlineTicks = w.tasks.map((t) => deadlineKeyTicks(t, w.tickHz));
  const levels = preemptionLevels(w);
  checkAppControl(w, options.releases ?? 'tick');
  const objects = buildObjects(w, profile, target, levels);
  const costs = signalCosts(profile, target);
  const lines = new Map<string, number>();
  const tickPriority = tickPriorityOf(profile, target, w, options.tickPriority);
  const ceiling = syscallCeiling(profile, target, w, tickPriority, options.releases ?? 'tick');
  if (ceiling !== undefined) engine.setMaskCeiling(ceiling);
  lines.set('tick', engine.addInterrupt({ name: 'tick', priority: tickPriority, source: { kind: 'periodic', hz: w.tickHz }, handler: kernel.isrHandler((isr, exit) => kernel.tickWork(isr, exit)) }));

  const releases = options.releases ?? 'tick';
  const exec = options.exec ?? 'worst';
  const timed: TimedRelease[] = [];
  const deadlineCycles: number[] = [];
  const signalsByLine = new Map<string, Semaphore[]>();
  const runners: TaskRunner[] = [];
  w.tasks.forEach((spec, i) => {
    const field = `tasks[${i}]`;
    const ioInputs = inputSemaphores(spec, i, costs, signalsByLine);
    const body = compiledBody(w, i, target, field);
    const steps: TaskBody = { steps: body.steps, objects: resolveSlots(body.slots, objects, ioInputs) };
    const d = relativeDeadlineUs(spec);
    const dCycles = d === undefined ? Infinity : usToCycles(target, d);
    deadlineCycles.push(dCycles);
    const ctx = new ExecContext(i, spec.name);
    // Each task draws its execution times and release jitter from streams of its own.
    const draw = cyclesDraw(exec, () => engine.stream(`exec:${i}`));
    // An APP's task is unprivileged: its kernel calls enter through the SVC gate.
    const callCycles = spec.app === undefined ? kernel.cycles.serviceCall : kernel.cycles.serviceCall + appGateCycles(target, field);
    let runner: TaskRunner;
    const trig = spec.trigger;
    if (trig.kind === 'periodic') {
      const offsetUs = trig.offsetUs ?? 0;
      const arrivalCycles = (job: number): number => usToCycles(target, offsetUs + job * trig.periodUs);
      const jitterCycles = releaseJitter(spec, () => engine.stream(`release-jitter:${i}`), target);
      let release: Release;
      if (releases === 'exact') {
        const signal = new Semaphore(-1 - i, `release:${spec.name}`, 0, SEMAPHORE_COUNT_LIMIT, costs);
        timed.push({ task: i, signal, releaseCycles: (job) => arrivalCycles(job) + (jitterCycles?.() ?? 0) });
        release = { kind: 'timer', signal, arrivalCycles };
      } else {
        checkPeriodSpansATick(trig.periodUs, w.tickHz, `${field}.trigger.periodUs`);
        // Job j waits for the first tick at or after its arrival, as a delay-until on the tick does.
        const tickOf = (job: number): number => 1 + releaseTick(offsetUs, trig.periodUs, job, w.tickHz);
        const tickAtOrAfter = (cycles: number): number => 1 + Math.ceil((cycles * w.tickHz) / target.clockHz - 1e-9);
        release = { kind: 'periodic', tickOf, arrivalCycles, jitterCycles, tickAtOrAfter };
      }
      runner = new TaskRunner(kernel, steps, release, dCycles, tickCycles, draw, callCycles);
    } else {
      const signal = new Semaphore(-1 - i, `release:${spec.name}`, 0, SEMAPHORE_COUNT_LIMIT, costs);
      runner = new TaskRunner(kernel, steps, { kind: 'signal', signal }, dCycles, tickCycles, draw, callCycles);
      const lineName = trig.kind === 'io' ? trig.line : `release:${spec.name}`;
      if (trig.kind === 'io' && !(w.ioLines ?? []).some((l) => l.name === trig.line)) {
        throw new Error(`${field}.trigger.line: unknown I/O line "${trig.line}"; declared: ${(w.ioLines ?? []).map((l) => l.name).join(', ') || 'none'}`);
      }
      if (trig.kind === 'sporadic') {
        lines.set(lineName, addReleaseLine(kernel, lineName, trig.minInterArrivalUs, trig.maxExtraUs ?? 0, signal));
      }
      signalsByLine.set(lineName, [...(signalsByLine.get(lineName) ?? []), signal]);
    }
    ctx.run(0, SEG_TASK, false, runner.start);
    const threshold = spec.preemptionThreshold ?? spec.priority;
    runner.tcb = kernel.createTask(spec.name, spec.priority, ctx, threshold, releases === 'exact' ? firstDeadlineCycles(spec, target, dCycles) : 1 + (deadlineTicks[i] as number));
    runner.tcb.preemptionLevel = levels[i] as number;
    if (spec.app !== undefined) {
      runner.tcb.app = (w.apps ?? []).findIndex((a) => a.name === spec.app);
      runner.tcb.lifecycle = runner;
    }
    runners.push(runner);
  });
  if (design.keyedByDeadline) {
    // Exact releases key EDF by the absolute deadline in cycles (no tick to count in). Tick releases
    // count the deadline in ticks from the job's own release tick, also when it is released late
    // (found due); a job released by a post takes the tick of its release (the dispatcher sets it).
    kernel.onRelease =
      releases === 'exact'
        ? (t) => (t.deadlineTick = t.releaseCycles + (deadlineCycles[t.index] as number))
        : (t) => (t.deadlineTick = t.releaseTick + (deadlineTicks[t.index] as number));
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
    taskNames: w.tasks.map((t) => t.name),
    releaseQuantisation: releases === 'exact' ? { kind: 'exact' } : { kind: 'tick', tickUs: 1e6 / w.tickHz, tickPeriodCycles: tickPeriodCycles(target, w.tickHz) },
    run: (untilCycles: number) => engine.run(untilCycles),
  };
}

/**
 * EDF's key for a task not yet started under exact releases: its first job's absolute deadline, so
 * that the kernel picks it at boot no earlier than a textbook EDF would.
 */
function firstDeadlineCycles(spec: TaskSpec, target: Target, deadlineCycles: number): number {
  return (spec.trigger.kind === 'periodic' ? usToCycles(target, spec.trigger.offsetUs ?? 0) : 0) + deadlineCycles;
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

/** A task's release-jitter draw in cycles, uniform in [0, J], or undefined when it states none. */
function releaseJitter(spec: TaskSpec, rng: () => Prng, target: Target): (() => number) | undefined {
  const jitterCycles = usToCycles(target, spec.releaseJitterUs ?? 0);
  if (jitterCycles <= 0) return undefined;
  const stream = rng();
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
    (isrCtx as ExecContext).run(cycles, SEG_ISR, true, exitFn);
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
    isr.run(appCycles, SEG_ISR, false, signals.length > 0 ? post : exit);
  });
  id = engine.addInterrupt({ name: line.name, priority: line.priority, source, handler: kernelAware ? aware : plain });
  return id;
}

function addReleaseLine(kernel: Kernel, name: string, minUs: number, extraUs: number, signal: Semaphore): number {
  const engine = kernel.engine;
  const target = engine.target;
  return engine.addInterrupt({
    name,
    priority: 0,
    source: { kind: 'sporadic', minInterArrivalCycles: usToCycles(target, minUs), maxExtraCycles: usToCycles(target, extraUs) },
    handler: kernel.isrHandler((isr, exit) => isr.run(kernel.isrGive(signal), SEG_ISR, true, exit)),
  });
}
