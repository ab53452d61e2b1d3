/**
 * Whether the closing warning is honest (docs/estimation.md, "Fifteenth round (c)"): on the days
 * `randomDays.bench.ts` runs (generated, with breaks, designed; three days each, the first with
 * no history), each ticket's warning at issue — decided by the product's own rule from the
 * estimate it was given and the scenario's plan as configured (`closingWarningScore`) — against
 * whether its first call came after the counters' planned end.
 *
 *   npx tsx bench/closingWarning.bench.ts [--first 2001,1001] [--seeds N] [--only generated,breaks,designed]
 *
 * An honest 80 % range would leave roughly: of tickets told `mayNot` (p90 past the end), 10 % or
 * more called after it; of `unlikely` (p50 past it), half or more; of those told nothing, 10 % or
 * fewer. Customers who gave up are shown apart: their "call" is a counter reaching a ticket
 * nobody answered.
 */
import { parseArgs } from 'node:util'
import { addDays } from '../shared/domain/localTime'
import {
  addTallies,
  closingWarningTally,
  EMPTY_TALLY,
  type ClosingWarningTally,
  type EndInRange,
  type ToldAtIssue,
  type WarningCells,
} from '../shared/sim/closingWarningScore'
import { randomBranchDay } from '../shared/sim/randomDay'
import { runDays } from '../shared/sim/runScenario'
import type { Scenario } from '../shared/sim/scenario'
import { scenarioClock } from '../shared/sim/scenarioModel'
import { designedScenarios } from './support/scenarios'

const { values } = parseArgs({
  options: { seeds: { type: 'string' }, first: { type: 'string' }, only: { type: 'string' } },
})
const nSeeds = Number(values.seeds ?? 40)
const firstSeeds = (values.first ?? '2001,1001').split(',').map(Number)
const parts = new Set((values.only ?? 'generated,breaks,designed').split(','))
for (const p of parts) {
  if (!['generated', 'breaks', 'designed'].includes(p)) throw new Error(`--only: unknown part "${p}"`)
}

/** Three days in a row on successive dates, as randomDays.bench.ts runs them. */
function threeDays(scenario: Scenario, seed: number): ClosingWarningTally {
  const first = scenarioClock(scenario).date
  return closingWarningTally(runDays(scenario, seed, 3, { dateOf: (i) => addDays(first, i) }))
}

const pct = (late: number, n: number): string => (n === 0 ? '–' : `${((100 * late) / n).toFixed(1)} %`)
const pad = (s: string, n: number): string => s.padEnd(n)
const TOLD: readonly [ToldAtIssue, string][] = [
  ['mayNot', 'mayNot (p90 past the end)'],
  ['unlikely', 'unlikely (p50 past it)'],
  ['none', 'not warned'],
  ['noEnd', 'plan already ended at issue'],
]

function cells(label: string, c: WarningCells): void {
  process.stdout.write(`  ${label}\n`)
  for (const [k, name] of TOLD) {
    const { n, late, lateSec } = c[k]
    if (k === 'noEnd' && n === 0) continue
    const calledLate = late === 0 || lateSec === 0 ? '' : `, mean ${(lateSec / 60 / late).toFixed(1)} min past`
    process.stdout.write(
      `    ${pad(name, 30)}${pad(String(n), 8)}${k === 'noEnd' ? '(not judged)' : `called after the end ${late} = ${pct(late, n)}${calledLate}`}\n`,
    )
  }
}

const RANGE: readonly [EndInRange, string][] = [
  ['beforeP10', 'before p10 (≥ 90 %)'],
  ['p10ToP50', 'p10–p50 (50–90 %)'],
  ['p50ToP90', 'p50–p90 (10–50 %)'],
  ['afterP90', 'after p90 (≤ 10 %)'],
]

function report(title: string, t: ClosingWarningTally, days: number): void {
  process.stdout.write(`\n${title} (${days} days)\n`)
  cells('stayed (served, or waiting at close)', t.stayed)
  cells('stayed and issued within the hour before the end', t.stayedLastHour)
  cells('gave up (left before their call)', t.gaveUp)
  const s = t.stayed
  const late = s.unlikely.late + s.mayNot.late + s.none.late
  process.stdout.write(
    `  stayed and called after the end: ${late}, of them warned ${pct(s.unlikely.late + s.mayNot.late, late)} ` +
      `(unlikely ${s.unlikely.late}, mayNot ${s.mayNot.late}, missed ${s.none.late})\n` +
      `  stayed, by where the end fell in their range (an honest range's share after it):\n`,
  )
  for (const [k, name] of RANGE) {
    const c = t.endInRange[k]
    const bound = k === 'beforeP10' ? 'at least ' : k === 'afterP90' ? 'at most ' : ''
    process.stdout.write(
      `    ${pad(name, 30)}${pad(String(c.n), 8)}called after the end ${c.late} = ${pct(c.late, c.n)}; ` +
        `the ranges said ${bound}${pct(c.implied, c.n)}\n`,
    )
  }
  process.stdout.write(`  stayed and never called: ${t.neverCalled}; tickets without an estimate: ${t.noEstimate}\n`)
}

/** The days whose customers were most often called late without a warning, for a look. */
function worstMissed(named: readonly [string, ClosingWarningTally][]): string {
  return [...named]
    .filter(([, t]) => t.stayed.none.late > 0)
    .sort((a, b) => b[1].stayed.none.late - a[1].stayed.none.late)
    .slice(0, 5)
    .map(([name, t]) => `${name} ${t.stayed.none.late}/${t.stayed.none.n}`)
    .join(', ')
}

function runSet(title: string, named: readonly [string, Scenario, number][]): ClosingWarningTally {
  const scored = named.map(([name, scenario, seed]): [string, ClosingWarningTally] => [name, threeDays(scenario, seed)])
  const total = scored.reduce((a, [, t]) => addTallies(a, t), EMPTY_TALLY)
  report(title, total, scored.length * 3)
  process.stdout.write(`  most missed warnings (late, not warned / not warned): ${worstMissed(scored) || '–'}\n`)
  return total
}

let pooled = EMPTY_TALLY
let pooledDays = 0
for (const first of firstSeeds) {
  const seeds = Array.from({ length: nSeeds }, (_, i) => first + i)
  for (const breaks of [false, true]) {
    if (!parts.has(breaks ? 'breaks' : 'generated')) continue
    const kind = breaks ? 'breaks' : 'random'
    const set = seeds.map((seed): [string, Scenario, number] => [
      `${kind} ${seed}`,
      randomBranchDay(seed, { breaks }),
      seed,
    ])
    pooled = addTallies(
      pooled,
      runSet(`Generated days${breaks ? ' with breaks' : ''}, seeds ${first}–${first + nSeeds - 1}`, set),
    )
    pooledDays += set.length * 3
  }
}
if (parts.has('designed')) {
  const set = designedScenarios().map(([name, s]): [string, Scenario, number] => [name, s, 3])
  pooled = addTallies(pooled, runSet('Designed days (seed 3)', set))
  pooledDays += set.length * 3
}
report('All the above pooled', pooled, pooledDays)
