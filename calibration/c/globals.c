/* The kernel globals of os_core.c that every design shares. */
#include "os.h"

uint32_t OSTime;
uint32_t OSCtxSwCtr;
uint8_t OSIntNesting;
uint8_t OSLockNesting;
OS_TCB *OSTCBCur;
OS_TCB *OSTCBHighRdy;
OS_TCB *OSTCBList;
uint8_t OSPrioCur;
uint8_t OSPrioHighRdy;
OS_TCB *OSTCBPrioTbl[OS_LOWEST_PRIO + 1u];
