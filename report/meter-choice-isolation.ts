import type { Cell, Row } from '../experiments/contract.ts';

/*
 * What isolating the meter's user APPs costs a kernel that hosts both designs: the meter-choice rows
 * of the single image and of the multi-APP meter paired by profile and target, each measure side
 * by side, and the prose that sums up the differences per target, all read from the rows.
 */

/** One kernel on one target that hosts both the single image and the isolated APPs. */
export interface IsolationPair {
  readonly target: string;
  readonly profile: string;
  readonly single: Row;
  readonly isolated: Row;
}

/** A measure compared across the two designs: its column, how the prose names it, its unit and rounding. */
interface Measure {
  readonly column: string;
  readonly name: string;
  readonly unit: string;
  readonly decimals: number;
}

/** The measures the cost of isolation is read in, in the order the table and the prose give them. */
const MEASURES: readonly Measure[] = [
  { column: 'minSlackPercent', name: 'minimum slack', unit: ' points', decimals: 1 },
  { column: 'breakdownFactor', name: 'breakdown factor', unit: '', decimals: 3 },
  { column: 'maxIrqOffUs', name: 'max interrupt-off', unit: ' us', decimals: 2 },
  { column: 'appWorstResponseUs', name: "the APP tasks' worst response", unit: ' us', decimals: 2 },
  { column: 'codeBytes', name: 'code', unit: ' B', decimals: 0 },
  { column: 'ramBytes', name: 'RAM', unit: ' B', decimals: 0 },
];

const hosted = (row: Row): boolean => row.verdict !== 'rejected';

/** The pairs grouped by target (in the single image's order of targets), each group in the isolated design's rank order, best first. */
export function isolationPairs(single: readonly Row[], isolated: readonly Row[]): IsolationPair[] {
  const pairs = isolated.filter(hosted).flatMap((iso) => {
    const one = single.find((s) => s.profile === iso.profile && s.target === iso.target && hosted(s));
    return one === undefined ? [] : [{ target: String(iso.target), profile: String(iso.profile), single: one, isolated: iso }];
  });
  const targets = [...new Set(single.map((r) => String(r.target)))];
  return targets.flatMap((target) => pairs.filter((p) => p.target === target));
}

const text = (cell: Cell | undefined): string => (cell === null || cell === undefined ? '-' : String(cell));

/** The pairs as table rows: each measure as "single -> isolated". */
export function isolationTableRows(pairs: readonly IsolationPair[]): Row[] {
  return pairs.map((p) => ({ target: p.target, profile: p.profile, ...Object.fromEntries(MEASURES.map((m) => [m.column, `${text(p.single[m.column])} -> ${text(p.isolated[m.column])}`])) }));
}

/** The table's columns. */
export const ISOLATION_COLUMNS: readonly string[] = ['target', 'profile', ...MEASURES.map((m) => m.column)];

const signed = (x: number): string => (x > 0 ? `+${x}` : String(x));

/** How isolation moves a measure over the pairs where both sides measured it: "unchanged", "+a to +b unit", or undefined when none did. */
function change(pairs: readonly IsolationPair[], m: Measure): string | undefined {
  const deltas = pairs.flatMap((p) => {
    const [a, b] = [p.single[m.column], p.isolated[m.column]];
    return typeof a === 'number' && typeof b === 'number' ? [Number((b - a).toFixed(m.decimals))] : [];
  });
  if (deltas.length === 0) return undefined;
  const [low, high] = [Math.min(...deltas), Math.max(...deltas)];
  if (low === 0 && high === 0) return 'unchanged';
  return `${low === high ? signed(low) : `${signed(low)} to ${signed(high)}`}${m.unit}`;
}

/** "a, b and c". */
const series = (items: readonly string[]): string => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/** What isolation leaves unchanged and what it moves, over one target's pairs, as a clause. */
function changes(pairs: readonly IsolationPair[]): string {
  const measured = MEASURES.flatMap((m) => {
    const c = change(pairs, m);
    return c === undefined ? [] : [{ m, c }];
  });
  const same = measured.filter((x) => x.c === 'unchanged').map((x) => x.m.name);
  const moved = measured.filter((x) => x.c !== 'unchanged').map((x) => `${x.m.name} by ${x.c}`);
  const leaves = same.length > 0 ? `leaves ${series(same)} unchanged` : '';
  const moves = moved.length > 0 ? `changes ${series(moved)}` : '';
  return series([leaves, moves].filter((x) => x.length > 0));
}

/** One paragraph per target: how many kernels host both, what isolation changes for them, and which host only the single image. */
export function isolationProse(single: readonly Row[], isolated: readonly Row[]): string {
  const pairs = isolationPairs(single, isolated);
  const targets = [...new Set(single.map((r) => String(r.target)))];
  return targets
    .map((target) => {
      const here = pairs.filter((p) => p.target === target);
      const onlySingle = single.filter((s) => s.target === target && hosted(s) && !here.some((p) => p.profile === s.profile)).map((s) => String(s.profile));
      const lost = onlySingle.length === 0 ? '' : ` ${onlySingle.join(', ')} ${onlySingle.length === 1 ? 'hosts' : 'host'} the single image but not the isolated APPs (reasons below).`;
      if (here.length === 0) return `On ${target}, no kernel hosts both designs.${lost}`;
      const kernels = here.length === 1 ? `one kernel (${here[0]?.profile}) hosts` : `${here.length} kernels (${series(here.map((p) => p.profile))}) host`;
      return `On ${target}, ${kernels} both designs; for ${here.length === 1 ? 'it' : 'them'} isolating the APPs ${changes(here)} (isolated minus single image).${lost}`;
    })
    .join('\n\n');
}
