import type { Target } from '../../hardware/target.ts';
import { DEFAULT_NESTING, type OsProfile } from './types.ts';

/*
 * Interrupt nesting as a fact of a kernel's port: cited per core in each profile, the one default
 * rule elsewhere, and a sensitivity variant that forces it either way for every kernel.
 */

/** A profile's nesting on one target, with where it comes from. */
export interface ResolvedNesting {
  readonly nested: boolean;
  /** 'cited': a port or the paper says so; 'default': DEFAULT_NESTING; 'variant': forced by `withNesting`. */
  readonly basis: 'cited' | 'default' | 'variant';
  /** The citation, or the default rule, or the variant's name. */
  readonly source: string;
}

/** Whether `profile`'s ISRs nest on `target`, and on what basis. */
export function interruptNesting(profile: Pick<OsProfile, 'nesting' | 'nestingVariant'>, target: Pick<Target, 'core'>): ResolvedNesting {
  if (profile.nestingVariant !== undefined) return { nested: profile.nestingVariant, basis: 'variant', source: nestingVariantName(profile.nestingVariant) };
  const fact = profile.nesting[target.core];
  return fact === undefined ? { nested: DEFAULT_NESTING.nested, basis: 'default', source: DEFAULT_NESTING.rule } : { nested: fact.nested, basis: 'cited', source: fact.source };
}

/** The variant's name in rows and charts. */
export function nestingVariantName(nested: boolean): string {
  return nested ? 'nesting on' : 'nesting off';
}

/** `profile` with nesting forced on or off on every core: the sensitivity variant the interrupt-disable figure draws. */
export function withNesting(profile: OsProfile, nested: boolean): OsProfile {
  return { ...profile, nestingVariant: nested };
}
