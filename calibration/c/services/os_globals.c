/*
 * The globals of os_core.c, os_q.c and os_flag.c that only the whole services use (the timed
 * kernel's own are ../globals.c and ../table_driven.c), and the port's OSTaskStkInit that
 * OSTaskCreate calls, so that every service links into the calibration image.
 */
#include "os_services.h"

OS_TCB *OSTCBFreeList;
BOOLEAN OSRunning;
INT8U OSTaskCtr;
OS_EVENT *OSEventFreeList;
OS_Q *OSQFreeList;
OS_FLAG_GRP *OSFlagFreeList;
OS_EVENT OSEventTbl[OS_MAX_EVENTS];
OS_Q OSQTbl[OS_MAX_QS];
OS_FLAG_GRP OSFlagTbl[OS_MAX_FLAGS];

/* The port's initial frame: the task's entry as a return address, its argument where the ABI passes the first one. */
OS_STK *OSTaskStkInit(void (*task)(void *p_arg), void *p_arg, OS_STK *ptos)
{
  void **frame = (void **)ptos;
  *--frame = (void *)task;
  *--frame = p_arg;
  return (OS_STK *)frame;
}
