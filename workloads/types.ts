/**
 * The shape of a workload: what kernels run and what the analysis bounds. Plain data, validated by
 * the schema in `workloads/schema.ts` (which must produce exactly these types).
 *
 * Units: periods, offsets and deadlines in microseconds (target-independent); execution in cycles
 * of the reference CPU (`referenceTarget`), scaled to each target by the documented rule in
 * `workloads/scaling.ts`. Priorities: 0 is the most urgent, larger numbers are less urgent
 * (uC/OS-II's convention, the paper's, and the engine's interrupt lines').
 */

/** A task's body step. Execution cycles are on the reference CPU. */
export type Step =
  | { readonly op: 'compute'; readonly cycles: number; readonly bestCycles?: number }
  | { readonly op: 'take'; readonly semaphore: string }
  | { readonly op: 'give'; readonly semaphore: string }
  | { readonly op: 'lock'; readonly mutex: string }
  | { readonly op: 'unlock'; readonly mutex: string }
  | { readonly op: 'send'; readonly queue: string }
  | { readonly op: 'receive'; readonly queue: string }
  | { readonly op: 'delay'; readonly ticks: number }
  | { readonly op: 'wait'; readonly flags: string; readonly mask: number }
  | { readonly op: 'set'; readonly flags: string; readonly mask: number }
  /**
   * Waits for the next interrupt of an I/O line (an input event: a meter pulse, a metering chip's
   * data-ready); an event that fires before the job waits is latched and taken at once.
   */
  | { readonly op: 'io-in'; readonly line: string }
  /** Drives an output pin: the end of the task's I/O delay (the paper's oscilloscope point). */
  | { readonly op: 'io-out' }
  /**
   * A kernel task suspends every task of APP `app` (the MemManage handler, patent step S403): each
   * leaves the ready, timer and wait structures; a job it had open is lost. Its cycles are the
   * kernel task's priced compute (multiapp/keepalive.ts `faultHandlingCycles`).
   */
  | { readonly op: 'suspend-app'; readonly app: string }
  /**
   * A kernel task relaunches the suspended tasks of APP `app` (the guardian's restart, S405): each
   * starts afresh and waits for its first release after now; the jobs released while it was
   * suspended are lost. Its cycles are the restart's priced compute (`restartApp`).
   */
  | { readonly op: 'resume-app'; readonly app: string };

/** What releases a task's jobs. */
export type Trigger =
  /** Released every `periodUs` by the kernel's timer service (a delay-until loop on the tick). */
  | { readonly kind: 'periodic'; readonly periodUs: number; readonly offsetUs?: number }
  /** Released at least `minInterArrivalUs` apart (seeded extra of up to `maxExtraUs`). */
  | { readonly kind: 'sporadic'; readonly minInterArrivalUs: number; readonly maxExtraUs?: number }
  /** Released by an interrupt line's ISR (e.g. the UART byte ISR wakes the frame handler). */
  | { readonly kind: 'io'; readonly line: string };

/** One task of a workload. */
export interface TaskSpec {
  readonly name: string;
  readonly priority: number;
  readonly trigger: Trigger;
  /** Relative deadline; defaults to the period or minimum inter-arrival. */
  readonly deadlineUs?: number;
  /** Wang and Saksena's preemption threshold: a priority level (0 most urgent); defaults to `priority`. */
  readonly preemptionThreshold?: number;
  /**
   * The paper's run-to-completion threshold TH_i, in reference cycles: the first TH_i of a job is
   * preemptible, the rest is not. Defaults to the whole job (fully preemptive).
   */
  readonly preemptibleCycles?: number;
  /**
   * Release jitter J (periodic tasks): each job arriving at t is released somewhere in [t, t + J]
   * (a seeded draw in simulation); its response counts from t. At most the period. Defaults to 0.
   */
  readonly releaseJitterUs?: number;
  readonly stackBytes?: number;
  /** The APP the task belongs to (its kernel calls enter through the SVC gate); absent: a kernel task. */
  readonly app?: string;
  readonly body: readonly Step[];
  /** Where the numbers come from, and what was inferred. */
  readonly source?: string;
}

/** An interrupt line of the workload (meter pulse, UART byte, metering-chip ready). */
export interface IoLineSpec {
  readonly name: string;
  /** 0 is the most urgent. */
  readonly priority: number;
  readonly arrival:
    | { readonly kind: 'periodic'; readonly periodUs: number; readonly offsetUs?: number }
    | { readonly kind: 'sporadic'; readonly minInterArrivalUs: number; readonly maxExtraUs?: number }
    | { readonly kind: 'random'; readonly meanInterArrivalUs: number };
  /** Work the ISR itself does, in reference cycles, besides the kernel post. */
  readonly isrCycles: number;
  readonly source?: string;
}

/**
 * How a mutex bounds priority inversion: priority inheritance, the (immediate) priority ceiling, or
 * Baker's Stack Resource Policy (1991), the ceiling protocol of deadline-driven scheduling.
 */
export type MutexProtocol = 'inheritance' | 'ceiling' | 'srp';

/** Kernel objects the tasks use, declared up front so a kernel can size them. */
export interface ResourceSpec {
  readonly semaphores?: readonly { readonly name: string; readonly initial: number; readonly max?: number }[];
  readonly mutexes?: readonly { readonly name: string; readonly protocol?: MutexProtocol }[];
  readonly queues?: readonly { readonly name: string; readonly capacity: number }[];
  readonly mailboxes?: readonly { readonly name: string }[];
  readonly eventFlags?: readonly { readonly name: string }[];
}

/** A kernel service an APP may call through the SVC gate (its permission). */
export type AppPermission = 'semaphore' | 'mutex' | 'queue' | 'delay' | 'flags';

/**
 * An APP's header as the multi-APP patent's step S10 defines it (magic and name aside): what the
 * loader needs to find, copy, relocate and run a position-independent image. Sizes in bytes.
 */
export interface AppHeader {
  /** Offset of the entry function from the start of .text. */
  readonly entryOffset: number;
  readonly textBytes: number;
  /** .data, including the GOT (copied to RAM with it, then relocated). */
  readonly dataBytes: number;
  readonly bssBytes: number;
  /** Global offset table entries: absolute references the loader relocates. */
  readonly gotEntries: number;
  /** stack_size: stacks of all the APP's threads. */
  readonly stackBytes: number;
  /** stack_size_main: the main thread's stack, taken from stackBytes. */
  readonly mainStackBytes: number;
  /** heap_size: the APP's own heap (a TLSF pool). */
  readonly heapBytes: number;
  /** pri_main: priority of the main thread (0 most urgent). */
  readonly mainPriority: number;
  /** Kernel services the APP may call. */
  readonly permissions: readonly AppPermission[];
}

/** An isolated APP: a vendor's image installed in XIPFS, with its own tasks. */
export interface AppSpec {
  readonly name: string;
  readonly header: AppHeader;
  readonly source?: string;
}

/** A whole workload: tasks, interrupt lines and kernel objects, with its sources. */
export interface Workload {
  readonly name: string;
  readonly description: string;
  /** Target whose cycles the execution figures are given in (e.g. 'avr'). */
  readonly referenceTarget: string;
  /** Kernel tick rate the workload assumes. */
  readonly tickHz: number;
  readonly tasks: readonly TaskSpec[];
  readonly ioLines?: readonly IoLineSpec[];
  readonly resources?: ResourceSpec;
  /** Isolated APPs; tasks name theirs in `app`. */
  readonly apps?: readonly AppSpec[];
  readonly sources?: readonly string[];
}
