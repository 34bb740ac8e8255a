import type { Command } from 'commander';
import { formatListing, listing } from '../../hardware/block.ts';
import { studiedTargets } from '../../hardware/targets/index.ts';
import { InputError } from '../exit-codes.ts';
import { targetOption } from '../options.ts';
import { printJson } from '../output.ts';
import { textTable } from '../text-table.ts';

/** One row of `kbench kernels`: a design (with its default profile's footprint) or a profile. */
export interface KernelListing {
  readonly kind: 'design' | 'profile';
  readonly id: string;
  readonly design: string;
  readonly description: string;
  readonly codeBytes: Record<string, number>;
  readonly ramBytes: Record<string, number>;
  readonly ramFor: string;
}

/** The designs and profiles with derived code and RAM on the studied targets (the AVR and the M4) they have a port for. */
export async function listKernels(): Promise<KernelListing[]> {
  // Loaded here, not at start: `kbench --help` needs no kernel.
  const { allDesigns, allProfiles, footprint, getProfile } = await import('../../kernels/registry.ts');
  const { missingPort } = await import('../../kernels/profiles/ports.ts');
  const targets = studiedTargets();
  const sizes = (profileId: string) => {
    const codeBytes: Record<string, number> = {};
    const ramBytes: Record<string, number> = {};
    // A kernel without a port for a core has no size there: its cells stay empty.
    for (const t of targets.filter((t) => missingPort(getProfile(profileId), t) === undefined)) {
      const f = footprint(profileId, t);
      codeBytes[t.id] = f.codeBytes;
      ramBytes[t.id] = f.ramBytes;
    }
    return { codeBytes, ramBytes };
  };
  const designs = allDesigns().map((d) => ({
    kind: 'design' as const,
    id: d.id,
    design: d.id,
    description: `${d.summary} (mirrors ${d.mirrors}); sized as profile ${d.defaultProfile.id}`,
    ...sizes(d.defaultProfile.id),
    ramFor: d.defaultProfile.reference.source,
  }));
  const profiles = allProfiles().map((p) => ({
    kind: 'profile' as const,
    id: p.id,
    design: p.design,
    description: p.name,
    ...sizes(p.id),
    ramFor: p.reference.source,
  }));
  return [...designs, ...profiles];
}

/** `kbench kernels`: the kernel designs and OS profiles with their derived footprints. */
export function registerKernelsCommand(program: Command): void {
  program
    .command('kernels')
    .description(`list kernel designs and OS profiles with derived code and RAM on ${studiedTargets().map((t) => t.id).join(' and ')}`)
    .option('--listing <block>', 'print the instructions of one kernel block (see the names with --blocks)')
    .option('--blocks', 'list the names of every kernel block')
    .option('--target <id>', 'target of --listing', 'avr')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean; listing?: string; blocks?: boolean; target: string }) => {
      if (opts.listing !== undefined || opts.blocks === true) return printBlocks(opts);
      const rows = await listKernels();
      if (opts.json === true) return printJson('kernels', { kernels: rows });
      const targets = studiedTargets();
      const sizeColumns = targets.flatMap((t) => [{ title: `${t.id} code B`, align: 'right' as const }, { title: `${t.id} RAM B`, align: 'right' as const }]);
      // '-': the kernel has no port for that target.
      const sizes = (r: KernelListing) => targets.flatMap((t) => [String(r.codeBytes[t.id] ?? '-'), String(r.ramBytes[t.id] ?? '-')]);
      console.log(textTable([{ title: 'kind' }, { title: 'id' }, { title: 'design' }, ...sizeColumns], rows.map((r) => [r.kind, r.id, r.design, ...sizes(r)])));
      console.log(`RAM for: ${rows[0]?.ramFor ?? ''}`);
    });
}

async function printBlocks(opts: { json?: boolean; listing?: string; target: string }): Promise<void> {
  const target = targetOption(opts.target);
  const { kernelBlocks } = await import('../../kernels/block-index.ts');
  const blocks = kernelBlocks(target);
  if (opts.listing === undefined) {
    const names = [...blocks.keys()].sort();
    if (opts.json === true) return printJson('kernel-blocks', { blocks: names });
    console.log(names.join('\n'));
    return;
  }
  const b = blocks.get(opts.listing);
  if (b === undefined) throw new InputError(`--listing: unknown kernel block "${opts.listing}"; run kbench kernels --blocks for the names`);
  const l = listing(b, target);
  if (opts.json === true) return printJson('kernel-listing', { ...l, note: b.note });
  console.log(formatListing(l));
  if (b.note !== undefined) console.log(`  mirrors: ${b.note}`);
}
