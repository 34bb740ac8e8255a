import { describe, expect, it } from 'vitest';
import { Engine } from '../../hardware/engine.ts';
import { ProbeEvent, type ProbeRecord } from '../../hardware/probe.ts';
import { avr, ideal, m4 } from '../../hardware/targets/index.ts';
import type { Step, TaskSpec, Workload } from '../../workloads/types.ts';
import { bootMos } from './boot.ts';
import type { MosConfig } from './config.ts';

/*
 * Golden schedules on the M4, cycles counted by hand from ARM DDI 0439 Table 3-1 as lowered in
 * hardware/targets/m4.ts (LDR.lit 2, LDR/LDRB 2, STR 1, ALU 1, CMP+BNE 2 not taken, B/BL/BX 3,
 * MRS/MSR 2, CPSID 1, CLZ 1, PUSH/POP 1+N, ISB 3; a global is one LDR/STR off the function's base,
 * the flash table one LDR.lit + LDRB):
 * - dispatch fixed part: pick-enter 3+2+2 = 7, band 4+2+2 = 8, message 2+1+1+2 = 6,
 *   clear 4+1+1+2+2+1+1+2 = 14, call 1+1+2+1+2+3 = 10: 45; plus two CLZ: 47.
 * - task return: BX lr 3 + B 3 = 6. Same-level handoff = 6 + 47 = 53.
 * - ISR exit with a pending module: leave 2+1+1+2 = 6, check 4 + 1 + 12 = 17, epilogue POP{r4,lr} 3.
 * - level switch 2+1+1+1+2+1+1 = 9; context save (PendSV save half) 2+3+2+2+1+1+1+10+1 = 23;
 *   exception return 10; context restore 2+2+10+1+1+1+2+3 = 22.
 * - Preemption: 6 + 17 + 3 + 9 + 23 + 10 + 22 + 47 = 137 from SwitchOut to SwitchIn.
 * - Resume after the high task exits: return 6 + check on an empty modRdy 4 + switch 9 + restore 22 = 41.
 * - To idle (subject = task count): return 6 + empty check 4 + level switch 9 = 19.
 * - From idle: leave 6 + check 17 + epilogue 3 + level switch 9 (nothing to save) + exception
 *   return 10 + restore 22 + dispatch 47 = 114.
 */
const SAME_LEVEL_HANDOFF_M4 = 6 + 47;
const PREEMPTION_M4 = 6 + 17 + 3 + 9 + 23 + 10 + 22 + 47;
const RESUME_M4 = 6 + 4 + 9 + 22;
const TO_IDLE_M4 = 6 + 4 + 9;
const FROM_IDLE_M4 = 6 + 17 + 3 + 9 + 10 + 22 + 47;

function task(name: string, priority: number, line: string, cycles: number, extra: Step[] = []): TaskSpec {
  return { name, priority, trigger: { kind: 'io', line }, body: [{ op: 'compute', cycles }, ...extra] };
}

function workload(tasks: TaskSpec[], lines: { name: string; offsetUs: number }[]): Workload {
  return {
    name: 'golden',
    description: 'hand-checked schedule',
    referenceTarget: 'm4',
    tickHz: 1000,
    tasks,
    // Each line fires once inside the run (the period is far longer than the run).
    ioLines: lines.map((l, i) => ({ name: l.name, priority: i, arrival: { kind: 'periodic', periodUs: 1e6, offsetUs: l.offsetUs }, isrCycles: 20 })),
  };
}

/** SwitchOut-to-SwitchIn spans in stream order (the idle loop is subject = task count). */
function spans(trace: readonly ProbeRecord[]): { from: number; to: number; cycles: number }[] {
  const out: { from: number; to: number; cycles: number }[] = [];
  let open: ProbeRecord | undefined;
  for (const e of trace) {
    if (e.type === ProbeEvent.SwitchOut) open = e;
    else if (e.type === ProbeEvent.SwitchIn && open !== undefined) {
      out.push({ from: open.subject, to: e.subject, cycles: e.time - open.time });
      open = undefined;
    }
  }
  return out;
}

/** Boots MOS on the M4 with `w`, keeping the whole trace, and runs one millisecond. */
function runOneMsOnM4(w: Workload, config?: MosConfig): { system: ReturnType<typeof bootMos>; engine: Engine; trace: readonly ProbeRecord[] } {
  const engine = new Engine({ target: m4, seed: 1, keepTrace: true });
  const system = bootMos({ engine, workload: w, ...(config === undefined ? {} : { config }) });
  system.run(m4.clockHz / 1000);
  return { system, engine, trace: engine.probe.trace() };
}

/** Job starts and ends in stream order, as 'start <task>' and 'end <task>'. */
function jobOrder(trace: readonly ProbeRecord[]): string[] {
  return trace.filter((e) => e.type === ProbeEvent.JobStart || e.type === ProbeEvent.JobEnd).map((e) => `${e.type === ProbeEvent.JobStart ? 'start' : 'end'} ${e.subject}`);
}

describe('MOS golden schedules (M4, hand-counted cycles)', () => {
  it('runs two tasks of one module back to back, in bit order, with a return and a call between them and no context save', () => {
    const w = workload([task('a', 0, 'pulse', 1000), task('b', 0, 'pulse', 1000)], [{ name: 'pulse', offsetUs: 10 }]);
    const { system, trace } = runOneMsOnM4(w);
    const starts = trace.filter((e) => e.type === ProbeEvent.JobStart).map((e) => e.subject);
    expect(starts).toEqual([0, 1]);
    const idle = 2;
    expect(spans(trace)).toEqual([
      { from: idle, to: 0, cycles: FROM_IDLE_M4 },
      { from: 0, to: 1, cycles: SAME_LEVEL_HANDOFF_M4 },
      { from: 1, to: idle, cycles: TO_IDLE_M4 },
    ]);
    expect(system.stats.contextSaves).toBe(0);
    expect(system.stats.sameLevelDispatches).toBe(1);
  });

  it('lets a higher level preempt a lower one with a context save and restore, then resumes the lower task', () => {
    // 'low' on level 1 computes for 2000 cycles; the 'pulse' ISR at 5 us (1000 cycles) posts 'high' on level 0.
    const w = workload([task('high', 0, 'pulse', 300), task('low', 1, 'uart', 2000)], [{ name: 'uart', offsetUs: 0 }, { name: 'pulse', offsetUs: 5 }]);
    const { system, engine, trace } = runOneMsOnM4(w, { levels: 2 });
    expect(jobOrder(trace)).toEqual(['start 1', 'start 0', 'end 0', 'end 1']);
    const idle = 2;
    expect(spans(trace)).toEqual([
      { from: idle, to: 1, cycles: FROM_IDLE_M4 },
      { from: 1, to: 0, cycles: PREEMPTION_M4 },
      { from: 0, to: 1, cycles: RESUME_M4 },
      { from: 1, to: idle, cycles: TO_IDLE_M4 },
    ]);
    expect(system.stats.contextSaves).toBe(1);
    // The low task still gets exactly its own work done.
    expect(engine.cpu.task).toBe(2000 + 300);
  });

  it('never preempts a running task for a more urgent task on the same level: it waits for the exit', () => {
    // Both modules on level 0: 'high' (module 0) is posted while 'low' (module 1) runs.
    const w = workload([task('high', 0, 'pulse', 300), task('low', 1, 'uart', 2000)], [{ name: 'uart', offsetUs: 0 }, { name: 'pulse', offsetUs: 5 }]);
    const { system, trace } = runOneMsOnM4(w, { levels: 1 });
    expect(jobOrder(trace)).toEqual(['start 1', 'end 1', 'start 0', 'end 0']);
    const idle = 2;
    expect(spans(trace)).toEqual([
      { from: idle, to: 1, cycles: FROM_IDLE_M4 },
      { from: 1, to: 0, cycles: SAME_LEVEL_HANDOFF_M4 },
      { from: 0, to: idle, cycles: TO_IDLE_M4 },
    ]);
    expect(system.stats.contextSaves).toBe(0);
  });

  it('keeps the same-level handoff flat in the number of pending tasks on the M4 (one CLZ per bitmap)', () => {
    for (const pending of [2, 5, 17, 32]) {
      const tasks = Array.from({ length: pending }, (_, i) => task(`t${i}`, 0, 'pulse', 100));
      const betweenTasks = spans(runOneMsOnM4(workload(tasks, [{ name: 'pulse', offsetUs: 10 }])).trace).filter((s) => s.from < pending && s.to < pending);
      expect(betweenTasks).toHaveLength(pending - 1);
      const cycles = new Set(betweenTasks.map((s) => s.cycles));
      expect([...cycles]).toEqual([SAME_LEVEL_HANDOFF_M4]);
    }
  });

  it('on the AVR prices a handoff by the byte holding the next bit, not by how many bits are set', () => {
    // AVR byte scan: skip a zero byte = CP 1 + BRNE taken 2 = 3 cycles (datasheet 2467).
    const skip = 3;
    const engine = new Engine({ target: avr, seed: 1, keepTrace: true });
    const tasks = Array.from({ length: 32 }, (_, i) => task(`t${i}`, 0, 'pulse', 100));
    bootMos({ engine, workload: { ...workload(tasks, [{ name: 'pulse', offsetUs: 10 }]), referenceTarget: 'avr' } }).run(avr.clockHz / 100);
    const handoffs = spans(engine.probe.trace()).filter((s) => s.from < 32 && s.to < 32);
    expect(handoffs).toHaveLength(31);
    const base = handoffs[0]?.cycles ?? 0;
    // Handoff into task b: its bit is in byte floor(b / 8); tasks b..31 are still pending, so the
    // module word's byte index is the only thing that changes the cost.
    handoffs.forEach((h) => expect(h.cycles - base).toBe(skip * Math.floor(h.to / 8)));
  });

  it('reports a deadline miss when a job ends after its release plus its relative deadline, and only then', () => {
    // At 200 MHz, 2 us = 400 cycles: 'late' computes 1000 cycles and must miss; 'ok' has 100 us.
    const w = workload(
      [
        { ...task('late', 0, 'pulse', 1000), deadlineUs: 2 },
        { ...task('ok', 0, 'pulse', 1000), deadlineUs: 100 },
      ],
      [{ name: 'pulse', offsetUs: 10 }],
    );
    const misses = runOneMsOnM4(w).trace.filter((e) => e.type === ProbeEvent.DeadlineMiss).map((e) => e.subject);
    expect(misses).toEqual([0]);
  });

  it('switches to and from the idle loop like a task (subject = task count), with no context save either way', () => {
    const w = workload([task('only', 0, 'pulse', 500)], [{ name: 'pulse', offsetUs: 10 }]);
    const every100us = { ...w, ioLines: [{ name: 'pulse', priority: 0, arrival: { kind: 'periodic' as const, periodUs: 100, offsetUs: 10 }, isrCycles: 20 }] };
    const { system, trace } = runOneMsOnM4(every100us);
    const all = spans(trace);
    expect(all.length).toBeGreaterThan(10);
    const idle = 1;
    all.forEach((s, i) => expect(s).toEqual(i % 2 === 0 ? { from: idle, to: 0, cycles: FROM_IDLE_M4 } : { from: 0, to: idle, cycles: TO_IDLE_M4 }));
    expect(system.stats.contextSaves).toBe(0);
  });
});

describe('MOS on the ideal machine with exact releases', () => {
  it('lets releases of one instant meet one decision: the more urgent task of a level runs first, whichever line posted first', () => {
    // One level, both released at 0: 'low' (listed first, so its release line is taken first) and
    // 'high'. A textbook schedule runs high 0-50, then low 50-350. Dispatching low at the first
    // line's exit, at the same cycle high is posted, ran low first and held high for its whole job.
    const w: Workload = {
      name: 'one-instant',
      description: 'two periodic tasks of one level released at the same instant',
      referenceTarget: 'ideal',
      tickHz: 1000,
      tasks: [
        { name: 'low', priority: 1, trigger: { kind: 'periodic', periodUs: 10_000 }, body: [{ op: 'compute', cycles: 300 }] },
        { name: 'high', priority: 0, trigger: { kind: 'periodic', periodUs: 10_000 }, body: [{ op: 'compute', cycles: 50 }] },
      ],
    };
    const engine = new Engine({ target: ideal, seed: 1, keepTrace: true });
    const system = bootMos({ engine, workload: w, config: { levels: 1 }, releases: 'exact' });
    system.run(1000);
    const trace = engine.probe.trace();
    expect(jobOrder(trace)).toEqual(['start 1', 'end 1', 'start 0', 'end 0']);
    expect(trace.filter((e) => e.type === ProbeEvent.JobEnd).map((e) => e.time)).toEqual([50, 350]);
  });
});
