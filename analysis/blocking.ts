import { finalRegionCycles, mutexProtocol, type AnalysisTask, type TaskSetModel } from './model.ts';

/*
 * The blocking term shared by the fixed-priority and EDF analyses. A less urgent job delays a job
 * J of tau_i in two ways:
 *
 * - Once, at J's release: it is already running where J cannot preempt it (its final
 *   non-preemptive region, all of it once started when its preemption threshold shields it from
 *   tau_i, or a critical section under the ceiling protocol or SRP), or the kernel is in a masked
 *   section. Only the longest of these counts: once J runs, none of them can start again.
 * - Under priority inheritance (Sha, Rajkumar and Lehoczky, IEEE ToC 39(9), 1990, the basic
 *   inheritance protocol's blocking bounds): each time J (or a more urgent job: push-through) asks
 *   for a mutex a less urgent job holds.
 *   J can be blocked at most once by each less urgent job and at most once per mutex whose
 *   ceiling is at or above J's level, so this part is the smaller of the two sums. A holder that
 *   tau_i cannot preempt once it has started (threshold, or no preemptible part) never holds a
 *   mutex while J waits, so it only blocks once, as above.
 * Either way a holder runs the rest of its section, and on to the end of its job if the section
 * runs into its final region (`sectionHoldCycles`): a ceiling section crossing into the final
 * region once blocked a job for C_j - 1 where the analysis said max(cs, F_j - 1).
 *
 * One reading of integer time for final regions (Bril, Lukkien and Verhaegh, Real-Time Systems
 * 42, 2009, whose continuous model leaves the instant a region starts to the analysis): a job enters
 * its final region (or, shielded by its threshold, its whole body) when it executes the region's
 * first unit, and releases at that instant are seen before it does, so they still preempt (the
 * release counting floor(t / T) + 1 at the region's start in fp.ts and edf.ts). A job released
 * after that instant finds at most F_j - 1 units left: the one-shot blocking is max(F_j - 1, 0)
 * (C_j - 1 for a fully non-preemptive task). The reference scheduler follows the same reading.
 * A kernel can start a job after the instant a more urgent job arrives, though: an ISR that posts it
 * returns and the kernel commits to it while the tick or release ISR of the arrival is pending, and
 * the release is then processed with the job started. A stretch that starts with such a job
 * (`startsAfterArrivals`) blocks for all of it, C_j; a final region that follows a preemptible part
 * still begins after the release, and keeps F_j - 1.
 */

/** Who can block the job under analysis, and which mutexes matter to it. */
export interface BlockingScope {
  /** Less urgent tasks (FP: lower priority; EDF: a relative deadline past the job's absolute deadline). */
  readonly blockers: readonly AnalysisTask[];
  /** True when some task at or above the job's level uses `mutex` (its ceiling reaches the job). */
  readonly guards: (mutex: string) => boolean;
  /** True when `blocker`, once started, runs on until it ends as far as the job is concerned (its threshold shields it). */
  readonly shielded: (blocker: AnalysisTask) => boolean;
}

/**
 * Longest a blocker runs on through a critical section of `cs` units that it entered before the
 * job's release (so at most cs - 1 units of it are left). A section that runs into the final region
 * does not end the blocking at its unlock: the blocker then runs to the end of its job, at most
 * C_j - 1 units after the release. The full cs is kept as a floor (a section ending inside the
 * preemptible part blocks for at most cs - 1).
 */
function sectionHoldCycles(blocker: AnalysisTask, cs: number): number {
  const region = finalRegionCycles(blocker);
  return region > 0 ? Math.max(cs, Math.min(blocker.wcetCycles - 1, cs - 1 + region)) : cs;
}

/**
 * Longest stretch a blocker holds the CPU after the job's release without having been preempted by
 * it. A stretch that is the whole job starts with it, so where the job can start after the
 * release (`startsAfterArrivals`) all of it is left.
 */
function nonPreemptiveCycles(blocker: AnalysisTask, shielded: boolean): number {
  const stretch = shielded ? blocker.wcetCycles : finalRegionCycles(blocker);
  if (stretch === blocker.wcetCycles && blocker.startsAfterArrivals === true) return stretch;
  return Math.max(0, stretch - 1);
}

/** Where one part of a blocking term comes from: the kernel's masked section, a task's non-preemptive stretch, or a task holding a mutex. */
export interface BlockingSource {
  readonly kind: 'kernel-section' | 'non-preemptive' | 'critical-section' | 'inheritance';
  /** The blocking task; null for the kernel's masked section. */
  readonly task: string | null;
  /** The mutex held; null unless the source is a critical section. */
  readonly mutex: string | null;
  readonly cycles: number;
}

/** A blocking term and its sources, which sum to it. */
export interface BlockingTerms {
  readonly cycles: number;
  readonly sources: readonly BlockingSource[];
}

/** Blocking of the job described by `scope`, with its sources: the one-shot part plus the inheritance part (see above). */
export function blockingTerms(model: TaskSetModel, scope: BlockingScope): BlockingTerms {
  // The analyses ask for this at every step of their searches: a source is made only when it is
  // kept, and the inheritance lists only when some section is under inheritance.
  let oneShot: BlockingSource = { kind: 'kernel-section', task: null, mutex: null, cycles: model.kernelBlockingCycles };
  const byJob: BlockingSource[] = [];
  let byMutex: Map<string, BlockingSource> | undefined;
  for (const blocker of scope.blockers) {
    const shielded = scope.shielded(blocker);
    const nonPreemptive = nonPreemptiveCycles(blocker, shielded);
    if (nonPreemptive > oneShot.cycles) oneShot = { kind: 'non-preemptive', task: blocker.name, mutex: null, cycles: nonPreemptive };
    const sections = blocker.criticalSectionCycles;
    if (sections === undefined) continue;
    const canHoldWhilePreempted = !shielded && blocker.preemptibleCycles > 0;
    let longestInherited: BlockingSource | undefined;
    for (const mutex in sections) {
      if (!scope.guards(mutex)) continue;
      const held = sectionHoldCycles(blocker, sections[mutex] as number);
      if (mutexProtocol(model, mutex) !== 'inheritance') {
        if (held > oneShot.cycles) oneShot = { kind: 'critical-section', task: blocker.name, mutex, cycles: held };
        continue;
      }
      if (!canHoldWhilePreempted) continue;
      const source: BlockingSource = { kind: 'inheritance', task: blocker.name, mutex, cycles: held };
      if (longestInherited === undefined || held > longestInherited.cycles) longestInherited = source;
      byMutex ??= new Map();
      const known = byMutex.get(mutex);
      if (known === undefined || held > known.cycles) byMutex.set(mutex, source);
    }
    if (longestInherited !== undefined) byJob.push(longestInherited);
  }
  const sum = (sources: readonly BlockingSource[]): number => sources.reduce((total, s) => total + s.cycles, 0);
  const perMutex = byMutex === undefined ? [] : [...byMutex.values()];
  // Both sums bound the inheritance blocking; the smaller one, with the sections it counts, is the term.
  const inherited = sum(byJob) <= sum(perMutex) ? byJob : perMutex;
  const sources = [...(oneShot.cycles > 0 ? [oneShot] : []), ...inherited.filter((s) => s.cycles > 0)];
  return { cycles: oneShot.cycles + sum(inherited), sources };
}

/** Blocking of the job described by `scope` in cycles (`blockingTerms` without its sources). */
export function blockingCycles(model: TaskSetModel, scope: BlockingScope): number {
  return blockingTerms(model, scope).cycles;
}
