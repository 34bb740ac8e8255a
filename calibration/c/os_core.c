/*
 * uC/OS-II 2.86 os_core.c's scheduler and event-list helpers on the table-driven ready structure:
 * OS_Sched, OS_EventTaskWait, OS_EventTaskRemove, OS_EventTaskRdy. The services call them.
 */
#include "os.h"

/* OS_Sched: from task level, switch to the highest ready task when it is not the running one. */
void OS_Sched(void) {
  OS_CPU_SR cpu_sr;
  OS_ENTER_CRITICAL();
  if (OSIntNesting == 0u) {
    if (OSLockNesting == 0u) {
      OS_SchedNew();
      if (OSPrioHighRdy != OSPrioCur) {
        OSTCBHighRdy = OSTCBPrioTbl[OSPrioHighRdy];
        OSCtxSwCtr++;
        OSCtxSw();
      }
    }
  }
  OS_EXIT_CRITICAL();
}

/* Make the running task wait on `pevent`: off the ready table, onto the event's wait table. */
void OS_EventTaskWait(OS_EVENT *pevent) {
  uint8_t y;
  OSTCBCur->OSTCBEventPtr = pevent;
  pevent->OSEventTbl[OSTCBCur->OSTCBY] |= OSTCBCur->OSTCBBitX;
  pevent->OSEventGrp |= OSTCBCur->OSTCBBitY;
  y = OSTCBCur->OSTCBY;
  OSRdyTbl[y] &= (uint8_t)~OSTCBCur->OSTCBBitX;
  if (OSRdyTbl[y] == 0u) {
    OSRdyGrp &= (uint8_t)~OSTCBCur->OSTCBBitY;
  }
}

/* Take `ptcb` off the wait table of `pevent` (a timeout or an abort). */
void OS_EventTaskRemove(OS_TCB *ptcb, OS_EVENT *pevent) {
  uint8_t y = ptcb->OSTCBY;
  pevent->OSEventTbl[y] &= (uint8_t)~ptcb->OSTCBBitX;
  if (pevent->OSEventTbl[y] == 0u) {
    pevent->OSEventGrp &= (uint8_t)~ptcb->OSTCBBitY;
  }
}

/* Ready the highest-priority waiter of `pevent`, hand it `pmsg`; returns its priority. */
uint8_t OS_EventTaskRdy(OS_EVENT *pevent, void *pmsg, uint8_t msk, uint8_t pend_stat) {
  OS_TCB *ptcb;
  uint8_t y = OS_FLASH_READ(&OSUnMapTbl[pevent->OSEventGrp]);
  uint8_t x = OS_FLASH_READ(&OSUnMapTbl[pevent->OSEventTbl[y]]);
  uint8_t prio = (uint8_t)((y << 3u) + x);
  ptcb = OSTCBPrioTbl[prio];
  ptcb->OSTCBDly = 0u;
  ptcb->OSTCBMsg = pmsg;
  ptcb->OSTCBStat &= (uint8_t)~msk;
  ptcb->OSTCBStatPend = pend_stat;
  if ((ptcb->OSTCBStat & OS_STAT_SUSPEND) == OS_STAT_RDY) {
    OSRdyGrp |= ptcb->OSTCBBitY;
    OSRdyTbl[y] |= ptcb->OSTCBBitX;
  }
  OS_EventTaskRemove(ptcb, pevent);
  ptcb->OSTCBEventPtr = NULL;
  return prio;
}
