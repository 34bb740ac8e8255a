import { block, type Block } from '../../hardware/block.ts';

/*
 * MOS kernel code as basic blocks of micro-ops. The seed (section 3.5) describes MOS's mechanisms but
 * publishes no code, so each block is the plainest C a small meter kernel would compile to for that
 * mechanism; the notes say what each instruction group does. Data layout assumed by the blocks:
 * - `modRdy`: one 32-bit word, bit m set when module m has a pending message (module 0 most urgent);
 * - `msg[m]`: one 32-bit word per module, bit b set when task b of module m has a pending message;
 * - flash tables indexed by module: level, group; by bus object: owner module, capacity;
 * - per level: current module and task bit, saved stack pointer; a small stack of preempted levels.
 * On a core with CLZ the bitmaps are stored MSB-first so CLZ yields the bit index directly; on the
 * AVR the lowest set bit is found byte by byte with uC/OS-II's OSUnMapTbl (the `clz` micro-op).
 */

/** `post(module, mask)`: the call and its two constant arguments (posts are macros on constants). */
export const postCall = block('mos-post-call', ['const8', 'const32', 'call', 'ret'], 'post(MODULE, MSG): load the two constants, call, return');

/** The masked part of a post: set the task bit in msg[m] and the module bit in modRdy. */
export const postCritical = block(
  'mos-post-critical',
  ['saveIrqState', 'constPtr', 'aluPtr', 'load32.idx', 'move32', 'alu32', 'store32.idx', 'cmpbr32.fall', 'load32.abs', 'const32', 'alu32', 'store32.abs', 'restoreIrqState'],
  'msg[m] |= mask (old value kept to count a merged post); modRdy |= 1 << m; interrupts masked around both',
);

/** Find-first on a 32-bit word with CLZ (bitmaps stored MSB-first): one instruction. */
export const findFirstClz = block('mos-find-first-clz', ['clz'], 'CLZ r0, r0 on the MSB-first bitmap gives the index of the most urgent set bit');

/** Find-first, byte scan: one zero byte skipped (the branch to the next byte's test is taken). */
export const findFirstByteSkip = block('mos-find-first-byte-skip', ['cmpbr8.taken'], 'the byte is zero: go test the next byte');

/** Find-first, byte scan: the first nonzero byte found, its lowest bit looked up, the byte offset added. */
export const findFirstByteHit = block('mos-find-first-byte-hit', ['cmpbr8.fall', 'clz', 'alu8'], 'OSUnMapTbl[byte] + 8 * byteIndex');

/** A task function returns to its level's dispatcher loop. */
export const taskReturn = block('mos-task-return', ['ret', 'jump'], 'the task exits (no while(1)): RET to the dispatcher, jump to its loop head');

/** Dispatcher loop head: mask, load modRdy (then find-first gives the most urgent module). */
export const pickEnter = block('mos-pick-enter', ['saveIrqState', 'load32.abs', 'cmpbr32.fall'], 'mask; r = modRdy; if r == 0 leave the level');

/** The module found belongs to this level's band (flash table of levels). */
export const pickBand = block('mos-pick-band', ['flashLookup8', 'load8.abs', 'cmpbr8.fall'], 'if levelOf[m] != myLevel leave the level');

/** Load msg[m] (then find-first gives the task bit). */
export const pickMessage = block('mos-pick-message', ['constPtr', 'aluPtr', 'aluPtr', 'load32.idx'], 'p = &module[m]; r = p->msg');

/** Clear the task bit, and the module bit when the module has nothing left; unmask. */
export const pickClear = block(
  'mos-pick-clear',
  ['flashLookup8', 'alu32', 'store32.idx', 'cmpbr32.fall', 'load32.abs', 'alu32', 'store32.abs', 'restoreIrqState'],
  'p->msg &= ~bitMask[b]; if (p->msg == 0) modRdy &= ~(1 << m); unmask',
);

/** Record the running module and bit for this level, fetch the task pointer, call it. */
export const callTask = block(
  'mos-call-task',
  ['store8.abs', 'store8.abs', 'loadPtr.idx', 'aluPtr', 'loadPtr.idx', 'call'],
  'curModule[level] = m; curBit[level] = b; p->tasks[b](): an indirect call on the level stack',
);

/** Scheduler check (ISR exit, a post from a task, a level running dry): load modRdy, test it. */
export const levelCheckHead = block('mos-level-check-head', ['load32.abs', 'cmpbr32.fall'], 'r = modRdy; nothing pending: only preempted levels can run');

/** Scheduler check, second half: level of the most urgent module against the active and preempted levels. */
export const levelCheckTail = block(
  'mos-level-check-tail',
  ['flashLookup8', 'load8.abs', 'cmpbr8.fall', 'load8.abs', 'cmpbr8.fall'],
  'l = levelOf[m]; compare with activeLevel and with the top of the preempted-level stack',
);

/** Switch levels: push or pop the preempted-level stack, set the active level, point at its saved SP. */
export const levelSwitch = block(
  'mos-level-switch',
  ['load8.abs', 'alu8', 'store8.abs', 'store8.abs', 'constPtr', 'aluPtr', 'storePtr.abs'],
  'preempted[top++] = active (or top--); activeLevel = l; pxCurrentLevel = &level[l] (the port saves/restores SP through it)',
);

/** ISR entry bookkeeping: interrupt nesting counter. */
export const isrEnter = block('mos-isr-enter', ['load8.abs', 'alu8', 'store8.abs'], 'nesting++');

/** ISR exit bookkeeping: nesting counter, outermost test (the scheduler check follows). */
export const isrLeave = block('mos-isr-leave', ['load8.abs', 'alu8', 'store8.abs', 'cmpbr8.fall'], 'if (--nesting == 0) check levels');

/** Tick ISR head: the tick counter and the start of the timer scan. */
export const tickEnter = block('mos-tick-enter', ['load32.abs', 'const32', 'alu32', 'store32.abs', 'constPtr', 'const8'], 'ticks++; p = timers; n = TIMER_COUNT');

/** One periodic timer per tick: decrement its countdown, test for expiry, step to the next. */
export const tickTimer = block(
  'mos-tick-timer',
  ['load16.idx', 'alu16', 'store16.idx', 'cmpbr16.taken', 'aluPtr', 'alu8', 'cmpbr8.taken'],
  'if (--p->count != 0) goto next; ... next: p++; if (--n) loop',
);

/** An expired timer: reload from flash and fetch the module and bit to post (the post follows). */
export const tickExpire = block(
  'mos-tick-expire',
  ['flashLookup8', 'flashLookup8', 'store16.idx', 'flashLookup8', 'flashLookup8'],
  'p->count = reload[k] (16-bit, from flash); m = timerModule[k]; mask = timerMask[k]',
);

/** Bus call: object id and data word as arguments, call into the bus. */
export const busCall = block('mos-bus-call', ['const8', 'load32.abs', 'call', 'ret'], 'bus_write(OBJ, data) / bus_read(OBJ): a call through the unified bus');

/** The security module's check: the caller's user group against the owning module's group. */
export const busCheck = block(
  'mos-bus-check',
  ['load8.abs', 'load8.abs', 'flashLookup8', 'flashLookup8', 'flashLookup8', 'cmpbr8.fall'],
  'caller = curModule[activeLevel]; if (groupOf[caller] != groupOf[ownerOf[obj]]) refuse',
);

/** A refused access: count it and return an error code. */
export const busRefuse = block('mos-bus-refuse', ['load16.abs', 'alu16', 'store16.abs', 'const8'], 'refusedCount++; return -EACCES');

/** The masked write into a bus object's ring (the receiver's post follows). */
export const busWrite = block(
  'mos-bus-write',
  ['saveIrqState', 'constPtr', 'aluPtr', 'load8.idx', 'flashLookup8', 'cmpbr8.fall', 'load8.idx', 'aluPtr', 'store32.idx', 'alu8', 'store8.idx', 'load8.idx', 'alu8', 'store8.idx', 'restoreIrqState'],
  'o = &obj[k]; if (o->count < cap[k]) { o->slot[o->tail] = data; o->tail = (o->tail + 1) % cap; o->count++; }',
);

/** The masked read from a bus object's ring. */
export const busRead = block(
  'mos-bus-read',
  ['saveIrqState', 'constPtr', 'aluPtr', 'load8.idx', 'cmpbr8.fall', 'load8.idx', 'aluPtr', 'load32.idx', 'alu8', 'store8.idx', 'load8.idx', 'alu8', 'store8.idx', 'restoreIrqState'],
  'o = &obj[k]; if (o->count) { data = o->slot[o->head]; o->head = (o->head + 1) % cap; o->count--; }',
);

/** A task's `io-out` step: drive the output pin. */
export const ioOut = block('mos-io-out', ['gpioToggle'], 'set the output pin (the paper oscilloscope point)');

/** Every block of the kernel, for the code-size sum; the find-first blocks are counted per target. */
export const KERNEL_BLOCKS: readonly Block[] = [
  postCall, postCritical, taskReturn, pickEnter, pickBand, pickMessage, pickClear, callTask,
  levelCheckHead, levelCheckTail, levelSwitch, isrEnter, isrLeave, tickEnter, tickTimer, tickExpire,
  busCall, busCheck, busRefuse, busWrite, busRead,
];
