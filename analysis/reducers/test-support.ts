import { Engine } from '../../hardware/engine.ts';
import type { ProbeEventType } from '../../hardware/probe.ts';
import { avr } from '../../hardware/targets/index.ts';
import type { Cycles } from '../../hardware/units.ts';
import type { TaskSpec, Workload } from '../../workloads/types.ts';
import type { ChromeTrace } from './chrome-trace.ts';
import type { ReducerFactory } from './reducer.ts';

/** A probe event written by hand in a test: type, time, subject, data. */
export type TestEvent = readonly [ProbeEventType, Cycles, number, number];

/** A workload holding `tasks` (no body), for reducers that read the tasks' triggers. */
export function tasksOnly(tasks: readonly Pick<TaskSpec, 'name' | 'trigger'>[]): Workload {
  return { name: 'test', description: 'tasks for a reducer test', referenceTarget: 'avr', tickHz: 1000, tasks: tasks.map((t, i) => ({ ...t, priority: i, body: [] })) };
}

/**
 * Runs a reducer over hand-written events as a measured run would: made for `workload`, told the
 * booted system (`taskNames`, `lines`), fed the events, read at the end of the run, on an idle AVR
 * engine run to `endCycles` (0 by default).
 */
export function reduceEvents<R>(
  make: ReducerFactory<R>,
  events: readonly TestEvent[],
  system: { readonly taskNames: readonly string[]; readonly lines?: ReadonlyMap<string, number>; readonly workload?: Workload; readonly endCycles?: Cycles },
): R {
  const reducer = make(system.workload ?? tasksOnly([]));
  const view = { taskNames: system.taskNames, lines: system.lines ?? new Map<string, number>() };
  const engine = new Engine({ target: avr, seed: 1 });
  reducer.booted?.({ ...view, engine });
  for (const [type, time, subject, data] of events) reducer.listener?.onEvent(type, time, subject, data);
  engine.run(system.endCycles ?? 0);
  return reducer.result({ ...view, engine });
}

/** The spans of trace track `name` as [start, end] in us, zero-length ones dropped and abutting ones joined. */
export function traceSpans(trace: ChromeTrace, name: string): [number, number][] {
  const tid = trace.traceEvents.find((e) => e.ph === 'M' && e.name === 'thread_name' && 'name' in e.args && e.args.name === name)?.tid;
  const spans: [number, number][] = [];
  for (const e of trace.traceEvents) {
    if (e.ph !== 'X' || e.tid !== tid || e.dur === 0) continue;
    const last = spans.at(-1);
    if (last !== undefined && last[1] === e.ts) last[1] = e.ts + e.dur;
    else spans.push([e.ts, e.ts + e.dur]);
  }
  return spans;
}
