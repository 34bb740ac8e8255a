import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'results/**', 'paper/**'],
    setupFiles: ['./vitest.setup.ts'],
    // CPU-bound property tests (thousands of runs against the reference schedulers) take seconds on
    // an idle core and several times that on a shared 2-core CI machine; a hang still fails.
    testTimeout: 60_000,
  },
});
