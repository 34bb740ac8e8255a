import { portPrice, tailChainListing } from './block.ts';
import { EventQueue } from './event-queue.ts';
import { ExecContext, SegmentKind, type Segment } from './exec-context.ts';
import { arrivalClock, type ArrivalClock, type IrqSourceSpec } from './irq-sources.ts';
import { Probe, ProbeEvent } from './probe.ts';
import { Prng, streamSeed } from './prng.ts';
import { PORT_BLOCKS, type PortBlockName, type Target } from './target.ts';
import { DOUBLE_FIELD, type Cycles } from './units.ts';

// Module constants: under tsx an imported enum member is read through a getter on every use.
const KIND_TASK = SegmentKind.Task;
const KIND_KERNEL = SegmentKind.Kernel;
const KIND_ISR = SegmentKind.Isr;
const EV_MASK_ON = ProbeEvent.MaskOn;
const EV_MASK_OFF = ProbeEvent.MaskOff;
const EV_IRQ_RAISED = ProbeEvent.IrqRaised;
const EV_IRQ_ENTERED = ProbeEvent.IrqEntered;
const EV_IRQ_LEFT = ProbeEvent.IrqLeft;
const EV_IRQ_OVERRUN = ProbeEvent.IrqOverrun;

/** Called when an interrupt's first handler instruction runs; queues the handler's segments on `isr`. */
export type IsrHandler = (isr: ExecContext, engine: Engine) => void;

/** An interrupt line: a source of requests, a priority (lower wins) and the code it runs. */
export interface InterruptSpec {
  readonly name: string;
  /**
   * Lower value = more urgent, as in the AVR's vector order and the NVIC (and as task priorities in
   * kbench). Ties go to the line registered first.
   */
  readonly priority: number;
  readonly source: IrqSourceSpec;
  readonly handler: IsrHandler;
  /**
   * The handler only queues the ISR's segments and changes state that nothing reads before they
   * run (a kernel's ISR prologue: no probe event, no call on the engine). The engine may then call
   * it when the hardware entry starts rather than when it ends, so the entry and the handler's
   * first segment run as one; it does so only where nothing observes IrqEntered and no interrupt
   * can enter between them.
   */
  readonly quietHandler?: boolean;
}

/** Engine options. */
export interface EngineOptions {
  readonly target: Target;
  readonly seed: number;
  /** Let a higher-priority interrupt preempt a running ISR (off by default, as on the paper's AVR ports). */
  readonly nestedInterrupts?: boolean;
  /** Keep every probe event in memory (for Gantt charts and debugging). */
  readonly keepTrace?: boolean;
}

/** Cycles spent per kind of work, plus idle. */
export interface CpuTime {
  readonly task: Cycles;
  readonly kernel: Cycles;
  readonly isr: Cycles;
  readonly idle: Cycles;
}

/** Where idle cycles are counted, after the segment kinds (task, kernel, ISR: 0-2). */
const IDLE = 3;

/**
 * The engine's cycle counters as CpuTime: a view of one Float64Array indexed by segment kind (idle
 * last), so the engine adds a segment's cycles with one indexed store and no branch on its kind.
 * Doubles, as the counts pass 2^31 on long runs.
 */
class CpuCounters implements CpuTime {
  readonly cycles = new Float64Array(IDLE + 1);
  get task(): Cycles {
    return this.cycles[KIND_TASK] as number;
  }
  get kernel(): Cycles {
    return this.cycles[KIND_KERNEL] as number;
  }
  get isr(): Cycles {
    return this.cycles[KIND_ISR] as number;
  }
  get idle(): Cycles {
    return this.cycles[IDLE] as number;
  }
}

/** A target's port blocks in cycles, and its tail-chain entry where it has one. */
interface PortPrices {
  readonly cycles: Readonly<Record<PortBlockName, Cycles>>;
  readonly tailChainCycles: Cycles | undefined;
}

/** Port prices by target: listing them is the costly part of building an engine, and a target never changes. */
const portPricesByTarget = new WeakMap<Target, PortPrices>();

/** The port prices of `target`, listed once per target. */
function portPricesOf(target: Target): PortPrices {
  const known = portPricesByTarget.get(target);
  if (known !== undefined) return known;
  const cycles = {} as Record<PortBlockName, Cycles>;
  for (const name of PORT_BLOCKS) cycles[name] = portPrice(name, target).cycles;
  const prices: PortPrices = { cycles: Object.freeze(cycles), tailChainCycles: tailChainListing(target)?.cycles };
  portPricesByTarget.set(target, prices);
  return prices;
}

interface Line {
  readonly id: number;
  readonly spec: InterruptSpec;
  /** `spec.priority`, read on the line itself where the engine compares urgencies. */
  readonly priority: number;
  readonly context: ExecContext;
  readonly clock: ArrivalClock | undefined;
  /** Runs when the hardware entry completes: probe, then the handler (built once per line). */
  readonly onEntered: () => void;
  /** `spec.quietHandler`. */
  readonly quiet: boolean;
  pending: boolean;
  /** While its ISR is active: its return is queued (set per entry; a line is never active twice, as it cannot preempt or chain onto itself). */
  exiting: boolean;
}

/** An active ISR: its line is its frame, so entering an interrupt allocates nothing. */
type IsrFrame = Line;

/** Something the event queue fires at its time. */
interface Timed {
  fire(): void;
}

/**
 * The emulated MCU. One integer clock (`now`, in cycles); a deterministic event queue; the CPU
 * executes the segments of the context on top (an ISR frame, else the current task's context), or
 * idles straight to the next event. Masked segments are atomic; pending interrupts are taken at the
 * first unmasked instant.
 */
export class Engine {
  readonly target: Target;
  readonly probe: Probe;
  readonly rng: Prng;
  /** The run's seed, from which `rng` and every named stream derive. */
  readonly seed: number;
  readonly nestedInterrupts: boolean;
  /** Cycles of each port block on this target, priced once. */
  readonly portCycles: Readonly<Record<PortBlockName, Cycles>>;
  readonly cpu: CpuTime;
  /** The counters behind `cpu`, indexed by segment kind, idle last. */
  private readonly cpuCycles: Float64Array;
  /** Loop iterations so far: idle time is skipped in one, never cycle by cycle. */
  steps = DOUBLE_FIELD;
  now: Cycles = DOUBLE_FIELD;

  private readonly queue = new EventQueue<Timed>();
  private readonly lines: Line[] = [];
  /** The lines most urgent first, ties in registration order: the first pending one is the one the controller takes. */
  private readonly byUrgency: Line[] = [];
  /**
   * The active ISRs, outermost first: `frames[0..depth)`. A stack with its own depth rather than
   * push and pop, which V8 left as calls into its Array builtins on every interrupt.
   */
  private readonly frames: IsrFrame[] = [];
  private depth = 0;
  /** The active ISR on top of `frames`, undefined when none is. */
  private top: IsrFrame | undefined = undefined;
  private readonly entryCycles: Cycles;
  private readonly exitCycles: Cycles;
  private readonly tailChainCycles: Cycles | undefined;
  private task: ExecContext | undefined;
  private pendingCount = 0;
  private masked = false;
  /** Lines more urgent than this (lower priority value) are not held off by masked segments; see setMaskCeiling. */
  private maskCeiling = -Infinity;
  private partialMask = false;

  constructor(options: EngineOptions) {
    this.target = options.target;
    this.seed = options.seed;
    this.steps = 0;
    this.now = 0;
    this.rng = new Prng(options.seed);
    this.nestedInterrupts = options.nestedInterrupts ?? false;
    this.probe = new Probe({ keepTrace: options.keepTrace ?? false });
    const counters = new CpuCounters();
    this.cpu = counters;
    this.cpuCycles = counters.cycles;
    const port = portPricesOf(this.target);
    this.portCycles = port.cycles;
    this.entryCycles = port.cycles['irq-entry'];
    this.exitCycles = port.cycles['irq-exit'];
    this.tailChainCycles = port.tailChainCycles;
  }

  /** Registers an interrupt line and starts its source; returns the line id used in probe events. */
  addInterrupt(spec: InterruptSpec): number {
    const id = this.lines.length;
    const clock = arrivalClock(spec.source, this.target.clockHz, this.rng.fork());
    // Without nesting nothing can interrupt a handler, so its segments form one atomic stretch.
    const context = new ExecContext(-1 - id, `isr:${spec.name}`, !this.nestedInterrupts);
    const onEntered = (): void => {
      this.probe.emit(EV_IRQ_ENTERED, this.now, id);
      spec.handler(context, this);
    };
    const line: Line = { id, spec, priority: spec.priority, context, clock, onEntered, quiet: spec.quietHandler === true, pending: false, exiting: false };
    this.lines.push(line);
    // Behind every line as urgent or more: a tie goes to the line registered first.
    let at = this.byUrgency.length;
    while (at > 0 && (this.byUrgency[at - 1] as Line).priority > line.priority) at--;
    this.byUrgency.splice(at, 0, line);
    if (clock !== undefined) this.startArrivals(id, clock);
    return id;
  }

  /** Requests interrupt `lineId` now (software trigger or a peripheral modelled elsewhere). */
  raise(lineId: number): void {
    const line = this.lines[lineId];
    if (line === undefined) throw new RangeError(`no interrupt line ${lineId}`);
    if (line.pending) {
      this.probe.emit(EV_IRQ_OVERRUN, this.now, lineId);
      return;
    }
    line.pending = true;
    this.pendingCount++;
    this.probe.emit(EV_IRQ_RAISED, this.now, lineId);
  }

  /** Runs `fn` at cycle `time` (>= now), after events already queued for that cycle. */
  at(time: Cycles, fn: () => void): void {
    if (!Number.isInteger(time) || time < this.now) {
      throw new RangeError(`engine.at: time must be a whole cycle >= now (${this.now}), got ${time}`);
    }
    this.queue.push(time, { fire: fn });
  }

  /** A generator of its own for the named stream (e.g. a task's execution times); draws nothing from `rng`. */
  stream(name: string): Prng {
    return new Prng(streamSeed(this.seed, name));
  }

  /**
   * Makes masking partial, as ARMv7-M's BASEPRI does: a masked segment then holds off only lines
   * whose priority is `priority` or less urgent, and a more urgent line is taken inside it. Without
   * this call a masked segment holds off every line (PRIMASK, the AVR's I bit). An ISR on an engine
   * without nesting still runs to its end.
   */
  setMaskCeiling(priority: number): void {
    this.maskCeiling = priority;
    this.partialMask = true;
  }

  /** Makes `ctx` the task context the CPU runs when no ISR is active (undefined: idle). */
  setTask(ctx: ExecContext | undefined): void {
    this.task = ctx;
  }

  /** The task context currently installed. */
  currentTask(): ExecContext | undefined {
    return this.task;
  }

  /**
   * True when an event is queued for the current cycle: it fires before any work that starts now, a
   * zero-length segment's continuation included. Without one, such a continuation on an ISR that
   * cannot be interrupted runs at once, and a kernel may run it in place.
   */
  eventDueNow(): boolean {
    return this.queue.peekTime() <= this.now;
  }

  /** True while some raised interrupt waits to be entered. */
  interruptPending(): boolean {
    return this.pendingCount > 0;
  }

  /** True while an ISR frame is active (kernels defer a switch until the outermost ISR exits). */
  inIsr(): boolean {
    return this.top !== undefined;
  }

  /** Advances the simulation to cycle `until`. Can be called again to continue. */
  run(until: Cycles): void {
    const queue = this.queue;
    // Counted here and stored at each way out: nothing the loop calls reads the count.
    let steps = this.steps;
    for (;;) {
      steps++;
      // Every event due at this cycle fires before anything starts at it: work (see below), an
      // ISR's return or tail-chain, an interrupt's entry. So lines raised at one cycle meet one
      // choice, the most urgent first, whichever raise was queued first.
      const frame = this.top;
      const ctx = frame !== undefined ? frame.context : this.task;
      const seg = ctx?.peek();
      if (seg === undefined && frame !== undefined) {
        if (queue.peekTime() <= this.now) (queue.pop() as Timed).fire();
        else this.finishIsrPhase(frame);
        continue;
      }
      // An ISR context on an engine without nesting queues every segment masked (ExecContext.alwaysMasked).
      const masked = seg !== undefined && seg.masked;
      if (masked !== this.masked) {
        this.masked = masked;
        this.probe.emit(masked ? EV_MASK_ON : EV_MASK_OFF, this.now);
      }
      if (this.pendingCount > 0 && (!masked || (this.partialMask && this.passesMask())) && this.mayPreempt(frame)) {
        if (queue.peekTime() <= this.now) (queue.pop() as Timed).fire();
        else this.enterInterrupt(this.bestPending() as Line, this.entryCycles);
        continue;
      }
      const nextEvent = queue.peekTime();
      if (seg === undefined) {
        const stop = nextEvent < until ? nextEvent : until;
        if (stop > this.now) {
          this.cpuCycles[IDLE] = (this.cpuCycles[IDLE] as number) + (stop - this.now);
          this.now = stop;
        }
        if (nextEvent > until) {
          this.steps = steps;
          return;
        }
        (queue.pop() as Timed).fire();
        continue;
      }
      if (seg.stretchCount > 0) {
        if (this.runScheduled(seg, ctx as ExecContext, frame, nextEvent, until)) {
          this.steps = steps;
          return;
        }
        continue;
      }
      // An ISR's last segment, masked with nothing to run after it: its return can run with it.
      if (frame !== undefined && masked && seg.then === undefined && !frame.exiting && (ctx as ExecContext).length === 1 && this.exitIsFixed()) {
        this.queueExit(frame);
      }
      const end = this.now + seg.cycles;
      // Events due at this cycle fire before any work that starts at it, a zero-length segment
      // included: releases and completions at t come first, then the code that reacts to them.
      if ((end < nextEvent || (end === nextEvent && seg.cycles > 0)) && end <= until) {
        this.account(seg, seg.cycles);
        this.now = end;
        this.complete(seg, ctx as ExecContext, frame);
        continue;
      }
      const stop = nextEvent < until ? nextEvent : until;
      const ran = stop - this.now;
      this.account(seg, ran);
      seg.cycles -= ran;
      this.now = stop;
      if (nextEvent > until) {
        this.steps = steps;
        return;
      }
      (queue.pop() as Timed).fire();
    }
  }

  /**
   * Runs the head segment that has a mask schedule; returns true when the run has reached `until`.
   * When no interrupt can enter at one of its unmask boundaries (none pending that may preempt,
   * no event due before its end) it completes as one event, its inner mask changes emitted at
   * their cycles: the same probe stream as stretch by stretch, since nothing else happens in
   * between. Otherwise it runs its current stretch as a segment of its own, split at the exact
   * cycle of the next event.
   */
  private runScheduled(seg: Segment, ctx: ExecContext, frame: IsrFrame | undefined, nextEvent: Cycles, until: Cycles): boolean {
    const end = this.now + seg.cycles;
    if (end <= nextEvent && end <= until && !(this.pendingCount > 0 && this.mayPreempt(frame))) {
      const boundaries = seg.stretchCount - 1 - seg.stretch;
      const probe = this.probe;
      if (probe.observes(EV_MASK_ON) || probe.observes(EV_MASK_OFF)) {
        const stretches = seg.stretches;
        let t = this.now;
        let masked = seg.masked;
        for (let i = seg.stretch; i < seg.stretchCount - 1; i++) {
          t += stretches[i] as Cycles;
          masked = !masked;
          probe.emit(masked ? EV_MASK_ON : EV_MASK_OFF, t);
        }
      } else {
        // Nothing reads mask changes: only the count of events and the mask at the end remain.
        probe.skipUnobserved(boundaries);
      }
      // The mask alternates at each boundary: the last stretch has the first's mask after an even count.
      this.masked = boundaries % 2 === 0 ? seg.masked : !seg.masked;
      this.account(seg, seg.cycles);
      this.now = end;
      this.complete(seg, ctx, frame);
      return false;
    }
    const left = seg.stretches[seg.stretch] as Cycles;
    const stretchEnd = this.now + left;
    // A stretch always has cycles, so it completes before events due at its last cycle fire.
    if (stretchEnd <= nextEvent && stretchEnd <= until) {
      this.account(seg, left);
      this.now = stretchEnd;
      if (seg.stretch === seg.stretchCount - 1) {
        this.complete(seg, ctx, frame);
      } else {
        seg.cycles -= left;
        seg.stretch++;
        seg.masked = !seg.masked;
      }
      return false;
    }
    const stop = nextEvent < until ? nextEvent : until;
    const ran = stop - this.now;
    this.account(seg, ran);
    seg.cycles -= ran;
    seg.stretches[seg.stretch] = left - ran;
    this.now = stop;
    if (nextEvent > until) return true;
    (this.queue.pop() as Timed).fire();
    return false;
  }

  /**
   * Drops `ctx`'s completed head segment `seg` and runs its continuation. When that leaves an ISR with
   * nothing to run, it returns or chains at once, as the next step would at this same cycle when
   * no event is due at it (one that is fires first, at the next step): a continuation pushes or
   * pops no frame.
   */
  private complete(seg: Segment, ctx: ExecContext, frame: IsrFrame | undefined): void {
    // The context reuses the segment object once shifted: read its continuation first.
    const then = seg.then;
    ctx.shift();
    if (then !== undefined) then();
    if (frame !== undefined && ctx.isEmpty && this.queue.peekTime() > this.now) this.finishIsrPhase(frame);
  }

  private account(seg: Segment, cycles: Cycles): void {
    const counters = this.cpuCycles;
    counters[seg.kind] = (counters[seg.kind] as number) + cycles;
  }

  /** Queues a line's arrivals with one reusable event object (no allocation per arrival). */
  private startArrivals(lineId: number, clock: ArrivalClock): void {
    const queue = this.queue;
    const arrival: Timed = {
      fire: () => {
        this.raise(lineId);
        queue.push(clock.next(), arrival);
      },
    };
    queue.push(clock.next(), arrival);
  }

  /** True when the most urgent pending line is above the mask ceiling, so a masked segment does not hold it off. */
  private passesMask(): boolean {
    return (this.bestPending() as Line).priority < this.maskCeiling;
  }

  /**
   * True when the code an ISR returns to (the frame below, else the task) is in a masked segment that
   * holds `next` off: an ISR above the mask ceiling interrupted it, and `next` must wait for the mask.
   */
  private heldOffBelow(below: IsrFrame | undefined, next: Line): boolean {
    // Under full masking no ISR starts inside a masked segment, so the code below was unmasked.
    if (!this.partialMask) return false;
    const seg = below === undefined ? this.task?.peek() : below.context.peek();
    return seg !== undefined && seg.masked && next.priority >= this.maskCeiling;
  }

  /** Whether a pending interrupt may start now, given the ISR (if any) on top. */
  private mayPreempt(frame: IsrFrame | undefined): boolean {
    if (frame === undefined) return true;
    if (!this.nestedInterrupts || frame.exiting) return false;
    return (this.bestPending() as Line).priority < frame.priority;
  }

  /** The most urgent pending line (ties: the one registered first), or undefined. */
  private bestPending(): Line | undefined {
    const lines = this.byUrgency;
    for (let i = 0; i < lines.length; i++) if ((lines[i] as Line).pending) return lines[i];
    return undefined;
  }

  private enterInterrupt(line: Line, entryCycles: Cycles): void {
    line.pending = false;
    this.pendingCount--;
    line.exiting = false;
    this.frames[this.depth++] = line;
    this.top = line;
    // A quiet handler's call is not observable before its first segment starts: made now, its
    // first segment joins the entry. Not where IrqEntered is read (it is emitted between them) nor
    // where a line above a BASEPRI ceiling could nest into the entry and find the handler's state.
    if (line.quiet && !this.masksCanBeEntered() && !this.probe.observes(EV_IRQ_ENTERED)) {
      this.probe.skipUnobserved(1);
      line.context.run(entryCycles, KIND_ISR, true);
      line.spec.handler(line.context, this);
      return;
    }
    line.context.run(entryCycles, KIND_ISR, true, line.onEntered);
  }

  /** Whether an interrupt can enter an ISR's masked segment: a line above a BASEPRI ceiling, where ISRs nest. */
  private masksCanBeEntered(): boolean {
    return this.partialMask && this.nestedInterrupts;
  }

  /**
   * Whether the ISR on top, once its segments are done, surely returns: the target cannot tail-chain,
   * and no interrupt can enter a masked segment of it (masking is total, or the ISR cannot nest).
   */
  private exitIsFixed(): boolean {
    return this.tailChainCycles === undefined && !this.masksCanBeEntered();
  }

  /**
   * Queues the interrupt return behind the handler's last segment while that segment runs masked,
   * so the two, both masked ISR code, run as one segment. Exact when `exitIsFixed`: the return is
   * the only way out, nothing can enter before it (the segment is masked, the return too), no event
   * queues on an ISR's context, and `exiting` is read only where an interrupt could enter.
   */
  private queueExit(frame: IsrFrame): void {
    frame.exiting = true;
    frame.context.run(this.exitCycles, KIND_ISR, true);
  }

  /** Leaves the ISR on top: the one below it, if any, is on top again. */
  private popFrame(): void {
    const depth = --this.depth;
    this.top = depth > 0 ? this.frames[depth - 1] : undefined;
  }

  /** The handler's segments are done: return from the interrupt, or tail-chain into the next one. */
  private finishIsrPhase(frame: IsrFrame): void {
    if (frame.exiting) {
      this.popFrame();
      this.probe.emit(EV_IRQ_LEFT, this.now, frame.id);
      return;
    }
    const below = this.depth > 1 ? this.frames[this.depth - 2] : undefined;
    const next = this.tailChainCycles === undefined ? undefined : this.bestPending();
    const chains = next !== undefined && !this.heldOffBelow(below, next) && (below === undefined || (this.nestedInterrupts && next.priority < below.priority));
    if (chains) {
      this.popFrame();
      this.probe.emit(EV_IRQ_LEFT, this.now, frame.id);
      this.enterInterrupt(next, this.tailChainCycles as Cycles);
      return;
    }
    this.queueExit(frame);
  }
}
