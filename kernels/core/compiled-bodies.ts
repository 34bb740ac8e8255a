import type { Target } from '../../hardware/target.ts';
import type { Workload } from '../../workloads/types.ts';
import { compileBody, type CompiledBody, type ObjectNames } from './steps.ts';

/*
 * Compiled task bodies, once per (workload, target): a body depends only on the task's steps, the
 * workload's declared names and the target's scaling, never on the engine, the profile or a boot's
 * kernel objects (steps name those by slot). Studies boot the same workload thousands of times
 * (seeds, sweeps, the bench), and compiling was a fifth of each boot's allocation. Keyed by object
 * identity, as workloads and targets are read-only records; a body that fails to compile is not
 * remembered (the next boot throws the same error).
 */
const bodies = new WeakMap<Workload, WeakMap<Target, (CompiledBody | undefined)[]>>();
const declaredNames = new WeakMap<Workload, ObjectNames>();

/** The names `workload` declares, as a boot's objects are keyed (queues and mailboxes share one namespace). */
function namesOf(workload: Workload): ObjectNames {
  let names = declaredNames.get(workload);
  if (names === undefined) {
    const r = workload.resources ?? {};
    const keyed = (items: readonly { readonly name: string }[]): Map<string, number> => new Map(items.map((item, i) => [item.name, i]));
    names = {
      semaphores: keyed(r.semaphores ?? []),
      mutexes: keyed(r.mutexes ?? []),
      queues: keyed([...(r.queues ?? []), ...(r.mailboxes ?? [])]),
      flags: keyed(r.eventFlags ?? []),
      apps: keyed(workload.apps ?? []),
    };
    declaredNames.set(workload, names);
  }
  return names;
}

/** Task `task` of `workload` compiled for `target` (`field` names it in an error); compiled on first use only. */
export function compiledBody(workload: Workload, task: number, target: Target, field: string): CompiledBody {
  let byTarget = bodies.get(workload);
  if (byTarget === undefined) bodies.set(workload, (byTarget = new WeakMap()));
  let tasks = byTarget.get(target);
  if (tasks === undefined) byTarget.set(target, (tasks = []));
  let body = tasks[task];
  if (body === undefined) {
    const spec = workload.tasks[task];
    if (spec === undefined) throw new RangeError(`${field}: workload ${workload.name} has no task ${task}`);
    body = compileBody(spec, field, namesOf(workload), workload.referenceTarget, target);
    tasks[task] = body;
  }
  return body;
}
