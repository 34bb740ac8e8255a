import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'results/**', 'paper/**'],
    setupFiles: ['./vitest.setup.ts'],
  },
});
