/* os_core.c's globals (and os_q.c's, os_flag.c's free lists), one definition each for the whole kernel. */
#include "os.h"

volatile INT32U OSTime;
INT32U OSCtxSwCtr;
INT8U OSIntNesting;
INT8U OSLockNesting;
BOOLEAN OSRunning;
INT8U OSTaskCtr;
OS_TCB *OSTCBCur;
OS_TCB *OSTCBHighRdy;
OS_TCB *OSTCBList;
OS_TCB *OSTCBFreeList;
INT8U OSPrioCur;
INT8U OSPrioHighRdy;
OS_TCB *OSTCBPrioTbl[OS_LOWEST_PRIO + 1u];
OS_EVENT *OSEventFreeList;
OS_EVENT OSEventTbl[OS_MAX_EVENTS];
OS_Q *OSQFreeList;
OS_Q OSQTbl[OS_MAX_QS];
OS_FLAG_GRP *OSFlagFreeList;
OS_FLAG_GRP OSFlagTbl[OS_MAX_FLAGS];
