/* Message queues of uC/OS-II 2.x (os_q.c), whole functions. */
#include "../os.h"

/* Take a message without waiting. */
void *OSQAccept(OS_EVENT *pevent, INT8U *perr)
{
  void *pmsg;
  OS_Q *pq;
  OS_CPU_SR cpu_sr;

  if (perr == (INT8U *)0) {
    return (void *)0;
  }
  if (pevent == (OS_EVENT *)0) {
    *perr = OS_ERR_PEVENT_NULL;
    return (void *)0;
  }
  if (pevent->OSEventType != OS_EVENT_TYPE_Q) {
    *perr = OS_ERR_EVENT_TYPE;
    return (void *)0;
  }
  OS_ENTER_CRITICAL();
  pq = (OS_Q *)pevent->OSEventPtr;
  if (pq->OSQEntries > 0u) {
    pmsg = *pq->OSQOut++;
    pq->OSQEntries--;
    if (pq->OSQOut == pq->OSQEnd) {
      pq->OSQOut = pq->OSQStart;
    }
    *perr = OS_ERR_NONE;
  } else {
    *perr = OS_ERR_Q_EMPTY;
    pmsg = (void *)0;
  }
  OS_EXIT_CRITICAL();
  return pmsg;
}

/* Take an event control block and a queue control block, set the ring over `start[size]`. */
OS_EVENT *OSQCreate(void **start, INT16U size)
{
  OS_EVENT *pevent;
  OS_Q *pq;
  OS_CPU_SR cpu_sr;

  if (OSIntNesting > 0u) {
    return (OS_EVENT *)0;
  }
  OS_ENTER_CRITICAL();
  pevent = OSEventFreeList;
  if (OSEventFreeList != (OS_EVENT *)0) {
    OSEventFreeList = (OS_EVENT *)OSEventFreeList->OSEventPtr;
  }
  OS_EXIT_CRITICAL();
  if (pevent != (OS_EVENT *)0) {
    OS_ENTER_CRITICAL();
    pq = OSQFreeList;
    if (pq != (OS_Q *)0) {
      OSQFreeList = OSQFreeList->OSQPtr;
      OS_EXIT_CRITICAL();
      pq->OSQStart = start;
      pq->OSQEnd = &start[size];
      pq->OSQIn = start;
      pq->OSQOut = start;
      pq->OSQSize = size;
      pq->OSQEntries = 0u;
      pevent->OSEventType = OS_EVENT_TYPE_Q;
      pevent->OSEventCnt = 0u;
      pevent->OSEventPtr = pq;
      OS_EventWaitListInit(pevent);
    } else {
      pevent->OSEventPtr = (void *)OSEventFreeList;
      OSEventFreeList = pevent;
      OS_EXIT_CRITICAL();
      pevent = (OS_EVENT *)0;
    }
  }
  return pevent;
}

/* Delete a queue: refuse when tasks wait (OS_DEL_NO_PEND) or ready them all (OS_DEL_ALWAYS). */
OS_EVENT *OSQDel(OS_EVENT *pevent, INT8U opt, INT8U *perr)
{
  BOOLEAN tasks_waiting;
  OS_EVENT *pevent_return;
  OS_Q *pq;
  OS_CPU_SR cpu_sr;

  if (perr == (INT8U *)0) {
    return pevent;
  }
  if (pevent == (OS_EVENT *)0) {
    *perr = OS_ERR_PEVENT_NULL;
    return pevent;
  }
  if (pevent->OSEventType != OS_EVENT_TYPE_Q) {
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
        pq = (OS_Q *)pevent->OSEventPtr;
        pq->OSQPtr = OSQFreeList;
        OSQFreeList = pq;
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
      while (pevent->OSEventGrp != 0u) {
        (void)OS_EventTaskRdy(pevent, (void *)0, OS_STAT_Q, OS_STAT_PEND_OK);
      }
      pq = (OS_Q *)pevent->OSEventPtr;
      pq->OSQPtr = OSQFreeList;
      OSQFreeList = pq;
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

/* Empty the queue. */
INT8U OSQFlush(OS_EVENT *pevent)
{
  OS_Q *pq;
  OS_CPU_SR cpu_sr;

  if (pevent == (OS_EVENT *)0) {
    return OS_ERR_PEVENT_NULL;
  }
  if (pevent->OSEventType != OS_EVENT_TYPE_Q) {
    return OS_ERR_EVENT_TYPE;
  }
  OS_ENTER_CRITICAL();
  pq = (OS_Q *)pevent->OSEventPtr;
  pq->OSQIn = pq->OSQStart;
  pq->OSQOut = pq->OSQStart;
  pq->OSQEntries = 0u;
  OS_EXIT_CRITICAL();
  return OS_ERR_NONE;
}

/* Copy the queue's next message, counts and wait list out. */
INT8U OSQQuery(OS_EVENT *pevent, OS_Q_DATA *p_q_data)
{
  OS_Q *pq;
  INT8U i;
  OS_CPU_SR cpu_sr;

  if (pevent == (OS_EVENT *)0) {
    return OS_ERR_PEVENT_NULL;
  }
  if (p_q_data == (OS_Q_DATA *)0) {
    return OS_ERR_PDATA_NULL;
  }
  if (pevent->OSEventType != OS_EVENT_TYPE_Q) {
    return OS_ERR_EVENT_TYPE;
  }
  OS_ENTER_CRITICAL();
  p_q_data->OSEventGrp = pevent->OSEventGrp;
  for (i = 0u; i < OS_EVENT_TBL_SIZE; i++) {
    p_q_data->OSEventTbl[i] = pevent->OSEventTbl[i];
  }
  pq = (OS_Q *)pevent->OSEventPtr;
  if (pq->OSQEntries > 0u) {
    p_q_data->OSMsg = *pq->OSQOut;
  } else {
    p_q_data->OSMsg = (void *)0;
  }
  p_q_data->OSNMsgs = pq->OSQEntries;
  p_q_data->OSQSize = pq->OSQSize;
  OS_EXIT_CRITICAL();
  return OS_ERR_NONE;
}

/* Chain the queue control blocks into OSQFreeList (called by OSInit). */
void OS_QInit(void)
{
  INT16U i;
  OS_Q *pq1;
  OS_Q *pq2;

  pq1 = &OSQTbl[0];
  pq2 = &OSQTbl[1];
  for (i = 0u; i < (OS_MAX_QS - 1u); i++) {
    pq1->OSQPtr = pq2;
    pq1++;
    pq2++;
  }
  pq1->OSQPtr = (OS_Q *)0;
  OSQFreeList = &OSQTbl[0];
}
