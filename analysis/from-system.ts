import type { Target } from '../hardware/target.ts';
import { usToCycles } from '../hardware/units.ts';
import type { SystemModel, SystemTask } from '../system/model.ts';
import type { TaskSpec, Workload } from '../workloads/types.ts';
import { modelFromWorkload, type WorkloadModel } from './from-workload.ts';
import { MessageCycleError, withMessageReleases, type MessageLink } from './message-releases.ts';
import type { AnalysisTask, TaskSetModel } from './model.ts';
import { withOverheads } from './overheads.ts';

/** A system whose scheduling rules the analysis cannot express; the message names the task field and the rule. */
export class UnanalysableSystemError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnanalysableSystemError';
  }
}

/**
 * Whether a periodic task's every arrival falls on a kernel tick: its period and offset are whole
 * numbers of ticks. Otherwise the tick ISR releases it up to one tick after its arrival.
 */
function onTickGrid(periodUs: number, offsetUs: number, tickHz: number): boolean {
  const ticks = (us: number): number => (us * tickHz) / 1e6;
  return Number.isInteger(ticks(periodUs)) && Number.isInteger(ticks(offsetUs));
}

/**
 * The deadline the kernel keys task `index`'s jobs by, where it is not the task's own (system/model.ts).
 * A job released by a post (a line's ISR, a sporadic task's release timer) is keyed from the last
 * tick before the post, so its key can fall up to a tick (less a cycle) before the post plus the key.
 */
function edfKey(system: SystemModel, spec: TaskSpec, index: number, target: Target, tickCycles: number): { edfKeyDeadlineCycles?: number; edfEarliestKeyDeadlineCycles?: number } {
  const keyUs = system.edfDeadlineKeysUs?.[index];
  if (keyUs === undefined || keyUs === null) return {};
  const key = usToCycles(target, keyUs);
  const posted = spec.trigger.kind === 'io' || spec.trigger.kind === 'sporadic';
  return posted && tickCycles > 0 ? { edfKeyDeadlineCycles: key, edfEarliestKeyDeadlineCycles: Math.max(0, key - Math.ceil(tickCycles) + 1) } : { edfKeyDeadlineCycles: key };
}

/**
 * Whether a job of `spec` can start after a periodic job has arrived but before the tick or release
 * ISR has made it ready (AnalysisTask.startsAfterArrivals): it is posted by an ISR of its own, whose
 * return the kernel dispatches at, on every kernel and target here, and a periodic task's release
 * may be pending behind that ISR. A job posted by an ISR has no such gap itself: it arrives when
 * it is posted.
 */
function postedAfterArrivals(workload: Workload, spec: TaskSpec): boolean {
  const posted = spec.trigger.kind === 'io' || spec.trigger.kind === 'sporadic';
  return posted && workload.tasks.some((t) => t.trigger.kind === 'periodic');
}

/**
 * The scheduling rules of one task: thresholds, run-to-completion, time slicing. A started job of a
 * time-sliced level yields to its equals at a slice end: modelled as a threshold half a level below
 * its own priority, which puts exactly the equal-priority tasks among those that preempt it.
 */
function scheduled(t: AnalysisTask, s: SystemTask, index: number): AnalysisTask {
  if (s.timeSliced && s.threshold !== s.priority) {
    throw new UnanalysableSystemError(`tasks[${index}].preemptionThreshold: a threshold on a time-sliced shared priority (task ${s.name}) cannot be analysed: its equals preempt it at every slice end whatever the threshold`);
  }
  return {
    ...t,
    priority: s.priority,
    thresholdPriority: s.timeSliced ? s.priority + 0.5 : s.threshold,
    preemptibleCycles: s.runToCompletion ? 0 : t.preemptibleCycles,
    ...(s.jobsBackToBack ? { jobsBackToBack: true } : {}),
  };
}

/**
 * A job's own mutex services: each lock and unlock it calls runs kernel code, and the holder runs
 * its lock's tail and its unlock with the mutex held, so a critical section as another task feels
 * it is its compute plus both services (priced at worst in the overhead record).
 */
function withMutexServices(t: AnalysisTask, spec: TaskSpec, system: SystemModel): AnalysisTask {
  const services = mutexServiceCycles(spec, system);
  if (services === 0) return t;
  const perLock = system.overheads.mutexLockCycles + system.overheads.mutexUnlockCycles;
  const sections = Object.fromEntries(Object.entries(t.criticalSectionCycles ?? {}).map(([m, c]) => [m, c + perLock]));
  return { ...t, wcetCycles: t.wcetCycles + services, preemptibleCycles: t.preemptibleCycles + services, criticalSectionCycles: sections };
}

/** The kernel cycles of a job's own mutex services: a lock and an unlock, at worst, per lock step of its body. */
export function mutexServiceCycles(spec: TaskSpec, system: SystemModel): number {
  const locks = spec.body.filter((s) => s.op === 'lock').length;
  return locks * (system.overheads.mutexLockCycles + system.overheads.mutexUnlockCycles);
}

/**
 * A job's own message services where the kernel's receive never blocks (MOS's bus): each send and
 * receive step runs kernel code inside the job, priced at worst in the system model.
 */
function withMessageServices(t: AnalysisTask, spec: TaskSpec, system: SystemModel): AnalysisTask {
  const services = system.messageServices;
  if (services === null) return t;
  const cycles = spec.body.reduce((sum, s) => sum + (s.op === 'send' ? services.sendCycles : s.op === 'receive' ? services.receiveCycles : 0), 0);
  return cycles === 0 ? t : { ...t, wcetCycles: t.wcetCycles + cycles, preemptibleCycles: t.preemptibleCycles + cycles };
}

/**
 * The analysis model of `workload` as `system` runs it on `target`: the workload's tasks with the
 * kernel's scheduling rules, the release quantisation of a tick kernel (a periodic task off the
 * tick grid is released up to one tick after its arrival: release jitter of one tick; an EDF kernel
 * keys jobs by deadlines in whole ticks), its own
 * mutex and message services, the releases the kernel makes at sends (analysis/message-releases.ts), and the
 * kernel's priced overheads folded in (analysis/overheads.ts). Throws UnanalysableSystemError for
 * sends that release each other in a cycle.
 */
export function modelFromSystem(workload: Workload, target: Target, system: SystemModel): WorkloadModel {
  if (system.target !== target.id) throw new RangeError(`system model is for target ${system.target}, not ${target.id}`);
  const built = modelFromWorkload(workload, target);
  const tick = system.releases.kind === 'tick' ? system.releases.tickPeriodCycles : 0;
  const tasks = built.model.tasks.map((t) => {
    const index = workload.tasks.findIndex((spec) => spec.name === t.name);
    const spec = workload.tasks[index];
    const s = system.tasks[index];
    if (spec === undefined || s === undefined) throw new RangeError(`system model has no task ${t.name}`);
    const trigger = spec.trigger;
    // The tick releases a job at the first tick at or after its arrival plus its own jitter: up to
    // one tick more, unless arrivals are on the tick grid and undelayed. The two lags add.
    const late = tick > 0 && trigger.kind === 'periodic' && (t.releaseJitterCycles > 0 || !onTickGrid(trigger.periodUs, trigger.offsetUs ?? 0, workload.tickHz));
    const released = {
      ...t,
      releaseJitterCycles: late ? t.releaseJitterCycles + tick : t.releaseJitterCycles,
      ...edfKey(system, spec, index, target, tick),
      ...(postedAfterArrivals(workload, spec) ? { startsAfterArrivals: true } : {}),
    };
    return scheduled(withMessageServices(withMutexServices(released, spec, system), spec, system), s, index);
  });
  const complete = (ts: readonly AnalysisTask[]): TaskSetModel => withOverheads({ ...built.model, tasks: ts, mutexProtocols: system.mutexProtocols }, system.overheads, built.releasingLines);
  const links = messageLinks(workload, system, tasks);
  if (links.length === 0) return { ...built, model: complete(tasks) };
  if (system.policy !== 'fp') {
    throw new UnanalysableSystemError(`${links[0]?.field}: a send that releases its receiver is analysed under fixed priorities only, and ${system.profile} schedules by deadline`);
  }
  try {
    const released = withMessageReleases(tasks, links, complete);
    return { ...built, model: released.model, unbounded: [...built.unbounded, ...released.unbounded] };
  } catch (e) {
    throw e instanceof MessageCycleError ? new UnanalysableSystemError(e.message) : e;
  }
}

/**
 * The system's sends that release a task, as indices into the analysed tasks (a task with no
 * bounded trigger is not among them; the whole set is then unbounded anyway).
 */
function messageLinks(workload: Workload, system: SystemModel, tasks: readonly AnalysisTask[]): MessageLink[] {
  const at = (i: number): number => tasks.findIndex((t) => t.name === workload.tasks[i]?.name);
  return system.messageReleases.flatMap((m) => {
    const sender = at(m.sender);
    const receiver = at(m.receiver);
    return sender < 0 || receiver < 0 ? [] : [{ sender, receiver, field: `tasks[${m.sender}].body[${m.step}].queue` }];
  });
}
