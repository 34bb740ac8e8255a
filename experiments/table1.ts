import { getDesign, getProfile, type OsProfile } from '../kernels/registry.ts';
import { defineExperiment } from './contract.ts';
import { sweepProfiles } from './fig1.ts';
import { TABLE1 } from './published.ts';

/*
 * The paper's Table 1 (mechanisms), generated from the profiles kbench runs (kernels/profiles/*.ts)
 * rather than copied: one row per profile, the table's rows as columns, in the paper's words. A
 * last column names the rows where the profile, as modelled, differs from what the paper printed,
 * so every assumption that changes a Table 1 entry is visible beside the table. No target: the
 * mechanisms are the same on every CPU.
 */

/** A Table 1 row of one profile, in the paper's vocabulary. */
export type Table1Row = {
  readonly profile: string;
  readonly design: string;
  readonly preemptive: string;
  readonly priorities: string;
  readonly priorityChange: string;
  readonly scheduling: string;
  readonly samePriority: string;
  readonly maxTasks: string;
  readonly synchronisation: string;
  readonly communication: string;
  readonly inversionAvoidance: string;
  /** The paper's Table 1 rows this profile's model departs from ('' when none; null for MOS, which the paper does not cover). */
  readonly differsFromPaper: string | null;
};

const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

/** How the profile schedules, in the paper's Table 1 words where they apply. */
function scheduling(p: OsProfile): string {
  const design = getDesign(p.design);
  if (design.ownScheduling !== undefined) return design.ownScheduling.rule;
  if (design.policy === 'edf') return 'earliest deadline first';
  if (p.timeSliceTicks !== undefined) return 'time-slice round robin';
  return p.preemptive ? 'fixed-priority preemptive' : 'fixed-priority non-preemptive';
}

/**
 * Objects a task blocks on to wait for another task. A message queue counts only where the profile
 * has no semaphore: it then doubles as one (the profiles post I/O releases through a queue), which
 * is how the paper lists it for Webit and iDCX.
 */
function synchronisation(p: OsProfile): string {
  const s = p.services;
  const names = [s.semaphore && 'semaphore', s.mutex && 'mutex', !s.semaphore && s.queue && 'message queue', s.flags && 'event flags'];
  return names.filter((n): n is string => typeof n === 'string').join(', ') || 'none';
}

function communication(p: OsProfile): string {
  const names = [p.services.mailbox && 'mailbox', p.services.queue && 'message queue'];
  return names.filter((n): n is string => typeof n === 'string').join(', ') || 'none';
}

/** The paper's Table 1 row names, keyed by this table's columns (max tasks is compared by number). */
const PAPER_ROW_OF: Readonly<Record<string, string>> = {
  preemptive: 'preemptive kernel',
  priorities: 'priorities',
  priorityChange: 'priority change',
  scheduling: 'scheduling',
  samePriority: 'same-priority tasks',
  maxTasks: 'max tasks',
  synchronisation: 'synchronisation',
  communication: 'communication',
  inversionAvoidance: 'priority-inversion avoidance',
};

/** The paper's entry for a profile and row, or undefined when the paper has no column for the profile. */
function paperEntry(profile: string, row: string): string | undefined {
  const r = TABLE1.rows.find((x) => x.mechanism === row);
  return r === undefined ? undefined : (r as Readonly<Record<string, string>>)[profile];
}

/** Whether two entries say the same: equal text, or for max tasks the same application-task count. */
function agrees(column: string, ours: string, paper: string, p: OsProfile): boolean {
  if (column !== 'maxTasks') return ours === paper;
  // uC/OS-II's "64 (8 reserved)": 64 in all, 8 of them the system's, so the applications get 56.
  const [total, reserved] = (paper.match(/\d+/g) ?? []).map(Number);
  return p.maxTasks === (total ?? NaN) - (reserved ?? 0);
}

/** Table 1's row for one profile, from its data. */
export function table1Row(p: OsProfile): Table1Row {
  const cells = {
    preemptive: getDesign(p.design).ownScheduling?.preemption ?? yesNo(p.preemptive),
    priorities: String(p.priorities),
    priorityChange: p.priorityChange,
    scheduling: scheduling(p),
    samePriority: yesNo(p.samePriority),
    maxTasks: String(p.maxTasks),
    synchronisation: synchronisation(p),
    communication: communication(p),
    inversionAvoidance: p.inversion.join(', ') || 'none needed',
  };
  const inPaper = paperEntry(p.id, 'priorities') !== undefined;
  const differs = Object.entries(cells)
    .map(([column, ours]) => ({ column, ours, paper: paperEntry(p.id, PAPER_ROW_OF[column] ?? '') }))
    .filter(({ column, ours, paper }) => paper !== undefined && !agrees(column, ours, paper, p))
    .map(({ column, ours, paper }) => `${PAPER_ROW_OF[column]}: paper "${paper}", modelled "${ours}"`);
  return { profile: p.id, design: p.design, ...cells, differsFromPaper: inPaper ? differs.join('; ') : null };
}

/** The table1 experiment: one unit per profile. */
export const table1 = defineExperiment<{ readonly profile: string }, Table1Row>({
  id: 'table1',
  title: "Mechanisms per profile (the paper's Table 1), generated from the profiles",
  description:
    "Each profile's data (kernels/profiles/*.ts) in the words of the paper's Table 1, plus the kernel design that runs it and MOS as a sixth row. Synchronisation lists the objects a task can block on for another task (a message queue counts where the profile has no semaphore, as the paper lists it for Webit and iDCX). differsFromPaper names every Table 1 entry the model departs from; each departure is an assumption stated in the profile (for example WORIX allows equal priorities, because 16 tasks on 6 priorities need them). The table holds for every target.",
  columns: ['profile', 'design', 'preemptive', 'priorities', 'priorityChange', 'scheduling', 'samePriority', 'maxTasks', 'synchronisation', 'communication', 'inversionAvoidance', 'differsFromPaper'],
  settings: () => ({ seeds: [], targets: [], durationMs: null }),
  units: () => sweepProfiles().map((profile) => ({ profile })),
  runUnit: ({ profile }) => table1Row(getProfile(profile)),
  reduce: (results) => [...results],
});
