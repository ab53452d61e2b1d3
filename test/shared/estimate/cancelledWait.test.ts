import { describe, expect, it } from 'vitest'
import { serviceId, ticketId } from '../../../shared/domain/ids'
import { learnCalibration } from '../../../shared/estimate/calibrationFeed'
import { awaitOutcome, learnFrom, onlineLearner } from '../../../shared/estimate/onlineLearner'
import type { QueueEvent } from '../../../shared/queue/events'

/**
 * A customer who cancels before the call leaves nothing to score at the call: what the wait so
 * far made certain counts (waiting past the range's high end before leaving is a miss), and then
 * the ticket is forgotten — not scored a miss hours later, when its time since issue passes the
 * high end long after the customer went home.
 */
const T0 = Date.UTC(2026, 10, 24, 1)
const MIN = 60_000
const SHOWN = { mean: 300, p10: 120, p50: 280, p90: 600 }

const issued = (id: string, at: number, seq: number): QueueEvent => ({
  type: 'ticketIssued',
  ticketId: ticketId(id),
  number: id.toUpperCase(),
  issueSeq: seq,
  serviceId: serviceId('personal'),
  priorityClassId: null,
  language: 'zh-CN',
  appointmentAt: null,
  estimate: SHOWN,
  seq,
  at,
})
const cancelled = (id: string, at: number, seq: number): QueueEvent => ({
  type: 'ticketCancelled',
  ticketId: ticketId(id),
  seq,
  at,
})
const dayOpened: QueueEvent = { type: 'dayOpened', date: '2026-11-24', seq: 0, at: T0 - MIN }
const later: QueueEvent = { type: 'dayClosed', seq: 99, at: T0 + 120 * MIN }
const observed = (c: ReturnType<typeof learnCalibration>): number =>
  Object.values(c.cells).reduce((n, cell) => Math.max(n, cell.n), 0)

describe('a ticket cancelled before its call', () => {
  it('is not scored a miss of its range after the customer left (recent days, replayed)', () => {
    const day = [dayOpened, issued('a1', T0, 1), cancelled('a1', T0 + 2 * MIN, 2), later]
    expect(observed(learnCalibration([day], 480))).toBe(0)
  })

  it('still counts the miss its wait had already made certain before it left', () => {
    const day = [dayOpened, issued('a1', T0, 1), cancelled('a1', T0 + 15 * MIN, 2), later]
    expect(observed(learnCalibration([day], 480))).toBe(1)
  })

  it('leaves today’s learner the same way', () => {
    const learner = onlineLearner()
    learnFrom(learner, dayOpened)
    learnFrom(learner, issued('a1', T0, 1))
    awaitOutcome(learner, 'a1', 'personal', T0, SHOWN, [300, 300, 300, 300], null, false)
    learnFrom(learner, cancelled('a1', T0 + 2 * MIN, 2))
    learnFrom(learner, later)
    expect(learner.ranges.size).toBe(0)
    expect(learner.points.size).toBe(0)
    expect(Object.keys(learner.calibration.cells)).toEqual([])
  })
})
