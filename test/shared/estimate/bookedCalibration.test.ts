import { describe, expect, it } from 'vitest'
import { calibrateEstimate, NO_CALIBRATION, observeWait } from '../../../shared/estimate/calibration'
import { learnCalibration } from '../../../shared/estimate/calibrationFeed'
import { counterId, serviceId, ticketId } from '../../../shared/domain/ids'
import type { QueueEvent } from '../../../shared/queue/events'
import { mixSeed, sampleLognormal, seededRng } from '../../../shared/sim/random'

/**
 * Booked customers who checked in on time are called by other rules than walk-ins, so the model
 * errs about their waits in another way: each kind has its own parts of the calibration.
 */
describe('the calibration of booked customers', () => {
  const model = { mean: 600, p10: 200, p50: 550, p90: 1200 }

  it('brings a booked range that is far too wide to 10 % misses at each end, walk-ins untouched', () => {
    // The truth for booked customers: called close to their slot, mean 550 s, cv 0.2.
    const rng = seededRng(mixSeed(7))
    let c = NO_CALIBRATION
    let inside = 0
    const n = 3000
    for (let i = 0; i < n; i++) {
      const shown = calibrateEstimate(c, 'a', 10, model, 0, true)
      const actual = sampleLognormal(rng, 550, 0.2)
      if (i >= n / 2 && actual >= shown.p10 && actual <= shown.p90) inside++
      c = observeWait(c, 'a', 10, shown, actual, 0, true)
    }
    expect(inside / (n / 2)).toBeGreaterThan(0.74)
    expect(inside / (n / 2)).toBeLessThan(0.86)
    // The walk-ins' range is the model's still: the booked waits taught it nothing.
    expect(calibrateEstimate(c, 'a', 10, model, 0, false)).toEqual(model)
  })

  it("learns nothing for booked customers from walk-ins' misses", () => {
    let c = NO_CALIBRATION
    for (let i = 0; i < 50; i++) c = observeWait(c, 'a', 10, model, 5000, 0, false)
    expect(calibrateEstimate(c, 'a', 10, model, 0, false).p90).toBeGreaterThan(model.p90)
    expect(calibrateEstimate(c, 'a', 10, model, 0, true)).toEqual(model)
  })

  it('is told apart in the journals: a ticket issued with a slot is a booked one', () => {
    const T0 = Date.UTC(2026, 11, 8, 1, 0)
    const issued = (id: string, seq: number, appointmentAt: number | null): QueueEvent => ({
      type: 'ticketIssued',
      ticketId: ticketId(id),
      number: id.toUpperCase(),
      issueSeq: seq,
      serviceId: serviceId('a'),
      priorityClassId: null,
      language: 'zh-CN',
      appointmentAt,
      ...(appointmentAt === null ? {} : { appointmentGraceSec: 600 }),
      estimate: model,
      seq,
      at: T0,
    })
    const called = (id: string, seq: number): QueueEvent => ({
      type: 'ticketCalled',
      ticketId: ticketId(id),
      counterId: counterId('c1'),
      staffId: null,
      outOfOrder: null,
      seq,
      at: T0 + 5000_000,
    })
    const booked = learnCalibration([[issued('b1', 1, T0 + 600_000), called('b1', 2)]], 480)
    const walkIn = learnCalibration([[issued('w1', 1, null), called('w1', 2)]], 480)
    // One wait far past the range: it widens the booked customers' ranges, or the walk-ins'.
    expect(calibrateEstimate(booked, 'a', 9, model, T0, true).p90).toBeGreaterThan(model.p90)
    expect(calibrateEstimate(booked, 'a', 9, model, T0, false)).toEqual(model)
    expect(calibrateEstimate(walkIn, 'a', 9, model, T0, false).p90).toBeGreaterThan(model.p90)
    expect(calibrateEstimate(walkIn, 'a', 9, model, T0, true)).toEqual(model)
  })
})
