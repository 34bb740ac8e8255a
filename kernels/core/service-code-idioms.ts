import { at, type MicroStep } from '../../hardware/block.ts';
import { TCB } from './tcb-fields.ts';

/*
 * The C idioms every uC/OS-II 2.x service repeats, as micro-op runs: the code-only blocks of
 * service-code.ts are written from these so that each reads like the function it mirrors. A run is
 * what a compiler emits for the idiom once (each function has its own copy: nothing here is shared
 * code at run time). The TCB fields past a short encoding's reach on some target (OSTCBY, BitX,
 * BitY: offsets 32-34 on the Cortex-M4) are named with `at`, so each is priced where it lies.
 */

/** A micro-op run. */
export type Ops = readonly MicroStep[];

/**
 * A function's entry and exit without its return: the globals' base it loads once (a literal on the
 * M4, nothing on the AVR), and `registers` callee-saved registers saved and restored (one PUSH/POP
 * list on the M4). For the pend and post functions whose return a timed block carries.
 */
export function entry(registers: number): Ops {
  return ['globalBase', ['push', registers], ['pop', registers]];
}

/** A whole function's entry and exit: its entry, then its return (every whole function that touches a kernel global ends through it). */
export function frame(registers: number): Ops {
  return [...entry(registers), 'ret'];
}

/** The entry and exit of a function that touches no kernel global (only its arguments and what they point to): no base to load. */
export function leafFrame(registers: number): Ops {
  return [['push', registers], ['pop', registers], 'ret'];
}

/*
 * The argument checks. `if (bad) return ERR;` and `if (bad) { *perr = ERR; return 0; }` compile alike:
 * a test, the error code into a register, a jump to one tail the function's checks share (which
 * stores *perr once: `perrStore`).
 */
/** `if (p == 0) return ERR;` */
export const nullCheck: Ops = ['cmpbrPtr.fall', 'const8', 'jump'];
/** `if (pevent->OSEventType != TYPE) return ERR;` */
export const typeCheck: Ops = ['load8.idx', 'cmpbr8.fall', 'const8', 'jump'];
/** `if (OSIntNesting > 0) return ERR;` (also OSLockNesting) */
export const globalCheck: Ops = ['load8.abs', 'cmpbr8.fall', 'const8', 'jump'];
/** A pend's checks: perr and pevent NULL, the event's type, OSIntNesting, OSLockNesting. */
export const pendChecks: Ops = [...nullCheck, ...nullCheck, ...typeCheck, ...globalCheck, ...globalCheck];
/** A post's checks: pevent NULL, the event's type. */
export const postChecks: Ops = [...nullCheck, ...typeCheck];
/** `if (prio >= OS_LOWEST_PRIO [&& prio != OS_PRIO_SELF]) return OS_ERR_PRIO_INVALID;` */
export const prioCheck: Ops = ['cmpbr8.fall', 'cmpbr8.fall', 'const8', 'jump'];
/** `*perr = ERR;` on a path that then leaves. */
export const perrStore: Ops = ['const8', 'store8.idx'];
/** `OS_EXIT_CRITICAL(); return ERR;` */
export const exitWithError: Ops = ['restoreIrqState', 'const8', 'jump'];

/** A check's error return where the test itself is in a timed block: the error code, the jump to the shared tail. */
export const errorReturn: Ops = ['const8', 'jump'];
/**
 * What a pend's checks add beyond the tests its timed blocks carry (blocks.ts PEND_CHECKS: pevent,
 * type, ISR, lock): the perr test and return (serviceCall's is the kernel's one call sequence, each
 * function has its own), the four error returns, and the tail that stores *perr.
 */
export const pendCheckReturns: Ops = ['movePtr', 'cmpbrPtr.fall', 'jump', ...errorReturn, ...errorReturn, ...errorReturn, ...errorReturn, ...perrStore];
/** What a post's checks add beyond the type test its timed block carries (POST_CHECKS): the pevent test and return, the type's error return. */
export const postCheckReturns: Ops = [...nullCheck, ...errorReturn];

/** `ptcb = OSTCBPrioTbl[prio]; if (ptcb == 0 || ptcb == OS_TCB_RESERVED) { OS_EXIT_CRITICAL(); return ERR; }` */
export const prioTableLookup: Ops = ['constPtr', 'aluPtr', 'aluPtr', 'loadPtr.idx', 'cmpbrPtr.fall', 'cmpbrPtr.fall', ...exitWithError];
/** `if (prio == OS_PRIO_SELF) prio = OSTCBCur->OSTCBPrio;` */
export const prioSelf: Ops = ['cmpbr8.fall', 'loadPtr.abs', 'load8.idx'];

/** uC/OS-II's ready-table removal, inline: `if ((OSRdyTbl[y] &= ~bitx) == 0) OSRdyGrp &= ~bity;` */
export const readyRemoveInline: Ops = [at('load8.idx', TCB.OSTCBY), 'constPtr', 'aluPtr', 'load8.idx', at('load8.idx', TCB.OSTCBBitX), 'alu8', 'alu8', 'store8.idx', 'cmpbr8.fall', at('load8.idx', TCB.OSTCBBitY), 'alu8', 'load8.abs', 'alu8', 'store8.abs'];
/** uC/OS-II's ready-table insertion, inline: `OSRdyGrp |= bity; OSRdyTbl[y] |= bitx;` */
export const readyInsertInline: Ops = [at('load8.idx', TCB.OSTCBBitY), 'load8.abs', 'alu8', 'store8.abs', at('load8.idx', TCB.OSTCBY), 'constPtr', 'aluPtr', 'load8.idx', at('load8.idx', TCB.OSTCBBitX), 'alu8', 'store8.idx'];
/**
 * The ready-table insertion right after prioBits: y, bity and bitx are still in registers and the
 * table's address is the one the removal before it formed, so nothing is reloaded from the TCB
 * (gcc -Os on both cores: OSMutex_RdyAtPrio reads OSTCBY/BitX/BitY once, for the removal).
 */
export const readyInsertHeld: Ops = ['load8.abs', 'alu8', 'store8.abs', 'aluPtr', 'load8.idx', 'alu8', 'store8.idx'];
/** The same bitmap edits on an event's wait table (OSEventTbl/OSEventGrp, through the event pointer). */
export const waitRemoveInline: Ops = [at('load8.idx', TCB.OSTCBY), 'aluPtr', 'load8.idx', at('load8.idx', TCB.OSTCBBitX), 'alu8', 'alu8', 'store8.idx', 'cmpbr8.fall', 'load8.idx', at('load8.idx', TCB.OSTCBBitY), 'alu8', 'alu8', 'store8.idx'];
/** `pevent->OSEventGrp |= bity; pevent->OSEventTbl[y] |= bitx;` */
export const waitInsertInline: Ops = ['load8.idx', at('load8.idx', TCB.OSTCBBitY), 'alu8', 'store8.idx', at('load8.idx', TCB.OSTCBY), 'aluPtr', 'load8.idx', at('load8.idx', TCB.OSTCBBitX), 'alu8', 'store8.idx'];
/** `ptcb->OSTCBY = prio >> 3; OSTCBX = prio & 7; OSTCBBitY = 1 << Y; OSTCBBitX = 1 << X;` (a shift loop on the AVR). */
export const prioBits: Ops = ['move8', 'alu8', 'alu8', 'alu8', at('store8.idx', TCB.OSTCBY), 'move8', 'alu8', at('store8.idx', TCB.OSTCBX), 'const8', 'alu8', 'cmpbr8.taken', at('store8.idx', TCB.OSTCBBitY), 'const8', 'alu8', 'cmpbr8.taken', at('store8.idx', TCB.OSTCBBitX)];

/** `if (OSRunning == TRUE) OS_Sched();` */
export const schedIfRunning: Ops = ['load8.abs', 'cmpbr8.fall', 'call'];
/** `OS_EXIT_CRITICAL(); OS_Sched(); return OS_ERR_NONE;` */
export const exitAndSched: Ops = ['restoreIrqState', 'call', 'const8', 'jump'];
/** A call with its arguments moved into place: `f(a, b, c, d)`. */
export function callWith(args: number): Ops {
  return [['movePtr', args], 'call'];
}

/** Taking an event control block: `pevent = OSEventFreeList; if (pevent) OSEventFreeList = pevent->OSEventPtr;` in its critical section. */
export const eventAlloc: Ops = ['saveIrqState', 'loadPtr.abs', 'cmpbrPtr.fall', 'loadPtr.idx', 'storePtr.abs', 'restoreIrqState', 'cmpbrPtr.fall'];
/** Returning an event control block: type UNUSED, OSEventPtr = OSEventFreeList, count 0, OSEventFreeList = pevent. */
export const eventFree: Ops = ['const8', 'store8.idx', 'loadPtr.abs', 'storePtr.idx', 'const8', 'store16.idx', 'storePtr.abs'];
/** `*pevent = {type, cnt, ptr}; OS_EventWaitListInit(pevent);` */
export const eventInit: Ops = ['const8', 'store8.idx', 'store16.idx', 'storePtr.idx', ...callWith(1)];

/**
 * The body every OSxxxDel shares: the four argument checks, then `switch (opt)`: OS_DEL_NO_PEND frees
 * the object when no task waits (else OS_ERR_TASK_WAITING); OS_DEL_ALWAYS readies every waiter in a
 * loop, frees it and reschedules; any other option is OS_ERR_INVALID_OPT. `free` is the kind's own
 * release of its control block, written out once per case as the compiler does.
 */
export function deleteBody(free: Ops): Ops {
  return [
    ...frame(4), ...nullCheck, ...nullCheck, ...typeCheck, ...globalCheck,
    'saveIrqState', 'load8.idx', 'cmpbr8.fall', 'const8', 'move8',
    'cmpbr8.fall', 'cmpbr8.fall',
    // OS_DEL_NO_PEND
    'cmpbr8.fall', ...free, 'restoreIrqState', 'const8', 'jump', 'restoreIrqState', 'const8', 'jump',
    // OS_DEL_ALWAYS
    'load8.idx', 'cmpbr8.taken', ...callWith(4), 'jump', ...free, 'restoreIrqState', 'cmpbr8.fall', 'call', 'const8', 'jump',
    // default, then the tail every case shares
    'restoreIrqState', 'const8', ...perrStore, 'movePtr',
  ];
}

/** The marking a pend's wait starts with: `OSTCBCur->OSTCBStat |= OS_STAT_x; OSTCBDly = timeout;`, and the OS_EXIT_CRITICAL before OS_Sched (what a timed wait block holds). */
export const pendWaitMark: Ops = ['loadPtr.abs', 'load8.idx', 'alu8', 'store8.idx', 'store16.idx', 'restoreIrqState'];
/** The rest of a pend's wait and wake-up: OSTCBStatPend, OS_EventTaskWait, OS_Sched, then timeout or message, clear the wait state. */
export const pendWaitRest: Ops = [
  'const8', 'store8.idx', ...callWith(1), 'call',
  'saveIrqState', 'loadPtr.abs', 'load8.idx', 'cmpbr8.fall', ...callWith(2), ...perrStore, 'jump', 'loadPtr.idx', ...perrStore,
  'const8', 'store8.idx', 'store8.idx', 'storePtr.idx', 'storePtr.idx', 'restoreIrqState',
];
/** The wait and wake-up half every OSxxxPend shares: mark the TCB, wait, OS_Sched, then timeout or message, clear the wait state. */
export const pendWaitAndResume: Ops = [...pendWaitMark, ...pendWaitRest];

/** Copying an event's wait table out (`for (i = 0; i < OS_EVENT_TBL_SIZE; i++) p->OSEventTbl[i] = pevent->OSEventTbl[i];`). */
export const copyWaitTable: Ops = ['load8.idx', 'store8.idx', 'movePtr', 'movePtr', 'load8.idx', 'store8.idx', 'aluPtr', 'aluPtr', 'cmpbrPtr.taken'];
