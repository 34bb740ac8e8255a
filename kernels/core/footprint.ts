import { portPrice, price, type Block } from '../../hardware/block.ts';
import { PORT_BLOCKS, type Target } from '../../hardware/target.ts';
import type { OsProfile } from '../profiles/types.ts';
import { createTimer } from '../timers/index.ts';
import type { Footprint } from '../types.ts';
import type { Workload } from '../../workloads/types.ts';
import { CORE_SERVICE_BLOCKS, type ServiceGroup } from './blocks.ts';
import type { CoreDesignSpec } from './design.ts';
import { offeredServices } from './service-catalogue.ts';
import { layoutBytes, type Field } from './layout.ts';
import { CORE_TCB_FIELDS } from './tcb.ts';
import { appFootprint } from '../../multiapp/footprint.ts';
import { memoByIdentity } from './identity-memo.ts';

/** Kernel globals every core-based configuration has (uC/OS-II's os_core.c globals). */
const CORE_GLOBALS: readonly Field[] = [
  { name: 'OSTime', type: 'u32' },
  { name: 'OSCtxSwCtr', type: 'u32' },
  { name: 'OSIntNesting', type: 'u8' },
  { name: 'OSLockNesting', type: 'u8' },
  { name: 'OSRunning', type: 'u8' },
  { name: 'OSTCBCur', type: 'ptr' },
  { name: 'OSTCBHighRdy', type: 'ptr' },
  { name: 'OSTCBFreeList', type: 'ptr' },
];

const SEMAPHORE: readonly Field[] = [{ name: 'type', type: 'u8' }, { name: 'count', type: 'u16' }, { name: 'waitList', type: 'ptr' }];
const MUTEX: readonly Field[] = [{ name: 'type', type: 'u8' }, { name: 'ceiling', type: 'u8' }, { name: 'ownerPrio', type: 'u8' }, { name: 'owner', type: 'ptr' }, { name: 'waitList', type: 'ptr' }];
const QUEUE: readonly Field[] = [
  { name: 'start', type: 'ptr' }, { name: 'end', type: 'ptr' }, { name: 'in', type: 'ptr' }, { name: 'out', type: 'ptr' },
  { name: 'size', type: 'u16' }, { name: 'entries', type: 'u16' }, { name: 'waitList', type: 'ptr' },
];
const FLAGS: readonly Field[] = [{ name: 'flags', type: 'u16' }, { name: 'waitList', type: 'ptr' }];

/**
 * The service groups a profile's configuration compiles in, read off its Table 1 fields: every
 * kernel has task, time and scheduler-lock services; `priorityChange: 'dynamic'` adds
 * OSTaskChangePrio; each `services` flag adds that object kind's create, delete, pend, post, accept
 * and query (service-catalogue.ts lists the functions of each group).
 */
export function serviceGroups(profile: OsProfile): ServiceGroup[] {
  const groups: ServiceGroup[] = ['core', 'task', 'time'];
  // Table 1's "change of priority: static" kernels have no OSTaskChangePrio.
  if (profile.priorityChange === 'dynamic') groups.push('priorityChange');
  const s = profile.services;
  if (s.semaphore) groups.push('semaphore');
  if (s.mutex) groups.push('mutex', ...profile.inversion);
  if (s.queue) groups.push('queue');
  if (s.mailbox) groups.push('mailbox');
  if (s.flags) groups.push('flags');
  if (profile.timeSliceTicks !== undefined) groups.push('timeSlice');
  return groups;
}

/**
 * Code and RAM of a core-based configuration on `target`: code = bytes of every block the
 * configuration includes (each once: the timed paths and the code-only rest of every offered
 * function, so whole functions with all their branches) + the port code + flash tables; RAM = TCBs (core fields +
 * the design's + the timer's, sized by pointer width) for the tasks and the idle task + one stack
 * each + globals + the kernel objects; with APPs, their gate, MPU, loader, heap and keep-alive code and
 * their RAM zones (multiapp/footprint.ts). The tasks, stacks and objects are the profile's reference
 * configuration, or `workload`'s (its tasks' `stackBytes`, its declared objects) when given.
 */
export function coreFootprint(design: CoreDesignSpec, profile: OsProfile, target: Target, workload?: Workload): Footprint {
  const fixed = configurationBytes(design, profile, target);
  const breakdown: Record<string, number> = { ...fixed.code };
  const ram = workload === undefined ? referenceRam(profile, target) : workloadRam(workload, profile, target);
  breakdown['ram:tcbs'] = fixed.tcbBytes * (ram.tasks + 1);
  breakdown['ram:stacks'] = ram.stackBytes;
  breakdown['ram:globals'] = fixed.globalsBytes;
  if (workload !== undefined) Object.assign(breakdown, appFootprint(workload, target));
  breakdown['ram:objects'] =
    ram.semaphores * layoutBytes(SEMAPHORE, target) +
    ram.mutexes * layoutBytes(MUTEX, target) +
    ram.queues * layoutBytes(QUEUE, target) +
    ram.queueSlots * target.pointerBytes +
    ram.flagGroups * layoutBytes(FLAGS, target);

  let codeBytes = 0;
  let ramBytes = 0;
  for (const [k, v] of Object.entries(breakdown)) {
    if (k.startsWith('code:')) codeBytes += v;
    else ramBytes += v;
  }
  return { codeBytes, ramBytes, breakdown };
}

/** What a configuration's bytes owe to the profile and target alone: its code by part, a TCB's size, the globals' size. */
interface ConfigurationBytes {
  readonly code: Readonly<Record<string, number>>;
  readonly tcbBytes: number;
  readonly globalsBytes: number;
}

/**
 * The workload-independent part of a footprint, derived once per design, profile and target: every
 * boot checks its footprint against the part's memory, and the blocks' bytes and the layouts are
 * the same for every workload.
 */
const configurationBytes = memoByIdentity((design: CoreDesignSpec, profile: OsProfile, target: Target): ConfigurationBytes => {
  const ready = design.createReady(target, profile);
  const timer = createTimer(profile.timer, target, []);
  const blocks = new Set<Block>();
  const groups = serviceGroups(profile);
  for (const g of groups) for (const b of CORE_SERVICE_BLOCKS[g]) blocks.add(b);
  // Whole functions: each offered service's timed blocks and its code-only rest (a block shared by two counts once).
  for (const s of offeredServices(groups)) for (const b of s.blocks) blocks.add(b);
  let kernelCode = 0;
  for (const b of blocks) kernelCode += price(b, target).bytes;
  let readyCode = 0;
  for (const b of ready.blocks) readyCode += price(b, target).bytes;
  let timerCode = 0;
  for (const b of timer.blocks) timerCode += price(b, target).bytes;
  let portCode = 0;
  for (const name of PORT_BLOCKS) portCode += portPrice(name, target).bytes;
  const code = {
    'code:services': kernelCode,
    'code:ready-structure': readyCode,
    'code:timer': timerCode,
    'code:port': portCode,
    'code:flash-tables': ready.flashTableBytes,
  };
  const tcbBytes = layoutBytes([...CORE_TCB_FIELDS, ...ready.tcbFields, ...timer.tcbFields, ...(design.keyedByDeadline ? [{ name: 'deadline', type: 'u32' } as const] : []), ...(profile.timeSliceTicks !== undefined ? [{ name: 'slice', type: 'u8' } as const] : [])], target);
  const globalsBytes = layoutBytes([...CORE_GLOBALS, ...ready.globals, ...timer.globals], target);
  return Object.freeze({ code: Object.freeze(code), tcbBytes, globalsBytes });
});

/** What RAM is sized for: task count, total stack bytes (idle included), kernel objects. */
interface RamConfig {
  readonly tasks: number;
  readonly stackBytes: number;
  readonly semaphores: number;
  readonly mutexes: number;
  readonly queues: number;
  readonly queueSlots: number;
  readonly flagGroups: number;
}

function referenceRam(profile: OsProfile, target: Target): RamConfig {
  const ref = profile.reference;
  const s = profile.services;
  return {
    tasks: ref.tasks,
    stackBytes: (ref.tasks + 1) * (target.contextFrameBytes + ref.stackBytesBeyondFrame),
    semaphores: s.semaphore ? ref.semaphores : 0,
    mutexes: s.mutex ? ref.mutexes : 0,
    queues: s.queue ? ref.queues : 0,
    queueSlots: s.queue ? ref.queues * ref.queueCapacity : 0,
    flagGroups: s.flags ? ref.flagGroups : 0,
  };
}

function workloadRam(w: Workload, profile: OsProfile, target: Target): RamConfig {
  const frame = target.contextFrameBytes + profile.reference.stackBytesBeyondFrame;
  const r = w.resources ?? {};
  const queues = r.queues ?? [];
  const mailboxes = r.mailboxes ?? [];
  return {
    tasks: w.tasks.length,
    // A task's own stackBytes is what its port needs; the idle task gets the reference frame. An
    // APP's tasks have their stacks in the APP's RAM zone (multiapp/footprint.ts counts the zone).
    stackBytes: w.tasks.filter((t) => t.app === undefined).reduce((sum, t) => sum + (t.stackBytes ?? frame), frame),
    semaphores: (r.semaphores ?? []).length,
    mutexes: (r.mutexes ?? []).length,
    queues: queues.length + mailboxes.length,
    queueSlots: queues.reduce((sum, q) => sum + q.capacity, 0) + mailboxes.length,
    flagGroups: (r.eventFlags ?? []).length,
  };
}
