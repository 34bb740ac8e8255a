/*
 * The calibration kernel's shared declarations: a uC/OS-II 2.x style TCB and globals (os_core.c),
 * and the critical section of its ports (OS_CRITICAL_METHOD 3: save the interrupt state, mask,
 * restore). Each design's file adds its own ready or timer structure.
 */
#ifndef CAL_OS_H
#define CAL_OS_H

#include <stdint.h>
#include <stddef.h>

#if defined(__AVR__)
#include <avr/io.h>
#include <avr/pgmspace.h>
typedef uint8_t OS_CPU_SR;
#define OS_ENTER_CRITICAL() do { cpu_sr = SREG; __asm__ __volatile__("cli" ::: "memory"); } while (0)
#define OS_EXIT_CRITICAL() do { SREG = cpu_sr; __asm__ __volatile__("" ::: "memory"); } while (0)
#define OS_FLASH PROGMEM
#define OS_FLASH_READ(p) pgm_read_byte(p)
#else
typedef uint32_t OS_CPU_SR;
static inline OS_CPU_SR os_sr_save(void) { OS_CPU_SR r; __asm__ __volatile__("mrs %0, primask\n cpsid i" : "=r"(r) :: "memory"); return r; }
static inline void os_sr_restore(OS_CPU_SR r) { __asm__ __volatile__("msr primask, %0" :: "r"(r) : "memory"); }
#define OS_ENTER_CRITICAL() do { cpu_sr = os_sr_save(); } while (0)
#define OS_EXIT_CRITICAL() os_sr_restore(cpu_sr)
#define OS_FLASH
#define OS_FLASH_READ(p) (*(p))
#endif

#define OS_LOWEST_PRIO 63u
#define OS_TASK_IDLE_PRIO OS_LOWEST_PRIO
#define OS_PRIO_INVALID 0xFFu

#define OS_ERR_NONE 0u
#define OS_ERR_PEVENT_NULL 4u
#define OS_ERR_EVENT_TYPE 1u
#define OS_ERR_PEND_ISR 2u
#define OS_ERR_TIMEOUT 10u
#define OS_ERR_SEM_OVF 51u
#define OS_ERR_Q_FULL 30u
#define OS_ERR_PRIO_INVALID 42u
#define OS_ERR_NOT_MUTEX_OWNER 100u
#define OS_ERR_PEND_LOCKED 13u
#define OS_ERR_MBOX_FULL 20u
#define OS_ERR_FLAG_INVALID_OPT 111u
#define OS_ERR_FLAG_INVALID_PGRP 150u

#define OS_STAT_PEND_OK 0u
#define OS_STAT_PEND_TO 1u
#define OS_STAT_PEND_ABORT 2u

#define OS_STAT_RDY 0x00u
#define OS_STAT_SEM 0x01u
#define OS_STAT_MBOX 0x02u
#define OS_STAT_Q 0x04u
#define OS_STAT_SUSPEND 0x08u
#define OS_STAT_MUTEX 0x10u
#define OS_STAT_FLAG 0x20u
#define OS_STAT_PEND_ANY (OS_STAT_SEM | OS_STAT_MBOX | OS_STAT_Q | OS_STAT_MUTEX | OS_STAT_FLAG)

typedef struct os_tcb {
  void *OSTCBStkPtr;
  struct os_tcb *OSTCBNext;
  struct os_tcb *OSTCBPrev;
  struct os_event *OSTCBEventPtr;
  void *OSTCBMsg;
  uint16_t OSTCBDly;
  uint8_t OSTCBStat;
  uint8_t OSTCBStatPend;
  uint8_t OSTCBPrio;
  uint8_t OSTCBX;
  uint8_t OSTCBY;
  uint8_t OSTCBBitX;
  uint8_t OSTCBBitY;
  /* Design fields: the sorted ready list's link and EDF key, the timer list's link and delta. */
  struct os_tcb *OSTCBRdyNext;
  uint32_t OSTCBDeadline;
  struct os_tcb *OSTCBTmrNext;
} OS_TCB;

#define OS_EVENT_TBL_SIZE ((OS_LOWEST_PRIO) / 8u + 1u)

typedef struct os_event {
  uint8_t OSEventType;
  void *OSEventPtr;
  uint16_t OSEventCnt;
  uint8_t OSEventGrp;
  uint8_t OSEventTbl[OS_EVENT_TBL_SIZE];
} OS_EVENT;

#define OS_EVENT_TYPE_MBOX 1u
#define OS_EVENT_TYPE_Q 2u
#define OS_EVENT_TYPE_SEM 3u
#define OS_EVENT_TYPE_MUTEX 4u

extern uint32_t OSTime;
extern uint32_t OSCtxSwCtr;
extern uint8_t OSIntNesting;
extern uint8_t OSLockNesting;
extern OS_TCB *OSTCBCur;
extern OS_TCB *OSTCBHighRdy;
extern OS_TCB *OSTCBList;
extern uint8_t OSPrioCur;
extern uint8_t OSPrioHighRdy;
extern OS_TCB *OSTCBPrioTbl[OS_LOWEST_PRIO + 1u];

/* The table-driven design's ready structure (table_driven.c). */
extern uint8_t OSRdyGrp;
extern uint8_t OSRdyTbl[OS_EVENT_TBL_SIZE];
void OS_SchedNew(void);
void OS_MakeReady(OS_TCB *ptcb);
void OS_MakeUnready(OS_TCB *ptcb);

/* os_core.c's event-list helpers and OS_Sched (os_core.c here). */
void OS_Sched(void);
void OS_EventTaskWait(OS_EVENT *pevent);
void OS_EventTaskRemove(OS_TCB *ptcb, OS_EVENT *pevent);
uint8_t OS_EventTaskRdy(OS_EVENT *pevent, void *pmsg, uint8_t msk, uint8_t pend_stat);

/* The port's context switch (ctx_switch.c). */
void OSCtxSw(void);
void OS_TaskSwitch(void);

#endif
