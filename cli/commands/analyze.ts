import type { Command } from 'commander';
import type { AnalysisReport, Policy, Variant } from '../../analysis/analyze.ts';
import type { Target } from '../../hardware/target.ts';
import { ProfileLimitError } from '../../kernels/core/validate.ts';
import type { SystemModel } from '../../system/model.ts';
import { targetIds } from '../../hardware/targets/index.ts';
import { WorkloadError } from '../../workloads/errors.ts';
import type { Workload } from '../../workloads/types.ts';
import { CheckFailedError, ExitCode, InputError } from '../exit-codes.ts';
import { targetOption } from '../options.ts';
import { printJson } from '../output.ts';
import { textTable } from '../text-table.ts';
import { explanationLine } from './analyze-explain.ts';

/**
 * The system a profile's kernel runs for a workload on a target (kernels supply it; analysis never
 * imports kernels). It may load the kernels first, so it may answer with a promise.
 */
export type SystemResolver = (profileId: string, target: Target, workload: Workload) => SystemModel | Promise<SystemModel>;

interface AnalyzeOptions {
  workload: string;
  policy?: string;
  variant: string;
  target?: string;
  profile?: string;
  json?: boolean;
}

/** `kbench analyze`: per-task worst and best response times, jitter and schedulability of a workload. */
export function registerAnalyzeCommand(program: Command, resolveSystem?: SystemResolver): void {
  program
    .command('analyze')
    .description('bound the response times of a workload: WCRT, BCRT, jitter, schedulable, per task')
    .requiredOption('--workload <name|file>', 'built-in workload name or a workload JSON file')
    .option('--policy <fp|edf>', "fixed priority or earliest deadline first; with --profile, the kernel's own (a contradicting one is an error)")
    .option('--variant <paper|corrected>', "the paper's equations (1)-(16) as written, or the corrected analysis", 'corrected')
    .option('--target <id>', `analysis target (${targetIds().join(', ')}; <id>@<clock> for a clock the part offers, e.g. avr@7.3728MHz); default: the workload's reference target`)
    .option('--profile <id>', 'OS profile whose kernel is analysed (kbench kernels lists them): its policy, preemption rules, mutex protocols and priced overheads')
    .option('--json', 'print JSON')
    .addHelpText('after', `\nExits ${ExitCode.CheckFailed} when any task is not schedulable (after printing the report), ${ExitCode.Ok} when all are.`)
    .action(async (opts: AnalyzeOptions) => {
      const report = await runAnalyze(opts, resolveSystem);
      if (opts.json === true) printJson('analyze', report);
      else printReport(report);
      const failing = report.tasks.filter((t) => !t.schedulable).map((t) => t.task);
      if (!report.schedulable) throw new CheckFailedError(`not schedulable: ${failing.length > 0 ? failing.join(', ') : 'the task set as a whole'}`);
    });
}

async function runAnalyze(opts: AnalyzeOptions, resolveSystem: SystemResolver | undefined): Promise<AnalysisReport> {
  if (opts.policy !== undefined && opts.policy !== 'fp' && opts.policy !== 'edf') throw new InputError(`--policy: must be fp or edf, got "${opts.policy}"`);
  if (opts.policy === undefined && opts.profile === undefined) throw new InputError('--policy: give fp or edf, or --profile <id> to analyse that kernel with its own policy');
  if (opts.variant !== 'paper' && opts.variant !== 'corrected') throw new InputError(`--variant: must be paper or corrected, got "${opts.variant}"`);
  const [{ AnalysisOptionError, analyzeWorkload }, { UnanalysableSystemError }, { loadWorkload }] = await Promise.all([
    import('../../analysis/analyze.ts'),
    import('../../analysis/from-system.ts'),
    import('../../workloads/load.ts'),
  ]);
  let workload: Workload;
  try {
    workload = loadWorkload(opts.workload);
  } catch (e) {
    if (e instanceof WorkloadError) throw new InputError(`--workload: ${e.message}`);
    throw e;
  }
  const target = targetOption(opts.target ?? workload.referenceTarget);
  let system: SystemModel | undefined;
  if (opts.profile !== undefined) {
    if (resolveSystem === undefined) throw new InputError('--profile: no kernel profiles are registered with this command yet');
    try {
      system = await resolveSystem(opts.profile, target, workload);
    } catch (e) {
      if (e instanceof RangeError) throw new InputError(`--profile: ${e.message}`);
      if (e instanceof ProfileLimitError) throw new InputError(`--workload: ${e.message}`);
      throw e;
    }
  }
  try {
    return analyzeWorkload(workload, { ...(opts.policy === undefined ? {} : { policy: opts.policy as Policy }), variant: opts.variant as Variant, target, ...(system === undefined ? {} : { system }) });
  } catch (e) {
    if (e instanceof AnalysisOptionError) throw new InputError(`--${e.message}`);
    if (e instanceof UnanalysableSystemError) throw new InputError(`--workload: ${e.message}`);
    throw e;
  }
}

const us = (x: number | null): string => (x === null ? 'unbounded' : x.toFixed(2));

function printReport(r: AnalysisReport): void {
  console.log(`kbench analyze: ${r.workload} on ${r.target}, policy ${r.policy}, ${r.variant}${r.system === null ? '' : `, as kernel ${r.system} runs it (overheads included)`} (times in us)`);
  const rows = r.tasks.map((t) => [t.task, String(t.priority), us(t.wcrtUs), us(t.bcrtUs), us(t.jitterUs), us(t.deadlineUs), t.schedulable ? 'yes' : 'NO']);
  const columns = [{ title: 'task' }, ...['prio', 'WCRT', 'BCRT', 'jitter', 'deadline', 'schedulable'].map((title) => ({ title, align: 'right' as const }))];
  console.log(textTable(columns, rows));
  console.log(r.schedulable ? 'schedulable: every task meets its deadline' : 'NOT schedulable');
  const explained = r.tasks.filter((t) => t.explanation !== null);
  if (explained.length > 0) {
    console.log(`why each worst case (cycles on ${r.target}; the terms sum to the WCRT):`);
    for (const t of explained) if (t.explanation !== null) console.log(explanationLine(t.explanation));
  }
  for (const note of r.notes) console.log(`note: ${note}`);
}
