import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One temporary folder per run, removed at its end or by the next run if it was killed.
    globalSetup: ['tests/helpers/temp-folder.ts'],
    // Browser tests launch real Chromium; two cores cannot run many at once.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
