import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../exit-codes.ts';
import { printDocument } from '../output.ts';

/** `kbench schema`: the JSON Schema of workload files, for editors. */
export function registerSchemaCommand(program: Command): void {
  program
    .command('schema')
    .description('write the JSON Schema of workload files (cross-field rules are checked by kbench itself)')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (opts: { out?: string }) => {
      const { workloadJsonSchema } = await import('../../workloads/schema.ts');
      const schema = workloadJsonSchema();
      if (opts.out === undefined) return printDocument(schema);
      try {
        writeFileSync(opts.out, `${JSON.stringify(schema, null, 2)}\n`);
      } catch (e) {
        throw new InputError(`--out: cannot write ${opts.out}: ${(e as Error).message}`);
      }
    });
}
