import { edfOffsets } from './edf.ts';
import { leastFixpoint } from './fixpoint.ts';
import { defaultHorizonCycles, loadWith, overloaded, type AnalysisTask, type ModelBounds, type TaskSetModel } from './model.ts';

/*
 * The five-OS paper's equations (1)-(16) (Wang et al., JSEA 2010, section 5) exactly as written,
 * in the reading of the reference notes, labelled `paper`. They are unsafe in known ways (no
 * blocking in the FP form, ceil instead of floor + 1 at the start of the final region, only the
 * first job of the busy period, TH_i = 0 hides all interference, best cases valid only for strictly
 * periodic tasks); `fp.ts`, `edf.ts` and `best-case.ts` are the corrected analysis.
 * Modelling choices the paper leaves open: hp(i) holds the strictly more urgent tasks; interrupt loads count as higher-priority tasks in hp(i)
 * (they are, to any task); the EDF offsets a range over Spuri's set in the synchronous busy period;
 * W^b of (13) takes the tasks j != i with D_j <= D_i (the index set of (10) at a = 0); a negative
 * value of the downward iteration of (4)/(13) (possible only when TH_i = 0) is taken as 0.
 */


/** Iterates x = f(x) from `start` until it repeats, as the paper's "iterative calculation" does, in either direction. */
function iterate(f: (x: number) => number, start: number, limit: number): number {
  let x = start;
  for (let n = 0; n < 1_000_000; n++) {
    const next = Math.max(0, f(x));
    if (next === x) return x;
    if (next > limit || !Number.isSafeInteger(next)) return Infinity;
    x = next;
  }
  return Infinity;
}

/** The paper's (7)/(16) J = L^max - L^min, unbounded (not NaN) when both iterations diverge. */
function paperBounds(name: string, lmax: number, lmin: number): ModelBounds {
  return { name, wcrtCycles: lmax, bcrtCycles: lmin, jitterCycles: lmax === Infinity ? Infinity : lmax - lmin };
}

type Job = { periodCycles: number; wcetCycles: number; bcetCycles: number };

function hpJobs(model: TaskSetModel, ti: AnalysisTask): Job[] {
  return [
    ...model.tasks.filter((t) => t.priority < ti.priority),
    ...model.interrupts.map((l) => ({ periodCycles: l.periodCycles, wcetCycles: l.costCycles, bcetCycles: l.bestCostCycles })),
  ];
}

/** Equations (1)-(7), fixed priority: worst case L^max, best case L^min and jitter J = L^max - L^min per task. */
export function paperFixedPriority(model: TaskSetModel, horizonCycles = defaultHorizonCycles(model)): ModelBounds[] {
  return model.tasks.map((ti) => {
    const hp = hpJobs(model, ti);
    const th = ti.preemptibleCycles;
    // (1) L^p = TH_i + sum_{k in hp(i)} ceil(L^p / T_k) C_k, least solution from L^p(0) = TH_i.
    const lp = leastFixpoint((l) => th + hp.reduce((s, k) => s + Math.ceil(l / k.periodCycles) * k.wcetCycles, 0), th, horizonCycles);
    // (2) L^np = C_i - TH_i; (3) L^max = L^p + L^np.
    const lmax = lp + (ti.wcetCycles - th);
    // (4) L^bp = min(C^b_i, TH_i) + sum_{k in hp(i)} (ceil(L^bp / T_k) - 1) C^b_k, greatest solution from T_i.
    const lbp = iterate((l) => Math.min(ti.bcetCycles, th) + hp.reduce((s, k) => s + (Math.ceil(l / k.periodCycles) - 1) * k.bcetCycles, 0), ti.periodCycles, horizonCycles);
    // (5) L^bnp = max(C^b_i - TH_i, 0); (6) L^min = L^bp + L^bnp; (7) J_i = L^max - L^min.
    const lmin = lbp + Math.max(ti.bcetCycles - th, 0);
    return paperBounds(ti.name, lmax, lmin);
  });
}

/** Equations (8)-(16), EDF: worst case L^max, best case L^min and jitter J = L^max - L^min per task. */
export function paperEdf(model: TaskSetModel, horizonCycles = defaultHorizonCycles(model)): ModelBounds[] {
  const all = [...model.tasks];
  const irq = model.interrupts;
  const busy = overloaded(loadWith(model, all), 0)
    ? Infinity
    : leastFixpoint(
        (l) => all.reduce((s, t) => s + Math.ceil(l / t.periodCycles) * t.wcetCycles, 0) + irq.reduce((s, k) => s + Math.ceil(l / k.periodCycles) * k.costCycles, 0),
        Math.min(...all.map((t) => t.wcetCycles)),
        horizonCycles,
      );
  return model.tasks.map((ti, i) => {
    const th = ti.preemptibleCycles;
    let lp = th;
    const offsets = Number.isFinite(busy) ? edfOffsets(all, i, busy) : undefined;
    if (offsets === undefined) lp = Infinity;
    else {
      for (const a of offsets) {
        const dAbs = a + ti.deadlineCycles;
        // (9): max_{j: D_j > a + D_i} (C_j - TH_j), the blocking by a later-deadline job.
        const blocking = Math.max(0, ...all.filter((t) => t.deadlineCycles > dAbs).map((t) => t.wcetCycles - t.preemptibleCycles));
        // (10) W_i(a, t) = sum_{j != i, D_j <= a + D_i} min(ceil(t / T_j), 1 + floor((a + D_i - D_j) / T_j)) C_j.
        const w = (t: number): number =>
          all.reduce((s, tj, j) => (j === i || tj.deadlineCycles > dAbs ? s : s + Math.min(Math.ceil(t / tj.periodCycles), 1 + Math.floor((dAbs - tj.deadlineCycles) / tj.periodCycles)) * tj.wcetCycles), 0) +
          irq.reduce((s, k) => s + Math.ceil(t / k.periodCycles) * k.costCycles, 0);
        // (9) L^pre(a) = blocking + W_i(a, L^pre) + floor(a / T_i) C_i + TH_i, least solution from 0.
        const pre = leastFixpoint((l) => blocking + w(l) + Math.floor(a / ti.periodCycles) * ti.wcetCycles + th, 0, horizonCycles);
        // (8) L^p = max_a (L^pre(a) - a), at least TH_i.
        lp = Math.max(lp, pre - a);
      }
    }
    // (11) L^np = C_i - TH_i; (12) L^max = L^p + L^np.
    const lmax = lp + (ti.wcetCycles - th);
    // (13) L^bp = min(C^b_i, TH_i) + W^b(L^bp), greatest solution from T_i, W^b = sum (ceil(t / T_j) - 1) C^b_j.
    const earlier = [
      ...all.filter((t, j) => j !== i && t.deadlineCycles <= ti.deadlineCycles),
      ...irq.map((l) => ({ periodCycles: l.periodCycles, bcetCycles: l.bestCostCycles })),
    ];
    const lbp = iterate((l) => Math.min(ti.bcetCycles, th) + earlier.reduce((s, tj) => s + (Math.ceil(l / tj.periodCycles) - 1) * tj.bcetCycles, 0), ti.periodCycles, horizonCycles);
    // (14) L^bnp = max(0, C^b_i - TH_i); (15) L^min = L^bp + L^bnp; (16) J_i = L^max - L^min.
    const lmin = lbp + Math.max(0, ti.bcetCycles - th);
    return paperBounds(ti.name, lmax, lmin);
  });
}
