/**
 * The wait estimator on days nobody designed: seeded random branch days (`shared/sim/randomDay`),
 * the scenarios of docs/scenarios, M/M/s, and real recorded days when their files are present
 * (data/traces/*.json with its .csv trace, made by scripts/import-anonymous-bank.ts). Each
 * scenario runs three days in a row — the first with no history at all — and every day is scored
 * on its own: the 80 % range's coverage overall, in its worst hour and its worst service (cells of
 * 30 or more waits), and the RMSE of the mean against "people ahead × mean ÷ counters" (and
 * Whitt's oracle on M/M/s). Printed as a distribution over the days, the worst day named.
 *
 *   npx tsx bench/randomDays.bench.ts [--seeds N] [--first S] [--only generated,breaks,designed,real,mm1,weekends,rota,bookings] [--informed] [--no-roster]
 *
 * `--informed` also estimates every ticket from the scenario's true model (`scenarioTruth`) and
 * prints its RMSE against naive (twice the work). `--no-roster` estimates as a hub whose counters have
 * no planned hours: the estimator is not told the scenario's roster and takes the usual one of the
 * days before (`usualRoster`).
 *
 * Seeds 1–20 were looked at while the estimator was developed, and 1001–1040 were the first
 * benchmark's; the default 5001–5040 were not looked at before the second round's figures. The
 * third round chose its constants on 2001–2040 (tuning) and reports 1001–1040 (validation) and
 * 3001–3020 (looked at only at the end) in docs/estimation.md; the sixth round's fresh seeds are
 * 4001–4020, the seventh round's 6001–6020. The summary counts RMSE ≤ 0.7 × naive over every
 * day and over the multi-service days (two or more services with ranged waits) the issue's rule
 * is for.
 * On the M/M/s days the exact conditional 80 % range (Whitt's Erlang with the true rate) is scored
 * the same way: the best any estimator can do, hour by hour. `--only mm1` runs M/M/1 at 95 % on
 * seeds 1–10 (three days each) and reports the RMSE against Whitt's oracle per day and pooled:
 * one day's ratio is a draw, not a property of the estimator. `--only weekends` runs each seed's
 * branch for a fortnight from a Monday, its Saturdays and Sundays with fewer counters and
 * customers (`weekendOf`), and scores both weekends and the Monday after (15 days a seed, so not
 * in the default run). `--only rota` runs each seed's branch for five working days with its
 * tellers dealt to other counters each day after the first (`rotaOf`) and scores days 2–5.
 * `--only bookings` runs the generated days with 15–40 % of the customers holding 15-minute slots
 * (called first within 10 minutes once their slot has come) and scores every customer, then the
 * walk-ins and the booked apart: the estimator does not yet expect the booked customers still to
 * come (docs/estimation.md, "Limits").
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { coverageBreakdown } from '../shared/estimate/coverageBreakdown'
import { scorePredictions } from '../shared/estimate/evaluatePredictions'
import { parseScenario } from '../shared/sim/parseScenario'
import { addDays } from '../shared/domain/localTime'
import { scenarioClock } from '../shared/sim/scenarioModel'
import { designedScenarios, mms } from './support/scenarios'
import { gammaQuantile } from '../shared/estimate/gammaDistribution'
import { mmsMeanServiceSec } from '../shared/sim/runScenario'
import { predictionRows } from '../shared/sim/predictionRows'
import { randomBranchDay } from '../shared/sim/randomDay'
import { weekendOf } from '../shared/sim/weekendDay'
import { rotaOf } from '../shared/sim/rotaDay'
import { mixSeed, seededRng } from '../shared/sim/random'
import { weekday } from '../shared/domain/localTime'
import { runDays, runScenario, type SimDay, historyOf } from '../shared/sim/runScenario'
import type { Scenario } from '../shared/sim/scenario'
import { parseTrace } from '../shared/sim/trace'

const { values } = parseArgs({
  options: {
    seeds: { type: 'string' },
    first: { type: 'string' },
    only: { type: 'string' },
    informed: { type: 'boolean' },
    'no-roster': { type: 'boolean' },
  },
})
// Also estimate every generated or designed ticket from the scenario's true model (twice the work).
const informed = values.informed === true
// Estimate as a hub whose counters have no planned hours: the usual roster of the history instead
// of the scenario's (`knowSchedule: false`).
const knowSchedule = values['no-roster'] !== true
const nSeeds = Number(values.seeds ?? 40)
const firstSeed = Number(values.first ?? 5001)
const parts = new Set((values.only ?? 'generated,breaks,designed,real').split(','))
for (const p of parts) {
  if (!['generated', 'breaks', 'designed', 'real', 'mm1', 'weekends', 'rota', 'bookings'].includes(p))
    throw new Error(`--only: unknown part "${p}"`)
}
const root = fileURLToPath(new URL('..', import.meta.url))

interface DayScore {
  readonly name: string
  readonly n: number
  readonly coverage: number
  readonly worstHour: number
  readonly worstHourAt: string
  readonly worstService: number
  readonly worstServiceId: string
  readonly vsNaive: number
  readonly vsOracle: number | null
  readonly noEstimate: number
  /** Services with at least one ranged wait (a customer who waited and was shown a range). */
  readonly servicesWithWaits: number
  /** M/M/s only: the exact Erlang 80 % range's coverage overall and in its worst hour. */
  readonly oracleCoverage: number | null
  readonly oracleWorstHour: number | null
  /** `--informed`: the same estimator on the scenario's true model, its RMSE ÷ naive's. */
  readonly informedVsNaive: number | null
}

function score(name: string, day: SimDay): DayScore {
  const rows = predictionRows([day])
  const s = scorePredictions(rows)
  const b = coverageBreakdown(rows)
  const oracle = oracleRanges(day, rows)
  return {
    name,
    n: s.coverageN,
    coverage: s.coverage,
    worstHour: b.worstHour?.coverage ?? Number.NaN,
    worstHourAt: b.worstHour === null ? '–' : `hour ${b.worstHour.key}`,
    worstService: b.worstService?.coverage ?? Number.NaN,
    worstServiceId: b.worstService?.key ?? '–',
    vsNaive: s.rmse.ours / s.rmse.naive,
    vsOracle: s.rmse.oracle === null ? null : s.rmse.ours / s.rmse.oracle,
    noEstimate: day.records.filter((r) => r.estimate === null).length,
    servicesWithWaits: new Set(rows.filter((r) => r.ours !== null && r.ours.p90 > 0).map((r) => r.serviceId)).size,
    oracleCoverage: oracle === null ? null : scorePredictions(oracle).coverage,
    oracleWorstHour: oracle === null ? null : (coverageBreakdown(oracle).worstHour?.coverage ?? null),
    informedVsNaive: s.rmse.informed === null ? null : s.rmse.informed / s.rmse.naive,
  }
}

/**
 * On an M/M/s day, the same waits against the exact conditional distribution given the state at
 * issue: Erlang(n + 1, sμ) with the true rate (Whitt), its 10th and 90th percentiles the range.
 */
function oracleRanges(day: SimDay, rows: ReturnType<typeof predictionRows>): ReturnType<typeof predictionRows> | null {
  const mean = mmsMeanServiceSec(day.scenario)
  if (mean === null) return null
  const servers = day.scenario.counters.length
  return rows.map((r) => {
    if (r.oracle === null || r.oracle <= 0) return { ...r, ours: { mean: 0, p10: 0, p50: 0, p90: 0 } }
    const k = (r.oracle * servers) / mean
    const scale = mean / servers
    return {
      ...r,
      ours: {
        mean: r.oracle,
        p10: gammaQuantile(0.1, k, scale),
        p50: gammaQuantile(0.5, k, scale),
        p90: gammaQuantile(0.9, k, scale),
      },
    }
  })
}

const f2 = (x: number | null): string => (x === null || Number.isNaN(x) ? '–' : x.toFixed(2))
const pad = (s: string, n: number): string => s.padEnd(n)
const line = (d: DayScore): string =>
  `${pad(d.name, 34)}${pad(String(d.n), 6)}${pad(f2(d.coverage), 7)}${pad(`${f2(d.worstHour)} ${d.worstHourAt}`, 16)}` +
  `${pad(`${f2(d.worstService)} ${d.worstServiceId}`, 14)}${pad(f2(d.vsNaive), 9)}${pad(f2(d.vsOracle), 8)}` +
  `${pad(String(d.noEstimate), 12)}${d.oracleCoverage === null ? '' : `${f2(d.oracleCoverage)}, worst hour ${f2(d.oracleWorstHour)}`}` +
  `${d.informedVsNaive === null ? '' : `informed ÷naive ${f2(d.informedVsNaive)}`}\n`
const header =
  `${pad('day', 34)}${pad('n', 6)}${pad('cov', 7)}${pad('worst hour', 16)}${pad('worst svc', 14)}` +
  `${pad('÷naive', 9)}${pad('÷oracle', 8)}${pad('no estimate', 12)}exact Erlang range (M/M/s)` +
  `${informed ? ' / informed' : ''}\n`

function runThree(name: string, scenario: Scenario, seed: number): DayScore[] {
  // On successive dates, as a hub lives them (the night between is closed hours).
  const first = scenarioClock(scenario).date
  return runDays(scenario, seed, 3, { dateOf: (i) => addDays(first, i), informed, knowSchedule }).map((d, i) =>
    score(`${name} day ${i + 1}`, d),
  )
}

function summary(title: string, days: readonly DayScore[]): void {
  const q = (xs: number[], p: number): number => {
    const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b)
    return s[Math.min(s.length - 1, Math.floor(p * (s.length - 1)))] ?? Number.NaN
  }
  const dist = (label: string, pick: (d: DayScore) => number, worstIsLow: boolean): void => {
    const xs = days.map(pick)
    const valid = days.filter((d) => !Number.isNaN(pick(d)))
    const worst = valid.reduce<DayScore | null>(
      (w, d) => (w === null || (worstIsLow ? pick(d) < pick(w) : pick(d) > pick(w)) ? d : w),
      null,
    )
    process.stdout.write(
      `  ${pad(label, 22)}min ${f2(q(xs, 0))}  p10 ${f2(q(xs, 0.1))}  median ${f2(q(xs, 0.5))}  p90 ${f2(
        q(xs, 0.9),
      )}  max ${f2(q(xs, 1))}   worst: ${worst?.name ?? '–'}\n`,
    )
  }
  // A day with no ranged waits of the kind (no booked customer) has no coverage, and adds none.
  const pooledIn = days.reduce((a, d) => a + (d.n > 0 ? d.coverage * d.n : 0), 0)
  const pooledN = days.reduce((a, d) => a + d.n, 0)
  process.stdout.write(
    `\n${title}: ${days.length} days, ${pooledN} ranged waits, pooled coverage ${f2(pooledIn / pooledN)}\n`,
  )
  dist('coverage', (d) => d.coverage, true)
  dist('worst-hour coverage', (d) => d.worstHour, true)
  dist('worst-service coverage', (d) => d.worstService, true)
  dist('RMSE ÷ naive', (d) => d.vsNaive, false)
  const within = days.filter((d) => d.coverage >= 0.75 && d.coverage <= 0.85).length
  const hourOk = days.filter((d) => Number.isNaN(d.worstHour) || d.worstHour >= 0.65).length
  const svcOk = days.filter((d) => Number.isNaN(d.worstService) || d.worstService >= 0.65).length
  const naiveOk = days.filter((d) => !(d.vsNaive > 1)).length
  process.stdout.write(
    `  days with coverage in 75–85 %: ${within}/${days.length}; every hour ≥ 65 %: ${hourOk}/${days.length}; ` +
      `every service ≥ 65 %: ${svcOk}/${days.length}; RMSE ≤ naive: ${naiveOk}/${days.length}; ` +
      `tickets without an estimate: ${days.reduce((a, d) => a + d.noEstimate, 0)}\n`,
  )
  // The issue's 0.7 × naive rule is for non-stationary multi-service days. Every generated day
  // has an hourly profile (a ramp, a midday bump, surges: randomDay's dayProfile), so each is
  // non-stationary; a day counts as multi-service when two or more services had ranged waits.
  const multi = days.filter((d) => d.servicesWithWaits >= 2 && !Number.isNaN(d.vsNaive))
  const ratioOk = (xs: readonly DayScore[]): number => xs.filter((d) => d.vsNaive <= 0.7).length
  const worstMulti = multi.reduce<DayScore | null>((w, d) => (w === null || d.vsNaive > w.vsNaive ? d : w), null)
  const sortedMulti = multi.map((d) => d.vsNaive).sort((a, b) => a - b)
  process.stdout.write(
    `  RMSE ≤ 0.7 × naive: ${ratioOk(days)}/${days.length} days; on the ${multi.length} days with two or more ` +
      `services having waits: ${ratioOk(multi)}/${multi.length}, median ${f2(median(sortedMulti))}, ` +
      `worst ${f2(worstMulti?.vsNaive ?? null)} (${worstMulti?.name ?? '–'})\n`,
  )
  if (days.some((d) => d.informedVsNaive !== null)) informedSummary(days, multi)
}

/**
 * `--informed`: how far the estimator on the scenario's true model gets — the part of each target
 * an estimate from the queue's state can reach on these days — and how much of it the learned
 * model gives away.
 */
function informedSummary(days: readonly DayScore[], multi: readonly DayScore[]): void {
  // a day with any ticket the informed run gave no figure is left out, and counted
  const scored = (d: DayScore): boolean =>
    d.informedVsNaive !== null && !Number.isNaN(d.informedVsNaive) && !Number.isNaN(d.vsNaive)
  const known = days.filter(scored)
  const knownMulti = multi.filter(scored)
  const iv = (d: DayScore): number => d.informedVsNaive as number
  const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b)
  const gap = sorted(known.map((d) => d.vsNaive / iv(d)))
  const reachable = knownMulti.filter((d) => iv(d) <= 0.7)
  const worstGap = known.reduce<DayScore | null>(
    (w, d) => (w === null || d.vsNaive / iv(d) > w.vsNaive / iv(w) ? d : w),
    null,
  )
  process.stdout.write(
    `  informed (the projection on the true model, no mix): RMSE ≤ naive ${known.filter((d) => iv(d) <= 1).length}/${known.length}; ` +
      `≤ 0.7 × naive on ${reachable.length}/${knownMulti.length} multi-service days (median ${f2(median(sorted(knownMulti.map(iv))))}), ` +
      `ours ≤ 0.7 × on ${reachable.filter((d) => d.vsNaive <= 0.7).length} of those; ` +
      `ours ÷ informed median ${f2(median(gap))}, p90 ${f2(gap[Math.floor(0.9 * (gap.length - 1))] ?? null)}, ` +
      `worst ${f2(worstGap === null ? null : worstGap.vsNaive / iv(worstGap))} (${worstGap?.name ?? '–'})` +
      `${known.length < days.length ? `; ${days.length - known.length} days without an informed score` : ''}\n`,
  )
}

/** The median of sorted numbers (the mean of the middle two for an even count); NaN when empty. */
function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return Number.NaN
  const mid = (sorted.length - 1) / 2
  return ((sorted[Math.floor(mid)] as number) + (sorted[Math.ceil(mid)] as number)) / 2
}

function runGenerated(breaks: boolean): void {
  process.stdout.write(
    `${breaks ? '\n' : ''}Random branch days${breaks ? " with tellers' breaks" : ''}, seeds ${firstSeed}–${firstSeed + nSeeds - 1}, three days each (day 1: no history)\n\n`,
  )
  process.stdout.write(header)
  const generated: DayScore[] = []
  for (let seed = firstSeed; seed < firstSeed + nSeeds; seed++) {
    const scenario = randomBranchDay(seed, { breaks })
    const days = runThree(`${breaks ? 'breaks' : 'random'} ${seed}`, scenario, seed)
    for (const d of days) process.stdout.write(line(d))
    generated.push(...days)
  }
  summary(breaks ? 'Generated days with breaks' : 'Generated days', generated)
}

/**
 * A fortnight of each seed's branch from Monday 2026-11-23, its weekends run by `weekendOf`: the
 * first Saturday has no weekend before it, the second has two. Scored: both weekends and the
 * Monday after the second.
 */
function runWeekends(): void {
  process.stdout.write(
    `\nA fortnight of random branches with weekends of fewer counters, seeds ${firstSeed}–${firstSeed + nSeeds - 1}: ` +
      `both weekends and the Monday after\n\n${header}`,
  )
  const monday = '2026-11-23'
  const scored = new Set([5, 6, 12, 13, 14])
  const names = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
  const weekendDays: DayScore[] = []
  const mondays: DayScore[] = []
  for (let seed = firstSeed; seed < firstSeed + nSeeds; seed++) {
    const working = randomBranchDay(seed)
    const weekend = weekendOf(working, seed)
    const dateOf = (i: number): string => addDays(monday, i)
    const isWeekend = (i: number): boolean => [0, 6].includes(weekday(dateOf(i)))
    const days = runDays(working, seed, 15, {
      dateOf,
      scenarioOf: (i) => (isWeekend(i) ? weekend : working),
      knowSchedule,
    })
    days.forEach((d, i) => {
      if (!scored.has(i)) return
      const s = score(`weekends ${seed} ${names[i % 7]} ${dateOf(i).slice(5)}`, d)
      process.stdout.write(line(s))
      ;(isWeekend(i) ? weekendDays : mondays).push(s)
    })
  }
  summary('Weekend days', weekendDays)
  summary('Mondays after a weekend', mondays)
}

function runRota(): void {
  process.stdout.write(
    `\nRandom branches whose tellers change counters every day, seeds ${firstSeed}–${firstSeed + nSeeds - 1}: ` +
      `days 2–5 of a working week\n\n${header}`,
  )
  const monday = '2026-11-23'
  const scored: DayScore[] = []
  for (let seed = firstSeed; seed < firstSeed + nSeeds; seed++) {
    const base = randomBranchDay(seed)
    const days = runDays(base, seed, 5, {
      dateOf: (i) => addDays(monday, i),
      scenarioOf: (i) => rotaOf(base, seed, i),
      knowSchedule,
    })
    days.forEach((d, i) => {
      if (i === 0) return
      const s = score(`rota ${seed} day ${i + 1}`, d)
      process.stdout.write(line(s))
      scored.push(s)
    })
  }
  summary('Days after the tellers moved', scored)
}

function runBookings(): void {
  process.stdout.write(
    `\nRandom branch days where some customers booked a slot, seeds ${firstSeed}–${firstSeed + nSeeds - 1}\n\n${header}`,
  )
  const all: DayScore[] = []
  const walkIns: DayScore[] = []
  const booked: DayScore[] = []
  for (let seed = firstSeed; seed < firstSeed + nSeeds; seed++) {
    const day = randomBranchDay(seed)
    const share = 0.15 + 0.25 * seededRng(mixSeed(seed * 7919 + 911)).next()
    const scenario: Scenario = { ...day, bookings: { share, slotMinutes: 15, graceSec: 600 } }
    const first = scenarioClock(scenario).date
    runDays(scenario, seed, 3, { dateOf: (i) => addDays(first, i), informed, knowSchedule }).forEach((d, i) => {
      const name = `bookings ${seed} day ${i + 1}`
      const s = score(name, d)
      process.stdout.write(line(s))
      all.push(s)
      walkIns.push(score(`${name} walk-ins`, { ...d, records: d.records.filter((r) => r.booked !== true) }))
      booked.push(score(`${name} booked`, { ...d, records: d.records.filter((r) => r.booked === true) }))
    })
  }
  summary('Days with bookings, every customer', all)
  summary('The same days, walk-ins only', walkIns)
  summary('The same days, booked customers only', booked)
}

function runDesigned(): void {
  process.stdout.write(`\nThe scenarios of docs/scenarios and M/M/s, three days each (seed 3)\n\n${header}`)
  const designed: DayScore[] = []
  for (const [name, scenario] of designedScenarios()) {
    const days = runThree(name, scenario, 3)
    for (const d of days) process.stdout.write(line(d))
    designed.push(...days)
  }
  summary('Designed days', designed)
}

/**
 * Real recorded days: a scenario (staffing, and the month's rates) beside its trace, replayed in
 * date order three ways — as a first day with no history; after two days simulated from the
 * scenario (the month's other working days' rates, talk times and patience); and after the
 * recorded days before it in data/traces/, each replayed in turn with the ones before it as its
 * history, as a hub installed on the first of them would have lived them. A file without its
 * trace, or one that does not parse, is reported and counted, not dropped.
 */
function runReal(): void {
  const traces = join(root, 'data/traces')
  const real = existsSync(traces)
    ? readdirSync(traces)
        .filter((f) => f.endsWith('.json'))
        .sort()
    : []
  if (real.length === 0) {
    process.stdout.write(
      '\nReal recorded days: none present (data/traces/ holds no scenario with its trace). ' +
        'See docs/estimation.md for how to fetch and import the Anonymous Bank call-centre data.\n',
    )
    return
  }
  process.stdout.write(
    `\nReal recorded days (data/traces/): no history; after two days simulated from the month; ` +
      `after the recorded days before it\n\n${header}`,
  )
  // The recorded centre works Sunday to Thursday (Israel): its days, and the two simulated before
  // each, are working days, whatever China's weekend says (a branch declares them the same way,
  // as working weekend days).
  const dates = real.map((f) => /(\d{4}-\d{2}-\d{2})/.exec(f)?.[1]).filter((d): d is string => d !== undefined)
  const span = dates.length === 0 ? [] : Array.from({ length: 40 }, (_, i) => addDays(dates[0] as string, i - 3))
  const calendar = { holidays: [], workingWeekends: span.filter((d) => [0, 6].includes(weekday(d))) }
  const variants = { first: [] as DayScore[], simulated: [] as DayScore[], lived: [] as DayScore[] }
  const lived: SimDay[] = []
  const unusable: string[] = []
  for (const f of real) {
    const name = f.replace(/\.json$/, '')
    const csv = join(traces, `${name}.csv`)
    if (!existsSync(csv)) {
      unusable.push(`${name}: no trace (${name}.csv)`)
      continue
    }
    const parsed = parseScenario(JSON.parse(readFileSync(join(traces, f), 'utf8')))
    if (!parsed.ok) {
      unusable.push(`${name}: scenario does not parse: ${JSON.stringify(parsed.error).slice(0, 200)}`)
      continue
    }
    const trace = parseTrace(readFileSync(csv, 'utf8'), parsed.value)
    if (!trace.ok) {
      unusable.push(`${name}: trace does not parse: ${JSON.stringify(trace.error.slice(0, 3)).slice(0, 200)}`)
      continue
    }
    const recorded = scenarioClock(parsed.value).date
    const replay = (history: readonly SimDay[]): SimDay =>
      runScenario(parsed.value, {
        seed: 1,
        knowSchedule,
        trace: trace.value,
        history: historyOf(history, parsed.value.utcOffsetMin ?? 480, { date: recorded, calendar }),
      })
    // The simulated history days are the days before the recorded one, as a hub would have lived them.
    const simulated = runDays(parsed.value, 11, 2, { dateOf: (i) => addDays(recorded, i - 2), knowSchedule, calendar })
    const first = replay([])
    // the day as the hub lived it: with the recorded days before it (the first, with none)
    const asLived = lived.length === 0 ? first : replay(lived)
    const rows: [DayScore[], string, SimDay][] = [
      [variants.first, 'no history', first],
      [variants.simulated, '2 simulated', replay(simulated)],
    ]
    if (lived.length > 0) rows.push([variants.lived, `${lived.length} recorded`, asLived])
    for (const [into, label, day] of rows) {
      const d = score(`${name.replace(/^anonymous-bank-/, '')} (${label})`, day)
      process.stdout.write(line(d))
      into.push(d)
    }
    lived.push(asLived)
  }
  for (const u of unusable) process.stdout.write(`  not replayed: ${u}\n`)
  summary('Real days, first day (no history)', variants.first)
  summary('Real days, after two simulated days', variants.simulated)
  if (variants.lived.length > 0) summary('Real days, after the recorded days before each', variants.lived)
  if (unusable.length > 0) process.stdout.write(`  ${unusable.length} files in data/traces/ not replayed (above)\n`)
}

/**
 * M/M/1 at 95 % over ten seeds: each day's RMSE against Whitt's oracle, and pooled (the squared
 * errors of all the days' waits together). A day holds about 230 waits whose errors are strongly
 * correlated (an hour of half-hour waits shares one run of transactions), so one day's ratio
 * swings by ±10 % around the estimator's.
 */
function runMm1Seeds(): void {
  process.stdout.write("\nM/M/1 95 %, seeds 1–10, three days each: RMSE ÷ Whitt's oracle\n")
  const ratios: number[] = []
  let ours = 0
  let oracle = 0
  for (let seed = 1; seed <= 10; seed++) {
    for (const day of runDays(mms(1, 0.95), seed, 3)) {
      const s = scorePredictions(predictionRows([day]))
      if (s.rmse.oracle === null) continue
      ratios.push(s.rmse.ours / s.rmse.oracle)
      ours += s.rmse.ours ** 2 * s.n
      oracle += s.rmse.oracle ** 2 * s.n
    }
  }
  const sorted = [...ratios].sort((a, b) => a - b)
  process.stdout.write(
    `  per day: ${ratios.map(f2).join(' ')}\n  min ${f2(sorted[0] ?? null)}  median ${f2(
      sorted[Math.floor((sorted.length - 1) / 2)] ?? null,
    )}  max ${f2(sorted[sorted.length - 1] ?? null)}; pooled ${Math.sqrt(ours / oracle).toFixed(3)}\n`,
  )
}

if (parts.has('generated')) runGenerated(false)
if (parts.has('breaks')) runGenerated(true)
if (parts.has('designed')) runDesigned()
if (parts.has('real')) runReal()
if (parts.has('mm1')) runMm1Seeds()
if (parts.has('weekends')) runWeekends()
if (parts.has('rota')) runRota()
if (parts.has('bookings')) runBookings()
