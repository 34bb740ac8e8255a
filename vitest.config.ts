import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './vitest.sequencer.ts';

export default defineConfig({
  // Tests import the library by its package name, as its users do, from the sources rather than the
  // compiled dist/ (which may be stale while the sources are edited).
  resolve: { alias: [{ find: /^kbench$/, replacement: fileURLToPath(new URL('./lib/index.ts', import.meta.url)) }] },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'results/**', 'paper/**'],
    setupFiles: ['./vitest.setup.ts'],
    // Test files share one module graph per worker instead of each importing the engine afresh:
    // importing, not testing, was half the suite's time. No test file keeps state in a shared
    // module (spies are restored, caches hold derived values only).
    isolate: false,
    // Workers: vitest's default (cores - 1), so one on a 2-core machine. A second worker there saved
    // 3 s of 65 on a quiet machine but cost 23 s more CPU (its own module graph and warm-up), and on a
    // saturated one it made the suite slower; CI shares its 2 cores with other work. Where vitest runs
    // several workers, the sequencer starts the longest files first.
    sequence: { sequencer: LongestFirstSequencer },
    // Tests check behaviour, never speed; the timeout only catches a hang, so it holds on a loaded
    // 2-core machine (the slowest test takes a few seconds alone).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
