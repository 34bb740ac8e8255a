import { PAPER } from '../experiments/published.ts';
import type { Claim, ResultsSet } from './claims.ts';
import type { Figure } from './figures.ts';

/** The vendored browser builds index.html loads, in load order (next to it under vendor/). */
export const VENDORED = [
  { pkg: 'vega', file: 'build/vega.min.js' },
  { pkg: 'vega-lite', file: 'build/vega-lite.min.js' },
  { pkg: 'vega-embed', file: 'build/vega-embed.min.js' },
] as const;

function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** JSON safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replaceAll('<', '\\u003c');
}

/** `paper/index.html`: the report's figures, interactive (vega-embed), opening from disk with no network. */
export function indexHtml(figures: readonly Figure[], claims: readonly Claim[], results: ResultsSet): string {
  const verdicts = claims
    .map((c) => {
      const v = c.judge(results);
      const status = v === undefined ? 'not yet measured' : v.status;
      return `<li><b>Claim ${c.n}</b> (${escapeHtml(c.source)}): ${escapeHtml(c.text)} <i>${escapeHtml(status)}</i>${v === undefined ? '' : `: ${escapeHtml(v.text)}`}</li>`;
    })
    .join('\n');
  const sections = figures
    .map((f, i) => `<section><h3>${escapeHtml(f.title)}</h3><div id="fig${i}"></div><p>${escapeHtml(f.caption)}</p></section>`)
    .join('\n');
  const scripts = VENDORED.map((v) => `<script src="vendor/${v.file.split('/').pop()}"></script>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>kbench: the five-OS comparison, reproduced</title>
<style>
body { font-family: 'DejaVu Sans', sans-serif; max-width: 1000px; margin: 2em auto; padding: 0 1em; line-height: 1.4; }
section { margin: 2em 0; }
li { margin: 0.4em 0; }
</style>
${scripts}
</head>
<body>
<h1>kbench: the five-OS comparison, reproduced</h1>
<p>Interactive figures of <code>REPORT.md</code>, generated from <code>results/</code>. Reproducing ${escapeHtml(PAPER.citation)}.</p>
<h2>Claims</h2>
<ol>
${verdicts}
</ol>
<h2>Figures</h2>
${sections}
<script>
const specs = ${scriptJson(figures.map((f) => f.spec))};
specs.forEach((spec, i) => vegaEmbed('#fig' + i, spec, { renderer: 'svg', actions: { export: true, source: false, compiled: false, editor: false } }));
</script>
</body>
</html>
`;
}
