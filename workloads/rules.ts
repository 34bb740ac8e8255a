import { getTarget } from '../hardware/targets/index.ts';
import type { Target } from '../hardware/target.ts';
import { cyclesToUs } from '../hardware/units.ts';
import { appIssues } from './app-rules.ts';
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
  duplicates(w.apps ?? [], ['apps'], issues);
  issues.push(...appIssues(w, clock));
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
      if (step.op === 'io-in' && !declared.line.has(step.line)) {
        issues.push({ path: at('body', s, 'line'), message: `unknown I/O line "${step.line}": declare it in ioLines` });
      }
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

/** How a rule names each kind of resource a step uses, and where in `resources` it is declared. */
const RESOURCE_WORDS: Readonly<Record<keyof Declared, { kind: string; where: string }>> = {
  semaphore: { kind: 'semaphore', where: 'semaphores' },
  mutex: { kind: 'mutex', where: 'mutexes' },
  queue: { kind: 'queue', where: 'queues or resources.mailboxes' },
  flags: { kind: 'event-flag group', where: 'eventFlags' },
};

/** The resource a step names (its field and the name), if it names one. */
function resourceOf(step: Step): { field: keyof Declared; name: string } | undefined {
  if ('semaphore' in step) return { field: 'semaphore', name: step.semaphore };
  if ('mutex' in step) return { field: 'mutex', name: step.mutex };
  if ('queue' in step) return { field: 'queue', name: step.queue };
  if ('flags' in step) return { field: 'flags', name: step.flags };
  return undefined;
}

function undeclared(step: Step, d: Declared): { field: string; message: string } | undefined {
  const used = resourceOf(step);
  if (used === undefined || d[used.field].has(used.name)) return undefined;
  const { kind, where } = RESOURCE_WORDS[used.field];
  return { field: used.field, message: `unknown ${kind} "${used.name}": declare it in resources.${where}` };
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
