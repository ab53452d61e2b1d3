// Prints the one line CI reads: "N passed, N failed", summing the vitest and Playwright JSON
// reports of the run. A failing step that runs no tests (typecheck, lint) counts as one failure.
import { existsSync, readFileSync } from 'node:fs'

const status = Number(process.argv[2] ?? 0)
let passed = 0
let failed = 0

const vitest = 'test-results/vitest.json'
if (existsSync(vitest)) {
  const r = JSON.parse(readFileSync(vitest, 'utf8'))
  passed += r.numPassedTests ?? 0
  failed += (r.numFailedTests ?? 0) + (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0)
}

const playwright = 'test-results/playwright.json'
if (existsSync(playwright)) {
  const s = JSON.parse(readFileSync(playwright, 'utf8')).stats ?? {}
  passed += (s.expected ?? 0) + (s.flaky ?? 0)
  failed += (s.unexpected ?? 0) + (s.skipped ?? 0)
}

if (status !== 0 && failed === 0) failed = 1
console.log(`${passed} passed, ${failed} failed`)
