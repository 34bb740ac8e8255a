import { profileColors } from './profiles.ts';

/*
 * Each profile's line dash and point shape, besides its colour, so that two profiles whose lines
 * coincide both stay visible (a dashed line over a solid one shows both colours; an open square
 * around an open circle shows both points) and the charts still read in grey. Given by registry
 * position, like the colours, so a profile keeps its marks in every chart.
 */

/** Vega shapes in the order profiles take them; all drawn open, so overlapping points stay visible. */
const SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'triangle-down', 'cross', 'triangle-left', 'triangle-right'] as const;

/** Stroke dash patterns (pixels on, off) in the order profiles take them. */
const DASHES: readonly (readonly number[])[] = [[1, 0], [7, 3], [2, 2], [9, 3, 2, 3], [5, 5], [12, 3], [3, 5], [9, 2, 2, 2, 2, 2]];

/** The legend title every profile channel shares: vega-lite merges channels of one field and title into one legend. */
export const PROFILE_TITLE = 'OS profile';

function shownProfiles(values: readonly Record<string, unknown>[]): { name: string; index: number }[] {
  const present = new Set(values.map((v) => v.profileName));
  return profileColors()
    .map((p, index) => ({ name: p.name, index }))
    .filter((p) => present.has(p.name));
}

function cycle<T>(list: readonly T[], index: number): T {
  return list[index % list.length] as T;
}

/** The shape channel: each drawn profile's own open point shape. */
export function profileShape(values: readonly Record<string, unknown>[]): Record<string, unknown> {
  const shown = shownProfiles(values);
  return { field: 'profileName', type: 'nominal', title: PROFILE_TITLE, scale: { domain: shown.map((p) => p.name), range: shown.map((p) => cycle(SHAPES, p.index)) } };
}

/** The strokeDash channel: each drawn profile's own dash. */
export function profileDash(values: readonly Record<string, unknown>[]): Record<string, unknown> {
  const shown = shownProfiles(values);
  return { field: 'profileName', type: 'nominal', title: PROFILE_TITLE, scale: { domain: shown.map((p) => p.name), range: shown.map((p) => cycle(DASHES, p.index)) } };
}

/** The open point mark drawn over each line, so coinciding points show both shapes. */
export const OPEN_POINT = { type: 'point', filled: false, size: 55, strokeWidth: 1.6, opacity: 1 } as const;
