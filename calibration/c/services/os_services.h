/*
 * Types, globals and configuration shared by the whole-function services in this folder: the
 * data structures of uC/OS-II 2.x (ucos_ii.h) in the configuration kbench's profiles describe
 * (argument checks on, OS_CRITICAL_METHOD 3, no names, no task extensions, no statistics task).
 * Each .c file holds one object kind's services as real functions, so their sizes can be read
 * with avr-nm -S / arm-none-eabi-nm -S and set beside kbench's code-only blocks.
 */
#ifndef OS_SERVICES_H
#define OS_SERVICES_H

typedef unsigned char INT8U;
typedef unsigned short INT16U;
typedef unsigned long INT32U;
typedef unsigned char BOOLEAN;
typedef INT16U OS_FLAGS;

#if defined(__AVR__)
typedef INT8U OS_CPU_SR;
typedef INT8U OS_STK;
#define OS_ENTER_CRITICAL() do { cpu_sr = *(volatile INT8U *)0x5F; __asm__ volatile("cli" ::: "memory"); } while (0)
#define OS_EXIT_CRITICAL() do { *(volatile INT8U *)0x5F = cpu_sr; } while (0)
#else
typedef INT32U OS_CPU_SR;
typedef INT32U OS_STK;
#define OS_ENTER_CRITICAL() do { __asm__ volatile("mrs %0, primask\n\tcpsid i" : "=r"(cpu_sr) :: "memory"); } while (0)
#define OS_EXIT_CRITICAL() do { __asm__ volatile("msr primask, %0" :: "r"(cpu_sr) : "memory"); } while (0)
#endif

#define OS_LOWEST_PRIO 63u
#define OS_PRIO_SELF 0xFFu
#define OS_EVENT_TBL_SIZE ((OS_LOWEST_PRIO) / 8u + 1u)
#define OS_RDY_TBL_SIZE ((OS_LOWEST_PRIO) / 8u + 1u)
#define OS_TCB_RESERVED ((OS_TCB *)1)

#define OS_EVENT_TYPE_UNUSED 0u
#define OS_EVENT_TYPE_MBOX 1u
#define OS_EVENT_TYPE_Q 2u
#define OS_EVENT_TYPE_SEM 3u
#define OS_EVENT_TYPE_MUTEX 4u
#define OS_EVENT_TYPE_FLAG 5u

#define OS_STAT_RDY 0x00u
#define OS_STAT_SEM 0x01u
#define OS_STAT_MBOX 0x02u
#define OS_STAT_Q 0x04u
#define OS_STAT_SUSPEND 0x08u
#define OS_STAT_MUTEX 0x10u
#define OS_STAT_FLAG 0x20u
#define OS_STAT_PEND_ANY (OS_STAT_SEM | OS_STAT_MBOX | OS_STAT_Q | OS_STAT_MUTEX | OS_STAT_FLAG)
#define OS_STAT_PEND_OK 0u
#define OS_STAT_PEND_TO 1u

#define OS_DEL_NO_PEND 0u
#define OS_DEL_ALWAYS 1u

#define OS_FLAG_WAIT_CLR_ALL 0u
#define OS_FLAG_WAIT_CLR_ANY 1u
#define OS_FLAG_WAIT_SET_ALL 2u
#define OS_FLAG_WAIT_SET_ANY 3u
#define OS_FLAG_CONSUME 0x80u
#define OS_FLAG_CLR 0u
#define OS_FLAG_SET 1u

#define OS_MUTEX_KEEP_LOWER_8 0x00FFu
#define OS_MUTEX_KEEP_UPPER_8 0xFF00u
#define OS_MUTEX_AVAILABLE 0x00FFu

#define OS_ERR_NONE 0u
#define OS_ERR_EVENT_TYPE 1u
#define OS_ERR_PEND_ISR 2u
#define OS_ERR_PDATA_NULL 9u
#define OS_ERR_TIMEOUT 10u
#define OS_ERR_PEVENT_NULL 4u
#define OS_ERR_POST_NULL_PTR 3u
#define OS_ERR_INVALID_OPT 7u
#define OS_ERR_DEL_ISR 15u
#define OS_ERR_CREATE_ISR 16u
#define OS_ERR_TASK_WAITING 73u
#define OS_ERR_PEND_LOCKED 13u
#define OS_ERR_MBOX_FULL 20u
#define OS_ERR_Q_FULL 30u
#define OS_ERR_Q_EMPTY 31u
#define OS_ERR_PRIO_EXIST 40u
#define OS_ERR_PRIO 41u
#define OS_ERR_PRIO_INVALID 42u
#define OS_ERR_SEM_OVF 50u
#define OS_ERR_TASK_DEL_IDLE 62u
#define OS_ERR_TASK_DEL_ISR 64u
#define OS_ERR_TASK_NO_MORE_TCB 66u
#define OS_ERR_TASK_NOT_EXIST 67u
#define OS_ERR_TASK_NOT_SUSPENDED 68u
#define OS_ERR_TASK_RESUME_PRIO 70u
#define OS_ERR_TASK_SUSPEND_IDLE 80u
#define OS_ERR_TASK_SUSPEND_PRIO 81u
#define OS_ERR_TIME_NOT_DLY 82u
#define OS_ERR_NOT_MUTEX_OWNER 100u
#define OS_ERR_FLAG_INVALID_PGRP 110u
#define OS_ERR_FLAG_WAIT_TYPE 111u
#define OS_ERR_FLAG_NOT_RDY 112u
#define OS_ERR_FLAG_INVALID_OPT 113u
#define OS_ERR_FLAG_GRP_DEPLETED 114u
#define OS_ERR_PIP_LOWER 120u
#define OS_ERR_POST_ISR 5u
#define OS_ERR_QUERY_ISR 6u

typedef struct os_event {
  INT8U OSEventType;
  void *OSEventPtr;
  INT16U OSEventCnt;
  INT8U OSEventGrp;
  INT8U OSEventTbl[OS_EVENT_TBL_SIZE];
} OS_EVENT;

typedef struct os_q {
  struct os_q *OSQPtr;
  void **OSQStart;
  void **OSQEnd;
  void **OSQIn;
  void **OSQOut;
  INT16U OSQSize;
  INT16U OSQEntries;
} OS_Q;

typedef struct os_q_data {
  void *OSMsg;
  INT16U OSNMsgs;
  INT16U OSQSize;
  INT8U OSEventTbl[OS_EVENT_TBL_SIZE];
  INT8U OSEventGrp;
} OS_Q_DATA;

typedef struct os_sem_data {
  INT16U OSCnt;
  INT8U OSEventTbl[OS_EVENT_TBL_SIZE];
  INT8U OSEventGrp;
} OS_SEM_DATA;

typedef struct os_mutex_data {
  INT8U OSEventTbl[OS_EVENT_TBL_SIZE];
  INT8U OSEventGrp;
  BOOLEAN OSValue;
  INT8U OSOwnerPrio;
  INT8U OSMutexPIP;
} OS_MUTEX_DATA;

typedef struct os_mbox_data {
  void *OSMsg;
  INT8U OSEventTbl[OS_EVENT_TBL_SIZE];
  INT8U OSEventGrp;
} OS_MBOX_DATA;

struct os_tcb;

typedef struct os_flag_grp {
  INT8U OSFlagType;
  void *OSFlagWaitList;
  OS_FLAGS OSFlagFlags;
} OS_FLAG_GRP;

typedef struct os_flag_node {
  void *OSFlagNodeNext;
  void *OSFlagNodePrev;
  void *OSFlagNodeTCB;
  void *OSFlagNodeFlagGrp;
  OS_FLAGS OSFlagNodeFlags;
  INT8U OSFlagNodeWaitType;
} OS_FLAG_NODE;

typedef struct os_tcb {
  OS_STK *OSTCBStkPtr;
  struct os_tcb *OSTCBNext;
  struct os_tcb *OSTCBPrev;
  OS_EVENT *OSTCBEventPtr;
  void *OSTCBMsg;
  OS_FLAG_NODE *OSTCBFlagNode;
  OS_FLAGS OSTCBFlagsRdy;
  INT16U OSTCBDly;
  INT8U OSTCBStat;
  INT8U OSTCBStatPend;
  INT8U OSTCBPrio;
  INT8U OSTCBX;
  INT8U OSTCBY;
  INT8U OSTCBBitX;
  INT8U OSTCBBitY;
  INT8U OSTCBDelReq;
} OS_TCB;

extern OS_TCB *OSTCBCur;
extern OS_TCB *OSTCBList;
extern OS_TCB *OSTCBFreeList;
extern OS_TCB *OSTCBPrioTbl[OS_LOWEST_PRIO + 1u];
extern INT8U OSRdyGrp;
extern INT8U OSRdyTbl[OS_RDY_TBL_SIZE];
extern INT8U OSIntNesting;
extern INT8U OSLockNesting;
extern BOOLEAN OSRunning;
extern INT8U OSTaskCtr;
extern volatile INT32U OSTime;
extern OS_EVENT *OSEventFreeList;
extern OS_Q *OSQFreeList;
extern OS_FLAG_GRP *OSFlagFreeList;
extern const INT8U OSUnMapTbl[256];

#define OS_MAX_EVENTS 8u
#define OS_MAX_QS 4u
#define OS_MAX_FLAGS 4u
extern OS_EVENT OSEventTbl[OS_MAX_EVENTS];
extern OS_Q OSQTbl[OS_MAX_QS];
extern OS_FLAG_GRP OSFlagTbl[OS_MAX_FLAGS];

void OS_Sched(void);
void OS_EventTaskWait(OS_EVENT *pevent);
INT8U OS_EventTaskRdy(OS_EVENT *pevent, void *pmsg, INT8U msk, INT8U pend_stat);
void OS_EventTaskRemove(OS_TCB *ptcb, OS_EVENT *pevent);
void OS_EventWaitListInit(OS_EVENT *pevent);
INT8U OS_TCBInit(INT8U prio, OS_STK *ptos);
OS_STK *OSTaskStkInit(void (*task)(void *p_arg), void *p_arg, OS_STK *ptos);
void OS_FlagUnlink(OS_FLAG_NODE *pnode);
void OSMutex_RdyAtPrio(OS_TCB *ptcb, INT8U prio);

#endif
