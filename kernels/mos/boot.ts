import { ProfileLimitError } from '../core/validate.ts';
import type { Engine } from '../../hardware/engine.ts';
import { ExecContext, SegmentKind } from '../../hardware/exec-context.ts';
import type { IrqSourceSpec } from '../../hardware/irq-sources.ts';
import { ProbeEvent } from '../../hardware/probe.ts';
import { usToCycles } from '../../hardware/units.ts';
import type { Workload } from '../../workloads/types.ts';
import { cyclesDraw, type ExecMode } from '../execution-time.ts';
import { tickPeriodCycles } from '../release-ticks.ts';
import type { Footprint, KernelSystem, ReleaseMode } from '../types.ts';
import { mappedWorkload, type MosConfig, type MosMapping, type MosTaskPlace } from './config.ts';
import { defaultTaskStackBytes, mosFootprint, mosLayout } from './footprint.ts';
import { MosKernel, type MosStats } from './kernel.ts';
import { mosBootPlan, type TimerPlan } from './boot-plan.ts';
import { MosTask, type StepPlan } from './task.ts';

/** A MOS kernel loaded with a workload: runnable, with its mapping, counters and footprint. */
export interface MosSystem extends KernelSystem {
  readonly mapping: MosMapping;
  readonly stats: MosStats;
  /** Engine interrupt-line ids: the tick, each workload I/O line by name, each sporadic task's release source by task index. */
  readonly lines: { readonly tick: number; readonly io: ReadonlyMap<string, number>; readonly sporadic: ReadonlyMap<number, number> };
  /** The code and RAM of this kernel with its workload, priced on first ask (a run needs none of it). */
  readonly footprint: () => Footprint;
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

/** This boot's countdowns (state a run changes: never shared), from the plan's fixed releases. */
function periodicTimers(plans: readonly TimerPlan[], tasks: readonly MosTask[]): Timer[] {
  return plans.map((t) => ({ count: t.firstCount, job: 0, reloadAfter: t.reloadAfter, arrivalOf: t.arrivalOf, task: tasks[t.task] as MosTask }));
}

/** Boots MOS on `engine` with `workload` mapped onto modules, levels and user groups (see config.ts). */
export function bootMos({ engine, workload, config = {}, exec = 'worst', releases = 'tick' }: BootMosOptions): MosSystem {
  if (!(workload.tickHz > 0)) throw new ProfileLimitError(`mos: workload.tickHz: must be > 0, got ${workload.tickHz}`);
  const mapping = mappedWorkload(workload, config);
  // Checked and derived once per workload, mapping and target (boot-plan.ts).
  const plan = mosBootPlan(workload, mapping, engine.target);
  const kernel = new MosKernel(engine, plan.prices, mapping);
  kernel.oneDecisionPerInstant = releases === 'exact';
  const tasks = workload.tasks.map((_, i) => {
    const place = mapping.places[i] as MosTaskPlace;
    // Each task draws its execution times from a stream of its own; a worst-case run draws nothing
    // and is spared the stream's closure per task.
    const draw = exec === 'worst' ? undefined : cyclesDraw(exec, () => engine.stream(`exec:${i}`));
    return new MosTask(kernel, i, place.module, (1 << place.bit) >>> 0, place.level, kernel.levelContexts[place.level] as ExecContext, plan.steps[i] as readonly StepPlan[], plan.deadlineCycles[i] as number, draw);
  });
  kernel.tasks = tasks;
  // Exact releases leave the tick no timers.
  const timers = releases === 'exact' ? [] : periodicTimers(plan.timers, tasks);

  const ioLines = workload.ioLines ?? [];
  // The tick is registered first with priority 0 by default, so it wins ties (as the core kernels' tick does).
  const tickPriority = config.tickPriority ?? 0;
  const tick = addTickLine(engine, kernel, tickPriority, workload.tickHz, timers);
  const io = new Map<string, number>();
  for (const line of plan.ioLines) {
    const posted = line.posted.map((i) => tasks[i] as MosTask);
    io.set(line.line.name, addPostingLine(engine, kernel, line.line.name, line.line.priority, line.source, line.isrCycles, posted, true));
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
    taskNames: plan.taskNames,
    mapping,
    stats: kernel.stats,
    lines: { tick, io, sporadic },
    releaseQuantisation: releases === 'exact' ? { kind: 'exact' } : { kind: 'tick', tickUs: 1e6 / workload.tickHz, tickPeriodCycles: tickPeriodCycles(engine.target, workload.tickHz) },
    footprint: () => (footprint ??= mosFootprint(engine.target, mosLayout(workload, mapping, lineCount, defaultOwn))),
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
    // Quiet: it counts the nesting and queues segments, which nothing reads before they run.
    quietHandler: true,
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
    // Quiet: the timers it counts change only in its own onScanned, so counting them at the entry's start reads the same.
    quietHandler: true,
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
