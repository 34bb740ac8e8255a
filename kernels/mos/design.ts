import type { Engine } from '../../hardware/engine.ts';
import type { Target } from '../../hardware/target.ts';
import type { Workload } from '../../workloads/types.ts';
import { ProfileLimitError } from '../core/validate.ts';
import type { ExecMode } from '../execution-time.ts';
import type { Footprint, KernelCosts, ReleaseMode } from '../types.ts';
import { bootMos, type MosSystem } from './boot.ts';
import type { MosConfig } from './config.ts';
import { mosCosts } from './costs.ts';
import { mosFootprint } from './footprint.ts';
import { MOS_REFERENCE_LAYOUT } from './profile.ts';
import { checkDefaultModulesFit, inWorkloadTerms } from './workload-fields.ts';

/**
 * MOS in the shape a design registry calls: boot, footprint and costs, each given a profile first.
 * MOS reads no field of that profile (its own configuration is `MosConfig`); a registry adds its
 * default profile, built from `MOS_PROFILE`.
 */
export const mosDesign = {
  id: 'mos' as const,
  summary: 'modules with 32 message bits, run-to-completion tasks, a few execution levels with one stack each, a bus with a user-group check',
  mirrors: 'MOS (seed 000, section 3.5)',
  /** Boots a workload on MOS with the default mapping (plus `config` when given); a refusal names the workload's own fields. */
  boot(_profile: unknown, options: { engine: Engine; workload: Workload; tickPriority?: number; config?: MosConfig; exec?: ExecMode; releases?: ReleaseMode }): MosSystem {
    const config: MosConfig = { ...options.config, ...(options.tickPriority === undefined ? {} : { tickPriority: options.tickPriority }) };
    if (config.modules === undefined) checkDefaultModulesFit(options.workload);
    try {
      return bootMos({ engine: options.engine, workload: options.workload, config, ...(options.exec === undefined ? {} : { exec: options.exec }), ...(options.releases === undefined ? {} : { releases: options.releases }) });
    } catch (e) {
      throw e instanceof ProfileLimitError ? inWorkloadTerms(e, options.workload) : e;
    }
  },
  /** Code and RAM for the stated reference configuration (`MOS_REFERENCE_LAYOUT`). */
  footprint(_profile: unknown, target: Target): Footprint {
    return mosFootprint(target, MOS_REFERENCE_LAYOUT);
  },
  /** Kernel costs for `taskCount` periodic tasks. */
  kernelCosts(_profile: unknown, target: Target, taskCount: number): KernelCosts {
    return mosCosts(target, taskCount);
  },
};
