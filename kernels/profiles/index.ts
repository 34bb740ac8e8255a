import { idcx } from './idcx.ts';
import type { OsProfile } from './types.ts';
import { ucos2 } from './ucos2.ts';
import { ukernel } from './ukernel.ts';
import { webit } from './webit.ts';
import { worix } from './worix.ts';

/** The paper's five kernels, in the paper's order. */
export const PAPER_PROFILES: readonly OsProfile[] = [webit, worix, ukernel, idcx, ucos2];

export { idcx, ucos2, ukernel, webit, worix };
