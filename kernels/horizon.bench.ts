import { Engine } from '../hardware/engine.ts';
import { ProbeEvent } from '../hardware/probe.ts';
import { SpanReducer } from '../hardware/reducers.ts';
import type { Target } from '../hardware/target.ts';
import { avr, m4 } from '../hardware/targets/index.ts';
import { loadWorkload } from '../workloads/load.ts';
import type { Workload } from '../workloads/types.ts';
import type { OsProfile } from './profiles/types.ts';
import { bootSystem, DESIGNS } from './registry.ts';

/*
 * Host cost per simulated second as a run gets long: every design on the meter workload (1 kHz
 * tick), on each target, measured at 1 s and at each later horizon as the CPU time of the cheapest
 * of a few one-second windows that start there. A flat row means no cliff: a cycle count past 2^31 (268 s on
 * the AVR, 10.7 s on the M4) must cost what a small one does. Heap in use is printed beside it
 * (constant memory). Setup is excluded. Run with
 * `node --import tsx kernels/horizon.bench.ts [horizons in s, comma-separated] [targets] [designs]`.
 */

const horizons = (process.argv[2] ?? '1,100,10000').split(',').map(Number);
const targets = (process.argv[3] ?? 'avr,m4').split(',').map((id) => ({ avr, m4 })[id as 'avr' | 'm4']);
const designIds = (process.argv[4] ?? DESIGNS.map((d) => d.id).join(',')).split(',');
/**
 * One-second windows measured at each horizon; the cheapest is reported, since a loaded host and
 * the JIT's and GC's helper threads only ever add CPU time. Those from 1 s that run past 2^31
 * cycles on the M4 (10.7 s) can only make the cheapest at 1 s dearer, never hide a cliff.
 */
const WINDOWS = 25;

/** The meter on a design's default profile, widened to its 11 tasks; lock steps dropped where the profile has no mutexes. */
function meterOn(profile: OsProfile): { profile: OsProfile; workload: Workload } {
  const meter = loadWorkload('meter');
  const widened = { ...profile, priorities: Math.max(profile.priorities, meter.tasks.length), maxTasks: Math.max(profile.maxTasks, meter.tasks.length) };
  const protocol = profile.inversion[0];
  if (profile.services.mutex && protocol !== undefined) {
    const mutexes = (meter.resources?.mutexes ?? []).map((m) => ({ ...m, protocol }));
    return { profile: widened, workload: { ...meter, resources: { ...meter.resources, mutexes } } };
  }
  const tasks = meter.tasks.map((t) => ({ ...t, body: t.body.filter((s) => s.op !== 'lock' && s.op !== 'unlock') }));
  return { profile: widened, workload: { ...meter, resources: { ...meter.resources, mutexes: [] }, tasks } };
}

/** A booted meter with the interrupt-disable reducer every study attaches. */
function boot(target: Target, designId: string): { engine: Engine; run: (until: number) => void } {
  const design = DESIGNS.find((d) => d.id === designId);
  if (design === undefined) throw new RangeError(`unknown design ${designId}`);
  const engine = new Engine({ target, seed: 1 });
  engine.probe.attach(new SpanReducer(ProbeEvent.MaskOn, ProbeEvent.MaskOff));
  const system = bootSystem({ engine, ...meterOn(design.defaultProfile) });
  return { engine, run: (until) => system.run(until) };
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Simulated seconds of each warm-up run: short of 2^31 cycles on every target, so warming cannot hide a cliff. */
const WARM_UP_SECONDS = 5;

// Warm the JIT on short runs of each subject first, so the first horizon measures steady code.
for (const target of targets) for (const designId of designIds) if (target !== undefined) for (let i = 0; i < 10; i++) boot(target, designId).run(WARM_UP_SECONDS * target.clockHz);

/** The cheapest of WINDOWS one-second windows from where `engine` stands: CPU ms, and steps per window. */
function cheapestSecond(engine: Engine, run: (until: number) => void, target: Target): { ms: number; steps: number } {
  const windows: number[] = [];
  const steps0 = engine.steps;
  for (let i = 0; i < WINDOWS; i++) {
    const t0 = cpuMs();
    run(engine.now + target.clockHz);
    windows.push(cpuMs() - t0);
  }
  return { ms: Math.round(Math.min(...windows) * 1000) / 1000, steps: Math.round((engine.steps - steps0) / WINDOWS) };
}

/** Heap in use, in MB, after a full collection when node runs with --expose-gc. */
function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round(process.memoryUsage().heapUsed / 1e5) / 10;
}

const rows: Record<string, string | number>[] = [];
for (const target of targets) {
  if (target === undefined) throw new RangeError('targets: avr and/or m4');
  for (const designId of designIds) {
    const { engine, run } = boot(target, designId);
    const row: Record<string, string | number> = { target: target.id, design: designId };
    const started = cpuMs();
    for (const horizon of horizons) {
      if (horizon * target.clockHz > engine.now) run(horizon * target.clockHz);
      const { ms, steps } = cheapestSecond(engine, run, target);
      row[`ms/s @${horizon}s`] = ms;
      row[`steps/s @${horizon}s`] = steps;
      row[`MB @${horizon}s`] = heapMb();
    }
    row['total s'] = Math.round(cpuMs() - started) / 1000;
    // A fresh run after the long one: a cliff that poisoned the process would show here.
    const fresh = boot(target, designId);
    fresh.run((horizons[0] as number) * target.clockHz);
    row['ms/s fresh'] = cheapestSecond(fresh.engine, fresh.run, target).ms;
    const first = row[`ms/s @${horizons[0]}s`] as number;
    const last = row[`ms/s @${horizons[horizons.length - 1]}s`] as number;
    row['last/first'] = Math.round((last / first) * 100) / 100;
    rows.push(row);
    console.log(JSON.stringify(row));
  }
}
console.table(rows);
