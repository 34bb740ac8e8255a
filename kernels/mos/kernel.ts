import type { Engine } from '../../hardware/engine.ts';
import { ExecContext } from '../../hardware/exec-context.ts';
import type { MosMapping } from './config.ts';
import { dispatchCycles, levelCheckCycles, type MosPrices } from './prices.ts';
import type { MosTask, TaskHost } from './task.ts';
import { EV_JOB_RELEASE, EV_MSG_RECEIVE, EV_MSG_SEND, EV_SWITCH_IN, EV_SWITCH_OUT, SEG_ISR, SEG_KERNEL } from '../../hardware/probe-codes.ts';

/** Counters a MOS run keeps besides the probe stream. */
export interface MosStats {
  /** Bus accesses the security module refused (caller and owner in different user groups). */
  refusedAccesses: number;
  /** Refused accesses by the calling task's index. */
  readonly refusedByTask: number[];
  /** Posts that found the task's bit already set: MOS keeps one pending message per task. */
  mergedPosts: number;
  /** Sends that found the bus object's ring full (data dropped; the receiver is still posted). */
  busOverflows: number;
  /** Receives that found the ring empty (a MOS task cannot block to wait). */
  emptyReads: number;
  /** Dispatches of the next task on the same level: no context save or restore. */
  sameLevelDispatches: number;
  /** Level switches (preemption by a higher level, a level running dry, to and from idle). */
  levelSwitches: number;
  /** Level switches that saved a preempted task's context. */
  contextSaves: number;
}

/** A bus object at run time. */
interface BusSlotState {
  count: number;
  readonly capacity: number;
  readonly receiver: number;
}

const NO_LEVEL = -1;

/** Index of the lowest set bit of a nonzero word: the most urgent module or task. */
export function lowestBit(word: number): number {
  return 31 - Math.clz32(word & -word);
}

/**
 * The MOS scheduler state and its transitions. Per module a 32-bit message word, one module-ready
 * word; per level one execution context (one stack) and the task running on it. A level runs its
 * tasks one after another to completion; a higher level preempts a lower one at a post (from an ISR
 * at its exit, or from a task's bus send), saving the lower level's context; a level that runs dry
 * hands the CPU down without a save.
 */
export class MosKernel implements TaskHost {
  modRdy = 0;
  readonly msg: number[];
  /** The level whose context runs or is being restored, or -1 (idle). */
  active = NO_LEVEL;
  /** Task index running on each level, -1 when the level's dispatcher is idle. */
  readonly inTask: number[];
  readonly stats: MosStats;
  /**
   * Set by bootMos for exact releases (the textbook machine): an ISR that ends while another
   * interrupt is already pending leaves the dispatch decision to the last of them, so the posts of one
   * instant meet one decision, as they do in a textbook schedule (the core kernels post them from one
   * release interrupt). Otherwise, on the zero-cost machine, a less urgent task posted by the first
   * ISR is dispatched at the same cycle as a more urgent one of its level is posted by the next, and
   * blocks it for its whole job, where the analysis counts a job that started at least a cycle before.
   */
  oneDecisionPerInstant = false;
  /** Set once by bootMos: a task needs the kernel as its host before the kernel can hold it. */
  tasks: readonly MosTask[] = [];
  readonly levelContexts: readonly ExecContext[];
  /** Runs the context restore of a level switch (the switch code, between two stacks). */
  private readonly switchContext: ExecContext;
  private switchPending = false;
  private nextTarget = NO_LEVEL;
  private nesting = 0;
  /** Subject of the last SwitchOut, carried by the next SwitchIn. */
  private outgoing = -1;
  private readonly bus: BusSlotState[];
  private readonly moduleLevel: readonly number[];
  private readonly moduleTasks: readonly (readonly number[])[];
  private readonly commit: () => void;
  private readonly onRestored: () => void;

  constructor(
    readonly engine: Engine,
    readonly prices: MosPrices,
    readonly mapping: MosMapping,
  ) {
    this.msg = mapping.modules.map(() => 0);
    this.moduleLevel = mapping.modules.map((m) => m.level);
    this.moduleTasks = mapping.modules.map((m) => m.tasks);
    this.inTask = Array.from({ length: mapping.levels }, () => -1);
    this.levelContexts = Array.from({ length: mapping.levels }, (_, l) => new ExecContext(l, `mos:level${l}`));
    this.switchContext = new ExecContext(mapping.levels, 'mos:switch');
    this.bus = mapping.busObjects.map((o) => ({ count: 0, capacity: o.capacity, receiver: o.receiver }));
    this.stats = {
      refusedAccesses: 0,
      refusedByTask: mapping.places.map(() => 0),
      mergedPosts: 0,
      busOverflows: 0,
      emptyReads: 0,
      sameLevelDispatches: 0,
      levelSwitches: 0,
      contextSaves: 0,
    };
    // Made in locals: a function literal assigned straight to a property is allocated old (V8 takes
    // it for a method) and would keep the boot alive through every minor collection.
    const commit = (): void => this.commitSwitch();
    const onRestored = (): void => this.levelRestored();
    this.commit = commit;
    this.onRestored = onRestored;
  }

  /**
   * Sets a task's message bit (and its module's ready bit); a bit already set merges the post (the
   * job is lost). `arrivalCycles` is the job's arrival (a periodic job's, before the tick posted it).
   */
  post(task: MosTask, arrivalCycles: number = this.engine.now): void {
    const old = this.msg[task.module] as number;
    if ((old & task.mask) !== 0) {
      this.stats.mergedPosts++;
      return;
    }
    this.msg[task.module] = (old | task.mask) >>> 0;
    this.modRdy = (this.modRdy | (1 << task.module)) >>> 0;
    task.pendingRelease = arrivalCycles;
    this.engine.probe.emit(EV_JOB_RELEASE, this.engine.now, task.index, arrivalCycles);
  }

  /** The level that should run now: the most urgent of the top pending module's level and any level with a task in progress. */
  decide(): number {
    let target = this.modRdy === 0 ? this.inTask.length : (this.moduleLevel[lowestBit(this.modRdy)] as number);
    for (let l = 0; l < target; l++) {
      if ((this.inTask[l] as number) >= 0) {
        target = l;
        break;
      }
    }
    return target === this.inTask.length ? NO_LEVEL : target;
  }

  /** ISR side: called once an ISR's posts are done; queues the exit path (and a level switch) on `isr`. */
  isrExit(isr: ExecContext): void {
    const p = this.prices;
    this.nesting--;
    if (this.nesting > 0 || (this.oneDecisionPerInstant && this.engine.interruptPending())) {
      isr.run(p.isrLeave, SEG_KERNEL, true);
      isr.run(p.isrEpilogue, SEG_ISR, true);
      return;
    }
    const target = this.decide();
    isr.run(p.isrLeave + levelCheckCycles(p, this.modRdy), SEG_KERNEL, true);
    isr.run(p.isrEpilogue, SEG_ISR, true);
    if (target === this.active) return;
    const from = this.active;
    const saving = from !== NO_LEVEL && !this.switchPending && (this.inTask[from] as number) >= 0;
    if (saving) {
      this.stats.contextSaves++;
      this.switchOut(this.inTask[from] as number, this.resumes(target));
    } else if (from === NO_LEVEL) {
      this.switchOut(this.idleSubject, this.resumes(target));
    }
    this.nextTarget = target;
    isr.run(p.levelSwitch + (saving ? p.contextSave : 0), SEG_KERNEL, true, this.commit);
  }

  /** The probe subject of the idle loop: one past the last task, as the core kernels' idle task. */
  get idleSubject(): number {
    return this.tasks.length;
  }

  /** SwitchIn at the first instruction of `subject` (a task, or the idle loop), naming the task switched away from. */
  switchedIn(subject: number): void {
    this.engine.probe.emit(EV_SWITCH_IN, this.engine.now, subject, this.outgoing);
  }

  /** SwitchOut as the kernel starts switching away from `subject`; `incoming` is -1 while a fresh level has yet to pick. */
  private switchOut(subject: number, incoming: number): void {
    this.outgoing = subject;
    this.engine.probe.emit(EV_SWITCH_OUT, this.engine.now, subject, incoming);
  }

  /** The task a switch to `level` resumes, or -1 when the level's dispatcher will pick one after the restore. */
  private resumes(level: number): number {
    return level === NO_LEVEL ? this.idleSubject : (this.inTask[level] as number);
  }

  /** ISR side: counts an interrupt entry (the nesting counter). */
  isrEnter(): void {
    this.nesting++;
  }

  afterTaskPost(task: MosTask): void {
    const p = this.prices;
    const target = this.decide();
    const check = levelCheckCycles(p, this.modRdy);
    const ctx = this.levelContexts[task.level] as ExecContext;
    if (target === task.level) {
      ctx.run(check, SEG_KERNEL, true, task.queueNext);
      return;
    }
    this.stats.contextSaves++;
    this.switchOut(task.index, this.resumes(target));
    this.nextTarget = target;
    ctx.run(check + p.levelSwitch + p.contextSave, SEG_KERNEL, true, this.commit);
  }

  taskEnded(task: MosTask): void {
    const p = this.prices;
    this.inTask[task.level] = -1;
    const target = this.decide();
    if (target === task.level) {
      this.stats.sameLevelDispatches++;
      this.switchOut(task.index, this.dispatch(task.level, p.taskReturn));
      return;
    }
    this.switchOut(task.index, target === NO_LEVEL ? this.idleSubject : this.resumes(target));
    this.nextTarget = target;
    const ctx = this.levelContexts[task.level] as ExecContext;
    ctx.run(p.taskReturn + levelCheckCycles(p, this.modRdy) + p.levelSwitch, SEG_KERNEL, true, this.commit);
  }

  busSend(object: number): boolean {
    const slot = this.bus[object] as BusSlotState;
    if (slot.count < slot.capacity) {
      slot.count++;
      this.engine.probe.emit(EV_MSG_SEND, this.engine.now, object);
    } else {
      this.stats.busOverflows++;
    }
    if (slot.receiver < 0) return false;
    this.post(this.tasks[slot.receiver] as MosTask);
    return true;
  }

  busRefused(task: MosTask): void {
    this.stats.refusedAccesses++;
    this.stats.refusedByTask[task.index] = (this.stats.refusedByTask[task.index] as number) + 1;
  }

  busReceive(object: number): void {
    const slot = this.bus[object] as BusSlotState;
    if (slot.count > 0) {
      slot.count--;
      this.engine.probe.emit(EV_MSG_RECEIVE, this.engine.now, object);
    } else {
      this.stats.emptyReads++;
    }
  }

  /** The level's dispatcher picks the most urgent pending task (in its band) and calls it; returns its index. */
  private dispatch(level: number, extraCycles: number): number {
    const modRdy = this.modRdy;
    const module = lowestBit(modRdy);
    if (modRdy === 0 || this.moduleLevel[module] !== level) {
      throw new Error(`mos: internal: level ${level} dispatching with no pending module in its band`);
    }
    const word = this.msg[module] as number;
    const bit = lowestBit(word);
    const task = this.tasks[(this.moduleTasks[module] as readonly number[])[bit] as number] as MosTask;
    const cycles = extraCycles + dispatchCycles(this.prices, modRdy, word);
    const left = (word & ~task.mask) >>> 0;
    this.msg[module] = left;
    if (left === 0) this.modRdy = (modRdy & ~(1 << module)) >>> 0;
    this.inTask[level] = task.index;
    task.jobRelease = task.pendingRelease;
    (this.levelContexts[level] as ExecContext).run(cycles, SEG_KERNEL, true, task.onStart);
    return task.index;
  }

  /** Commits the decided switch: idle, or restore the target level's context. */
  private commitSwitch(): void {
    const target = this.nextTarget;
    this.active = target;
    this.stats.levelSwitches++;
    if (target === NO_LEVEL) {
      this.switchPending = false;
      this.switchContext.clear();
      this.engine.setTask(undefined);
      this.switchedIn(this.idleSubject);
      return;
    }
    this.switchPending = true;
    this.switchContext.clear();
    this.switchContext.run(this.prices.contextRestore, SEG_KERNEL, true, this.onRestored);
    this.engine.setTask(this.switchContext);
  }

  /** The target level's stack is live: resume its preempted task, or start its dispatcher. */
  private levelRestored(): void {
    this.switchPending = false;
    const level = this.active;
    const ctx = this.levelContexts[level] as ExecContext;
    this.engine.setTask(ctx);
    const running = this.inTask[level] as number;
    if (running < 0) {
      this.dispatch(level, 0);
      return;
    }
    this.switchedIn(running);
    if (ctx.isEmpty) (this.tasks[running] as MosTask).queueNext();
  }
}
