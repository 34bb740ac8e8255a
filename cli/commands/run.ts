import type { Command } from 'commander';
import { CheckFailedError, ExitCode, InputError, isBadInput } from '../exit-codes.ts';
import { durationMsOption, execOption, seedOption, targetOption, traceLimitOption } from '../options.ts';
import { jsonStamp, printJson } from '../output.ts';
import { DEFAULT_GANTT_WINDOW_MS, ganttFormat, ganttWindowOption, writeGantt } from './run-gantt.ts';
import { runReportLines } from './run-report-text.ts';

interface RunOptions {
  profile?: string;
  design?: string;
  target: string;
  workload: string;
  durationMs: string;
  seed: string;
  exec: string;
  json?: boolean;
  check?: boolean;
  trace?: string;
  traceLimit: string;
  gantt?: string;
  windowMs?: string;
}

/** Enough for seconds of a busy meter, yet a few hundred megabytes at most: a longer run's file says where it stops. */
const DEFAULT_TRACE_LIMIT = 1_000_000;

/** Turns a lookup (RangeError) or validation error into bad input naming the option; kbench's own faults stay failures (exit 1). */
function asInput<T>(option: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof InputError) throw e;
    if (isBadInput(e) || e instanceof RangeError) throw new InputError(`${option}: ${e.message}`);
    throw e;
  }
}

/** `kbench run`: one workload on one kernel and target, measured from the probe. */
export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description('run a workload on a kernel profile (or design) and target; print the measured metrics')
    // The registries are the lists; the help names the commands that print them, so it loads no kernel.
    .option('--profile <id>', 'OS profile (kbench kernels lists them)')
    .option('--design <id>', 'kernel design, run with its default profile (kbench kernels lists them)')
    .requiredOption('--target <id>', 'target (kbench targets lists them; ideal is zero-cost with exact releases); <id>@<clock> for a clock the part offers, e.g. avr@7.3728MHz')
    .requiredOption('--workload <name|file>', 'built-in workload name or a workload JSON file')
    .option('--duration-ms <n>', 'simulated milliseconds', '1000')
    .option('--seed <n>', 'seed of the sporadic and random sources, execution times and release jitter', '1')
    .option('--exec <mode>', 'execution time of each compute step: worst, uniform (seeded, between best and worst) or best', 'worst')
    .option('--json', 'print JSON')
    .option('--trace <file>', 'also write the run as Chrome trace-event JSON (opens in Perfetto or chrome://tracing): a track per task, ISR line and masked section')
    .option('--trace-limit <n>', 'most span and instant events the trace holds; past it the trace stops and says so', String(DEFAULT_TRACE_LIMIT))
    .option('--gantt <file>', 'also draw a window of the run as a Gantt chart, SVG or PNG by the extension: a row per task and ISR line, masked sections, release, switch and lost-job markers')
    .option('--window-ms <a:b>', `the window --gantt draws, in simulated ms (default: the first ${DEFAULT_GANTT_WINDOW_MS} ms)`)
    .option('--check', `exit ${ExitCode.CheckFailed} when any job missed its deadline (after printing the metrics)`)
    .action(async (opts: RunOptions) => {
      const durationMs = durationMsOption(opts.durationMs);
      const seed = seedOption(opts.seed);
      const exec = execOption(opts.exec);
      const traceLimit = traceLimitOption(opts.traceLimit);
      if (opts.gantt !== undefined) ganttFormat(opts.gantt);
      if (opts.windowMs !== undefined && opts.gantt === undefined) throw new InputError('--window-ms: only with --gantt <file>');
      const ganttWindow = opts.gantt === undefined ? undefined : ganttWindowOption(opts.windowMs, durationMs);
      if ((opts.profile === undefined) === (opts.design === undefined)) throw new InputError('run: give exactly one of --profile <id> or --design <id>');
      const [{ runProfileTraced }, { resolveProfile }, { loadWorkload }, { writeFileAtomic }] = await Promise.all([
        import('../../experiments/run-profile.ts'),
        import('../../kernels/registry.ts'),
        import('../../workloads/load.ts'),
        import('../../experiments/runner/atomic-write.ts'),
      ]);
      const profile = asInput(opts.profile !== undefined ? '--profile' : '--design', () => resolveProfile({ profile: opts.profile, design: opts.design }));
      const target = targetOption(opts.target);
      const workload = asInput('--workload', () => loadWorkload(opts.workload));
      // One run collects the trace both the trace file and the Gantt chart are made from.
      const traced = opts.trace !== undefined || opts.gantt !== undefined;
      const { metrics, trace } = asInput('--workload', () => runProfileTraced({ profile, target, workload, durationMs, seed, exec }, traced ? traceLimit : undefined));
      if (opts.trace !== undefined && trace !== undefined) {
        writeFileAtomic(opts.trace, JSON.stringify({ ...trace, otherData: { ...jsonStamp('chrome-trace'), ...trace.otherData } }));
        // On stderr, so that --json's stdout stays one JSON value.
        const cut = trace.otherData.truncatedAtUs;
        console.error(`trace written to ${opts.trace}${cut === null ? '' : ` (stopped at ${trace.otherData.eventLimit} events, ${cut} us into the run: raise --trace-limit for more)`}`);
      }
      if (opts.gantt !== undefined && trace !== undefined && ganttWindow !== undefined) {
        await writeGantt(opts.gantt, trace, ganttWindow, `${workload.name} on ${profile.id} (${profile.design}), ${target.id}: ${ganttWindow.fromUs / 1000}-${ganttWindow.toUs / 1000} ms`);
      }
      if (opts.json === true) {
        printJson('run', metrics);
        return checkDeadlines(opts, metrics.tasks);
      }
      const f = (x: number | null | undefined): string => (x === null || x === undefined ? '-' : x.toFixed(2));
      const q = metrics.releaseQuantisation;
      const releases =
        q === null ? '' : q.kind === 'exact' ? ', exact releases' : `, releases on a ${q.tickUs} us tick (responses from the true arrival)`;
      console.log(`kbench run: ${workload.name} on ${profile.id} (${profile.design}), ${target.id}, ${durationMs} ms simulated, seed ${seed}, ${exec} execution${releases}`);
      console.log(`  max interrupt-disable time ${f(metrics.maxIrqOffUs)} us; interrupt latency max ${f(metrics.irqLatency.maxUs)} us, mean ${f(metrics.irqLatency.meanUs)} us`);
      console.log(`  task switch min ${f(metrics.taskSwitch.minUs)} / mean ${f(metrics.taskSwitch.meanUs)} / max ${f(metrics.taskSwitch.maxUs)} us over ${metrics.taskSwitch.count}`);
      const c = metrics.cpuPercent;
      console.log(`  CPU task ${c.task}%, kernel ${c.kernel}%, ISR ${c.isr}%, idle ${c.idle}%; code ${metrics.codeBytes} B, RAM ${metrics.ramBytes} B`);
      console.log('  task               releases   I/O delay min / mean / max (us)   jitter   misses (+ overdue at end)');
      for (const t of metrics.tasks) {
        console.log(`  ${t.task.padEnd(18)} ${String(t.releases).padStart(8)}   ${f(t.ioDelay.minUs).padStart(9)} / ${f(t.ioDelay.meanUs).padStart(9)} / ${f(t.ioDelay.maxUs).padStart(9)}   ${f(t.ioJitterUs).padStart(7)}   ${t.deadlineMisses}${t.overdueAtEnd > 0 ? ` (+${t.overdueAtEnd})` : ''}${t.lostJobs > 0 ? `, ${t.lostJobs} lost to the APP's suspension` : ''}`);
      }
      for (const line of runReportLines(metrics)) console.log(line);
      checkDeadlines(opts, metrics.tasks);
    });
}

/** With `--check`, a missed deadline fails the command with exit 3, naming the tasks and their misses. */
function checkDeadlines(opts: RunOptions, tasks: readonly { task: string; deadlineMisses: number; overdueAtEnd: number }[]): void {
  // A job still running past its deadline when the run stops has missed it too, though it never ended to say so.
  const missed = tasks.filter((t) => t.deadlineMisses + t.overdueAtEnd > 0);
  if (opts.check !== true || missed.length === 0) return;
  const jobs = (t: { deadlineMisses: number; overdueAtEnd: number }): string => `${t.deadlineMisses} jobs${t.overdueAtEnd > 0 ? `, ${t.overdueAtEnd} unfinished past it at the end` : ''}`;
  throw new CheckFailedError(`deadline missed: ${missed.map((t) => `${t.task} (${jobs(t)})`).join(', ')}`);
}
