import type { ReleaseMode } from '../types.ts';
import type { Step, TaskSpec, Workload } from '../../workloads/types.ts';
import { ProfileLimitError } from './validate.ts';

/*
 * What the core kernel needs of a workload whose kernel tasks suspend and relaunch an APP (steps
 * `suspend-app` / `resume-app`, the MemManage handler and the guardian's restart). A relaunched task
 * starts over at its first release after now, which the kernel can count only for tasks released
 * periodically on the tick; a suspended task must hold no mutex (nothing would give it back); and
 * a relaunch makes ready only tasks below its caller, so it needs no scheduling point of its own.
 */

/** Throws ProfileLimitError, naming the field, where the core kernel cannot suspend or relaunch an APP as the workload asks. */
export function checkAppControl(w: Workload, releases: ReleaseMode): void {
  // Indexed loops: every boot runs this check, and callbacks per task would be allocated each time.
  for (let i = 0; i < w.tasks.length; i++) {
    const caller = w.tasks[i] as TaskSpec;
    for (let j = 0; j < caller.body.length; j++) {
      const step = caller.body[j] as Step;
      if (step.op === 'suspend-app' || step.op === 'resume-app') checkControlledApp(w, releases, caller, step, `tasks[${i}].body[${j}]`);
    }
  }
}

/** The checks of one suspend-app or resume-app step at `at` against every task of the APP it names. */
function checkControlledApp(w: Workload, releases: ReleaseMode, caller: TaskSpec, step: Step & { readonly app: string }, at: string): void {
  w.tasks.forEach((t, k) => {
    if (t.app !== step.app) return;
    if (releases !== 'tick' || t.trigger.kind !== 'periodic' || (t.releaseJitterUs ?? 0) > 0) {
      throw new ProfileLimitError(`${at}.app: task tasks[${k}] of APP "${step.app}" must be periodic on the tick without release jitter for the kernel to relaunch it`);
    }
    if (t.body.some((s) => s.op === 'lock')) throw new ProfileLimitError(`${at}.app: task tasks[${k}] of APP "${step.app}" locks a mutex, which a suspension would never give back`);
    if (step.op === 'resume-app' && t.priority <= caller.priority) {
      throw new ProfileLimitError(`${at}.op: the relaunching task must be above every task of APP "${step.app}" (priority ${caller.priority}, tasks[${k}] has ${t.priority})`);
    }
  });
}
