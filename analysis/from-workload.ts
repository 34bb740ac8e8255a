import type { Target } from '../hardware/target.ts';
import { usToCycles } from '../hardware/units.ts';
import { bestCycles, criticalSectionCycles, deadlineUs, releaseJitterUs, taskSpacingUs, worstCycles } from '../workloads/execution.ts';
import { scaleCycles } from '../workloads/scaling.ts';
import { checkWorkloadOnTarget } from '../workloads/target-fit.ts';
import type { Workload } from '../workloads/types.ts';
import type { AnalysisTask, InterruptLoad, TaskSetModel } from './model.ts';

/** A workload as an analysis model on a target, with what could not be bounded. */
export interface WorkloadModel {
  readonly model: TaskSetModel;
  /** Names of tasks and interrupt lines with no minimum inter-arrival (random arrivals): nothing below them is bounded. */
  readonly unbounded: readonly string[];
  /** Interrupt lines that release a task (they pay a release in the overhead-aware analysis). */
  readonly releasingLines: ReadonlySet<string>;
}

/**
 * Builds the analysis model of `workload` on `target`: periods and deadlines from us to the target's
 * cycles, execution scaled from the reference target by `workloads/scaling.ts`, interrupt lines as
 * interrupt loads. Periodic tasks and lines are strictly periodic; sporadic and I/O-triggered ones are not.
 * Throws `WorkloadError` naming the field when the workload does not fit the target (as a kernel boot does).
 */
export function modelFromWorkload(workload: Workload, target: Target): WorkloadModel {
  checkWorkloadOnTarget(workload, target);
  const scale = (cycles: number): number => scaleCycles(cycles, workload.referenceTarget, target);
  const unbounded: string[] = [];
  const interrupts: InterruptLoad[] = [];
  for (const line of workload.ioLines ?? []) {
    if (line.arrival.kind === 'random') {
      unbounded.push(line.name);
      continue;
    }
    const spacingUs = line.arrival.kind === 'periodic' ? line.arrival.periodUs : line.arrival.minInterArrivalUs;
    const cost = scale(line.isrCycles);
    const firstArrivalCycles = line.arrival.kind === 'periodic' ? usToCycles(target, line.arrival.offsetUs ?? 0) : 0;
    interrupts.push({ name: line.name, periodCycles: usToCycles(target, spacingUs), costCycles: cost, bestCostCycles: cost, releaseJitterCycles: 0, strictlyPeriodic: line.arrival.kind === 'periodic', firstArrivalCycles });
  }
  const tasks: AnalysisTask[] = [];
  for (const spec of workload.tasks) {
    const spacingUs = taskSpacingUs(spec, workload);
    if (spacingUs === undefined) {
      unbounded.push(spec.name);
      continue;
    }
    const wcet = worstCycles(spec, scale);
    const sections: Record<string, number> = {};
    for (const [mutex, cycles] of criticalSectionCycles(spec.body, scale)) sections[mutex] = cycles;
    const trigger = spec.trigger;
    const lineArrival = trigger.kind === 'io' ? workload.ioLines?.find((l) => l.name === trigger.line)?.arrival : undefined;
    const strictlyPeriodic = trigger.kind === 'periodic' || lineArrival?.kind === 'periodic';
    const offsetUs = trigger.kind === 'periodic' ? trigger.offsetUs : lineArrival?.kind === 'periodic' ? lineArrival.offsetUs : undefined;
    tasks.push({
      name: spec.name,
      priority: spec.priority,
      thresholdPriority: spec.preemptionThreshold ?? spec.priority,
      periodCycles: usToCycles(target, spacingUs),
      deadlineCycles: usToCycles(target, deadlineUs(spec, workload) ?? spacingUs),
      wcetCycles: wcet,
      bcetCycles: Math.min(wcet, bestCycles(spec, scale)),
      preemptibleCycles: spec.preemptibleCycles === undefined ? wcet : Math.min(wcet, scale(spec.preemptibleCycles)),
      releaseJitterCycles: usToCycles(target, releaseJitterUs(spec)),
      strictlyPeriodic,
      firstArrivalCycles: usToCycles(target, offsetUs ?? 0),
      criticalSectionCycles: sections,
    });
  }
  const releasingLines = new Set(workload.tasks.flatMap((t) => (t.trigger.kind === 'io' ? [t.trigger.line] : [])));
  return { model: { tasks, interrupts, kernelBlockingCycles: 0 }, unbounded, releasingLines };
}
