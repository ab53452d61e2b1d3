/**
 * The branch simulator on the command line (`npm run simulate -- …`): runs a scenario — or a
 * trace of real arrivals with the scenario's counters — through the real engine, calling policy
 * and estimator on simulated time, and writes one JSON line per ticket plus the day's summary.
 *
 *   npx tsx scripts/simulate.ts --scenario docs/scenarios/lunch-peak.json --out tickets.jsonl [--seed 7]
 *       [--trace docs/scenarios/community-pension-trace.csv] [--summary summary.json] [--history-days 2]
 *
 * `--trace` is an input: a CSV of recorded arrivals (`time,service,priority,durationSec,noShow`)
 * replayed instead of the scenario's random ones (docs/simulator.md).
 *
 * The manager screen runs the same thing through the hub (`runScenario` is pure). Exit codes:
 * 0 done, 1 a file is invalid (every problem is listed with its field), 2 bad arguments.
 */
import { buildDayReport } from '../shared/reports/dayReport'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { parseArgs } from 'node:util'
import { learnUsualPattern } from '../shared/delays/usualPattern'
import { parseScenario, type ScenarioError } from '../shared/sim/parseScenario'
import { runDays, runScenario } from '../shared/sim/runScenario'
import { scenarioBranch } from '../shared/sim/scenarioModel'
import { summariseSimDay, ticketLine } from '../shared/sim/simDayReport'
import { parseTrace } from '../shared/sim/trace'
import { errorText } from '../shared/util/errorText'

const USAGE =
  'usage: simulate --scenario FILE.json --out FILE.jsonl [--seed N] [--trace ARRIVALS.csv (input)] [--summary FILE.json] [--history-days N]'

function fail(code: number, lines: readonly string[]): never {
  for (const l of lines) process.stderr.write(`${l}\n`)
  process.exit(code)
}

/** A file the run reads, or exit 1 naming it and why (a missing file is not a stack trace). */
function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === 'ENOENT'
    return fail(1, [`${path}: ${missing ? `no such ${what} file` : errorText(e)}`])
  }
}

function readJson(path: string): unknown {
  const text = readText(path, 'scenario')
  try {
    return JSON.parse(text) as unknown
  } catch (e) {
    return fail(1, [`${path}: ${errorText(e)}`])
  }
}

function listErrors(file: string, errors: readonly ScenarioError[]): string[] {
  return [`${file} is not valid:`, ...errors.map((e) => `  ${e.field}: ${e.message}`)]
}

function main(): void {
  let values: Record<string, string | undefined>
  try {
    values = parseArgs({
      options: {
        scenario: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string' },
        trace: { type: 'string' },
        summary: { type: 'string' },
        'history-days': { type: 'string' },
      },
      allowPositionals: false,
    }).values
  } catch (e) {
    return fail(2, [errorText(e), USAGE])
  }
  const scenarioPath = values.scenario
  const out = values.out
  if (scenarioPath === undefined || out === undefined) return fail(2, [USAGE])
  const parsed = parseScenario(readJson(scenarioPath))
  if (!parsed.ok) return fail(1, listErrors(scenarioPath, parsed.error))
  const scenario = parsed.value
  const seedText = values.seed ?? String(scenario.seed ?? 1)
  const historyText = values['history-days'] ?? '2'
  if (!/^-?\d+$/.test(seedText)) return fail(2, [`--seed must be a whole number, not '${seedText}'`])
  if (!/^\d+$/.test(historyText)) return fail(2, [`--history-days must be a whole number ≥ 0, not '${historyText}'`])
  const seed = Number(seedText)

  let trace = null
  if (values.trace !== undefined) {
    const t = parseTrace(readText(values.trace, 'trace (an input: recorded arrivals, CSV)'), scenario)
    if (!t.ok) return fail(1, listErrors(values.trace, t.error))
    trace = t.value
  }

  // Earlier days drawn from the scenario teach the estimator, as a branch's history does.
  const past = runDays(scenario, seed + 7919, Number(historyText))
  const history = {
    serviceTimes: past.map((d) => d.serviceTimes),
    usual:
      past.length === 0
        ? null
        : learnUsualPattern(
            past.map((d) => d.events),
            scenario.utcOffsetMin ?? 480,
          ),
  }
  const day = runScenario(scenario, { seed, trace, history })
  const lines = [...day.records].sort((a, b) => a.issuedAt - b.issuedAt).map((r) => JSON.stringify(ticketLine(r)))
  mkdirSync(dirname(out), { recursive: true })
  writeFileSync(out, lines.length === 0 ? '' : `${lines.join('\n')}\n`)
  const summary = summariseSimDay(scenario.name ?? scenarioPath, day.date, seed, scenarioBranch(scenario), day.records)
  const summaryPath = values.summary ?? out.replace(/(\.jsonl)?$/, '.summary.json')
  writeFileSync(summaryPath, `${JSON.stringify(summary, null, 2)}\n`)
  // The manager's full daily report of the simulated day, from its events (shared/reports).
  const report = buildDayReport({
    events: day.events,
    branch: scenarioBranch(scenario),
    utcOffsetMinutes: scenario.utcOffsetMin ?? 480,
    feedback: [],
    asOf: null,
  })
  const reportPath = out.replace(/(\.jsonl)?$/, '.report.json')
  writeFileSync(reportPath, `${JSON.stringify(report)}\n`)

  const b = summary.branch
  const pct = (x: number | null): string => (x === null ? '–' : `${(100 * x).toFixed(1)} %`)
  const sec = (x: number | null): string => (x === null ? '–' : `${x.toFixed(0)} s`)
  process.stdout.write(
    [
      `${summary.scenario} — ${day.date}, seed ${seed}${trace === null ? '' : `, trace ${values.trace}`}`,
      `  issued ${b.issued}, served ${b.served}, no-shows ${b.noShows}, removed at close ${b.removedAtClose}`,
      `  wait: mean ${sec(b.meanWaitSec)}, p90 ${sec(b.p90WaitSec)}, within target ${pct(b.withinTargetShare)}`,
      `  estimates: 80 % range held ${pct(b.estimateCoverage)}, mean abs error ${sec(b.estimateMaeSec)}`,
      `  transactions within standard ${pct(report.kpis.transactionWithinStandardShare)}`,
      `  wrote ${out} (${lines.length} tickets), ${summaryPath} and the daily report ${reportPath}`,
      '',
    ].join('\n'),
  )
}

main()
