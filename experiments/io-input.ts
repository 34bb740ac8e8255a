import { inputToOutput } from '../analysis/reducers/index.ts';
import type { SpanStats } from '../analysis/reducers/index.ts';
import { withRunToCompletionThresholds } from '../analysis/thresholds.ts';
import { getTarget } from '../hardware/targets/index.ts';
import { cyclesToUs } from '../hardware/units.ts';
import type { OsProfile } from '../kernels/profiles/types.ts';
import type { Workload } from '../workloads/types.ts';
import { roundUs } from './contract.ts';
import { summariseSet, type SetIo, type TaskIo } from './io-sim.ts';
import { measureRun } from './measure-run.ts';
import type { Framing } from './paper-rows.ts';
import { HORIZON_CAP_MS, runHorizonMs } from './horizon.ts';

/*
 * The I/O figures' two delays (issue 11): the paper measured I/O delay with an oscilloscope on an
 * input and an output pin, so each task of a figure's set waits for an input event (an interrupt
 * line raised at each of its nominal releases, whose ISR only posts the task), drives its output
 * pin when it takes the input, does its work and drives its result. Input to output is the first
 * output's delay from the line's raise; release to result is the last output's delay from the tick
 * that released the job.
 */

/** Interrupt priority of the input lines: below the tick (0), so at a shared instant the tick releases the job first. */
export const INPUT_LINE_PRIORITY = 1;

/** The interrupt line whose raise is task `task`'s input event. */
export function inputLineOf(task: string): string {
  return `input:${task}`;
}

/**
 * `workload` (periodic tasks) with an input event per task: a line raised at each of the task's
 * nominal releases, whose ISR does nothing but post (its entry, exit and post are the kernel's,
 * priced by the target); each job waits for it (io-in), drives its output pin on taking it, then
 * runs its body, which ends with the result's io-out.
 */
export function withInputEvents(workload: Workload): Workload {
  const lines = workload.tasks.map((t, i) => {
    if (t.trigger.kind !== 'periodic') throw new Error(`tasks[${i}].trigger.kind: input events are drawn at a periodic task's releases, this one is ${t.trigger.kind}`);
    return { name: inputLineOf(t.name), priority: INPUT_LINE_PRIORITY, arrival: { kind: 'periodic' as const, periodUs: t.trigger.periodUs, offsetUs: t.trigger.offsetUs ?? 0 }, isrCycles: 0 };
  });
  return {
    ...workload,
    ioLines: [...(workload.ioLines ?? []), ...lines],
    tasks: workload.tasks.map((t) => ({ ...t, body: [{ op: 'io-in' as const, line: inputLineOf(t.name) }, { op: 'io-out' as const }, ...t.body] })),
  };
}

/** How a figure's series schedules: the kernel as framed, or with the paper's run-to-completion thresholds (its jitter control). */
export const IO_VARIANTS = ['plain', 'thresholds'] as const;

/** A series' variant. */
export type IoVariant = (typeof IO_VARIANTS)[number];

/**
 * The workload a variant runs: as given, or with the smallest run-to-completion thresholds that keep
 * it schedulable under the framing's corrected analysis (FP or EDF, on the target, no kernel
 * overheads); `assigned` is false when the set is not schedulable even fully preemptive, and it
 * then runs as given.
 */
export function variantWorkload(workload: Workload, variant: IoVariant, framing: Framing, targetId: string): { workload: Workload; assigned: boolean } {
  if (variant === 'plain') return { workload, assigned: false };
  const assigned = withRunToCompletionThresholds(workload, getTarget(targetId), framing === 'fixed-priority' ? 'fp' : 'edf');
  return assigned === undefined ? { workload, assigned: false } : { workload: assigned, assigned: true };
}

/** What the I/O figures keep of one simulated task set: both delays, summarised. */
export interface SetInputIo {
  readonly input: SetIo;
  readonly result: SetIo;
  /** Tasks that drove no result in the run (starved by overload): left out of both summaries. */
  readonly silentTasks: number;
  readonly thresholdsAssigned: boolean;
}

function taskIo(target: ReturnType<typeof getTarget>, span: SpanStats): TaskIo {
  const us = (c: number): number => roundUs(cyclesToUs(target, c));
  return { count: span.count, meanUs: us(span.mean), minUs: us(span.min), maxUs: us(span.max), deadlineMisses: 0 };
}

/**
 * Runs `workload` (with input events) on `profile` on `target` for its horizon (experiments/horizon.ts,
 * at least `floorMs`, at most `capMs`) and summarises its input-to-output
 * and release-to-result delays over the tasks that drove a result; an overloaded set can starve its
 * least urgent tasks, which are counted in `silentTasks` instead.
 */
export function simulateInputIo(profile: OsProfile, targetId: string, workload: Workload, floorMs: number, seed: number, capMs = HORIZON_CAP_MS): Omit<SetInputIo, 'thresholdsAssigned'> {
  const target = getTarget(targetId);
  const durationMs = runHorizonMs(workload, floorMs, capMs);
  const { delays } = measureRun({ profile, target, workload, durationMs, seed, reducers: { delays: inputToOutput() } });
  const answered = delays.filter((d) => d.result.count > 0 && d.input.count > 0);
  if (answered.length === 0) throw new Error(`simulateInputIo: no task drove a result in ${durationMs} ms on ${profile.id}/${targetId}`);
  return {
    input: summariseSet(answered.map((d) => taskIo(target, d.input))),
    result: summariseSet(answered.map((d) => taskIo(target, d.result))),
    silentTasks: delays.length - answered.length,
  };
}

/** How the I/O figures measure, for their descriptions (one text, so fig3 and fig4 say the same). */
export const INPUT_EVENT_TEXT =
  "Each task of a set waits, in every job, for an input event: an interrupt line raised at each of its nominal releases (priority below the tick's, its ISR only posts the task: the kernel's ISR entry, post and exit, priced by the target). The job takes the input (io-in), drives its output pin (io-out), runs its C_i and drives its result (io-out). Two delays per job: input to output, from the line's raise to the first io-out (what the paper's oscilloscope on an input and an output pin reads); release to result, from the raise of the tick that released the job to the last io-out (the response time the paper's equations bound). Per set: the mean over every job, the longest, and the largest per-task jitter (max - min) of each, over the tasks that drove a result (an overloaded set can starve its least urgent tasks: silentTasks counts them); one row per set, so the series compare pairwise over the same seeds.";

/** How the threshold variant is assigned, for the descriptions. */
export const THRESHOLDS_TEXT =
  "Variant 'thresholds' is the paper's jitter control (section 5): per-task run-to-completion thresholds TH_i, the first TH_i of a job preemptible and the final C_i - TH_i not (a scheduler lock the kernel takes where the worst-case job crosses TH_i). The paper gives no values; kbench assigns, per set, the smallest TH_i that keeps every task within its deadline under the corrected analysis of the framing (fixed priority or EDF, on the target, kernel overheads left out), visiting the tasks from the most urgent down, each by bisection over [0, C_i] with the thresholds already set fixed. A set not schedulable fully preemptive runs without thresholds (thresholdsAssigned false).";
