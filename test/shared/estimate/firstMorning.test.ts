import { beforeAll, describe, expect, it } from 'vitest'
import { scorePredictions } from '../../../shared/estimate/evaluatePredictions'
import { predictionRows } from '../../../shared/sim/predictionRows'
import { randomBranchDay } from '../../../shared/sim/randomDay'
import { runScenario, type SimDay } from '../../../shared/sim/runScenario'
import type { SimTicketRecord } from '../../../shared/sim/simulateBranch'

/**
 * Generated day 4003, its first day (no history): the second service is served by one counter
 * in the morning, and three of its first five customers are premier (the day's share is about
 * one in eight). Read as the rest of the day's rate, those three made the projection expect 20
 * premier customers an hour overtaking every ordinary one, and promise 112 minutes for a wait of
 * 10 (docs/estimation.md, seventh and eighth rounds).
 */
const SEED = 4003

describe('a first morning that opens with a rush of premier customers (generated day 4003, no history)', () => {
  // The projection at each ticket's issue (the model's own figure, before the combined mean):
  // the first estimate of all waiting tickets that includes it, for the first 25 minutes.
  const projected = new Map<string, number>()
  let day: SimDay
  let early: SimTicketRecord[]
  beforeAll(() => {
    let start: number | null = null
    let done = false
    day = runScenario(randomBranchDay(SEED), {
      seed: SEED,
      everyEvent: (estimateAll) => {
        if (done) return
        const e = estimateAll()
        start ??= e.at
        done = e.at > start + 25 * 60_000
        for (const t of e.tickets)
          if (t.estimate !== null && !projected.has(t.ticketId)) projected.set(t.ticketId, t.estimate.mean)
      },
    })
    early = day.records.filter((r) => r.serviceId === 's2' && r.issuedAt < 20 * 60)
  })

  it('still opens with that rush (the generator has not changed under the test)', () => {
    const premier = early.filter((r) => r.priorityClassId !== null && r.issuedAt < 10 * 60)
    expect(premier.length).toBeGreaterThanOrEqual(3)
  })

  it('projects the ordinary customers behind the rush within 3.5 times their wait, not 5–12 times', () => {
    const ordinary = early.filter((r) => r.priorityClassId === null && r.calledAt !== null && r.issuedAt > 5 * 60)
    expect(ordinary.length).toBeGreaterThanOrEqual(5)
    for (const r of ordinary) {
      const waited = (r.calledAt as number) - r.issuedAt
      const shown = projected.get(r.ticketId) as number
      // Still over: the configured standard is 308 s for transactions of 219 s at a counter 24 %
      // fast, and the service's own early rate (34 an hour) is its first hour's 22 and more.
      expect(shown).toBeLessThan(3.5 * waited)
    }
  })

  it('is within the naive formula over the day (it was 1.86 times it)', () => {
    const s = scorePredictions(predictionRows([day]))
    expect(s.rmse.ours / s.rmse.naive).toBeLessThan(1)
  })
})
