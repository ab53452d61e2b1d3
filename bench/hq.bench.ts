/**
 * Headquarters on PostgreSQL: ingest of 50 branches × 30 days × ~2,000 tickets, then the
 * cross-branch month report and one branch's day drill-down.
 *
 * The days are simulated with the real engine (`shared/sim/busyDay`: the busy 18-counter demo
 * branch, 2,000 customers a day): 30 distinct days, one per date of the month, which every
 * branch ships as its own (same events, its own token and branch key; simulating 1,500 distinct
 * days would take half an hour and change nothing HQ measures). Each branch ships like the
 * shipper does: its configuration, then its days in order in batches of 1,000 records, one
 * batch in flight at a time, then its 30 daily summaries. All 50 branches ship at once.
 *
 * PostgreSQL is a throwaway server with its default (durable) settings; HQ runs in its own
 * process, the load generator in this one. Knobs: BENCH_HQ_BRANCHES, BENCH_HQ_DAYS,
 * BENCH_HQ_TICKETS, BENCH_HQ_RUNS.
 *
 * Run: npx tsx bench/hq.bench.ts
 */
import { cpus, loadavg } from 'node:os'
import type { ReportConfig } from '../shared/hq/shippedSchemas'
import { summarizeDay } from '../shared/reports/dailySummary'
import { buildDayReport } from '../shared/reports/dayReport'
import { addDays } from '../shared/domain/localTime'
import { BUSY_BRANCH, busyDayEvents } from '../shared/sim/busyDay'
import { withHq } from './support/benchHq'

const BRANCHES = Number(process.env.BENCH_HQ_BRANCHES ?? 50)
const DAYS = Number(process.env.BENCH_HQ_DAYS ?? 30)
const TICKETS = Number(process.env.BENCH_HQ_TICKETS ?? 2000)
const RUNS = Number(process.env.BENCH_HQ_RUNS ?? 30)
const BATCH = 1000
const FIRST = '2026-11-01'

const percentile = (xs: readonly number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN
}

async function post(url: string, path: string, body: string, token: string): Promise<unknown> {
  for (;;) {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    })
    const text = await res.text()
    if (res.status === 429) {
      await new Promise((r) => setTimeout(r, 200))
      continue
    }
    if (!res.ok) throw new Error(`${path}: ${res.status} ${text.slice(0, 300)}`)
    return JSON.parse(text)
  }
}

async function timed(url: string, path: string, token: string): Promise<number> {
  const s = performance.now()
  const res = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } })
  await res.arrayBuffer()
  if (!res.ok) throw new Error(`${path}: ${res.status}`)
  return performance.now() - s
}

const t0 = performance.now()
const days: { day: string; bodies: string[]; events: number; summary: unknown }[] = []
let seq = 1
for (let d = 0; d < DAYS; d++) {
  const day = addDays(FIRST, d)
  const events = busyDayEvents({
    branch: BUSY_BRANCH,
    date: day,
    utcOffsetMinutes: 480,
    tickets: TICKETS,
    seed: 500 + d,
    firstSeq: seq,
  })
  seq += events.length
  const records = events.map((e) => ({ e, m: { actor: { kind: 'system', reason: 'simulated' } } }))
  const bodies: string[] = []
  for (let i = 0; i < records.length; i += BATCH)
    bodies.push(JSON.stringify({ day, records: records.slice(i, i + BATCH) }))
  const report = buildDayReport({ events, branch: BUSY_BRANCH, utcOffsetMinutes: 480, feedback: [], asOf: null })
  days.push({ day, bodies, events: events.length, summary: summarizeDay(report) })
}
const simulateSec = (performance.now() - t0) / 1000
const eventsPerBranch = days.reduce((s, d) => s + d.events, 0)
const config: ReportConfig = { branch: BUSY_BRANCH, utcOffsetMinutes: 480, staff: [] }

await withHq(async (hq) => {
  const url = hq.url
  const tokens: string[] = []
  for (let b = 0; b < BRANCHES; b++) tokens.push(await hq.newBranchToken())
  const i0 = performance.now()
  const batchMs: number[] = []
  await Promise.all(
    tokens.map(async (token) => {
      await post(url, '/api/hq/v1/replication/config', JSON.stringify({ hash: 'bench-config-1', config }), token)
      for (const d of days) {
        for (const body of d.bodies) {
          const s = performance.now()
          await post(url, '/api/hq/v1/replication/events', body, token)
          batchMs.push(performance.now() - s)
        }
      }
    }),
  )
  const ingestSec = (performance.now() - i0) / 1000
  await Promise.all(
    tokens.map((token) =>
      post(url, '/api/hq/v1/replication/summaries', JSON.stringify({ summaries: days.map((d) => d.summary) }), token),
    ),
  )
  const size = await hq.stored()
  const ho = await hq.headOffice()
  const last = addDays(FIRST, DAYS - 1)
  const month: number[] = []
  for (let i = 0; i < RUNS + 2; i++) month.push(await timed(url, `/api/hq/v1/compare?from=${FIRST}&to=${last}`, ho))
  const drill: number[] = []
  for (let i = 0; i < RUNS + 2; i++) {
    const b = `bench-${1 + ((i * 7) % BRANCHES)}`
    drill.push(await timed(url, `/api/hq/v1/branches/${b}/days/${addDays(FIRST, (i * 11) % DAYS)}`, ho))
  }
  const monthSteady = month.slice(2)
  const drillSteady = drill.slice(2)
  const total = eventsPerBranch * BRANCHES
  const load = loadavg()[0] as number
  const ms = (x: number) => `${x.toFixed(0)} ms`
  const rows: [string, string, string][] = [
    [
      'machine: cores, load average (1 min) at the end',
      `${cpus().length}, ${load.toFixed(1)}`,
      load > cpus().length ? 'busy: timings inflated' : '',
    ],
    ['simulated distinct days (real engine) + their summaries', `${DAYS} in ${simulateSec.toFixed(0)} s`, ''],
    [
      'branches × days, events per branch-day (mean)',
      `${BRANCHES} × ${DAYS}, ${(eventsPerBranch / DAYS).toFixed(0)}`,
      '',
    ],
    ['events ingested over HTTP', `${total.toLocaleString('en')} in ${ingestSec.toFixed(0)} s`, ''],
    [
      'ingest rate',
      `${Math.round(total / ingestSec).toLocaleString('en')} events/s`,
      total / ingestSec >= 20_000 ? 'ok (≥ 20,000/s)' : 'UNDER 20,000/s',
    ],
    [
      'batch of 1,000 records, round trip p50 / p99',
      `${ms(percentile(batchMs, 0.5))} / ${ms(percentile(batchMs, 0.99))}`,
      '',
    ],
    [
      'stored: events + indexes, bytes per event',
      `${((size.bytes ?? 0) / 2 ** 30).toFixed(2)} GiB, ${Math.round((size.bytes ?? 0) / (size.rows ?? 1))} B`,
      `${size.rows.toLocaleString('en')} rows`,
    ],
    [`month report, ${BRANCHES} branches (first call)`, ms(month[0] as number), ''],
    [
      `month report, ${BRANCHES} branches, p50 / p95 of ${RUNS}`,
      `${ms(percentile(monthSteady, 0.5))} / ${ms(percentile(monthSteady, 0.95))}`,
      percentile(monthSteady, 0.95) < 1000 ? 'ok (< 1 s)' : 'OVER 1 s',
    ],
    [
      `branch day drill-down, p50 / p95 of ${RUNS}`,
      `${ms(percentile(drillSteady, 0.5))} / ${ms(percentile(drillSteady, 0.95))}`,
      percentile(drillSteady, 0.95) < 300 ? 'ok (< 300 ms)' : 'OVER 300 ms',
    ],
  ]
  const w0 = Math.max(...rows.map((r) => r[0].length))
  const w1 = Math.max(...rows.map((r) => r[1].length))
  console.log('hq.bench: headquarters on PostgreSQL')
  for (const [a, b, c] of rows) console.log(`  ${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`)
})
