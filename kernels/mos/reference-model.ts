import { ProbeEvent, type ProbeRecord } from '../../hardware/probe.ts';
import type { MosMapping } from './config.ts';

/**
 * A small reference model of MOS's policy, for tests: it replays a run's probe trace with nothing but
 * sets and the rules of seed 000 section 3.5, and lists every place the run broke them.
 * - A job starts only when it is the most urgent pending message (module rank, then bit).
 * - A job never starts while a job of its own level or of a more urgent level is in progress
 *   (no preemption within a level; a lower level never preempts a higher one).
 * - A job runs to completion: its task does not start again before it ends.
 * - A job never ends while a task of a more urgent level is pending (a higher level preempts).
 */
export function mosPolicyViolations(trace: readonly ProbeRecord[], mapping: MosMapping): string[] {
  const place = mapping.places;
  const urgency = (t: number): number => (place[t]?.module ?? 0) * 64 + (place[t]?.bit ?? 0);
  const level = (t: number): number => place[t]?.level ?? 0;
  const pending = new Set<number>();
  const inProgress = new Map<number, number>(); // level -> task
  const problems: string[] = [];
  for (const e of trace) {
    const t = e.subject;
    if (e.type === ProbeEvent.JobRelease) {
      if (pending.has(t)) problems.push(`${e.time}: task ${t} released twice without starting (a set bit must merge)`);
      pending.add(t);
    } else if (e.type === ProbeEvent.JobStart) {
      const best = [...pending].sort((a, b) => urgency(a) - urgency(b))[0];
      if (best !== t) problems.push(`${e.time}: started task ${t}, the most urgent pending is ${best}`);
      for (const [l, other] of inProgress) {
        if (l <= level(t)) problems.push(`${e.time}: task ${t} (level ${level(t)}) started while task ${other} (level ${l}) is in progress`);
      }
      pending.delete(t);
      inProgress.set(level(t), t);
    } else if (e.type === ProbeEvent.JobEnd) {
      if (inProgress.get(level(t)) !== t) problems.push(`${e.time}: task ${t} ended but was not in progress on its level`);
      inProgress.delete(level(t));
      for (const p of pending) {
        if (level(p) < level(t)) problems.push(`${e.time}: task ${t} (level ${level(t)}) ended while more urgent task ${p} (level ${level(p)}) was pending`);
      }
    }
  }
  return problems;
}
