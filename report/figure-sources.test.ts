import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIGURE_SOURCES_FILE, FigureSources, rendererKey } from './figure-sources.ts';

const scratch = mkdtempSync(join(tmpdir(), 'kbench-figure-sources-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const SPEC = '{"mark":"bar"}';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>';
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
const RENDERERS = { svg: 's1', png: 'p1' } as const;

/** A figures directory whose `fig.svg` was rendered from SPEC by 's1' and `fig.png` from SVG by 'p1', as a report leaves it. */
function reported(name: string): string {
  const dir = join(scratch, name);
  mkdirSync(dir);
  const sources = new FigureSources(dir, RENDERERS);
  writeFileSync(join(dir, 'fig.svg'), SVG);
  sources.svg.record('fig', SPEC, SVG);
  writeFileSync(join(dir, 'fig.png'), PNG);
  sources.png.record('fig', SVG, PNG);
  sources.save();
  return dir;
}

describe('FigureSources', () => {
  it('keeps a file rendered from the same input by the same renderer, and records it again', () => {
    const dir = reported('same');
    const next = new FigureSources(dir, RENDERERS);
    expect(next.svg.reuse('fig', SPEC)?.toString('utf8')).toBe(SVG);
    expect([...(next.png.reuse('fig', SVG) ?? [])]).toEqual([...PNG]);
    next.save();
    const again = new FigureSources(dir, RENDERERS);
    expect(again.svg.reuse('fig', SPEC)).toBeDefined();
    expect(again.png.reuse('fig', SVG)).toBeDefined();
  });

  it('renders again when the input, the renderer or the file on disk differ, or when the renderer is not pinned', () => {
    const dir = reported('differ');
    expect(new FigureSources(dir, RENDERERS).svg.reuse('fig', '{"mark":"line"}')).toBeUndefined();
    expect(new FigureSources(dir, { svg: 's2', png: 'p1' }).svg.reuse('fig', SPEC)).toBeUndefined();
    expect(new FigureSources(dir, { svg: undefined, png: 'p1' }).svg.reuse('fig', SPEC)).toBeUndefined();
    expect(new FigureSources(dir, RENDERERS).png.reuse('other', SVG)).toBeUndefined();
    // The record of one kind says nothing of the other: an SVG is not kept by a PNG's record.
    expect(new FigureSources(dir, RENDERERS).svg.reuse('fig', SVG)).toBeUndefined();
    writeFileSync(join(dir, 'fig.png'), PNG.subarray(0, 5));
    expect(new FigureSources(dir, RENDERERS).png.reuse('fig', SVG)).toBeUndefined();
    expect(new FigureSources(dir, RENDERERS).svg.reuse('fig', SPEC)).toBeDefined();
  });

  it('forgets the figures this report neither kept nor rendered, and reads a broken record as empty', () => {
    const dir = reported('forget');
    new FigureSources(dir, RENDERERS).save();
    expect(JSON.parse(readFileSync(join(dir, FIGURE_SOURCES_FILE), 'utf8'))).toEqual({ svg: {}, png: {} });
    reported('broken');
    writeFileSync(join(scratch, 'broken', FIGURE_SOURCES_FILE), '{"svg": ');
    expect(new FigureSources(join(scratch, 'broken'), RENDERERS).svg.reuse('fig', SPEC)).toBeUndefined();
  });
});

describe('rendererKey', () => {
  it('changes with the renderer, the options and the files bytes, not with the files paths', () => {
    const a = join(scratch, 'a.ttf');
    const b = join(scratch, 'b.ttf');
    writeFileSync(a, 'font one');
    writeFileSync(b, 'font one');
    const base = rendererKey({ renderer: 'resvg@1', options: { zoom: 2 }, files: [a] });
    expect(rendererKey({ renderer: 'resvg@1', options: { zoom: 2 }, files: [b] })).toBe(base);
    expect(rendererKey({ renderer: 'resvg@2', options: { zoom: 2 }, files: [a] })).not.toBe(base);
    expect(rendererKey({ renderer: 'resvg@1', options: { zoom: 1 }, files: [a] })).not.toBe(base);
    writeFileSync(b, 'font two');
    expect(rendererKey({ renderer: 'resvg@1', options: { zoom: 2 }, files: [b] })).not.toBe(base);
  });
});
