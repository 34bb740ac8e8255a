import { comparisonRows, COMPARISON_COLUMNS, type Comparison } from './compare.ts';
import { comparisonChartSvg } from './html-chart.ts';

/*
 * `kbench compare --html`: the comparison as one self-contained page (inline style, no script, no
 * network), so that it opens from disk and can be mailed as one file.
 */

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

const cell = (value: string | number | boolean | null): string => escapeHtml(value === null ? '-' : String(value));

/** The ranked table, one row per profile and target, a rejected row with its reason. */
function rankedTable(comparison: Comparison): string {
  // Adaptations run to several sentences a row: they are listed under the table, row by row.
  const columns = COMPARISON_COLUMNS.filter((c) => c !== 'adaptations');
  const head = columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body = comparisonRows(comparison)
    .map((row) => `<tr class="${escapeHtml(String(row.verdict).replaceAll(' ', '-'))}">${columns.map((c) => `<td>${cell(row[c] ?? null)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** Per row: what was adapted, why it was rejected, and per task the bound against the simulated worst. */
function rowDetails(comparison: Comparison): string {
  return comparison.rows
    .map((r) => {
      const title = `${r.rank}. ${r.displayName} (${r.design}) on ${r.target}`;
      const adapted = r.adaptations.length === 0 ? '' : `<p>Adapted:</p><ul>${r.adaptations.map((a) => `<li>${escapeHtml(a)}</li>`).join('')}</ul>`;
      if (!r.hosted) return `<details><summary>${escapeHtml(title)}: rejected</summary>${adapted}<p>Reason: ${escapeHtml(r.reason)}</p></details>`;
      const tasks = r.tasks
        .map((t) => `<tr><td>${escapeHtml(t.task)}</td><td>${cell(t.deadlineUs)}</td><td>${t.wcrtUs === null ? 'unbounded' : cell(t.wcrtUs)}</td><td>${cell(t.simulatedWorstUs)}</td><td>${cell(t.deadlineMisses)}</td></tr>`)
        .join('');
      const unanalysable = r.analysis.unanalysable === null ? '' : `<p>Not analysable: ${escapeHtml(r.analysis.unanalysable)}</p>`;
      return `<details><summary>${escapeHtml(title)}</summary>${adapted}${unanalysable}<table><thead><tr><th>task</th><th>deadline us</th><th>analysed WCRT us</th><th>simulated worst us</th><th>misses</th></tr></thead><tbody>${tasks}</tbody></table></details>`;
    })
    .join('\n');
}

/** The hosted rows' slack and breakdown factor as bars, with a line saying what the colours mean; nothing when no row is hosted. */
function chartSection(comparison: Comparison): string {
  const svg = comparisonChartSvg(comparison);
  if (svg === '') return '';
  return `<figure>\n${svg}\n<figcaption>Per row that hosts the workload, in rank order: the analysed minimum slack and the breakdown factor; green rows meet every deadline, red ones do not.</figcaption>\n</figure>`;
}

/** The comparison as a standalone HTML page. */
export function comparisonHtml(comparison: Comparison, kbenchVersion: string): string {
  const title = `kbench compare: ${comparison.workload}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: 'DejaVu Sans', sans-serif; max-width: 1200px; margin: 2em auto; padding: 0 1em; line-height: 1.4; }
table { border-collapse: collapse; margin: 0.5em 0; font-size: 0.9em; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: right; }
td:last-child { text-align: left; }
th { background: #f0f0f0; }
tr.rejected td { color: #888; }
tr.schedulable td:nth-child(5) { color: #060; font-weight: bold; }
details { margin: 0.4em 0; }
.recommendation { font-size: 1.1em; border-left: 4px solid #060; padding-left: 0.6em; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="recommendation">${escapeHtml(comparison.recommendation)}</p>
<p>Targets ${escapeHtml(comparison.targets.join(', '))}; ${comparison.durationMs} ms simulated per row, seed ${comparison.seed}; ${comparison.adapt ? 'adapted where a profile needed it (each change listed)' : 'not adapted (--adapt folds priorities, swaps mutex protocols and maps services)'}; breakdown factor to ${comparison.breakdownPrecision * 100}%.</p>
<p>Ranked by: ${escapeHtml(comparison.rankingRule)}.</p>
${chartSection(comparison)}
${rankedTable(comparison)}
<h2>Rows in detail</h2>
${rowDetails(comparison)}
<p><small>Written by kbench ${escapeHtml(kbenchVersion)}.</small></p>
</body>
</html>
`;
}
