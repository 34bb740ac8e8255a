import { existsSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../exit-codes.ts';
import { targetOption } from '../options.ts';
import { printDocument } from '../output.ts';

/** `kbench init`: a template workload to start from, every item explained in its `source`. */
export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description("write a template workload (each item's source field says what its numbers mean) to start your own from")
    .option('--target <id>', 'reference target of the workload: its execution is in cycles of this MCU', 'avr')
    .option('--out <file>', 'write to a new file instead of stdout')
    .option('--force', 'overwrite the --out file if it exists')
    .action(async (opts: { target: string; out?: string; force?: boolean }) => {
      const target = targetOption(opts.target);
      // A workload's cycles are on its reference target at that target's own clock.
      if (target.id !== opts.target) throw new InputError(`--target: give a target id without a clock (a workload's cycles are on ${target.id} at its own clock)`);
      const { templateWorkload } = await import('../../workloads/template.ts');
      const workload = templateWorkload(target);
      if (opts.out === undefined) return printDocument(workload);
      if (existsSync(opts.out) && opts.force !== true) throw new InputError(`--out: ${opts.out} exists; give --force to overwrite it`);
      try {
        writeFileSync(opts.out, `${JSON.stringify(workload, null, 2)}\n`);
      } catch (e) {
        throw new InputError(`--out: cannot write ${opts.out}: ${(e as Error).message}`);
      }
      console.log(`wrote ${opts.out}: edit it, then kbench analyze --workload ${opts.out} --policy fp`);
    });
}
