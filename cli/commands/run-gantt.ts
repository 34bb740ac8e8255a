import type { ChromeTrace } from '../../analysis/reducers/chrome-trace.ts';
import type { GanttWindow } from '../../report/gantt.ts';
import { InputError } from '../exit-codes.ts';

/** The window a Gantt chart shows when `--window-ms` is not given: the first 10 ms (or the whole run, if shorter). */
export const DEFAULT_GANTT_WINDOW_MS = 10;

/** The format of a `--gantt` file, from its extension; bad input otherwise. */
export function ganttFormat(file: string): 'svg' | 'png' {
  const ext = file.toLowerCase().split('.').at(-1);
  if (ext === 'svg' || ext === 'png') return ext;
  throw new InputError(`--gantt: the file must end in .svg or .png, got "${file}"`);
}

/** Parses `--window-ms a:b` (0 <= a < b <= the run's duration) into microseconds; the default window without it. */
export function ganttWindowOption(text: string | undefined, durationMs: number): GanttWindow {
  if (text === undefined) return { fromUs: 0, toUs: Math.min(durationMs, DEFAULT_GANTT_WINDOW_MS) * 1000 };
  const parts = text.split(':');
  const [a, b] = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
  if (parts.length !== 2 || a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b)) throw new InputError(`--window-ms: must be a:b in milliseconds (e.g. 0:5), got "${text}"`);
  if (a < 0 || b <= a) throw new InputError(`--window-ms: must have 0 <= a < b, got "${text}"`);
  if (b > durationMs) throw new InputError(`--window-ms: ends at ${b} ms, after the run's ${durationMs} ms (--duration-ms)`);
  return { fromUs: a * 1000, toUs: b * 1000 };
}

/** Renders the window of `trace` as a Gantt chart into `file` (SVG or PNG by its extension), atomically; says on stderr where the trace stopped short of the window. */
export async function writeGantt(file: string, trace: ChromeTrace, window: GanttWindow, title: string): Promise<void> {
  const [{ ganttData, ganttSpec }, { toPng, toSvg }, { writeFileAtomic }] = await Promise.all([import('../../report/gantt.ts'), import('../../report/render.ts'), import('../../experiments/runner/atomic-write.ts')]);
  const data = ganttData(trace, window);
  const svg = await toSvg(ganttSpec(data, window, title));
  writeFileAtomic(file, ganttFormat(file) === 'svg' ? svg : toPng(svg));
  const cut = trace.otherData.truncatedAtUs;
  const shortBy = cut !== null && cut < window.toUs ? ` (the trace stopped at ${cut} us, inside the window: raise --trace-limit)` : '';
  console.error(`gantt chart of ${window.fromUs / 1000}-${window.toUs / 1000} ms written to ${file}${shortBy}`);
}
