import type { SystemModel } from '../system/model.ts';
import type { Workload } from '../workloads/types.ts';
import type { BlockingSource } from './blocking.ts';
import { mutexServiceCycles } from './from-system.ts';
import type { TaskSetModel } from './model.ts';
import { isReleaseLoad, KERNEL_TICK_LOAD } from './overheads.ts';
import { edfResponseTerms, fpResponseTerms, type ResponseTerms } from './response-terms.ts';

/*
 * A worst-case response time as an architect reads it: the terms of its fixed point
 * (response-terms.ts) with the kernel's costs split back out of the model's folded ones
 * (overheads.ts and from-system.ts say what was folded where). Every cycle of the bound is in
 * exactly one field, so the fields sum to the WCRT (`explainedTotal`).
 */

/** Jobs of one other task, or occurrences of one interrupt line, in the worst job's window: jobs x cost, the kernel's share left out. */
export interface ExplainedInterference {
  readonly name: string;
  readonly jobs: number;
  readonly costCycles: number;
  readonly cycles: number;
}

/** The kernel's part of a bound, per overhead of the record (system/model.ts KernelCosts). */
export interface KernelTerms {
  /** The tick ISR's work. */
  readonly tickCycles: number;
  /** Making jobs ready. */
  readonly releaseCycles: number;
  /** Two switches per job counted. */
  readonly switchCycles: number;
  /** The service that ends each job counted. */
  readonly jobEndCycles: number;
  /** Interrupt entry and exit of every interrupt counted, the tick's included. */
  readonly isrEntryExitCycles: number;
  /** The kernel's longest masked section, when it is the blocking. */
  readonly criticalSectionCycles: number;
  /** Mutex lock and unlock services of the jobs counted. */
  readonly mutexServiceCycles: number;
}

/** One task's WCRT taken apart; the fields sum to `wcrtCycles`. */
export interface ExplainedBound {
  readonly task: string;
  readonly wcrtCycles: number;
  /** The worst job arrives this far into its busy period (FP: k T_i; EDF: Spuri's offset); subtracted. */
  readonly offsetCycles: number;
  /** Its own execution (the workload's worst case on the target). */
  readonly ownExecutionCycles: number;
  /** Earlier jobs of the same task in the busy period, and their execution. */
  readonly earlierOwnJobs: number;
  readonly earlierOwnCycles: number;
  /** Higher-priority (FP) or earlier-deadline (EDF) tasks. */
  readonly interference: readonly ExplainedInterference[];
  /** The workload's interrupt lines (their handlers' own work). */
  readonly interrupts: readonly ExplainedInterference[];
  /** Less urgent tasks holding the CPU or a mutex at the release (the kernel's masked section is under `kernel`). */
  readonly blocking: readonly BlockingSource[];
  readonly jitterCycles: number;
  readonly kernel: KernelTerms;
}

/** What the overhead-aware model folded into each job and interrupt, to split it back out. */
interface Shares {
  readonly switchCycles: number;
  readonly jobEndCycles: number;
  readonly isrWrapCycles: number;
  readonly tickCycles: number;
  readonly releaseCycles: number;
  readonly mutexCycles: (task: string) => number;
  readonly releasingLines: ReadonlySet<string>;
}

const NO_KERNEL: Shares = { switchCycles: 0, jobEndCycles: 0, isrWrapCycles: 0, tickCycles: 0, releaseCycles: 0, mutexCycles: () => 0, releasingLines: new Set() };

/** The shares `withOverheads` and `modelFromSystem` folded in for this system (none for the bare task set). */
function sharesOf(workload: Workload, system: SystemModel | undefined, releasingLines: ReadonlySet<string>): Shares {
  if (system === undefined) return NO_KERNEL;
  const o = system.overheads;
  return {
    switchCycles: 2 * o.switchCycles,
    jobEndCycles: o.jobEndCycles,
    isrWrapCycles: o.isrEntryCycles + o.isrExitCycles,
    tickCycles: o.tickCycles,
    releaseCycles: o.releaseCycles,
    mutexCycles: (task) => {
      const spec = workload.tasks.find((t) => t.name === task);
      return spec === undefined ? 0 : mutexServiceCycles(spec, system);
    },
    releasingLines,
  };
}

/** Accumulates kernel cycles by term. */
class KernelTally {
  tick = 0;
  release = 0;
  switches = 0;
  jobEnd = 0;
  isr = 0;
  section = 0;
  mutex = 0;

  constructor(private readonly shares: Shares) {}

  /** `jobs` jobs of `task`: returns what is left of `costCycles` per job once the kernel's shares are taken. */
  jobs(task: string, jobs: number, costCycles: number): number {
    const mutex = this.shares.mutexCycles(task);
    this.switches += jobs * this.shares.switchCycles;
    this.jobEnd += jobs * this.shares.jobEndCycles;
    this.mutex += jobs * mutex;
    return costCycles - this.shares.switchCycles - this.shares.jobEndCycles - mutex;
  }

  /** `n` occurrences of interrupt load `name`: returns the handler's own cost per occurrence (0 for kernel loads). */
  interrupt(name: string, n: number, costCycles: number): number {
    if (name === KERNEL_TICK_LOAD) {
      this.isr += n * this.shares.isrWrapCycles;
      this.tick += n * (costCycles - this.shares.isrWrapCycles);
      return 0;
    }
    if (isReleaseLoad(name)) {
      this.release += n * costCycles;
      return 0;
    }
    const release = this.shares.releasingLines.has(name) ? this.shares.releaseCycles : 0;
    this.isr += n * this.shares.isrWrapCycles;
    this.release += n * release;
    return costCycles - this.shares.isrWrapCycles - release;
  }

  terms(): KernelTerms {
    return { tickCycles: this.tick, releaseCycles: this.release, switchCycles: this.switches, jobEndCycles: this.jobEnd, isrEntryExitCycles: this.isr, criticalSectionCycles: this.section, mutexServiceCycles: this.mutex };
  }
}

/** Splits the terms of a fixed point into execution, interference, blocking, jitter and kernel terms. */
function explainTerms(terms: ResponseTerms, shares: Shares): ExplainedBound {
  const kernel = new KernelTally(shares);
  const own = kernel.jobs(terms.task, 1, terms.ownCycles);
  const earlierEach = kernel.jobs(terms.task, terms.earlierOwnJobs, terms.ownCycles);
  const interference: ExplainedInterference[] = [];
  const interrupts: ExplainedInterference[] = [];
  for (const s of terms.interference) {
    if (s.kind === 'task') {
      const each = kernel.jobs(s.name, s.jobs, s.costCycles);
      interference.push({ name: s.name, jobs: s.jobs, costCycles: each, cycles: s.jobs * each });
    } else {
      const each = kernel.interrupt(s.name, s.jobs, s.costCycles);
      if (each > 0 || !isKernelLoad(s.name)) interrupts.push({ name: s.name, jobs: s.jobs, costCycles: each, cycles: s.jobs * each });
    }
  }
  const blocking: BlockingSource[] = [];
  for (const source of terms.blocking.sources) {
    if (source.kind === 'kernel-section') kernel.section += source.cycles;
    else blocking.push(source);
  }
  return {
    task: terms.task,
    wcrtCycles: terms.wcrtCycles,
    offsetCycles: terms.offsetCycles,
    ownExecutionCycles: own,
    earlierOwnJobs: terms.earlierOwnJobs,
    earlierOwnCycles: terms.earlierOwnJobs * earlierEach,
    interference,
    interrupts,
    blocking,
    jitterCycles: terms.jitterCycles,
    kernel: kernel.terms(),
  };
}

/** Whether an interrupt load is the kernel's own (the tick, a release) rather than a workload line. */
function isKernelLoad(name: string): boolean {
  return name === KERNEL_TICK_LOAD || isReleaseLoad(name);
}

/** The sum of every field of an explanation: equal to its WCRT by construction (tests hold it to that). */
export function explainedTotal(e: ExplainedBound): number {
  let sum = e.ownExecutionCycles + e.earlierOwnCycles - e.offsetCycles + e.jitterCycles;
  for (const s of [...e.interference, ...e.interrupts, ...e.blocking]) sum += s.cycles;
  for (const cycles of Object.values(e.kernel)) sum += cycles;
  return sum;
}

/**
 * Each task's corrected WCRT taken apart (null where it is unbounded or, under EDF, only the coarser
 * fallback bound exists), for `model` built from `workload` (and `system`, whose overheads it folds in).
 */
export function explainBounds(model: TaskSetModel, policy: 'fp' | 'edf', workload: Workload, system: SystemModel | undefined, releasingLines: ReadonlySet<string>): (ExplainedBound | null)[] {
  const shares = sharesOf(workload, system, releasingLines);
  return model.tasks.map((_, i) => {
    const terms = policy === 'fp' ? fpResponseTerms(model, i) : edfResponseTerms(model, i);
    return terms === undefined ? null : explainTerms(terms, shares);
  });
}
