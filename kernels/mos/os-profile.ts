import { PAPER_REFERENCE, type OsProfile } from '../profiles/types.ts';
import { MOS_PROFILE } from './profile.ts';

/**
 * MOS as an OS profile, so the registry, `kbench kernels` and the experiments treat it like the
 * paper's five. The facts and their seed citations live in `kernels/mos/profile.ts`; this maps them
 * onto the profile fields. RAM is stated for the paper profiles' reference (8 tasks, 64 bytes beyond
 * the frame, one queue of 8), which `MOS_REFERENCE_LAYOUT` mirrors.
 */
export const mos: OsProfile = {
  id: MOS_PROFILE.id,
  name: MOS_PROFILE.name,
  displayName: 'MOS',
  color: '#b279a2',
  design: 'mos',
  // Limited preemption: a higher execution level preempts a lower one, never within a level.
  preemptive: true,
  priorities: MOS_PROFILE.limits.priorities,
  maxTasks: MOS_PROFILE.limits.tasks,
  priorityChange: 'static',
  samePriority: MOS_PROFILE.samePrioritySupport,
  timeSliceTicks: undefined,
  // Per-task countdowns scanned on every tick, as in kernels/mos/blocks.ts (mos-tick-timer).
  timer: 'tick-scan',
  services: { semaphore: false, mutex: false, queue: true, mailbox: true, flags: false },
  inversion: [],
  // No MOS port code is public and the seed does not say: DEFAULT_NESTING holds on every core.
  nesting: {},
  reference: PAPER_REFERENCE,
  cites: MOS_PROFILE.citations.map((c) => `seed 000 section ${c.section}: "${c.seed}" (${c.claim})`),
  assumptions: [
    ...MOS_PROFILE.assumptions,
    'Queues and mailboxes are bus objects: a send posts the receiving task, a receive never blocks.',
  ],
};
