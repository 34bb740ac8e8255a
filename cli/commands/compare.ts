import type { Command } from 'commander';
import type { Comparison } from '../../compare/compare.ts';
import type { Target } from '../../hardware/target.ts';
import { InputError, isBadInput } from '../exit-codes.ts';
import { durationMsOption, seedOption, targetOption } from '../options.ts';
import { printJson } from '../output.ts';
import { textTable } from '../text-table.ts';

interface CompareCliOptions {
  workload: string;
  targets?: string;
  durationMs?: string;
  seed: string;
  json?: boolean;
  csv?: boolean;
  html?: string;
  adapt?: boolean;
}

/** Parses `--targets`: a comma-separated list of target ids (each as `--target` takes it), none twice. */
export function targetsOption(text: string): Target[] {
  const ids = text.split(',').map((s) => s.trim());
  if (ids.some((id) => id.length === 0)) throw new InputError(`--targets: give target ids separated by commas, got "${text}"`);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice !== undefined) throw new InputError(`--targets: "${twice}" is named twice`);
  return ids.map((id) => {
    try {
      return targetOption(id);
    } catch (e) {
      throw new InputError(`--targets: ${(e as Error).message.replace(/^--target: /, '')}`);
    }
  });
}

/** `kbench compare`: which kernel fits a workload on which MCU, and why. */
export function registerCompareCommand(program: Command): void {
  program
    .command('compare')
    .description('every kernel profile on every target for one workload: can it host it, is it schedulable, what it measures; ranked, with a recommendation')
    .requiredOption('--workload <name|file>', 'built-in workload name or a workload JSON file')
    .option('--targets <ids>', 'comma-separated targets (kbench targets lists them); default: every real MCU')
    .option('--duration-ms <n>', 'simulated milliseconds per row (default 1000: a whole comparison in a few seconds)')
    .option('--seed <n>', 'seed of the sporadic arrivals', '1')
    .option('--adapt', "fold priorities into each profile's levels, swap mutex protocols and map services where a profile needs it; every change is listed in its row")
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV, one line per row')
    .option('--html <file>', 'also write the comparison as a self-contained HTML page (opens from disk)')
    .action(async (opts: CompareCliOptions) => {
      if (opts.json === true && opts.csv === true) throw new InputError('--csv: give one of --json or --csv');
      const targets = opts.targets === undefined ? undefined : targetsOption(opts.targets);
      const durationMs = opts.durationMs === undefined ? undefined : durationMsOption(opts.durationMs);
      const seed = seedOption(opts.seed);
      const [{ compare, comparisonRows, COMPARISON_COLUMNS }, { loadWorkload }] = await Promise.all([import('../../compare/compare.ts'), import('../../workloads/load.ts')]);
      const workload = asWorkloadInput(() => loadWorkload(opts.workload));
      const comparison = compare({ workload, ...(targets === undefined ? {} : { targets }), ...(durationMs === undefined ? {} : { durationMs }), seed, adapt: opts.adapt === true });
      if (opts.html !== undefined) await writeHtml(opts.html, comparison);
      if (opts.json === true) return printJson('compare', comparison);
      if (opts.csv === true) {
        const { resultCsv } = await import('../../experiments/runner/serialize.ts');
        process.stdout.write(resultCsv(COMPARISON_COLUMNS, comparisonRows(comparison)));
        return;
      }
      printComparison(comparison, comparisonRows(comparison));
    });
}

/** Loads the workload; a file that is missing or breaks a rule is bad input naming --workload and the field. */
function asWorkloadInput<T>(load: () => T): T {
  try {
    return load();
  } catch (e) {
    if (isBadInput(e)) throw new InputError(`--workload: ${e.message}`);
    throw e;
  }
}

async function writeHtml(file: string, comparison: Comparison): Promise<void> {
  const [{ comparisonHtml }, { writeFileAtomic }, { kbenchVersion }] = await Promise.all([import('../../compare/html.ts'), import('../../experiments/runner/atomic-write.ts'), import('../version.ts')]);
  try {
    writeFileAtomic(file, comparisonHtml(comparison, kbenchVersion()));
  } catch (e) {
    throw new InputError(`--html: cannot write ${file}: ${(e as Error).message}`);
  }
  // On stderr, so that --json and --csv keep stdout to one document.
  console.error(`comparison written to ${file}`);
}

type FlatRow = Readonly<Record<string, string | number | boolean | null>>;

const show = (x: string | number | boolean | null | undefined): string => (x === null || x === undefined ? '-' : String(x));

function printComparison(c: Comparison, flat: readonly FlatRow[]): void {
  console.log(c.recommendation);
  console.log(`kbench compare: ${c.workload} on ${c.targets.join(', ')}, ${c.durationMs} ms simulated per row, seed ${c.seed}${c.adapt ? ', adapted where needed' : ''}`);
  console.log(`ranked by: ${c.rankingRule}`);
  const right = (title: string): { title: string; align: 'right' } => ({ title, align: 'right' });
  const columns = [right('#'), { title: 'profile' }, { title: 'design' }, { title: 'target' }, { title: 'verdict' }, right('slack%'), right('breakdown'), right('misses'), right('irq-off us'), right('CPU task/kernel/ISR/idle %'), right('code B'), right('RAM B')];
  const rows = flat.map((r) => [
    show(r.rank),
    show(r.profile),
    show(r.design),
    show(r.target),
    show(r.verdict),
    show(r.minSlackPercent),
    show(r.breakdownFactor),
    show(r.deadlineMisses),
    show(r.maxIrqOffUs),
    r.cpuTaskPercent === null ? '-' : `${show(r.cpuTaskPercent)}/${show(r.cpuKernelPercent)}/${show(r.cpuIsrPercent)}/${show(r.cpuIdlePercent)}`,
    show(r.codeBytes),
    show(r.ramBytes),
  ]);
  console.log(textTable(columns, rows));
  const adapted = c.rows.filter((r) => r.adaptations.length > 0);
  if (adapted.length > 0) {
    console.log('adapted:');
    for (const r of adapted) for (const a of r.adaptations) console.log(`  #${r.rank} ${r.profile} on ${r.target}: ${a}`);
  }
  const contradicted = c.rows.filter((r) => r.hosted && r.boundExceededBy.length > 0);
  if (contradicted.length > 0) {
    console.log('simulation above the analysed bound (the analysis does not bound these systems; please report it):');
    for (const r of contradicted) if (r.hosted) console.log(`  #${r.rank} ${r.profile} on ${r.target}: ${r.boundExceededBy.join(', ')}`);
  }
  const rejected = c.rows.filter((r) => !r.hosted);
  if (rejected.length > 0) {
    console.log('rejected:');
    for (const r of rejected) if (!r.hosted) console.log(`  #${r.rank} ${r.profile} on ${r.target}: ${r.reason}`);
  }
  const best = c.rows[0];
  if (best?.hosted === true) {
    console.log(`per task, #1 ${best.profile} on ${best.target} (times in us; WCRT from its analysis, worst from the simulation):`);
    const taskRows = best.tasks.map((t) => [t.task, show(t.deadlineUs), t.wcrtUs === null ? 'unbounded' : show(t.wcrtUs), show(t.simulatedWorstUs), show(t.deadlineMisses)]);
    console.log(textTable([{ title: 'task' }, right('deadline'), right('WCRT'), right('simulated worst'), right('misses')], taskRows));
  }
}
