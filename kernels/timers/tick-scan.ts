import { block } from '../../hardware/block.ts';
import type { Target } from '../../hardware/target.ts';
import type { Cycles } from '../../hardware/units.ts';
import { priceAll } from '../core/pricing.ts';
import type { SegmentPlan, TimerStrategy } from '../core/structures.ts';
import { STATE_DELAYED, type Tcb } from '../core/tcb.ts';

/*
 * uC/OS-II's OSTimeTick (os_core.c): walk every TCB on OSTCBList up to the idle task, each in its
 * own short critical section, decrementing OSTCBDly and making the task ready when it reaches 0.
 * The tick's length grows with the task count; its longest masked stretch does not.
 */
/*
 * The blocks mirror avr-gcc -Os's code for calibration/c/tick_scan.c: the per-TCB critical section
 * and the step to the next TCB are one piece of code that every TCB runs, delayed or not; `code` is
 * every instruction once (the footprint), `exits` the other outcomes of branches already in `code`.
 */
const code = {
  loop: block('scan-loop', ['load8.idx', 'cmpbr8.fall'], 'while (ptcb->OSTCBPrio != OS_TASK_IDLE_PRIO)'),
  tcbEnter: block('scan-tcb-enter', ['saveIrqState', 'load16.idx', 'cmpbr16.fall'], 'OS_ENTER_CRITICAL; if (ptcb->OSTCBDly != 0)'),
  decrement: block('scan-tcb-decrement', ['alu16', 'store16.idx', 'cmpbr16.taken'], 'if (--ptcb->OSTCBDly == 0)'),
  expire: block('scan-expire', ['load8.idx', 'cmpbr8.fall'], 'if ((ptcb->OSTCBStat & OS_STAT_SUSPEND) == 0) make ready (the design inserts)'),
  suspended: block('scan-suspended', ['store16.idx', 'jump'], 'else ptcb->OSTCBDly = 1'),
  tcbLeave: block('scan-tcb-leave', ['followPtr', 'restoreIrqState', 'jump'], 'ptcb = ptcb->OSTCBNext; OS_EXIT_CRITICAL; and the jump back'),
  sleep: block('scan-sleep', ['loadPtr.abs', 'store16.idx'], 'OSTCBCur->OSTCBDly = ticks'),
};
const exits = {
  notDelayed: block('scan-tcb-not-delayed', ['saveIrqState', 'load16.idx', 'cmpbr16.taken'], 'OS_ENTER_CRITICAL; OSTCBDly == 0: nothing to count'),
  end: block('scan-end', ['load8.idx', 'cmpbr8.taken'], 'the idle task ends the walk'),
};

/** A per-tick scan of every task's TCB. */
export function tickScan(target: Target, tasks: readonly Tcb[]): TimerStrategy {
  const c = priceAll(code, target);
  const x = priceAll(exits, target);
  const idleTcb = x.notDelayed + c.tcbLeave;
  const delayedTcb = c.tcbEnter + c.decrement + c.tcbLeave;
  return {
    blocks: Object.values(code),
    globals: [{ name: 'OSTCBList', type: 'ptr' }],
    tcbFields: [],
    sleep(t: Tcb, ticks: number): Cycles {
      t.delay = ticks;
      return c.sleep;
    },
    worstSleepCycles: (): Cycles => c.sleep,
    cancel(t: Tcb): Cycles {
      t.delay = 0;
      return c.sleep;
    },
    tick(plan: SegmentPlan, wake: (t: Tcb) => Cycles): void {
      // Each TCB's critical section is a masked part of its own, unless nothing can interrupt the
      // tick: then the whole walk is one masked stretch, summed here.
      const apart = !plan.allMasked;
      let walk = 0;
      for (let i = 0; i < tasks.length; i++) {
        const t = tasks[i] as Tcb;
        let cycles: Cycles;
        if (t.delay === 0) {
          cycles = idleTcb;
        } else {
          t.delay--;
          cycles = delayedTcb;
          if (t.delay === 0 && t.state === STATE_DELAYED) cycles += c.expire + wake(t);
        }
        if (apart) {
          plan.addStep(c.loop, cycles);
        } else {
          walk += c.loop + cycles;
        }
      }
      plan.add(walk + x.end, false);
    },
    idleTickPlan(plan: SegmentPlan, taskCount: number): void {
      for (let i = 0; i < taskCount; i++) {
        plan.add(c.loop, false);
        plan.add(delayedTcb, true);
      }
      plan.add(x.end, false);
    },
  };
}
