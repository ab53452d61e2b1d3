/**
 * How long a what-if takes for a busy branch (a 2,000-ticket day), step by step and through the
 * hub's worker thread, so the manager's screen answers in under a second.
 *
 * The day is a busy branch as a scenario: 18 counters, four services, two priority classes,
 * no-shows, walking time, about 2,000 customers over eight hours with a lunch peak. Steps: the simulated
 * day with and without the estimator in the loop, the day report over its events, the summary;
 * then the whole path a request takes (`hub/reports/whatIf`'s `Simulator`: a worker thread, the
 * scenario parsed, simulated, reported, posted back); and the what-if form's request, today's
 * day beside a changed one, first with neither simulated before, then with today's kept by the
 * simulator thread (as it is from the manager's second change on).
 *
 * Run: npx tsx bench/whatIf.bench.ts
 */
import { cpus, loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { Simulator } from '../hub/reports/whatIf'
import { buildDayReport } from '../shared/reports/dayReport'
import { parseScenario } from '../shared/sim/parseScenario'
import { runScenario } from '../shared/sim/runScenario'
import { scenarioBranch } from '../shared/sim/scenarioModel'
import { summariseSimDay } from '../shared/sim/simDayReport'

const RUNS = 5

function time<T>(f: () => T): { ms: number; value: T } {
  const t0 = performance.now()
  const value = f()
  return { ms: performance.now() - t0, value }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)] ?? NaN
}

/** 2,000 customers in eight hours: 250 an hour on average, a lunch peak. */
const SHAPE = [0.8, 0.9, 1.0, 1.35, 1.35, 1.0, 0.85, 0.75]
const perHour = (total: number) => SHAPE.map((f) => Math.round((total / 8) * f * 100) / 100)
const scenario = {
  name: 'busy branch',
  date: '2026-11-27',
  hours: { open: '09:00', close: '17:00' },
  services: [
    {
      id: 'personal',
      prefix: 'A',
      targetWaitSec: 600,
      standardSec: 120,
      serviceTime: { dist: 'lognormal', meanSec: 150, cv: 0.9 },
    },
    {
      id: 'business',
      prefix: 'B',
      targetWaitSec: 900,
      standardSec: 360,
      serviceTime: { dist: 'lognormal', meanSec: 330, cv: 0.8 },
    },
    {
      id: 'wealth',
      prefix: 'C',
      targetWaitSec: 1200,
      standardSec: 600,
      serviceTime: { dist: 'gamma', meanSec: 420, cv: 0.6 },
    },
    { id: 'cards', prefix: 'D', targetWaitSec: 600, standardSec: 180, serviceTime: { dist: 'exp', meanSec: 200 } },
  ],
  priorityClasses: [
    { id: 'vip', rate: 2, headStartSec: 90 },
    { id: 'care', rate: 1.5 },
  ],
  arrivals: [
    { service: 'personal', perHour: perHour(1040) },
    { service: 'personal', priority: 'care', perHour: perHour(160) },
    { service: 'business', perHour: perHour(360) },
    { service: 'wealth', priority: 'vip', perHour: perHour(140) },
    { service: 'cards', perHour: perHour(300) },
  ],
  counters: Array.from({ length: 18 }, (_, i) => ({
    id: `c${i + 1}`,
    services: [
      ['personal', 'cards'],
      ['business', 'personal'],
      ['wealth', 'personal'],
      ['cards', 'personal'],
      ['personal'],
    ][i % 5],
  })),
  noShowProbability: 0.04,
  walkSec: 15,
}
const parsed = parseScenario(scenario)
if (!parsed.ok) throw new Error(`the busy scenario is refused: ${JSON.stringify(parsed.error)}`)
const s = parsed.value
const rows: [string, number[]][] = [
  ['simulate, estimator in the loop', []],
  ['simulate, no estimator (what-if)', []],
  ['day report over the events', []],
  ['summary', []],
  ['whole request through the worker', []],
  ['form: today + change, nothing kept', []],
  ['form: today + change, today kept', []],
]
/** Two changes a manager makes on the form: two counters closed; a surge at 11:00. */
const fewer = { ...scenario, counters: scenario.counters.slice(2) }
const surge = {
  ...scenario,
  arrivals: scenario.arrivals.map((a) => ({ ...a, perHour: a.perHour.map((r, h) => (h === 2 ? r * 1.5 : r)) })),
}
const simulator = new Simulator()
// The first request starts the simulator thread (with tsx in development; the built app starts
// a compiled file); it is kept for every request after.
const c0 = performance.now()
const cold = await simulator.run(scenario, 0)
const coldMs = performance.now() - c0
if (!cold.result.ok) throw new Error(`the what-if was refused: ${JSON.stringify(cold.result.problems)}`)
let tickets = 0
for (let i = 0; i < RUNS; i++) {
  const seed = 1 + i
  rows[0]![1].push(time(() => runScenario(s, { seed })).ms)
  const fast = time(() => runScenario(s, { seed, estimate: false }))
  rows[1]![1].push(fast.ms)
  tickets = fast.value.records.length
  const branch = scenarioBranch(s)
  rows[2]![1].push(
    time(() => buildDayReport({ events: fast.value.events, branch, utcOffsetMinutes: 480, feedback: [], asOf: null }))
      .ms,
  )
  rows[3]![1].push(time(() => summariseSimDay('busy', fast.value.date, seed, branch, fast.value.records)).ms)
  const t0 = performance.now()
  const r = await simulator.run(scenario, seed)
  rows[4]![1].push(performance.now() - t0)
  if (!r.result.ok || r.fromCache) throw new Error('the what-if was refused or kept')
  // The form's request: today and the changed day, side by side, with a seed not run before.
  const formSeed = 100 + i
  const t1 = performance.now()
  const pair = await Promise.all([simulator.run(scenario, formSeed), simulator.run(fewer, formSeed)])
  rows[5]![1].push(performance.now() - t1)
  if (pair.some((p) => p.fromCache)) throw new Error('a first run was kept')
  const t2 = performance.now()
  const again = await Promise.all([simulator.run(scenario, formSeed), simulator.run(surge, formSeed)])
  rows[6]![1].push(performance.now() - t2)
  if (!again[0].fromCache || again[1].fromCache) throw new Error("today's run was not kept")
}
// The kept thread is done with: the benchmark's process ends (npm run bench goes on to the next).
await simulator.stop()
process.exitCode = 0
console.log(
  `what-if of a ${tickets}-ticket day, median of ${RUNS} runs (${cpus().length} cores, load ${loadavg()[0]?.toFixed(2)})`,
)
console.log(`  ${'first request (starts the thread)'.padEnd(36)} ${coldMs.toFixed(0).padStart(6)} ms`)
for (const [name, ms] of rows)
  console.log(`  ${name.padEnd(36)} ${median(ms).toFixed(0).padStart(6)} ms   (max ${Math.max(...ms).toFixed(0)} ms)`)
