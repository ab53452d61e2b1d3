import { describe, expect, it } from 'vitest'
import { learnCalibration } from '../../../shared/estimate/calibrationFeed'
import { addDays } from '../../../shared/domain/localTime'
import { randomBranchDay } from '../../../shared/sim/randomDay'
import { journaledEvents, runDays } from '../../../shared/sim/runScenario'
import { scenarioClock } from '../../../shared/sim/scenarioModel'

describe('the range calibration rebuilt from the journals', () => {
  // A hub starting in the morning relearns the days before from their journals
  // (`loadBranchKnowledge`); the simulator carries its learner through them. With the slower parts
  // kept over 24 open hours, what several days leave matters: the two must be the same.
  for (const seed of [1003, 2011]) {
    it(`is what the learner carried through the days left, cell for cell (random day ${seed})`, () => {
      const scenario = randomBranchDay(seed)
      const first = scenarioClock(scenario).date
      const days = runDays(scenario, seed, 3, { dateOf: (i) => addDays(first, i) })
      const rebuilt = learnCalibration(days.map(journaledEvents), scenario.utcOffsetMin ?? 480)
      const carried = (days[2] as (typeof days)[number]).calibration
      expect(Object.keys(carried.cells).some((k) => k.startsWith('len:'))).toBe(true)
      expect(Object.keys(rebuilt.cells).sort()).toEqual(Object.keys(carried.cells).sort())
      for (const [key, cell] of Object.entries(carried.cells)) {
        const other = rebuilt.cells[key]
        expect(other?.n, key).toBe(cell.n)
        expect(other?.lo, key).toBeCloseTo(cell.lo, 12)
        expect(other?.hi, key).toBeCloseTo(cell.hi, 12)
        expect(other?.at, key).toBe(cell.at)
      }
    })
  }
})
