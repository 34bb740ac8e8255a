/* Mailboxes of uC/OS-II 2.x (os_mbox.c), whole functions. */
#include "../os.h"

/* Take the message without waiting. */
void *OSMboxAccept(OS_EVENT *pevent)
{
  void *pmsg;
  OS_CPU_SR cpu_sr;

  if (pevent == (OS_EVENT *)0) {
    return (void *)0;
  }
  if (pevent->OSEventType != OS_EVENT_TYPE_MBOX) {
    return (void *)0;
  }
  OS_ENTER_CRITICAL();
  pmsg = pevent->OSEventPtr;
  pevent->OSEventPtr = (void *)0;
  OS_EXIT_CRITICAL();
  return pmsg;
}

/* Take an event control block and make it a mailbox holding `pmsg`. */
OS_EVENT *OSMboxCreate(void *pmsg)
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
    pevent->OSEventType = OS_EVENT_TYPE_MBOX;
    pevent->OSEventCnt = 0u;
    pevent->OSEventPtr = pmsg;
    OS_EventWaitListInit(pevent);
  }
  return pevent;
}

/* Delete a mailbox: refuse when tasks wait (OS_DEL_NO_PEND) or ready them all (OS_DEL_ALWAYS). */
OS_EVENT *OSMboxDel(OS_EVENT *pevent, INT8U opt, INT8U *perr)
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
  if (pevent->OSEventType != OS_EVENT_TYPE_MBOX) {
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
        (void)OS_EventTaskRdy(pevent, (void *)0, OS_STAT_MBOX, OS_STAT_PEND_OK);
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

/* Wait for the message, up to `timeout` ticks. */
void *OSMboxPend(OS_EVENT *pevent, INT16U timeout, INT8U *perr)
{
  void *pmsg;
  OS_CPU_SR cpu_sr;

  if (perr == (INT8U *)0) {
    return (void *)0;
  }
  if (pevent == (OS_EVENT *)0) {
    *perr = OS_ERR_PEVENT_NULL;
    return (void *)0;
  }
  if (pevent->OSEventType != OS_EVENT_TYPE_MBOX) {
    *perr = OS_ERR_EVENT_TYPE;
    return (void *)0;
  }
  if (OSIntNesting > 0u) {
    *perr = OS_ERR_PEND_ISR;
    return (void *)0;
  }
  if (OSLockNesting > 0u) {
    *perr = OS_ERR_PEND_LOCKED;
    return (void *)0;
  }
  OS_ENTER_CRITICAL();
  pmsg = pevent->OSEventPtr;
  if (pmsg != (void *)0) {
    pevent->OSEventPtr = (void *)0;
    OS_EXIT_CRITICAL();
    *perr = OS_ERR_NONE;
    return pmsg;
  }
  OSTCBCur->OSTCBStat |= OS_STAT_MBOX;
  OSTCBCur->OSTCBStatPend = OS_STAT_PEND_OK;
  OSTCBCur->OSTCBDly = timeout;
  OS_EventTaskWait(pevent);
  OS_EXIT_CRITICAL();
  OS_Sched();
  OS_ENTER_CRITICAL();
  if (OSTCBCur->OSTCBStatPend == OS_STAT_PEND_TO) {
    pmsg = (void *)0;
    OS_EventTaskRemove(OSTCBCur, pevent);
    *perr = OS_ERR_TIMEOUT;
  } else {
    pmsg = OSTCBCur->OSTCBMsg;
    *perr = OS_ERR_NONE;
  }
  OSTCBCur->OSTCBStat = OS_STAT_RDY;
  OSTCBCur->OSTCBStatPend = OS_STAT_PEND_OK;
  OSTCBCur->OSTCBEventPtr = (OS_EVENT *)0;
  OSTCBCur->OSTCBMsg = (void *)0;
  OS_EXIT_CRITICAL();
  return pmsg;
}

/* Copy the mailbox's message and wait list out. */
INT8U OSMboxQuery(OS_EVENT *pevent, OS_MBOX_DATA *p_mbox_data)
{
  INT8U i;
  OS_CPU_SR cpu_sr;

  if (pevent == (OS_EVENT *)0) {
    return OS_ERR_PEVENT_NULL;
  }
  if (p_mbox_data == (OS_MBOX_DATA *)0) {
    return OS_ERR_PDATA_NULL;
  }
  if (pevent->OSEventType != OS_EVENT_TYPE_MBOX) {
    return OS_ERR_EVENT_TYPE;
  }
  OS_ENTER_CRITICAL();
  p_mbox_data->OSEventGrp = pevent->OSEventGrp;
  for (i = 0u; i < OS_EVENT_TBL_SIZE; i++) {
    p_mbox_data->OSEventTbl[i] = pevent->OSEventTbl[i];
  }
  p_mbox_data->OSMsg = pevent->OSEventPtr;
  OS_EXIT_CRITICAL();
  return OS_ERR_NONE;
}
