import { DOUBLE_FIELD } from '../../hardware/units.ts';
import { ProbeEvent, type ProbeEventType, type ProbeListener } from '../../hardware/probe.ts';
import type { Cycles } from '../../hardware/units.ts';
import type { Workload } from '../../workloads/types.ts';
import type { BootedView, ReducerFactory } from './reducer.ts';
import { RunningStat, type SpanStats } from './running-stat.ts';

/**
 * Where a timed job's I/O delay starts:
 * - `arrival`: its true arrival (the JobRelease's data), which a tick may release later; what
 *   `kbench run` reports and the response-time analysis bounds.
 * - `releasing-tick`: the raise of the tick that released it (time 0 for the jobs released at
 *   boot), so the tick ISR's entry and timer work before the wake-up count, and a job its task
 *   released late after an overrun counts from that late tick (the paper's Figs. 3-4).
 * The two agree while no job overruns its period. A task woken by an interrupt line (an I/O
 * trigger, or a sporadic task's release line) counts from that line's IoIn either way. A timed job
 * lost to its APP's suspension (JobLost) before its output is not timed: it has no output.
 */
export type IoDelayStart = 'arrival' | 'releasing-tick';

/** The interrupt line that triggers each task (I/O lines and sporadic release lines), by task index; undefined for a timed task. */
function triggerLines(workload: Workload, system: BootedView): (number | undefined)[] {
  return system.taskNames.map((name) => {
    const trigger = workload.tasks.find((t) => t.name === name)?.trigger;
    if (trigger?.kind === 'io') return system.lines.get(trigger.line);
    return trigger?.kind === 'sporadic' ? system.lines.get(`release:${name}`) : undefined;
  });
}

/** Per-task I/O delay: from the job's start (see IoDelayStart) to the task's IoOut; lost jobs counted apart. */
export class TaskIoDelayReducer implements ProbeListener {
  readonly eventTypes = [ProbeEvent.IrqRaised, ProbeEvent.IoIn, ProbeEvent.JobRelease, ProbeEvent.IoOut, ProbeEvent.JobLost];
  readonly delay: RunningStat[] = [];
  readonly lost: number[] = [];
  /** `lineOfTask[i]`: the interrupt line that triggers task i, undefined for a timed task; set at boot. */
  lineOfTask: readonly (number | undefined)[] = [];
  /** The tick's line id when delays start at the releasing tick; set at boot. */
  tickLine = -1;
  private readonly openSince: number[] = [];
  /** The last tick's raise time: a double from birth, as it passes 2^31 on long runs (see DOUBLE_FIELD). */
  private lastTick = DOUBLE_FIELD;

  constructor(private readonly start: IoDelayStart) {
    this.lastTick = 0;
  }

  /** Grows the per-task arrays to hold `task`, so the task count need not be known up front. */
  private ensure(task: number): void {
    while (this.delay.length <= task) {
      this.delay.push(new RunningStat());
      this.openSince.push(NaN);
    }
  }

  onEvent(type: ProbeEventType, time: Cycles, subject: number, data: number): void {
    if (type === ProbeEvent.IrqRaised) {
      if (subject === this.tickLine) this.lastTick = time;
    } else if (type === ProbeEvent.IoIn) {
      for (let t = 0; t < this.lineOfTask.length; t++) {
        if (this.lineOfTask[t] !== subject) continue;
        this.ensure(t);
        if (Number.isNaN(this.openSince[t] as number)) this.openSince[t] = time;
      }
    } else if (type === ProbeEvent.JobRelease) {
      this.ensure(subject);
      if (this.lineOfTask[subject] === undefined && Number.isNaN(this.openSince[subject] as number)) {
        this.openSince[subject] = this.start === 'arrival' ? data : this.lastTick;
      }
    } else if (type === ProbeEvent.IoOut) {
      this.ensure(subject);
      const start = this.openSince[subject] as number;
      if (Number.isNaN(start)) return;
      (this.delay[subject] as RunningStat).add(time - start);
      this.openSince[subject] = NaN;
    } else if (type === ProbeEvent.JobLost) {
      this.ensure(subject);
      this.lost[subject] = (this.lost[subject] ?? 0) + 1;
      // Only a timed job's span starts at its release; a line-triggered task's open span is its input's, kept for its next output.
      if (this.lineOfTask[subject] === undefined) this.openSince[subject] = NaN;
    }
  }
}

/** One task's I/O delays in cycles, and its jobs lost to its APP's suspension (not timed). */
export interface TaskIoDelay {
  readonly task: string;
  readonly delay: SpanStats;
  readonly lostJobs: number;
}

/** Each task's I/O delay in cycles (in task index order), from where `start` says a job starts. */
export function taskIoDelay(start: IoDelayStart): ReducerFactory<TaskIoDelay[]> {
  return (workload) => {
    const reducer = new TaskIoDelayReducer(start);
    return {
      listener: reducer,
      booted: (system) => {
        reducer.lineOfTask = triggerLines(workload, system);
        if (start === 'arrival') return;
        reducer.tickLine = system.lines.get('tick') ?? -1;
        if (reducer.tickLine < 0) throw new Error("taskIoDelay: the booted system names no 'tick' line to count delays from");
      },
      result: (end) => end.taskNames.map((task, i) => ({ task, delay: (reducer.delay[i] ?? new RunningStat()).snapshot(), lostJobs: reducer.lost[i] ?? 0 })),
    };
  };
}
