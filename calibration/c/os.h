/*
 * The calibration kernel's one header: uC/OS-II 2.86's types, constants and globals (ucos_ii.h,
 * V2.86) in the configuration kbench's profiles describe (argument checks on, OS_CRITICAL_METHOD 3,
 * event flags and task delete on, no names, no task extensions, no statistics), and the port's
 * critical section. Every C file of the kernel, the timed paths (this folder) and the whole
 * sized services (services/) alike, includes this file and nothing else of the kernel's, so the
 * functions that are timed and the functions that are sized are compiled against one OS_TCB, one
 * OS_EVENT and one set of codes: one kernel.
 */
#ifndef CAL_OS_H
#define CAL_OS_H

#include <stdint.h>
#include <stddef.h>

/* ucos_ii.h's (os_cpu.h's) type names, as the exact-width types of both targets. */
typedef uint8_t INT8U;
typedef uint16_t INT16U;
typedef uint32_t INT32U;
typedef uint8_t BOOLEAN;
typedef INT16U OS_FLAGS;

/*
 * OS_CRITICAL_METHOD 3: save the interrupt state in the caller's local cpu_sr, mask, restore.
 * The mask and the restore carry a memory clobber, so the compiler keeps the kernel's loads and
 * stores inside the section; on the AVR the restore is avr-libc's (util/atomic.h) SREG store and
 * barrier, on the M4 the msr itself.
 */
#if defined(__AVR__)
#include <avr/io.h>
#include <avr/pgmspace.h>
typedef INT8U OS_CPU_SR;
typedef INT8U OS_STK;
#define OS_ENTER_CRITICAL() do { cpu_sr = SREG; __asm__ __volatile__("cli" ::: "memory"); } while (0)
#define OS_EXIT_CRITICAL() do { SREG = cpu_sr; __asm__ __volatile__("" ::: "memory"); } while (0)
/* OSUnMapTbl lives in flash on the AVR (LPM), as the AVR ports of uC/OS-II keep it. */
#define OS_FLASH PROGMEM
#define OS_FLASH_READ(p) pgm_read_byte(p)
#else
typedef INT32U OS_CPU_SR;
typedef INT32U OS_STK;
#define OS_ENTER_CRITICAL() __asm__ __volatile__("mrs %0, primask\n\tcpsid i" : "=r"(cpu_sr) :: "memory")
#define OS_EXIT_CRITICAL() __asm__ __volatile__("msr primask, %0" :: "r"(cpu_sr) : "memory")
#define OS_FLASH
#define OS_FLASH_READ(p) (*(p))
#endif

/* Configuration (os_cfg.h). */
#define OS_LOWEST_PRIO 63u
#define OS_TASK_IDLE_PRIO OS_LOWEST_PRIO
#define OS_MAX_EVENTS 8u
#define OS_MAX_QS 4u
#define OS_MAX_FLAGS 4u

#define OS_PRIO_SELF 0xFFu
#define OS_EVENT_TBL_SIZE ((OS_LOWEST_PRIO) / 8u + 1u)
#define OS_RDY_TBL_SIZE ((OS_LOWEST_PRIO) / 8u + 1u)
#define OS_TCB_RESERVED ((OS_TCB *)1)

/* Task status (OSTCBStat) and pend status (OSTCBStatPend), ucos_ii.h V2.86. */
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
#define OS_STAT_PEND_ABORT 2u

#define OS_EVENT_TYPE_UNUSED 0u
#define OS_EVENT_TYPE_MBOX 1u
#define OS_EVENT_TYPE_Q 2u
#define OS_EVENT_TYPE_SEM 3u
#define OS_EVENT_TYPE_MUTEX 4u
#define OS_EVENT_TYPE_FLAG 5u

#define OS_DEL_NO_PEND 0u
#define OS_DEL_ALWAYS 1u

#define OS_FLAG_WAIT_CLR_ALL 0u
#define OS_FLAG_WAIT_CLR_ANY 1u
#define OS_FLAG_WAIT_SET_ALL 2u
#define OS_FLAG_WAIT_SET_ANY 3u
#define OS_FLAG_CONSUME 0x80u
#define OS_FLAG_CLR 0u
#define OS_FLAG_SET 1u

/* os_mutex.c's split of OSEventCnt: the PIP in the high byte, the owner's priority in the low. */
#define OS_MUTEX_KEEP_LOWER_8 0x00FFu
#define OS_MUTEX_KEEP_UPPER_8 0xFF00u
#define OS_MUTEX_AVAILABLE 0x00FFu

/*
 * Error codes: the values of ucos_ii.h V2.86. (Later releases renumbered some: 2.88+ put
 * OS_ERR_SCHED_LOCKED at 50 and OS_ERR_SEM_OVF at 51; 2.86 has OS_ERR_SEM_OVF 50.)
 */
#define OS_ERR_NONE 0u
#define OS_ERR_EVENT_TYPE 1u
#define OS_ERR_PEND_ISR 2u
#define OS_ERR_POST_NULL_PTR 3u
#define OS_ERR_PEVENT_NULL 4u
#define OS_ERR_POST_ISR 5u
#define OS_ERR_QUERY_ISR 6u
#define OS_ERR_INVALID_OPT 7u
#define OS_ERR_PDATA_NULL 9u
#define OS_ERR_TIMEOUT 10u
#define OS_ERR_PEND_LOCKED 13u
#define OS_ERR_PEND_ABORT 14u
#define OS_ERR_DEL_ISR 15u
#define OS_ERR_CREATE_ISR 16u
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
#define OS_ERR_TASK_SUSPEND_IDLE 71u
#define OS_ERR_TASK_SUSPEND_PRIO 72u
#define OS_ERR_TASK_WAITING 73u
#define OS_ERR_TIME_NOT_DLY 80u
#define OS_ERR_NOT_MUTEX_OWNER 100u
#define OS_ERR_FLAG_INVALID_PGRP 110u
#define OS_ERR_FLAG_WAIT_TYPE 111u
#define OS_ERR_FLAG_NOT_RDY 112u
#define OS_ERR_FLAG_INVALID_OPT 113u
#define OS_ERR_FLAG_GRP_DEPLETED 114u
#define OS_ERR_PIP_LOWER 120u

/* The event control block (names off). */
typedef struct os_event {
  INT8U OSEventType;
  void *OSEventPtr;
  INT16U OSEventCnt;
  INT8U OSEventGrp;
  INT8U OSEventTbl[OS_EVENT_TBL_SIZE];
} OS_EVENT;

/* A message queue's ring (OSQPtr links the free list). */
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

/*
 * The task control block: uC/OS-II 2.86's fields in its order for this configuration, so every
 * field sits at the offset it has in uC/OS-II; then the links the other designs add (the sorted
 * ready list's link and EDF key, the timer list's link), last so that they move nothing of it.
 */
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
  struct os_tcb *OSTCBRdyNext;
  INT32U OSTCBDeadline;
  struct os_tcb *OSTCBTmrNext;
} OS_TCB;

/* WORIX's per-priority FIFO (round_robin.c), declared here so the harness reads the same layout. */
typedef struct {
  OS_TCB *head;
  OS_TCB *tail;
} RdyQueue;

/* os_core.c's globals (globals.c). */
extern volatile INT32U OSTime;
extern INT32U OSCtxSwCtr;
extern INT8U OSIntNesting;
extern INT8U OSLockNesting;
extern BOOLEAN OSRunning;
extern INT8U OSTaskCtr;
extern OS_TCB *OSTCBCur;
extern OS_TCB *OSTCBHighRdy;
extern OS_TCB *OSTCBList;
extern OS_TCB *OSTCBFreeList;
extern INT8U OSPrioCur;
extern INT8U OSPrioHighRdy;
extern OS_TCB *OSTCBPrioTbl[OS_LOWEST_PRIO + 1u];
extern OS_EVENT *OSEventFreeList;
extern OS_EVENT OSEventTbl[OS_MAX_EVENTS];
extern OS_Q *OSQFreeList;
extern OS_Q OSQTbl[OS_MAX_QS];
extern OS_FLAG_GRP *OSFlagFreeList;
extern OS_FLAG_GRP OSFlagTbl[OS_MAX_FLAGS];

/* The table-driven design's ready structure (table_driven.c); OSUnMapTbl is read with OS_FLASH_READ. */
extern INT8U OSRdyGrp;
extern INT8U OSRdyTbl[OS_RDY_TBL_SIZE];
extern const INT8U OSUnMapTbl[256];
void OS_SchedNew(void);
void OS_MakeReady(OS_TCB *ptcb);
void OS_MakeUnready(OS_TCB *ptcb);

/* os_core.c's scheduler and event-list helpers (os_core.c, services/core.c, services/task.c). */
void OS_Sched(void);
void OS_EventTaskWait(OS_EVENT *pevent);
void OS_EventTaskRemove(OS_TCB *ptcb, OS_EVENT *pevent);
INT8U OS_EventTaskRdy(OS_EVENT *pevent, void *pmsg, INT8U msk, INT8U pend_stat);
void OS_EventWaitListInit(OS_EVENT *pevent);
INT8U OS_TCBInit(INT8U prio, OS_STK *ptos);
void OS_FlagUnlink(OS_FLAG_NODE *pnode);
void OSMutex_RdyAtPrio(OS_TCB *ptcb, INT8U prio);

/* The port (ctx_switch.c): the context switch and the initial stack frame. */
void OSCtxSw(void);
void OS_TaskSwitch(void);
OS_STK *OSTaskStkInit(void (*task)(void *p_arg), void *p_arg, OS_STK *ptos);

#endif
