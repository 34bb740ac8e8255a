import { mkdirSync, writeFileSync } from 'node:fs';
import { Bench } from 'tinybench';
import { HEAP_LOOP_EVENTS, heapLoop } from '../bench/heap-floor.ts';
import { Engine } from './engine.ts';
import { ExecContext, SegmentKind } from './exec-context.ts';
import { SpanReducer } from '../analysis/reducers/index.ts';
import { ProbeEvent } from './probe.ts';
import { avr } from './targets/index.ts';

/*
 * The engine's cost per step beside a bare heap push/pop loop: the floor any event-driven engine
 * pays. A step is one turn of the engine loop: a segment completing, an interrupt being taken, or
 * a queued event firing. Later work keeps the engine near that floor. Run with `npm run bench`.
 */

/** A meter-like engine run: 3 interrupt lines, a preemptible task with critical sections, two reducers. */
function engineRun(): Engine {
  const engine = new Engine({ target: avr, seed: 1 });
  engine.probe.attach(new SpanReducer(ProbeEvent.MaskOn, ProbeEvent.MaskOff));
  engine.probe.attach(new SpanReducer(ProbeEvent.IrqRaised, ProbeEvent.IrqEntered));
  const isr = (cycles: number) => (ctx: ExecContext) => ctx.run(cycles, SegmentKind.Isr, true);
  engine.addInterrupt({ name: 'tick', priority: 1, source: { kind: 'periodic', hz: 1000 }, handler: isr(300) });
  engine.addInterrupt({ name: 'pulse', priority: 2, source: { kind: 'sporadic', minInterArrivalCycles: 4000, maxExtraCycles: 4000 }, handler: isr(120) });
  engine.addInterrupt({ name: 'uart', priority: 3, source: { kind: 'periodic', hz: 960 }, handler: isr(80) });
  const task = new ExecContext(1, 'task');
  const loop = (): void => {
    task.run(2000, SegmentKind.Task, false);
    task.run(40, SegmentKind.Kernel, true, loop);
  };
  loop();
  engine.setTask(task);
  engine.run(avr.clockHz);
  return engine;
}

const stepsPerEngineRun = engineRun().steps;
const bench = new Bench({ time: 1500 });
bench.add('heap push+pop', heapLoop).add('engine (meter run)', engineRun);
await bench.run();

const rows = bench.tasks.map((task) => {
  const result = task.result;
  if (result.state !== 'completed') throw new Error(`${task.name}: ${result.state}`);
  const events = task.name.startsWith('heap') ? HEAP_LOOP_EVENTS : stepsPerEngineRun;
  const nsPerEvent = (result.latency.mean * 1e6) / events;
  return { name: task.name, unit: task.name.startsWith('heap') ? 'push+pop' : 'engine step', perRun: events, nsPerEvent: Math.round(nsPerEvent * 10) / 10, meanMs: result.latency.mean, rme: result.latency.rme, samples: result.latency.samplesCount };
});
console.table(rows);
const [heap, eng] = rows;
const summary = { node: process.version, rows, engineOverHeap: heap && eng ? Math.round((eng.nsPerEvent / heap.nsPerEvent) * 10) / 10 : null };
mkdirSync('results', { recursive: true });
writeFileSync('results/bench-engine.json', `${JSON.stringify(summary, null, 2)}\n`);
console.log(`engine / heap ns per event: ${summary.engineOverHeap}; wrote results/bench-engine.json`);
