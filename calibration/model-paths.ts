import { block, portPrice, price, type Block } from '../hardware/block.ts';
import type { Target } from '../hardware/target.ts';
import type { Cycles } from '../hardware/units.ts';
import { KERNEL_PATHS } from '../kernels/core/blocks.ts';
import { priceAll } from '../kernels/core/pricing.ts';
import { SegmentPlan, type ReadyStructure, type TimerStrategy } from '../kernels/core/structures.ts';
import { Tcb } from '../kernels/core/tcb.ts';
import { edf } from '../kernels/edf/index.ts';
import { webit } from '../kernels/profiles/index.ts';
import { sortedArrayTable } from '../kernels/sorted-list/array-table.ts';
import { sortedList } from '../kernels/sorted-list/index.ts';
import { priorityQueues } from '../kernels/round-robin/priority-queues.ts';
import { readyTable } from '../kernels/table-driven/ready-table.ts';
import { deltaList } from '../kernels/timers/delta-list.ts';
import { tickScan } from '../kernels/timers/tick-scan.ts';
import { KERNEL_SERVICES, serviceBytes } from '../kernels/core/service-catalogue.ts';

/*
 * The kernel paths the calibration checks, each beside the compiled C it mirrors (calibration/c).
 * Every model figure comes from the kernels' own structures and blocks, driven into the same state
 * the timing harness builds (calibration/harness/avr_main.c), so what is checked is what runs.
 * One line per path: a path id the harness prints, the C functions whose bytes make up its code,
 * and the model's cycles at state size k and bytes. A path without `cycles` is sized only.
 */
export interface CalibratedPath {
  /** The id the harness prints (`design/path`). */
  readonly id: string;
  /** The compiled functions whose sizes add up to the path's code. */
  readonly cFunctions: readonly string[];
  /** The Cortex-M4's functions where they differ (a port's PendSV handler instead of its AVR switch). */
  readonly m4Functions?: readonly string[];
  /** State sizes (tasks or nodes) the harness times; empty when the path is sized only. */
  readonly states: readonly number[];
  /** True when the model's blocks carry the path's own call and return, which the harness does not time. */
  readonly modelCountsCallReturn: boolean;
  /** The model's cycles with `k` tasks or nodes in the structure. */
  readonly cycles?: (target: Target, k: number) => Cycles;
  /** The model's code bytes of the path; absent where the model does not yet hold the whole compiled function (the services' error branches). */
  readonly bytes?: (target: Target) => number;
}

const STATES = [1, 2, 4, 8] as const;
const STATES_FROM_EMPTY = [0, 1, 2, 4, 8] as const;
const MAX_PRIORITIES = 64;
/** The priority the newcomer of an insert gets: behind every task the harness readied. */
const NEWCOMER_PRIORITY = 60;

function bytesOf(blocks: readonly Block[], target: Target): number {
  return blocks.reduce((sum, b) => sum + price(b, target).bytes, 0);
}

/*
 * The design's blocks run inside a service that has loaded the globals' base already; compiled as
 * a function of its own (as here), the path loads it itself, and returns.
 */
const STANDALONE = block('standalone-function', ['globalBase', 'ret'], 'load the globals\' base; return');

/** Bytes of a design path compiled as a function of its own. */
function functionBytes(blocks: readonly Block[], target: Target): number {
  return bytesOf([STANDALONE, ...blocks], target);
}

/** The blocks of `all` named in `names` (a structure's code split by path). */
function named(all: readonly Block[], names: readonly string[]): Block[] {
  return names.map((n) => {
    const b = all.find((x) => x.name === n);
    if (b === undefined) throw new Error(`calibration: no block named ${n}`);
    return b;
  });
}

function tasks(k: number, priority: (i: number) => number): Tcb[] {
  return Array.from({ length: k }, (_, i) => new Tcb(i, `t${i}`, priority(i), undefined));
}

/** The harness readies task i at priority 5 + 3i in the table (spread over groups). */
function readyTableWith(target: Target, k: number): ReadyStructure {
  const r = readyTable(target, MAX_PRIORITIES);
  for (const t of tasks(k, (i) => 5 + 3 * i)) r.insert(t);
  return r;
}

/** The harness fills a sorted list with task i at priority 5 + i (deadline 100000 + i for EDF). */
function sortedWith(r: ReadyStructure, k: number): ReadyStructure {
  for (const t of tasks(k, (i) => 5 + i)) {
    t.deadlineTick = 100_000 + t.index;
    r.insert(t);
  }
  return r;
}

function newcomer(k: number): Tcb {
  const t = new Tcb(k, 'new', NEWCOMER_PRIORITY, undefined);
  t.deadlineTick = 200_000;
  return t;
}

function tableBlocks(target: Target): readonly Block[] {
  return readyTable(target, MAX_PRIORITIES).blocks;
}
function listBlocks(target: Target): readonly Block[] {
  return sortedList.createReady(target, webit).blocks;
}
function edfBlocks(target: Target): readonly Block[] {
  return edf.createReady(target, webit).blocks;
}
function arrayBlocks(target: Target): readonly Block[] {
  return sortedArrayTable(target, MAX_PRIORITIES).blocks;
}

/** The harness's delta list: sleeper i for 10 + 5i ticks, none expiring at the next tick. */
function deltaWith(target: Target, k: number): TimerStrategy {
  const d = deltaList(target);
  for (const t of tasks(k, (i) => 5 + i)) d.sleep(t, 10 + 5 * t.index);
  return d;
}

/** One tick's cycles on a strategy, as the tick ISR plans it with interrupts nested (apart). */
function tickCycles(timer: TimerStrategy, wake: (t: Tcb) => Cycles): Cycles {
  const plan = new SegmentPlan();
  plan.reset(false);
  timer.tick(plan, wake);
  return plan.total();
}

const noWake = (): Cycles => {
  throw new Error('calibration: the harness state wakes no task at this tick');
};

/** The ready structures, timers, tick and switch. */
const CORE_PATHS: readonly CalibratedPath[] = [
  {
    id: 'table-driven/pick-next',
    cFunctions: ['OS_SchedNew'],
    states: STATES,
    modelCountsCallReturn: false,
    cycles: (target, k) => {
      const r = readyTableWith(target, k);
      r.pick();
      return r.pickCycles;
    },
    bytes: (target) => functionBytes(named(tableBlocks(target), ['sched-new']), target),
  },
  {
    id: 'table-driven/make-ready',
    cFunctions: ['OS_MakeReady'],
    states: STATES,
    modelCountsCallReturn: false,
    cycles: (target, k) => readyTableWith(target, k).insert(newcomer(k)),
    bytes: (target) => functionBytes(named(tableBlocks(target), ['rdy-insert']), target),
  },
  {
    id: 'table-driven/make-unready',
    cFunctions: ['OS_MakeUnready'],
    states: STATES,
    modelCountsCallReturn: false,
    cycles: (target, k) => {
      const r = readyTableWith(target, k);
      const t = newcomer(k);
      r.insert(t);
      return r.remove(t);
    },
    bytes: (target) => functionBytes(named(tableBlocks(target), ['rdy-remove']), target),
  },
  {
    id: 'sorted-list/insert',
    cFunctions: ['OS_RdyListInsert'],
    states: STATES,
    modelCountsCallReturn: false,
    cycles: (target, k) => sortedWith(sortedList.createReady(target, webit), k).insert(newcomer(k)),
    bytes: (target) => functionBytes(named(listBlocks(target), ['rdylist-insert-head', 'rdylist-insert-test', 'rdylist-insert-advance', 'rdylist-insert-link', 'rdylist-insert-link-head-code']), target),
  },
  {
    id: 'sorted-list/remove',
    cFunctions: ['OS_RdyListRemove'],
    states: STATES,
    modelCountsCallReturn: false,
    cycles: (target, k) => {
      const r = sortedWith(sortedList.createReady(target, webit), k);
      const t = newcomer(k);
      r.insert(t);
      return r.remove(t);
    },
    bytes: (target) => functionBytes(named(listBlocks(target), ['rdylist-remove-head', 'rdylist-remove-head-unlink', 'rdylist-remove-step', 'rdylist-remove-link']), target),
  },
  {
    id: 'sorted-list/pick-next',
    cFunctions: ['OS_RdyListPick'],
    states: STATES,
    modelCountsCallReturn: false,
    cycles: (target, k) => {
      const r = sortedWith(sortedList.createReady(target, webit), k);
      r.pick();
      return r.pickCycles;
    },
    bytes: (target) => functionBytes(named(listBlocks(target), ['rdylist-pick-head']), target),
  },
  {
    id: 'edf/insert',
    cFunctions: ['OS_EdfListInsert'],
    states: STATES,
    modelCountsCallReturn: false,
    cycles: (target, k) => sortedWith(edf.createReady(target, webit), k).insert(newcomer(k)),
    bytes: (target) => functionBytes(named(edfBlocks(target), ['edflist-insert-head', 'edflist-insert-test', 'edflist-insert-advance', 'edflist-insert-link', 'edflist-insert-link-head-code']), target),
  },
  {
    id: 'round-robin/pick-next',
    cFunctions: ['rq_pick'],
    states: STATES,
    modelCountsCallReturn: false,
    // The highest ready task at priority k, the idle task at the lowest: the scan passes k empty queues.
    cycles: (target, k) => {
      const r = priorityQueues(target, MAX_PRIORITIES);
      r.insert(new Tcb(1, 'idle', MAX_PRIORITIES - 1, undefined));
      r.insert(new Tcb(0, 'high', k, undefined));
      r.pick();
      return r.pickCycles;
    },
    bytes: (target) => functionBytes(named(priorityQueues(target, MAX_PRIORITIES).blocks, ['rq-scan-start', 'rq-scan-step', 'rq-scan-store']), target),
  },
  {
    id: 'round-robin/append',
    cFunctions: ['rq_append'],
    states: STATES,
    modelCountsCallReturn: false,
    cycles: (target, k) => priorityQueues(target, MAX_PRIORITIES).insert(new Tcb(0, 'new', k, undefined)),
    bytes: (target) => functionBytes(named(priorityQueues(target, MAX_PRIORITIES).blocks, ['rq-append']), target),
  },
  {
    id: 'sorted-list/array-insert',
    cFunctions: ['rdytab_insert'],
    states: STATES_FROM_EMPTY,
    modelCountsCallReturn: false,
    // The harness's newcomer has the highest priority: every entry shifts (the worst insert).
    cycles: (target, k) => {
      const r = sortedArrayTable(target, MAX_PRIORITIES);
      for (const t of tasks(k, (i) => 10 + i)) r.insert(t);
      return r.insert(new Tcb(k, 'new', 1, undefined));
    },
    bytes: (target) => functionBytes(named(arrayBlocks(target), ['rdytab-insert-head', 'rdytab-insert-full', 'rdytab-insert-test', 'rdytab-shift-step', 'rdytab-insert-store']), target),
  },
  {
    id: 'delta-list/tick',
    cFunctions: ['OS_DeltaTick'],
    states: STATES_FROM_EMPTY,
    modelCountsCallReturn: false,
    cycles: (target, k) => tickCycles(deltaWith(target, k), noWake),
    bytes: (target) => functionBytes(named(deltaList(target).blocks, ['delta-tick-head', 'delta-tick-decrement', 'delta-pop-test', 'delta-pop']), target),
  },
  {
    id: 'delta-list/insert',
    cFunctions: ['OS_DeltaInsert'],
    states: STATES_FROM_EMPTY,
    modelCountsCallReturn: false,
    cycles: (target, k) => deltaWith(target, k).sleep(newcomer(k), 1000),
    bytes: (target) => functionBytes(named(deltaList(target).blocks, ['delta-insert-head', 'delta-insert-test', 'delta-insert-advance', 'delta-insert-link', 'delta-insert-link-head-code', 'delta-insert-adjust-next', 'delta-insert-end']), target),
  },
  {
    id: 'tick-scan/tick',
    cFunctions: ['OSTimeTick'],
    states: STATES_FROM_EMPTY,
    modelCountsCallReturn: true,
    // OSTimeTick's preamble and return, then the walk of k delayed TCBs (delay 100, none expiring).
    cycles: (target, k) => {
      const list = tasks(k, (i) => 6 + i);
      for (const t of list) t.delay = 100;
      const c = priceAll(KERNEL_PATHS, target);
      return c.tickEnter + tickCycles(tickScan(target, list), noWake) + c.tickExit;
    },
    // The compiled walk makes a task ready inline (uC/OS-II's OSTimeTick), so its bytes hold the table insert.
    bytes: (target) =>
      bytesOf([KERNEL_PATHS.tickEnter, KERNEL_PATHS.tickExit, ...named(tickScan(target, []).blocks, ['scan-loop', 'scan-tcb-enter', 'scan-tcb-decrement', 'scan-expire', 'scan-suspended', 'scan-tcb-leave']), ...named(tableBlocks(target), ['rdy-insert'])], target),
  },
  {
    id: 'context-switch',
    cFunctions: ['OS_TaskSwitch', 'OSCtxSw'],
    m4Functions: ['OS_TaskSwitch', 'OSCtxSw', 'PendSV_Handler'],
    states: [1],
    modelCountsCallReturn: false,
    cycles: (target) => price(KERNEL_PATHS.ctxSwGlue, target).cycles + portPrice('context-save', target).cycles + portPrice('context-restore', target).cycles,
    bytes: (target) => price(KERNEL_PATHS.ctxSwGlue, target).bytes + portPrice('context-save', target).bytes + portPrice('context-restore', target).bytes,
  },
];

/*
 * The Table 1 services on the path the kernel prices as one block: the call with its checks
 * (serviceCall, which carries the CALL and RET the harness leaves out), then the service's block.
 * Their bytes are not compared: the compiled functions hold error branches and wait paths the
 * model's service blocks do not yet carry (whole-kernel code size is another part of the issue).
 */
function service(id: string, cFunction: string, body: Block): CalibratedPath {
  return {
    id: `service/${id}`,
    cFunctions: [cFunction],
    states: [1],
    modelCountsCallReturn: true,
    cycles: (target) => price(KERNEL_PATHS.serviceCall, target).cycles + price(body, target).cycles,
  };
}

/** The services the harness times, by the block the kernel prices each with. */
const CALIBRATED_SERVICES: readonly CalibratedPath[] = [
  service('sem-pend', 'OSSemPend', KERNEL_PATHS.semPendFast),
  service('sem-post', 'OSSemPost', KERNEL_PATHS.semPostCount),
  service('mutex-pend', 'OSMutexPend', KERNEL_PATHS.mutexLockFree),
  service('mutex-post', 'OSMutexPost', KERNEL_PATHS.mutexUnlock),
  service('queue-post', 'OSQPost', KERNEL_PATHS.queuePut),
  service('queue-pend', 'OSQPend', KERNEL_PATHS.queueGet),
  service('mailbox-post', 'OSMboxPost', KERNEL_PATHS.mailboxSlot),
];

/*
 * Every kernel function a whole-kernel footprint counts (kernels/core/service-catalogue.ts), sized
 * beside its compiled C: the function's timed blocks and code-only rest against the C function the
 * catalogue names. Sized only (no state is timed).
 */
function kernelFunction(id: string): CalibratedPath {
  const s = KERNEL_SERVICES.find((k) => k.id === id);
  if (s === undefined) throw new Error(`calibration: no kernel function ${id}`);
  return { id: `function/${id}`, cFunctions: [s.cFunction], states: [], modelCountsCallReturn: false, bytes: (target) => serviceBytes(s, target) };
}

/** One line per kernel function of the catalogue, in its order. */
const KERNEL_FUNCTIONS: readonly CalibratedPath[] = [
  kernelFunction('event.task-ready'),
  kernelFunction('event.task-wait'),
  kernelFunction('event.task-remove'),
  kernelFunction('event.wait-list-init'),
  kernelFunction('event.list-init'),
  kernelFunction('sched.lock'),
  kernelFunction('sched.unlock'),
  kernelFunction('task.tcb-init'),
  kernelFunction('task.create'),
  kernelFunction('task.delete'),
  kernelFunction('task.suspend'),
  kernelFunction('task.resume'),
  kernelFunction('task.query'),
  kernelFunction('task.change-priority'),
  kernelFunction('time.delay'),
  kernelFunction('time.delay-resume'),
  kernelFunction('time.get'),
  kernelFunction('time.set'),
  kernelFunction('semaphore.accept'),
  kernelFunction('semaphore.create'),
  kernelFunction('semaphore.delete'),
  kernelFunction('semaphore.pend'),
  kernelFunction('semaphore.post'),
  kernelFunction('semaphore.query'),
  kernelFunction('mutex.ready-at-priority'),
  kernelFunction('mutex.accept'),
  kernelFunction('mutex.create'),
  kernelFunction('mutex.delete'),
  kernelFunction('mutex.pend'),
  kernelFunction('mutex.post'),
  kernelFunction('mutex.query'),
  kernelFunction('queue.init'),
  kernelFunction('queue.accept'),
  kernelFunction('queue.create'),
  kernelFunction('queue.delete'),
  kernelFunction('queue.flush'),
  kernelFunction('queue.pend'),
  kernelFunction('queue.post'),
  kernelFunction('queue.query'),
  kernelFunction('mailbox.accept'),
  kernelFunction('mailbox.create'),
  kernelFunction('mailbox.delete'),
  kernelFunction('mailbox.pend'),
  kernelFunction('mailbox.post'),
  kernelFunction('mailbox.query'),
  kernelFunction('flags.init'),
  kernelFunction('flags.task-ready'),
  kernelFunction('flags.unlink'),
  kernelFunction('flags.block'),
  kernelFunction('flags.accept'),
  kernelFunction('flags.create'),
  kernelFunction('flags.delete'),
  kernelFunction('flags.pend'),
  kernelFunction('flags.post'),
  kernelFunction('flags.query'),
];

/** Every calibrated path; a new one (or a function sized only) is one line in one of the lists. */
export const CALIBRATED_PATHS: readonly CalibratedPath[] = [...CORE_PATHS, ...CALIBRATED_SERVICES, ...KERNEL_FUNCTIONS];

/** A call and its return on `target`: what the harness leaves out of a timed path. */
export function callReturnCycles(target: Target): Cycles {
  return price(CALL_RETURN, target).cycles;
}

const CALL_RETURN = block('call-return', ['call', 'ret'], 'the caller\'s CALL and the path\'s RET');
