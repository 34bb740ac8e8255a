import type { Framing, IoRow } from '../experiments/paper-rows.ts';
import type { IoVariant } from '../experiments/io-input.ts';
import { WEBIT_SLOWER_PAST_PAYLOAD } from '../experiments/published.ts';
import { above, MIN_PAIRS, PAIRED_CONFIDENCE, pairedInterval, seedDifferences, type PairedInterval } from './paired.ts';
import { profileName } from './profiles.ts';
import { pct } from './prose.ts';

/*
 * Claims 9 and 10 (the paper's Figs. 3-4), judged pair by pair: every series of an I/O figure ran
 * the same task sets (same target, payload and seed), so each comparison the paper makes is the
 * mean of the per-set differences with its 95% t-interval, and it holds only when that interval
 * excludes 0 on the claimed side.
 */

/**
 * The delay the claims judge: release to result, the paper's own quantity (section 5: "I/O delay =
 * response time", bounded by its equations (1)-(16)); input-to-output is drawn beside it in the figures.
 */
export const CLAIM_DELAY = { mean: 'resultDelayMeanUs', jitter: 'resultJitterUs', name: 'release-to-result' } as const;

/** The variant the paper's jitter claims are about: its jitter control, per-task run-to-completion thresholds. */
export const JITTER_CONTROL_VARIANT: IoVariant = 'thresholds';

/** Past this payload the paper has Webit's mean delay above iDCX's. */
export const CROSSOVER = WEBIT_SLOWER_PAST_PAYLOAD.value;

/** One line of a figure. */
interface Series {
  readonly profile: string;
  readonly framing: Framing;
  readonly variant: IoVariant;
}

type Key = (typeof CLAIM_DELAY)['mean'] | (typeof CLAIM_DELAY)['jitter'];

function ofSeries(rows: readonly IoRow[], s: Series): IoRow[] {
  return rows.filter((r) => r.profile === s.profile && r.framing === s.framing && r.variant === s.variant);
}

/** A set whose every task drove a result: its delays cover the whole set, so two series compare like for like. */
function complete(r: IoRow): boolean {
  return r.silentTasks === 0;
}

/** value by seed of one series at one payload, over its complete sets among the given seeds (all when undefined). */
function bySeed(rows: readonly IoRow[], payload: number, key: Key, seeds?: ReadonlySet<number>): Map<number, number> {
  return new Map(rows.filter((r) => r.payload === payload && complete(r) && (seeds === undefined || seeds.has(r.seed))).map((r) => [r.seed, r[key]]));
}

/** Seeds at `payload` whose threshold run found the set schedulable (assigned thresholds). */
function schedulableSeeds(rows: readonly IoRow[], payload: number): Set<number> {
  return new Set(rows.filter((r) => r.payload === payload && r.thresholdsAssigned).map((r) => r.seed));
}

/** The interval of paired differences, or undefined with fewer than MIN_PAIRS pairs. */
function interval(diffs: readonly number[]): PairedInterval | undefined {
  return diffs.length < MIN_PAIRS ? undefined : pairedInterval(diffs);
}

function holds(i: PairedInterval | undefined): boolean {
  return i !== undefined && above(i);
}

function usText(v: number): string {
  return `${Number(v.toFixed(2))} us`;
}

/** "+12.5 us [3.1, 21.9] over 97 sets", or a note that there were too few pairs. */
export function intervalText(i: PairedInterval | undefined): string {
  if (i === undefined) return `fewer than ${MIN_PAIRS} paired sets`;
  const sign = i.meanDiff >= 0 ? '+' : '';
  return `${sign}${usText(i.meanDiff)} [${Number(i.lo.toFixed(2))}, ${Number(i.hi.toFixed(2))}] over ${i.pairs} sets`;
}

/** The verdict counts of a paired claim: parts held of parts, with the text. */
export interface PairedVerdict {
  readonly held: number;
  readonly of: number;
  readonly text: string;
}

const INTERVALS = `${pct(PAIRED_CONFIDENCE)} t-intervals of the paired difference; a comparison holds only when its interval excludes 0`;

/**
 * Claim 9 from fig3's AVR rows: Webit with the paper's thresholds against iDCX, on the sets the
 * analysis finds schedulable for the jitter parts; undefined while either series or two payloads are missing.
 */
export function judgeClaim9(rows: readonly IoRow[]): PairedVerdict | undefined {
  const idcx = ofSeries(rows, { profile: 'idcx', framing: 'fixed-priority', variant: 'plain' });
  const webit = ofSeries(rows, { profile: 'webit', framing: 'fixed-priority', variant: JITTER_CONTROL_VARIANT });
  const payloads = [...new Set(webit.map((r) => r.payload))].filter((x) => idcx.some((r) => r.payload === x)).sort((a, b) => a - b);
  if (payloads.length < 2) return undefined;
  const lo = payloads[0] as number;
  const hi = payloads[payloads.length - 1] as number;
  const advantage = (x: number, seeds: ReadonlySet<number>): Map<number, number> => {
    const diffs = new Map<number, number>();
    const w = bySeed(webit, x, CLAIM_DELAY.jitter, seeds);
    for (const [seed, v] of bySeed(idcx, x, CLAIM_DELAY.jitter, seeds)) if (w.has(seed)) diffs.set(seed, v - (w.get(seed) as number));
    return diffs;
  };
  const jitterGap = payloads.map((x) => ({ x, i: interval([...advantage(x, schedulableSeeds(webit, x)).values()]) }));
  const lowerAt = jitterGap.filter(({ i }) => holds(i)).map(({ x }) => x);
  const both = new Set([...schedulableSeeds(webit, lo)].filter((s) => schedulableSeeds(webit, hi).has(s)));
  const shrink = interval(seedDifferences(advantage(lo, both), advantage(hi, both)));
  const past = payloads.filter((x) => x > CROSSOVER);
  const slower = past.map((x) => ({ x, i: interval(seedDifferences(bySeed(webit, x, CLAIM_DELAY.mean), bySeed(idcx, x, CLAIM_DELAY.mean))) }));
  const parts = [lowerAt.length === payloads.length, holds(shrink), past.length > 0 && slower.every(({ i }) => holds(i))];
  const list = (xs: readonly { x: number; i: PairedInterval | undefined }[]): string => xs.map(({ x, i }) => `${x}: ${intervalText(i)}`).join('; ');
  return {
    held: parts.filter(Boolean).length,
    of: parts.length,
    text:
      `Judged on ${CLAIM_DELAY.name} delays, ${profileName('webit')} with the paper's thresholds against ${profileName('idcx')}, set by set (${INTERVALS}). ` +
      `iDCX minus Webit jitter, over the sets schedulable fully preemptive (and, as for every comparison here, run without a starved task): above 0 at ${lowerAt.length} of ${payloads.length} payloads (${list(jitterGap)}). ` +
      `That advantage at payload ${lo} minus at ${hi}: ${intervalText(shrink)}, so ${holds(shrink) ? 'it shrinks' : 'no shrinking is shown'}. ` +
      `Webit minus iDCX mean delay past payload ${CROSSOVER}: ${list(slower)}; ${parts[2] ? 'above 0 at every point, as the paper says' : 'not above 0 at every point'}.`,
  };
}

/** Claim 10's three kernels in the paper's EDF framing, WORIX with its jitter control. */
const DYNAMIC = {
  worix: { profile: 'worix', framing: 'dynamic-priority', variant: JITTER_CONTROL_VARIANT },
  ukernel: { profile: 'ukernel', framing: 'dynamic-priority', variant: 'plain' },
  ucos2: { profile: 'ucos2', framing: 'dynamic-priority', variant: 'plain' },
} as const satisfies Record<string, Series>;

/**
 * Claim 10 from fig4's AVR rows: per set (seed), each kernel's delay and jitter averaged over the
 * payload points, compared pairwise; `factor` is the claim's "much" (A_LITTLE); undefined while a series is missing.
 */
export function judgeClaim10(rows: readonly IoRow[], factor: number): PairedVerdict | undefined {
  const series = { w: ofSeries(rows, DYNAMIC.worix), k: ofSeries(rows, DYNAMIC.ukernel), u: ofSeries(rows, DYNAMIC.ucos2) };
  if (Object.values(series).some((s) => s.length === 0)) return undefined;
  const payloads = [...new Set(series.w.map((r) => r.payload))];
  // A set is compared when every kernel ran it whole at every payload and WORIX's thresholds were assigned at each.
  const seeds = [...new Set(series.w.map((r) => r.seed))].filter((seed) =>
    payloads.every((x) => series.w.some((r) => r.seed === seed && r.payload === x && r.thresholdsAssigned && complete(r)) && [series.k, series.u].every((s) => s.some((r) => r.seed === seed && r.payload === x && complete(r)))),
  );
  const avg = (s: readonly IoRow[], key: Key): Map<number, number> =>
    new Map(seeds.map((seed) => [seed, payloads.reduce((sum, x) => sum + (s.find((r) => r.seed === seed && r.payload === x)?.[key] ?? 0), 0) / payloads.length]));
  const j = { w: avg(series.w, CLAIM_DELAY.jitter), k: avg(series.k, CLAIM_DELAY.jitter), u: avg(series.u, CLAIM_DELAY.jitter) };
  const d = { w: avg(series.w, CLAIM_DELAY.mean), k: avg(series.k, CLAIM_DELAY.mean), u: avg(series.u, CLAIM_DELAY.mean) };
  const scaled = (m: ReadonlyMap<number, number>, f: number): Map<number, number> => new Map([...m].map(([s, v]) => [s, f * v]));
  const diff = (a: ReadonlyMap<number, number>, b: ReadonlyMap<number, number>): PairedInterval | undefined => interval(seedDifferences(a, b));
  const [W, K, U] = ['worix', 'ukernel', 'ucos2'].map(profileName) as [string, string, string];
  const named = (label: string, i: PairedInterval | undefined): { label: string; i: PairedInterval | undefined } => ({ label, i });
  const middleUp = [named(`${K} - ${W} jitter`, diff(j.k, j.w)), named(`${U} - ${K} jitter`, diff(j.u, j.k))];
  const middleDown = [named(`${W} - ${K} jitter`, diff(j.w, j.k)), named(`${K} - ${U} jitter`, diff(j.k, j.u))];
  const middleHolds = middleUp.every(({ i }) => holds(i)) || middleDown.every(({ i }) => holds(i));
  const parts: { name: string; comparisons: { label: string; i: PairedInterval | undefined }[]; held?: boolean }[] = [
    { name: `${W} least jitter`, comparisons: [named(`${K} - ${W} jitter`, diff(j.k, j.w)), named(`${U} - ${W} jitter`, diff(j.u, j.w))] },
    { name: `${W}'s delay at most ${factor}x the others'`, comparisons: [named(`${factor} x ${K} - ${W} delay`, diff(scaled(d.k, factor), d.w)), named(`${factor} x ${U} - ${W} delay`, diff(scaled(d.u, factor), d.w))] },
    { name: `${K}'s jitter in the middle`, comparisons: middleUp, held: middleHolds },
    { name: `${K}'s delay over ${factor}x both others' (much longer)`, comparisons: [named(`${K} - ${factor} x ${W} delay`, diff(d.k, scaled(d.w, factor))), named(`${K} - ${factor} x ${U} delay`, diff(d.k, scaled(d.u, factor)))] },
    { name: `${U} least delay`, comparisons: [named(`${W} - ${U} delay`, diff(d.w, d.u)), named(`${K} - ${U} delay`, diff(d.k, d.u))] },
    { name: `${U} most jitter`, comparisons: [named(`${U} - ${W} jitter`, diff(j.u, j.w)), named(`${U} - ${K} jitter`, diff(j.u, j.k))] },
  ];
  const verdicts = parts.map((p) => ({ ...p, ok: p.held ?? p.comparisons.every(({ i }) => holds(i)) }));
  const held = verdicts.filter((p) => p.ok);
  const close = diff(d.w, d.u);
  return {
    held: held.length,
    of: parts.length,
    text:
      `Judged on ${CLAIM_DELAY.name} delays and jitter, each averaged over the payload points per set, ${W} with the paper's thresholds, over ${seeds.length} sets (${INTERVALS}). ` +
      verdicts.map((p) => `${p.name}: ${p.ok ? 'holds' : 'not shown'} (${p.comparisons.map(({ label, i }) => `${label} ${intervalText(i)}`).join('; ')})`).join('. ') +
      `. ${held.length} of ${parts.length} parts hold. ${W} minus ${U} mean delay: ${intervalText(close)}, ${close === undefined || (close.lo <= 0 && close.hi >= 0) ? 'an interval that includes 0' : 'an interval that excludes 0'}.`,
  };
}
