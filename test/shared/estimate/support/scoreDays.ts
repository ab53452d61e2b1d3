import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import {
  scorePredictions,
  type PredictionRow,
  type PredictionScore,
} from '../../../../shared/estimate/evaluatePredictions'
import { parseScenario } from '../../../../shared/sim/parseScenario'
import { runDays, type SimDay } from '../../../../shared/sim/runScenario'
import type { Scenario } from '../../../../shared/sim/scenario'

/** A scenario file from docs/scenarios, parsed (the examples double as the test scenarios). */
export function docScenario(name: string): Scenario {
  const path = fileURLToPath(new URL(`../../../../docs/scenarios/${name}.json`, import.meta.url))
  const parsed = parseScenario(JSON.parse(readFileSync(path, 'utf8')))
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.error)}`)
  return parsed.value
}

/** Every served customer of the days: their actual wait until call and each predictor's. */
export function predictionRows(days: readonly SimDay[]): PredictionRow[] {
  return days.flatMap((d) =>
    d.records
      .filter((r) => r.outcome === 'served' && r.calledAt !== null)
      .map((r) => {
        const c = d.comparisons.get(r.ticketId)
        return {
          actual: (r.calledAt as number) - r.issuedAt,
          ours: r.estimate,
          naive: c?.naive ?? null,
          les: c?.les ?? null,
          oracle: c?.oracle ?? null,
        }
      }),
  )
}

/**
 * Runs `warmUp + scored` days in a row (each learning from the ones before, as a branch does) and
 * scores the last `scored` of them.
 */
export function scoreDays(scenario: Scenario, seed: number, warmUp: number, scored: number): PredictionScore {
  const days = runDays(scenario, seed, warmUp + scored)
  return scorePredictions(predictionRows(days.slice(warmUp)))
}
