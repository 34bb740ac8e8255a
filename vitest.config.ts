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
    // Both cores: vitest's default leaves one free (cores - 1), which on a 2-core machine runs the
    // files one at a time while the second core idles.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirstSequencer },
    // Tests check behaviour, never speed; the timeout only catches a hang, so it holds on a loaded
    // 2-core machine (the slowest test takes a few seconds alone).
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
