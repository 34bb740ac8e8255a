import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { REPO_ROOT } from '../experiments/runner/fingerprint.ts';
import { readFontWidths, textWidth, type FontWidths } from './font-widths.ts';
import { rendererKey } from './figure-sources.ts';

/** The one font family the charts use; the PNG renderer is given its files. */
export const FONT_FAMILY = 'DejaVu Sans';

const FALLBACK_DIR = '/usr/share/fonts/truetype/dejavu';

/** The DejaVu files found, once per process: the text measurer, the rasteriser and both renderer keys read them. */
let dejaVu: readonly string[] | undefined;

/** Paths of DejaVu Sans regular and bold (fonts are never committed). */
function dejaVuFiles(): readonly string[] {
  dejaVu ??= findDejaVuFiles();
  return dejaVu;
}

/** Paths of DejaVu Sans regular and bold, found with fc-list. */
function findDejaVuFiles(): string[] {
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
    fontOptions = { loadSystemFonts: false, fontFiles: [...files], defaultFontFamily: FONT_FAMILY };
  }
  return fontOptions;
}

/** The part of a vega text item its width depends on. */
interface TextItem {
  readonly text?: unknown;
  readonly fontSize?: number;
  readonly fontWeight?: string | number;
  readonly limit?: number;
}

/** vega's text measurer, which it documents as replaceable (vl-convert replaces it); the typings omit it. */
const vegaTextMetrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text?: unknown) => number } }).textMetrics;

/** vega's font size when an item sets none. */
const VEGA_DEFAULT_FONT_SIZE = 11;

let measuring: 'fonts' | 'estimate' | undefined;

/** Makes vega measure text with DejaVu Sans's own advance widths, once; keeps vega's estimate when the fonts are missing. */
function measureWithDejaVu(): void {
  if (measuring !== undefined) return;
  const files = dejaVuFiles();
  const regularPath = files.find((f) => f.endsWith('DejaVuSans.ttf'));
  if (regularPath === undefined) {
    measuring = 'estimate';
    return;
  }
  const regular = readFontWidths(regularPath);
  const boldPath = files.find((f) => f.endsWith('DejaVuSans-Bold.ttf'));
  const bold: FontWidths = boldPath === undefined ? regular : readFontWidths(boldPath);
  vegaTextMetrics.width = (item, text) => {
    const value = text ?? item.text;
    const lines = Array.isArray(value) ? value.map(String) : [value === undefined || value === null ? '' : String(value)];
    const weight = item.fontWeight;
    const widths = weight === 'bold' || (typeof weight === 'number' && weight >= 600) ? bold : regular;
    const widest = Math.max(0, ...lines.map((line) => textWidth(widths, line.trim(), item.fontSize ?? VEGA_DEFAULT_FONT_SIZE)));
    // A label with a limit is drawn cut to it, so it takes no more room than the limit.
    return item.limit !== undefined && item.limit > 0 ? Math.min(widest, item.limit) : widest;
  };
  measuring = 'fonts';
}

/** Renders a vega-lite spec to SVG text (vega's headless renderer), measuring text in DejaVu Sans. */
export async function toSvg(spec: TopLevelSpec): Promise<string> {
  measureWithDejaVu();
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

/**
 * The files that pin `packages` as installed: the lock file (every package they use, native
 * binaries included) and each one's package.json. Undefined when any is missing: nothing then
 * pins what renders, and nothing is reused.
 */
function installedPackageFiles(packages: readonly string[]): string[] | undefined {
  const files = [join(REPO_ROOT, 'package-lock.json'), ...packages.map((pkg) => join(REPO_ROOT, 'node_modules', pkg, 'package.json'))];
  return files.every(existsSync) ? files : undefined;
}

/**
 * The SVG renderer's identity: vega and vega-lite as installed, this module and the text measurer's
 * code, and the measuring font's bytes.
 */
export function svgRenderer(): string | undefined {
  measureWithDejaVu();
  const installed = installedPackageFiles(['vega', 'vega-lite']);
  if (installed === undefined) return undefined;
  const self = fileURLToPath(import.meta.url);
  const measurer = fileURLToPath(new URL(`./font-widths${extname(self)}`, import.meta.url));
  const fonts = measuring === 'fonts' ? dejaVuFiles() : [];
  return rendererKey({ renderer: 'vega', options: { measuring }, files: [...installed, self, measurer, ...fonts] });
}

/**
 * The PNG rasteriser's identity: resvg as installed, the options and the font files' bytes (not
 * their paths). Undefined when the PNGs use whatever system fonts there are, which nothing pins down.
 */
export function pngRasteriser(): string | undefined {
  const options = pngOptions();
  const font = options.font;
  const installed = installedPackageFiles(['@resvg/resvg-js']);
  if (font === undefined || font.loadSystemFonts !== false || installed === undefined) return undefined;
  return rendererKey({ renderer: 'resvg', options: { ...options, font: { ...font, fontFiles: undefined } }, files: [...installed, ...(font.fontFiles ?? [])] });
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
