import type { Command } from 'commander';
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
      // The report libraries (vega, vega-lite, resvg) load only for the commands that draw.
      const { buildReport } = await import('../../report/build.ts');
      const outcome = await buildReport({ resultsDir: opts.resultsDir, paperDir: opts.paperDir });
      if (opts.json === true) return printJson('report', outcome);
      console.log(`report: ${outcome.files.length} files in ${opts.paperDir}/ (${outcome.figures} figures)`);
    });
}
