import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../experiments/runner/atomic-write.ts';

/*
 * A figure's SVG is a pure function of its chart spec and the SVG renderer (vega and vega-lite as
 * installed, the text measurer and its font), and its PNG of the SVG and the rasteriser (resvg's
 * version and options, the font files' bytes). When input and renderer are what they were for the
 * file on disk, rendering again would write the same bytes, so the report renders only the figures
 * whose spec or renderer changed: on a reproduction of unchanged results, none of them (3.7 s of
 * CPU for the paper's 27 figures). What each file was made from is kept beside the figures; a file
 * whose bytes are not the ones recorded (edited, half-copied) is rendered again.
 */

/** The file beside the figures that says what each SVG and PNG was rendered from. */
export const FIGURE_SOURCES_FILE = 'figure-sources.json';

const derivationSchema = z.object({ inputSha256: z.string(), renderer: z.string(), outputSha256: z.string() });
const sourcesSchema = z.object({ svg: z.record(z.string(), derivationSchema), png: z.record(z.string(), derivationSchema) });

/** What one rendered file was made from (its input's hash and the renderer's key) and its own hash. */
type Derivation = z.infer<typeof derivationSchema>;

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** One kind of rendered file of a figures directory (`<id>.<extension>`) and what each was made from. */
export class Renderings {
  private readonly kept = new Map<string, Derivation>();

  constructor(
    private readonly dir: string,
    private readonly extension: string,
    private readonly previous: Readonly<Record<string, Derivation>>,
    /** This run's renderer; undefined when nothing pins it down (then nothing is reused or recorded). */
    private readonly renderer: string | undefined,
  ) {}

  /** The bytes of `<id>.<extension>` on disk when rendering `input` now would write them; the file is then kept in the record. */
  reuse(id: string, input: string): Buffer | undefined {
    const entry = this.previous[id];
    if (entry === undefined || this.renderer === undefined || entry.renderer !== this.renderer || entry.inputSha256 !== sha256(input)) return undefined;
    const path = join(this.dir, `${id}.${this.extension}`);
    if (!existsSync(path)) return undefined;
    const bytes = readFileSync(path);
    if (sha256(bytes) !== entry.outputSha256) return undefined;
    this.kept.set(id, entry);
    return bytes;
  }

  /** Records that `output` was rendered from `input` now. */
  record(id: string, input: string, output: string | Uint8Array): void {
    if (this.renderer === undefined) return;
    this.kept.set(id, { inputSha256: sha256(input), renderer: this.renderer, outputSha256: sha256(output) });
  }

  /** The files kept or rendered by this report, in id order. */
  entries(): Record<string, Derivation> {
    return Object.fromEntries([...this.kept.keys()].sort().map((id) => [id, this.kept.get(id) as Derivation]));
  }
}

/** The SVGs and PNGs of a figures directory and what each was rendered from. */
export class FigureSources {
  readonly svg: Renderings;
  readonly png: Renderings;

  /** Reads the record in `dir` (none, or one that does not parse, counts as empty). */
  constructor(
    private readonly dir: string,
    renderers: { readonly svg: string | undefined; readonly png: string | undefined },
  ) {
    const previous = FigureSources.read(join(dir, FIGURE_SOURCES_FILE));
    this.svg = new Renderings(dir, 'svg', previous.svg, renderers.svg);
    this.png = new Renderings(dir, 'png', previous.png, renderers.png);
  }

  private static read(path: string): z.infer<typeof sourcesSchema> {
    const empty = { svg: {}, png: {} };
    if (!existsSync(path)) return empty;
    try {
      const parsed = sourcesSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      return parsed.success ? parsed.data : empty;
    } catch {
      return empty;
    }
  }

  /** Writes the record of the files this report kept or rendered. */
  save(): void {
    writeFileAtomic(join(this.dir, FIGURE_SOURCES_FILE), `${JSON.stringify({ svg: this.svg.entries(), png: this.png.entries() }, null, 2)}\n`);
  }
}

/** A renderer's identity: the hash of a name, its options and the bytes of the files its output depends on (fonts, code), not their paths. */
export function rendererKey(parts: { readonly renderer: string; readonly options: unknown; readonly files: readonly string[] }): string {
  const hash = createHash('sha256').update(parts.renderer).update('\0').update(JSON.stringify(parts.options) ?? '');
  for (const file of parts.files) hash.update('\0').update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}
