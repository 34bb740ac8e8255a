import type { AppHeader, TaskSpec, Workload } from '../workloads/types.ts';

/*
 * The multi-APP studies' systems: a meter whose eight management tasks (reference-cycle compute, a
 * job-end delay-until, released together every 10 ms on the 1 ms tick) are grouped into 1-8 vendor
 * APPs, or run as one single-image kernel. Sizes of the APP header are a plausible small vendor APP
 * (24 KB of code, 2 KB of .data with 120 GOT entries, 4 KB .bss, 4 KB stacks, 8 KB heap): assumed,
 * not measured on a meter.
 */

/** The header the studies give each APP. */
export const STUDY_APP_HEADER: AppHeader = {
  entryOffset: 0,
  textBytes: 24 * 1024,
  dataBytes: 2 * 1024,
  bssBytes: 4 * 1024,
  gotEntries: 120,
  stackBytes: 4 * 1024,
  mainStackBytes: 1024,
  heapBytes: 8 * 1024,
  mainPriority: 8,
  permissions: ['semaphore', 'mutex', 'queue', 'delay', 'flags'],
};

/** Tasks of the study's meter. */
export const STUDY_TASKS = 8;
const PERIOD_US = 10_000;
const COMPUTE_CYCLES = 4000;

/**
 * The eight tasks in `apps` APPs, in contiguous groups (task i in APP floor(i * apps / 8)), so that
 * apps - 1 of the seven task-to-task switches of a period cross from one APP to another; with
 * `apps` = 0 the same tasks in a single-image kernel (no APP, no isolation).
 */
export function meterWithApps(apps: number): Workload {
  const appOf = (i: number): string => `vendor${Math.floor((i * apps) / STUDY_TASKS)}`;
  const tasks: TaskSpec[] = Array.from({ length: STUDY_TASKS }, (_, i) => ({
    name: `task${i}`,
    priority: i,
    trigger: { kind: 'periodic', periodUs: PERIOD_US },
    body: [{ op: 'compute', cycles: COMPUTE_CYCLES }, { op: 'io-out' }],
    ...(apps > 0 ? { app: appOf(i) } : {}),
  }));
  const declared = apps > 0 ? { apps: Array.from({ length: apps }, (_, a) => ({ name: `vendor${a}`, header: STUDY_APP_HEADER })) } : {};
  return {
    name: `meter-${apps}-apps`,
    description: apps > 0 ? `eight meter tasks in ${apps} isolated APPs` : 'eight meter tasks in a single-image kernel',
    referenceTarget: 'm4',
    tickHz: 1000,
    tasks,
    ...declared,
    sources: ['multiapp/fixtures.ts: eight equal periodic tasks, an assumed vendor APP header'],
  };
}

/** `w` with each of its tasks in an APP of its own (every permission), as a vendor-per-task meter would run it. */
export function eachTaskInItsOwnApp(w: Workload): Workload {
  return { ...w, apps: w.tasks.map((t) => ({ name: `app-${t.name}`, header: STUDY_APP_HEADER })), tasks: w.tasks.map((t) => ({ ...t, app: `app-${t.name}` })) };
}
