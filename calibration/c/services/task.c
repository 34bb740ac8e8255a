/* Task management of uC/OS-II 2.x (os_task.c, and OS_TCBInit of os_core.c), whole functions. */
#include "../os.h"

/* Take a free TCB, fill it, link it at the head of OSTCBList and into OSTCBPrioTbl. */
INT8U OS_TCBInit(INT8U prio, OS_STK *ptos)
{
  OS_TCB *ptcb;
  OS_CPU_SR cpu_sr;

  OS_ENTER_CRITICAL();
  ptcb = OSTCBFreeList;
  if (ptcb != (OS_TCB *)0) {
    OSTCBFreeList = ptcb->OSTCBNext;
    OS_EXIT_CRITICAL();
    ptcb->OSTCBStkPtr = ptos;
    ptcb->OSTCBPrio = prio;
    ptcb->OSTCBStat = OS_STAT_RDY;
    ptcb->OSTCBStatPend = OS_STAT_PEND_OK;
    ptcb->OSTCBDly = 0u;
    ptcb->OSTCBDelReq = OS_ERR_NONE;
    ptcb->OSTCBY = (INT8U)(prio >> 3u);
    ptcb->OSTCBBitY = (INT8U)(1u << ptcb->OSTCBY);
    ptcb->OSTCBX = (INT8U)(prio & 0x07u);
    ptcb->OSTCBBitX = (INT8U)(1u << ptcb->OSTCBX);
    ptcb->OSTCBEventPtr = (OS_EVENT *)0;
    ptcb->OSTCBFlagNode = (OS_FLAG_NODE *)0;
    ptcb->OSTCBMsg = (void *)0;
    OS_ENTER_CRITICAL();
    OSTCBPrioTbl[prio] = ptcb;
    ptcb->OSTCBNext = OSTCBList;
    ptcb->OSTCBPrev = (OS_TCB *)0;
    if (OSTCBList != (OS_TCB *)0) {
      OSTCBList->OSTCBPrev = ptcb;
    }
    OSTCBList = ptcb;
    OSRdyGrp |= ptcb->OSTCBBitY;
    OSRdyTbl[ptcb->OSTCBY] |= ptcb->OSTCBBitX;
    OSTaskCtr++;
    OS_EXIT_CRITICAL();
    return OS_ERR_NONE;
  }
  OS_EXIT_CRITICAL();
  return OS_ERR_TASK_NO_MORE_TCB;
}

/* Create a task at `prio`: reserve the priority, build its stack frame and TCB, reschedule. */
INT8U OSTaskCreate(void (*task)(void *p_arg), void *p_arg, OS_STK *ptos, INT8U prio)
{
  OS_STK *psp;
  INT8U err;
  OS_CPU_SR cpu_sr;

  if (prio > OS_LOWEST_PRIO) {
    return OS_ERR_PRIO_INVALID;
  }
  OS_ENTER_CRITICAL();
  if (OSIntNesting > 0u) {
    OS_EXIT_CRITICAL();
    return OS_ERR_CREATE_ISR;
  }
  if (OSTCBPrioTbl[prio] == (OS_TCB *)0) {
    OSTCBPrioTbl[prio] = OS_TCB_RESERVED;
    OS_EXIT_CRITICAL();
    psp = OSTaskStkInit(task, p_arg, ptos);
    err = OS_TCBInit(prio, psp);
    if (err == OS_ERR_NONE) {
      if (OSRunning == 1u) {
        OS_Sched();
      }
    } else {
      OS_ENTER_CRITICAL();
      OSTCBPrioTbl[prio] = (OS_TCB *)0;
      OS_EXIT_CRITICAL();
    }
    return err;
  }
  OS_EXIT_CRITICAL();
  return OS_ERR_PRIO_EXIST;
}

/* Delete a task: off the ready table, its event and flag waits, OSTCBList; TCB to the free list. */
INT8U OSTaskDel(INT8U prio)
{
  OS_TCB *ptcb;
  OS_FLAG_NODE *pnode;
  OS_CPU_SR cpu_sr;

  if (OSIntNesting > 0u) {
    return OS_ERR_TASK_DEL_ISR;
  }
  if (prio == OS_LOWEST_PRIO) {
    return OS_ERR_TASK_DEL_IDLE;
  }
  if (prio >= OS_LOWEST_PRIO && prio != OS_PRIO_SELF) {
    return OS_ERR_PRIO_INVALID;
  }
  OS_ENTER_CRITICAL();
  if (prio == OS_PRIO_SELF) {
    prio = OSTCBCur->OSTCBPrio;
  }
  ptcb = OSTCBPrioTbl[prio];
  if (ptcb == (OS_TCB *)0 || ptcb == OS_TCB_RESERVED) {
    OS_EXIT_CRITICAL();
    return OS_ERR_TASK_NOT_EXIST;
  }
  OSRdyTbl[ptcb->OSTCBY] &= (INT8U)~ptcb->OSTCBBitX;
  if (OSRdyTbl[ptcb->OSTCBY] == 0u) {
    OSRdyGrp &= (INT8U)~ptcb->OSTCBBitY;
  }
  if (ptcb->OSTCBEventPtr != (OS_EVENT *)0) {
    OS_EventTaskRemove(ptcb, ptcb->OSTCBEventPtr);
  }
  pnode = ptcb->OSTCBFlagNode;
  if (pnode != (OS_FLAG_NODE *)0) {
    OS_FlagUnlink(pnode);
  }
  ptcb->OSTCBDly = 0u;
  ptcb->OSTCBStat = OS_STAT_RDY;
  ptcb->OSTCBStatPend = OS_STAT_PEND_OK;
  if (OSLockNesting < 255u) {
    OSLockNesting++;
  }
  OS_EXIT_CRITICAL();
  OS_ENTER_CRITICAL();
  if (OSLockNesting > 0u) {
    OSLockNesting--;
  }
  OSTaskCtr--;
  OSTCBPrioTbl[prio] = (OS_TCB *)0;
  if (ptcb->OSTCBPrev == (OS_TCB *)0) {
    ptcb->OSTCBNext->OSTCBPrev = (OS_TCB *)0;
    OSTCBList = ptcb->OSTCBNext;
  } else {
    ptcb->OSTCBPrev->OSTCBNext = ptcb->OSTCBNext;
    ptcb->OSTCBNext->OSTCBPrev = ptcb->OSTCBPrev;
  }
  ptcb->OSTCBNext = OSTCBFreeList;
  OSTCBFreeList = ptcb;
  OS_EXIT_CRITICAL();
  if (OSRunning == 1u) {
    OS_Sched();
  }
  return OS_ERR_NONE;
}

/* Suspend a task (or the caller): clear its ready bit, set OS_STAT_SUSPEND. */
INT8U OSTaskSuspend(INT8U prio)
{
  BOOLEAN self;
  OS_TCB *ptcb;
  INT8U y;
  OS_CPU_SR cpu_sr;

  if (prio == OS_LOWEST_PRIO) {
    return OS_ERR_TASK_SUSPEND_IDLE;
  }
  if (prio >= OS_LOWEST_PRIO && prio != OS_PRIO_SELF) {
    return OS_ERR_PRIO_INVALID;
  }
  OS_ENTER_CRITICAL();
  if (prio == OS_PRIO_SELF) {
    prio = OSTCBCur->OSTCBPrio;
    self = 1u;
  } else if (prio == OSTCBCur->OSTCBPrio) {
    self = 1u;
  } else {
    self = 0u;
  }
  ptcb = OSTCBPrioTbl[prio];
  if (ptcb == (OS_TCB *)0 || ptcb == OS_TCB_RESERVED) {
    OS_EXIT_CRITICAL();
    return OS_ERR_TASK_SUSPEND_PRIO;
  }
  y = ptcb->OSTCBY;
  OSRdyTbl[y] &= (INT8U)~ptcb->OSTCBBitX;
  if (OSRdyTbl[y] == 0u) {
    OSRdyGrp &= (INT8U)~ptcb->OSTCBBitY;
  }
  ptcb->OSTCBStat |= OS_STAT_SUSPEND;
  OS_EXIT_CRITICAL();
  if (self == 1u) {
    OS_Sched();
  }
  return OS_ERR_NONE;
}

/* Resume a suspended task: clear OS_STAT_SUSPEND, make it ready unless it still waits or sleeps. */
INT8U OSTaskResume(INT8U prio)
{
  OS_TCB *ptcb;
  OS_CPU_SR cpu_sr;

  if (prio >= OS_LOWEST_PRIO) {
    return OS_ERR_PRIO_INVALID;
  }
  OS_ENTER_CRITICAL();
  ptcb = OSTCBPrioTbl[prio];
  if (ptcb == (OS_TCB *)0) {
    OS_EXIT_CRITICAL();
    return OS_ERR_TASK_RESUME_PRIO;
  }
  if (ptcb == OS_TCB_RESERVED) {
    OS_EXIT_CRITICAL();
    return OS_ERR_TASK_NOT_EXIST;
  }
  if ((ptcb->OSTCBStat & OS_STAT_SUSPEND) != OS_STAT_RDY) {
    ptcb->OSTCBStat &= (INT8U)~OS_STAT_SUSPEND;
    if ((ptcb->OSTCBStat & OS_STAT_PEND_ANY) == OS_STAT_RDY && ptcb->OSTCBDly == 0u) {
      OSRdyGrp |= ptcb->OSTCBBitY;
      OSRdyTbl[ptcb->OSTCBY] |= ptcb->OSTCBBitX;
      OS_EXIT_CRITICAL();
      if (OSRunning == 1u) {
        OS_Sched();
      }
    } else {
      OS_EXIT_CRITICAL();
    }
    return OS_ERR_NONE;
  }
  OS_EXIT_CRITICAL();
  return OS_ERR_TASK_NOT_SUSPENDED;
}

/* Copy a task's TCB out for inspection. */
INT8U OSTaskQuery(INT8U prio, OS_TCB *p_task_data)
{
  OS_TCB *ptcb;
  OS_CPU_SR cpu_sr;

  if (prio > OS_LOWEST_PRIO && prio != OS_PRIO_SELF) {
    return OS_ERR_PRIO_INVALID;
  }
  if (p_task_data == (OS_TCB *)0) {
    return OS_ERR_PDATA_NULL;
  }
  OS_ENTER_CRITICAL();
  if (prio == OS_PRIO_SELF) {
    prio = OSTCBCur->OSTCBPrio;
  }
  ptcb = OSTCBPrioTbl[prio];
  if (ptcb == (OS_TCB *)0) {
    OS_EXIT_CRITICAL();
    return OS_ERR_PRIO;
  }
  if (ptcb == OS_TCB_RESERVED) {
    OS_EXIT_CRITICAL();
    return OS_ERR_TASK_NOT_EXIST;
  }
  *p_task_data = *ptcb;
  OS_EXIT_CRITICAL();
  return OS_ERR_NONE;
}

/* Move a task to a new priority: ready table, OSTCBPrioTbl, and the wait list it pends on. */
INT8U OSTaskChangePrio(INT8U oldprio, INT8U newprio)
{
  OS_EVENT *pevent;
  OS_TCB *ptcb;
  INT8U y_new, x_new, y_old;
  INT8U bity_new, bitx_new, bity_old, bitx_old;
  OS_CPU_SR cpu_sr;

  if (oldprio >= OS_LOWEST_PRIO && oldprio != OS_PRIO_SELF) {
    return OS_ERR_PRIO_INVALID;
  }
  if (newprio >= OS_LOWEST_PRIO) {
    return OS_ERR_PRIO_INVALID;
  }
  OS_ENTER_CRITICAL();
  if (OSTCBPrioTbl[newprio] != (OS_TCB *)0) {
    OS_EXIT_CRITICAL();
    return OS_ERR_PRIO_EXIST;
  }
  if (oldprio == OS_PRIO_SELF) {
    oldprio = OSTCBCur->OSTCBPrio;
  }
  ptcb = OSTCBPrioTbl[oldprio];
  if (ptcb == (OS_TCB *)0) {
    OS_EXIT_CRITICAL();
    return OS_ERR_PRIO;
  }
  if (ptcb == OS_TCB_RESERVED) {
    OS_EXIT_CRITICAL();
    return OS_ERR_TASK_NOT_EXIST;
  }
  y_new = (INT8U)(newprio >> 3u);
  x_new = (INT8U)(newprio & 0x07u);
  bity_new = (INT8U)(1u << y_new);
  bitx_new = (INT8U)(1u << x_new);
  OSTCBPrioTbl[oldprio] = (OS_TCB *)0;
  OSTCBPrioTbl[newprio] = ptcb;
  y_old = ptcb->OSTCBY;
  bity_old = ptcb->OSTCBBitY;
  bitx_old = ptcb->OSTCBBitX;
  if ((OSRdyTbl[y_old] & bitx_old) != 0u) {
    OSRdyTbl[y_old] &= (INT8U)~bitx_old;
    if (OSRdyTbl[y_old] == 0u) {
      OSRdyGrp &= (INT8U)~bity_old;
    }
    OSRdyGrp |= bity_new;
    OSRdyTbl[y_new] |= bitx_new;
  }
  pevent = ptcb->OSTCBEventPtr;
  if (pevent != (OS_EVENT *)0) {
    pevent->OSEventTbl[y_old] &= (INT8U)~bitx_old;
    if (pevent->OSEventTbl[y_old] == 0u) {
      pevent->OSEventGrp &= (INT8U)~bity_old;
    }
    pevent->OSEventGrp |= bity_new;
    pevent->OSEventTbl[y_new] |= bitx_new;
  }
  ptcb->OSTCBPrio = newprio;
  ptcb->OSTCBY = y_new;
  ptcb->OSTCBX = x_new;
  ptcb->OSTCBBitY = bity_new;
  ptcb->OSTCBBitX = bitx_new;
  OS_EXIT_CRITICAL();
  if (OSRunning == 1u) {
    OS_Sched();
  }
  return OS_ERR_NONE;
}
