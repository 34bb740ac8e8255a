import { ProbeEvent, type ProbeEventType, type ProbeListener } from '../../hardware/probe.ts';
import { DOUBLE_FIELD, type Cycles } from '../../hardware/units.ts';
import type { Workload } from '../../workloads/types.ts';
import type { ReducerFactory } from './reducer.ts';
import { RunningStat, type SpanStats } from './running-stat.ts';

/*
 * The two I/O delays of a task whose job waits for an input (an io-in step), drives an output pin on
 * taking it, works, and drives its result:
 * - input: from the raise of the line its io-in waits on (the input event, what an oscilloscope on
 *   the input pin sees) to the task's next io-out. An event raised while the previous one still
 *   waits for its output is not timed on its own: the open span keeps its first raise.
 * - result: from the raise of the tick that released the job (0 for jobs released at boot) to the
 *   job's last io-out before its end, as taskIoDelay('releasing-tick') counts a one-output job.
 * A job lost to its APP's suspension (JobLost) never ends: its result is not timed, and the input it
 * was to answer is dropped with it (its output, if any, came from no job). Lost jobs are counted apart.
 */

/** The line each task's first io-in step waits on, by task index; undefined without one. */
function inputLines(workload: Workload, taskNames: readonly string[], lines: ReadonlyMap<string, number>): (number | undefined)[] {
  return taskNames.map((name) => {
    const step = workload.tasks.find((t) => t.name === name)?.body.find((s) => s.op === 'io-in');
    return step?.op === 'io-in' ? lines.get(step.line) : undefined;
  });
}

/** Per task: input-event-to-output and release-to-result delays. */
export class InputToOutputReducer implements ProbeListener {
  readonly eventTypes = [ProbeEvent.IrqRaised, ProbeEvent.JobRelease, ProbeEvent.IoOut, ProbeEvent.JobEnd, ProbeEvent.JobLost];
  readonly input: RunningStat[] = [];
  readonly result: RunningStat[] = [];
  readonly lost: number[] = [];
  // Cycle stamps (NaN: none open) in typed arrays: a stamp stored into a plain array was boxed, one
  // allocation per event.
  private inputSince = new Float64Array(0);
  private jobSince = new Float64Array(0);
  private lastOut = new Float64Array(0);
  /** `tasksOfLine[line]`: the tasks whose input is `line` (each raise is looked up, not every task scanned). */
  private tasksOfLine: (number[] | undefined)[] = [];
  private tickLine = -1;
  /** The last tick's raise: a double from birth, as it passes 2^31 on long runs (see DOUBLE_FIELD). */
  private lastTick = DOUBLE_FIELD;

  constructor() {
    this.lastTick = 0;
  }

  /** Names each task's input line (undefined: none) and the tick's line, once the boot has numbered them. */
  watch(lineOfTask: readonly (number | undefined)[], tickLine: number): void {
    this.tasksOfLine = [];
    lineOfTask.forEach((line, task) => {
      if (line !== undefined) (this.tasksOfLine[line] ??= []).push(task);
    });
    this.tickLine = tickLine;
    this.inputSince = new Float64Array(lineOfTask.length).fill(NaN);
    this.jobSince = new Float64Array(lineOfTask.length).fill(NaN);
    this.lastOut = new Float64Array(lineOfTask.length).fill(NaN);
    while (this.input.length < lineOfTask.length) this.input.push(new RunningStat());
    while (this.result.length < lineOfTask.length) this.result.push(new RunningStat());
  }

  onEvent(type: ProbeEventType, time: Cycles, subject: number, _data: number): void {
    if (type === ProbeEvent.IrqRaised) {
      if (subject === this.tickLine) this.lastTick = time;
      const tasks = this.tasksOfLine[subject];
      if (tasks === undefined) return;
      for (let i = 0; i < tasks.length; i++) {
        const t = tasks[i] as number;
        if (Number.isNaN(this.inputSince[t] as number)) this.inputSince[t] = time;
      }
    } else if (type === ProbeEvent.JobRelease) {
      if (subject < this.jobSince.length && Number.isNaN(this.jobSince[subject] as number)) this.jobSince[subject] = this.lastTick;
    } else if (type === ProbeEvent.IoOut) {
      if (subject >= this.lastOut.length) return;
      this.lastOut[subject] = time;
      const start = this.inputSince[subject] as number;
      if (Number.isNaN(start)) return;
      (this.input[subject] as RunningStat).add(time - start);
      this.inputSince[subject] = NaN;
    } else if (type === ProbeEvent.JobEnd) {
      const start = this.jobSince[subject];
      const out = this.lastOut[subject];
      if (start === undefined || out === undefined || Number.isNaN(start)) return;
      if (!Number.isNaN(out) && out >= start) (this.result[subject] as RunningStat).add(out - start);
      this.jobSince[subject] = NaN;
      this.lastOut[subject] = NaN;
    } else if (type === ProbeEvent.JobLost) {
      this.lost[subject] = (this.lost[subject] ?? 0) + 1;
      if (subject >= this.jobSince.length) return;
      this.inputSince[subject] = NaN;
      this.jobSince[subject] = NaN;
      this.lastOut[subject] = NaN;
    }
  }
}

/** One task's delays in cycles (input count 0 for a task without io-in, result count 0 for one without io-out), and its lost jobs. */
export interface TaskInputDelay {
  readonly task: string;
  readonly input: SpanStats;
  readonly result: SpanStats;
  readonly lostJobs: number;
}

/** Each task's input-to-output and release-to-result delays in cycles, in task index order. */
export function inputToOutput(): ReducerFactory<TaskInputDelay[]> {
  return (workload) => {
    const reducer = new InputToOutputReducer();
    return {
      listener: reducer,
      booted: (system) => {
        const tick = system.lines.get('tick');
        if (tick === undefined) throw new Error("inputToOutput: the booted system names no 'tick' line to count releases from");
        reducer.watch(inputLines(workload, system.taskNames, system.lines), tick);
      },
      result: (end) =>
        end.taskNames.map((task, i) => ({ task, input: (reducer.input[i] ?? new RunningStat()).snapshot(), result: (reducer.result[i] ?? new RunningStat()).snapshot(), lostJobs: reducer.lost[i] ?? 0 })),
    };
  };
}
