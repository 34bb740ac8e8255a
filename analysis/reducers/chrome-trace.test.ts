import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { measureRun } from '../../experiments/measure-run.ts';
import { ProbeEvent } from '../../hardware/probe.ts';
import { ideal } from '../../hardware/targets/index.ts';
import { parseWorkload } from '../../workloads/schema.ts';
import { chromeTrace, type ChromeTrace } from './chrome-trace.ts';
import { reduceEvents, traceSpans } from './test-support.ts';

/**
 * The trace-event format as Chrome and Perfetto read its JSON object form, written from the
 * format's documentation: complete (X), instant (i) and metadata (M) events, times in microseconds.
 */
const common = { name: z.string(), pid: z.number().int(), tid: z.number().int() };
const TraceEventSchema = z.discriminatedUnion('ph', [
  z.object({ ...common, cat: z.string(), ph: z.literal('X'), ts: z.number().finite(), dur: z.number().finite().nonnegative() }).strict(),
  z.object({ ...common, cat: z.string(), ph: z.literal('i'), s: z.enum(['g', 'p', 't']), ts: z.number().finite(), args: z.record(z.string(), z.union([z.string(), z.number().finite()])).optional() }).strict(),
  z
    .object({
      ...common,
      name: z.enum(['process_name', 'process_sort_index', 'thread_name', 'thread_sort_index']),
      ph: z.literal('M'),
      args: z.union([z.object({ name: z.string() }).strict(), z.object({ sort_index: z.number().int() }).strict()]),
    })
    .strict(),
]);
const TraceFileSchema = z.object({ traceEvents: z.array(TraceEventSchema), displayTimeUnit: z.enum(['ms', 'ns']), otherData: z.record(z.string(), z.unknown()).optional() }).strict();

/**
 * Two tasks on the ideal machine (zero kernel cost, 1 cycle = 1 us, exact releases) under fixed
 * priority: `hi` computes 3 us every 10 us, `lo` 8 us every 20 us, both released at 0.
 */
const twoTasks = parseWorkload(
  {
    name: 'two-tasks',
    description: 'two periodic tasks for the trace test',
    referenceTarget: 'ideal',
    tickHz: 1000,
    tasks: [
      { name: 'hi', priority: 1, trigger: { kind: 'periodic', periodUs: 10 }, body: [{ op: 'compute', cycles: 3 }] },
      { name: 'lo', priority: 2, trigger: { kind: 'periodic', periodUs: 20 }, body: [{ op: 'compute', cycles: 8 }] },
    ],
  },
  'two-tasks',
);

/** The two tasks run 39 us on uC/OS-II (fixed priority), traced with at most `limit` events. */
function runTwoTasks(limit: number): ChromeTrace {
  return measureRun({ profile: 'ucos2', target: ideal, workload: twoTasks, seed: 1, horizonCycles: 39, reducers: { trace: chromeTrace(ideal, limit) } }).trace;
}

describe('chromeTrace', () => {
  it('writes a file that validates as Chrome trace-event JSON and survives a JSON round trip unchanged', () => {
    const trace = runTwoTasks(10_000);
    expect(() => TraceFileSchema.parse(trace)).not.toThrow();
    const text = JSON.stringify(trace);
    expect(JSON.stringify(JSON.parse(text))).toBe(text);
    expect(JSON.parse(text)).toEqual(trace);
  });

  it('gives each task the spans of the fixed-priority schedule derived by hand', () => {
    // Released at 0, 10, 20 and 30 (the run stops at 39), hi runs 0-3 and each later job 3 us at once;
    // lo runs in hi's gaps: 3-10 (7 us), then 13-14 (its last 1 us); again 23-30 and 33-34.
    const trace = runTwoTasks(10_000);
    expect(traceSpans(trace, 'hi')).toEqual([[0, 3], [10, 13], [20, 23], [30, 33]]);
    expect(traceSpans(trace, 'lo')).toEqual([[3, 10], [13, 14], [23, 30], [33, 34]]);
    const arrivals = (task: string) => {
      const tid = trace.traceEvents.find((e) => e.ph === 'M' && 'name' in e.args && e.args.name === task)?.tid;
      return trace.traceEvents.flatMap((e) => (e.ph === 'i' && e.name === 'release' && e.tid === tid ? [e.args?.['arrivalUs']] : []));
    };
    expect(arrivals('hi')).toEqual([0, 10, 20, 30]);
    expect(arrivals('lo')).toEqual([0, 20]);
    expect(trace.otherData.truncated).toBe(false);
  });

  it('stops at the event limit and says where in the file', () => {
    const trace = runTwoTasks(5);
    const recorded = trace.traceEvents.flatMap((e) => (e.ph === 'M' ? [] : [e]));
    expect(recorded).toHaveLength(5);
    expect(trace.otherData).toMatchObject({ eventLimit: 5, truncated: true });
    // The first event left out comes no earlier than any event recorded: the file is complete up to it.
    expect(trace.otherData.truncatedAtUs).toBeGreaterThanOrEqual(Math.max(...recorded.map((e) => e.ts)));
    expect(runTwoTasks(10_000).traceEvents.filter((e) => e.ph !== 'M').length).toBeGreaterThan(5);
  });

  it('puts ISR and masked sections on their own named tracks, nested masking as one section', () => {
    const E = ProbeEvent;
    const trace = reduceEvents(
      chromeTrace(ideal, 100),
      [
        [E.IrqEntered, 2, 0, 0],
        [E.MaskOn, 3, 0, 0],
        [E.MaskOn, 4, 0, 0],
        [E.MaskOff, 6, 0, 0],
        [E.IrqLeft, 7, 0, 0],
      ],
      { taskNames: ['a'], lines: new Map([['tick', 0]]) },
    );
    expect(traceSpans(trace, 'ISR tick')).toEqual([[2, 7]]);
    expect(traceSpans(trace, 'interrupts off')).toEqual([[3, 6]]);
  });

  it('marks a lost job at its loss with its arrival, and leaves no open span for it', () => {
    const E = ProbeEvent;
    // a's job of 10 runs 10-12 and is preempted; its APP is suspended at 15 (the job is lost), and
    // its job of 20, due while suspended, is lost at the relaunch at 25. The run ends at 40.
    const trace = reduceEvents(
      chromeTrace(ideal, 100),
      [[E.JobRelease, 10, 0, 10], [E.SwitchIn, 10, 0, -1], [E.SwitchOut, 12, 0, 0], [E.JobLost, 15, 0, 10], [E.JobLost, 25, 0, 20]],
      { taskNames: ['a'], lines: new Map([['tick', 0]]), endCycles: 40 },
    );
    expect(() => TraceFileSchema.parse(trace)).not.toThrow();
    const lost = trace.traceEvents.flatMap((e) => (e.ph === 'i' && e.name === 'lost' ? [[e.tid, e.ts, e.args?.['arrivalUs']]] : []));
    const tid = trace.traceEvents.find((e) => e.ph === 'M' && 'name' in e.args && e.args.name === 'a')?.tid;
    expect(lost).toEqual([[tid, 15, 10], [tid, 25, 20]]);
    expect(traceSpans(trace, 'a')).toEqual([[10, 12]]);
  });
});
