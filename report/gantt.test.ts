import { describe, expect, it } from 'vitest';
import type { ChromeTrace, TraceEvent } from '../analysis/reducers/chrome-trace.ts';
import { ganttData, ganttSpec } from './gantt.ts';
import { toSvg } from './render.ts';

const meta = (tid: number, name: string): TraceEvent => ({ name: 'thread_name', ph: 'M', pid: 1, tid, args: { name } });
const span = (tid: number, cat: string, ts: number, dur: number): TraceEvent => ({ name: 'x', cat, ph: 'X', ts, dur, pid: 1, tid });
const instant = (tid: number, name: string, ts: number): TraceEvent => ({ name, cat: 'marker', ph: 'i', s: 't', ts, pid: 1, tid });

// Task a runs 0-40 us and 90-150 us, task b 40-90 us; the tick ISR 100-104; a masked section 100-110;
// releases of a at 0 and 90, a switch to b at 40, a job of b lost at 260. Track 3 (task c) has nothing in any window.
const TRACE: ChromeTrace = {
  traceEvents: [
    meta(1, 'a'), meta(2, 'b'), meta(3, 'c'), meta(5, 'interrupts off'), meta(6, 'ISR tick'),
    span(1, 'task', 0, 40), span(2, 'task', 40, 50), span(1, 'task', 90, 60), span(6, 'isr', 100, 4), span(5, 'masked', 100, 10),
    instant(1, 'release', 0), instant(1, 'release', 90), instant(2, 'switch', 40), instant(2, 'lost', 260),
  ],
  displayTimeUnit: 'ns',
  otherData: { eventLimit: 100, truncated: false, truncatedAtUs: null },
};

describe('ganttData', () => {
  it('clips spans to the window and keeps only the rows with something in it, in track order', () => {
    const d = ganttData(TRACE, { fromUs: 30, toUs: 95 });
    expect(d.rows).toEqual(['a', 'b']);
    expect(d.bars).toEqual([
      { row: 'a', fromUs: 30, toUs: 40, kind: 'task running' },
      { row: 'b', fromUs: 40, toUs: 90, kind: 'task running' },
      { row: 'a', fromUs: 90, toUs: 95, kind: 'task running' },
    ]);
    expect(d.markers).toEqual([
      { row: 'a', atUs: 90, kind: 'release' },
      { row: 'b', atUs: 40, kind: 'switch in' },
    ]);
  });

  it('draws ISR and masked rows with their own kinds', () => {
    const d = ganttData(TRACE, { fromUs: 95, toUs: 200 });
    expect(d.rows).toEqual(['a', 'interrupts off', 'ISR tick']);
    expect(d.bars.filter((b) => b.row !== 'a').map((b) => b.kind)).toEqual(['ISR', 'interrupts off']);
  });

  it("marks a lost job on its task's row", () => {
    const d = ganttData(TRACE, { fromUs: 200, toUs: 300 });
    expect(d.rows).toEqual(['b']);
    expect(d.markers).toEqual([{ row: 'b', atUs: 260, kind: 'job lost' }]);
  });
});

describe('ganttSpec', () => {
  it('lists in its legend only the kinds the window draws', async () => {
    const svg = await toSvg(ganttSpec(ganttData(TRACE, { fromUs: 30, toUs: 95 }), { fromUs: 30, toUs: 95 }, 'two tasks'));
    expect(svg).toContain('switch in');
    expect(svg).not.toContain('job lost');
    expect(svg).not.toContain('interrupts off');
  });

  it('renders to an SVG with a row label per track and a legend entry per kind', async () => {
    const svg = await toSvg(ganttSpec(ganttData(TRACE, { fromUs: 0, toUs: 300 }), { fromUs: 0, toUs: 300 }, 'two tasks'));
    for (const label of ['two tasks', 'ISR tick', 'interrupts off', 'task running', 'release', 'switch in', 'job lost', 'time since the start of the run (us)']) expect(svg).toContain(label);
  });
});
