/* Event wait-list helpers and the scheduler lock of uC/OS-II 2.x's os_core.c, whole functions. */
#include "../os.h"

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
