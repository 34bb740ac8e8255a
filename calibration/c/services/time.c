/* Time management of uC/OS-II 2.x (os_time.c), whole functions. */
#include "../os.h"

/* Delay the running task by `ticks`: off the ready table, OSTCBDly set, reschedule. */
void OSTimeDly(INT16U ticks)
{
  INT8U y;
  OS_CPU_SR cpu_sr;

  if (OSIntNesting > 0u) {
    return;
  }
  if (OSLockNesting > 0u) {
    return;
  }
  if (ticks > 0u) {
    OS_ENTER_CRITICAL();
    y = OSTCBCur->OSTCBY;
    OSRdyTbl[y] &= (INT8U)~OSTCBCur->OSTCBBitX;
    if (OSRdyTbl[y] == 0u) {
      OSRdyGrp &= (INT8U)~OSTCBCur->OSTCBBitY;
    }
    OSTCBCur->OSTCBDly = ticks;
    OS_EXIT_CRITICAL();
    OS_Sched();
  }
}

/* End another task's delay early (a pend's timeout counts as a delay too). */
INT8U OSTimeDlyResume(INT8U prio)
{
  OS_TCB *ptcb;
  OS_CPU_SR cpu_sr;

  if (prio >= OS_LOWEST_PRIO) {
    return OS_ERR_PRIO_INVALID;
  }
  OS_ENTER_CRITICAL();
  ptcb = OSTCBPrioTbl[prio];
  if (ptcb == (OS_TCB *)0 || ptcb == OS_TCB_RESERVED) {
    OS_EXIT_CRITICAL();
    return OS_ERR_TASK_NOT_EXIST;
  }
  if (ptcb->OSTCBDly == 0u) {
    OS_EXIT_CRITICAL();
    return OS_ERR_TIME_NOT_DLY;
  }
  ptcb->OSTCBDly = 0u;
  if ((ptcb->OSTCBStat & OS_STAT_PEND_ANY) != OS_STAT_RDY) {
    ptcb->OSTCBStat &= (INT8U)~OS_STAT_PEND_ANY;
    ptcb->OSTCBStatPend = OS_STAT_PEND_TO;
  } else {
    ptcb->OSTCBStatPend = OS_STAT_PEND_OK;
  }
  if ((ptcb->OSTCBStat & OS_STAT_SUSPEND) == OS_STAT_RDY) {
    OSRdyGrp |= ptcb->OSTCBBitY;
    OSRdyTbl[ptcb->OSTCBY] |= ptcb->OSTCBBitX;
    OS_EXIT_CRITICAL();
    OS_Sched();
  } else {
    OS_EXIT_CRITICAL();
  }
  return OS_ERR_NONE;
}

/* Read the tick counter atomically. */
INT32U OSTimeGet(void)
{
  INT32U ticks;
  OS_CPU_SR cpu_sr;

  OS_ENTER_CRITICAL();
  ticks = OSTime;
  OS_EXIT_CRITICAL();
  return ticks;
}

/* Set the tick counter atomically. */
void OSTimeSet(INT32U ticks)
{
  OS_CPU_SR cpu_sr;

  OS_ENTER_CRITICAL();
  OSTime = ticks;
  OS_EXIT_CRITICAL();
}
