import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  afterClosedHours,
  calibrateEstimate,
  NO_CALIBRATION,
  observeWait,
  TODAY_CELL,
  type WaitCalibration,
} from '../../../shared/estimate/calibration'
import { feedEvent } from '../../../shared/estimate/calibrationFeed'
import { learnFrom, onlineLearner } from '../../../shared/estimate/onlineLearner'
import type { QueueEvent } from '../../../shared/queue/events'
import { randomBranchDay } from '../../../shared/sim/randomDay'
import { runScenario } from '../../../shared/sim/runScenario'

const H = 3600_000
/** Day 1 opens at 0; its 10 o'clock is at 1 h (the branch opens at 9); day 2 opens 24 h later. */
const DAY2_OPEN = 24 * H
const model = { mean: 600, p10: 400, p50: 550, p90: 800 }

/** A day whose 10 o'clock waits all ran past the range, and one last wait at 17:30 inside it. */
function dayOne(): WaitCalibration {
  let c = NO_CALIBRATION
  for (let i = 0; i < 40; i++) c = observeWait(c, 'a', 10, model, 1500, 1 * H + i * 90_000)
  return observeWait(c, 'a', 16, model, 600, 8.5 * H)
}

/** The calibration without today's part, which ends with the day (the other parts carry over). */
function withoutToday(c: WaitCalibration): WaitCalibration {
  return { cells: Object.fromEntries(Object.entries(c.cells).filter(([k]) => k !== TODAY_CELL)) }
}

/** How far the high end is stretched (log factor) for a ticket of 10 o'clock. */
function widening(c: WaitCalibration, at: number): number {
  const shown = calibrateEstimate(c, 'a', 10, model, at)
  return Math.log(Math.log(shown.p90 / model.p50) / Math.log(model.p90 / model.p50))
}

describe('the range calibration over closed hours', () => {
  it('keeps what yesterday taught for the next morning: the night does not age it', () => {
    const evening = dayOne()
    // Today's part ends with the day; the rest is what carries over.
    const carried = withoutToday(evening)
    const atClose = widening(carried, 8.5 * H)
    expect(atClose).toBeGreaterThan(0.3)
    expect(widening(evening, 8.5 * H)).toBeGreaterThan(atClose)
    const nextTen = DAY2_OPEN + 1 * H
    // One business hour after the open the correction is as an hour more of the evening left it.
    const anHourLater = widening(carried, 8.5 * H + 1 * H)
    expect(anHourLater).toBeLessThan(atClose)
    expect(widening(afterClosedHours(evening, DAY2_OPEN), nextTen)).toBeCloseTo(anHourLater, 6)
    // Faded over the night as well, next morning's 10 o'clock would keep well under two thirds of it.
    expect(widening(carried, nextTen)).toBeLessThan(0.6 * anHourLater)
  })

  it('leaves a calibration from a later time as it is (a replay of an earlier date)', () => {
    const evening = dayOne()
    // only today's part ends: a day has opened
    expect(afterClosedHours(evening, 2 * H)).toEqual(withoutToday(evening))
    const carried = withoutToday(evening)
    expect(afterClosedHours(carried, 2 * H)).toBe(carried)
    expect(afterClosedHours(NO_CALIBRATION, DAY2_OPEN)).toBe(NO_CALIBRATION)
  })

  it('is applied where a day opens: rebuilding from journals, and in the running learner', () => {
    const evening = dayOne()
    const opened: QueueEvent = { type: 'dayOpened', date: '2026-11-25', seq: 1, at: DAY2_OPEN }
    const nextTen = DAY2_OPEN + 1 * H
    const expected = widening(afterClosedHours(evening, DAY2_OPEN), nextTen)
    expect(widening(feedEvent(evening, new Map(), opened, 480), nextTen)).toBeCloseTo(expected, 6)
    const learner = onlineLearner(evening, 480)
    learnFrom(learner, opened)
    expect(widening(learner.calibration, nextTen)).toBeCloseTo(expected, 6)
  })
})

describe('the range calibration over closed hours, on generated days', () => {
  it("reads after any closed stretch as it read at the close (today's part ended), hour by hour, for every service", () => {
    for (const seed of [1003, 2011]) {
      const scenario = randomBranchDay(seed)
      const { calibration } = runScenario(scenario, { seed })
      const cells = Object.values(calibration.cells)
      expect(cells.length).toBeGreaterThan(3)
      const last = Math.max(...cells.map((c) => c.at))
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 72 * 60 }),
          fc.integer({ min: 0, max: 10 * 60 }),
          fc.constantFrom(...scenario.services.map((s) => s.id)),
          fc.integer({ min: 0, max: 23 }),
          (closedMin, laterMin, serviceId, hour) => {
            const opened = last + closedMin * 60_000
            const reopened = afterClosedHours(calibration, opened)
            const next = calibrateEstimate(reopened, serviceId, hour, model, opened + laterMin * 60_000)
            const asAtClose = calibrateEstimate(
              withoutToday(calibration),
              serviceId,
              hour,
              model,
              last + laterMin * 60_000,
            )
            expect(next.p10).toBeCloseTo(asAtClose.p10, 6)
            expect(next.p90).toBeCloseTo(asAtClose.p90, 6)
          },
        ),
        { seed: 11, numRuns: 200 },
      )
    }
  })
})
