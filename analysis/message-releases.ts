import { fpStreamResponseCycles } from './fp.ts';
import type { AnalysisTask, ReleaseStream, TaskSetModel } from './model.ts';

/*
 * Tasks a kernel releases at other tasks' sends (MOS: a send posts its receiver). Such a receiver
 * runs at its own trigger and at every send of its senders, so its releases are the union of several
 * streams. A send happens somewhere inside the sender's job, between the sender's arrival and its
 * worst-case response: the posts of one sender stream form a sporadic stream with the sender's
 * period and a release jitter equal to the sender's worst-case response (holistic analysis, Tindell
 * and Clark, "Holistic schedulability analysis for distributed hard real-time systems",
 * Microprocessing and Microprogramming 40, 1994). Responses depend on jitters and jitters on
 * responses, so both are iterated from zero jitter upward to their least fixed point.
 *
 * The analysis model has one stream per task, so the receiver's streams are folded into one that
 * releases at least as many jobs in every window (coveringStream). A post that finds the task's
 * message pending merges in MOS; counting every post as a job is safe, not tight.
 *
 * The folded stream counts releases, for the receiver's interference and for what it posts in turn
 * (its jobs end within its response after the folded stream's arrivals). Its jitter is no lag of a
 * job behind its true arrival: a periodic job a tick kernel releases up to a tick late lags by the
 * own stream's jitter, which the folded jitter (here a share of it plus a period per extra stream)
 * can fall short of. Counted from the folded arrival, MOS on the M4 with a 4100 us task off the
 * 1 ms tick was bounded at 895.63 us while its job released 901 us after arrival ran to 905.41 us.
 * So the receiver keeps its streams (`foldedReleases`) and fp.ts counts its own response from them.
 */

export type { ReleaseStream } from './model.ts';

/** A send that releases a task: indices into the model's tasks, and the workload field of the send step for messages. */
export interface MessageLink {
  readonly sender: number;
  readonly receiver: number;
  /** The send step's workload field, e.g. `tasks[1].body[2].queue`. */
  readonly field: string;
}

/** A model with the receivers' folded streams, and the receivers left without a bound. */
export interface MessageReleaseModel {
  readonly model: TaskSetModel;
  /** Names of receivers whose senders have no bounded response (or whose iteration did not settle): nothing below them is bounded. */
  readonly unbounded: readonly string[];
}

/** Thrown for sends that release each other in a cycle: each post releases the next without end. */
export class MessageCycleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MessageCycleError';
  }
}

/** Holistic rounds before a receiver's jitter is declared unbounded; each round raises some response, and real chains settle in a few. */
const MAX_ROUNDS = 200;

/** True when a stream of period `period` releases at least as fast as all of `periods` together: sum(period / T_i) <= 1, in exact integers. */
function atLeastAsFast(period: number, periods: readonly number[]): boolean {
  const product = periods.reduce((p, t) => p * BigInt(t), 1n);
  const sum = periods.reduce((s, t) => s + product / BigInt(t), 0n);
  return BigInt(period) * sum <= product;
}

/**
 * One stream that releases at least as many jobs as `streams` together in every window, counted
 * either way the analysis counts (ceil((t + J) / T) and floor((t + J) / T) + 1): period
 * T = floor(1 / sum(1 / T_i)) and jitter J = T (k - 1) + sum ceil(T J_i / T_i). Proof: the k streams
 * release fewer than t sum(1/T_i) + sum(J_i / T_i) + k jobs in [0, t), and (t + J) / T is at least
 * t sum(1/T_i) + sum(J_i / T_i) + k - 1. Undefined when the streams together release more than once a
 * cycle (no integer period covers them) or the jitter passes the safe integers.
 */
export function coveringStream(streams: readonly ReleaseStream[]): ReleaseStream | undefined {
  const [only] = streams;
  if (only === undefined) throw new RangeError('coveringStream needs at least one stream');
  if (streams.length === 1) return only;
  const periods = streams.map((s) => s.periodCycles);
  // Together faster than one release per cycle: no integer period covers them (and jobs of at least a cycle each overload).
  if (!atLeastAsFast(1, periods)) return undefined;
  let period = Math.max(1, Math.floor(1 / periods.reduce((s, t) => s + 1 / t, 0)));
  // The float estimate may land one cycle long; the exact check settles it.
  while (period > 1 && !atLeastAsFast(period, periods)) period--;
  const t = BigInt(period);
  let jitter = t * BigInt(streams.length - 1);
  for (const s of streams) jitter += (t * BigInt(s.releaseJitterCycles) + BigInt(s.periodCycles) - 1n) / BigInt(s.periodCycles);
  return jitter > BigInt(Number.MAX_SAFE_INTEGER) ? undefined : { periodCycles: period, releaseJitterCycles: Number(jitter) };
}

/** The period and jitter of a stream, without the rest of a task. */
function streamOf(s: ReleaseStream): ReleaseStream {
  return { periodCycles: s.periodCycles, releaseJitterCycles: s.releaseJitterCycles };
}

/** Task indices in an order where every sender comes before its receivers; a MessageCycleError when sends release each other in a cycle. */
function sendersFirst(taskCount: number, links: readonly MessageLink[], names: readonly string[]): number[] {
  const order: number[] = [];
  const state = new Array<'new' | 'open' | 'done'>(taskCount).fill('new');
  const visit = (task: number, path: readonly MessageLink[]): void => {
    if (state[task] === 'done') return;
    if (state[task] === 'open') {
      // The path runs from receivers back to their senders; the cycle reads the other way.
      const cycle = path.slice(path.findIndex((l) => l.receiver === task)).reverse();
      throw new MessageCycleError(`${cycle.map((l) => l.field).join(', ')}: sends release ${cycle.map((l) => names[l.sender]).join(' -> ')} -> ${names[task]} in a cycle, so each post releases the next without end and no response bound exists`);
    }
    state[task] = 'open';
    for (const l of links) if (l.receiver === task) visit(l.sender, [...path, l]);
    state[task] = 'done';
    order.push(task);
  };
  for (let i = 0; i < taskCount; i++) visit(i, []);
  return order;
}

/**
 * `tasks` with every receiver released by its own stream and its senders' posts, folded into one
 * stream each, and the model `complete` builds from them (the overheads folded in). FP only: the
 * senders' responses come from the fixed-priority analysis. Throws MessageCycleError for a cycle.
 */
export function withMessageReleases(tasks: readonly AnalysisTask[], links: readonly MessageLink[], complete: (tasks: readonly AnalysisTask[]) => TaskSetModel): MessageReleaseModel {
  const names = tasks.map((t) => t.name);
  const order = sendersFirst(tasks.length, links, names);
  const senders = [...new Set(links.map((l) => l.sender))];
  const receivers = [...new Set(links.map((l) => l.receiver))];
  // Responses of the senders, from their arrival; zero jitter is the start of the upward iteration.
  let responses = new Map(senders.map((s) => [s, 0]));
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const current = [...tasks];
    const unbounded = new Set<number>();
    for (const r of order) {
      const incoming = links.filter((l) => l.receiver === r);
      if (incoming.length === 0) continue;
      const own = current[r] as AnalysisTask;
      const posts = incoming.map((l) => ({ periodCycles: (current[l.sender] as AnalysisTask).periodCycles, releaseJitterCycles: responses.get(l.sender) ?? Infinity }));
      const bounded = incoming.every((l) => !unbounded.has(l.sender)) && posts.every((p) => Number.isFinite(p.releaseJitterCycles));
      const folded = bounded ? coveringStream([own, ...posts]) : undefined;
      if (folded === undefined) {
        unbounded.add(r);
        continue;
      }
      current[r] = { ...own, ...folded, strictlyPeriodic: false, foldedReleases: { streams: [own, ...posts].map(streamOf), releaseLagCycles: own.releaseJitterCycles } };
    }
    const model = complete(current);
    if (unbounded.size > 0) return { model, unbounded: [...unbounded].map((r) => names[r] as string) };
    const next = new Map(senders.map((s) => [s, Math.max(responses.get(s) ?? 0, fpStreamResponseCycles(model, s))]));
    if (senders.every((s) => next.get(s) === responses.get(s))) return { model, unbounded: [] };
    responses = next;
  }
  return { model: complete(tasks), unbounded: receivers.map((r) => names[r] as string) };
}
