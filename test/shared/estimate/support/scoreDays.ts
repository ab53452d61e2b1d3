import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { scorePredictions, type PredictionScore } from '../../../../shared/estimate/evaluatePredictions'
import { parseScenario } from '../../../../shared/sim/parseScenario'
import { predictionRows } from '../../../../shared/sim/predictionRows'
import { runDays } from '../../../../shared/sim/runScenario'
import type { Scenario } from '../../../../shared/sim/scenario'

/** A scenario file from docs/scenarios, parsed (the examples double as the test scenarios). */
export function docScenario(name: string): Scenario {
  const path = fileURLToPath(new URL(`../../../../docs/scenarios/${name}.json`, import.meta.url))
  const parsed = parseScenario(JSON.parse(readFileSync(path, 'utf8')))
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.error)}`)
  return parsed.value
}

/**
 * Runs `warmUp + scored` days in a row (each learning from the ones before, as a branch does) and
 * scores the last `scored` of them.
 */
export function scoreDays(scenario: Scenario, seed: number, warmUp: number, scored: number): PredictionScore {
  const days = runDays(scenario, seed, warmUp + scored)
  return scorePredictions(predictionRows(days.slice(warmUp)))
}
