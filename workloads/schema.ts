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

const stepSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('compute'), cycles: cycles.min(1, 'must be >= 1 cycle'), bestCycles: cycles.optional() }).strict(),
  z.object({ op: z.literal('take'), semaphore: name }).strict(),
  z.object({ op: z.literal('give'), semaphore: name }).strict(),
  z.object({ op: z.literal('lock'), mutex: name }).strict(),
  z.object({ op: z.literal('unlock'), mutex: name }).strict(),
  z.object({ op: z.literal('send'), queue: name }).strict(),
  z.object({ op: z.literal('receive'), queue: name }).strict(),
  z.object({ op: z.literal('delay'), ticks: wholeCount('ticks').min(1, 'must be >= 1 tick') }).strict(),
  z.object({ op: z.literal('wait'), flags: name, mask: flagMask }).strict(),
  z.object({ op: z.literal('set'), flags: name, mask: flagMask }).strict(),
  z.object({ op: z.literal('io-out') }).strict(),
]);

const periodicArrival = z.object({ kind: z.literal('periodic'), periodUs: positiveUs, offsetUs: nonNegativeUs.optional() }).strict();
const sporadicArrival = z
  .object({ kind: z.literal('sporadic'), minInterArrivalUs: positiveUs, maxExtraUs: nonNegativeUs.optional() })
  .strict();

const triggerSchema = z.discriminatedUnion('kind', [
  periodicArrival,
  sporadicArrival,
  z.object({ kind: z.literal('io'), line: name }).strict(),
]);

const taskSchema = z
  .object({
    name,
    priority: level,
    trigger: triggerSchema,
    deadlineUs: positiveUs.optional(),
    preemptionThreshold: level.optional(),
    preemptibleCycles: cycles.optional(),
      releaseJitterUs: nonNegativeUs
        .optional()
        .describe('Release jitter of a periodic task in us: each job is released up to this long after its arrival, and its response counts from the arrival. At most the period; default 0.'),
      stackBytes: wholeCount('bytes').positive('must be > 0 bytes').optional(),
    body: z.array(stepSchema).min(1, 'must have at least one step'),
    source: z.string().optional(),
  })
  .strict();

const ioLineSchema = z
  .object({
    name,
    priority: level,
    arrival: z.discriminatedUnion('kind', [
      periodicArrival,
      sporadicArrival,
      z.object({ kind: z.literal('random'), meanInterArrivalUs: positiveUs }).strict(),
    ]),
    isrCycles: cycles,
    source: z.string().optional(),
  })
  .strict();

const resourceSchema = z
  .object({
    semaphores: z
      .array(z.object({ name, initial: z.number().int().nonnegative('must be >= 0'), max: z.number().int().min(1, 'must be >= 1').optional() }).strict())
      .optional(),
    mutexes: z.array(z.object({ name, protocol: z.enum(['inheritance', 'ceiling', 'srp']).optional() }).strict()).optional(),
    queues: z.array(z.object({ name, capacity: z.number().int().min(1, 'must be >= 1 message') }).strict()).optional(),
    mailboxes: z.array(z.object({ name }).strict()).optional(),
    eventFlags: z.array(z.object({ name }).strict()).optional(),
  })
  .strict();

/** The workload schema: shapes and ranges, then the cross-field rules of `rules.ts`. */
export const workloadSchema = z
  .object({
    name,
    description: z.string(),
    referenceTarget: name,
    tickHz: z.number().positive('must be > 0 Hz').finite(),
    tasks: z.array(taskSchema).min(1, 'must have at least one task'),
    ioLines: z.array(ioLineSchema).optional(),
    resources: resourceSchema.optional(),
    sources: z.array(z.string()).optional(),
  })
  .strict()
  .superRefine((w, ctx) => {
    for (const issue of checkWorkloadRules(w)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });

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
