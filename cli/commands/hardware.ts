import type { Command } from 'commander';
import { formatListing, isPortBlockName, listing, portListing, block } from '../../hardware/block.ts';
import { isMicroOp, MICRO_OPS } from '../../hardware/microops.ts';
import type { Target } from '../../hardware/target.ts';
import { PORT_BLOCKS } from '../../hardware/target.ts';
import { allTargets } from '../../hardware/targets/index.ts';
import { InputError } from '../exit-codes.ts';
import { targetOption } from '../options.ts';
import { printJson } from '../output.ts';
import { textTable } from '../text-table.ts';

/** `kbench targets` and `kbench listing`: the emulated MCUs and the instructions behind a block. */
export function registerHardwareCommands(program: Command): void {
  program
    .command('targets')
    .description('list the emulated MCUs and the other clocks each offers (run one as --target <id>@<clock>, e.g. avr@7.3728MHz)')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const rows = allTargets().map((t) => ({ id: t.id, core: t.core, clockHz: t.clockHz, clockOptionsHz: t.clockOptionsHz, ramBytes: t.ramBytes, flashBytes: t.flashBytes, name: t.name }));
      if (opts.json === true) return printJson('targets', { targets: rows });
      const mhz = (hz: number): string => String(hz / 1e6);
      const columns = [{ title: 'id' }, { title: 'core' }, { title: 'MHz', align: 'right' }, { title: 'other MHz' }, { title: 'RAM B', align: 'right' }, { title: 'flash B', align: 'right' }, { title: 'name' }] as const;
      console.log(textTable(columns, rows.map((t) => [t.id, t.core, mhz(t.clockHz), t.clockOptionsHz.map(mhz).join(', '), String(t.ramBytes), String(t.flashBytes), t.name])));
    });

  program
    .command('listing')
    .description('print the instructions of a port block or a micro-op on a target, with cycles and bytes')
    .requiredOption('--target <id>', `target id (${allTargets().map((t) => t.id).join(', ')})`)
    .option('--block <name>', `port block (${PORT_BLOCKS.join(', ')})`)
    .option('--op <micro-op>', 'a single micro-op, e.g. cmpbr32.taken')
    .option('--json', 'print JSON')
    .action((opts: { target: string; block?: string; op?: string; json?: boolean }) => {
      const target = targetOption(opts.target);
      const result = resolveListing(target, opts.block, opts.op);
      if (opts.json === true) return printJson('listing', result);
      console.log(formatListing(result));
    });
}

function resolveListing(target: Target, blockName: string | undefined, op: string | undefined) {
  if ((blockName === undefined) === (op === undefined)) {
    throw new InputError('listing: give exactly one of --block <name> or --op <micro-op>');
  }
  if (blockName !== undefined) {
    if (!isPortBlockName(blockName)) {
      throw new InputError(`--block: unknown block "${blockName}"; known blocks: ${PORT_BLOCKS.join(', ')}`);
    }
    return portListing(blockName, target);
  }
  if (op !== undefined && !isMicroOp(op)) {
    throw new InputError(`--op: unknown micro-op "${op}"; known micro-ops: ${MICRO_OPS.join(', ')}`);
  }
  return listing(block(op as string, [op as (typeof MICRO_OPS)[number]]), target);
}
