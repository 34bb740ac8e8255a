import { block } from '../../hardware/block.ts';
import type { Target } from '../../hardware/target.ts';
import { priceAll } from '../core/pricing.ts';
import type { TimerStrategy } from '../core/structures.ts';
import { walkedQueue } from './linked-queue.ts';

/*
 * WORIX: "sleep task and wake-up function were handled in the timer interrupt service" (paper 3.2);
 * "the execution time of timer interrupt service program is related with the numbers of tasks in
 * the task sleep queue" (4.1). The timer 0 ISR walks the whole sleep queue with interrupts off,
 * decrementing each sleeper and unlinking the expired ones. Assumed: an unsorted singly linked
 * queue, new sleepers pushed at the front.
 */
const blocks = {
  head: block('sleepq-head', ['loadPtr.abs', 'cmpbrPtr.fall'], 'p = sleep_queue; if (p == NULL) done'),
  step: block('sleepq-step', ['load16.idx', ['const8', 1], 'alu16', 'store16.idx', 'cmpbr16.taken', 'movePtr', 'loadPtr.idx', 'cmpbrPtr.taken'], 'if (--p->sleep != 0) { prev = p; p = p->next; continue }'),
  unlink: block('sleepq-unlink', ['loadPtr.idx', 'storePtr.idx', 'loadPtr.idx', 'cmpbrPtr.taken'], 'prev->next = p->next (wake follows); p = next'),
  sleep: block('sleepq-sleep', ['loadPtr.abs', 'store16.idx', 'storePtr.idx', 'storePtr.abs'], 'cur->sleep = ticks; cur->next = sleep_queue; sleep_queue = cur'),
  cancelStep: block('sleepq-cancel-step', ['loadPtr.idx', 'cmpbrPtr.taken'], 'walk to the predecessor'),
};

/** WORIX's sleep queue, walked whole at every tick. */
export function sleepQueue(target: Target): TimerStrategy {
  const c = priceAll(blocks, target);
  return {
    blocks: Object.values(blocks),
    globals: [{ name: 'sleep_queue', type: 'ptr' }],
    tcbFields: [{ name: 'sleepNext', type: 'ptr' }],
    ...walkedQueue(c),
  };
}
