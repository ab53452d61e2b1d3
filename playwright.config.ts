import { defineConfig } from '@playwright/test'

/**
 * End-to-end tests: the real renderer (built into out/renderer) served by a real hub on
 * loopback, driven in Debian's Chromium. Never `npx playwright install`: CI installs
 * `chromium` with apt-get.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  // Two cores: one browser at a time keeps timings honest.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  // Its own folder: Playwright empties it at start, and vitest's results sit beside it.
  outputDir: 'test-results/e2e',
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--autoplay-policy=no-user-gesture-required',
      ],
    },
    trace: 'off',
  },
})
