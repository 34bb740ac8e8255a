import type { Block } from '../../hardware/block.ts';
import type { MaskSchedule } from '../../hardware/exec-context.ts';
import type { Cycles } from '../../hardware/units.ts';
import type { Field } from './layout.ts';
import type { Tcb } from './tcb.ts';

/**
 * What a design supplies: its ready structure. Every method changes the real data structure and
 * returns the cycles its own priced blocks took for the state it found (a walk costs per step).
 * The running task stays in the structure while it is ready, as in uC/OS-II.
 */
export interface ReadyStructure {
  /** Code of the structure, for the footprint. */
  readonly blocks: readonly Block[];
  /** Kernel globals the structure needs (bitmaps, list heads, tables). */
  readonly globals: readonly Field[];
  /** TCB fields the structure adds. */
  readonly tcbFields: readonly Field[];
  /** Flash tables the structure reads (e.g. OSUnMapTbl on a core without CLZ), in bytes. */
  readonly flashTableBytes: number;
  insert(t: Tcb): Cycles;
  remove(t: Tcb): Cycles;
  /** The task the policy runs next, or undefined when none is ready; sets `pickCycles`. */
  pick(): Tcb | undefined;
  /**
   * The Stack Resource Policy's pick (Baker 1991; deadline-keyed lists only): the head when it has
   * `started` (it is on SRP's stack) or `clearsCeiling`; otherwise the first task in policy order
   * that has started (the top of the stack) or that ties with the head and clears the ceiling: no
   * job less urgent than the head may start. Sets `pickCycles`, the walk included.
   * Should none qualify, the plain head with the plain pick's cycles, as `pick` gives (undefined
   * when none is ready).
   */
  pickAdmitted?(started: (t: Tcb) => boolean, clearsCeiling: (t: Tcb) => boolean): Tcb | undefined;
  /** Cycles of the last `pick` or `pickAdmitted` (they write it). */
  pickCycles: Cycles;
  /** Puts `t` behind every ready task it ties with (time slice, yield). */
  rotate(t: Tcb): Cycles;
  /** True when `a` must run before `b` under this policy (strictly). */
  precedes(a: Tcb, b: Tcb): boolean;
  /** True when `a` ties with `b` (same priority or deadline): the candidates of a time slice. */
  ties(a: Tcb, b: Tcb): boolean;
  /** Cycles to insert into a policy-ordered wait list of an event with `ahead` waiters before it. */
  waitInsertCycles(ahead: number): Cycles;
  /** The worst pick cost with `taskCount` tasks, for the overhead-aware analysis. */
  worstPickCycles(taskCount: number): Cycles;
  /** The worst insert cost with `taskCount` tasks already in the structure. */
  worstInsertCycles(taskCount: number): Cycles;
  /** The most a remove can cost with `taskCount` tasks ready. */
  worstRemoveCycles(taskCount: number): Cycles;
}

/** What a design writes for its ready structure: all of it but the cycles of the last pick, which start at 0. */
export type ReadyParts = Omit<ReadyStructure, 'pickCycles'>;

/**
 * `parts` laid out in one fixed order, with `pickCycles` a plain field that `pick` writes: every
 * design's structure then has one hidden class, so the dispatcher's loads of it stay monomorphic,
 * and a boot makes no map of its own. (A getter in the object literal gave every boot's structure a
 * map of its own, whose accessor held that boot's closures: the map stayed in its parent's
 * transitions, which minor collections keep, so each boot outlived every young-generation GC until
 * the next full one, and no cached load ever hit.)
 */
export function readyStructure(parts: ReadyParts): ReadyStructure {
  return {
    blocks: parts.blocks,
    globals: parts.globals,
    tcbFields: parts.tcbFields,
    flashTableBytes: parts.flashTableBytes,
    insert: parts.insert,
    remove: parts.remove,
    pick: parts.pick,
    pickAdmitted: parts.pickAdmitted,
    pickCycles: 0,
    rotate: parts.rotate,
    precedes: parts.precedes,
    ties: parts.ties,
    waitInsertCycles: parts.waitInsertCycles,
    worstPickCycles: parts.worstPickCycles,
    worstInsertCycles: parts.worstInsertCycles,
    worstRemoveCycles: parts.worstRemoveCycles,
  };
}

/** Fixed-priority order (0 most urgent), shared by every structure keyed by priority. */
export const PRIORITY_ORDER: Pick<ReadyStructure, 'precedes' | 'ties'> = {
  precedes: (a, b) => a.priority < b.priority,
  ties: (a, b) => a.priority === b.priority,
};

/**
 * Collects the segments of an ISR body (cycles, masked) and merges neighbours of the same kind,
 * so a per-TCB walk with one short critical section per task becomes alternating segments; in an
 * ISR that nothing can interrupt, one masked segment. Merging and dropping empty parts make it a
 * mask schedule by construction, which a context queues unchecked and uncopied (`runSchedule`).
 */
export class SegmentPlan implements MaskSchedule {
  /** The parts' cycles; a context that queues the plan takes this array and leaves another. */
  cycles: Cycles[] = [];
  readonly masked: boolean[] = [];
  length = 0;
  /** Every part runs masked: the plan is for an ISR that nothing can interrupt (no nesting). */
  allMasked = false;
  /** The sum of the parts, kept as they are added. */
  private sum = 0;

  /** Forgets the previous plan (the arrays are reused); `allMasked` when nothing can interrupt the code it plans. */
  reset(allMasked = false): void {
    this.length = 0;
    this.sum = 0;
    this.allMasked = allMasked;
  }

  /** Appends `cycles` of work, masked or not. */
  add(cycles: Cycles, masked: boolean): void {
    if (cycles === 0) return;
    if (this.allMasked) masked = true;
    this.sum += cycles;
    const last = this.length - 1;
    if (last >= 0 && this.masked[last] === masked) {
      this.cycles[last] = (this.cycles[last] as number) + cycles;
      return;
    }
    this.cycles[this.length] = cycles;
    this.masked[this.length] = masked;
    this.length++;
  }

  /**
   * Appends `unmasked` cycles then `masked` ones: one step of a per-TCB walk and its critical
   * section. The same as the two `add`s, written straight in when the plan ends masked and both
   * have cycles, so that neither merges.
   */
  addStep(unmasked: Cycles, masked: Cycles): void {
    const n = this.length;
    if (n === 0 || this.masked[n - 1] !== true || this.allMasked || unmasked === 0 || masked === 0) {
      this.add(unmasked, false);
      this.add(masked, true);
      return;
    }
    this.cycles[n] = unmasked;
    this.masked[n] = false;
    this.cycles[n + 1] = masked;
    this.masked[n + 1] = true;
    this.length = n + 2;
    this.sum += unmasked + masked;
  }

  /** Total cycles planned. */
  total(): Cycles {
    return this.sum;
  }

  /** Hands the parts' array to the segment that now runs them and takes `spare` in its place: the plan is empty. */
  handOver(spare: Cycles[]): Cycles[] {
    const taken = this.cycles;
    this.cycles = spare;
    this.length = 0;
    this.sum = 0;
    return taken;
  }

  /** The longest masked run in the plan. */
  longestMasked(): Cycles {
    let max = 0;
    for (let i = 0; i < this.length; i++) if (this.masked[i] === true && (this.cycles[i] as number) > max) max = this.cycles[i] as number;
    return max;
  }
}

/**
 * A timer strategy: how delayed tasks are kept and how the tick finds the ones to wake. `sleep`
 * runs inside the delay service's critical section; `tick` plans the tick ISR's segments and calls
 * `wake` for each task whose delay ends (the kernel makes it ready and returns what that cost).
 */
export interface TimerStrategy {
  readonly blocks: readonly Block[];
  readonly globals: readonly Field[];
  readonly tcbFields: readonly Field[];
  /** Starts a delay of `ticks` (>= 1) for `t`; returns cycles. */
  sleep(t: Tcb, ticks: number): Cycles;
  /** Cancels `t`'s delay (a timeout that no longer applies); returns cycles. */
  cancel(t: Tcb): Cycles;
  /** One tick: plans the work into `plan` and wakes expired tasks through `wake`. */
  tick(plan: SegmentPlan, wake: (t: Tcb) => Cycles): void;
  /** The most starting a delay can cost with `taskCount` tasks (the others possibly asleep). */
  worstSleepCycles(taskCount: number): Cycles;
  /** The tick's cost with `taskCount` tasks delayed and none expiring, as one plan. */
  idleTickPlan(plan: SegmentPlan, taskCount: number): void;
}
