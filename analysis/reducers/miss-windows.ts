import type { Engine } from '../../hardware/engine.ts';
import { type ProbeEventType, type ProbeListener } from '../../hardware/probe.ts';
import { EV_JOB_END, EV_JOB_LOST, EV_JOB_RELEASE } from '../../hardware/probe-codes.ts';
import { usToCycles, type Cycles } from '../../hardware/units.ts';
import { deadlineUs } from '../../workloads/execution.ts';
import type { Workload } from '../../workloads/types.ts';
import { CycleLedger, ledgerDelta, type LedgerSnapshot } from './cycle-ledger.ts';
import type { ReducerFactory } from './reducer.ts';

/*
 * The jobs that missed their deadline, each with what ran in its window: from its arrival to its
 * deadline (arrival + D), the cycles of every task, interrupt handler, the kernel and idle
 * (cycle-ledger.ts). A job misses when it ends after its deadline or is still unfinished past it
 * when the run stops. The ledger is read by engine timers at each deadline of a job still open and
 * at each periodic task's next arrival; a job released at another instant than its predicted
 * arrival (a sporadic or I/O job, or release jitter) has its window start at its release instead.
 * The first MAX_EXPLAINED misses are kept in full, the rest counted. A job lost to its APP's
 * suspension (JobLost) never ends and is no miss: it leaves the open jobs and is counted apart.
 */

/** Misses explained in full; later ones are only counted (a run that misses at all usually misses the same way). */
export const MAX_EXPLAINED_MISSES = 20;

/** One missed job and what ran in [release, deadline]. */
export interface MissedJob {
  readonly task: string;
  /** The task's job number, 0 for its first release. */
  readonly job: number;
  readonly arrivalCycles: Cycles;
  /** When the kernel made it ready (a tick kernel may be late). */
  readonly releaseCycles: Cycles;
  readonly deadlineCycles: Cycles;
  /** Start of the window: the arrival, or the release when no reading was taken at the arrival. */
  readonly windowStartCycles: Cycles;
  /** When it ended; null when still unfinished at the end of the run. */
  readonly endCycles: Cycles | null;
  /** Cycles in the window by task index, line id, kernel, idle (sums to deadline - window start). */
  readonly window: LedgerSnapshot;
}

/** The explained misses, how many jobs missed in all, and how many were lost to their APP's suspension (not misses). */
export interface MissWindows {
  readonly jobs: readonly MissedJob[];
  readonly total: number;
  readonly lostJobs: number;
}

/** Ledger readings at the start and the end of a job's window. */
interface WindowReadings {
  atStart: LedgerSnapshot | undefined;
  atDeadline: LedgerSnapshot | undefined;
  /** Set when the job ended: a reading at its deadline is then not needed. */
  ended: boolean;
}

interface OpenJob {
  readonly job: number;
  readonly arrival: Cycles;
  readonly release: Cycles;
  readonly deadline: Cycles;
  readonly windowStart: Cycles;
  readonly readings: WindowReadings;
}

/** A task's relative deadline and, for a periodic task, its period, in cycles. */
export interface TaskTiming {
  readonly deadlineCycles: Cycles | undefined;
  readonly periodCycles: Cycles | undefined;
}

/** Keeps each open job's ledger at its release and deadline, and turns the late ones into MissedJobs. */
export class MissWindowReducer implements ProbeListener {
  private readonly open: OpenJob[][] = [];
  private readonly released: number[] = [];
  readonly missed: MissedJob[] = [];
  total = 0;
  lostJobs = 0;
  private ledger: CycleLedger | undefined;
  private engine: Engine | undefined;
  private taskNames: readonly string[] = [];
  /** Events of the kernel's boot, before the engine is known: replayed once it is (the engine has not run yet, so no cycle is missed). */
  private readonly beforeStart: [ProbeEventType, Cycles, number, number][] = [];

  /** Per periodic task, readings taken at its arrivals (and their deadlines) not yet released, by arrival. */
  private readonly atArrivals: Map<Cycles, WindowReadings>[] = [];

  constructor(private readonly timingOf: (task: string, engine: Engine) => TaskTiming) {}

  private timings: TaskTiming[] = [];

  /** Starts the ledger on the booted engine. */
  start(engine: Engine, taskNames: readonly string[]): void {
    this.engine = engine;
    this.taskNames = taskNames;
    this.timings = taskNames.map((name) => this.timingOf(name, engine));
    this.ledger = new CycleLedger(engine.cpu);
    for (const [type, time, subject, data] of this.beforeStart.splice(0)) this.onEvent(type, time, subject, data);
  }

  onEvent(type: ProbeEventType, time: Cycles, subject: number, data: number): void {
    const ledger = this.ledger;
    if (ledger === undefined) {
      this.beforeStart.push([type, time, subject, data]);
      return;
    }
    ledger.onEvent(type, subject);
    if (type === EV_JOB_RELEASE) this.release(subject, time, data);
    else if (type === EV_JOB_END) {
      const job = this.open[subject]?.shift();
      if (job === undefined) return;
      job.readings.ended = true;
      if (time > job.deadline) this.miss(subject, job, time);
    } else if (type === EV_JOB_LOST) this.lose(subject, data);
  }

  /** A job of `task` due at `arrival` is lost: open, it is closed without a miss; never released, its reading at the arrival is dropped. */
  private lose(task: number, arrival: Cycles): void {
    this.lostJobs++;
    this.atArrivals[task]?.delete(arrival);
    const open = this.open[task];
    const at = open === undefined ? -1 : open.findIndex((job) => job.arrival === arrival);
    if (at < 0) return;
    const [job] = (open as OpenJob[]).splice(at, 1);
    // Ended for the ledger: no reading at its deadline is needed.
    if (job !== undefined) job.readings.ended = true;
  }

  /** Jobs still open past their deadline at `now` count as misses, unfinished. */
  finish(now: Cycles): void {
    this.open.forEach((jobs, task) => {
      for (const job of jobs) if (now > job.deadline) this.miss(task, job, null);
    });
    this.open.length = 0;
  }

  private release(task: number, time: Cycles, arrival: Cycles): void {
    const engine = this.engine as Engine;
    const ledger = this.ledger as CycleLedger;
    const timing = this.timings[task] ?? { deadlineCycles: undefined, periodCycles: undefined };
    const job = this.released[task] ?? 0;
    this.released[task] = job + 1;
    const d = timing.deadlineCycles;
    if (d === undefined) return;
    const deadline = arrival + d;
    const arrivals = (this.atArrivals[task] ??= new Map());
    const predicted = arrivals.get(arrival);
    arrivals.delete(arrival);
    if (predicted !== undefined) {
      (this.open[task] ??= []).push({ job, arrival, release: time, deadline, windowStart: arrival, readings: predicted });
      return;
    }
    // Past the explained misses the ledger is no longer read: the rest are only counted.
    const explaining = this.explaining();
    const readings: WindowReadings = { atStart: explaining ? ledger.snapshot() : undefined, atDeadline: undefined, ended: false };
    (this.open[task] ??= []).push({ job, arrival, release: time, deadline, windowStart: time, readings });
    if (!explaining) return;
    this.readAt(deadline, readings);
    // A periodic task's later arrivals are read as they come, whether or not the kernel releases the job then.
    const period = timing.periodCycles;
    if (period !== undefined && job === 0) this.readArrivals(arrivals, arrival + period, period, d);
  }

  private explaining(): boolean {
    return this.missed.length < MAX_EXPLAINED_MISSES;
  }

  /** Reads the ledger into `readings.atDeadline` at `deadline` (now, if it has passed). */
  private readAt(deadline: Cycles, readings: WindowReadings): void {
    const engine = this.engine as Engine;
    const ledger = this.ledger as CycleLedger;
    if (deadline <= engine.now) readings.atDeadline = ledger.snapshot();
    else engine.at(deadline, () => {
      if (!readings.ended) readings.atDeadline = ledger.snapshot();
    });
  }

  /** Reads the ledger at each arrival from `arrival` on, every `period`, and at each arrival's deadline, while misses are being explained. */
  private readArrivals(arrivals: Map<Cycles, WindowReadings>, arrival: Cycles, period: Cycles, deadline: Cycles): void {
    (this.engine as Engine).at(arrival, () => {
      if (!this.explaining()) return;
      const readings: WindowReadings = { atStart: (this.ledger as CycleLedger).snapshot(), atDeadline: undefined, ended: false };
      arrivals.set(arrival, readings);
      this.readAt(arrival + deadline, readings);
      this.readArrivals(arrivals, arrival + period, period, deadline);
    });
  }

  private miss(task: number, job: OpenJob, end: Cycles | null): void {
    this.total++;
    const { atStart, atDeadline } = job.readings;
    if (!this.explaining() || atStart === undefined || atDeadline === undefined) return;
    // A job released after its deadline, with no reading at its arrival, has an empty window.
    const window = job.windowStart >= job.deadline ? ledgerDelta(atStart, atStart) : ledgerDelta(atStart, atDeadline);
    this.missed.push({ task: this.taskNames[task] ?? `task ${task}`, job: job.job, arrivalCycles: job.arrival, releaseCycles: job.release, deadlineCycles: job.deadline, windowStartCycles: job.windowStart, endCycles: end, window });
  }
}

/** The run's missed jobs, the first MAX_EXPLAINED_MISSES with what ran in their window. */
export function missWindows(): ReducerFactory<MissWindows> {
  return (workload: Workload) => {
    const reducer = new MissWindowReducer((task, engine) => {
      const spec = workload.tasks.find((t) => t.name === task);
      const d = spec === undefined ? undefined : deadlineUs(spec, workload);
      const periodic = spec?.trigger.kind === 'periodic' && (spec.releaseJitterUs ?? 0) === 0 ? spec.trigger.periodUs : undefined;
      return { deadlineCycles: d === undefined ? undefined : usToCycles(engine.target, d), periodCycles: periodic === undefined ? undefined : usToCycles(engine.target, periodic) };
    });
    return {
      listener: reducer,
      booted: (system) => reducer.start(system.engine, system.taskNames),
      result: (end) => {
        reducer.finish(end.engine.now);
        return { jobs: reducer.missed, total: reducer.total, lostJobs: reducer.lostJobs };
      },
    };
  };
}
