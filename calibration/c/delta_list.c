/*
 * A delta list of sleepers (uC/OS-III's tick list idea; uKernel's waiting list counted in ticks):
 * sorted by wake time, each entry holding the ticks after its predecessor in OSTCBDly. The tick
 * decrements the head only, then pops every entry whose delta reached 0.
 */
#include "os.h"

OS_TCB *OSDeltaList;

/* Sleep `ptcb` for `ticks` ticks: walk to its place, link it, and take its delta off the next entry. */
void OS_DeltaInsert(OS_TCB *ptcb, uint16_t ticks) {
  OS_TCB *prev = NULL;
  OS_TCB *p = OSDeltaList;
  while (p != NULL && p->OSTCBDly <= ticks) {
    ticks -= p->OSTCBDly;
    prev = p;
    p = p->OSTCBTmrNext;
  }
  ptcb->OSTCBDly = ticks;
  ptcb->OSTCBTmrNext = p;
  if (prev == NULL) {
    OSDeltaList = ptcb;
  } else {
    prev->OSTCBTmrNext = ptcb;
  }
  if (p != NULL) {
    p->OSTCBDly -= ticks;
  }
}

/* One tick: decrement the head's delta and make ready every sleeper whose delta is 0. */
void OS_DeltaTick(void) {
  OS_TCB *p = OSDeltaList;
  if (p == NULL) {
    return;
  }
  p->OSTCBDly--;
  while (p != NULL && p->OSTCBDly == 0u) {
    OSDeltaList = p->OSTCBTmrNext;
    OS_MakeReady(p);
    p = OSDeltaList;
  }
}
