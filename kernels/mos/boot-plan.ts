import { SegmentKind } from '../../hardware/exec-context.ts';
import type { IrqSourceSpec } from '../../hardware/irq-sources.ts';
import type { Target } from '../../hardware/target.ts';
import { usToCycles } from '../../hardware/units.ts';
import { deadlineUs } from '../../workloads/execution.ts';
import { scaleCycles } from '../../workloads/scaling.ts';
import type { IoLineSpec, Step, TaskSpec, Workload } from '../../workloads/types.ts';
import { ProfileLimitError } from '../core/validate.ts';
import { releaseTick } from '../release-ticks.ts';
import type { MosMapping, MosTaskPlace } from './config.ts';
import { mosPrices, type MosPrices } from './prices.ts';
import { StepKind, type StepPlan } from './task.ts';
import { memoByIdentity } from '../core/identity-memo.ts';

/*
 * What a MOS boot derives from its workload, mapping and target alone: each task's priced steps and
 * deadline, the tick's release countdowns, the I/O lines' sources and ISR cycles. None of it depends
 * on the engine, the seed or anything a run changes, so it is derived once per (workload, mapping,
 * target) and every boot reads the same frozen record; the mapping is itself derived once per
 * workload and config (config.ts `mappedWorkload`). Keyed by object identity, as all three are
 * read-only; a plan whose checks fail is not remembered (the next boot throws the same error).
 */

/** A periodic task's release on the tick, fixed before a run: the boot makes its countdown from it. */
export interface TimerPlan {
  readonly task: number;
  /** The countdown's first value: the first post comes on tick number firstCount - 1 (the tick at cycle 0 is number 0). */
  readonly firstCount: number;
  /** Ticks from job `job`'s release tick to the next job's (kernels/release-ticks.ts: no drift). */
  readonly reloadAfter: (job: number) => number;
  /** Job `job`'s arrival in cycles. */
  readonly arrivalOf: (job: number) => number;
}

/** One workload I/O line as MOS registers it. */
export interface IoLinePlan {
  readonly line: IoLineSpec;
  readonly source: IrqSourceSpec;
  readonly isrCycles: number;
  /** The tasks the line's ISR posts (those triggered by the line), by index. */
  readonly posted: readonly number[];
}

/** A MOS boot's derived, run-independent inputs (shared by every boot: read only). */
export interface MosBootPlan {
  readonly prices: MosPrices;
  readonly steps: readonly (readonly StepPlan[])[];
  readonly deadlineCycles: readonly number[];
  readonly timers: readonly TimerPlan[];
  readonly ioLines: readonly IoLinePlan[];
  readonly taskNames: readonly string[];
}

function fail(field: string, rule: string): never {
  throw new ProfileLimitError(`mos: ${field}: ${rule}`);
}

/** True when a task in `callerModule` may access an object owned by `ownerModule` (same user group, or no owner). */
function allowed(mapping: MosMapping, callerModule: number, ownerModule: number): boolean {
  return ownerModule < 0 || mapping.modules[callerModule]?.group === mapping.modules[ownerModule]?.group;
}

/** Prices one body step on `target`. */
function planStep(step: Step, mapping: MosMapping, place: MosTaskPlace, workload: Workload, p: MosPrices, target: Target): StepPlan {
  const object = step.op === 'send' || step.op === 'receive' ? mapping.busObjects.findIndex((o) => o.name === step.queue) : -1;
  switch (step.op) {
    case 'compute': {
      const cycles = scaleCycles(step.cycles, workload.referenceTarget, target);
      const bestCycles = Math.min(cycles, scaleCycles(step.bestCycles ?? step.cycles, workload.referenceTarget, target));
      return { kind: StepKind.Compute, cycles, bestCycles, segmentKind: SegmentKind.Task, maskedCycles: -1, object };
    }
    case 'io-out':
      return { kind: StepKind.IoOut, cycles: p.ioOut, bestCycles: p.ioOut, segmentKind: SegmentKind.Task, maskedCycles: -1, object };
    case 'receive':
      return { kind: StepKind.Receive, cycles: p.busCallCheck, bestCycles: p.busCallCheck, segmentKind: SegmentKind.Kernel, maskedCycles: p.busRead, object };
    case 'send': {
      const bus = mapping.busObjects[object];
      // mapWorkload has checked that every queue a step names is declared.
      if (bus === undefined) throw new Error(`mos: internal: bus object ${step.queue} missing`);
      // The check's cycles are spent on every access; its outcome depends only on the fixed groups, so it is decided here once.
      if (!allowed(mapping, place.module, bus.owner)) {
        return { kind: StepKind.SendRefused, cycles: p.busCallCheck + p.busRefuse, bestCycles: p.busCallCheck + p.busRefuse, segmentKind: SegmentKind.Kernel, maskedCycles: -1, object };
      }
      return { kind: StepKind.Send, cycles: p.busCallCheck, bestCycles: p.busCallCheck, segmentKind: SegmentKind.Kernel, maskedCycles: bus.receiver < 0 ? p.busWriteNoReceiver : p.busWritePost, object };
    }
    default:
      // mapWorkload has rejected every other step with a message naming the field.
      throw new Error(`mos: internal: step ${step.op} reached the planner`);
  }
}

/** Relative deadline in cycles as the schema and the analysis read it (the stated one, else the release spacing, an I/O task's line's included), else none. */
function deadlineCycles(task: TaskSpec, workload: Workload, target: Target): number {
  const us = deadlineUs(task, workload);
  return us === undefined ? Infinity : usToCycles(target, us);
}

/** The interrupt source of an I/O line on `target`. */
function ioSource(line: IoLineSpec, target: Target): IrqSourceSpec {
  const c = (us: number): number => usToCycles(target, us);
  const a = line.arrival;
  if (a.kind === 'periodic') return { kind: 'periodic', periodCycles: c(a.periodUs), offsetCycles: c(a.offsetUs ?? 0) };
  if (a.kind === 'sporadic') return { kind: 'sporadic', minInterArrivalCycles: c(a.minInterArrivalUs), maxExtraCycles: c(a.maxExtraUs ?? 0) };
  return { kind: 'random', meanInterArrivalCycles: c(a.meanInterArrivalUs) };
}

/** Periodic release: a countdown per periodic task, decremented by the tick ISR, posting at zero; throws naming a period the tick cannot release. */
function timerPlans(workload: Workload, target: Target): TimerPlan[] {
  const timers: TimerPlan[] = [];
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
    timers.push(Object.freeze({ task: i, firstCount: tickOf(0) + 1, reloadAfter: (job: number) => tickOf(job + 1) - tickOf(job), arrivalOf: (job: number) => usToCycles(target, offsetUs + job * periodUs) }));
  });
  return timers;
}

/** Derives the plan, checking the periods as the boot always has. */
function derivePlan(workload: Workload, mapping: MosMapping, target: Target): MosBootPlan {
  const prices = mosPrices(target);
  const steps = workload.tasks.map((spec, i) => Object.freeze(spec.body.map((step) => Object.freeze(planStep(step, mapping, mapping.places[i] as MosTaskPlace, workload, prices, target)))));
  const timers = timerPlans(workload, target);
  const ioLines = (workload.ioLines ?? []).map((line): IoLinePlan => {
    const posted = workload.tasks.flatMap((t, i) => (t.trigger.kind === 'io' && t.trigger.line === line.name ? [i] : []));
    return Object.freeze({ line, source: Object.freeze(ioSource(line, target)), isrCycles: scaleCycles(line.isrCycles, workload.referenceTarget, target), posted: Object.freeze(posted) });
  });
  return Object.freeze({
    prices,
    steps: Object.freeze(steps),
    deadlineCycles: Object.freeze(workload.tasks.map((t) => deadlineCycles(t, workload, target))),
    timers: Object.freeze(timers),
    ioLines: Object.freeze(ioLines),
    taskNames: Object.freeze(workload.tasks.map((t) => t.name)),
  });
}

/** The plan of booting `workload` mapped as `mapping` on `target`; derived (and checked) on first use only. */
export const mosBootPlan: (workload: Workload, mapping: MosMapping, target: Target) => MosBootPlan = memoByIdentity(derivePlan);
