import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // Playwright specs live in test/e2e and run under `playwright test`, never here.
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    // The JSON report feeds the "N passed, N failed" line at the end of .ci/run.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
})
