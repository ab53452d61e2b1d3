import { describe, expect, it } from 'vitest'
import { parseScenario } from '../../../shared/sim/parseScenario'
import { mixSeed, seededRng } from '../../../shared/sim/random'
import { randomBranchDay } from '../../../shared/sim/randomDay'
import { runScenario } from '../../../shared/sim/runScenario'
import { scenarioArrivals, scenarioClock } from '../../../shared/sim/scenarioModel'

/** Generated days where some customers booked a slot (`bookings`), as the benchmark's set runs them. */
describe('customers who booked a slot', () => {
  const day = randomBranchDay(1004)
  const booking = { share: 0.3, slotMinutes: 15, graceSec: 600 }
  const withBookings = { ...day, bookings: booking }

  it('hold the first slot after they arrive, within the day, about the share asked', () => {
    const { arrivals } = scenarioArrivals(withBookings, seededRng(mixSeed(7)))
    const { doorsCloseSec } = scenarioClock(day)
    const booked = arrivals.filter((a) => a.booking !== undefined)
    expect(booked.length / arrivals.length).toBeGreaterThan(0.22)
    expect(booked.length / arrivals.length).toBeLessThan(0.38)
    for (const a of booked) {
      const slot = a.booking?.slotSec as number
      expect(slot % (15 * 60)).toBe(0)
      expect(slot).toBeGreaterThanOrEqual(a.at)
      expect(slot - a.at).toBeLessThanOrEqual(15 * 60)
      expect(slot).toBeLessThan(doorsCloseSec)
      expect(a.booking?.graceSec).toBe(600)
    }
    // a scenario without bookings draws none
    const plain = scenarioArrivals(day, seededRng(mixSeed(7))).arrivals
    expect(plain.every((a) => a.booking === undefined)).toBe(true)
    expect(plain.length).toBeGreaterThan(0)
  })

  it('are issued tickets with their slot, and marked in the records', () => {
    const run = runScenario(withBookings, { seed: 1004 })
    const booked = run.records.filter((r) => r.booked === true)
    expect(booked.length).toBeGreaterThan(20)
    const issuedBooked = run.events.filter((e) => e.type === 'ticketIssued' && e.appointmentAt !== null)
    expect(issuedBooked).toHaveLength(booked.length)
    expect(run.records.filter((r) => r.booked !== true).length).toBeGreaterThan(booked.length)
  })

  it('are refused as a scenario with a clear field when the booking is out of range', () => {
    const bad = parseScenario({ ...withBookings, bookings: { share: 1.5, slotMinutes: 2, graceSec: 600 } })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error.map((e) => e.field)).toEqual(expect.arrayContaining(['bookings.share']))
    expect(parseScenario(withBookings).ok).toBe(true)
  })
})
