import { portPrice } from '../../hardware/block.ts';
import type { Target } from '../../hardware/target.ts';
import type { MessageServiceCycles } from '../../system/model.ts';
import type { KernelCosts } from '../types.ts';
import { mosPrices, worstFindFirstCycles } from './prices.ts';

/** The three ways MOS hands the CPU from one task to another, in cycles (worst-case find-firsts). */
export interface MosSwitchCosts {
  /** A task exits and the next one on its level starts: a return and a call, no context save or restore. */
  readonly sameLevelCycles: number;
  /** An ISR posts a task of a higher level: ISR exit check, save the running level, restore the higher one, dispatch. */
  readonly preemptCycles: number;
  /** The higher level runs dry: return, check, restore the preempted level (nothing to save). */
  readonly resumeCycles: number;
}

/** The cost difference the level design makes: context save and restore only when a higher level preempts. */
export function mosSwitchCosts(target: Target): MosSwitchCosts {
  const p = mosPrices(target);
  const find = worstFindFirstCycles(p);
  const dispatch = p.dispatchFixed + 2 * find;
  const check = p.levelCheckHead + find + p.levelCheckTail;
  return {
    sameLevelCycles: p.taskReturn + dispatch,
    preemptCycles: p.isrLeave + check + p.isrEpilogue + p.levelSwitch + p.contextSave + portPrice('irq-exit', target).cycles + p.contextRestore + dispatch,
    resumeCycles: p.taskReturn + p.levelCheckHead + p.levelSwitch + p.contextRestore,
  };
}

/**
 * MOS's kernel costs on a target for `taskCount` periodic tasks. Tick = the tick ISR's kernel work
 * between prologue and epilogue (entry and exit are their own figures); switch = a preemption by a
 * higher level: check, save, restore, and the new level's dispatch, with worst-case find-firsts.
 */
export function mosCosts(target: Target, taskCount: number): KernelCosts {
  const p = mosPrices(target);
  const find = worstFindFirstCycles(p);
  const check = p.levelCheckHead + find + p.levelCheckTail;
  const dispatch = p.dispatchFixed + 2 * find;
  const tick = p.isrEnter + p.tickEnter + taskCount * p.tickTimer;
  const saveSwitch = check + p.levelSwitch + p.contextSave;
  return {
    tickCycles: tick,
    releaseCycles: p.post,
    switchCycles: saveSwitch + p.contextRestore + dispatch,
    // A run-to-completion task ends with a return to the dispatcher (the next dispatch is a switch).
    jobEndCycles: p.taskReturn,
    isrEntryCycles: portPrice('irq-entry', target).cycles + p.isrPrologue + p.isrEnter,
    isrExitCycles: p.isrLeave + check + p.isrEpilogue + portPrice('irq-exit', target).cycles,
    longestCriticalSectionCycles: Math.max(tick, saveSwitch, p.contextRestore, p.taskReturn + dispatch, p.busWritePost),
    // MOS has no mutexes.
    mutexLockCycles: 0,
    mutexUnlockCycles: 0,
  };
}

/**
 * A bus access as the calling task pays it, at worst (boot.ts plans the steps, kernel.ts runs them):
 * a send is the call and security check, the ring write with the post, then the scheduler check
 * after a task-level post (a switch to a higher level is the receiver's switch); a receive is the
 * call and check, then the ring read. A refused send costs less than an allowed one.
 */
export function mosMessageServiceCycles(target: Target): MessageServiceCycles {
  const p = mosPrices(target);
  const check = p.levelCheckHead + worstFindFirstCycles(p) + p.levelCheckTail;
  const send = p.busCallCheck + Math.max(p.busWritePost + check, p.busWriteNoReceiver, p.busRefuse);
  return { sendCycles: send, receiveCycles: p.busCallCheck + p.busRead };
}
