import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { EXPERIMENT_IDS, EXPERIMENTS } from '../experiments/registry.ts';
import { copyFileAtomic, writeFileAtomic } from '../experiments/runner/atomic-write.ts';
import { REPO_ROOT } from '../experiments/runner/fingerprint.ts';
import { loadCalibration } from '../calibration/load.ts';
import { calibrationFigures } from './calibration-figure.ts';
import { CLAIMS } from './claims.ts';
import { figuresFor, type Figure } from './figures.ts';
import { multiappFigures } from './multiapp.ts';
import { VENDORED, indexHtml } from './html.ts';
import { loadResults } from './load.ts';
import { reportMarkdown } from './report-markdown.ts';
import { FIGURE_SOURCES_FILE, FigureSources } from './figure-sources.ts';
import { pngRasteriser, svgRenderer, toPngAsync, toSvg } from './render.ts';

/** Where the report is read from and written to. */
export interface ReportOptions {
  readonly resultsDir: string;
  readonly paperDir: string;
}

/** What `buildReport` wrote. */
export interface ReportOutcome {
  readonly files: readonly string[];
  readonly figures: number;
}

/**
 * Writes each figure's SVG, then its PNG once rasterised: charts are laid out here while earlier
 * PNGs render off-thread. An SVG or PNG already rendered from the same input by the same renderer
 * is kept (report/figure-sources.ts).
 */
async function writeFigures(figures: readonly Figure[], dir: string): Promise<string[]> {
  const written: string[] = [];
  const rasterised: Promise<void>[] = [];
  const sources = new FigureSources(dir, { svg: svgRenderer(), png: pngRasteriser() });
  for (const figure of figures) {
    const spec = JSON.stringify(figure.spec);
    let svg = sources.svg.reuse(figure.id, spec)?.toString('utf8');
    if (svg === undefined) {
      svg = await toSvg(figure.spec);
      writeFileAtomic(join(dir, `${figure.id}.svg`), svg);
      sources.svg.record(figure.id, spec, svg);
    }
    const drawn = svg;
    if (sources.png.reuse(figure.id, drawn) === undefined) {
      rasterised.push(
        toPngAsync(drawn).then((png) => {
          writeFileAtomic(join(dir, `${figure.id}.png`), png);
          sources.png.record(figure.id, drawn, png);
        }),
      );
    }
    written.push(`${figure.id}.svg`, `${figure.id}.png`);
  }
  await Promise.all(rasterised);
  sources.save();
  return [...written, FIGURE_SOURCES_FILE];
}

/** Removes files a previous report wrote that this one did not (a figure whose experiment is gone). */
function pruneStale(dir: string, keep: readonly string[]): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (!keep.includes(name)) rmSync(join(dir, name), { force: true });
}

/**
 * Builds the report from results/ only: `REPORT.md`, one SVG and one PNG per figure under
 * `figures/`, and `index.html` with the vendored vega builds under `vendor/`.
 */
export async function buildReport(options: ReportOptions): Promise<ReportOutcome> {
  const input = loadResults(options.resultsDir, EXPERIMENT_IDS);
  const calibration = loadCalibration(join(options.resultsDir, 'calibration.json'));
  const figures = [...figuresFor(input.results, input.order), ...calibrationFigures(calibration), ...multiappFigures(input.results)];
  const figuresDir = join(options.paperDir, 'figures');
  mkdirSync(figuresDir, { recursive: true });
  const figureFiles = await writeFigures(figures, figuresDir);
  pruneStale(figuresDir, figureFiles);

  const vendorDir = join(options.paperDir, 'vendor');
  const vendorFiles: string[] = [];
  for (const v of VENDORED) {
    const name = v.file.split('/').pop() as string;
    copyFileAtomic(join(REPO_ROOT, 'node_modules', v.pkg, v.file), join(vendorDir, name));
    copyFileAtomic(join(REPO_ROOT, 'node_modules', v.pkg, 'LICENSE'), join(vendorDir, `${v.pkg}.LICENSE`));
    vendorFiles.push(name, `${v.pkg}.LICENSE`);
  }

  writeFileAtomic(join(options.paperDir, 'REPORT.md'), reportMarkdown(input, figures, EXPERIMENTS, calibration));
  writeFileAtomic(join(options.paperDir, 'index.html'), indexHtml(figures, CLAIMS, input.results));
  return {
    files: ['REPORT.md', 'index.html', ...figureFiles.map((f) => `figures/${f}`), ...vendorFiles.map((f) => `vendor/${f}`)],
    figures: figures.length,
  };
}
