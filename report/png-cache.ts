import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../experiments/runner/atomic-write.ts';

/*
 * A PNG is a pure function of its SVG and the rasteriser (resvg's version, its options, the font
 * files' bytes): when both are what they were for the PNG on disk, rasterising again would write
 * the same bytes. The report rasterises only the figures whose SVG or rasteriser changed, which on
 * a reproduction of unchanged results is none of them (2.6 s of CPU for the paper's 27 figures).
 * What each PNG was made from is kept beside the figures; a PNG whose bytes are not the ones
 * recorded (edited, half-copied) is rasterised again.
 */

/** The file beside the figures that says what each PNG was rasterised from. */
export const PNG_SOURCES_FILE = 'png-sources.json';

const entrySchema = z.object({ svgSha256: z.string(), rasteriser: z.string(), pngSha256: z.string() });
const sourcesSchema = z.record(z.string(), entrySchema);

/** What one PNG was rasterised from, and its own hash. */
type PngSource = z.infer<typeof entrySchema>;

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The PNGs of a figures directory and what each was rasterised from. */
export class PngSources {
  private readonly entries: Record<string, PngSource>;
  private readonly kept = new Map<string, PngSource>();

  /** Reads the record in `dir` (none, or one that does not parse, counts as empty); `rasteriser` identifies this run's rasteriser, undefined when it cannot be pinned down (system fonts). */
  constructor(
    private readonly dir: string,
    private readonly rasteriser: string | undefined,
  ) {
    this.entries = PngSources.read(join(dir, PNG_SOURCES_FILE));
  }

  private static read(path: string): Record<string, PngSource> {
    if (!existsSync(path)) return {};
    try {
      const parsed = sourcesSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }

  /** Whether `<id>.png` on disk is what rasterising `svg` now would write; if so it is kept in the record. */
  reuse(id: string, svg: string): boolean {
    const entry = this.entries[id];
    if (entry === undefined || this.rasteriser === undefined || entry.rasteriser !== this.rasteriser || entry.svgSha256 !== sha256(svg)) return false;
    const path = join(this.dir, `${id}.png`);
    if (!existsSync(path) || sha256(readFileSync(path)) !== entry.pngSha256) return false;
    this.kept.set(id, entry);
    return true;
  }

  /** Records that `png` was rasterised from `svg` now. */
  record(id: string, svg: string, png: Uint8Array): void {
    if (this.rasteriser === undefined) return;
    this.kept.set(id, { svgSha256: sha256(svg), rasteriser: this.rasteriser, pngSha256: sha256(png) });
  }

  /** Writes the record of the PNGs kept or rasterised by this report (figures in id order). */
  save(): void {
    const ids = [...this.kept.keys()].sort();
    writeFileAtomic(join(this.dir, PNG_SOURCES_FILE), `${JSON.stringify(Object.fromEntries(ids.map((id) => [id, this.kept.get(id)])), null, 2)}\n`);
  }
}

/** A rasteriser's identity: the hash of what its output depends on besides the SVG. */
export function rasteriserKey(parts: { readonly renderer: string; readonly options: unknown; readonly fontFiles: readonly string[] }): string {
  const hash = createHash('sha256').update(parts.renderer).update('\0').update(JSON.stringify(parts.options));
  for (const file of parts.fontFiles) hash.update('\0').update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}
