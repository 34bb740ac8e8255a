import { ProbeEvent, type ProbeRecord } from '../../hardware/probe.ts';

/** A strictly periodic task as the checker sees it, in cycles. */
export interface PeriodicJobs {
  readonly periodCycles: number;
  readonly deadlineCycles: number;
}

/** A moment the running job does not have the earliest absolute deadline among released jobs. */
export interface EdfViolation {
  readonly time: number;
  readonly running: number;
  readonly runningDeadline: number;
  readonly waiting: number;
  readonly waitingDeadline: number;
}

/**
 * Checks a trace of synchronously released periodic tasks against EDF: at every switch in, every job
 * start and `slackCycles` after every nominal release (time for the tick and the scheduler to act),
 * the running task's oldest unfinished job must have the earliest absolute deadline of all jobs
 * released at least `slackCycles` earlier and not yet ended; the CPU idles only when there are none.
 * Jobs come from the task parameters, not from the kernel's own release events.
 */
export function edfViolations(trace: readonly ProbeRecord[], tasks: readonly PeriodicJobs[], slackCycles: number): EdfViolation[] {
  const ends = tasks.map((_, i) => trace.filter((e) => e.type === ProbeEvent.JobEnd && e.subject === i).map((e) => e.time));
  const horizon = trace.length > 0 ? (trace[trace.length - 1] as ProbeRecord).time : 0;
  const switches = trace.filter((e) => e.type === ProbeEvent.SwitchIn);
  const instants = new Set<number>();
  for (const e of trace) if (e.type === ProbeEvent.SwitchIn || e.type === ProbeEvent.JobStart) instants.add(e.time);
  tasks.forEach((t) => {
    for (let r = 0; r + slackCycles <= horizon; r += t.periodCycles) instants.add(r + slackCycles);
  });
  const out: EdfViolation[] = [];
  for (const time of [...instants].sort((a, b) => a - b)) {
    const running = lastBefore(switches, time);
    // Job k of task i is pending at `time` when released by then and not ended before.
    const oldestPending = (i: number, releasedBy: number): number | undefined => {
      const t = tasks[i] as PeriodicJobs;
      const done = (ends[i] as number[]).filter((x) => x < time).length;
      const release = done * t.periodCycles;
      return release <= releasedBy ? release + t.deadlineCycles : undefined;
    };
    const mine = running === undefined || running >= tasks.length ? undefined : oldestPending(running, time);
    tasks.forEach((_, i) => {
      if (i === running) return;
      const d = oldestPending(i, time - slackCycles);
      if (d === undefined) return;
      if (mine === undefined ? running !== undefined && running >= tasks.length : d < mine) {
        out.push({ time, running: running ?? -1, runningDeadline: mine ?? Infinity, waiting: i, waitingDeadline: d });
      }
    });
  }
  return out;
}

function lastBefore(switches: readonly ProbeRecord[], time: number): number | undefined {
  let subject: number | undefined;
  for (const e of switches) {
    if (e.time > time) break;
    subject = e.subject;
  }
  return subject;
}
