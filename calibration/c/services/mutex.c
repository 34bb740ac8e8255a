/* Mutual-exclusion semaphores of uC/OS-II 2.x (os_mutex.c), whole functions: the owner is raised to
   the mutex's priority (PIP) while a higher-priority task waits, the ceiling kbench's profiles use. */
#include "../os.h"

/* Put a task whose priority changed back into the ready table at `prio`. */
void OSMutex_RdyAtPrio(OS_TCB *ptcb, INT8U prio)
{
  INT8U y;

  y = ptcb->OSTCBY;
  OSRdyTbl[y] &= (INT8U)~ptcb->OSTCBBitX;
  if (OSRdyTbl[y] == 0u) {
    OSRdyGrp &= (INT8U)~ptcb->OSTCBBitY;
  }
  ptcb->OSTCBPrio = prio;
  ptcb->OSTCBY = (INT8U)(prio >> 3u);
  ptcb->OSTCBX = (INT8U)(prio & 0x07u);
  ptcb->OSTCBBitY = (INT8U)(1u << ptcb->OSTCBY);
  ptcb->OSTCBBitX = (INT8U)(1u << ptcb->OSTCBX);
  OSRdyGrp |= ptcb->OSTCBBitY;
  OSRdyTbl[ptcb->OSTCBY] |= ptcb->OSTCBBitX;
  OSTCBPrioTbl[prio] = ptcb;
}

/* Take the mutex if free, without waiting. */
BOOLEAN OSMutexAccept(OS_EVENT *pevent, INT8U *perr)
{
  INT8U pip;
  OS_CPU_SR cpu_sr;

  if (perr == (INT8U *)0) {
    return 0u;
  }
  if (pevent == (OS_EVENT *)0) {
    *perr = OS_ERR_PEVENT_NULL;
    return 0u;
  }
  if (pevent->OSEventType != OS_EVENT_TYPE_MUTEX) {
    *perr = OS_ERR_EVENT_TYPE;
    return 0u;
  }
  if (OSIntNesting > 0u) {
    *perr = OS_ERR_PEND_ISR;
    return 0u;
  }
  OS_ENTER_CRITICAL();
  pip = (INT8U)(pevent->OSEventCnt >> 8u);
  if ((pevent->OSEventCnt & OS_MUTEX_KEEP_LOWER_8) == OS_MUTEX_AVAILABLE) {
    pevent->OSEventCnt &= OS_MUTEX_KEEP_UPPER_8;
    pevent->OSEventCnt |= OSTCBCur->OSTCBPrio;
    pevent->OSEventPtr = (void *)OSTCBCur;
    if (OSTCBCur->OSTCBPrio <= pip) {
      OS_EXIT_CRITICAL();
      *perr = OS_ERR_PIP_LOWER;
    } else {
      OS_EXIT_CRITICAL();
      *perr = OS_ERR_NONE;
    }
    return 1u;
  }
  OS_EXIT_CRITICAL();
  *perr = OS_ERR_NONE;
  return 0u;
}

/* Reserve priority `prio` for the mutex and take an event control block for it. */
OS_EVENT *OSMutexCreate(INT8U prio, INT8U *perr)
{
  OS_EVENT *pevent;
  OS_CPU_SR cpu_sr;

  if (perr == (INT8U *)0) {
    return (OS_EVENT *)0;
  }
  if (prio >= OS_LOWEST_PRIO) {
    *perr = OS_ERR_PRIO_INVALID;
    return (OS_EVENT *)0;
  }
  if (OSIntNesting > 0u) {
    *perr = OS_ERR_CREATE_ISR;
    return (OS_EVENT *)0;
  }
  OS_ENTER_CRITICAL();
  if (OSTCBPrioTbl[prio] != (OS_TCB *)0) {
    OS_EXIT_CRITICAL();
    *perr = OS_ERR_PRIO_EXIST;
    return (OS_EVENT *)0;
  }
  OSTCBPrioTbl[prio] = OS_TCB_RESERVED;
  pevent = OSEventFreeList;
  if (pevent == (OS_EVENT *)0) {
    OSTCBPrioTbl[prio] = (OS_TCB *)0;
    OS_EXIT_CRITICAL();
    *perr = OS_ERR_PEVENT_NULL;
    return pevent;
  }
  OSEventFreeList = (OS_EVENT *)OSEventFreeList->OSEventPtr;
  OS_EXIT_CRITICAL();
  pevent->OSEventType = OS_EVENT_TYPE_MUTEX;
  pevent->OSEventCnt = (INT16U)((INT16U)prio << 8u) | OS_MUTEX_AVAILABLE;
  pevent->OSEventPtr = (void *)0;
  OS_EventWaitListInit(pevent);
  *perr = OS_ERR_NONE;
  return pevent;
}

/* Delete a mutex: restore a raised owner, ready every waiter if asked, free the PIP slot. */
OS_EVENT *OSMutexDel(OS_EVENT *pevent, INT8U opt, INT8U *perr)
{
  BOOLEAN tasks_waiting;
  OS_EVENT *pevent_return;
  INT8U pip, prio;
  OS_TCB *ptcb;
  OS_CPU_SR cpu_sr;

  if (perr == (INT8U *)0) {
    return pevent;
  }
  if (pevent == (OS_EVENT *)0) {
    *perr = OS_ERR_PEVENT_NULL;
    return pevent;
  }
  if (pevent->OSEventType != OS_EVENT_TYPE_MUTEX) {
    *perr = OS_ERR_EVENT_TYPE;
    return pevent;
  }
  if (OSIntNesting > 0u) {
    *perr = OS_ERR_DEL_ISR;
    return pevent;
  }
  OS_ENTER_CRITICAL();
  tasks_waiting = (pevent->OSEventGrp != 0u) ? 1u : 0u;
  switch (opt) {
    case OS_DEL_NO_PEND:
      if (tasks_waiting == 0u) {
        pip = (INT8U)(pevent->OSEventCnt >> 8u);
        OSTCBPrioTbl[pip] = (OS_TCB *)0;
        pevent->OSEventType = OS_EVENT_TYPE_UNUSED;
        pevent->OSEventPtr = OSEventFreeList;
        pevent->OSEventCnt = 0u;
        OSEventFreeList = pevent;
        OS_EXIT_CRITICAL();
        *perr = OS_ERR_NONE;
        pevent_return = (OS_EVENT *)0;
      } else {
        OS_EXIT_CRITICAL();
        *perr = OS_ERR_TASK_WAITING;
        pevent_return = pevent;
      }
      break;
    case OS_DEL_ALWAYS:
      pip = (INT8U)(pevent->OSEventCnt >> 8u);
      prio = (INT8U)(pevent->OSEventCnt & OS_MUTEX_KEEP_LOWER_8);
      ptcb = (OS_TCB *)pevent->OSEventPtr;
      if (ptcb != (OS_TCB *)0) {
        if (ptcb->OSTCBPrio == pip) {
          OSMutex_RdyAtPrio(ptcb, prio);
        }
      }
      while (pevent->OSEventGrp != 0u) {
        (void)OS_EventTaskRdy(pevent, (void *)0, OS_STAT_MUTEX, OS_STAT_PEND_OK);
      }
      OSTCBPrioTbl[pip] = (OS_TCB *)0;
      pevent->OSEventType = OS_EVENT_TYPE_UNUSED;
      pevent->OSEventPtr = OSEventFreeList;
      pevent->OSEventCnt = 0u;
      OSEventFreeList = pevent;
      OS_EXIT_CRITICAL();
      if (tasks_waiting == 1u) {
        OS_Sched();
      }
      *perr = OS_ERR_NONE;
      pevent_return = (OS_EVENT *)0;
      break;
    default:
      OS_EXIT_CRITICAL();
      *perr = OS_ERR_INVALID_OPT;
      pevent_return = pevent;
      break;
  }
  return pevent_return;
}

/* Copy the mutex's state and wait list out. */
INT8U OSMutexQuery(OS_EVENT *pevent, OS_MUTEX_DATA *p_mutex_data)
{
  INT8U i;
  OS_CPU_SR cpu_sr;

  if (OSIntNesting > 0u) {
    return OS_ERR_QUERY_ISR;
  }
  if (pevent == (OS_EVENT *)0) {
    return OS_ERR_PEVENT_NULL;
  }
  if (p_mutex_data == (OS_MUTEX_DATA *)0) {
    return OS_ERR_PDATA_NULL;
  }
  if (pevent->OSEventType != OS_EVENT_TYPE_MUTEX) {
    return OS_ERR_EVENT_TYPE;
  }
  OS_ENTER_CRITICAL();
  p_mutex_data->OSMutexPIP = (INT8U)(pevent->OSEventCnt >> 8u);
  p_mutex_data->OSOwnerPrio = (INT8U)(pevent->OSEventCnt & OS_MUTEX_KEEP_LOWER_8);
  if (p_mutex_data->OSOwnerPrio == 0xFFu) {
    p_mutex_data->OSValue = 1u;
  } else {
    p_mutex_data->OSValue = 0u;
  }
  p_mutex_data->OSEventGrp = pevent->OSEventGrp;
  for (i = 0u; i < OS_EVENT_TBL_SIZE; i++) {
    p_mutex_data->OSEventTbl[i] = pevent->OSEventTbl[i];
  }
  OS_EXIT_CRITICAL();
  return OS_ERR_NONE;
}
