import { defineExperiment } from './contract.ts';
import { sweepSettings, sweepUnits, type SweepUnit } from './fig1.ts';
import type { Fig2Row } from './paper-rows.ts';
import { runSleepWake, type SleepWakeResult } from './sleep-wake-run.ts';

/*
 * The paper's Figure 2: task-switch time (min, mean, max) against the number of running tasks, on
 * the same task set and units as fig1. The priorities are what make claim 6 testable: tasks have
 * distinct priorities where the profile allows, so after each task sleeps the kernel picks the next
 * lower priority, and a scan-from-the-top pick (WORIX) costs more the lower that priority is.
 */

/** The fig2 experiment: one unit per target x profile x task count. */
export const fig2 = defineExperiment<SweepUnit, SleepWakeResult>({
  id: 'fig2',
  title: 'Task-switch time against running tasks (the paper\'s Figure 2)',
  description:
    'The fig1 task set: n = 1..8 tasks, each computing 200 AVR reference cycles and sleeping until the next 1 kHz tick. Priorities: task i gets priority i (0 most urgent), capped at the profile\'s lowest level, so on WORIX (6 levels) tasks 5-7 share level 5, on iDCX (5 levels) tasks 4-7 share level 4, and every other profile gives each task its own level. All wake on the same tick and run in priority order, so each switch hands the CPU to the next lower priority (and finally to the idle task): one switch per priority level in use, which is what exposes a pick whose cost depends on the priority of the task that becomes ready (claim 6). A switch is timed from the probe\'s SwitchOut of the task that paused to the SwitchIn of the next task (save, pick, restore), idle included as the next task; switches away from idle (the tick ISR preempting the idle loop) are left out. min, mean and max are over every such switch of the run.',
  columns: ['target', 'profile', 'tasks', 'switchMeanUs', 'switchMinUs', 'switchMaxUs'],
  settings: sweepSettings,
  units: sweepUnits,
  runUnit: ({ target, profile, tasks, durationMs, horizonCapMs }) => runSleepWake(target, profile, tasks, durationMs, undefined, horizonCapMs),
  reduce: (results) =>
    results.map((r): Fig2Row => ({ target: r.target, profile: r.profile, tasks: r.tasks, switchMeanUs: r.switchMeanUs, switchMinUs: r.switchMinUs, switchMaxUs: r.switchMaxUs })),
});
