import type { Row } from '../experiments/contract.ts';
import type { ResultsSet } from './claims.ts';
import { markdownTable } from './markdown.ts';

/*
 * The report's "Choosing a kernel for a meter": the meter-choice experiment's ranked rows (kbench
 * compare --adapt on the Cortex-M4 management module), read from results/ like every section.
 */

const ID = 'meter-choice';

/** The columns the section's table shows; adaptations and reasons are listed under it. */
const SHOWN = ['rank', 'profile', 'design', 'target', 'verdict', 'minSlackPercent', 'breakdownFactor', 'deadlineMisses', 'maxIrqOffUs', 'cpuKernelPercent', 'codeBytes', 'ramBytes'] as const;

/** The first row's answer in one sentence, or why there is none. */
function answer(rows: readonly Row[]): string {
  const best = rows[0];
  if (best === undefined) return 'The experiment has no rows.';
  if (best.verdict !== 'schedulable') return `No kernel meets every deadline of the meter on these MCUs; the closest is ${best.profile} on ${best.target} (${best.verdict}).`;
  return `**${best.profile} (${best.design}) on ${best.target}** ranks first: it meets every deadline by its own analysis with ${best.minSlackPercent}% minimum slack and a breakdown factor of ${best.breakdownFactor}, misses none in simulation, and keeps interrupts off at most ${best.maxIrqOffUs} us, in ${best.codeBytes} B of code and ${best.ramBytes} B of RAM.`;
}

/** `## Choosing a kernel for a meter`, or nothing when the experiment has not run. */
export function meterChoiceSection(results: ResultsSet): string {
  const rows = results.get(ID);
  if (rows === undefined) return '';
  const adapted = rows.filter((r) => typeof r.adaptations === 'string' && r.adaptations.length > 0).map((r) => `- #${r.rank} ${r.profile} on ${r.target}: ${r.adaptations}`);
  const rejected = rows.filter((r) => r.verdict === 'rejected').map((r) => `- #${r.rank} ${r.profile} on ${r.target}: ${r.reason}`);
  return `## Choosing a kernel for a meter

What an architect asks of kbench: which kernel should the Cortex-M4 management module of a Q/GDW
12180 meter run, and on which MCU? \`kbench compare --workload m4-management-module --adapt\`
answers it for every registered kernel on every real MCU (\`${ID}\`; the workload and where each of
its numbers comes from: \`workloads/meter/README.md\`).

${answer(rows)}

${markdownTable(rows, SHOWN)}

${adapted.length > 0 ? `Adapted to fit (what \`--adapt\` changed for each row):\n\n${adapted.join('\n')}\n\n` : ''}${rejected.length > 0 ? `Rejected, with the kernel's own reason:\n\n${rejected.join('\n')}` : ''}`;
}
