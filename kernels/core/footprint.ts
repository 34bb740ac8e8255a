import { portPrice, price, type Block } from '../../hardware/block.ts';
import { PORT_BLOCKS, type Target } from '../../hardware/target.ts';
import type { OsProfile } from '../profiles/types.ts';
import { createTimer } from '../timers/index.ts';
import type { Footprint } from '../types.ts';
import { CORE_SERVICE_BLOCKS, type ServiceGroup } from './blocks.ts';
import type { CoreDesignSpec } from './design.ts';
import { layoutBytes, type Field } from './layout.ts';
import { CORE_TCB_FIELDS } from './tcb.ts';

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

/** The service groups a profile's configuration compiles in. */
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
 * configuration includes (each once) + the port code + flash tables; RAM = TCBs (core fields +
 * the design's + the timer's, sized by pointer width) for the reference tasks and the idle task +
 * one stack each (context frame + the reference's locals) + globals + the reference's objects.
 */
export function coreFootprint(design: CoreDesignSpec, profile: OsProfile, target: Target): Footprint {
  const ready = design.createReady(target, profile);
  const timer = createTimer(profile.timer, target, []);
  const breakdown: Record<string, number> = {};
  const blocks = new Set<Block>();
  for (const g of serviceGroups(profile)) for (const b of CORE_SERVICE_BLOCKS[g]) blocks.add(b);
  let kernelCode = 0;
  for (const b of blocks) kernelCode += price(b, target).bytes;
  let readyCode = 0;
  for (const b of ready.blocks) readyCode += price(b, target).bytes;
  let timerCode = 0;
  for (const b of timer.blocks) timerCode += price(b, target).bytes;
  let portCode = 0;
  for (const name of PORT_BLOCKS) portCode += portPrice(name, target).bytes;
  breakdown['code:services'] = kernelCode;
  breakdown['code:ready-structure'] = readyCode;
  breakdown['code:timer'] = timerCode;
  breakdown['code:port'] = portCode;
  breakdown['code:flash-tables'] = ready.flashTableBytes;

  const ref = profile.reference;
  const tcbs = ref.tasks + 1;
  const tcbBytes = layoutBytes([...CORE_TCB_FIELDS, ...ready.tcbFields, ...timer.tcbFields, ...(design.keyedByDeadline ? [{ name: 'deadline', type: 'u32' } as const] : []), ...(profile.timeSliceTicks !== undefined ? [{ name: 'slice', type: 'u8' } as const] : [])], target);
  breakdown['ram:tcbs'] = tcbBytes * tcbs;
  breakdown['ram:stacks'] = tcbs * (target.contextFrameBytes + ref.stackBytesBeyondFrame);
  breakdown['ram:globals'] = layoutBytes([...CORE_GLOBALS, ...ready.globals, ...timer.globals], target);
  const s = profile.services;
  breakdown['ram:objects'] =
    (s.semaphore ? ref.semaphores * layoutBytes(SEMAPHORE, target) : 0) +
    (s.mutex ? ref.mutexes * layoutBytes(MUTEX, target) : 0) +
    (s.queue ? ref.queues * (layoutBytes(QUEUE, target) + ref.queueCapacity * target.pointerBytes) : 0) +
    (s.flags ? ref.flagGroups * layoutBytes(FLAGS, target) : 0);

  let codeBytes = 0;
  let ramBytes = 0;
  for (const [k, v] of Object.entries(breakdown)) {
    if (k.startsWith('code:')) codeBytes += v;
    else ramBytes += v;
  }
  return { codeBytes, ramBytes, breakdown };
}
