import { z } from 'zod';
import type { Workload } from './types.ts';
import { workloadErrorOf } from './errors.ts';
import { checkWorkloadRules } from './rules.ts';

export { formatPath, WorkloadError } from './errors.ts';

/*
 * The zod schema of a workload file. Shapes and ranges live here; rules that relate fields to each
 * other (C > D, names that must be declared, duplicates) live in `rules.ts` and run as a refinement,
 * so every error carries the path of the field and the rule it breaks.
 */

const name = z.string().min(1, 'must be a non-empty name');
const positiveUs = z.number().positive('must be > 0 us').finite();
const nonNegativeUs = z.number().nonnegative('must be >= 0 us').finite();
/**
 * A whole count of `unit`. Past 2^53 - 1 a double no longer holds every integer (2^53 + 1 reads back
 * as 2^53), so counts stop there; zod's int() rejects both cases, and the message says which rule broke.
 */
const wholeCount = (unit: string) =>
  z.number().int({
    error: (issue) => {
      if (issue.code === 'too_big') return `must be at most 2^53 - 1 ${unit} (the largest exact integer), got ${String(issue.input)}`;
      if (issue.code === 'too_small') return `must be at least -(2^53 - 1) (the smallest exact integer), got ${String(issue.input)}`;
      return `must be a whole number of ${unit}`;
    },
  });
const cycles = wholeCount('cycles').nonnegative('must be >= 0 cycles');
const level = wholeCount('levels').nonnegative('must be >= 0 (0 is the most urgent)');
const flagMask = z.number().int('must be a whole number').min(1, 'must have at least one bit set').max(0xffffffff, 'must fit in 32 bits');

// Every field carries a description, so the JSON Schema (`kbench schema`) tells an editor's user the
// units, that priority 0 is the most urgent, and that cycles are on the reference target and scale.
const REFERENCE_CYCLES =
  'cycles on the workload\'s referenceTarget; on another target they scale by the ratio of the two cores\' CoreMark per MHz (workloads/scaling.ts)';
const URGENCY = '0 is the most urgent, larger numbers are less urgent';

const opOf = <Op extends string>(op: Op, what: string) => z.literal(op).describe(`Step kind "${op}": ${what}.`);
const semaphoreName = name.describe('Name of a semaphore declared in resources.semaphores.');
const mutexName = name.describe('Name of a mutex declared in resources.mutexes.');
const queueName = name.describe('Name of a queue declared in resources.queues.');
const flagsName = name.describe('Name of an event-flag group declared in resources.eventFlags.');
const appName = name.describe('Name of an APP declared in apps.');

const stepSchema = z
  .discriminatedUnion('op', [
    z
      .object({
        op: opOf('compute', 'application work'),
        cycles: cycles.min(1, 'must be >= 1 cycle').describe(`Worst-case execution of this step, in ${REFERENCE_CYCLES}.`),
        bestCycles: cycles.optional().describe(`Best-case execution of this step, in ${REFERENCE_CYCLES}; at most cycles; defaults to cycles.`),
      })
      .strict(),
    z.object({ op: opOf('take', 'waits for and takes one count of a semaphore'), semaphore: semaphoreName }).strict(),
    z.object({ op: opOf('give', 'gives one count to a semaphore'), semaphore: semaphoreName }).strict(),
    z.object({ op: opOf('lock', 'locks a mutex (unlocked later in the same body)'), mutex: mutexName }).strict(),
    z.object({ op: opOf('unlock', 'unlocks a mutex the job holds'), mutex: mutexName }).strict(),
    z.object({ op: opOf('send', 'posts a message to a queue'), queue: queueName }).strict(),
    z.object({ op: opOf('receive', 'waits for and takes a message from a queue'), queue: queueName }).strict(),
    z
      .object({
        op: opOf('delay', 'sleeps a number of kernel ticks'),
        ticks: wholeCount('ticks').min(1, 'must be >= 1 tick').describe('Kernel ticks to sleep (the tick rate is tickHz).'),
      })
      .strict(),
    z
      .object({
        op: opOf('wait', 'waits until any bit of mask is set in an event-flag group'),
        flags: flagsName,
        mask: flagMask.describe('Bits to wait for, a 32-bit mask with at least one bit set.'),
      })
      .strict(),
    z
      .object({
        op: opOf('set', 'sets bits in an event-flag group'),
        flags: flagsName,
        mask: flagMask.describe('Bits to set, a 32-bit mask with at least one bit set.'),
      })
      .strict(),
    z
      .object({
        op: opOf('io-in', "waits for the next interrupt of an I/O line (an input event); one that fired before the wait is latched"),
        line: name.describe('Name of the interrupt line in ioLines whose interrupt the job waits for.'),
      })
      .strict(),
    z.object({ op: opOf('io-out', 'drives an output pin: the end of the task\'s I/O delay') }).strict(),
    z.object({ op: opOf('suspend-app', 'a kernel task suspends every task of an APP (its MemManage handler); their open jobs are lost'), app: appName }).strict(),
    z.object({ op: opOf('resume-app', 'a kernel task relaunches the suspended tasks of an APP (the guardian\'s restart); jobs released meanwhile are lost'), app: appName }).strict(),
  ])
  .describe('One step of a job, executed in order.');

const periodicArrival = z
  .object({
    kind: z.literal('periodic').describe('Released every periodUs.'),
    periodUs: positiveUs.describe('Period in microseconds (target-independent).'),
    offsetUs: nonNegativeUs.optional().describe('First release after start, in microseconds; default 0.'),
  })
  .strict();
const sporadicArrival = z
  .object({
    kind: z.literal('sporadic').describe('Released at least minInterArrivalUs apart.'),
    minInterArrivalUs: positiveUs.describe('Minimum time between two releases, in microseconds (target-independent).'),
    maxExtraUs: nonNegativeUs.optional().describe('Largest seeded extra added to the minimum in simulation, in microseconds; default 0.'),
  })
  .strict();

const triggerSchema = z
  .discriminatedUnion('kind', [
    periodicArrival,
    sporadicArrival,
    z
      .object({
        kind: z.literal('io').describe('Released by an interrupt line\'s ISR.'),
        line: name.describe('Name of the interrupt line in ioLines that releases the task.'),
      })
      .strict(),
  ])
  .describe('What releases the task\'s jobs.');

const taskSchema = z
  .object({
    name: name.describe('Unique task name.'),
    priority: level.describe(`Task priority: ${URGENCY}.`),
    trigger: triggerSchema,
    deadlineUs: positiveUs.optional().describe('Relative deadline in microseconds; defaults to the period or minimum inter-arrival.'),
    preemptionThreshold: level
      .optional()
      .describe(`Preemption threshold (Wang and Saksena), a priority level: ${URGENCY}; at most priority; defaults to priority.`),
    preemptibleCycles: cycles
      .optional()
      .describe(`Run-to-completion threshold: the first this many ${REFERENCE_CYCLES} of a job are preemptible, the rest not; defaults to the whole job.`),
    releaseJitterUs: nonNegativeUs
      .optional()
      .describe('Release jitter of a periodic task in us: each job is released up to this long after its arrival, and its response counts from the arrival. At most the period; default 0.'),
    stackBytes: wholeCount('bytes').positive('must be > 0 bytes').optional().describe('Stack the task needs for its own frames, in bytes; defaults to the kernel\'s per-task size.'),
    app: name.optional().describe('Name of the APP in apps the task belongs to: its kernel calls enter through the SVC gate. Absent: a kernel task.'),
    body: z.array(stepSchema).min(1, 'must have at least one step').describe('The steps every job executes, in order.'),
    source: z.string().optional().describe('Where the numbers come from, and what was inferred.'),
  })
  .strict()
  .describe('One task.');

const bytes = wholeCount('bytes').nonnegative('must be >= 0 bytes');
const appHeaderSchema = z
  .object({
    entryOffset: bytes.describe('Offset of the entry function from the start of .text, in bytes; less than textBytes.'),
    textBytes: bytes.min(1, 'must be >= 1 byte').describe('Size of .text (code and read-only data, executed in place from flash), in bytes.'),
    dataBytes: bytes.describe('Size of .data including the GOT, copied from flash to RAM at launch, in bytes.'),
    bssBytes: bytes.describe('Size of .bss, zeroed in RAM at launch, in bytes.'),
    gotEntries: wholeCount('entries').nonnegative('must be >= 0 entries').describe('Entries of the global offset table (pointers, inside .data) the loader relocates at launch.'),
    stackBytes: bytes.min(1, 'must be >= 1 byte').describe('stack_size: bytes reserved for the stacks of all the APP\'s threads.'),
    mainStackBytes: bytes.min(1, 'must be >= 1 byte').describe('stack_size_main: bytes of the main thread\'s stack, taken from stackBytes.'),
    heapBytes: bytes.describe('heap_size: bytes of the APP\'s own heap (a TLSF pool carved from its RAM zone).'),
    mainPriority: level.describe(`pri_main: priority of the APP\'s main thread: ${URGENCY}.`),
    permissions: z
      .array(z.enum(['semaphore', 'mutex', 'queue', 'delay', 'flags']))
      .describe('Kernel services the APP may call through the SVC gate (semaphore, mutex, queue (and mailbox), delay, event flags).'),
  })
  .strict()
  .describe('The APP header of the multi-APP patent (step S10): sizes in bytes, the main thread, and permissions.');

const appSchema = z
  .object({
    name: name.describe('Unique APP name.'),
    header: appHeaderSchema,
    source: z.string().optional().describe('Where the numbers come from, and what was inferred.'),
  })
  .strict()
  .describe('One isolated APP installed in XIPFS; its tasks name it in tasks[].app.');

const ioLineSchema = z
  .object({
    name: name.describe('Unique interrupt line name.'),
    priority: level.describe(`Interrupt priority: ${URGENCY}.`),
    arrival: z
      .discriminatedUnion('kind', [
        periodicArrival,
        sporadicArrival,
        z
          .object({
            kind: z.literal('random').describe('Exponential inter-arrivals from the seeded generator.'),
            meanInterArrivalUs: positiveUs.describe('Mean time between interrupts, in microseconds.'),
          })
          .strict(),
      ])
      .describe('When the interrupt fires.'),
    isrCycles: cycles.describe(`Work the ISR itself does besides the kernel post, in ${REFERENCE_CYCLES}.`),
    source: z.string().optional().describe('Where the numbers come from, and what was inferred.'),
  })
  .strict()
  .describe('One interrupt line (meter pulse, UART byte, metering-chip ready).');

const resourceSchema = z
  .object({
    semaphores: z
      .array(
        z
          .object({
            name: name.describe('Unique semaphore name.'),
            initial: z.number().int().nonnegative('must be >= 0').describe('Count at start.'),
            max: z.number().int().min(1, 'must be >= 1').optional().describe('Largest count; defaults to the kernel\'s count limit.'),
          })
          .strict(),
      )
      .optional()
      .describe('Counting semaphores.'),
    mutexes: z
      .array(
        z
          .object({
            name: name.describe('Unique mutex name.'),
            protocol: z
              .enum(['inheritance', 'ceiling', 'srp'])
              .optional()
              .describe('How the mutex bounds priority inversion: priority inheritance, immediate priority ceiling, or Baker\'s Stack Resource Policy; defaults to the profile\'s first protocol.'),
          })
          .strict(),
      )
      .optional()
      .describe('Mutexes.'),
    queues: z
      .array(
        z
          .object({
            name: name.describe('Unique queue name.'),
            capacity: z.number().int().min(1, 'must be >= 1 message').describe('Messages the queue holds.'),
          })
          .strict(),
      )
      .optional()
      .describe('Message queues.'),
    mailboxes: z.array(z.object({ name: name.describe('Unique mailbox name.') }).strict()).optional().describe('Single-message mailboxes.'),
    eventFlags: z.array(z.object({ name: name.describe('Unique event-flag group name.') }).strict()).optional().describe('Event-flag groups (32 bits each).'),
  })
  .strict()
  .optional()
  .describe('Kernel objects the tasks use, declared up front so a kernel can size them.');

/** The workload schema: shapes and ranges, then the cross-field rules of `rules.ts`. */
export const workloadSchema = z
  .object({
    name: name.describe('Workload name.'),
    description: z.string().describe('What the workload models.'),
    referenceTarget: name.describe('Target whose cycles the execution figures are given in (e.g. "avr", "m4"); see `kbench targets`.'),
    tickHz: z.number().positive('must be > 0 Hz').finite().describe('Kernel tick rate in hertz.'),
    tasks: z.array(taskSchema).min(1, 'must have at least one task').describe('The tasks.'),
    ioLines: z.array(ioLineSchema).optional().describe('Interrupt lines.'),
    resources: resourceSchema,
    apps: z.array(appSchema).optional().describe('Isolated APPs (multi-APP meters); absent: a single-image kernel.'),
    sources: z.array(z.string()).optional().describe('Where the workload\'s numbers come from.'),
  })
  .strict()
  .superRefine((w, ctx) => {
    for (const issue of checkWorkloadRules(w)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  })
  .describe(`A kbench workload. Times in microseconds; execution in ${REFERENCE_CYCLES}; priorities: ${URGENCY}.`);

/** Removes `readonly` at every depth, to compare the schema's output with the declared types. */
type DeepMutable<T> = T extends readonly (infer U)[] ? DeepMutable<U>[] : T extends object ? { -readonly [K in keyof T]: DeepMutable<T[K]> } : T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compile-time proof that the schema produces exactly `Workload` (fails typecheck if they drift). */
const schemaMatchesTypes: Same<DeepMutable<z.output<typeof workloadSchema>>, DeepMutable<Workload>> = true;
void schemaMatchesTypes;

/** Validates parsed JSON as a workload; throws a `WorkloadError` naming `origin`, each field path and its rule. */
export function parseWorkload(data: unknown, origin: string): Workload {
  const result = workloadSchema.safeParse(data);
  if (result.success) return result.data;
  throw workloadErrorOf(origin, result.error.issues);
}

/** The JSON Schema of a workload file, for editors (cross-field rules are checked only by kbench). */
export function workloadJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(workloadSchema, { unrepresentable: 'any' }) as Record<string, unknown>;
}
