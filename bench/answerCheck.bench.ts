/**
 * What checking an answer with its schema costs the renderer, on the biggest answer it reads:
 * the manager's day report for a busy branch (2,000 tickets, ~1.7 MB of JSON), checked with the
 * full `DayReportSchema` as the API client does (`schemaProblems`: TypeBox's `Value.Check`),
 * against `JSON.parse` of the same text (paid anyway), TypeBox's compiled checker (which needs
 * `new Function`, refused by the renderer's Content-Security-Policy) and the same checker
 * generated ahead of time (`scripts/answerChecks.ts`), which is what the renderer runs first.
 * Also the queue snapshot at the busiest moment of that day.
 *
 * Run: npx tsx bench/answerCheck.bench.ts
 */
import { cpus, loadavg } from 'node:os'
import { Compile } from 'typebox/compile'
import { Value } from 'typebox/value'
import { hubAnswerChecks } from '../renderer/src/api/generated/answerChecks'
import { DayReportSchema } from '../shared/api/dayReportSchema'
import { QueueSnapshotSchema } from '../shared/api/queueStateSchema'
import { replay } from '../shared/queue/applyEvent'
import { EMPTY_STATE } from '../shared/queue/state'
import { buildDayReport } from '../shared/reports/dayReport'
import { BUSY_BRANCH } from '../shared/sim/busyDay'
import { schemaProblems } from '../shared/util/schemaProblems'
import { busyDayEvents } from './support/busyDayEvents'

const RUNS = 30

const BUSY = BUSY_BRANCH
const events = busyDayEvents(1000, 2000)

const reportText = JSON.stringify(
  buildDayReport({ events, branch: BUSY, utcOffsetMinutes: 480, feedback: [], asOf: null }),
)
// The live state when the most tickets are open.
let busiest = EMPTY_STATE
let state = EMPTY_STATE
for (const e of events) {
  state = replay([e], state)
  if (state.open.length > busiest.open.length) busiest = state
}
const snapshotText = JSON.stringify({ serverNow: 0, journal: 'j1', state: busiest, estimates: null })

function timed(f: () => unknown): { median: number; max: number } {
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now()
    f()
    times.push(performance.now() - t)
  }
  const steady = times.slice(3).sort((a, b) => a - b)
  return { median: steady[Math.floor(steady.length / 2)] as number, max: steady[steady.length - 1] as number }
}

const report = JSON.parse(reportText) as unknown
const snapshot = JSON.parse(snapshotText) as unknown
if (schemaProblems(DayReportSchema, report).length > 0) throw new Error('the bench day report fails its schema')
if (schemaProblems(QueueSnapshotSchema, snapshot).length > 0) throw new Error('the bench snapshot fails its schema')
const compiledReport = Compile(DayReportSchema)
const compiledSnapshot = Compile(QueueSnapshotSchema)

const ms = (x: { median: number; max: number }): string => `${x.median.toFixed(1)} ms (max ${x.max.toFixed(1)})`
const load = loadavg()[0] as number
const rows: [string, string][] = [
  ['machine: cores, load average (1 min)', `${cpus().length}, ${load.toFixed(1)}`],
  [
    'day report: tickets, JSON size',
    `${(report as { tickets: unknown[] }).tickets.length}, ${(reportText.length / 1024).toFixed(0)} KiB`,
  ],
  ['day report: JSON.parse, median', ms(timed(() => JSON.parse(reportText)))],
  ['day report: schemaProblems (Value.Check), median', ms(timed(() => schemaProblems(DayReportSchema, report)))],
  ['day report: Value.Check alone, median', ms(timed(() => Value.Check(DayReportSchema, report)))],
  ['day report: compiled checker, median', ms(timed(() => compiledReport.Check(report)))],
  [
    'day report: generated checker (what the renderer runs), median',
    ms(timed(() => hubAnswerChecks.dayReport(report))),
  ],
  [
    'queue snapshot at the busiest moment: open tickets, JSON size',
    `${busiest.open.length}, ${(snapshotText.length / 1024).toFixed(0)} KiB`,
  ],
  [
    'queue snapshot: schemaProblems (Value.Check), median',
    ms(timed(() => schemaProblems(QueueSnapshotSchema, snapshot))),
  ],
  ['queue snapshot: compiled checker, median', ms(timed(() => compiledSnapshot.Check(snapshot)))],
  ['queue snapshot: generated checker (renderer), median', ms(timed(() => hubAnswerChecks.queue(snapshot)))],
]
const w0 = Math.max(...rows.map((r) => r[0].length))
console.log(`answerCheck.bench: checking answers with their schemas (${RUNS} runs, first 3 left out)`)
for (const [a, b] of rows) console.log(`  ${a.padEnd(w0)}  ${b}`)
