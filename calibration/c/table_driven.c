/*
 * The table-driven ready structure of uC/OS-II 2.x (os_core.c): OSRdyGrp / OSRdyTbl, the
 * OSUnMapTbl lookup in flash, OS_SchedNew, and the make-ready / make-unready bit operations that
 * OS_EventTaskRdy, OSTimeTick and OSTimeDly carry inline (written here as whole functions).
 */
#include "os.h"

INT8U OSRdyGrp;
INT8U OSRdyTbl[OS_RDY_TBL_SIZE];

/* uC/OS-II os_core.c OSUnMapTbl: the index of the lowest set bit of each byte value. */
const INT8U OSUnMapTbl[256] OS_FLASH = {
  0, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0, 4, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0,
  5, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0, 4, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0,
  6, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0, 4, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0,
  5, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0, 4, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0,
  7, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0, 4, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0,
  5, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0, 4, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0,
  6, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0, 4, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0,
  5, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0, 4, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0,
};

/* OS_SchedNew: the highest ready priority in two table lookups, and its TCB. */
void OS_SchedNew(void) {
  uint8_t y = OS_FLASH_READ(&OSUnMapTbl[OSRdyGrp]);
  OSPrioHighRdy = (uint8_t)((y << 3u) + OS_FLASH_READ(&OSUnMapTbl[OSRdyTbl[y]]));
  OSTCBHighRdy = OSTCBPrioTbl[OSPrioHighRdy];
}

/* Make ready: OSRdyGrp |= ptcb->OSTCBBitY; OSRdyTbl[ptcb->OSTCBY] |= ptcb->OSTCBBitX. */
void OS_MakeReady(OS_TCB *ptcb) {
  OSRdyGrp |= ptcb->OSTCBBitY;
  OSRdyTbl[ptcb->OSTCBY] |= ptcb->OSTCBBitX;
}

/* Make unready: clear the task's bit, and its group's bit when the group empties. */
void OS_MakeUnready(OS_TCB *ptcb) {
  uint8_t y = ptcb->OSTCBY;
  if ((OSRdyTbl[y] &= (uint8_t)~ptcb->OSTCBBitX) == 0u) {
    OSRdyGrp &= (uint8_t)~ptcb->OSTCBBitY;
  }
}
