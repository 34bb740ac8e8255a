import { block } from '../../hardware/block.ts';
import type { Target } from '../../hardware/target.ts';
import type { Cycles } from '../../hardware/units.ts';
import { priceAll } from '../core/pricing.ts';
import type { SegmentPlan, TimerStrategy } from '../core/structures.ts';
import { STATE_DELAYED, type Tcb } from '../core/tcb.ts';

/** Read once: tsx turns each imported binding into a getter, slow in the per-TCB loop. */

/*
 * uC/OS-II's OSTimeTick (os_core.c): walk every TCB on OSTCBList up to the idle task, each in its
 * own short critical section, decrementing OSTCBDly and making the task ready when it reaches 0.
 * The tick's length grows with the task count; its longest masked stretch does not.
 */
const blocks = {
  loop: block('scan-loop', ['load8.idx', 'cmpbr8.taken'], 'while (ptcb->OSTCBPrio != OS_TASK_IDLE_PRIO)'),
  idleTcb: block('scan-tcb-not-delayed', ['saveIrqState', 'load16.idx', 'cmpbr16.taken', 'loadPtr.idx', 'movePtr', 'restoreIrqState'], 'OS_ENTER_CRITICAL; if (ptcb->OSTCBDly != 0) skipped; ptcb = ptcb->OSTCBNext; OS_EXIT_CRITICAL'),
  delayedTcb: block('scan-tcb-delayed', ['saveIrqState', 'load16.idx', 'cmpbr16.fall', ['const8', 1], 'alu16', 'store16.idx', 'cmpbr16.taken', 'loadPtr.idx', 'movePtr', 'restoreIrqState'], 'OS_ENTER_CRITICAL; if (--ptcb->OSTCBDly == 0) ...; ptcb = ptcb->OSTCBNext; OS_EXIT_CRITICAL'),
  expire: block('scan-expire', ['load8.idx', 'cmpbr8.fall'], 'if ((ptcb->OSTCBStat & OS_STAT_SUSPEND) == 0) make ready (the design inserts)'),
  sleep: block('scan-sleep', ['loadPtr.abs', 'store16.idx'], 'OSTCBCur->OSTCBDly = ticks'),
};

/** A per-tick scan of every task's TCB. */
export function tickScan(target: Target, tasks: readonly Tcb[]): TimerStrategy {
  const c = priceAll(blocks, target);
  return {
    blocks: Object.values(blocks),
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
          cycles = c.idleTcb;
        } else {
          t.delay--;
          cycles = c.delayedTcb;
          if (t.delay === 0 && t.state === STATE_DELAYED) cycles += c.expire + wake(t);
        }
        if (apart) {
          plan.add(c.loop, false);
          plan.add(cycles, true);
        } else {
          walk += c.loop + cycles;
        }
      }
      plan.add(walk + c.loop, false);
    },
    idleTickPlan(plan: SegmentPlan, taskCount: number): void {
      for (let i = 0; i < taskCount; i++) {
        plan.add(c.loop, false);
        plan.add(c.delayedTcb, true);
      }
      plan.add(c.loop, false);
    },
  };
}
