import { describe, expect, it } from 'vitest';
import { responseTimes } from '../../analysis/reducers/index.ts';
import { measureRun } from '../../experiments/measure-run.ts';
import { m4 } from '../../hardware/targets/index.ts';
import { svcGateCycles } from '../../multiapp/svc-gate.ts';
import { appIssues } from '../app-rules.ts';
import { loadWorkload } from '../load.ts';
import type { AppHeader, TaskSpec, Workload } from '../types.ts';

/*
 * The multi-APP management module: the M4 management-module meter with its two user APPs installed
 * as isolated APPs. Every header figure is derived again here from the limits README.md cites
 * (DL/T 645-2007's tariff tables, the metrology reads), so a figure typed wrong in the JSON fails.
 */

const w = loadWorkload('m4-multi-app-meter');
const base = loadWorkload('m4-management-module');

const headerOf = (app: string): AppHeader => {
  const spec = w.apps?.find((a) => a.name === app);
  if (spec === undefined) throw new Error(`no APP ${app}`);
  return spec.header;
};
const task = (name: string): TaskSpec => {
  const t = w.tasks.find((x) => x.name === name);
  if (t === undefined) throw new Error(`no task ${name}`);
  return t;
};

/** DL/T 645-2007 appendix A limits (04000201-04000205) and entry sizes: time zone and period 3 bytes, holiday 4. */
const ZONES = 14;
const PERIOD_TABLES = 8;
const PERIODS_A_DAY = 14;
const HOLIDAYS = 254;
/** Four tariffs (peak, high, flat, valley) and the total, forward and reverse active energy, 4 bytes each. */
const ENERGY_REGISTERS = 2 * (4 + 1);
const POINTER_BYTES = 4;

describe('the multi-APP Cortex-M4 management module', () => {
  it('is the M4 management module with its two user APPs declared as APPs and nothing else changed', () => {
    expect(w.tasks.map(({ app: _app, ...t }) => t)).toEqual(base.tasks);
    expect(w.ioLines).toEqual(base.ioLines);
    expect(w.resources).toEqual(base.resources);
    expect(w.tasks.filter((t) => t.app !== undefined).map((t) => [t.name, t.app])).toEqual([['app-tariff', 'tariff'], ['app-load-monitor', 'load-monitor']]);
    for (const app of w.apps ?? []) expect(app.source ?? '').not.toBe('');
  });

  it('passes every APP header rule, and the rules catch a header that lacks a permission its task needs', () => {
    expect(appIssues(w, m4)).toEqual([]);
    const withoutMutex: Workload = { ...w, apps: (w.apps ?? []).map((a) => (a.name === 'tariff' ? { ...a, header: { ...a.header, permissions: ['delay'] } } : a)) };
    const tariffTask = w.tasks.findIndex((t) => t.name === 'app-tariff');
    expect(appIssues(withoutMutex, m4).map((i) => i.path.join('.'))).toEqual([`tasks.${tariffTask}.body.1.op`, `tasks.${tariffTask}.body.3.op`]);
  });

  it('sizes the tariff APP from the DL/T 645 tables it keeps, two sets of zones and periods, holidays and energy', () => {
    const h = headerOf('tariff');
    const tables = 2 * (ZONES * 3 + PERIOD_TABLES * PERIODS_A_DAY * 3) + HOLIDAYS * 4;
    expect(h.bssBytes).toBe(tables + ENERGY_REGISTERS * 4);
    // The GOT, three settlement days of 2 bytes, two switch times of 5 bytes.
    expect(h.dataBytes).toBe(h.gotEntries * POINTER_BYTES + 3 * 2 + 2 * 5);
    // Eight queued DL/T 645 data fields of at most 200 bytes, rounded up to whole KB.
    expect(h.heapBytes).toBe(Math.ceil((8 * 200) / 1024) * 1024);
  });

  it('sizes the load-monitoring APP from five seconds of the 20 metrology registers a second', () => {
    const h = headerOf('load-monitor');
    expect(h.bssBytes).toBe(5 * 20 * 4);
    expect(h.dataBytes).toBe(h.gotEntries * POINTER_BYTES);
  });

  it('gives each APP its task\'s stack plus the main thread\'s, its task\'s priority, and only the services its task calls', () => {
    for (const [app, taskName] of [['tariff', 'app-tariff'], ['load-monitor', 'app-load-monitor']] as const) {
      const h = headerOf(app);
      expect(h.stackBytes).toBe(h.mainStackBytes + (task(taskName).stackBytes ?? 0));
      expect(h.mainPriority).toBe(task(taskName).priority);
    }
    // app-tariff locks energy-db; both end each periodic job in a delay-until.
    expect(headerOf('tariff').permissions).toEqual(['mutex', 'delay']);
    expect(headerOf('load-monitor').permissions).toEqual(['delay']);
  });
});

/** `name`'s task alone (with its APP when `inApp`), released first at 1 ms so that no job holds the boot's first switch into the APP (its MPU load). */
function alone(name: string, inApp: boolean): Workload {
  const t = task(name);
  const { app: _app, ...plain } = t;
  const late: TaskSpec = { ...(inApp ? t : plain), trigger: { kind: 'periodic', periodUs: 1_000_000, offsetUs: 1000 } };
  return { ...w, ioLines: [], tasks: [late], apps: inApp ? (w.apps ?? []).filter((a) => a.name === t.app) : [] };
}

/** The longest response of the one task in `workload` on ucos2 on the GD32F450 over three jobs. */
function longestResponse(workload: Workload): number {
  const { responses } = measureRun({ profile: 'ucos2', target: m4, workload, durationMs: 2500, seed: 1, reducers: { responses: responseTimes() } });
  return responses[0]?.longestCycles ?? Number.NaN;
}

describe('the multi-APP meter\'s APP tasks in a run', () => {
  it('pay the SVC gate on each kernel call inside their job: two for the tariff APP\'s lock and unlock, none for the load monitor', () => {
    // By hand from the bodies: app-tariff locks and unlocks energy-db in each job; app-load-monitor only
    // computes. The delay-until that ends a job runs after the job's end, outside its response.
    expect(longestResponse(alone('app-tariff', true)) - longestResponse(alone('app-tariff', false))).toBe(2 * svcGateCycles(m4));
    expect(longestResponse(alone('app-load-monitor', true)) - longestResponse(alone('app-load-monitor', false))).toBe(0);
  });
});
