import { statSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../exit-codes.ts';
import { printJson } from '../output.ts';

/** `kbench report`: regenerates paper/ from results/ alone. */
export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description('regenerate paper/REPORT.md, its figures (SVG and PNG) and paper/index.html from results/')
    .option('--results-dir <dir>', 'where results are read from', 'results')
    .option('--paper-dir <dir>', 'where the report goes', 'paper')
    .option('--json', 'print the files written as JSON')
    .action(async (opts: { resultsDir: string; paperDir: string; json?: boolean }) => {
      requireResultsFolder(opts.resultsDir);
      // The report libraries (vega, vega-lite, resvg) load only for the commands that draw.
      const { buildReport } = await import('../../report/build.ts');
      const outcome = await buildReport({ resultsDir: opts.resultsDir, paperDir: opts.paperDir });
      if (opts.json === true) return printJson('report', outcome);
      console.log(`report: ${outcome.files.length} files in ${opts.paperDir}/ (${outcome.figures} figures)`);
    });
}

/**
 * Refuses a results folder that is not there: building from nothing would write an empty report
 * over paper/ and exit 0, hiding a mistyped path.
 */
function requireResultsFolder(dir: string): void {
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (stat === undefined) throw new InputError(`--results-dir: the results folder ${dir} does not exist (kbench reproduce writes it)`);
  if (!stat.isDirectory()) throw new InputError(`--results-dir: ${dir} is not a folder`);
}
