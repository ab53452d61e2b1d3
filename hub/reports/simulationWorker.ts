// The what-if simulator, on a thread of its own: a simulated day takes a second or more, and
// the hub keeps serving the branch meanwhile. Started per request by whatIf.ts.
import { parentPort, workerData } from 'node:worker_threads'
import { buildDayReport } from '../../shared/reports/dayReport'
import { parseScenario } from '../../shared/sim/parseScenario'
import { runScenario } from '../../shared/sim/runScenario'
import { summariseSimDay } from '../../shared/sim/simDayReport'
import { scenarioBranch } from '../../shared/sim/scenarioModel'

const { scenario: json, seed } = workerData as { scenario: unknown; seed: number }
const parsed = parseScenario(json)
if (!parsed.ok) {
  parentPort?.postMessage({ ok: false, problems: parsed.error })
} else {
  const scenario = parsed.value
  const day = runScenario(scenario, { seed })
  const branch = scenarioBranch(scenario)
  const summary = summariseSimDay(scenario.name ?? 'what-if', day.date, seed, branch, day.records)
  const report = buildDayReport({
    events: day.events,
    branch,
    utcOffsetMinutes: scenario.utcOffsetMin ?? 480,
    feedback: [],
    asOf: null,
  })
  parentPort?.postMessage({ ok: true, summary, kpis: report.kpis, hours: report.hours })
}
