import { describe, expect, it } from 'vitest';
import { m4 } from '../hardware/targets/index.ts';
import { getProfile } from '../kernels/registry.ts';
import { loadWorkload } from '../workloads/load.ts';
import { compare } from './compare.ts';
import { comparisonHtml } from './html.ts';

/*
 * The --html page with its chart: still one self-contained file (nothing fetched, nothing run), and
 * the chart's bars are the rows' own slack and breakdown factor, to scale.
 */

const comparison = compare({
  workload: loadWorkload('m4-management-module'),
  targets: [m4],
  profiles: ['ucos2', 'edf', 'idcx'].map((id) => getProfile(id)),
  durationMs: 100,
  adapt: true,
});
const page = comparisonHtml(comparison, 'test');
const svg = /<svg[\s\S]*?<\/svg>/.exec(page)?.[0] ?? '';

/** Every bar of the chart: its width and the title naming its row and value. */
const bars = [...svg.matchAll(/<rect [^>]*width="([\d.]+)"[^>]*><title>([^<]*)<\/title><\/rect>/g)].map((m) => ({ width: Number(m[1]), title: m[2] ?? '' }));

describe('the compare --html page', () => {
  it('loads nothing from elsewhere and runs nothing: no script, link, src, href, url() or @import, the chart inline', () => {
    expect(page).not.toMatch(/<script|<link|<iframe|<object|<embed|<img|src=|href=|url\(|@import/i);
    expect(svg).toMatch(/^<svg /);
    expect(page).not.toMatch(/<\/svg>[\s\S]*<svg/);
  });

  it('draws a slack bar and a breakdown-factor bar for each hosted row, none for a rejected one', () => {
    const hosted = comparison.rows.filter((r) => r.hosted);
    const rejected = comparison.rows.filter((r) => !r.hosted);
    expect(hosted.length).toBe(2);
    expect(rejected.map((r) => r.profile)).toEqual(['idcx']);
    for (const r of hosted) {
      if (!r.hosted) continue;
      const label = `${r.rank}. ${r.profile} on ${r.target}`;
      expect(bars.filter((b) => b.title.startsWith(`${label}: `)).map((b) => b.title)).toEqual([`${label}: ${r.analysis.minSlackPercent}`, `${label}: ${r.breakdownFactor}`]);
    }
    expect(svg).not.toContain('idcx');
  });

  it('draws each bar to scale: the bars of two rows are in the ratio of their values', () => {
    const [a, b] = comparison.rows;
    if (a?.hosted !== true || b?.hosted !== true || a.breakdownFactor === null || b.breakdownFactor === null || a.analysis.minSlackPercent === null || b.analysis.minSlackPercent === null) throw new Error('expected two analysed rows first');
    const width = (title: string): number => bars.find((bar) => bar.title === title)?.width ?? Number.NaN;
    const [labelA, labelB] = [`${a.rank}. ${a.profile} on ${a.target}`, `${b.rank}. ${b.profile} on ${b.target}`];
    expect(width(`${labelA}: ${a.analysis.minSlackPercent}`) / width(`${labelB}: ${b.analysis.minSlackPercent}`)).toBeCloseTo(a.analysis.minSlackPercent / b.analysis.minSlackPercent, 2);
    expect(width(`${labelA}: ${a.breakdownFactor}`) / width(`${labelB}: ${b.breakdownFactor}`)).toBeCloseTo(a.breakdownFactor / b.breakdownFactor, 2);
  });
});
