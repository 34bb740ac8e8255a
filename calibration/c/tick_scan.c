/*
 * uC/OS-II 2.x OSTimeTick (os_core.c): OSTime++ in its own critical section, then a walk of every
 * TCB on OSTCBList up to the idle task, each in its own critical section, decrementing OSTCBDly and
 * making the task ready when its delay ends and it is not suspended.
 */
#include "os.h"

void OSTimeTick(void) {
  OS_TCB *ptcb;
  OS_CPU_SR cpu_sr;

  OS_ENTER_CRITICAL();
  OSTime++;
  OS_EXIT_CRITICAL();
  ptcb = OSTCBList;
  while (ptcb->OSTCBPrio != OS_TASK_IDLE_PRIO) {
    OS_ENTER_CRITICAL();
    if (ptcb->OSTCBDly != 0u) {
      if (--ptcb->OSTCBDly == 0u) {
        if ((ptcb->OSTCBStat & OS_STAT_SUSPEND) == OS_STAT_RDY) {
          OSRdyGrp |= ptcb->OSTCBBitY;
          OSRdyTbl[ptcb->OSTCBY] |= ptcb->OSTCBBitX;
        } else {
          ptcb->OSTCBDly = 1u;
        }
      }
    }
    ptcb = ptcb->OSTCBNext;
    OS_EXIT_CRITICAL();
  }
}
