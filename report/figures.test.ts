import { describe, expect, it } from 'vitest';
import type { Row } from '../experiments/contract.ts';
import type { ResultsSet } from './claims.ts';
import { figuresFor, type Figure } from './figures.ts';
import { PAPER_TARGET } from './paper-band.ts';

const PROFILES = ['webit', 'worix', 'ukernel', 'idcx', 'ucos2'];
const TARGETS = ['avr', 'm4'];
const TASKS = [1, 2, 3, 4, 5, 6, 7, 8];

/** Per-set I/O rows for `series`: six seeds per payload, delays growing with payload and seed. */
function ioRows(series: readonly (readonly [string, string, string])[]): Row[] {
  return TARGETS.flatMap((target) =>
    series.flatMap(([profile, framing, variant]) =>
      [0.1, 0.5, 0.8].flatMap((payload) =>
        [1, 2, 3, 4, 5, 6].map((seed) => ({
          target, profile, framing, variant, payload, seed,
          inputDelayMeanUs: 5000 * payload + seed, inputDelayMaxUs: 9000 * payload, inputJitterUs: 3000 * payload,
          resultDelayMeanUs: 8000 * payload + seed, resultDelayMaxUs: 12000 * payload, resultJitterUs: 4000 * payload,
          silentTasks: 0, thresholdsAssigned: variant === 'thresholds',
        })),
      ),
    ),
  );
}

const RESULTS: ResultsSet = new Map<string, Row[]>([
  // uKernel's interrupt-disable time equals WORIX's at every count; the rest apart.
  ['fig1', TARGETS.flatMap((target) => PROFILES.flatMap((profile, i) => TASKS.map((tasks) => ({ target, profile, tasks, maxIrqOffUs: profile === 'ukernel' ? 40 + 10 * tasks : 40 + (10 + 3 * i) * tasks }))))],
  ['fig2', TARGETS.flatMap((target) => PROFILES.flatMap((profile, i) => TASKS.map((tasks) => ({ target, profile, tasks, switchMeanUs: 20 + 3 * i, switchMinUs: 19 + 3 * i, switchMaxUs: 21 + 3 * i }))))],
  ['fig3', ioRows([['webit', 'fixed-priority', 'plain'], ['webit', 'fixed-priority', 'thresholds'], ['idcx', 'fixed-priority', 'plain']])],
  ['fig4', ioRows([['worix', 'dynamic-priority', 'plain'], ['ukernel', 'dynamic-priority', 'plain'], ['ucos2', 'fixed-priority', 'plain']])],
  ['bounds', TARGETS.flatMap((target) => PROFILES.flatMap((profile, i) => ['paper', 'corrected'].map((variant) => ({ target, profile, variant, taskSets: 40 + i, violations: variant === 'paper' ? i : 0 }))))],
]);

const FIGURES = figuresFor(RESULTS, ['fig1', 'fig2', 'fig3', 'fig4', 'bounds']);

function byId(id: string): Figure {
  const f = FIGURES.find((x) => x.id === id);
  if (f === undefined) throw new Error(`no figure ${id}`);
  return f;
}

/** Every object inside `value` (a spec) that `keep` accepts, depth first. */
function objectsIn(value: unknown, keep: (o: Record<string, unknown>) => boolean): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap((v) => objectsIn(v, keep));
  if (typeof value !== 'object' || value === null) return [];
  const o = value as Record<string, unknown>;
  return [...(keep(o) ? [o] : []), ...Object.values(o).flatMap((v) => objectsIn(v, keep))];
}

/** The legend labels of the paper's bands in a spec. */
function bandLabels(f: Figure): string[] {
  return objectsIn(f.spec, (o) => o.mark !== undefined && (o.mark as { type?: string }).type === 'rect').map((o) => String(((o.encoding as Record<string, { datum?: unknown }>).fill)?.datum));
}

describe("the paper's figures", () => {
  it(`draw the paper's plotted range as a band on each of Figs. 1-4 on ${PAPER_TARGET}, the board it measured, and on no other target`, () => {
    expect(bandLabels(byId('fig1-avr'))).toEqual(["paper's axis, 10-60 us"]);
    expect(bandLabels(byId('fig2-avr'))).toEqual(["paper's axis, 15-45 us"]);
    // Four panels each: a delay and a jitter band per row.
    expect(bandLabels(byId('fig3-avr'))).toHaveLength(4);
    expect(bandLabels(byId('fig4-avr'))).toHaveLength(4);
    for (const f of ['fig3-avr', 'fig4-avr']) for (const label of bandLabels(byId(f))) expect(label).toMatch(/^paper's (delay|jitter) axis/);
    for (const id of ['fig1-m4', 'fig2-m4', 'fig3-m4', 'fig4-m4']) expect(bandLabels(byId(id))).toEqual([]);
  });

  it('name lines that coincide in the subtitle and caption, from the data', () => {
    const fig1 = byId('fig1-avr');
    // Webit is 40 + 10n, uKernel 40 + 10n: the same line at every count (Webit drawn first).
    expect((fig1.spec.title as { subtitle: string[] }).subtitle).toEqual(['Webit 5.0 coincides with uKernel at every task count']);
    expect(fig1.caption).toContain('Webit 5.0 coincides with uKernel at every task count.');
    // fig2's profiles are 3 us apart on a 0-33 us axis: no subtitle.
    expect(typeof byId('fig2-avr').spec.title).toBe('string');
  });

  it('give every range bar and band a legend entry', () => {
    const opacityLegends = objectsIn(byId('fig2-avr').spec, (o) => o.mark !== undefined && (o.mark as { type?: string }).type === 'errorbar').map((o) => (o.encoding as Record<string, { datum?: unknown }>).opacity?.datum);
    expect(opacityLegends).toEqual(['min to max over the run']);
    const ioBars = objectsIn(byId('fig3-m4').spec, (o) => o.mark !== undefined && (o.mark as { type?: string }).type === 'errorbar');
    expect(ioBars.length).toBe(2);
    for (const bar of ioBars) expect((bar.encoding as Record<string, { datum?: unknown }>).opacity?.datum).toBe('95% interval of the mean');
  });

  it("draw the bounds chart as shares of each profile's task sets, which sum to 1 per profile and bound", () => {
    const values = (byId('bounds-avr').spec.data as { values: { profile: string; bound: string; share: number }[] }).values;
    expect(values.length).toBe(PROFILES.length * 2 * 2);
    for (const v of values) expect(v.share).toBeGreaterThanOrEqual(0);
    for (const v of values) expect(v.share).toBeLessThanOrEqual(1);
    const sums = new Map<string, number>();
    for (const v of values) sums.set(`${v.profile}/${v.bound}`, (sums.get(`${v.profile}/${v.bound}`) ?? 0) + v.share);
    expect([...sums.values()].every((s) => Math.abs(s - 1) < 1e-12)).toBe(true);
    // idcx (i = 3) exceeds the paper's bound in 3 of its 43 sets.
    expect(values.find((v) => v.profile === 'idcx' && v.bound.startsWith("the paper's") && (v as { outcome?: string }).outcome === 'bound exceeded')?.share).toBeCloseTo(3 / 43, 12);
  });
});
