import { ProfileLimitError } from '../core/validate.ts';
import type { Engine } from '../../hardware/engine.ts';
import { ExecContext, SegmentKind } from '../../hardware/exec-context.ts';
import type { IrqSourceSpec } from '../../hardware/irq-sources.ts';
import { ProbeEvent } from '../../hardware/probe.ts';
import type { Target } from '../../hardware/target.ts';
import { usToCycles } from '../../hardware/units.ts';
import { scaleCycles } from '../../workloads/scaling.ts';
import type { IoLineSpec, Step, TaskSpec, Workload } from '../../workloads/types.ts';
import { cyclesDraw, type ExecMode } from '../execution-time.ts';
import { releaseTick, tickPeriodCycles } from '../release-ticks.ts';
import type { Footprint, KernelSystem, ReleaseMode } from '../types.ts';
import { mappedWorkload, type MosConfig, type MosMapping, type MosTaskPlace } from './config.ts';
import { defaultTaskStackBytes, mosFootprint, mosLayout } from './footprint.ts';
import { MosKernel, type MosStats } from './kernel.ts';
import { mosPrices, type MosPrices } from './prices.ts';
import { MosTask, StepKind, type StepPlan } from './task.ts';

/** A MOS kernel loaded with a workload: runnable, with its mapping, counters and footprint. */
export interface MosSystem extends KernelSystem {
  readonly mapping: MosMapping;
  readonly stats: MosStats;
  /** Engine interrupt-line ids: the tick, each workload I/O line by name, each sporadic task's release source by task index. */
  readonly lines: { readonly tick: number; readonly io: ReadonlyMap<string, number>; readonly sporadic: ReadonlyMap<number, number> };
  readonly footprint: Footprint;
  readonly kernel: MosKernel;
}

/** Arguments of `bootMos`. */
export interface BootMosOptions {
  readonly engine: Engine;
  readonly workload: Workload;
  readonly config?: MosConfig;
  /** How long compute steps run; `worst` by default. */
  readonly exec?: ExecMode;
  /** How periodic jobs are released: MOS's tick countdowns (default) or an exact timer per task. */
  readonly releases?: ReleaseMode;
}

function fail(field: string, rule: string): never {
  throw new ProfileLimitError(`mos: ${field}: ${rule}`);
}

/** Prices one body step on the engine's target. */
function planStep(step: Step, kernel: MosKernel, place: MosTaskPlace, workload: Workload, p: MosPrices, engine: Engine): StepPlan {
  const object = step.op === 'send' || step.op === 'receive' ? kernel.mapping.busObjects.findIndex((o) => o.name === step.queue) : -1;
  switch (step.op) {
    case 'compute': {
      const cycles = scaleCycles(step.cycles, workload.referenceTarget, engine.target);
      const bestCycles = Math.min(cycles, scaleCycles(step.bestCycles ?? step.cycles, workload.referenceTarget, engine.target));
      return { kind: StepKind.Compute, cycles, bestCycles, segmentKind: SegmentKind.Task, maskedCycles: -1, object };
    }
    case 'io-out':
      return { kind: StepKind.IoOut, cycles: p.ioOut, bestCycles: p.ioOut, segmentKind: SegmentKind.Task, maskedCycles: -1, object };
    case 'receive':
      return { kind: StepKind.Receive, cycles: p.busCallCheck, bestCycles: p.busCallCheck, segmentKind: SegmentKind.Kernel, maskedCycles: p.busRead, object };
    case 'send': {
      const bus = kernel.mapping.busObjects[object];
      // mapWorkload has checked that every queue a step names is declared.
      if (bus === undefined) throw new Error(`mos: internal: bus object ${step.queue} missing`);
      // The check's cycles are spent on every access; its outcome depends only on the fixed groups, so it is decided here once.
      if (!kernel.allowed(place.module, bus.owner)) {
        return { kind: StepKind.SendRefused, cycles: p.busCallCheck + p.busRefuse, bestCycles: p.busCallCheck + p.busRefuse, segmentKind: SegmentKind.Kernel, maskedCycles: -1, object };
      }
      return { kind: StepKind.Send, cycles: p.busCallCheck, bestCycles: p.busCallCheck, segmentKind: SegmentKind.Kernel, maskedCycles: bus.receiver < 0 ? p.busWriteNoReceiver : p.busWritePost, object };
    }
    default:
      // mapWorkload has rejected every other step with a message naming the field.
      throw new Error(`mos: internal: step ${step.op} reached the planner`);
  }
}

/** Relative deadline in cycles: the stated one, else the period or minimum inter-arrival, else none. */
function deadlineCycles(task: TaskSpec, engine: Engine): number {
  const us = task.deadlineUs ?? (task.trigger.kind === 'periodic' ? task.trigger.periodUs : task.trigger.kind === 'sporadic' ? task.trigger.minInterArrivalUs : undefined);
  return us === undefined ? Infinity : usToCycles(engine.target, us);
}

function ioSource(line: IoLineSpec, engine: Engine): IrqSourceSpec {
  const c = (us: number): number => usToCycles(engine.target, us);
  const a = line.arrival;
  if (a.kind === 'periodic') return { kind: 'periodic', periodCycles: c(a.periodUs), offsetCycles: c(a.offsetUs ?? 0) };
  if (a.kind === 'sporadic') return { kind: 'sporadic', minInterArrivalCycles: c(a.minInterArrivalUs), maxExtraCycles: c(a.maxExtraUs ?? 0) };
  return { kind: 'random', meanInterArrivalCycles: c(a.meanInterArrivalUs) };
}

/** Periodic release: a countdown per periodic task, decremented by the tick ISR, posting at zero. */
interface Timer {
  count: number;
  /** The job whose post the countdown is running to. */
  job: number;
  /** Ticks from job `job`'s release tick to the next job's (kernels/release-ticks.ts: no drift). */
  readonly reloadAfter: (job: number) => number;
  /** Job `job`'s arrival in cycles. */
  readonly arrivalOf: (job: number) => number;
  readonly task: MosTask;
}

function periodicTimers(workload: Workload, tasks: readonly MosTask[], target: Target): Timer[] {
  const timers: Timer[] = [];
  workload.tasks.forEach((spec, i) => {
    if (spec.trigger.kind !== 'periodic') return;
    const at = `workload.tasks[${i}] (${spec.name}).trigger`;
    const ticksPerUs = workload.tickHz / 1e6;
    const { periodUs, offsetUs = 0 } = spec.trigger;
    if (periodUs * ticksPerUs < 1) fail(`${at}.periodUs`, `must be at least one tick (${1 / ticksPerUs} us at tickHz ${workload.tickHz}), got ${periodUs}`);
    if (offsetUs < 0) fail(`${at}.offsetUs`, `must be >= 0, got ${offsetUs}`);
    // Each job is posted on the first tick at or after its arrival, as a delay-until on the tick
    // would release it; the countdown is reloaded with the ticks to the next such tick.
    const tickOf = (job: number): number => releaseTick(offsetUs, periodUs, job, workload.tickHz);
    // The first post comes on tick number tickOf(0) (the tick at cycle 0 is number 0).
    timers.push({ count: tickOf(0) + 1, job: 0, reloadAfter: (job) => tickOf(job + 1) - tickOf(job), arrivalOf: (job) => usToCycles(target, offsetUs + job * periodUs), task: tasks[i] as MosTask });
  });
  return timers;
}

/** Boots MOS on `engine` with `workload` mapped onto modules, levels and user groups (see config.ts). */
export function bootMos({ engine, workload, config = {}, exec = 'worst', releases = 'tick' }: BootMosOptions): MosSystem {
  if (!(workload.tickHz > 0)) fail('workload.tickHz', `must be > 0, got ${workload.tickHz}`);
  const mapping = mappedWorkload(workload, config);
  const p = mosPrices(engine.target);
  const kernel = new MosKernel(engine, p, mapping);
  const tasks = workload.tasks.map((spec, i) => {
    const place = mapping.places[i] as MosTaskPlace;
    const steps = spec.body.map((step) => planStep(step, kernel, place, workload, p, engine));
    // Each task draws its execution times from a stream of its own.
    const draw = cyclesDraw(exec, () => engine.stream(`exec:${i}`));
    return new MosTask(kernel, i, place.module, (1 << place.bit) >>> 0, place.level, kernel.levelContexts[place.level] as ExecContext, steps, deadlineCycles(spec, engine), draw);
  });
  kernel.tasks = tasks;
  // Validate the periods before any interrupt line touches the engine; exact releases leave the tick no timers.
  const allTimers = periodicTimers(workload, tasks, engine.target);
  const timers = releases === 'exact' ? [] : allTimers;

  const ioLines = workload.ioLines ?? [];
  // The tick is registered first with priority 0 by default, so it wins ties (as the core kernels' tick does).
  const tickPriority = config.tickPriority ?? 0;
  const tick = addTickLine(engine, kernel, tickPriority, workload.tickHz, timers);
  const io = new Map<string, number>();
  for (const line of ioLines) {
    const posted = tasks.filter((_, i) => {
      const trigger = workload.tasks[i]?.trigger;
      return trigger?.kind === 'io' && trigger.line === line.name;
    });
    io.set(line.name, addPostingLine(engine, kernel, line.name, line.priority, ioSource(line, engine), scaleCycles(line.isrCycles, workload.referenceTarget, engine.target), posted, true));
  }
  // Sporadic releases come from external events less urgent than every I/O line and the tick.
  const releasePriority = Math.max(tickPriority, ...ioLines.map((l) => l.priority)) + 1;
  const sporadic = new Map<number, number>();
  workload.tasks.forEach((spec, i) => {
    if (spec.trigger.kind !== 'sporadic') return;
    const source: IrqSourceSpec = {
      kind: 'sporadic',
      minInterArrivalCycles: usToCycles(engine.target, spec.trigger.minInterArrivalUs),
      maxExtraCycles: usToCycles(engine.target, spec.trigger.maxExtraUs ?? 0),
    };
    sporadic.set(i, addPostingLine(engine, kernel, `release:${spec.name}`, releasePriority + sporadic.size, source, 0, [tasks[i] as MosTask], false));
  });

  // Registered after every other line, so the engine's seeded sources keep the streams they had.
  if (releases === 'exact') addExactReleases(engine, kernel, workload, tasks, releasePriority + sporadic.size);

  const defaultOwn = config.defaultTaskStackBytes ?? defaultTaskStackBytes(engine.target);
  const lineCount = 1 + ioLines.length + sporadic.size;
  // Priced when asked: a run needs none of it, and pricing the code took a tenth of a boot.
  let footprint: Footprint | undefined;
  return {
    taskNames: workload.tasks.map((t) => t.name),
    mapping,
    stats: kernel.stats,
    lines: { tick, io, sporadic },
    releaseQuantisation: releases === 'exact' ? { kind: 'exact' } : { kind: 'tick', tickUs: 1e6 / workload.tickHz, tickPeriodCycles: tickPeriodCycles(engine.target, workload.tickHz) },
    get footprint(): Footprint {
      footprint ??= mosFootprint(engine.target, mosLayout(workload, mapping, lineCount, defaultOwn));
      return footprint;
    },
    kernel,
    run: (until) => engine.run(until),
  };
}

/** An interrupt line whose ISR does `bodyCycles` of its own work, then posts `posted` tasks' messages. */
function addPostingLine(engine: Engine, kernel: MosKernel, name: string, priority: number, source: IrqSourceSpec, bodyCycles: number, posted: readonly MosTask[], isIo: boolean): number {
  const p = kernel.prices;
  let ctx: ExecContext | undefined;
  let id = -1;
  const onPrologue = (): void => engine.probe.emit(ProbeEvent.IoIn, engine.now, id);
  const onPosted = (): void => {
    for (const task of posted) kernel.post(task);
    kernel.isrExit(ctx as ExecContext);
  };
  id = engine.addInterrupt({
    name,
    priority,
    source,
    handler: (isr) => {
      ctx = isr;
      kernel.isrEnter();
      isr.run(p.isrPrologue, SegmentKind.Isr, true, isIo ? onPrologue : undefined);
      if (bodyCycles > 0) isr.run(bodyCycles, SegmentKind.Isr, false);
      isr.run(p.isrEnter + posted.length * p.post, SegmentKind.Kernel, true, onPosted);
    },
  });
  return id;
}

/** Exact releases: a timer per periodic task raises a release line of its own at each arrival (offset + j * period). */
function addExactReleases(engine: Engine, kernel: MosKernel, workload: Workload, tasks: readonly MosTask[], priority: number): void {
  const periodic: { line: number; arrival: (job: number) => number; job: number }[] = [];
  workload.tasks.forEach((spec, i) => {
    const trigger = spec.trigger;
    if (trigger.kind !== 'periodic') return;
    const line = addPostingLine(engine, kernel, `release:${spec.name}`, priority + i, { kind: 'manual' }, 0, [tasks[i] as MosTask], false);
    periodic.push({ line, arrival: (job) => usToCycles(engine.target, (trigger.offsetUs ?? 0) + job * trigger.periodUs), job: 0 });
  });
  if (periodic.length === 0) return;
  // One timer for every task: the releases due at a cycle raise their lines together, so the
  // interrupt controller takes them in line order before any task runs, whichever was due first.
  const nextDue = (): number => Math.min(...periodic.map((p) => p.arrival(p.job)));
  const fire = (): void => {
    const now = engine.now;
    for (const p of periodic) {
      if (p.arrival(p.job) !== now) continue;
      engine.raise(p.line);
      p.job++;
    }
    engine.at(nextDue(), fire);
  };
  engine.at(nextDue(), fire);
}

/** The kernel tick: scans every periodic timer and posts the expired ones' messages. */
function addTickLine(engine: Engine, kernel: MosKernel, priority: number, tickHz: number, timers: readonly Timer[]): number {
  const p = kernel.prices;
  let ctx: ExecContext | undefined;
  const onScanned = (): void => {
    for (const timer of timers) {
      timer.count--;
      if (timer.count === 0) {
        timer.count = timer.reloadAfter(timer.job);
        kernel.post(timer.task, timer.arrivalOf(timer.job));
        timer.job++;
      }
    }
    kernel.isrExit(ctx as ExecContext);
  };
  return engine.addInterrupt({
    name: 'tick',
    priority,
    source: { kind: 'periodic', hz: tickHz },
    handler: (isr) => {
      ctx = isr;
      kernel.isrEnter();
      let expiring = 0;
      for (const timer of timers) if (timer.count === 1) expiring++;
      isr.run(p.isrPrologue, SegmentKind.Isr, true);
      isr.run(p.isrEnter + p.tickEnter + timers.length * p.tickTimer + expiring * p.tickExpire, SegmentKind.Kernel, true, onScanned);
    },
  });
}
