/*
 * The EDF design's ready list: singly linked, sorted by 32-bit absolute deadline in ticks. Insert
 * walks past every task whose deadline is not later (equal deadlines stay FIFO).
 */
#include "os.h"

OS_TCB *OSEdfList;

/* Insert `ptcb` behind every task of equal or earlier deadline. */
void OS_EdfListInsert(OS_TCB *ptcb) {
  uint32_t deadline = ptcb->OSTCBDeadline;
  OS_TCB *prev = NULL;
  OS_TCB *p = OSEdfList;
  while (p != NULL && p->OSTCBDeadline <= deadline) {
    prev = p;
    p = p->OSTCBRdyNext;
  }
  ptcb->OSTCBRdyNext = p;
  if (prev == NULL) {
    OSEdfList = ptcb;
  } else {
    prev->OSTCBRdyNext = ptcb;
  }
}
