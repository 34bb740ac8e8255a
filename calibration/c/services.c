/*
 * The Table 1 service calls as uC/OS-II 2.86 writes them (os_sem.c, os_mutex.c, os_q.c, os_mbox.c),
 * whole: argument checks, error branches, the wait path and the post to a waiter. The harness
 * times the paths the kernel model prices as one block each (a pend that finds the count, a post
 * that finds no waiter, a mutex that is free, a queue with room or a message).
 */
#include "os.h"

/* OSSemPend: take a unit, or wait for one (with a timeout in ticks). */
void OSSemPend(OS_EVENT *pevent, uint16_t timeout, uint8_t *perr) {
  OS_CPU_SR cpu_sr;
  if (perr == NULL) return;
  if (pevent == NULL) { *perr = OS_ERR_PEVENT_NULL; return; }
  if (pevent->OSEventType != OS_EVENT_TYPE_SEM) { *perr = OS_ERR_EVENT_TYPE; return; }
  if (OSIntNesting > 0u) { *perr = OS_ERR_PEND_ISR; return; }
  if (OSLockNesting > 0u) { *perr = OS_ERR_PEND_LOCKED; return; }
  OS_ENTER_CRITICAL();
  if (pevent->OSEventCnt > 0u) {
    pevent->OSEventCnt--;
    OS_EXIT_CRITICAL();
    *perr = OS_ERR_NONE;
    return;
  }
  OSTCBCur->OSTCBStat |= OS_STAT_SEM;
  OSTCBCur->OSTCBStatPend = OS_STAT_PEND_OK;
  OSTCBCur->OSTCBDly = timeout;
  OS_EventTaskWait(pevent);
  OS_EXIT_CRITICAL();
  OS_Sched();
  OS_ENTER_CRITICAL();
  switch (OSTCBCur->OSTCBStatPend) {
    case OS_STAT_PEND_OK: *perr = OS_ERR_NONE; break;
    case OS_STAT_PEND_TO:
    default: OS_EventTaskRemove(OSTCBCur, pevent); *perr = OS_ERR_TIMEOUT; break;
  }
  OSTCBCur->OSTCBStat = OS_STAT_RDY;
  OSTCBCur->OSTCBStatPend = OS_STAT_PEND_OK;
  OSTCBCur->OSTCBEventPtr = NULL;
  OS_EXIT_CRITICAL();
}

/* OSSemPost: ready the best waiter, or count the unit. */
uint8_t OSSemPost(OS_EVENT *pevent) {
  OS_CPU_SR cpu_sr;
  if (pevent == NULL) return OS_ERR_PEVENT_NULL;
  if (pevent->OSEventType != OS_EVENT_TYPE_SEM) return OS_ERR_EVENT_TYPE;
  OS_ENTER_CRITICAL();
  if (pevent->OSEventGrp != 0u) {
    (void)OS_EventTaskRdy(pevent, NULL, OS_STAT_SEM, OS_STAT_PEND_OK);
    OS_EXIT_CRITICAL();
    OS_Sched();
    return OS_ERR_NONE;
  }
  if (pevent->OSEventCnt < 65535u) {
    pevent->OSEventCnt++;
    OS_EXIT_CRITICAL();
    return OS_ERR_NONE;
  }
  OS_EXIT_CRITICAL();
  return OS_ERR_SEM_OVF;
}

/*
 * OSMutexPend: take a free mutex (owner's priority kept in the low byte of OSEventCnt), else raise
 * the owner to the PIP, whether it is ready or itself waiting on another event (after uC/OS-II
 * 2.86, whose wait-table edit is OS_EventTaskRemove's here; its OS_ERR_PIP_LOWER and mprio tests are
 * left out), and wait; a timeout takes the task off the wait list.
 */
void OSMutexPend(OS_EVENT *pevent, uint16_t timeout, uint8_t *perr) {
  OS_CPU_SR cpu_sr;
  OS_TCB *ptcb;
  OS_EVENT *pevent2;
  uint8_t pip;
  uint8_t rdy;
  if (perr == NULL) return;
  if (pevent == NULL) { *perr = OS_ERR_PEVENT_NULL; return; }
  if (pevent->OSEventType != OS_EVENT_TYPE_MUTEX) { *perr = OS_ERR_EVENT_TYPE; return; }
  if (OSIntNesting > 0u) { *perr = OS_ERR_PEND_ISR; return; }
  if (OSLockNesting > 0u) { *perr = OS_ERR_PEND_LOCKED; return; }
  OS_ENTER_CRITICAL();
  pip = (uint8_t)(pevent->OSEventCnt >> 8u);
  if ((uint8_t)(pevent->OSEventCnt & 0xFFu) == 0xFFu) {
    pevent->OSEventCnt &= 0xFF00u;
    pevent->OSEventCnt |= OSTCBCur->OSTCBPrio;
    pevent->OSEventPtr = (void *)OSTCBCur;
    OS_EXIT_CRITICAL();
    *perr = OS_ERR_NONE;
    return;
  }
  ptcb = (OS_TCB *)pevent->OSEventPtr;
  if (ptcb->OSTCBPrio > pip) {
    /* The owner is ready (off the ready table) or itself waiting (off that event's wait table). */
    if ((OSRdyTbl[ptcb->OSTCBY] & ptcb->OSTCBBitX) != 0u) {
      OSRdyTbl[ptcb->OSTCBY] &= (uint8_t)~ptcb->OSTCBBitX;
      if (OSRdyTbl[ptcb->OSTCBY] == 0u) OSRdyGrp &= (uint8_t)~ptcb->OSTCBBitY;
      rdy = 1u;
    } else {
      pevent2 = ptcb->OSTCBEventPtr;
      if (pevent2 != NULL) OS_EventTaskRemove(ptcb, pevent2);
      rdy = 0u;
    }
    ptcb->OSTCBPrio = pip;
    ptcb->OSTCBY = (uint8_t)(pip >> 3u);
    ptcb->OSTCBBitY = (uint8_t)(1u << ptcb->OSTCBY);
    ptcb->OSTCBX = (uint8_t)(pip & 7u);
    ptcb->OSTCBBitX = (uint8_t)(1u << ptcb->OSTCBX);
    if (rdy == 1u) {
      OSRdyGrp |= ptcb->OSTCBBitY;
      OSRdyTbl[ptcb->OSTCBY] |= ptcb->OSTCBBitX;
    } else if (ptcb->OSTCBEventPtr != NULL) {
      pevent2 = ptcb->OSTCBEventPtr;
      pevent2->OSEventGrp |= ptcb->OSTCBBitY;
      pevent2->OSEventTbl[ptcb->OSTCBY] |= ptcb->OSTCBBitX;
    }
    OSTCBPrioTbl[pip] = ptcb;
  }
  OSTCBCur->OSTCBStat |= OS_STAT_MUTEX;
  OSTCBCur->OSTCBStatPend = OS_STAT_PEND_OK;
  OSTCBCur->OSTCBDly = timeout;
  OS_EventTaskWait(pevent);
  OS_EXIT_CRITICAL();
  OS_Sched();
  OS_ENTER_CRITICAL();
  if (OSTCBCur->OSTCBStatPend == OS_STAT_PEND_OK) {
    *perr = OS_ERR_NONE;
  } else {
    OS_EventTaskRemove(OSTCBCur, pevent);
    *perr = OS_ERR_TIMEOUT;
  }
  OSTCBCur->OSTCBStat = OS_STAT_RDY;
  OSTCBCur->OSTCBEventPtr = NULL;
  OS_EXIT_CRITICAL();
}

/* OSMutexPost: give back (restoring a raised owner's priority), hand the mutex to the best waiter or free it. */
uint8_t OSMutexPost(OS_EVENT *pevent) {
  OS_CPU_SR cpu_sr;
  uint8_t pip;
  uint8_t prio;
  if (OSIntNesting > 0u) return OS_ERR_PEND_ISR;
  if (pevent == NULL) return OS_ERR_PEVENT_NULL;
  if (pevent->OSEventType != OS_EVENT_TYPE_MUTEX) return OS_ERR_EVENT_TYPE;
  OS_ENTER_CRITICAL();
  pip = (uint8_t)(pevent->OSEventCnt >> 8u);
  prio = (uint8_t)(pevent->OSEventCnt & 0xFFu);
  if (OSTCBCur != (OS_TCB *)pevent->OSEventPtr) {
    OS_EXIT_CRITICAL();
    return OS_ERR_NOT_MUTEX_OWNER;
  }
  if (OSTCBCur->OSTCBPrio == pip) {
    OS_MakeUnready(OSTCBCur);
    OSTCBCur->OSTCBPrio = prio;
    OSTCBCur->OSTCBY = (uint8_t)(prio >> 3u);
    OSTCBCur->OSTCBBitY = (uint8_t)(1u << OSTCBCur->OSTCBY);
    OSTCBCur->OSTCBX = (uint8_t)(prio & 7u);
    OSTCBCur->OSTCBBitX = (uint8_t)(1u << OSTCBCur->OSTCBX);
    OS_MakeReady(OSTCBCur);
    OSTCBPrioTbl[prio] = OSTCBCur;
  }
  if (pevent->OSEventGrp != 0u) {
    prio = OS_EventTaskRdy(pevent, NULL, OS_STAT_MUTEX, OS_STAT_PEND_OK);
    pevent->OSEventCnt &= 0xFF00u;
    pevent->OSEventCnt |= prio;
    pevent->OSEventPtr = OSTCBPrioTbl[prio];
    OS_EXIT_CRITICAL();
    OS_Sched();
    return OS_ERR_NONE;
  }
  pevent->OSEventCnt |= 0x00FFu;
  pevent->OSEventPtr = NULL;
  OS_EXIT_CRITICAL();
  return OS_ERR_NONE;
}

/* OSQPost: hand the message to the best waiter, or append it to the ring. */
uint8_t OSQPost(OS_EVENT *pevent, void *pmsg) {
  OS_CPU_SR cpu_sr;
  OS_Q *pq;
  if (pevent == NULL) return OS_ERR_PEVENT_NULL;
  if (pevent->OSEventType != OS_EVENT_TYPE_Q) return OS_ERR_EVENT_TYPE;
  OS_ENTER_CRITICAL();
  if (pevent->OSEventGrp != 0u) {
    (void)OS_EventTaskRdy(pevent, pmsg, OS_STAT_Q, OS_STAT_PEND_OK);
    OS_EXIT_CRITICAL();
    OS_Sched();
    return OS_ERR_NONE;
  }
  pq = (OS_Q *)pevent->OSEventPtr;
  if (pq->OSQEntries >= pq->OSQSize) {
    OS_EXIT_CRITICAL();
    return OS_ERR_Q_FULL;
  }
  *pq->OSQIn++ = pmsg;
  pq->OSQEntries++;
  if (pq->OSQIn == pq->OSQEnd) pq->OSQIn = pq->OSQStart;
  OS_EXIT_CRITICAL();
  return OS_ERR_NONE;
}

/* OSQPend: take the oldest message, or wait for one. */
void *OSQPend(OS_EVENT *pevent, uint16_t timeout, uint8_t *perr) {
  OS_CPU_SR cpu_sr;
  OS_Q *pq;
  void *pmsg;
  if (perr == NULL) return NULL;
  if (pevent == NULL) { *perr = OS_ERR_PEVENT_NULL; return NULL; }
  if (pevent->OSEventType != OS_EVENT_TYPE_Q) { *perr = OS_ERR_EVENT_TYPE; return NULL; }
  if (OSIntNesting > 0u) { *perr = OS_ERR_PEND_ISR; return NULL; }
  if (OSLockNesting > 0u) { *perr = OS_ERR_PEND_LOCKED; return NULL; }
  OS_ENTER_CRITICAL();
  pq = (OS_Q *)pevent->OSEventPtr;
  if (pq->OSQEntries > 0u) {
    pmsg = *pq->OSQOut++;
    pq->OSQEntries--;
    if (pq->OSQOut == pq->OSQEnd) pq->OSQOut = pq->OSQStart;
    OS_EXIT_CRITICAL();
    *perr = OS_ERR_NONE;
    return pmsg;
  }
  OSTCBCur->OSTCBStat |= OS_STAT_Q;
  OSTCBCur->OSTCBStatPend = OS_STAT_PEND_OK;
  OSTCBCur->OSTCBDly = timeout;
  OS_EventTaskWait(pevent);
  OS_EXIT_CRITICAL();
  OS_Sched();
  OS_ENTER_CRITICAL();
  if (OSTCBCur->OSTCBStatPend == OS_STAT_PEND_OK) {
    pmsg = OSTCBCur->OSTCBMsg;
    *perr = OS_ERR_NONE;
  } else {
    OS_EventTaskRemove(OSTCBCur, pevent);
    pmsg = NULL;
    *perr = OS_ERR_TIMEOUT;
  }
  OSTCBCur->OSTCBStat = OS_STAT_RDY;
  OSTCBCur->OSTCBEventPtr = NULL;
  OSTCBCur->OSTCBMsg = NULL;
  OS_EXIT_CRITICAL();
  return pmsg;
}

/* OSMboxPost: hand the message to the best waiter, or leave it in the empty box. */
uint8_t OSMboxPost(OS_EVENT *pevent, void *pmsg) {
  OS_CPU_SR cpu_sr;
  if (pevent == NULL) return OS_ERR_PEVENT_NULL;
  if (pmsg == NULL) return OS_ERR_PEVENT_NULL;
  if (pevent->OSEventType != OS_EVENT_TYPE_MBOX) return OS_ERR_EVENT_TYPE;
  OS_ENTER_CRITICAL();
  if (pevent->OSEventGrp != 0u) {
    (void)OS_EventTaskRdy(pevent, pmsg, OS_STAT_MBOX, OS_STAT_PEND_OK);
    OS_EXIT_CRITICAL();
    OS_Sched();
    return OS_ERR_NONE;
  }
  if (pevent->OSEventPtr != NULL) {
    OS_EXIT_CRITICAL();
    return OS_ERR_MBOX_FULL;
  }
  pevent->OSEventPtr = pmsg;
  OS_EXIT_CRITICAL();
  return OS_ERR_NONE;
}
