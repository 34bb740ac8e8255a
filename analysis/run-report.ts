import type { Target } from '../hardware/target.ts';
import { cyclesToUs, type Cycles } from '../hardware/units.ts';
import { backlog, HISTOGRAM_BINS, lineLatency, missWindows, responseProfile, type BootedView, type LedgerSnapshot, type Reducer, type ReducerResults } from './reducers/index.ts';
import { spanUs, type SpanUs } from './trace-metrics.ts';

/*
 * What `kbench run` reports beyond the trace metrics (issue 12): each task's response times with a
 * histogram, each interrupt line's latency, the missed jobs with what ran in their window, and an
 * overload warning by a stated rule. All in microseconds of the run's target.
 */

/** One task's response times from true arrival to job end, with a histogram over its deadline. */
export interface TaskResponseReport {
  readonly task: string;
  readonly response: SpanUs;
  /**
   * Responses per bin: `counts[k]` holds those in (edgesUs[k], edgesUs[k + 1]]; the last count
   * holds those above the deadline, `edgesUs` at its end. Null for a task without a deadline.
   */
  readonly histogram: { readonly edgesUs: readonly number[]; readonly counts: readonly number[] } | null;
}

/** One interrupt line's latency: raised to handler entered. */
export interface LineLatencyReport {
  readonly line: string;
  readonly latency: SpanUs;
}

/** Who ran in a missed job's window, and for how long. */
export interface WindowShare {
  readonly name: string;
  readonly kind: 'task' | 'isr' | 'kernel' | 'idle';
  readonly us: number;
}

/** A job that missed its deadline and what ran between its release and its deadline. */
export interface MissedJobReport {
  readonly task: string;
  /** 0 for the task's first job. */
  readonly job: number;
  readonly arrivalUs: number;
  readonly releaseUs: number;
  readonly deadlineUs: number;
  /** Start of the window `ranInWindow` covers: the arrival, or the release when the arrival could not be read (a sporadic or I/O job). */
  readonly windowStartUs: number;
  /** Null when it had not ended when the run stopped. */
  readonly endUs: number | null;
  /** Largest first; sums to deadline - window start. */
  readonly ranInWindow: readonly WindowShare[];
}

/** A sign that the system cannot keep up, with the rule that raised it. */
export interface OverloadWarning {
  readonly rule: 'utilisation' | 'backlog';
  readonly message: string;
}

/** The reducers behind the run report, for a run of `horizonCycles`. */
export function runReportReducers(horizonCycles: Cycles) {
  return {
    responses: responseProfile(),
    lineLatency: lineLatency(),
    misses: missWindows(),
    backlog: backlog(horizonCycles),
    names: (): Reducer<BootedView> => ({ result: (end) => ({ taskNames: end.taskNames, lines: end.lines }) }),
  };
}

/** The results of `runReportReducers()`. */
export type RunReportResults = ReducerResults<ReturnType<typeof runReportReducers>>;

/** The report part of `kbench run`'s output. */
export interface RunReport {
  readonly responseTimes: readonly TaskResponseReport[];
  readonly irqLatencyByLine: readonly LineLatencyReport[];
  /** `lostJobs`: jobs lost to their APP's suspension, which never end and are no misses. */
  readonly missedJobs: { readonly explained: readonly MissedJobReport[]; readonly total: number; readonly lostJobs: number };
  readonly overload: readonly OverloadWarning[];
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** A window's cycles as named shares, the largest first, zero ones left out. */
function shares(target: Target, w: LedgerSnapshot, taskNames: readonly string[], lineNames: ReadonlyMap<number, string>): WindowShare[] {
  const rows: WindowShare[] = [];
  const add = (name: string, kind: WindowShare['kind'], cycles: number): void => {
    if (cycles !== 0) rows.push({ name, kind, us: round(cyclesToUs(target, cycles)) });
  };
  w.tasks.forEach((c, i) => add(taskNames[i] ?? 'idle task', 'task', c));
  w.lines.forEach((c, id) => add(`ISR ${lineNames.get(id) ?? id}`, 'isr', c));
  add('ISR entry (handler not yet known at the window edge)', 'isr', w.isrEntering);
  add('kernel', 'kernel', w.kernel);
  add('idle', 'idle', w.idle);
  return rows.sort((a, b) => b.us - a.us);
}

/**
 * The run report in microseconds on `target`. `utilisation` is the task set's utilisation with the
 * kernel's overheads folded in (analysis/from-system.ts), null when it cannot be analysed.
 */
export function runReport(target: Target, results: RunReportResults, utilisation: number | null): RunReport {
  const { taskNames, lines } = results.names;
  const us = (c: Cycles): number => round(cyclesToUs(target, c));
  const lineNames = new Map([...lines].map(([name, id]) => [id, name]));
  const overload: OverloadWarning[] = [];
  if (utilisation !== null && utilisation > 1) {
    overload.push({ rule: 'utilisation', message: `utilisation with the kernel's overheads is ${round(utilisation * 100)}% > 100%: the tasks ask for more than the CPU` });
  }
  const growing = results.backlog.filter((b) => b.end > 1 && b.end > b.halfway);
  if (growing.length > 0) {
    overload.push({ rule: 'backlog', message: `backlog growing: ${growing.map((b) => `${b.task} has ${b.end} jobs waiting at the end, ${b.halfway} halfway`).join('; ')} (rule: more than one job waiting at the end, and more than halfway through)` });
  }
  return {
    responseTimes: results.responses.map((r) => ({
      task: r.task,
      response: spanUs(target, r.stats),
      histogram: r.deadlineCycles === null ? null : { edgesUs: Array.from({ length: HISTOGRAM_BINS + 1 }, (_, k) => us(((r.deadlineCycles as number) * k) / HISTOGRAM_BINS)), counts: r.histogram },
    })),
    irqLatencyByLine: results.lineLatency.map((l) => ({ line: l.line, latency: spanUs(target, l.stats) })),
    missedJobs: {
      total: results.misses.total,
      lostJobs: results.misses.lostJobs,
      explained: results.misses.jobs.map((m) => ({
        task: m.task,
        job: m.job,
        arrivalUs: us(m.arrivalCycles),
        releaseUs: us(m.releaseCycles),
        deadlineUs: us(m.deadlineCycles),
        windowStartUs: us(m.windowStartCycles),
        endUs: m.endCycles === null ? null : us(m.endCycles),
        ranInWindow: shares(target, m.window, taskNames, lineNames),
      })),
    },
    overload,
  };
}
