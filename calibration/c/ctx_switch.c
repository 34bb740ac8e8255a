/*
 * The context switch: OS_Sched's tail (uC/OS-II 2.8x: if (OSPrioHighRdy != OSPrioCur) {
 * OSCtxSwCtr++; OS_TASK_SW(); }) and the port's OSCtxSw. The AVR save and restore are FreeRTOS's
 * portSAVE_CONTEXT / portRESTORE_CONTEXT (portable/GCC/ATMega323/port.c) around uC/OS-II's
 * OSTCBCur = OSTCBHighRdy; OSPrioCur = OSPrioHighRdy. On the Cortex-M4, OSCtxSw pends PendSV and
 * the handler is FreeRTOS's xPortPendSVHandler (portable/GCC/ARM_CM4F/port.c) without FP context.
 * OSTaskStkInit (os_cpu_c.c) builds the frame a new task starts from; OSTaskCreate calls it.
 */
#include "os.h"

#if defined(__AVR__)
__attribute__((naked)) void OSCtxSw(void) {
  __asm__ __volatile__(
      "push r0\n\t" "in r0, __SREG__\n\t" "cli\n\t" "push r0\n\t" "push r1\n\t" "clr r1\n\t"
      "push r2\n\t" "push r3\n\t" "push r4\n\t" "push r5\n\t" "push r6\n\t" "push r7\n\t"
      "push r8\n\t" "push r9\n\t" "push r10\n\t" "push r11\n\t" "push r12\n\t" "push r13\n\t"
      "push r14\n\t" "push r15\n\t" "push r16\n\t" "push r17\n\t" "push r18\n\t" "push r19\n\t"
      "push r20\n\t" "push r21\n\t" "push r22\n\t" "push r23\n\t" "push r24\n\t" "push r25\n\t"
      "push r26\n\t" "push r27\n\t" "push r28\n\t" "push r29\n\t" "push r30\n\t" "push r31\n\t"
      "lds r26, OSTCBCur\n\t" "lds r27, OSTCBCur+1\n\t"
      "in r0, __SP_L__\n\t" "st x+, r0\n\t" "in r0, __SP_H__\n\t" "st x+, r0\n\t"
      "lds r26, OSTCBHighRdy\n\t" "lds r27, OSTCBHighRdy+1\n\t"
      "sts OSTCBCur, r26\n\t" "sts OSTCBCur+1, r27\n\t"
      "lds r24, OSPrioHighRdy\n\t" "sts OSPrioCur, r24\n\t"
      "ld r28, x+\n\t" "out __SP_L__, r28\n\t" "ld r29, x+\n\t" "out __SP_H__, r29\n\t"
      "pop r31\n\t" "pop r30\n\t" "pop r29\n\t" "pop r28\n\t" "pop r27\n\t" "pop r26\n\t"
      "pop r25\n\t" "pop r24\n\t" "pop r23\n\t" "pop r22\n\t" "pop r21\n\t" "pop r20\n\t"
      "pop r19\n\t" "pop r18\n\t" "pop r17\n\t" "pop r16\n\t" "pop r15\n\t" "pop r14\n\t"
      "pop r13\n\t" "pop r12\n\t" "pop r11\n\t" "pop r10\n\t" "pop r9\n\t" "pop r8\n\t"
      "pop r7\n\t" "pop r6\n\t" "pop r5\n\t" "pop r4\n\t" "pop r3\n\t" "pop r2\n\t"
      "pop r1\n\t" "pop r0\n\t" "out __SREG__, r0\n\t" "pop r0\n\t"
      "ret\n\t");
}
#else
#define NVIC_INT_CTRL (*(volatile uint32_t *)0xE000ED04u)
#define NVIC_PENDSVSET 0x10000000u

/* OS_TASK_SW on the Cortex-M4: pend PendSV, which switches once nothing more urgent runs. */
void OSCtxSw(void) {
  NVIC_INT_CTRL = NVIC_PENDSVSET;
}

__attribute__((naked)) void PendSV_Handler(void) {
  __asm__ __volatile__(
      "mrs r0, psp\n\t" "isb\n\t"
      "ldr r3, =OSTCBCur\n\t" "ldr r2, [r3]\n\t"
      "stmdb r0!, {r4-r11, lr}\n\t" "str r0, [r2]\n\t"
      "ldr r1, =OSTCBHighRdy\n\t" "ldr r1, [r1]\n\t" "str r1, [r3]\n\t"
      "ldr r2, =OSPrioHighRdy\n\t" "ldrb r2, [r2]\n\t" "ldr r12, =OSPrioCur\n\t" "strb r2, [r12]\n\t"
      "ldr r0, [r1]\n\t" "ldmia r0!, {r4-r11, lr}\n\t"
      "msr psp, r0\n\t" "isb\n\t" "bx lr\n\t" ".ltorg\n\t");
}
#endif

/* OS_Sched's switch: when a different priority is to run, count the switch and switch. */
void OS_TaskSwitch(void) {
  if (OSPrioHighRdy != OSPrioCur) {
    OSCtxSwCtr++;
    OSCtxSw();
  }
}

/* The port's initial frame: the task's entry as a return address, its argument where the ABI passes the first one. */
OS_STK *OSTaskStkInit(void (*task)(void *p_arg), void *p_arg, OS_STK *ptos)
{
  void **frame = (void **)ptos;
  *--frame = (void *)task;
  *--frame = p_arg;
  return (OS_STK *)frame;
}
