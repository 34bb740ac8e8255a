import type { Target } from '../hardware/target.ts';
import type { RuleIssue } from './errors.ts';
import type { AppPermission, Step, Workload } from './types.ts';

/*
 * Cross-field rules of a workload's APPs (the multi-APP patent's header, step S10): the header's sizes
 * agree with each other, tasks name a declared APP, and an APP's task calls only the kernel services
 * its header permits (the SVC gate refuses the others).
 */

/** The permission a step's kernel call needs, or undefined for application work and pin toggles. */
export function permissionOf(step: Step): AppPermission | undefined {
  switch (step.op) {
    case 'take': case 'give': return 'semaphore';
    case 'lock': case 'unlock': return 'mutex';
    case 'send': case 'receive': return 'queue';
    case 'delay': return 'delay';
    case 'wait': case 'set': return 'flags';
    default: return undefined;
  }
}

/** Every APP rule the workload breaks; `clock` is its reference target when that resolved. */
export function appIssues(w: Workload, clock: Target | undefined): RuleIssue[] {
  const apps = w.apps ?? [];
  const issues: RuleIssue[] = [];
  if (apps.length > 0 && clock !== undefined && clock.zeroCost !== true && clock.svcGate === undefined) {
    issues.push({ path: ['apps'], message: `APPs enter the kernel through a supervisor call; the reference target ${clock.id} has no SVC gate (use a Cortex-M target)` });
  }
  const byName = new Map(apps.map((a) => [a.name, a]));
  apps.forEach((app, a) => {
    const h = app.header;
    const at = (field: string): (string | number)[] => ['apps', a, 'header', field];
    if (h.entryOffset >= h.textBytes) issues.push({ path: at('entryOffset'), message: `entry offset ${h.entryOffset} lies outside .text (${h.textBytes} bytes)` });
    if (h.mainStackBytes > h.stackBytes) issues.push({ path: at('mainStackBytes'), message: `main stack ${h.mainStackBytes} bytes exceeds stack_size ${h.stackBytes} bytes it is taken from` });
    if (clock !== undefined && h.gotEntries * clock.pointerBytes > h.dataBytes) {
      issues.push({ path: at('gotEntries'), message: `${h.gotEntries} GOT entries of ${clock.pointerBytes} bytes do not fit in .data (${h.dataBytes} bytes), which holds the GOT` });
    }
    const taskStacks = w.tasks.filter((t) => t.app === app.name).reduce((sum, t) => sum + (t.stackBytes ?? 0), 0);
    if (h.mainStackBytes + taskStacks > h.stackBytes) {
      issues.push({ path: at('stackBytes'), message: `stack_size ${h.stackBytes} bytes is less than the main stack ${h.mainStackBytes} plus the APP's task stacks ${taskStacks}` });
    }
  });
  w.tasks.forEach((task, t) => {
    task.body.forEach((step, s) => {
      if (step.op !== 'suspend-app' && step.op !== 'resume-app') return;
      if (!byName.has(step.app)) issues.push({ path: ['tasks', t, 'body', s, 'app'], message: `unknown APP "${step.app}": declare it in apps` });
      // The SVC gate refuses an APP's call to stop or restart APPs: only the kernel's own tasks may.
      if (task.app !== undefined) issues.push({ path: ['tasks', t, 'body', s, 'op'], message: `${step.op} is a kernel task's step; APP "${task.app}"'s task may not suspend or resume APPs` });
    });
    if (task.app === undefined) return;
    const app = byName.get(task.app);
    if (app === undefined) {
      issues.push({ path: ['tasks', t, 'app'], message: `unknown APP "${task.app}": declare it in apps` });
      return;
    }
    const allowed = new Set(app.header.permissions);
    task.body.forEach((step, s) => {
      const needs = permissionOf(step);
      if (needs !== undefined && !allowed.has(needs)) {
        issues.push({ path: ['tasks', t, 'body', s, 'op'], message: `APP "${app.name}" has no "${needs}" permission for a ${step.op} (add it to apps[].header.permissions)` });
      }
    });
  });
  return issues;
}
