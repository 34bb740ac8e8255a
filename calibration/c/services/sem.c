/* Semaphores of uC/OS-II 2.x (os_sem.c), whole functions. */
#include "../os.h"

/* Take a unit without waiting; returns the count before the take. */
INT16U OSSemAccept(OS_EVENT *pevent)
{
  INT16U cnt;
  OS_CPU_SR cpu_sr;

  if (pevent == (OS_EVENT *)0) {
    return 0u;
  }
  if (pevent->OSEventType != OS_EVENT_TYPE_SEM) {
    return 0u;
  }
  OS_ENTER_CRITICAL();
  cnt = pevent->OSEventCnt;
  if (cnt > 0u) {
    pevent->OSEventCnt--;
  }
  OS_EXIT_CRITICAL();
  return cnt;
}

/* Take an event control block off the free list and make it a semaphore of count `cnt`. */
OS_EVENT *OSSemCreate(INT16U cnt)
{
  OS_EVENT *pevent;
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
    pevent->OSEventType = OS_EVENT_TYPE_SEM;
    pevent->OSEventCnt = cnt;
    pevent->OSEventPtr = (void *)0;
    OS_EventWaitListInit(pevent);
  }
  return pevent;
}

/* Delete a semaphore: refuse when tasks wait (OS_DEL_NO_PEND) or ready them all (OS_DEL_ALWAYS). */
OS_EVENT *OSSemDel(OS_EVENT *pevent, INT8U opt, INT8U *perr)
{
  BOOLEAN tasks_waiting;
  OS_EVENT *pevent_return;
  OS_CPU_SR cpu_sr;

  if (perr == (INT8U *)0) {
    return pevent;
  }
  if (pevent == (OS_EVENT *)0) {
    *perr = OS_ERR_PEVENT_NULL;
    return pevent;
  }
  if (pevent->OSEventType != OS_EVENT_TYPE_SEM) {
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
        (void)OS_EventTaskRdy(pevent, (void *)0, OS_STAT_SEM, OS_STAT_PEND_OK);
      }
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

/* Copy a semaphore's count and wait list out. */
INT8U OSSemQuery(OS_EVENT *pevent, OS_SEM_DATA *p_sem_data)
{
  INT8U i;
  OS_CPU_SR cpu_sr;

  if (pevent == (OS_EVENT *)0) {
    return OS_ERR_PEVENT_NULL;
  }
  if (p_sem_data == (OS_SEM_DATA *)0) {
    return OS_ERR_PDATA_NULL;
  }
  if (pevent->OSEventType != OS_EVENT_TYPE_SEM) {
    return OS_ERR_EVENT_TYPE;
  }
  OS_ENTER_CRITICAL();
  p_sem_data->OSEventGrp = pevent->OSEventGrp;
  for (i = 0u; i < OS_EVENT_TBL_SIZE; i++) {
    p_sem_data->OSEventTbl[i] = pevent->OSEventTbl[i];
  }
  p_sem_data->OSCnt = pevent->OSEventCnt;
  OS_EXIT_CRITICAL();
  return OS_ERR_NONE;
}
