/*
 * Webit 5.0's ready list: singly linked, sorted by priority (paper 4.2). Insert walks past every
 * task whose priority is not lower (equals stay FIFO); remove walks to the predecessor; pick reads
 * the head.
 */
#include "os.h"

OS_TCB *OSRdyList;

/* Insert `ptcb` behind every task of equal or higher priority. */
void OS_RdyListInsert(OS_TCB *ptcb) {
  uint8_t prio = ptcb->OSTCBPrio;
  OS_TCB *prev = NULL;
  OS_TCB *p = OSRdyList;
  while (p != NULL && p->OSTCBPrio <= prio) {
    prev = p;
    p = p->OSTCBRdyNext;
  }
  ptcb->OSTCBRdyNext = p;
  if (prev == NULL) {
    OSRdyList = ptcb;
  } else {
    prev->OSTCBRdyNext = ptcb;
  }
}

/* Take `ptcb` off the list (nothing happens when it is not on it). */
void OS_RdyListRemove(OS_TCB *ptcb) {
  OS_TCB *p = OSRdyList;
  if (p == ptcb) {
    OSRdyList = ptcb->OSTCBRdyNext;
    return;
  }
  while (p != NULL && p->OSTCBRdyNext != ptcb) {
    p = p->OSTCBRdyNext;
  }
  if (p != NULL) {
    p->OSTCBRdyNext = ptcb->OSTCBRdyNext;
  }
}

/* The next task to run is the head. */
void OS_RdyListPick(void) {
  OS_TCB *p = OSRdyList;
  if (p != NULL) {
    OSTCBHighRdy = p;
  }
}
