import { allProfiles, comparedProfiles, paperProfiles } from '../kernels/registry.ts';

/*
 * How the report names, orders and colours profiles: read from the profile registry, so a profile
 * registered there appears in every chart and table with its own name and colour.
 */

/** A profile's display name (the id itself when no profile has it, e.g. a framing's `<id>-edf`). */
export function profileName(id: string): string {
  return allProfiles().find((p) => p.id === id)?.displayName ?? id;
}

/** The compared profiles' display names in registry order: the paper's Table 1 order, then MOS. */
export function profileOrder(): string[] {
  return comparedProfiles().map((p) => p.displayName);
}

/** Every profile's display name in registry order, the analysis-only ones (EDF) last. */
export function allProfileNames(): string[] {
  return allProfiles().map((p) => p.displayName);
}

/** Every profile's display name and chart colour, in registry order. */
export function profileColors(): { name: string; color: string }[] {
  return allProfiles().map((p) => ({ name: p.displayName, color: p.color }));
}

/** The ids of the five kernels Wang et al. compare, in their Table 1 order. */
export function paperProfileIds(): string[] {
  return paperProfiles().map((p) => p.id);
}
