/*
 * How the report names the profiles it shows. What the paper published is data the experiments
 * read too, so it lives in experiments/published.ts.
 */

/** The five profiles the paper compares, in its Table 1 column order, and kbench's sixth. */
export const PROFILES = [
  { id: 'webit', name: 'Webit 5.0' },
  { id: 'worix', name: 'WORIX' },
  { id: 'ukernel', name: 'uKernel' },
  { id: 'idcx', name: 'iDCX 128' },
  { id: 'ucos2', name: 'uC/OS-II 128' },
  { id: 'mos', name: 'MOS' },
] as const;

/** The ids of the paper's five profiles. */
export const PAPER_PROFILE_IDS = ['webit', 'worix', 'ukernel', 'idcx', 'ucos2'] as const;

/** A profile's display name (the id itself when unknown). */
export function profileName(id: string): string {
  return PROFILES.find((p) => p.id === id)?.name ?? id;
}
