/* Event wait-list helpers and the scheduler lock of uC/OS-II 2.x's os_core.c, whole functions. */
#include "os_services.h"

/* Make the highest-priority waiter of `pevent` ready; returns its priority. */
INT8U OS_EventTaskRdy(OS_EVENT *pevent, void *pmsg, INT8U msk, INT8U pend_stat)
{
  OS_TCB *ptcb;
  INT8U y, x, prio;

  y = OSUnMapTbl[pevent->OSEventGrp];
  x = OSUnMapTbl[pevent->OSEventTbl[y]];
  prio = (INT8U)((y << 3u) + x);
  ptcb = OSTCBPrioTbl[prio];
  ptcb->OSTCBDly = 0u;
  ptcb->OSTCBMsg = pmsg;
  ptcb->OSTCBStat &= (INT8U)~msk;
  ptcb->OSTCBStatPend = pend_stat;
  if ((ptcb->OSTCBStat & OS_STAT_SUSPEND) == OS_STAT_RDY) {
    OSRdyGrp |= ptcb->OSTCBBitY;
    OSRdyTbl[y] |= ptcb->OSTCBBitX;
  }
  OS_EventTaskRemove(ptcb, pevent);
  return prio;
}

/* Move the running task from the ready table to `pevent`'s wait list. */
void OS_EventTaskWait(OS_EVENT *pevent)
{
  INT8U y;

  OSTCBCur->OSTCBEventPtr = pevent;
  pevent->OSEventTbl[OSTCBCur->OSTCBY] |= OSTCBCur->OSTCBBitX;
  pevent->OSEventGrp |= OSTCBCur->OSTCBBitY;
  y = OSTCBCur->OSTCBY;
  OSRdyTbl[y] &= (INT8U)~OSTCBCur->OSTCBBitX;
  if (OSRdyTbl[y] == 0u) {
    OSRdyGrp &= (INT8U)~OSTCBCur->OSTCBBitY;
  }
}

/* Take `ptcb` off `pevent`'s wait list (timeout, abort, delete). */
void OS_EventTaskRemove(OS_TCB *ptcb, OS_EVENT *pevent)
{
  INT8U y;

  y = ptcb->OSTCBY;
  pevent->OSEventTbl[y] &= (INT8U)~ptcb->OSTCBBitX;
  if (pevent->OSEventTbl[y] == 0u) {
    pevent->OSEventGrp &= (INT8U)~ptcb->OSTCBBitY;
  }
  ptcb->OSTCBEventPtr = (OS_EVENT *)0;
}

/* Clear an event's wait list. */
void OS_EventWaitListInit(OS_EVENT *pevent)
{
  INT8U i;

  pevent->OSEventGrp = 0u;
  for (i = 0u; i < OS_EVENT_TBL_SIZE; i++) {
    pevent->OSEventTbl[i] = 0u;
  }
}

/* Prevent rescheduling. */
void OSSchedLock(void)
{
  OS_CPU_SR cpu_sr;

  if (OSRunning == 1u) {
    OS_ENTER_CRITICAL();
    if (OSIntNesting == 0u) {
      if (OSLockNesting < 255u) {
        OSLockNesting++;
      }
    }
    OS_EXIT_CRITICAL();
  }
}

/* Allow rescheduling again, and reschedule when the last lock goes. */
void OSSchedUnlock(void)
{
  OS_CPU_SR cpu_sr;

  if (OSRunning == 1u) {
    OS_ENTER_CRITICAL();
    if (OSLockNesting > 0u) {
      OSLockNesting--;
      if (OSLockNesting == 0u) {
        if (OSIntNesting == 0u) {
          OS_EXIT_CRITICAL();
          OS_Sched();
        } else {
          OS_EXIT_CRITICAL();
        }
      } else {
        OS_EXIT_CRITICAL();
      }
    } else {
      OS_EXIT_CRITICAL();
    }
  }
}

/* Chain the event control blocks into OSEventFreeList (called by OSInit). */
void OS_InitEventList(void)
{
  INT8U i;
  OS_EVENT *pevent1;
  OS_EVENT *pevent2;

  pevent1 = &OSEventTbl[0];
  pevent2 = &OSEventTbl[1];
  for (i = 0u; i < (OS_MAX_EVENTS - 1u); i++) {
    pevent1->OSEventType = OS_EVENT_TYPE_UNUSED;
    pevent1->OSEventPtr = pevent2;
    pevent1++;
    pevent2++;
  }
  pevent1->OSEventType = OS_EVENT_TYPE_UNUSED;
  pevent1->OSEventPtr = (OS_EVENT *)0;
  OSEventFreeList = &OSEventTbl[0];
}
