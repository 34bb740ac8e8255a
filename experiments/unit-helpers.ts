import { mean, sampleStandardDeviation } from 'simple-statistics';

/*
 * Small helpers that keep each experiment file short: units as the cross product of a few axes,
 * rows grouped in a fixed order, and the mean with its 95% interval over seeded runs.
 */

type Axes = Readonly<Record<string, readonly unknown[]>>;

/** Every combination of the axes, the first axis outermost: `grid({ a: [1, 2], b: ['x'] })` is `[{a: 1, b: 'x'}, {a: 2, b: 'x'}]`. */
export function grid<A extends Axes>(axes: A): { [K in keyof A]: A[K][number] }[] {
  let combos: Record<string, unknown>[] = [{}];
  for (const [name, values] of Object.entries(axes)) combos = combos.flatMap((c) => values.map((v) => ({ ...c, [name]: v })));
  return combos as { [K in keyof A]: A[K][number] }[];
}

/** Groups items by key, groups in the order their keys first appear (so rows keep the units' order). */
export function groupInOrder<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [item]);
    else group.push(item);
  }
  return [...groups.values()];
}

/** The standard normal 0.975 quantile (simple-statistics' `probit` is only good to 3 digits here). */
const Z975 = 1.959963984540054;

/**
 * The 0.975 quantile of Student's t for 1-4 degrees of freedom, where the expansion below is too
 * coarse: the published table (NIST/SEMATECH e-Handbook of Statistical Methods, section 1.3.6.7.2,
 * "Critical values of the Student's t distribution", column 0.975; the same in Abramowitz and
 * Stegun, Table 26.10).
 */
const T975_SMALL_DF: readonly number[] = [12.706, 4.303, 3.182, 2.776];

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom (a whole number >= 1): the table
 * above for df <= 4, else the Cornish-Fisher expansion around the normal quantile (Abramowitz and
 * Stegun 26.7.5), within 0.001 of the tables for df >= 5.
 */
export function t975(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`t975: needs a whole number of degrees of freedom >= 1, got ${df}`);
  const tabled = T975_SMALL_DF[df - 1];
  if (tabled !== undefined) return tabled;
  const z = Z975;
  const g1 = (z ** 3 + z) / 4;
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
  const g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384;
  const g4 = (79 * z ** 9 + 776 * z ** 7 + 1482 * z ** 5 - 1920 * z ** 3 - 945 * z) / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

/** Mean of the values and the half-width of its 95% confidence interval (Student's t; at least 6 values). */
export function meanCi95(values: readonly number[]): { mean: number; ci95: number } {
  if (values.length < 6) throw new RangeError(`meanCi95: needs at least 6 values, got ${values.length}`);
  const m = mean([...values]);
  return { mean: m, ci95: (t975(values.length - 1) * sampleStandardDeviation([...values])) / Math.sqrt(values.length) };
}
