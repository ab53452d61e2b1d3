import { describe, expect, it } from 'vitest'
import { DEFAULT_APPOINTMENT_POLICY, type Booking } from '../../../shared/appointments/booking'
import { closedSlot, slotWithinOpening, strandedBookings } from '../../../shared/appointments/closedSlot'
import { checkIn } from '../../../shared/appointments/decideBooking'
import type { BranchCalendar } from '../../../shared/domain/branchCalendar'
import { serviceId } from '../../../shared/domain/ids'

const policy = { ...DEFAULT_APPOINTMENT_POLICY, services: [serviceId('wealth')] }
/** Wednesday 2026-12-09 at hour:minute in Beijing. */
const at = (hour: number, minute = 0) => Date.UTC(2026, 11, 9, hour - 8, minute)
const booked = (code: string, slotAt: number, day = '2026-12-09'): Booking => ({
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
const nineToFive = [{ opens: '09:00', closes: '17:00' }]
const calendar = (over: Partial<BranchCalendar> = {}): BranchCalendar => ({
  holidays: [],
  workingWeekends: [],
  opening: { workingDays: nineToFive, weekends: [], holidays: [] },
  ...over,
})
const doors = (c: BranchCalendar) => ({ calendar: c, utcOffsetMinutes: 480 })

describe('closedSlot', () => {
  it('keeps a slot the calendar opens, and says why one it no longer opens cannot be kept', () => {
    const b = booked('A', at(10, 30))
    expect(closedSlot(b, policy, doors(calendar()))).toBeNull()
    expect(closedSlot(b, policy, doors(calendar({ holidays: ['2026-12-09'] })))).toBe('branchClosed')
    const morningsOnly = calendar({
      opening: { workingDays: [{ opens: '09:00', closes: '10:30' }], weekends: [], holidays: [] },
    })
    expect(closedSlot(b, policy, doors(morningsOnly))).toBe('outsideHours')
  })

  it('takes a branch that gives no opening hours as open', () => {
    const b = booked('A', at(10, 30))
    expect(closedSlot(b, policy, doors({ holidays: ['2026-12-09'], workingWeekends: [] }))).toBeNull()
  })

  it('uses the rule the slots are offered by: the slot begins and ends within a stretch', () => {
    expect(slotWithinOpening(16 * 60 + 30, 30, nineToFive)).toBe(true)
    expect(slotWithinOpening(16 * 60 + 45, 30, nineToFive)).toBe(false)
    expect(slotWithinOpening(8 * 60 + 30, 30, null)).toBe(true)
  })
})

describe('strandedBookings', () => {
  it('lists the booked ones still to come that the calendar closes, soonest first', () => {
    const holiday = calendar({ holidays: ['2026-12-09'] })
    const late = booked('B', at(14))
    const early = booked('A', at(10))
    const cancelled = { ...booked('C', at(11)), status: 'cancelled' as const }
    const otherDay = booked('D', at(10) + 86_400_000, '2026-12-10')
    const now = at(9) - 86_400_000
    expect(strandedBookings([late, early, cancelled, otherDay], policy, doors(holiday), now)).toEqual([early, late])
    // Past its late window, a booking is missed, whatever the calendar says of its day.
    expect(strandedBookings([early, late], policy, doors(holiday), at(10, 11))).toEqual([late])
  })
})

describe('checkIn of a slot the calendar closes', () => {
  it('is refused with the reason, before any other day or time check', () => {
    const b = booked('A', at(10, 30))
    const refused = checkIn(b, policy, '2026-12-09', at(10, 15), doors(calendar({ holidays: ['2026-12-09'] })))
    expect(refused).toMatchObject({ ok: false, error: { code: 'bookingBranchClosed', field: 'code' } })
    expect(checkIn(b, policy, '2026-12-09', at(10, 15), doors(calendar()))).toEqual({
      ok: true,
      value: { kind: 'onTime' },
    })
  })
})
