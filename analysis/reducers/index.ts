/*
 * Every probe reducer, one file per quantity (see reducer.ts for what a reducer is). A run takes
 * any set of them: experiments/measure-run.ts.
 */
export { backlog, BacklogReducer, type TaskBacklog } from './backlog.ts';
export { chromeTrace, ChromeTraceReducer, type ChromeTrace, type TraceEvent } from './chrome-trace.ts';
export { cpuSplit, type CpuSplit } from './cpu-split.ts';
export { deadlineMisses, DeadlineMissReducer, type TaskDeadlines } from './deadline-misses.ts';
export { CycleLedger, ledgerDelta, type LedgerSnapshot } from './cycle-ledger.ts';
export { engineSteps } from './engine-steps.ts';
export { EventCounter } from './event-counter.ts';
export { handover, HandoverReducer } from './handover.ts';
export { inputToOutput, InputToOutputReducer, type TaskInputDelay } from './input-to-output.ts';
export { interruptLatency } from './interrupt-latency.ts';
export { maskedIntervals } from './masked-intervals.ts';
export { MAX_EXPLAINED_MISSES, missWindows, MissWindowReducer, type MissedJob, type MissWindows } from './miss-windows.ts';
export { preemption, PreemptionReducer } from './preemption.ts';
export { lineLatency, LineLatencyReducer, type LineLatency } from './line-latency.ts';
export { listening, type BootedView, type Reducer, type ReducerFactory, type ReducerResults, type ReducerSet, type RunEnd, type RunStart } from './reducer.ts';
export { releasePlacement } from './release-placement.ts';
export { HISTOGRAM_BINS, responseProfile, ResponseProfileReducer, type TaskResponseProfile } from './response-profile.ts';
export { responseTimes, ResponseTimeReducer, type TaskResponse } from './response-time.ts';
export { RunningStat, type SpanStats } from './running-stat.ts';
export { SpanReducer } from './span.ts';
export { taskIoDelay, TaskIoDelayReducer, type IoDelayStart, type TaskIoDelay } from './task-io-delay.ts';
export { taskSwitch, TaskSwitchReducer, type IdleSwitches } from './task-switch.ts';
