/**
 * The row shapes of the paper's experiments (issue "Experiments, the kbench command, results and
 * the generated report"): what `results/<id>.json` holds and what the report's figures and claim
 * verdicts read. An experiment's `columns` list these keys in this order. Times in microseconds.
 * Type aliases rather than interfaces so that they are assignable to `Row` (an index signature).
 */

/** How an experiment frames an OS's scheduling (the paper analyses uC/OS-II and uKernel as EDF). */
export const FRAMINGS = ['fixed-priority', 'dynamic-priority'] as const;

/** A framing. */
export type Framing = (typeof FRAMINGS)[number];

/**
 * fig1: max interrupt-disable time against the number of running tasks. `maxIrqOffUs` is the kernel
 * as its port nests interrupts (`nesting`, on the `nestingBasis` kernels/profiles/nesting.ts gives);
 * the two variant columns are the same run with nesting forced on and off.
 */
export type Fig1Row = {
  readonly target: string;
  readonly profile: string;
  readonly tasks: number;
  readonly maxIrqOffUs: number;
  readonly nesting: 'on' | 'off';
  readonly nestingBasis: 'cited' | 'default';
  readonly irqOffNestingOnUs: number;
  readonly irqOffNestingOffUs: number;
};

/** fig2: task-switch time against the number of running tasks. */
export type Fig2Row = {
  readonly target: string;
  readonly profile: string;
  readonly tasks: number;
  readonly switchMeanUs: number;
  readonly switchMinUs: number;
  readonly switchMaxUs: number;
};

/** table2: code and RAM per profile, with the paper's KB (null where it has none, e.g. MOS or the M4). */
export type Table2Row = {
  readonly target: string;
  readonly profile: string;
  readonly codeBytes: number;
  readonly ramBytes: number;
  readonly paperKB: number | null;
};

/**
 * fig3 and fig4: one simulated task set (a seed) of one series at one payload. `input*` is the
 * delay from a task's input event (its line's raise) to its output pin, `result*` from the tick
 * that released the job to its result; per set the mean over every job, the longest, and the
 * largest per-task jitter (max - min). Rows of the same target, payload and seed ran the same task
 * set, so series compare pairwise by seed. `thresholdsAssigned` says whether the set ran the
 * paper's run-to-completion thresholds (variant 'thresholds' on a set schedulable fully preemptive).
 */
export type IoRow = {
  readonly target: string;
  readonly profile: string;
  readonly framing: Framing;
  readonly variant: 'plain' | 'thresholds';
  readonly payload: number;
  readonly seed: number;
  readonly inputDelayMeanUs: number;
  readonly inputDelayMaxUs: number;
  readonly inputJitterUs: number;
  readonly resultDelayMeanUs: number;
  readonly resultDelayMaxUs: number;
  readonly resultJitterUs: number;
  /** Tasks that drove no result in the run (starved by overload), left out of the delays. */
  readonly silentTasks: number;
  readonly thresholdsAssigned: boolean;
};

/** bounds: simulated max I/O delay against an analytic bound, over every simulated task set. */
export type BoundsRow = {
  readonly target: string;
  readonly profile: string;
  readonly variant: 'paper' | 'corrected';
  readonly taskSets: number;
  readonly violations: number;
};

/** breakdown: the highest utilisation at which the meter workload stays schedulable. */
export type BreakdownRow = {
  readonly target: string;
  readonly profile: string;
  readonly utilisation: number;
};
