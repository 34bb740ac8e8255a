import type { TopLevelSpec } from 'vega-lite';
import type { Calibration } from '../calibration/calibrate.ts';
import { BYTE_TOLERANCE, CYCLE_TOLERANCE, within } from '../calibration/tolerances.ts';
import type { Figure } from './figures.ts';
import { markdownTable } from './markdown.ts';
import { FONT_FAMILY } from './render.ts';

/*
 * The calibration figure: the cost model against compiled code (avr-gcc -Os timed on simavr,
 * avr-nm / arm-none-eabi-nm sizes), one point per path, read from results/calibration.json. A point
 * on the diagonal is a path the model prices exactly.
 */

const FIGURE_ID = 'calibration';

interface Point {
  readonly path: string;
  readonly panel: string;
  readonly series: string;
  readonly model: number;
  readonly compiled: number;
}

/** One point per path: its cycles at the largest state size timed, and its bytes on each target. */
function points(cal: Calibration): Point[] {
  const out: Point[] = [];
  for (const p of cal.paths) {
    const last = p.states.at(-1);
    if (last !== undefined) out.push({ path: p.id, panel: 'AVR cycles', series: 'AVR cycles', model: last.modelCycles, compiled: last.compiledCycles });
    for (const [target, b] of [['AVR', p.bytes.avr], ['M4', p.bytes.m4]] as const) {
      if (b.model !== undefined) out.push({ path: p.id, panel: 'bytes', series: `${target} bytes`, model: b.model, compiled: b.compiled });
    }
  }
  return out;
}

function panel(values: readonly Point[], title: string): Record<string, unknown> {
  const top = Math.max(...values.flatMap((v) => [v.model, v.compiled]));
  return {
    width: 300,
    height: 300,
    title,
    layer: [
      { data: { values: [{ x: 0, y: 0 }, { x: top, y: top }] }, mark: { type: 'line', color: '#999', strokeDash: [4, 4] }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } },
      {
        data: { values },
        mark: { type: 'point', filled: true, size: 60 },
        encoding: {
          x: { field: 'compiled', type: 'quantitative', title: 'compiled code' },
          y: { field: 'model', type: 'quantitative', title: 'kbench model' },
          color: { field: 'series', type: 'nominal', title: 'measure' },
          shape: { field: 'series', type: 'nominal', title: 'measure' },
          tooltip: [{ field: 'path' }, { field: 'model' }, { field: 'compiled' }],
        },
      },
    ],
  };
}

/** The calibration figure, or none when results/calibration.json is absent. */
export function calibrationFigures(cal: Calibration | undefined): Figure[] {
  if (cal === undefined) return [];
  const all = points(cal);
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: { font: FONT_FAMILY },
    title: 'Cost model against compiled code, one point per path',
    hconcat: [panel(all.filter((p) => p.panel === 'AVR cycles'), 'AVR cycles (largest state timed)'), panel(all.filter((p) => p.panel === 'bytes'), 'code bytes, AVR and M4')],
    resolve: { scale: { color: 'independent', shape: 'independent' } },
  } as unknown as TopLevelSpec;
  return [{ id: FIGURE_ID, experiment: FIGURE_ID, title: 'Calibration against compiled code', caption: 'kbench model against avr-gcc / arm-none-eabi-gcc -Os code of the same paths (dashed: equal).', spec }];
}

/** The report's calibration section: the figure and each path's ratio, or a note that there is no calibration. */
export function calibrationSection(cal: Calibration | undefined, figures: readonly Figure[]): string {
  const figure = figures.find((f) => f.id === FIGURE_ID);
  if (cal === undefined || figure === undefined) {
    return '## Calibration against compiled code\n\n`results/calibration.json` is absent: run `npm run calibrate` on a machine with avr-gcc, simavr and arm-none-eabi-gcc.';
  }
  const rows = cal.paths.map((p) => {
    const last = p.states.at(-1);
    const ratio = (m: number | undefined, c: number): string => (m === undefined ? '-' : (m / c).toFixed(2));
    return {
      path: p.id,
      cycles: last === undefined ? '-' : `${last.modelCycles} / ${last.compiledCycles} (k=${last.k})`,
      'cycles ratio': last === undefined ? '-' : ratio(last.modelCycles, last.compiledCycles),
      'fit a + b*k (model; compiled)': p.fit === undefined ? '-' : `${p.fit.model.a} + ${p.fit.model.b}k; ${p.fit.compiled.a} + ${p.fit.compiled.b}k`,
      'AVR bytes ratio': ratio(p.bytes.avr.model, p.bytes.avr.compiled),
      'M4 bytes ratio': ratio(p.bytes.m4.model, p.bytes.m4.compiled),
    };
  });
  const outside = cal.paths.filter((p) => p.states.some((s) => !within(s.modelCycles, s.compiledCycles, CYCLE_TOLERANCE))).map((p) => p.id);
  const note = outside.length === 0 ? `Every timed path is within ${CYCLE_TOLERANCE * 100}% in cycles at every state size.` : `Outside ${CYCLE_TOLERANCE * 100}% in cycles: ${outside.join(', ')}.`;
  return `## Calibration against compiled code

Each priced kernel path is written as a C reference kernel (\`calibration/c\`), compiled with avr-gcc -Os for the ATmega128, timed to the cycle on simavr at 8 MHz (Timer1 at clk/1 around an indirect call, minus an empty call; validated on routines of known cost) at several state sizes k, and sized with avr-nm and arm-none-eabi-nm (M4 cycles are not calibrated: no simulator). The test suite holds the model within ${CYCLE_TOLERANCE * 100}% in cycles and ${BYTE_TOLERANCE * 100}% in bytes of these figures. ${note} Tools: ${Object.values(cal.tools).join('; ')}.

![${figure.caption}](figures/${figure.id}.png)

*${figure.caption}* ([SVG](figures/${figure.id}.svg))

${markdownTable(rows)}`;
}
