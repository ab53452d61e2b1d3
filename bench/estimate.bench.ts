/**
 * The wait estimator measured: per scenario, the RMSE of our mean estimate against the actual
 * wait until call, next to the naive "people ahead × mean ÷ open counters", the
 * last-to-enter-service predictor and (M/M/s only) Whitt's queue-length oracle with the true
 * rate; the 80 % range's coverage; and the estimator's time per event as the hub runs it (every
 * waiting ticket plus the kiosk's would-be tickets). Then the 5 ms budget on 100 waiting
 * tickets at 10 counters.
 *
 *   npx tsx bench/estimate.bench.ts [--days N] [--quick] [--budget-only]
 */
import { parseArgs } from 'node:util'
import { startWorker } from '../hub/workerFile'
import { timeBudget, type BudgetTimes } from './support/estimateBudget'
import { scorePredictions } from '../shared/estimate/evaluatePredictions'
import { docScenario, mms } from './support/scenarios'
import { predictionRows } from '../shared/sim/predictionRows'
import { runDays, runScenario } from '../shared/sim/runScenario'
import type { Scenario } from '../shared/sim/scenario'
import { learnUsualPattern } from '../shared/delays/usualPattern'

const { values } = parseArgs({
  options: { days: { type: 'string' }, quick: { type: 'boolean' }, 'budget-only': { type: 'boolean' } },
})
const scoredDays = Number(values.days ?? (values.quick === true ? 2 : 5))

const scenarios: [string, Scenario][] = [
  ['M/M/1 95%', mms(1, 0.95)],
  ['M/M/3 90% (mm3)', docScenario('mm3')],
  ['M/M/8 90%', mms(8, 0.9)],
  ['lunch-peak', docScenario('lunch-peak')],
  ['securities-open', docScenario('securities-open')],
  ['weekend-shifts', docScenario('weekend-shifts')],
  ['business-district', docScenario('business-district')],
  ['community-pension', docScenario('community-pension')],
]

const pad = (s: string, n: number): string => s.padEnd(n)
const num = (x: number | null, d = 1): string => (x === null || Number.isNaN(x) ? '–' : x.toFixed(d))
const quantile = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? Number.NaN
}

process.stdout.write(
  `Wait estimator — ${scoredDays} scored days per scenario after two warm-up days (seed 3); RMSE in seconds.\n\n`,
)
process.stdout.write(
  `${pad('scenario', 20)}${pad('n', 7)}${pad('mean wait', 11)}${pad('ours', 8)}${pad('naive', 8)}${pad('LES', 8)}${pad(
    'oracle',
    8,
  )}${pad('vs naive', 10)}${pad('80% cov', 9)}${pad('ms/event', 10)}${pad('p99 ms', 8)}waiting\n`,
)
for (const [name, scenario] of values['budget-only'] === true ? [] : scenarios) {
  const days = runDays(scenario, 3, 2 + scoredDays)
  const s = scorePredictions(predictionRows(days.slice(2)))
  // The hub's load: one more day, estimating every waiting ticket and the kiosk menu on every event.
  const times: number[] = []
  let waitingSum = 0
  let waitingMax = 0
  runScenario(scenario, {
    seed: 77,
    history: {
      serviceTimes: days.map((d) => d.serviceTimes),
      usual: learnUsualPattern(
        days.map((d) => d.events),
        scenario.utcOffsetMin ?? 480,
      ),
    },
    everyEvent: (estimateAll, waiting) => {
      const t0 = performance.now()
      estimateAll()
      times.push(performance.now() - t0)
      waitingSum += waiting
      waitingMax = Math.max(waitingMax, waiting)
    },
  })
  const mean = times.reduce((a, b) => a + b, 0) / times.length
  process.stdout.write(
    `${pad(name, 20)}${pad(String(s.n), 7)}${pad(num(s.meanWaitSec, 0), 11)}${pad(num(s.rmse.ours), 8)}${pad(
      num(s.rmse.naive),
      8,
    )}${pad(num(s.rmse.les), 8)}${pad(num(s.rmse.oracle), 8)}${pad(
      `${num(100 * (1 - s.rmse.ours / s.rmse.naive), 0)} %`,
      10,
    )}${pad(num(100 * s.coverage, 1), 9)}${pad(num(mean, 2), 10)}${pad(num(quantile(times, 0.99), 2), 8)}${num(
      waitingSum / times.length,
      1,
    )} (max ${waitingMax})\n`,
  )
}

// The budget, on this thread, then inside a worker thread, as the hub's estimation thread runs the
// projection (the combined mean and the recalibrated range are the hub's main thread's part).
const stats = (xs: readonly number[]): string =>
  `mean ${num(xs.reduce((a, b) => a + b, 0) / xs.length, 2)} ms, median ${num(quantile([...xs], 0.5), 2)} ms, ` +
  `p99 ${num(quantile([...xs], 0.99), 2)} ms`
// What the tail is made of: the heap one estimate allocates, and the rounds a collection ran in.
const collections = (rounds: readonly number[]): string =>
  `a collection ran in ${rounds.length} rounds` +
  (rounds.length === 0 ? '' : ` (median ${num(quantile([...rounds], 0.5), 2)} ms)`)
const gcs = (b: BudgetTimes): string => `${num(b.allocKb, 0)} KB allocated per estimate; ${collections(b.gcRounds)}`
const here = timeBudget()
process.stdout.write(
  `\nBudget (5 ms): ${here.waiting} waiting tickets, ${here.counters} counters, all tickets + kiosk menu, ` +
    `${here.projection.length} rounds after 100 warm-up rounds\n` +
    `  this thread, the projection: ${stats(here.projection)}; ${gcs(here)}\n` +
    `  this thread, as the hub shows them (combined mean, recalibrated range): ${stats(here.shown)}; ` +
    `${collections(here.shownGcRounds)}\n`,
)
const inWorker = await new Promise<BudgetTimes>((resolve, reject) => {
  const w = startWorker(import.meta.url, 'support/budgetWorker')
  if (w === null) return reject(new Error('bench/support/budgetWorker.ts not found'))
  w.once('message', (m: BudgetTimes) => void w.terminate().then(() => resolve(m)))
  w.once('error', reject)
})
process.stdout.write(
  `  a worker thread (as the hub's estimation thread), the projection: ${stats(inWorker.projection)}; ${gcs(inWorker)}\n` +
    `  a worker thread, as the hub shows them: ${stats(inWorker.shown)}; ${collections(inWorker.shownGcRounds)}\n`,
)
