import { ProfileLimitError } from '../core/validate.ts';
import type { Workload } from '../../workloads/types.ts';

/**
 * How a workload is laid out on MOS (seed 000, section 3.5): tasks become message bits of modules,
 * modules are served by a few execution levels, and modules are grouped into users.
 *
 * Default mapping, when the config gives no modules:
 * - one module per distinct task priority, modules ranked by priority (0 most urgent first);
 * - a module's tasks take message bits 0, 1, ... in workload order (bit 0 is the most urgent: the
 *   scheduler takes the lowest set bit, as uC/OS-II's OSUnMapTbl does);
 * - modules split into `levels` contiguous priority bands, the most urgent band on level 0;
 * - every module in one user group, `system`.
 */

/** A module declared by the config: its tasks in bit order, and optionally its level and user group. */
export interface MosModuleSpec {
  readonly name: string;
  /** Task names; the first gets message bit 0 (most urgent within the module). */
  readonly tasks: readonly string[];
  /** Execution level serving this module (0 most urgent); default: its priority band. */
  readonly level?: number;
  /** User group; default `system`. */
  readonly group?: string;
}

/** MOS configuration: the number of execution levels, modules and groups, and stack sizing. */
export interface MosConfig {
  /** Execution levels (processes), each with one stack; default 3, capped at the module count. */
  readonly levels?: number;
  /** Modules in rank order (first = most urgent); default one module per task priority. */
  readonly modules?: readonly MosModuleSpec[];
  /** Stack a task needs for its own frames when the workload gives no `stackBytes`; default the target's context frame. */
  readonly defaultTaskStackBytes?: number;
  /** Interrupt priority of the kernel tick (lower = more urgent); default 0, and the tick is registered first so it wins ties. */
  readonly tickPriority?: number;
}

/** Where one task lives. */
export interface MosTaskPlace {
  readonly module: number;
  readonly bit: number;
  readonly level: number;
}

/** A module after mapping. */
export interface MosModule {
  readonly name: string;
  readonly level: number;
  readonly group: number;
  /** Task indices (in the workload) by message bit. */
  readonly tasks: readonly number[];
}

/** A bus object (a workload queue or mailbox): owned by the module of the task that receives from it. */
export interface MosBusObject {
  readonly name: string;
  readonly capacity: number;
  /** Owning module, or -1 when no task receives from it. */
  readonly owner: number;
  /** The task whose message bit a send posts, or -1 when none receives. */
  readonly receiver: number;
}

/** The whole mapping of a workload onto MOS. */
export interface MosMapping {
  readonly levels: number;
  readonly modules: readonly MosModule[];
  readonly groupNames: readonly string[];
  readonly places: readonly MosTaskPlace[];
  readonly busObjects: readonly MosBusObject[];
}

/** Message bits per module: the seed's "each module has 32 independent task messages". */
export const MESSAGE_BITS = 32;
/** Modules one 32-bit module-ready word can flag (an assumption: the seed gives no module limit). */
export const MAX_MODULES = 32;
/** Levels a small meter kernel keeps (an assumption: the seed says only "controlling process numbers"). */
export const MAX_LEVELS = 8;
/** Default number of execution levels (an assumption; see profile.ts). */
export const DEFAULT_LEVELS = 3;
const DEFAULT_GROUP = 'system';
/** A bus object's slot count is a byte (its head, tail and count are 8-bit). */
const MAX_SLOTS = 255;

/** Steps MOS has no service for, with the reason given in the error. */
const UNSUPPORTED_STEPS: Readonly<Record<string, string>> = {
  take: 'MOS has no semaphores: tasks run to completion and cannot block; use bus messages (send/receive)',
  give: 'MOS has no semaphores: tasks run to completion and cannot block; use bus messages (send/receive)',
  lock: 'MOS has no mutexes: tasks sharing a level never preempt each other, and all shared access goes through the bus',
  unlock: 'MOS has no mutexes: tasks sharing a level never preempt each other, and all shared access goes through the bus',
  delay: 'MOS tasks cannot delay: a task exits and is re-entered by its next message (periodic trigger)',
  wait: 'MOS has no event flags a task can wait on: tasks run to completion; post a message instead',
  set: 'MOS has no event flags: post a message to the task instead (send)',
  'io-in': 'MOS tasks cannot block on an interrupt: trigger the task by the I/O line instead (trigger kind io)',
  'suspend-app': 'MOS runs no isolated APPs (no SVC gate, no MPU), so it has none to suspend',
  'resume-app': 'MOS runs no isolated APPs (no SVC gate, no MPU), so it has none to resume',
};

function fail(field: string, rule: string): never {
  throw new ProfileLimitError(`mos: ${field}: ${rule}`);
}

function wholeIn(field: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) fail(field, `must be a whole number from ${min} to ${max}, got ${value}`);
}

/** Rejects what MOS cannot express, naming the field. */
function checkTasks(workload: Workload): void {
  const lineNames = new Set((workload.ioLines ?? []).map((l) => l.name));
  // First, before any step: no adaptation of the tasks gives MOS an SVC gate or MPU switch.
  const inApp = workload.tasks.findIndex((t) => t.app !== undefined);
  if (inApp >= 0) fail(`workload.tasks[${inApp}] (${workload.tasks[inApp]?.name ?? ''}).app`, 'MOS runs no isolated APPs: its modules share one image, with no SVC gate or MPU regions');
  workload.tasks.forEach((task, i) => {
    const at = `workload.tasks[${i}] (${task.name})`;
    if (task.preemptionThreshold !== undefined && task.preemptionThreshold !== task.priority) {
      fail(`${at}.preemptionThreshold`, 'MOS has no per-task preemption thresholds: its limited preemption comes from execution levels (config.levels)');
    }
    if ((task.releaseJitterUs ?? 0) > 0) fail(`${at}.releaseJitterUs`, 'release jitter is not simulated on MOS, whose timers post on the tick');
    if (task.preemptibleCycles !== undefined) {
      fail(`${at}.preemptibleCycles`, 'MOS has no per-task run-to-completion threshold: a task is preempted only by a higher level');
    }
    if (task.trigger.kind === 'io' && !lineNames.has(task.trigger.line)) {
      fail(`${at}.trigger.line`, `names no I/O line of the workload ("${task.trigger.line}")`);
    }
    task.body.forEach((step, j) => {
      const reason = UNSUPPORTED_STEPS[step.op];
      if (reason !== undefined) fail(`${at}.body[${j}].op`, `'${step.op}' is not a MOS service: ${reason}`);
    });
  });
}

/** The default modules: one per distinct priority, ranked, tasks in workload order. */
function defaultModules(workload: Workload): MosModuleSpec[] {
  const priorities = [...new Set(workload.tasks.map((t) => t.priority))].sort((a, b) => a - b);
  return priorities.map((p) => ({ name: `prio${p}`, tasks: workload.tasks.filter((t) => t.priority === p).map((t) => t.name) }));
}

/** Band of module rank `rank` among `count` modules on `levels` levels (most urgent band = level 0). */
export function bandLevel(rank: number, count: number, levels: number): number {
  return Math.floor((rank * levels) / count);
}

function mapModules(workload: Workload, specs: readonly MosModuleSpec[], levels: number) {
  const taskIndex = new Map(workload.tasks.map((t, i) => [t.name, i]));
  const places: (MosTaskPlace | undefined)[] = workload.tasks.map(() => undefined);
  const groupNames: string[] = [];
  const modules: MosModule[] = specs.map((spec, m) => {
    const at = `config.modules[${m}] (${spec.name})`;
    if (spec.tasks.length === 0 || spec.tasks.length > MESSAGE_BITS) fail(`${at}.tasks`, `a module holds 1 to ${MESSAGE_BITS} tasks (one per message bit), got ${spec.tasks.length}`);
    const level = spec.level ?? bandLevel(m, specs.length, levels);
    wholeIn(`${at}.level`, level, 0, levels - 1);
    const previous = specs[m - 1];
    if (previous !== undefined && level < (previous.level ?? bandLevel(m - 1, specs.length, levels))) {
      fail(`${at}.level`, 'modules are ranked most urgent first, so a module cannot sit on a more urgent level than the one before it');
    }
    const groupName = spec.group ?? DEFAULT_GROUP;
    if (!groupNames.includes(groupName)) groupNames.push(groupName);
    const tasks = spec.tasks.map((name, bit) => {
      const t = taskIndex.get(name);
      if (t === undefined) fail(`${at}.tasks[${bit}]`, `names no task of the workload ("${name}")`);
      if (places[t] !== undefined) fail(`${at}.tasks[${bit}]`, `task "${name}" is already in another module`);
      places[t] = { module: m, bit, level };
      return t;
    });
    return { name: spec.name, level, group: groupNames.indexOf(groupName), tasks };
  });
  const missing = places.findIndex((p) => p === undefined);
  if (missing >= 0) fail('config.modules', `task "${workload.tasks[missing]?.name}" is in no module`);
  return { modules, groupNames, places: places as MosTaskPlace[] };
}

/** Bus objects from the workload's queues and mailboxes; a send or receive must name one. */
function mapBus(workload: Workload, places: readonly MosTaskPlace[]): MosBusObject[] {
  const declared = [
    ...(workload.resources?.queues ?? []).map((q) => ({ name: q.name, capacity: q.capacity })),
    ...(workload.resources?.mailboxes ?? []).map((b) => ({ name: b.name, capacity: 1 })),
  ];
  for (const o of declared) wholeIn(`workload.resources (bus object ${o.name}).capacity`, o.capacity, 1, MAX_SLOTS);
  const receivers = new Map<string, number>();
  workload.tasks.forEach((task, i) =>
    task.body.forEach((step, j) => {
      if (step.op !== 'send' && step.op !== 'receive') return;
      if (!declared.some((o) => o.name === step.queue)) {
        fail(`workload.tasks[${i}] (${task.name}).body[${j}].queue`, `"${step.queue}" is not declared in resources.queues or resources.mailboxes`);
      }
      if (step.op === 'receive') {
        const other = receivers.get(step.queue);
        if (other !== undefined && other !== i) {
          fail(`workload.tasks[${i}] (${task.name}).body[${j}].queue`, `"${step.queue}" already has a receiver (${workload.tasks[other]?.name}): a MOS bus object belongs to one module task`);
        }
        receivers.set(step.queue, i);
      }
    }),
  );
  return declared.map((o) => {
    const receiver = receivers.get(o.name) ?? -1;
    return { ...o, receiver, owner: receiver < 0 ? -1 : (places[receiver] as MosTaskPlace).module };
  });
}

/** Maps a workload onto modules, levels and groups; throws ProfileLimitError naming the field on what MOS cannot run. */
export function mapWorkload(workload: Workload, config: MosConfig = {}): MosMapping {
  if (workload.tasks.length === 0) fail('workload.tasks', 'needs at least one task');
  checkTasks(workload);
  const specs = config.modules ?? defaultModules(workload);
  if (specs.length === 0 || specs.length > MAX_MODULES) fail('config.modules', `needs 1 to ${MAX_MODULES} modules (one module-ready word), got ${specs.length}`);
  if (config.defaultTaskStackBytes !== undefined) wholeIn('config.defaultTaskStackBytes', config.defaultTaskStackBytes, 0, Number.MAX_SAFE_INTEGER);
  workload.tasks.forEach((t, i) => {
    if (t.stackBytes !== undefined) wholeIn(`workload.tasks[${i}] (${t.name}).stackBytes`, t.stackBytes, 0, Number.MAX_SAFE_INTEGER);
  });
  const levels = config.levels ?? Math.min(DEFAULT_LEVELS, specs.length);
  wholeIn('config.levels', levels, 1, MAX_LEVELS);
  const { modules, groupNames, places } = mapModules(workload, specs, levels);
  return { levels, modules, groupNames, places, busObjects: mapBus(workload, places) };
}

/** Default-module mappings by workload, then by the config fields the mapping reads. */
const mappings = new WeakMap<Workload, Map<string, MosMapping>>();

/**
 * `mapWorkload`, computed once per workload and config where the config names no modules of its
 * own: the mapping is pure in the workload (a read-only record), the level count and the default
 * stack, and a boot reads it without changing it. Studies boot the same workload for every seed,
 * and mapping cost a quarter of a boot. A failing workload is not remembered (it throws again).
 */
export function mappedWorkload(workload: Workload, config: MosConfig): MosMapping {
  if (config.modules !== undefined) return mapWorkload(workload, config);
  const key = `${config.levels}|${config.defaultTaskStackBytes}`;
  let byConfig = mappings.get(workload);
  if (byConfig === undefined) mappings.set(workload, (byConfig = new Map()));
  let mapping = byConfig.get(key);
  if (mapping === undefined) byConfig.set(key, (mapping = mapWorkload(workload, config)));
  return mapping;
}
