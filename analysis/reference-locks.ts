import type { AnalysisTask, MutexProtocol } from './model.ts';

/*
 * A cycle-by-cycle reference scheduler with mutexes, to test the blocking terms of blocking.ts:
 * fixed priority with the immediate priority ceiling or priority inheritance, or EDF with Baker's
 * Stack Resource Policy (preemption levels from relative deadlines). It shares the reading of
 * reference-schedule.ts (ties to the started job, then the earlier release, then the lower task
 * index; a job is in its final region once it has run the region's first unit) and knows no
 * preemption thresholds and no interrupt loads. A section is locked when its first unit runs and
 * unlocked after its last; a task's sections do not overlap (no nesting).
 */

/** One critical section of every job of a task: `length` units from unit `start` (0-based) on. */
export interface Section {
  readonly mutex: string;
  readonly start: number;
  readonly length: number;
}

/** A task and its sections, in task order. */
export interface LockingTask {
  readonly task: AnalysisTask;
  readonly sections: readonly Section[];
}

interface Job {
  readonly task: number;
  readonly release: number;
  readonly deadline: number;
  done: number;
}

/** The section of `t` that starts at unit `done`, if any. */
const sectionAt = (t: LockingTask, done: number): Section | undefined => t.sections.find((s) => s.start === done);

/**
 * Largest observed response per task over [0, horizon) with task i released at offsets[i] + k T_i.
 * Throws when a protocol's guarantee fails (a ceiling or SRP lock finding its mutex taken).
 */
export function simulateWithLocks(
  tasks: readonly LockingTask[],
  offsets: readonly number[],
  horizon: number,
  policy: 'fp' | 'edf',
  protocols: Readonly<Record<string, MutexProtocol>>,
): number[] {
  const worst = tasks.map(() => 0);
  const ready: Job[] = [];
  const holder = new Map<string, Job>();
  let running: Job | undefined;
  const users = (mutex: string): LockingTask[] => tasks.filter((t) => t.sections.some((s) => s.mutex === mutex));
  const ceilingPriority = (mutex: string): number => Math.min(...users(mutex).map((t) => t.task.priority));
  const ceilingDeadline = (mutex: string): number => Math.min(...users(mutex).map((t) => t.task.deadlineCycles));
  const spec = (job: Job): LockingTask => {
    const t = tasks[job.task];
    if (t === undefined) throw new RangeError(`no task ${job.task}`);
    return t;
  };
  const held = (job: Job): string[] => [...holder].filter(([, h]) => h === job).map(([m]) => m);
  /** A job about to lock a mutex someone else holds (only under inheritance: the other protocols never let it get there). */
  const waitsFor = (job: Job): Job | undefined => {
    const s = sectionAt(spec(job), job.done);
    const owner = s === undefined ? undefined : holder.get(s.mutex);
    return owner === job ? undefined : owner;
  };
  /** Fixed-priority urgency: the priority, raised by held ceilings and by the jobs waiting on held mutexes. */
  const urgency = (job: Job): number => {
    let u = spec(job).task.priority;
    for (const m of held(job)) {
      if ((protocols[m] ?? 'ceiling') === 'inheritance') {
        for (const w of ready) if (w !== job && waitsFor(w) === job) u = Math.min(u, spec(w).task.priority);
      } else u = Math.min(u, ceilingPriority(m));
    }
    return u;
  };
  /** SRP: the shortest relative deadline among users of a held mutex (a higher level is a shorter deadline). */
  const systemCeiling = (): number => Math.min(Infinity, ...[...holder.keys()].map(ceilingDeadline));
  const eligible = (job: Job): boolean => {
    if (policy === 'edf') return job.done > 0 || spec(job).task.deadlineCycles < systemCeiling();
    // Only an inheritance mutex makes a job wait; reaching a held ceiling mutex is a protocol failure (thrown below).
    const s = sectionAt(spec(job), job.done);
    return s === undefined || (protocols[s.mutex] ?? 'ceiling') !== 'inheritance' || waitsFor(job) === undefined;
  };
  const before = (a: Job, b: Job): boolean => {
    const [ua, ub] = policy === 'edf' ? [a.deadline, b.deadline] : [urgency(a), urgency(b)];
    if (ua !== ub) return ua < ub;
    if ((a.done > 0) !== (b.done > 0)) return a.done > 0;
    return a.release !== b.release ? a.release < b.release : a.task < b.task;
  };
  for (let t = 0; t < horizon; t++) {
    tasks.forEach((lt, i) => {
      const offset = offsets[i] ?? 0;
      if (t >= offset && (t - offset) % lt.task.periodCycles === 0) ready.push({ task: i, release: t, deadline: t + lt.task.deadlineCycles, done: 0 });
    });
    const locked = running !== undefined && running.done > spec(running).task.preemptibleCycles;
    if (!locked) {
      running = undefined;
      for (const job of ready) if (eligible(job) && (running === undefined || before(job, running))) running = job;
    }
    if (running === undefined) continue;
    const s = sectionAt(spec(running), running.done);
    if (s !== undefined) {
      const owner = holder.get(s.mutex);
      if (owner !== undefined && owner !== running) throw new Error(`${s.mutex} taken at ${t}: the ${protocols[s.mutex] ?? 'ceiling'} protocol let a job reach a held mutex`);
      holder.set(s.mutex, running);
    }
    running.done += 1;
    for (const sec of spec(running).sections) if (sec.start + sec.length === running.done) holder.delete(sec.mutex);
    if (running.done === spec(running).task.wcetCycles) {
      worst[running.task] = Math.max(worst[running.task] ?? 0, t + 1 - running.release);
      ready.splice(ready.indexOf(running), 1);
      running = undefined;
    }
  }
  return worst;
}
