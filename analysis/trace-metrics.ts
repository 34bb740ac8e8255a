import type { Target } from '../hardware/target.ts';
import { cyclesToUs, type Cycles } from '../hardware/units.ts';
import { cpuSplit, type CpuSplit, deadlineMisses, interruptLatency, maskedIntervals, type ReducerResults, releasePlacement, type SpanStats, taskIoDelay, taskSwitch } from './reducers/index.ts';

/*
 * The metrics of one run as `kbench run` reports them (issue 5): max interrupt-disable time,
 * interrupt latency, task-switch time, per-task I/O delay, jitter and deadline misses, and the CPU
 * split, each from its reducer (analysis/reducers/), in microseconds.
 */

/** Min, mean and max of a span in microseconds; null fields when nothing was measured. */
export interface SpanUs {
  readonly count: number;
  readonly minUs: number | null;
  readonly meanUs: number | null;
  readonly maxUs: number | null;
}

/** One task's I/O timing: from its release (or its I/O line's interrupt) to its `io-out`. */
export interface TaskMetrics {
  readonly task: string;
  readonly releases: number;
  readonly ioDelay: SpanUs;
  /** Max minus min I/O delay; null before two outputs. */
  readonly ioJitterUs: number | null;
  readonly deadlineMisses: number;
  /** Jobs still unfinished past their deadline when the run ended (they report no miss themselves). */
  readonly overdueAtEnd: number;
  /** Jobs lost to their APP's suspension (open at it, or due while it lasted): neither completed nor missed. */
  readonly lostJobs: number;
}

/** What `kbench run` prints. */
export interface TraceMetrics {
  readonly maxIrqOffUs: number | null;
  readonly irqLatency: SpanUs;
  /** Switch-out of the paused task to the first instruction of the next (the paper's definition). */
  readonly taskSwitch: SpanUs;
  readonly tasks: readonly TaskMetrics[];
  readonly cpuPercent: CpuSplit;
}

/** The reducers behind `kbench run`'s metrics, with the kernel's release placement. */
export function traceMetricReducers() {
  return {
    masked: maskedIntervals(),
    irqLatency: interruptLatency(),
    taskSwitch: taskSwitch(),
    ioDelay: taskIoDelay('arrival'),
    deadlines: deadlineMisses(),
    cpu: cpuSplit(),
    releases: releasePlacement(),
  };
}

/** The results of `traceMetricReducers()`. */
export type TraceResults = ReducerResults<ReturnType<typeof traceMetricReducers>>;

/** Cycles to microseconds on `target`, to the nanosecond. */
function us(target: Target, c: Cycles): number {
  return Math.round(cyclesToUs(target, c) * 1000) / 1000;
}

/** A span's figures in microseconds on `target`; null fields when nothing was measured. */
export function spanUs(target: Target, stats: SpanStats): SpanUs {
  if (stats.count === 0) return { count: 0, minUs: null, meanUs: null, maxUs: null };
  return { count: stats.count, minUs: us(target, stats.min), meanUs: us(target, stats.mean), maxUs: us(target, stats.max) };
}

/** The run's metrics in microseconds on `target`, from the results of `traceMetricReducers()`. */
export function traceMetrics(target: Target, results: TraceResults): TraceMetrics {
  return {
    maxIrqOffUs: spanUs(target, results.masked).maxUs,
    irqLatency: spanUs(target, results.irqLatency),
    taskSwitch: spanUs(target, results.taskSwitch),
    tasks: results.ioDelay.map(({ task, delay }, i) => {
      const ioDelay = spanUs(target, delay);
      const jobs = results.deadlines[i];
      return {
        task,
        releases: jobs?.releases ?? 0,
        ioDelay,
        ioJitterUs: ioDelay.count < 2 ? null : Math.round(((ioDelay.maxUs ?? 0) - (ioDelay.minUs ?? 0)) * 1000) / 1000,
        deadlineMisses: jobs?.misses ?? 0,
        overdueAtEnd: jobs?.overdueAtEnd ?? 0,
        lostJobs: jobs?.lostJobs ?? 0,
      };
    }),
    cpuPercent: results.cpu,
  };
}
