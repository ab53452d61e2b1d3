/**
 * How fast the manager's report is for a busy branch (2,000 tickets a day), and how fast the
 * trend view over a year of stored daily summaries is.
 *
 * The days are simulated with the real engine (`shared/sim/simulateBranch`, its events read back
 * by the test support's `simulateDayEvents`): 14 different days (two weeks of seeds with a
 * morning and an afternoon peak), cycled over 365 days. Every one of the 365 days is turned into
 * a full day report and a daily summary, as the hub would at each close, and the summary is given
 * that day's date (re-dating the summary rather than copying 8,000 events keeps the harness's own
 * garbage out of the timings); the trend view is then `rangeReport` over the year's 365 summaries.
 *
 * Run: npx tsx bench/report.bench.ts
 */
import { cpus, loadavg } from 'node:os'
import type { QueueEvent } from '../shared/queue/events'
import { summarizeDay, type DailySummary } from '../shared/reports/dailySummary'
import { buildDayReport } from '../shared/reports/dayReport'
import { addDays } from '../shared/domain/localTime'
import { rangeReport } from '../shared/reports/rangeReport'
import { BUSY_BRANCH } from '../shared/sim/busyDay'
import { busyDayEvents } from './support/busyDayEvents'

const TICKETS_PER_DAY = 2000
const DISTINCT_DAYS = 14
const YEAR = 365
const OFFSET = 480
const FIRST_DAY = '2026-01-01'

const BUSY = BUSY_BRANCH

const simulateDay = (seed: number): QueueEvent[] => busyDayEvents(seed, TICKETS_PER_DAY, FIRST_DAY)

const median = (xs: number[]): number => {
  const a = [...xs].sort((x, y) => x - y)
  return a[Math.floor(a.length / 2)] as number
}
const ms = (x: number): string => `${x.toFixed(1)} ms`

const t0 = performance.now()
const distinct = Array.from({ length: DISTINCT_DAYS }, (_, i) => simulateDay(1000 + i))
const simulateSec = (performance.now() - t0) / 1000

const dayTimes: number[] = []
const jsonTimes: number[] = []
const summaries: DailySummary[] = []
let reportBytes = 0
let tickets = 0
for (let d = 0; d < YEAR; d++) {
  const date = addDays(FIRST_DAY, d)
  const events = distinct[d % DISTINCT_DAYS] as QueueEvent[]
  const start = performance.now()
  const report = buildDayReport({ events, branch: BUSY, utcOffsetMinutes: OFFSET, feedback: [], asOf: null })
  const built = performance.now()
  const json = JSON.stringify(report)
  dayTimes.push(performance.now() - start)
  jsonTimes.push(performance.now() - built)
  reportBytes = Math.max(reportBytes, json.length)
  tickets += report.volume.issued
  summaries.push({ ...summarizeDay(report), date })
}

const trendTimes: number[] = []
let trendBytes = 0
for (let i = 0; i < 5; i++) {
  const start = performance.now()
  const view = rangeReport(summaries, FIRST_DAY, addDays(FIRST_DAY, YEAR - 1))
  trendBytes = JSON.stringify(view).length
  trendTimes.push(performance.now() - start)
}
const summaryBytes = summaries.reduce((sum, x) => sum + JSON.stringify(x).length, 0)

// the first days pay for the JIT compiling the report code: shown apart from the steady state
const WARM_UP = 3
const steady = dayTimes.slice(WARM_UP)
const dayMedian = median(steady)
const dayP95 = [...steady].sort((a, b) => a - b)[Math.floor(0.95 * steady.length)] as number
const dayMax = Math.max(...steady)
const trendMedian = median(trendTimes)
const load = loadavg()[0] as number
const rows: [string, string, string][] = [
  [
    'machine: cores, load average (1 min) at the end',
    `${cpus().length}, ${load.toFixed(1)}`,
    load > cpus().length ? 'busy: timings inflated' : '',
  ],
  ['simulated distinct days (real engine)', `${DISTINCT_DAYS} in ${simulateSec.toFixed(1)} s`, ''],
  ['tickets per day (mean over the year)', (tickets / YEAR).toFixed(0), ''],
  ['day report + JSON, median', ms(dayMedian), dayMedian < 100 ? 'ok (< 100 ms)' : 'OVER 100 ms'],
  ['  of which JSON.stringify, median', ms(median(jsonTimes.slice(WARM_UP))), ''],
  ['day report + JSON, 95th percentile', ms(dayP95), dayP95 < 100 ? 'ok (< 100 ms)' : 'OVER 100 ms'],
  [
    `day report + JSON, slowest of ${steady.length}`,
    ms(dayMax),
    dayMax < 100 ? 'ok (< 100 ms)' : 'over 100 ms (GC pause?)',
  ],
  [
    `day report, first ${WARM_UP} (cold JIT)`,
    dayTimes
      .slice(0, WARM_UP)
      .map((x) => x.toFixed(0))
      .join(', ') + ' ms',
    '',
  ],
  ['day report JSON size', `${(reportBytes / 1024).toFixed(0)} KiB`, ''],
  ['daily summary size, mean', `${(summaryBytes / YEAR / 1024).toFixed(1)} KiB`, ''],
  [
    'year trend view (365 summaries) + JSON, median of 5',
    ms(trendMedian),
    trendMedian < 1000 ? 'ok (< 1 s)' : 'OVER 1 s',
  ],
  ['year trend view JSON size', `${(trendBytes / 1024).toFixed(0)} KiB`, ''],
]
const w0 = Math.max(...rows.map((r) => r[0].length))
const w1 = Math.max(...rows.map((r) => r[1].length))
console.log('report.bench: manager report, busy branch, one year')
for (const [a, b, c] of rows) console.log(`  ${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`)
