import type { Row } from '../experiments/contract.ts';
import type { ResultsSet } from './claims.ts';
import { markdownTable } from './markdown.ts';
import { ISOLATION_COLUMNS, isolationPairs, isolationProse, isolationTableRows } from './meter-choice-isolation.ts';

/*
 * The report's "Choosing a kernel for a meter": the meter-choice experiment's rows (kbench compare
 * --adapt on the Cortex-M4 management module as one image and with its user APPs isolated), read
 * from results/ like every section: per target the answer for each design, what isolation costs the
 * kernels that host both, and each design's ranked rows.
 */

const ID = 'meter-choice';

/** The two designs, as the experiment names their workloads (experiments/meter-choice.ts). */
const SINGLE = 'm4-management-module';
const ISOLATED = 'm4-multi-app-meter';

/** The columns the ranked tables show; adaptations and reasons are listed under them. */
const SHOWN = ['rank', 'profile', 'design', 'target', 'verdict', 'minSlackPercent', 'breakdownFactor', 'deadlineMisses', 'maxIrqOffUs', 'appWorstResponseUs', 'cpuKernelPercent', 'codeBytes', 'ramBytes'] as const;

/** A row's workload; rows written before the experiment had two workloads are the single image's. */
const workloadOf = (row: Row): string => (typeof row.workload === 'string' ? row.workload : SINGLE);

/** The first row's answer in one sentence, or why there is none. */
function answer(rows: readonly Row[], design: string): string {
  const best = rows[0];
  if (best === undefined) return `The experiment has no rows for ${design}.`;
  if (best.verdict === 'rejected') return `No kernel hosts ${design} on these MCUs.`;
  if (best.verdict !== 'schedulable') return `For ${design} no kernel meets every deadline of the meter on these MCUs; the closest is ${best.profile} on ${best.target} (${best.verdict}).`;
  return `For ${design}, **${best.profile} (${best.design}) on ${best.target}** ranks first: it meets every deadline by its own analysis with ${best.minSlackPercent}% minimum slack and a breakdown factor of ${best.breakdownFactor}, misses none in simulation, and keeps interrupts off at most ${best.maxIrqOffUs} us, in ${best.codeBytes} B of code and ${best.ramBytes} B of RAM.`;
}

/** The best row on a target in one cell: the ranking is one per design, so the first row on the target is that target's answer. */
function bestCell(rows: readonly Row[], target: string): string {
  const best = rows.find((r) => r.target === target);
  if (best === undefined) return '-';
  if (best.verdict === 'rejected') return 'none hosts it';
  if (best.verdict !== 'schedulable') return `none meets every deadline (closest: ${best.profile}, ${best.verdict})`;
  return `${best.profile} (#${best.rank}): ${best.minSlackPercent}% slack, factor ${best.breakdownFactor}, ${best.maxIrqOffUs} us irq-off`;
}

/** Per target, whether the two designs get the same kernel, said from the rows. */
function sameOrNot(single: readonly Row[], isolated: readonly Row[], targets: readonly string[]): string {
  return targets
    .map((target) => {
      const [a, b] = [single.find((r) => r.target === target), isolated.find((r) => r.target === target)];
      const usable = (r: Row | undefined): r is Row => r !== undefined && r.verdict === 'schedulable';
      if (!usable(a) && !usable(b)) return `on ${target} neither design has a kernel that meets every deadline`;
      if (!usable(b)) return `on ${target} only the single image has one (${a?.profile})`;
      if (!usable(a)) return `on ${target} only the isolated APPs have one (${b.profile})`;
      return a.profile === b.profile ? `on ${target} ${a.profile} is the answer for both` : `on ${target} ${a.profile} for the single image, ${b.profile} with isolated APPs`;
    })
    .join('; ');
}

const listed = (rows: readonly Row[], column: 'adaptations' | 'reason', only: (r: Row) => boolean): string[] =>
  rows.filter((r) => only(r) && typeof r[column] === 'string' && r[column].length > 0).map((r) => `- #${r.rank} ${r.profile} on ${r.target}: ${r[column]}`);

/** One design's ranked table with what was adapted and what was rejected under it. */
function rankedPart(rows: readonly Row[], heading: string): string {
  const adapted = listed(rows, 'adaptations', () => true);
  const rejected = listed(rows, 'reason', (r) => r.verdict === 'rejected');
  return `### ${heading}

${markdownTable(rows, SHOWN)}

${adapted.length > 0 ? `Adapted to fit (what \`--adapt\` changed for each row):\n\n${adapted.join('\n')}\n\n` : ''}${rejected.length > 0 ? `Rejected, with the kernel's own reason:\n\n${rejected.join('\n')}\n\n` : ''}`;
}

/** `## Choosing a kernel for a meter`, or nothing when the experiment has not run. */
export function meterChoiceSection(results: ResultsSet): string {
  const rows = results.get(ID);
  if (rows === undefined) return '';
  const single = rows.filter((r) => workloadOf(r) === SINGLE);
  const isolated = rows.filter((r) => workloadOf(r) === ISOLATED);
  const targets = [...new Set(rows.map((r) => String(r.target)))];
  const perTarget = targets.map((target) => ({ target, 'single image': bestCell(single, target), 'isolated APPs': bestCell(isolated, target) }));
  const pairs = isolationPairs(single, isolated);
  const both = isolated.length === 0 ? '' : `### One image or isolated APPs, per target

${answer(isolated, 'the isolated APPs')} Per target (the first row of each design's ranking on that target): ${sameOrNot(single, isolated, targets)}.

${markdownTable(perTarget, ['target', 'single image', 'isolated APPs'])}

### What isolation costs

${isolationProse(single, isolated)}

${pairs.length > 0 ? `${markdownTable(isolationTableRows(pairs), ISOLATION_COLUMNS)}\n\n` : ''}`;
  return `## Choosing a kernel for a meter

What an architect asks of kbench: which kernel should the Cortex-M4 management module of a Q/GDW
12180 meter run, on which MCU, and should its user APPs run isolated? \`kbench compare --workload
${SINGLE} --adapt\` answers it for the single image and \`kbench compare --workload ${ISOLATED}
--adapt\` for the same module with its two user APPs isolated (APP headers, kernel services through
the SVC gate, the MPU reloaded on a switch between APPs), for every registered kernel on every real
MCU (\`${ID}\`; the workloads and where each of their numbers comes from: \`workloads/meter/README.md\`).
Each design is ranked on its own by compare's rule.

${answer(single, 'the single image')}

${both}${rankedPart(single, 'The single image, ranked')}${isolated.length > 0 ? rankedPart(isolated, 'Isolated APPs, ranked') : ''}`.trimEnd();
}
