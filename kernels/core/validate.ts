import type { Step, Workload } from '../../workloads/types.ts';
import { mutexProtocolOf } from '../profiles/protocol.ts';
import type { OsProfile, ProfileServices } from '../profiles/types.ts';

/** A workload the chosen profile cannot run; the message names the field and the rule. */
export class ProfileLimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProfileLimitError';
  }
}

const SERVICE_OF_STEP: Partial<Record<Step['op'], { service: keyof ProfileServices | 'queue-or-mailbox'; what: string }>> = {
  take: { service: 'semaphore', what: 'semaphores' },
  give: { service: 'semaphore', what: 'semaphores' },
  lock: { service: 'mutex', what: 'mutexes' },
  unlock: { service: 'mutex', what: 'mutexes' },
  send: { service: 'queue-or-mailbox', what: 'message queues or mailboxes' },
  receive: { service: 'queue-or-mailbox', what: 'message queues or mailboxes' },
  wait: { service: 'flags', what: 'event flags' },
  set: { service: 'flags', what: 'event flags' },
};

/**
 * Throws ProfileLimitError when `w` exceeds `p`'s task or priority limits or uses a service `p` lacks.
 * `keyedByDeadline` is the design's: a deadline-keyed ready list takes equal priorities and the SRP.
 */
export function checkWorkloadFitsProfile(w: Workload, p: OsProfile, keyedByDeadline: boolean): void {
  // Pure in its inputs, which are read-only records: a pair that fitted once fits again (studies
  // boot the same pair for every seed). A failure is not remembered: it throws again.
  const fitted = fittedPairs[keyedByDeadline ? 1 : 0];
  if (fitted.get(w)?.has(p) === true) return;
  checkFits(w, p, keyedByDeadline);
  const profiles = fitted.get(w) ?? new WeakSet<OsProfile>();
  profiles.add(p);
  fitted.set(w, profiles);
}

/** (workload, profile) pairs that passed, for fixed-priority designs [0] and deadline-keyed ones [1]. */
const fittedPairs = [new WeakMap<Workload, WeakSet<OsProfile>>(), new WeakMap<Workload, WeakSet<OsProfile>>()] as const;

function checkFits(w: Workload, p: OsProfile, keyedByDeadline: boolean): void {
  if (w.tasks.length > p.maxTasks) {
    throw new ProfileLimitError(`tasks: ${w.tasks.length} tasks exceed profile ${p.id}'s limit of ${p.maxTasks} application tasks`);
  }
  const seen = new Map<number, string>();
  w.tasks.forEach((t, i) => {
    if (!Number.isInteger(t.priority) || t.priority < 0 || t.priority >= p.priorities) {
      throw new ProfileLimitError(`tasks[${i}].priority: ${t.priority} is outside profile ${p.id}'s ${p.priorities} priorities (0..${p.priorities - 1})`);
    }
    const other = seen.get(t.priority);
    if (other !== undefined && !p.samePriority && !keyedByDeadline) {
      throw new ProfileLimitError(`tasks[${i}].priority: ${t.priority} is already task "${other}"'s; profile ${p.id} gives every task its own priority`);
    }
    seen.set(t.priority, t.name);
    if (t.preemptionThreshold !== undefined && (t.preemptionThreshold < 0 || t.preemptionThreshold > t.priority)) {
      throw new ProfileLimitError(`tasks[${i}].preemptionThreshold: ${t.preemptionThreshold} must be between 0 and the task's priority ${t.priority}`);
    }
    t.body.forEach((s, j) => {
      const need = SERVICE_OF_STEP[s.op];
      if (need === undefined) return;
      const has = need.service === 'queue-or-mailbox' ? p.services.queue || p.services.mailbox : p.services[need.service];
      if (!has) throw new ProfileLimitError(`tasks[${i}].body[${j}].op: "${s.op}" needs ${need.what}, which profile ${p.id} does not offer`);
    });
  });
  const r = w.resources;
  const srpMutexes = new Set<string>();
  r?.mutexes?.forEach((m, i) => {
    const protocol = mutexProtocolOf(m, p);
    if (protocol === undefined || !p.inversion.includes(protocol)) {
      throw new ProfileLimitError(`resources.mutexes[${i}].protocol: "${protocol ?? 'none'}" is not offered by profile ${p.id} (offers: ${p.inversion.join(', ') || 'none'})`);
    }
    if (protocol !== 'srp') return;
    if (!keyedByDeadline) throw new ProfileLimitError(`resources.mutexes[${i}].protocol: "srp" needs a deadline-keyed design; profile ${p.id} uses "${p.design}"`);
    srpMutexes.add(m.name);
  });
  if (srpMutexes.size > 0) w.tasks.forEach((t, i) => checkNestedLocks(t.body, `tasks[${i}].body`, srpMutexes));
  r?.mailboxes?.forEach((_, i) => {
    if (!p.services.mailbox) throw new ProfileLimitError(`resources.mailboxes[${i}]: profile ${p.id} has no mailboxes`);
  });
}

/**
 * Under the Stack Resource Policy an unlock restores the system ceiling its lock saved, so a job
 * releases its SRP mutexes in the reverse order it took them, and all of them before it ends.
 */
function checkNestedLocks(body: readonly Step[], field: string, srpMutexes: ReadonlySet<string>): void {
  const held: string[] = [];
  body.forEach((s, j) => {
    if ((s.op !== 'lock' && s.op !== 'unlock') || !srpMutexes.has(s.mutex)) return;
    if (s.op === 'lock') {
      if (held.includes(s.mutex)) throw new ProfileLimitError(`${field}[${j}].mutex: locks "${s.mutex}" again while holding it; SRP mutexes are not recursive`);
      held.push(s.mutex);
      return;
    }
    const top = held.pop();
    if (top !== s.mutex) {
      throw new ProfileLimitError(`${field}[${j}].mutex: unlocks "${s.mutex}" ${top === undefined || !held.includes(s.mutex) ? 'without holding it' : `while "${top}", locked after it, is still held`}; SRP locks must nest`);
    }
  });
  if (held.length > 0) throw new ProfileLimitError(`${field}: the job ends holding "${held.join('", "')}"; under SRP a job unlocks every mutex it locks`);
}
