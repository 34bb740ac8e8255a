import type { Target } from '../../hardware/target.ts';
import type { TimerStrategy } from '../core/structures.ts';
import type { Tcb } from '../core/tcb.ts';
import type { TimerStrategyId } from '../profiles/types.ts';
import { deltaList } from './delta-list.ts';
import { sleepQueue } from './sleep-queue.ts';
import { sortedWakeList } from './sorted-wake-list.ts';
import { tickScan } from './tick-scan.ts';
import { timerInfoQueue } from './timer-info-queue.ts';

/** Builds the timer strategy `id` over the kernel's TCB list. */
export function createTimer(id: TimerStrategyId, target: Target, tasks: readonly Tcb[]): TimerStrategy {
  switch (id) {
    case 'tick-scan': return tickScan(target, tasks);
    case 'sleep-queue': return sleepQueue(target);
    case 'timer-info-queue': return timerInfoQueue(target);
    case 'delta-list': return deltaList(target);
    case 'delayed-list': return sortedWakeList(target, 'from-head');
    case 'sortlink': return sortedWakeList(target, 'from-tail');
  }
}
