/*
 * WORIX's ready_queue (paper 4.2): a pointer array of per-priority FIFO queues, scanned from the
 * top for the first non-empty one (the idle task's queue is never empty, so the scan always ends).
 */
#include "os.h"

RdyQueue ready_queue[OS_LOWEST_PRIO + 1u];

/* The next task: the head of the first non-empty queue. */
void rq_pick(void) {
  RdyQueue *q = ready_queue;
  while (q->head == NULL) {
    q++;
  }
  OSTCBHighRdy = q->head;
}

/* Append `ptcb` at the tail of its priority's queue. */
void rq_append(OS_TCB *ptcb) {
  RdyQueue *q = &ready_queue[ptcb->OSTCBPrio];
  ptcb->OSTCBRdyNext = NULL;
  if (q->tail == NULL) {
    q->head = ptcb;
  } else {
    q->tail->OSTCBRdyNext = ptcb;
  }
  q->tail = ptcb;
}
