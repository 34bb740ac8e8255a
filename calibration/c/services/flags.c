/* Event flag groups of uC/OS-II 2.x (os_flag.c), whole functions. */
#include "../os.h"

/* Ready a task whose wait condition is met; returns 1 when it became ready. */
BOOLEAN OS_FlagTaskRdy(OS_FLAG_NODE *pnode, OS_FLAGS flags_rdy)
{
  OS_TCB *ptcb;
  BOOLEAN sched;

  ptcb = (OS_TCB *)pnode->OSFlagNodeTCB;
  ptcb->OSTCBDly = 0u;
  ptcb->OSTCBFlagsRdy = flags_rdy;
  ptcb->OSTCBStat &= (INT8U)~OS_STAT_FLAG;
  ptcb->OSTCBStatPend = OS_STAT_PEND_OK;
  if (ptcb->OSTCBStat == OS_STAT_RDY) {
    OSRdyGrp |= ptcb->OSTCBBitY;
    OSRdyTbl[ptcb->OSTCBY] |= ptcb->OSTCBBitX;
    sched = 1u;
  } else {
    sched = 0u;
  }
  OS_FlagUnlink(pnode);
  return sched;
}

/* Take a wait node off its group's list. */
void OS_FlagUnlink(OS_FLAG_NODE *pnode)
{
  OS_TCB *ptcb;
  OS_FLAG_GRP *pgrp;
  OS_FLAG_NODE *pnode_prev;
  OS_FLAG_NODE *pnode_next;

  pnode_prev = (OS_FLAG_NODE *)pnode->OSFlagNodePrev;
  pnode_next = (OS_FLAG_NODE *)pnode->OSFlagNodeNext;
  if (pnode_prev == (OS_FLAG_NODE *)0) {
    pgrp = (OS_FLAG_GRP *)pnode->OSFlagNodeFlagGrp;
    pgrp->OSFlagWaitList = (void *)pnode_next;
    if (pnode_next != (OS_FLAG_NODE *)0) {
      pnode_next->OSFlagNodePrev = (OS_FLAG_NODE *)0;
    }
  } else {
    pnode_prev->OSFlagNodeNext = pnode_next;
    if (pnode_next != (OS_FLAG_NODE *)0) {
      pnode_next->OSFlagNodePrev = pnode_prev;
    }
  }
  ptcb = (OS_TCB *)pnode->OSFlagNodeTCB;
  ptcb->OSTCBFlagNode = (OS_FLAG_NODE *)0;
}

/* Put the running task on the group's wait list (the node lives on its stack) and off the ready table. */
void OS_FlagBlock(OS_FLAG_GRP *pgrp, OS_FLAG_NODE *pnode, OS_FLAGS flags, INT8U wait_type, INT16U timeout)
{
  OS_FLAG_NODE *pnode_next;
  INT8U y;

  OSTCBCur->OSTCBStat |= OS_STAT_FLAG;
  OSTCBCur->OSTCBStatPend = OS_STAT_PEND_OK;
  OSTCBCur->OSTCBDly = timeout;
  OSTCBCur->OSTCBFlagNode = pnode;
  pnode->OSFlagNodeFlags = flags;
  pnode->OSFlagNodeWaitType = wait_type;
  pnode->OSFlagNodeTCB = (void *)OSTCBCur;
  pnode->OSFlagNodeNext = pgrp->OSFlagWaitList;
  pnode->OSFlagNodePrev = (void *)0;
  pnode->OSFlagNodeFlagGrp = (void *)pgrp;
  pnode_next = (OS_FLAG_NODE *)pgrp->OSFlagWaitList;
  if (pnode_next != (void *)0) {
    pnode_next->OSFlagNodePrev = pnode;
  }
  pgrp->OSFlagWaitList = (void *)pnode;
  y = OSTCBCur->OSTCBY;
  OSRdyTbl[y] &= (INT8U)~OSTCBCur->OSTCBBitX;
  if (OSRdyTbl[y] == 0x00u) {
    OSRdyGrp &= (INT8U)~OSTCBCur->OSTCBBitY;
  }
}

/* Test (and optionally consume) flags without waiting. */
OS_FLAGS OSFlagAccept(OS_FLAG_GRP *pgrp, OS_FLAGS flags, INT8U wait_type, INT8U *perr)
{
  OS_FLAGS flags_rdy;
  INT8U result;
  BOOLEAN consume;
  OS_CPU_SR cpu_sr;

  if (perr == (INT8U *)0) {
    return 0u;
  }
  if (pgrp == (OS_FLAG_GRP *)0) {
    *perr = OS_ERR_FLAG_INVALID_PGRP;
    return 0u;
  }
  if (pgrp->OSFlagType != OS_EVENT_TYPE_FLAG) {
    *perr = OS_ERR_EVENT_TYPE;
    return 0u;
  }
  result = (INT8U)(wait_type & OS_FLAG_CONSUME);
  if (result != 0u) {
    wait_type &= (INT8U)~OS_FLAG_CONSUME;
    consume = 1u;
  } else {
    consume = 0u;
  }
  *perr = OS_ERR_NONE;
  OS_ENTER_CRITICAL();
  switch (wait_type) {
    case OS_FLAG_WAIT_SET_ALL:
      flags_rdy = (OS_FLAGS)(pgrp->OSFlagFlags & flags);
      if (flags_rdy == flags) {
        if (consume == 1u) {
          pgrp->OSFlagFlags &= (OS_FLAGS)~flags_rdy;
        }
      } else {
        *perr = OS_ERR_FLAG_NOT_RDY;
      }
      OS_EXIT_CRITICAL();
      break;
    case OS_FLAG_WAIT_SET_ANY:
      flags_rdy = (OS_FLAGS)(pgrp->OSFlagFlags & flags);
      if (flags_rdy != 0u) {
        if (consume == 1u) {
          pgrp->OSFlagFlags &= (OS_FLAGS)~flags_rdy;
        }
      } else {
        *perr = OS_ERR_FLAG_NOT_RDY;
      }
      OS_EXIT_CRITICAL();
      break;
    case OS_FLAG_WAIT_CLR_ALL:
      flags_rdy = (OS_FLAGS)(~pgrp->OSFlagFlags & flags);
      if (flags_rdy == flags) {
        if (consume == 1u) {
          pgrp->OSFlagFlags |= flags_rdy;
        }
      } else {
        *perr = OS_ERR_FLAG_NOT_RDY;
      }
      OS_EXIT_CRITICAL();
      break;
    case OS_FLAG_WAIT_CLR_ANY:
      flags_rdy = (OS_FLAGS)(~pgrp->OSFlagFlags & flags);
      if (flags_rdy != 0u) {
        if (consume == 1u) {
          pgrp->OSFlagFlags |= flags_rdy;
        }
      } else {
        *perr = OS_ERR_FLAG_NOT_RDY;
      }
      OS_EXIT_CRITICAL();
      break;
    default:
      OS_EXIT_CRITICAL();
      flags_rdy = 0u;
      *perr = OS_ERR_FLAG_WAIT_TYPE;
      break;
  }
  return flags_rdy;
}

/* Take a group off the free list and give it its initial flags. */
OS_FLAG_GRP *OSFlagCreate(OS_FLAGS flags, INT8U *perr)
{
  OS_FLAG_GRP *pgrp;
  OS_CPU_SR cpu_sr;

  if (perr == (INT8U *)0) {
    return (OS_FLAG_GRP *)0;
  }
  if (OSIntNesting > 0u) {
    *perr = OS_ERR_CREATE_ISR;
    return (OS_FLAG_GRP *)0;
  }
  OS_ENTER_CRITICAL();
  pgrp = OSFlagFreeList;
  if (pgrp != (OS_FLAG_GRP *)0) {
    OSFlagFreeList = (OS_FLAG_GRP *)OSFlagFreeList->OSFlagWaitList;
    pgrp->OSFlagType = OS_EVENT_TYPE_FLAG;
    pgrp->OSFlagFlags = flags;
    pgrp->OSFlagWaitList = (void *)0;
    OS_EXIT_CRITICAL();
    *perr = OS_ERR_NONE;
  } else {
    OS_EXIT_CRITICAL();
    *perr = OS_ERR_FLAG_GRP_DEPLETED;
  }
  return pgrp;
}

/* Delete a group: refuse when tasks wait (OS_DEL_NO_PEND) or ready them all (OS_DEL_ALWAYS). */
OS_FLAG_GRP *OSFlagDel(OS_FLAG_GRP *pgrp, INT8U opt, INT8U *perr)
{
  BOOLEAN tasks_waiting;
  OS_FLAG_NODE *pnode;
  OS_FLAG_GRP *pgrp_return;
  OS_CPU_SR cpu_sr;

  if (perr == (INT8U *)0) {
    return pgrp;
  }
  if (pgrp == (OS_FLAG_GRP *)0) {
    *perr = OS_ERR_FLAG_INVALID_PGRP;
    return pgrp;
  }
  if (OSIntNesting > 0u) {
    *perr = OS_ERR_DEL_ISR;
    return pgrp;
  }
  if (pgrp->OSFlagType != OS_EVENT_TYPE_FLAG) {
    *perr = OS_ERR_EVENT_TYPE;
    return pgrp;
  }
  OS_ENTER_CRITICAL();
  tasks_waiting = (pgrp->OSFlagWaitList != (void *)0) ? 1u : 0u;
  switch (opt) {
    case OS_DEL_NO_PEND:
      if (tasks_waiting == 0u) {
        pgrp->OSFlagType = OS_EVENT_TYPE_UNUSED;
        pgrp->OSFlagWaitList = (void *)OSFlagFreeList;
        pgrp->OSFlagFlags = 0u;
        OSFlagFreeList = pgrp;
        OS_EXIT_CRITICAL();
        *perr = OS_ERR_NONE;
        pgrp_return = (OS_FLAG_GRP *)0;
      } else {
        OS_EXIT_CRITICAL();
        *perr = OS_ERR_TASK_WAITING;
        pgrp_return = pgrp;
      }
      break;
    case OS_DEL_ALWAYS:
      pnode = (OS_FLAG_NODE *)pgrp->OSFlagWaitList;
      while (pnode != (OS_FLAG_NODE *)0) {
        (void)OS_FlagTaskRdy(pnode, (OS_FLAGS)0);
        pnode = (OS_FLAG_NODE *)pnode->OSFlagNodeNext;
      }
      pgrp->OSFlagType = OS_EVENT_TYPE_UNUSED;
      pgrp->OSFlagWaitList = (void *)OSFlagFreeList;
      pgrp->OSFlagFlags = 0u;
      OSFlagFreeList = pgrp;
      OS_EXIT_CRITICAL();
      if (tasks_waiting == 1u) {
        OS_Sched();
      }
      *perr = OS_ERR_NONE;
      pgrp_return = (OS_FLAG_GRP *)0;
      break;
    default:
      OS_EXIT_CRITICAL();
      *perr = OS_ERR_INVALID_OPT;
      pgrp_return = pgrp;
      break;
  }
  return pgrp_return;
}

/* Wait until the flags match `wait_type`, up to `timeout` ticks. */
OS_FLAGS OSFlagPend(OS_FLAG_GRP *pgrp, OS_FLAGS flags, INT8U wait_type, INT16U timeout, INT8U *perr)
{
  OS_FLAG_NODE node;
  OS_FLAGS flags_rdy;
  INT8U result;
  INT8U pend_stat;
  BOOLEAN consume;
  OS_CPU_SR cpu_sr;

  if (perr == (INT8U *)0) {
    return 0u;
  }
  if (pgrp == (OS_FLAG_GRP *)0) {
    *perr = OS_ERR_FLAG_INVALID_PGRP;
    return 0u;
  }
  if (OSIntNesting > 0u) {
    *perr = OS_ERR_PEND_ISR;
    return 0u;
  }
  if (OSLockNesting > 0u) {
    *perr = OS_ERR_PEND_LOCKED;
    return 0u;
  }
  if (pgrp->OSFlagType != OS_EVENT_TYPE_FLAG) {
    *perr = OS_ERR_EVENT_TYPE;
    return 0u;
  }
  result = (INT8U)(wait_type & OS_FLAG_CONSUME);
  if (result != 0u) {
    wait_type &= (INT8U)~(INT8U)OS_FLAG_CONSUME;
    consume = 1u;
  } else {
    consume = 0u;
  }
  OS_ENTER_CRITICAL();
  switch (wait_type) {
    case OS_FLAG_WAIT_SET_ALL:
    case OS_FLAG_WAIT_SET_ANY:
      flags_rdy = (OS_FLAGS)(pgrp->OSFlagFlags & flags);
      if ((wait_type == OS_FLAG_WAIT_SET_ALL) ? (flags_rdy == flags) : (flags_rdy != 0u)) {
        if (consume == 1u) {
          pgrp->OSFlagFlags &= (OS_FLAGS)~flags_rdy;
        }
        OSTCBCur->OSTCBFlagsRdy = flags_rdy;
        OS_EXIT_CRITICAL();
        *perr = OS_ERR_NONE;
        return flags_rdy;
      }
      OS_FlagBlock(pgrp, &node, flags, wait_type, timeout);
      OS_EXIT_CRITICAL();
      break;
    case OS_FLAG_WAIT_CLR_ALL:
    case OS_FLAG_WAIT_CLR_ANY:
      flags_rdy = (OS_FLAGS)(~pgrp->OSFlagFlags & flags);
      if ((wait_type == OS_FLAG_WAIT_CLR_ALL) ? (flags_rdy == flags) : (flags_rdy != 0u)) {
        if (consume == 1u) {
          pgrp->OSFlagFlags |= flags_rdy;
        }
        OSTCBCur->OSTCBFlagsRdy = flags_rdy;
        OS_EXIT_CRITICAL();
        *perr = OS_ERR_NONE;
        return flags_rdy;
      }
      OS_FlagBlock(pgrp, &node, flags, wait_type, timeout);
      OS_EXIT_CRITICAL();
      break;
    default:
      OS_EXIT_CRITICAL();
      *perr = OS_ERR_FLAG_WAIT_TYPE;
      return 0u;
  }
  OS_Sched();
  OS_ENTER_CRITICAL();
  if (OSTCBCur->OSTCBStatPend != OS_STAT_PEND_OK) {
    pend_stat = OSTCBCur->OSTCBStatPend;
    OSTCBCur->OSTCBStatPend = OS_STAT_PEND_OK;
    OS_FlagUnlink(&node);
    OSTCBCur->OSTCBStat = OS_STAT_RDY;
    OS_EXIT_CRITICAL();
    *perr = (pend_stat == OS_STAT_PEND_TO) ? OS_ERR_TIMEOUT : OS_ERR_NONE;
    return 0u;
  }
  flags_rdy = OSTCBCur->OSTCBFlagsRdy;
  if (consume == 1u) {
    switch (wait_type) {
      case OS_FLAG_WAIT_SET_ALL:
      case OS_FLAG_WAIT_SET_ANY:
        pgrp->OSFlagFlags &= (OS_FLAGS)~flags_rdy;
        break;
      default:
        pgrp->OSFlagFlags |= flags_rdy;
        break;
    }
  }
  OS_EXIT_CRITICAL();
  *perr = OS_ERR_NONE;
  return flags_rdy;
}

/* Set or clear flags, then ready every waiter whose condition now holds. */
OS_FLAGS OSFlagPost(OS_FLAG_GRP *pgrp, OS_FLAGS flags, INT8U opt, INT8U *perr)
{
  OS_FLAG_NODE *pnode;
  BOOLEAN sched;
  OS_FLAGS flags_cur;
  OS_FLAGS flags_rdy;
  BOOLEAN rdy;
  OS_CPU_SR cpu_sr;

  if (perr == (INT8U *)0) {
    return 0u;
  }
  if (pgrp == (OS_FLAG_GRP *)0) {
    *perr = OS_ERR_FLAG_INVALID_PGRP;
    return 0u;
  }
  if (pgrp->OSFlagType != OS_EVENT_TYPE_FLAG) {
    *perr = OS_ERR_EVENT_TYPE;
    return 0u;
  }
  OS_ENTER_CRITICAL();
  switch (opt) {
    case OS_FLAG_CLR:
      pgrp->OSFlagFlags &= (OS_FLAGS)~flags;
      break;
    case OS_FLAG_SET:
      pgrp->OSFlagFlags |= flags;
      break;
    default:
      OS_EXIT_CRITICAL();
      *perr = OS_ERR_FLAG_INVALID_OPT;
      return 0u;
  }
  sched = 0u;
  pnode = (OS_FLAG_NODE *)pgrp->OSFlagWaitList;
  while (pnode != (OS_FLAG_NODE *)0) {
    switch (pnode->OSFlagNodeWaitType) {
      case OS_FLAG_WAIT_SET_ALL:
        flags_rdy = (OS_FLAGS)(pgrp->OSFlagFlags & pnode->OSFlagNodeFlags);
        rdy = (flags_rdy == pnode->OSFlagNodeFlags);
        break;
      case OS_FLAG_WAIT_SET_ANY:
        flags_rdy = (OS_FLAGS)(pgrp->OSFlagFlags & pnode->OSFlagNodeFlags);
        rdy = (flags_rdy != 0u);
        break;
      case OS_FLAG_WAIT_CLR_ALL:
        flags_rdy = (OS_FLAGS)(~pgrp->OSFlagFlags & pnode->OSFlagNodeFlags);
        rdy = (flags_rdy == pnode->OSFlagNodeFlags);
        break;
      case OS_FLAG_WAIT_CLR_ANY:
        flags_rdy = (OS_FLAGS)(~pgrp->OSFlagFlags & pnode->OSFlagNodeFlags);
        rdy = (flags_rdy != 0u);
        break;
      default:
        OS_EXIT_CRITICAL();
        *perr = OS_ERR_FLAG_WAIT_TYPE;
        return 0u;
    }
    if (rdy && OS_FlagTaskRdy(pnode, flags_rdy) == 1u) {
      sched = 1u;
    }
    pnode = (OS_FLAG_NODE *)pnode->OSFlagNodeNext;
  }
  OS_EXIT_CRITICAL();
  if (sched == 1u) {
    OS_Sched();
  }
  OS_ENTER_CRITICAL();
  flags_cur = pgrp->OSFlagFlags;
  OS_EXIT_CRITICAL();
  *perr = OS_ERR_NONE;
  return flags_cur;
}

/* Read the group's flags. */
OS_FLAGS OSFlagQuery(OS_FLAG_GRP *pgrp, INT8U *perr)
{
  OS_FLAGS flags;
  OS_CPU_SR cpu_sr;

  if (perr == (INT8U *)0) {
    return 0u;
  }
  if (pgrp == (OS_FLAG_GRP *)0) {
    *perr = OS_ERR_FLAG_INVALID_PGRP;
    return 0u;
  }
  if (pgrp->OSFlagType != OS_EVENT_TYPE_FLAG) {
    *perr = OS_ERR_EVENT_TYPE;
    return 0u;
  }
  OS_ENTER_CRITICAL();
  flags = pgrp->OSFlagFlags;
  OS_EXIT_CRITICAL();
  *perr = OS_ERR_NONE;
  return flags;
}

/* Chain the flag groups into OSFlagFreeList (called by OSInit). */
void OS_FlagInit(void)
{
  INT8U i;
  OS_FLAG_GRP *pgrp1;
  OS_FLAG_GRP *pgrp2;

  pgrp1 = &OSFlagTbl[0];
  pgrp2 = &OSFlagTbl[1];
  for (i = 0u; i < (OS_MAX_FLAGS - 1u); i++) {
    pgrp1->OSFlagType = OS_EVENT_TYPE_UNUSED;
    pgrp1->OSFlagWaitList = (void *)pgrp2;
    pgrp1++;
    pgrp2++;
  }
  pgrp1->OSFlagType = OS_EVENT_TYPE_UNUSED;
  pgrp1->OSFlagWaitList = (void *)0;
  OSFlagFreeList = &OSFlagTbl[0];
}
