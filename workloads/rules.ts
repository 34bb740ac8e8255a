import { getTarget } from '../hardware/targets/index.ts';
import type { Target } from '../hardware/target.ts';
import { cyclesToUs } from '../hardware/units.ts';
import type { RuleIssue } from './errors.ts';
import { deadlineUs, worstCycles } from './execution.ts';
import { workloadTargetIssues } from './target-fit.ts';
import type { Step, Workload } from './types.ts';

export type { RuleIssue } from './errors.ts';

/*
 * Cross-field rules of a workload, run after the shapes are valid: names are unique and declared,
 * thresholds lie in their range, a job fits in its deadline on the reference CPU, and the timing
 * fields fit the reference target (`target-fit.ts`; kernels and the analysis check their own target).
 */

/** Every cross-field rule the workload breaks (empty when it is valid). */
export function checkWorkloadRules(w: Workload): RuleIssue[] {
  const issues: RuleIssue[] = [];
  let clock: Target | undefined;
  try {
    clock = getTarget(w.referenceTarget);
  } catch (e) {
    issues.push({ path: ['referenceTarget'], message: (e as Error).message });
  }
  if (clock !== undefined) issues.push(...workloadTargetIssues(w, clock));
  duplicates(w.tasks, ['tasks'], issues);
  duplicates(w.ioLines ?? [], ['ioLines'], issues);
  const r = w.resources ?? {};
  duplicates(r.semaphores ?? [], ['resources', 'semaphores'], issues);
  duplicates(r.mutexes ?? [], ['resources', 'mutexes'], issues);
  duplicates([...(r.queues ?? []), ...(r.mailboxes ?? [])], ['resources', 'queues'], issues, 'queue or mailbox');
  duplicates(r.eventFlags ?? [], ['resources', 'eventFlags'], issues);
  (r.semaphores ?? []).forEach((s, i) => {
    if (s.max !== undefined && s.initial > s.max) issues.push({ path: ['resources', 'semaphores', i, 'initial'], message: `initial count ${s.initial} exceeds max ${s.max}` });
  });

  const declared = {
    semaphore: new Set((r.semaphores ?? []).map((s) => s.name)),
    mutex: new Set((r.mutexes ?? []).map((m) => m.name)),
    queue: new Set([...(r.queues ?? []), ...(r.mailboxes ?? [])].map((q) => q.name)),
    flags: new Set((r.eventFlags ?? []).map((f) => f.name)),
    line: new Set((w.ioLines ?? []).map((l) => l.name)),
  };

  w.tasks.forEach((task, t) => {
    const at = (...rest: (string | number)[]): (string | number)[] => ['tasks', t, ...rest];
    if (task.trigger.kind === 'io' && !declared.line.has(task.trigger.line)) {
      issues.push({ path: at('trigger', 'line'), message: `unknown I/O line "${task.trigger.line}": declare it in ioLines` });
    }
    if (task.preemptionThreshold !== undefined && task.preemptionThreshold > task.priority) {
      issues.push({ path: at('preemptionThreshold'), message: `threshold ${task.preemptionThreshold} outside its range 0..${task.priority} (must be at least as urgent as the priority)` });
    }
    const worst = worstCycles(task);
    if (task.preemptibleCycles !== undefined && task.preemptibleCycles > worst) {
      issues.push({ path: at('preemptibleCycles'), message: `threshold ${task.preemptibleCycles} cycles outside its range 0..${worst} (the job's worst-case cycles)` });
    }
    task.body.forEach((step, s) => {
      const unknown = undeclared(step, declared);
      if (unknown !== undefined) issues.push({ path: at('body', s, unknown.field), message: unknown.message });
      if (step.op === 'compute' && step.bestCycles !== undefined && step.bestCycles > step.cycles) {
        issues.push({ path: at('body', s, 'bestCycles'), message: `best case ${step.bestCycles} exceeds worst case ${step.cycles} cycles` });
      }
    });
    lockBalance(task.body, at, issues);
    if (task.releaseJitterUs !== undefined && task.releaseJitterUs > 0) {
      if (task.trigger.kind !== 'periodic') issues.push({ path: at('releaseJitterUs'), message: `release jitter applies to periodic tasks only, this one is ${task.trigger.kind}` });
      else if (task.releaseJitterUs > task.trigger.periodUs) issues.push({ path: at('releaseJitterUs'), message: `jitter ${task.releaseJitterUs} us exceeds the period ${task.trigger.periodUs} us` });
    }
    const d = deadlineUs(task, w);
    if (clock !== undefined && d !== undefined) {
      const cUs = cyclesToUs(clock, worst);
      if (cUs > d) issues.push({ path: at(task.deadlineUs !== undefined ? 'deadlineUs' : 'trigger'), message: `C > D: worst-case execution ${cUs} us exceeds the deadline ${d} us` });
    }
  });
  return issues;
}

function duplicates(items: readonly { name: string }[], path: (string | number)[], issues: RuleIssue[], what = 'name'): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.name);
    if (first !== undefined) issues.push({ path: [...path, i, 'name'], message: `duplicate ${what} "${item.name}" (first at index ${first})` });
    else seen.set(item.name, i);
  });
}

interface Declared {
  semaphore: Set<string>;
  mutex: Set<string>;
  queue: Set<string>;
  flags: Set<string>;
}

function undeclared(step: Step, d: Declared): { field: string; message: string } | undefined {
  const miss = (field: string, kind: string, name: string, where: string): { field: string; message: string } => ({
    field,
    message: `unknown ${kind} "${name}": declare it in resources.${where}`,
  });
  switch (step.op) {
    case 'take':
    case 'give':
      return d.semaphore.has(step.semaphore) ? undefined : miss('semaphore', 'semaphore', step.semaphore, 'semaphores');
    case 'lock':
    case 'unlock':
      return d.mutex.has(step.mutex) ? undefined : miss('mutex', 'mutex', step.mutex, 'mutexes');
    case 'send':
    case 'receive':
      return d.queue.has(step.queue) ? undefined : miss('queue', 'queue', step.queue, 'queues or resources.mailboxes');
    case 'wait':
    case 'set':
      return d.flags.has(step.flags) ? undefined : miss('flags', 'event-flag group', step.flags, 'eventFlags');
    default:
      return undefined;
  }
}

/** A job must unlock what it locked, in the body, and never unlock what it does not hold. */
function lockBalance(body: readonly Step[], at: (...rest: (string | number)[]) => (string | number)[], issues: RuleIssue[]): void {
  const held = new Map<string, number>();
  body.forEach((step, s) => {
    if (step.op === 'lock') {
      if (held.has(step.mutex)) issues.push({ path: at('body', s, 'mutex'), message: `mutex "${step.mutex}" locked twice without unlock` });
      held.set(step.mutex, s);
    } else if (step.op === 'unlock') {
      if (!held.delete(step.mutex)) issues.push({ path: at('body', s, 'mutex'), message: `unlock of mutex "${step.mutex}" that the job does not hold` });
    }
  });
  for (const [m, s] of held) issues.push({ path: at('body', s, 'mutex'), message: `mutex "${m}" is never unlocked by the end of the body` });
}
