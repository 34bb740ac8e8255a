import type { AnyExperiment, Row } from '../experiments/contract.ts';
import { FIGURES, PAPER, TABLE1, TABLE2_CODE_KB } from '../experiments/published.ts';
import { getTarget } from '../hardware/targets/index.ts';
import { CLAIMS, type ResultsSet } from './claims.ts';
import { magnitudeLines, SUMMARY_TASKS, targetSummaryTable } from './comparison.ts';
import type { Calibration } from '../calibration/calibrate.ts';
import { calibrationSection } from './calibration-figure.ts';
import type { Figure } from './figures.ts';
import { PAPER_EXPERIMENTS, type ReportInput } from './load.ts';
import { markdownTable } from './markdown.ts';
import { meterChoiceSection } from './meter-choice.ts';
import { methodsSection } from './methods.ts';
import { multiappSection } from './multiapp.ts';
import { paperProfileIds, profileName } from './profiles.ts';

/** Tables longer than this show their first rows and point to the CSV. */
const MAX_TABLE_ROWS = 40;

function claimsSection(results: ResultsSet): string {
  const parts = CLAIMS.map((c) => {
    const v = c.judge(results);
    const verdict = v === undefined ? `**Not yet measured**: needs \`${c.experiments.join('`, `')}\` results.` : `**${v.status[0]?.toUpperCase()}${v.status.slice(1)}.** ${v.text}`;
    return `### Claim ${c.n}: ${c.text}\n\nPaper: ${c.source}. ${verdict}\n\nMechanism (the one the paper names, as the profile models it): ${c.mechanism}`;
  });
  return `## The paper's claims\n\nEach verdict is generated from the \`avr\` rows of the named experiment; the rules behind\n"stable", "grows" and "a little above" are in the methods section.\n\n${parts.join('\n\n')}`;
}

function disagreementsSection(results: ResultsSet): string {
  const judged = CLAIMS.map((c) => ({ c, v: c.judge(results) }));
  const differing = judged.filter(({ v }) => v !== undefined && v.status !== 'reproduced');
  const unmeasured = judged.filter(({ v }) => v === undefined).length;
  const lines = differing.map(({ c, v }) => `- **Claim ${c.n}** (${v?.status}): ${v?.text} Mechanism: ${c.mechanism}`);
  const note = unmeasured > 0 ? `\n\n${unmeasured} of ${CLAIMS.length} claims are not yet measured.` : '';
  const magnitudes = magnitudeLines(results);
  const scale = magnitudes.length > 0 ? `\n\n**Magnitudes.** The claims are about order and shape; here is where kbench's AVR values for the paper's five kernels sit against the ranges the paper plots:\n\n${magnitudes.join('\n')}` : '';
  return `## Where kbench disagrees with the paper\n\n${lines.length > 0 ? lines.join('\n') : 'No measured claim disagrees.'}${note}${scale}`;
}

function manifestTable(input: ReportInput): string {
  const rows: Row[] = input.order.map((id) => {
    const m = input.manifest.experiments[id];
    const seeds = m?.settings.seeds ?? [];
    return {
      experiment: id,
      mode: m?.mode ?? null,
      seeds: seeds.length === 0 ? 'none' : seeds.length > 4 ? `${seeds[0]}..${seeds[seeds.length - 1]} (${seeds.length})` : seeds.join(', '),
      targets: m?.settings.targets.join(', ') ?? null,
      simulatedMs: m?.settings.durationMs ?? null,
      units: m?.units ?? null,
      commit: m?.commit?.slice(0, 10) ?? null,
      node: m?.node ?? null,
    };
  });
  return markdownTable(rows);
}

function experimentSection(id: string, rows: readonly Row[], experiment: AnyExperiment | undefined, figures: readonly Figure[]): string {
  const title = experiment?.title ?? id;
  const images = figures.map((f) => `![${f.caption}](figures/${f.id}.png)\n\n*${f.caption}* ([SVG](figures/${f.id}.svg))`).join('\n\n');
  const shown = rows.slice(0, MAX_TABLE_ROWS);
  const more = rows.length > shown.length ? `\n\nFirst ${shown.length} of ${rows.length} rows; all of them in \`results/${id}.csv\`.` : '';
  return [`### ${title} (\`${id}\`)`, experiment?.description ?? '', images, `${markdownTable(shown, experiment?.columns)}${more}`].filter((s) => s.length > 0).join('\n\n');
}

function publishedSection(results: ResultsSet): string {
  const table1 = markdownTable(TABLE1.rows.map((r) => ({ mechanism: r.mechanism, ...Object.fromEntries(paperProfileIds().map((p) => [profileName(p), (r as Readonly<Record<string, string>>)[p]])) })));
  const ours = results.get('table2')?.filter((r) => r.target === 'avr');
  const table2 = markdownTable(
    paperProfileIds().map((p) => {
      const row = ours?.find((r) => r.profile === p);
      const bytes = typeof row?.codeBytes === 'number' ? row.codeBytes : null;
      return { profile: profileName(p), paperKB: TABLE2_CODE_KB.values[p] ?? null, kbenchBytes: bytes, kbenchKB: bytes === null ? 'not yet measured' : Number((bytes / TABLE2_CODE_KB.bytesPerKB).toFixed(2)) };
    }),
  );
  const figures = markdownTable(FIGURES.map((f) => ({ figure: f.figure, what: f.what, x: f.x, paperRange: `${f.yRangeUs[0]}-${f.yRangeUs[1]}`, source: f.source })));
  return `## The paper's published values

Source: ${PAPER.citation}.

**Table 1, mechanisms** (${TABLE1.source}):

${table1}

**Table 2, kernel code size on the ATmega128L** (${TABLE2_CODE_KB.source}), with kbench's beside it:

${table2}

**Figures 1-4.** The published text keeps only each figure's axes, so the paper's side of each
comparison is the plotted range and the claims made about the curves:

${figures}`;
}

function cortexSection(results: ResultsSet, figures: readonly Figure[]): string {
  const m4 = figures.filter((f) => f.id.endsWith('-m4') || f.id === 'port-costs');
  const measured = m4.map((f) => `- [${f.title}](figures/${f.id}.png)`).join('\n');
  // An experiment whose rows carry no target (table1: mechanisms) holds for the M4 as it stands.
  const targetFree = (id: string): boolean => (results.get(id) ?? []).some((r) => !('target' in r));
  const missing = PAPER_EXPERIMENTS.filter((id) => !targetFree(id) && !(results.get(id)?.some((r) => r.target === 'm4') ?? false));
  return `## The Cortex-M4

The same experiments on the GD32F450 (${getTarget('m4').clockHz / 1e6} MHz), the Cortex-M4 meters Q/GDW 12180-2021 now
requires: interrupt entry and exit are hardware stacking and tail-chaining rather than AVR pushes,
pick-next can use CLZ instead of the OSUnMapTbl lookup, and pointers are 32-bit.

${results.has('table2') ? `Each kernel on both targets: max interrupt-disable and mean switch time with ${SUMMARY_TASKS} running tasks (\`fig1\`, \`fig2\`), code and RAM for the reference configuration (\`table2\`), and the meter workload's breakdown utilisation with kernel overhead (\`breakdown\`):\n\n${targetSummaryTable(results)}\n\n` : ''}${measured.length > 0 ? `Measured so far:\n\n${measured}` : 'Nothing measured on the M4 yet.'}

${missing.length > 0 ? `Not yet measured on the M4: ${missing.map((id) => `\`${id}\``).join(', ')}.` : ''}`;
}

/** `paper/REPORT.md`, from results/ only. */
export function reportMarkdown(input: ReportInput, figures: readonly Figure[], experiments: readonly AnyExperiment[], calibration?: Calibration): string {
  const sections = input.order.map((id) => experimentSection(id, input.results.get(id) ?? [], experiments.find((e) => e.id === id), figures.filter((f) => f.experiment === id)));
  const missing = PAPER_EXPERIMENTS.filter((id) => !input.results.has(id));
  return `# kbench: the five-OS comparison, reproduced

Generated by \`kbench report\` from \`results/\` only; do not edit by hand (\`npm start\` regenerates it).
kbench reproduces ${PAPER.citation} on an emulated ATmega128L and carries it to the Cortex-M4.
Interactive figures: [index.html](index.html).

## How these results were made

From \`results/manifest.json\` (wall times are there too):

${manifestTable(input)}

${missing.length > 0 ? `Not yet measured: ${missing.map((id) => `\`${id}\``).join(', ')}.\n\n` : ''}${claimsSection(input.results)}

${disagreementsSection(input.results)}

## Results

${sections.join('\n\n')}

${publishedSection(input.results)}

${cortexSection(input.results, figures)}

${meterChoiceSection(input.results)}

${multiappSection(input.results, figures)}

${calibrationSection(calibration, figures)}

${methodsSection()}`.replace(/\n{3,}/g, '\n\n');
}
