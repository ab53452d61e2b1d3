import { describe, expect, it } from 'vitest'
import { bookingOutcome, normaliseCode, type Booking } from '../../../shared/appointments/booking'
import { checkIn } from '../../../shared/appointments/decideBooking'
import { bookingsPerHour, slotCapacity } from '../../../shared/appointments/slotCapacity'
import { shareWithinTargets } from '../../../shared/queueing/staffing'
import { serviceId } from '../../../shared/domain/ids'

const service = { targetWaitSec: 600 }

describe('the capacity rule', () => {
  it('takes the most bookings that still call the goal share of customers within target', () => {
    const b = bookingsPerHour({ counters: 2, walkIns: 10 }, service, 300, 0.8)
    expect(b).toBeGreaterThan(0)
    const share = (extra: number): number =>
      shareWithinTargets(2, (10 + extra) / 3600, 1 / 300, [{ share: 1, targetSec: 600 }])
    expect(share(b)).toBeGreaterThanOrEqual(0.8)
    expect(share(b + 1)).toBeLessThan(0.8)
  })

  it('takes fewer bookings where more walk-ins usually come, and none without a counter', () => {
    const quiet = bookingsPerHour({ counters: 2, walkIns: 2 }, service, 300, 0.8)
    const busy = bookingsPerHour({ counters: 2, walkIns: 15 }, service, 300, 0.8)
    expect(busy).toBeLessThan(quiet)
    expect(bookingsPerHour({ counters: 0.6, walkIns: 0 }, service, 300, 0.8)).toBe(0)
    expect(bookingsPerHour({ counters: 1, walkIns: 30 }, service, 300, 0.8)).toBe(0)
  })

  it('shares an hour over its slots without ever exceeding it', () => {
    for (const perHour of [0, 1, 3, 8, 13]) {
      for (const minutes of [15, 20, 30, 60] as const) {
        expect(slotCapacity(perHour, minutes) * (60 / minutes)).toBeLessThanOrEqual(perHour)
      }
    }
  })
})

describe('check-in', () => {
  const slotAt = Date.UTC(2026, 10, 24, 2, 30)
  const booking: Booking = {
    code: 'K7M29QXA',
    serviceId: serviceId('wealth'),
    day: '2026-11-24',
    slotAt,
    language: 'en',
    bookedAt: 0,
    status: 'booked',
    movedFrom: [],
    checkedInAt: null,
    ticketId: null,
    cancelledAt: null,
  }
  const policy = { earlyMinutes: 30, lateMinutes: 10, slotMinutes: 30 } as const
  const at = (min: number): number => slotAt + min * 60_000

  it('is on time from the early window to the late window, late after, refused before', () => {
    expect(checkIn(booking, policy, '2026-11-24', at(-31))).toMatchObject({ ok: false, error: { code: 'tooEarly' } })
    expect(checkIn(booking, policy, '2026-11-24', at(-30))).toEqual({ ok: true, value: { kind: 'onTime' } })
    expect(checkIn(booking, policy, '2026-11-24', at(10))).toEqual({ ok: true, value: { kind: 'onTime' } })
    expect(checkIn(booking, policy, '2026-11-24', at(12))).toEqual({ ok: true, value: { kind: 'late', lateSec: 720 } })
  })

  it('refuses a code of another day, a used one, a cancelled one and an unknown one', () => {
    expect(checkIn(booking, policy, '2026-11-25', at(0))).toMatchObject({ error: { code: 'bookingOtherDay' } })
    expect(checkIn({ ...booking, status: 'checkedIn' }, policy, '2026-11-24', at(0))).toMatchObject({
      error: { code: 'bookingUsed' },
    })
    expect(checkIn({ ...booking, status: 'cancelled' }, policy, '2026-11-24', at(0))).toMatchObject({
      error: { code: 'bookingCancelled' },
    })
    expect(checkIn(undefined, policy, '2026-11-24', at(0))).toMatchObject({ error: { code: 'unknownBooking' } })
  })

  it('reads a booking never checked in as missed once its late window has passed', () => {
    expect(bookingOutcome(booking, policy, at(10))).toBe('upcoming')
    expect(bookingOutcome(booking, policy, at(11))).toBe('missed')
    expect(normaliseCode(' k7m2-9qxa ')).toBe('K7M29QXA')
  })
})
