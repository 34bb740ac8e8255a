import { block } from '../../hardware/block.ts';
import type { Target } from '../../hardware/target.ts';
import { priceAll } from '../core/pricing.ts';
import type { TimerStrategy } from '../core/structures.ts';
import { walkedQueue } from './linked-queue.ts';

/*
 * Webit 5.0: "the processed incident is not sleep queue in the timer interrupt of Webit 5.0, but the
 * timer_info queue of timer ... In addition to set the sleep time, it also can set the numbers of
 * task sleep. Therefore, Webit 5.0 will handle more related interrupt information" (paper 4.1).
 * Each timer_info entry carries a sleep count, a reload value and a repeat count; the timer ISR
 * walks every entry with interrupts off and checks both counts, and an expired entry is unlinked
 * and wakes its task. Assumed: one entry per sleeping task, reached through a pointer from the
 * entry to its TCB; task delays arm entries with a repeat count of 0 (no workload step asks for a
 * repeating timer), so the reload path is code the footprint counts but no run executes.
 */
const blocks = {
  head: block('timerinfo-head', ['loadPtr.abs', 'cmpbrPtr.fall'], 'info = timer_info; if (info == NULL) done'),
  step: block('timerinfo-step', ['loadPtr.idx', 'load16.idx', ['const8', 1], 'alu16', 'store16.idx', 'cmpbr16.taken', 'load8.idx', 'cmpbr8.taken', 'load8.idx', 'cmpbr8.fall', 'movePtr', 'loadPtr.idx', 'cmpbrPtr.taken'], 'task = info->owner; if (--info->sleep != 0) next; check info->repeat and info->flags'),
  reload: block('timerinfo-reload', ['load16.idx', 'store16.idx', 'load8.idx', 'alu8', 'store8.idx'], 'info->sleep = info->reload; info->repeat--'),
  unlink: block('timerinfo-unlink', ['loadPtr.idx', 'storePtr.idx', 'store8.idx', 'loadPtr.idx', 'cmpbrPtr.taken'], 'unlink the entry and free it; wake its task (the insert follows)'),
  sleep: block('timerinfo-sleep', ['loadPtr.abs', 'storePtr.idx', 'store16.idx', 'store16.idx', 'store8.idx', 'store8.idx', 'storePtr.idx', 'storePtr.abs'], 'fill a timer_info entry (owner, sleep, reload, repeat, flags) and link it'),
  cancelStep: block('timerinfo-cancel-step', ['loadPtr.idx', 'loadPtr.idx', 'cmpbrPtr.taken'], 'walk to the entry of this task'),
};

/** Webit's timer_info queue: sleep and repeat counts per entry, every entry processed each tick. */
export function timerInfoQueue(target: Target): TimerStrategy {
  const c = priceAll(blocks, target);
  return {
    blocks: Object.values(blocks),
    globals: [{ name: 'timer_info', type: 'ptr' }],
    tcbFields: [
      { name: 'infoNext', type: 'ptr' },
      { name: 'infoOwner', type: 'ptr' },
      { name: 'infoSleep', type: 'u16' },
      { name: 'infoReload', type: 'u16' },
      { name: 'infoRepeat', type: 'u8' },
      { name: 'infoFlags', type: 'u8' },
    ],
    ...walkedQueue(c),
  };
}
