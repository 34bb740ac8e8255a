import type { Target } from '../../hardware/target.ts';
import type { Step, TaskSpec } from '../../workloads/types.ts';
import { scaleCycles } from '../../workloads/scaling.ts';
import type { EventFlags, MessageQueue, Mutex, Semaphore } from './objects.ts';

/** Step codes of a compiled task body (numbers, for a switch on the hot path). */
export const Op = {
  Compute: 0, Take: 1, Give: 2, Lock: 3, Unlock: 4, Send: 5, Receive: 6, Delay: 7, Wait: 8, Set: 9, IoOut: 10,
  SchedLock: 11, SuspendApp: 12, ResumeApp: 13,
} as const;

/**
 * A step with its cycles scaled to the target and its names checked and resolved to a slot of the
 * task's object list. It holds no kernel object, so one compiled body serves every boot of the
 * same workload on the same target (objects are mutable and made fresh by each boot).
 */
export interface CompiledStep {
  readonly op: (typeof Op)[keyof typeof Op];
  /** Compute: the worst case on the target. */
  readonly cycles: number;
  /** Compute: the best case on the target (<= cycles); what the execution-time model draws from. */
  readonly bestCycles: number;
  readonly ticks: number;
  readonly mask: number;
  /** SuspendApp / ResumeApp: the APP's index in the workload's apps. */
  readonly app?: number;
  /** Take / Give / Lock / Unlock / Send / Receive / Wait / Set: the index of its object in the body's `slots`; -1 for the others. */
  readonly object: number;
}

/** A kernel object a task body names: what kind of object, and its name (for an io-in wait, the line's). */
export interface ObjectSlot {
  readonly kind: 'semaphore' | 'mutex' | 'queue' | 'flags' | 'io-in';
  readonly name: string;
}

/** A compiled task body: its steps and the distinct objects they name, in first-use order. */
export interface CompiledBody {
  readonly steps: readonly CompiledStep[];
  readonly slots: readonly ObjectSlot[];
}

/** Any kernel object a step can call on. */
export type KernelObject = Semaphore | Mutex | MessageQueue | EventFlags;

/** The names a body may use, as the workload declares them (the values are not read while compiling). */
export interface ObjectNames {
  readonly semaphores: ReadonlyMap<string, unknown>;
  readonly mutexes: ReadonlyMap<string, unknown>;
  readonly queues: ReadonlyMap<string, unknown>;
  readonly flags: ReadonlyMap<string, unknown>;
  /** Index of each APP by name (the steps that suspend and resume one). */
  readonly apps?: ReadonlyMap<string, number>;
}

/** Kernel objects by name, as the boot built them. */
export interface ObjectTable {
  readonly semaphores: ReadonlyMap<string, Semaphore>;
  readonly mutexes: ReadonlyMap<string, Mutex>;
  readonly queues: ReadonlyMap<string, MessageQueue>;
  readonly flags: ReadonlyMap<string, EventFlags>;
}

/** `field` and `j` name the step; its path is spelled out only in an error (boots compile many steps). */
function lookup<T>(map: ReadonlyMap<string, T>, name: string, field: string, j: number, key: string, kind: string): T {
  const found = map.get(name);
  if (found === undefined) {
    const known = [...map.keys()];
    throw new Error(`${field}.body[${j}].${key}: unknown ${kind} "${name}"${known.length > 0 ? `; declared: ${known.join(', ')}` : '; none declared in resources'}`);
  }
  return found;
}

const PLAIN = { cycles: 0, bestCycles: 0, ticks: 0, mask: 0, object: -1 };

/**
 * Compiles a task body: scales compute to the target, resolves names, and starts the paper's
 * non-preemptive final part (the job's cycles past `preemptibleCycles`) with a scheduler lock.
 * The lock sits where the worst-case job crosses the threshold. A step split by it keeps its best
 * case in the preemptible piece first, so a shorter job shortens its final part first and that
 * part never exceeds C - TH, which is what the analysis charges as blocking.
 */
export function compileBody(spec: TaskSpec, field: string, objects: ObjectNames, referenceTarget: string, target: Target): CompiledBody {
  const out: CompiledStep[] = [];
  const slots: ObjectSlot[] = [];
  // The slot of a named object, checked against the declared names (io-in lines are the task's own).
  const slot = (kind: ObjectSlot['kind'], name: string, declared: ReadonlyMap<string, unknown> | undefined, j: number, key: string, what: string): number => {
    if (declared !== undefined) lookup(declared, name, field, j, key, what);
    const at = slots.findIndex((s) => s.kind === kind && s.name === name);
    return at >= 0 ? at : slots.push({ kind, name }) - 1;
  };
  // The threshold and the split are counted in the target's cycles, each step scaled whole, as the
  // analysis scales them (analysis/from-workload.ts): scaling the two pieces of a split step apart
  // rounded twice, and the final part came out a few cycles longer than the blocking it is charged.
  const threshold = spec.preemptibleCycles === undefined ? undefined : scaleCycles(spec.preemptibleCycles, referenceTarget, target);
  let done = 0;
  let locked = spec.preemptibleCycles === 0;
  if (locked) out.push({ op: Op.SchedLock, ...PLAIN });
  spec.body.forEach((step: Step, j) => {
    switch (step.op) {
      case 'compute': {
        const scaled = scaleCycles(step.cycles, referenceTarget, target);
        let cycles = scaled;
        let bestLeft = scaleCycles(step.bestCycles ?? step.cycles, referenceTarget, target);
        const piece = (worst: number): void => {
          const best = Math.min(worst, bestLeft);
          bestLeft -= best;
          out.push({ op: Op.Compute, ...PLAIN, cycles: worst, bestCycles: best });
        };
        if (!locked && threshold !== undefined && done + cycles > threshold) {
          const before = threshold - done;
          if (before > 0) piece(before);
          out.push({ op: Op.SchedLock, ...PLAIN });
          locked = true;
          cycles -= before;
        }
        done += scaled;
        if (cycles > 0) piece(cycles);
        return;
      }
      case 'take': return void out.push({ op: Op.Take, ...PLAIN, object: slot('semaphore', step.semaphore, objects.semaphores, j, 'semaphore', 'semaphore') });
      case 'give': return void out.push({ op: Op.Give, ...PLAIN, object: slot('semaphore', step.semaphore, objects.semaphores, j, 'semaphore', 'semaphore') });
      case 'lock': return void out.push({ op: Op.Lock, ...PLAIN, object: slot('mutex', step.mutex, objects.mutexes, j, 'mutex', 'mutex') });
      case 'unlock': return void out.push({ op: Op.Unlock, ...PLAIN, object: slot('mutex', step.mutex, objects.mutexes, j, 'mutex', 'mutex') });
      case 'send': return void out.push({ op: Op.Send, ...PLAIN, object: slot('queue', step.queue, objects.queues, j, 'queue', 'queue or mailbox') });
      case 'receive': return void out.push({ op: Op.Receive, ...PLAIN, object: slot('queue', step.queue, objects.queues, j, 'queue', 'queue or mailbox') });
      case 'delay':
        if (!Number.isInteger(step.ticks) || step.ticks < 0) throw new Error(`${field}.body[${j}].ticks: must be a whole number >= 0, got ${step.ticks}`);
        return void out.push({ op: Op.Delay, ...PLAIN, ticks: step.ticks });
      case 'wait': return void out.push({ op: Op.Wait, ...PLAIN, mask: step.mask, object: slot('flags', step.flags, objects.flags, j, 'flags', 'event-flag group') });
      case 'set': return void out.push({ op: Op.Set, ...PLAIN, mask: step.mask, object: slot('flags', step.flags, objects.flags, j, 'flags', 'event-flag group') });
      // An input wait is a pend on a semaphore the line's ISR posts, as a uC/OS-II driver does.
      case 'io-in': return void out.push({ op: Op.Take, ...PLAIN, object: slot('io-in', step.line, undefined, j, 'line', 'I/O line') });
      case 'io-out': return void out.push({ op: Op.IoOut, ...PLAIN });
      case 'suspend-app': return void out.push({ op: Op.SuspendApp, ...PLAIN, app: lookup(objects.apps ?? new Map<string, number>(), step.app, field, j, 'app', 'APP') });
      case 'resume-app': return void out.push({ op: Op.ResumeApp, ...PLAIN, app: lookup(objects.apps ?? new Map<string, number>(), step.app, field, j, 'app', 'APP') });
    }
  });
  // The lock is released by the runner after JobEnd: the non-preemptive part runs to the job's end.
  return { steps: out, slots };
}

/**
 * The kernel objects a compiled body's slots name, taken from one boot's objects and the task's own
 * semaphore per I/O line its io-in steps wait on (the body checked every name).
 */
export function resolveSlots(slots: readonly ObjectSlot[], objects: ObjectTable, ioInputs: ReadonlyMap<string, Semaphore>): readonly KernelObject[] {
  // Most bodies name no object: they share one empty table rather than each boot making one per task.
  if (slots.length === 0) return NO_OBJECTS;
  const resolved: KernelObject[] = [];
  for (const s of slots) {
    const map: ReadonlyMap<string, KernelObject> | undefined =
      s.kind === 'semaphore' ? objects.semaphores : s.kind === 'mutex' ? objects.mutexes : s.kind === 'queue' ? objects.queues : s.kind === 'flags' ? objects.flags : ioInputs;
    const found = map?.get(s.name);
    if (found === undefined) throw new Error(`compiled body names ${s.kind} "${s.name}", which this boot did not build`);
    resolved.push(found);
  }
  return resolved;
}

/** The objects of a body that names none (never written). */
const NO_OBJECTS: readonly KernelObject[] = Object.freeze([]);
