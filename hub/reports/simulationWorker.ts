// The what-if simulator, on a thread of its own, started once and kept (whatIf.ts): the hub keeps
// serving the branch while a day is simulated, and no request pays for starting a thread.
// Its messages: simulationProtocol.ts.
import { parentPort } from 'node:worker_threads'
import type { WhatIfResult } from '../../shared/api/views'
import { buildDayReport } from '../../shared/reports/dayReport'
import { parseScenario } from '../../shared/sim/parseScenario'
import { runScenario } from '../../shared/sim/runScenario'
import { summariseSimDay } from '../../shared/sim/simDayReport'
import { scenarioBranch } from '../../shared/sim/scenarioModel'
import { answerRequests } from '../workerCalls'
import { RecentRuns } from './recentRuns'
import { parseWhatIfRequest } from './simulationProtocol'

/** Today's scenario comes with every what-if from the form: its day is simulated once. */
const recent = new RecentRuns<WhatIfResult>(8)

/** One what-if: the scenario parsed, its day simulated (no estimator: the day, not its estimates), reported. */
function whatIf(json: unknown, seed: number): WhatIfResult {
  const parsed = parseScenario(json)
  if (!parsed.ok) return { ok: false, problems: parsed.error }
  const scenario = parsed.value
  const day = runScenario(scenario, { seed, estimate: false })
  const branch = scenarioBranch(scenario)
  const summary = summariseSimDay(scenario.name ?? 'what-if', day.date, seed, branch, day.records)
  const report = buildDayReport({
    events: day.events,
    branch,
    utcOffsetMinutes: scenario.utcOffsetMin ?? 480,
    feedback: [],
    asOf: null,
    // The simulator's no-shows left before their call: not waits served, not judged.
    noShowsLeft: true,
  })
  return { ok: true, summary, kpis: report.kpis, hours: report.hours }
}

answerRequests(parentPort, parseWhatIfRequest, ({ scenario, seed }) => {
  const kept = recent.get(scenario, seed)
  if (kept !== undefined) return { result: kept, fromCache: true }
  const result = whatIf(scenario, seed)
  if (result.ok) recent.set(scenario, seed, result)
  return { result, fromCache: false }
})
