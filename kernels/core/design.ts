import type { Target } from '../../hardware/target.ts';
import type { OsProfile } from '../profiles/types.ts';
import type { DesignId } from '../types.ts';
import type { ReadyStructure } from './structures.ts';

/**
 * What a design built on the shared core supplies: its ready structure (and whether the policy key
 * is a deadline). Everything else (services, tick, dispatch, footprint) comes from kernels/core.
 */
export interface CoreDesignSpec {
  readonly id: DesignId;
  readonly summary: string;
  /** Which of the paper's kernels (or other public kernels) it mirrors. */
  readonly mirrors: string;
  /** True when tasks are ordered by absolute deadline (EDF) rather than priority. */
  readonly keyedByDeadline: boolean;
  readonly createReady: (target: Target, profile: OsProfile) => ReadyStructure;
}
