import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defineExperiment, type Row } from '../experiments/contract.ts';
import { writeResults } from '../experiments/runner/results-files.ts';
import { buildReport } from './build.ts';
import { FIGURE_SOURCES_FILE } from './figure-sources.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kbench-report-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const PROFILES = ['webit', 'worix', 'ukernel', 'idcx', 'ucos2'];

/** Writes rows as `results/<id>.json` the way the runner does. */
function write(dir: string, id: string, rows: Row[]): void {
  const columns = Object.keys(rows[0] ?? {});
  const experiment = defineExperiment<never, never>({ id, title: id, description: id, columns, settings: () => ({ seeds: [], targets: [], durationMs: null }), units: () => [], runUnit: (u) => u, reduce: () => [] });
  writeResults(dir, experiment, { experiment: id, rows });
}

describe('the report', () => {
  it('draws every paper figure from rows of the documented shapes, as SVG and PNG, and judges the claims from them', async () => {
    const resultsDir = join(scratch, 'results');
    const paperDir = join(scratch, 'paper');
    const targets = ['avr', 'm4'];
    write(resultsDir, 'fig1', targets.flatMap((target) => PROFILES.flatMap((profile) => [1, 2, 3, 4, 5, 6, 7, 8].map((tasks) => ({ target, profile, tasks, maxIrqOffUs: profile === 'ucos2' ? 10 : 10 + tasks, nesting: 'off', nestingBasis: 'cited', irqOffNestingOnUs: 8, irqOffNestingOffUs: profile === 'ucos2' ? 10 : 10 + tasks })))));
    write(resultsDir, 'fig2', targets.flatMap((target) => PROFILES.flatMap((profile) => [1, 8].map((tasks) => ({ target, profile, tasks, switchMeanUs: 20, switchMinUs: 19, switchMaxUs: 21 })))));
    write(resultsDir, 'table2', PROFILES.map((profile, i) => ({ target: 'avr', profile, codeBytes: 3000 + 100 * i, ramBytes: 500, paperKB: 3.5 })));
    // Per-set I/O rows: six seeds per point, the delays growing with payload and seed.
    const io = (series: readonly (readonly [string, string, string])[]): Row[] =>
      targets.flatMap((target) =>
        series.flatMap(([profile, framing, variant]) =>
          [0.1, 0.5, 0.8].flatMap((payload) =>
            [1, 2, 3, 4, 5, 6].map((seed) => ({
              target, profile, framing, variant, payload, seed,
              inputDelayMeanUs: 5 * payload + seed, inputDelayMaxUs: 10 * payload + seed, inputJitterUs: 1,
              resultDelayMeanUs: 10 * payload + seed, resultDelayMaxUs: 20 * payload + seed, resultJitterUs: 2,
              silentTasks: 0,
              thresholdsAssigned: variant === 'thresholds',
            })),
          ),
        ),
      );
    write(resultsDir, 'fig3', io([['webit', 'fixed-priority', 'plain'], ['webit', 'fixed-priority', 'thresholds'], ['idcx', 'fixed-priority', 'plain']]));
    write(resultsDir, 'fig4', io([['worix', 'dynamic-priority', 'plain'], ['worix', 'dynamic-priority', 'thresholds'], ['ukernel', 'dynamic-priority', 'plain'], ['ucos2', 'dynamic-priority', 'plain'], ['ucos2', 'fixed-priority', 'plain']]));
    write(resultsDir, 'bounds', targets.flatMap((target) => PROFILES.flatMap((profile) => ['paper', 'corrected'].map((variant) => ({ target, profile, variant, taskSets: 100, violations: variant === 'paper' ? 7 : 0 })))));
    // A null value (a benchmark the profile cannot run) draws no bar but must not break the chart.
    write(resultsDir, 'indicators', targets.flatMap((target) => PROFILES.map((profile) => ({ target, profile, indicator: 'rhealstone-task-switch', valueUs: profile === 'ucos2' ? null : 20, cycles: profile === 'ucos2' ? null : 160, note: 'n' }))));
    // table1 has no target column: the mechanisms hold on every CPU.
    write(resultsDir, 'table1', PROFILES.map((profile) => ({ profile, preemptive: 'yes' })));
    write(resultsDir, 'breakdown', targets.flatMap((target) => PROFILES.map((profile) => ({ target, profile, utilisation: 0.7 }))));

    await buildReport({ resultsDir, paperDir });

    for (const id of ['fig1-avr', 'fig1-m4', 'fig1-nesting-avr', 'fig1-nesting-m4', 'fig2-avr', 'table2-avr', 'fig3-avr', 'fig4-m4', 'bounds-avr', 'breakdown', 'indicators-avr']) {
      expect(readFileSync(join(paperDir, 'figures', `${id}.svg`), 'utf8')).toMatch(/^<svg/);
      // The PNG signature: \x89 P N G.
      expect([...readFileSync(join(paperDir, 'figures', `${id}.png`)).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    }
    const report = readFileSync(join(paperDir, 'REPORT.md'), 'utf8');
    expect(report).toMatch(/### Claim 1: [^\n]*\n\nPaper: section 4.1, Figure 1. \*\*Reproduced\.\*\*/);
    // Sizes webit 3000 < worix 3100 < ukernel 3200 < idcx 3300 < ucos2 3400 against the paper's
    // idcx < worix < ukernel < webit < ucos2: the pairs worix-ukernel and every pair with ucos2 agree, 5 of 10.
    expect(report).toMatch(/### Claim 8: [^\n]*\n\nPaper: [^\n]*\*\*Partly reproduced\.\*\* [^\n]*5 of 10 pairs agree/);
    expect(report).not.toContain('Not yet measured: `fig1`');
    // A target-free experiment is not missing on the M4; one whose rows are all avr (table2 here) is.
    expect(report).toMatch(/Not yet measured on the M4: [^\n]*`table2`/);
    expect(report).not.toMatch(/Not yet measured on the M4: [^\n]*`table1`/);
    expect(report).toMatch(/## Where kbench disagrees with the paper\n\n(- .*\n)*- \*\*Claim 8\*\* \(partly reproduced\)/);

    // The same results give the same bytes: a second build matches the first, figure for figure.
    const again = join(scratch, 'paper-again');
    await buildReport({ resultsDir, paperDir: again });
    for (const name of ['REPORT.md', 'index.html', 'figures/fig1-avr.svg', 'figures/fig1-avr.png', 'figures/fig4-m4.png']) {
      expect(readFileSync(join(again, name)).equals(readFileSync(join(paperDir, name)))).toBe(true);
    }

    // A third build into the first directory renders nothing again: every figure's SVG and PNG is
    // recorded as made from these results, and each file is left as it was (not even rewritten).
    const written = (name: string): number => statSync(join(paperDir, 'figures', name)).mtimeMs;
    const before = ['fig1-avr.svg', 'fig1-avr.png', 'fig4-m4.svg', 'fig4-m4.png'].map(written);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await buildReport({ resultsDir, paperDir });
    expect(['fig1-avr.svg', 'fig1-avr.png', 'fig4-m4.svg', 'fig4-m4.png'].map(written)).toEqual(before);
    const sources = JSON.parse(readFileSync(join(paperDir, 'figures', FIGURE_SOURCES_FILE), 'utf8')) as Record<'svg' | 'png', Record<string, unknown>>;
    const drawn = readdirSync(join(paperDir, 'figures')).filter((f) => f.endsWith('.svg')).map((f) => f.replace(/\.svg$/, '')).sort();
    expect(Object.keys(sources.svg)).toEqual(drawn);
    expect(Object.keys(sources.png)).toEqual(drawn);
  });

  it('opens from disk: index.html loads vega from vendor/ next to it and nothing from the network', async () => {
    const paperDir = join(scratch, 'paper-empty');
    await buildReport({ resultsDir: join(scratch, 'no-results'), paperDir });
    const html = readFileSync(join(paperDir, 'index.html'), 'utf8');
    const sources = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(sources).toEqual(['vendor/vega.min.js', 'vendor/vega-lite.min.js', 'vendor/vega-embed.min.js']);
    for (const src of sources) expect(existsSync(join(paperDir, src as string))).toBe(true);
    expect(readFileSync(join(paperDir, 'REPORT.md'), 'utf8')).toContain('**Not yet measured**: needs `fig1` results.');
  });
});
