import { describe, expect, it } from 'vitest'
import {
  bookingOutcome,
  closedWithDay,
  DEFAULT_APPOINTMENT_POLICY,
  type Booking,
} from '../../../shared/appointments/booking'
import { bookableDay, changeable, checkIn } from '../../../shared/appointments/decideBooking'
import { serviceId } from '../../../shared/domain/ids'

const policy = { ...DEFAULT_APPOINTMENT_POLICY, services: [serviceId('wealth')] }
/** 2026-12-08 at hour:minute in Beijing. */
const at = (hour: number, minute = 0) => Date.UTC(2026, 11, 8, hour - 8, minute)
const booked = (code: string, day: string, slotAt: number): Booking => ({
  code,
  serviceId: serviceId('wealth'),
  day,
  slotAt,
  language: 'zh-CN',
  bookedAt: 0,
  status: 'booked',
  movedFrom: [],
  checkedInAt: null,
  ticketId: null,
  cancelledAt: null,
})

describe('closedWithDay', () => {
  it("takes the closed day's bookings still to come, and none of another day", () => {
    const nine = booked('A', '2026-12-08', at(9))
    const ten = booked('B', '2026-12-08', at(10))
    const tomorrow = booked('C', '2026-12-09', at(10) + 86_400_000)
    expect(closedWithDay([nine, ten, tomorrow], policy, '2026-12-08', at(7, 53))).toEqual([nine, ten])
  })

  it('leaves a booking already missed, or checked in, as it was', () => {
    const missed = booked('A', '2026-12-08', at(9))
    const checkedIn = { ...booked('B', '2026-12-08', at(16)), status: 'checkedIn' as const }
    // 09:00 with a 10-minute late window: missed by 09:30, when the day is closed
    expect(closedWithDay([missed, checkedIn], policy, '2026-12-08', at(9, 30))).toEqual([])
  })

  it('reads a booking closed with its day as such, and refuses to move or check it in', () => {
    const closed: Booking = { ...booked('A', '2026-12-08', at(10)), status: 'dayClosed' }
    expect(bookingOutcome(closed, policy, at(8))).toBe('dayClosed')
    expect(changeable(closed, at(8))).toMatchObject({ ok: false, error: { code: 'bookingDayClosed', field: 'code' } })
    expect(checkIn(closed, policy, '2026-12-08', at(9, 50))).toMatchObject({
      ok: false,
      error: { code: 'bookingDayClosed' },
    })
  })
})

describe('bookableDay', () => {
  it('refuses a day whose business day is closed, saying so', () => {
    const day = { today: '2026-12-08', day: '2026-12-08', daysAhead: 0, dayClosed: true }
    expect(bookableDay(policy, 'wealth', day)).toMatchObject({ ok: false, error: { code: 'dayClosed', field: 'day' } })
    expect(bookableDay(policy, 'wealth', { ...day, dayClosed: false })).toEqual({ ok: true, value: undefined })
  })
})
