import type { Command } from 'commander';
import type { AnyExperiment, RunMode } from '../../experiments/contract.ts';
import type { ExperimentOutcome } from '../../experiments/runner/reproduce.ts';
import type { ReportOutcome } from '../../report/build.ts';
import { InputError } from '../exit-codes.ts';
import { printJson } from '../output.ts';

// The experiments, the runner and the report load inside the actions: the experiment ids are
// listed by `kbench list`, not in the help, so that the help loads none of them.
const WORKERS_HELP = 'worker threads (0 runs in this thread; default: one per core)';

/**
 * `kbench list`, `reproduce`, `sweep` and `merge`: running the experiments and collecting their
 * results. `interruptSignal` gives the signal reproduce and sweep stop on between units (Ctrl-C).
 */
export function registerExperimentCommands(program: Command, interruptSignal?: () => AbortSignal): void {
  program
    .command('list')
    .description('list the experiments reproduce runs')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const [{ EXPERIMENTS }, { unitsOf }] = await Promise.all([import('../../experiments/registry.ts'), import('../../experiments/runner/compute.ts')]);
      const rows = EXPERIMENTS.map((e) => ({ id: e.id, title: e.title, quickUnits: unitsOf(e, 'quick').length, fullUnits: unitsOf(e, 'full').length }));
      if (opts.json === true) return printJson('experiments', { experiments: rows });
      for (const r of rows) console.log(`${r.id.padEnd(14)} ${r.title} (${r.fullUnits} units; ${r.quickUnits} with --quick)`);
    });

  program
    .command('reproduce')
    .description('run the experiments, write results/ and regenerate paper/ (Ctrl-C stops with whole files; rerun to resume)')
    .option('--quick', 'fewer seeds and shorter runs: a check in about a minute')
    .option('--workers <n>', WORKERS_HELP)
    .option('--only <ids>', 'comma-separated experiment ids (kbench list shows them)')
    .option('--results-dir <dir>', 'where results go', 'results')
    .option('--paper-dir <dir>', 'where the report goes', 'paper')
    .option('--no-report', 'skip regenerating the report')
    .option('--json', 'print what was run as JSON (no progress display)')
    .action(async (opts: { quick?: boolean; workers?: string; only?: string; resultsDir: string; paperDir: string; report: boolean; json?: boolean }) => {
      const [{ Listr }, { EXPERIMENTS }, { Reproduction }, { defaultWorkers, unitRunner }] = await Promise.all([
        import('listr2'),
        import('../../experiments/registry.ts'),
        import('../../experiments/runner/reproduce.ts'),
        import('../../experiments/runner/unit-runner.ts'),
      ]);
      const mode: RunMode = opts.quick === true ? 'quick' : 'full';
      const workers = opts.workers === undefined ? defaultWorkers() : parseWorkers(opts.workers);
      const experiments = opts.only === undefined ? EXPERIMENTS : await parseOnly(opts.only);
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      const signal = interruptSignal?.();
      // The report's libraries (vega, vega-lite, resvg: half a second) load while the workers compute,
      // on the main thread, which waits for them then; only the commands that draw load them.
      const reportModule = opts.report === true ? import('../../report/build.ts') : undefined;
      // A failed load is reported where the report is built, not as an unhandled rejection meanwhile.
      reportModule?.catch(() => undefined);
      const runner = unitRunner(workers);
      const reproduction = new Reproduction({ mode, resultsDir: opts.resultsDir, runner, workers, signal });
      const outcomes: ExperimentOutcome[] = [];
      let report: ReportOutcome | undefined;
      // Without a terminal (a CI log, a pipe) a redrawn display becomes many unnamed progress lines:
      // print one line per experiment, with its name, as it ends, and no display at all.
      const plain = opts.json !== true && process.stdout.isTTY !== true;
      if (plain) console.log(`experiments (${mode}, ${workers} workers): ${experiments.map((e) => e.id).join(', ')}`);
      const experimentTasks = experiments.map((e) => ({
        title: `${e.id}: ${e.title}`,
        task: async (_ctx: unknown, task: { output: string; title: string }) => {
          let shownPercent = -1;
          const outcome = await reproduction.run(e, (done, total) => {
            // Every 5%: enough to see it move, few enough lines for a CI log.
            const percent = Math.floor((20 * done) / total) * 5;
            if (percent === shownPercent) return;
            shownPercent = percent;
            task.output = `${done}/${total} units (${percent}%)`;
          });
          outcomes.push(outcome);
          task.title = `${e.id}: ${describeOutcome(outcome)}`;
          if (plain) console.log(`${e.id} (${e.title}): ${describeOutcome(outcome)}`);
        },
      }));
      try {
        await new Listr(
          [
            { title: `experiments (${mode}, ${workers} workers)`, task: (_ctx, task) => task.newListr(experimentTasks, { concurrent: true, exitOnError: true }) },
            {
              title: `report into ${opts.paperDir}/`,
              enabled: opts.report,
              task: async (_ctx, task) => {
                const { buildReport } = await (reportModule ?? import('../../report/build.ts'));
                report = await buildReport({ resultsDir: opts.resultsDir, paperDir: opts.paperDir });
                task.title = `report: ${report.files.length} files in ${opts.paperDir}/ (${report.figures} figures)`;
                if (plain) console.log(task.title);
              },
            },
          ],
          // Ctrl-C is the runner's to handle (it stops with whole files); listr2's own handler would exit 127.
          { renderer: opts.json === true || plain ? 'silent' : 'default', registerSignalListeners: false },
        ).run();
      } finally {
        await runner.close();
      }
      reproduction.complete();
      const wallMs = Math.round(performance.now() - started);
      // The process's CPU time, every thread counted (workers, V8's compiler and GC threads, the
      // report's rasteriser): the cost of the run whatever the cores and their load did to its wall time.
      const cpu = process.cpuUsage(cpuStarted);
      const cpuMs = Math.round((cpu.user + cpu.system) / 1000);
      const ordered = experiments.map((e) => outcomes.find((o) => o.id === e.id));
      if (opts.json === true) return printJson('reproduce', { mode, workers, wallMs, cpuMs, experiments: ordered, report: report ?? null });
      console.log(`reproduce (${mode}, ${workers} workers): ${(wallMs / 1000).toFixed(1)} s (CPU ${(cpuMs / 1000).toFixed(1)} s)`);
    });

  program
    .command('sweep')
    .description('run one shard of an experiment and write its unit results (for a Slurm array or a Kubernetes indexed job)')
    .requiredOption('--experiment <id>', 'experiment id (kbench list shows them)')
    .requiredOption('--shard <i/n>', 'this shard, 0-based: i of n (e.g. $SLURM_ARRAY_TASK_ID/$N or $JOB_COMPLETION_INDEX/$N)')
    .requiredOption('--out <dir>', 'directory for the shard file')
    .option('--quick', 'the quick mode of the experiment')
    .option('--workers <n>', WORKERS_HELP)
    .option('--json', 'print JSON')
    .action(async (opts: { experiment: string; shard: string; out: string; quick?: boolean; workers?: string; json?: boolean }) => {
      const [{ parseShard }, { sweepShard }, { defaultWorkers, unitRunner }] = await Promise.all([
        import('../../experiments/runner/shard.ts'),
        import('../../experiments/runner/sweep.ts'),
        import('../../experiments/runner/unit-runner.ts'),
      ]);
      const experiment = await experimentOrInputError(opts.experiment, '--experiment');
      let shard;
      try {
        shard = parseShard(opts.shard);
      } catch (e) {
        throw new InputError(`--shard: ${(e as Error).message}`);
      }
      const signal = interruptSignal?.();
      const runner = unitRunner(opts.workers === undefined ? defaultWorkers() : parseWorkers(opts.workers));
      let path: string;
      try {
        path = await sweepShard(experiment, opts.quick === true ? 'quick' : 'full', shard, opts.out, runner, signal);
      } finally {
        await runner.close();
      }
      if (opts.json === true) return printJson('sweep', { experiment: experiment.id, shard, file: path });
      console.log(`wrote ${path}`);
    });

  program
    .command('merge')
    .description('merge shard files (files or directories) into results/<id>.json and .csv')
    .argument('<paths...>', 'shard files or directories holding them')
    .option('--results-dir <dir>', 'where results go', 'results')
    .option('--json', 'print JSON')
    .action(async (paths: string[], opts: { resultsDir: string; json?: boolean }) => {
      const [{ mergeShards }, { ShardError }] = await Promise.all([import('../../experiments/runner/merge.ts'), import('../../experiments/runner/shard-file.ts')]);
      let outcomes;
      try {
        outcomes = mergeShards(paths, opts.resultsDir);
      } catch (e) {
        if (e instanceof ShardError) throw new InputError(`merge: ${e.message}`);
        throw e;
      }
      if (opts.json === true) return printJson('merge', { merged: outcomes });
      for (const o of outcomes) console.log(`${o.id}: ${o.shards} shards, ${o.units} units, ${o.rows} rows -> ${opts.resultsDir}/${o.id}.json`);
    });
}

function describeOutcome(o: ExperimentOutcome): string {
  if (o.status === 'skipped') return 'already finished by the interrupted run, kept';
  const resumed = o.resumedUnits > 0 ? `, ${o.resumedUnits} resumed` : '';
  return `${o.rows} rows from ${o.units} units${resumed} in ${(o.wallMs / 1000).toFixed(1)} s`;
}

function parseWorkers(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 256) throw new InputError(`--workers: must be a whole number from 0 to 256, got "${text}"`);
  return n;
}

async function experimentOrInputError(id: string, option: string): Promise<AnyExperiment> {
  const { getExperiment } = await import('../../experiments/registry.ts');
  try {
    return getExperiment(id);
  } catch (e) {
    throw new InputError(`${option}: ${(e as Error).message}`);
  }
}

async function parseOnly(text: string): Promise<AnyExperiment[]> {
  const ids = text.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  if (ids.length === 0) throw new InputError('--only: give at least one experiment id');
  return Promise.all(ids.map((id) => experimentOrInputError(id, '--only')));
}
