import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/** The one font family the charts use; the PNG renderer is given its files. */
export const FONT_FAMILY = 'DejaVu Sans';

const FALLBACK_DIR = '/usr/share/fonts/truetype/dejavu';

/** Paths of DejaVu Sans regular and bold, found with fc-list (fonts are never committed). */
function dejaVuFiles(): string[] {
  const found: string[] = [];
  try {
    const out = execFileSync('fc-list', [`${FONT_FAMILY}:style=Book`, `${FONT_FAMILY}:style=Bold`, 'file'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    for (const line of out.split('\n')) {
      const path = line.replace(/:\s*$/, '').trim();
      if (/DejaVuSans(-Bold)?\.ttf$/.test(path)) found.push(path);
    }
  } catch {
    // No fontconfig: fall back to the usual Debian path below.
  }
  if (found.length === 0) {
    for (const name of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) if (existsSync(`${FALLBACK_DIR}/${name}`)) found.push(`${FALLBACK_DIR}/${name}`);
  }
  return [...new Set(found)].sort();
}

let fontOptions: ResvgRenderOptions['font'] | undefined;

function fonts(): ResvgRenderOptions['font'] {
  if (fontOptions !== undefined) return fontOptions;
  const files = dejaVuFiles();
  if (files.length === 0) {
    process.stderr.write(`kbench report: ${FONT_FAMILY} not found (install fonts-dejavu-core); PNGs use the system fonts\n`);
    fontOptions = { loadSystemFonts: true, defaultFontFamily: FONT_FAMILY };
  } else {
    fontOptions = { loadSystemFonts: false, fontFiles: files, defaultFontFamily: FONT_FAMILY };
  }
  return fontOptions;
}

/** Renders a vega-lite spec to SVG text (vega's headless renderer). */
export async function toSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** How every PNG is rasterised: twice the SVG's size, on white, with DejaVu Sans from the system. */
function pngOptions(): ResvgRenderOptions {
  return { font: fonts(), fitTo: { mode: 'zoom', value: 2 }, background: 'white' };
}

/** Rasterises SVG to PNG at twice its size on white, with DejaVu Sans from the system. */
export function toPng(svg: string): Uint8Array {
  return new Resvg(svg, pngOptions()).render().asPng();
}

/**
 * `toPng` off the main thread (resvg renders on libuv's thread pool): the same bytes, while the
 * caller lays out the next chart, so a report's figures rasterise on every core.
 */
export async function toPngAsync(svg: string): Promise<Uint8Array> {
  return (await renderAsync(svg, pngOptions())).asPng();
}
