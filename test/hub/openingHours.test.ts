import { afterEach, describe, expect, it } from 'vitest'
import type { BookingView, SlotsView } from '../../shared/api/appointmentRoutes'
import type { ApiError } from '../../shared/api/views'
import type { HubFixture } from './support/hubFixture'
import { ROOMY_LIMITS, startBookingHub } from './support/bookingHub'

/**
 * Appointments only while the branch is open: its opening hours by kind of day (`calendar.opening`
 * in branch.json). The hub's clock starts at 10:00 on Tuesday 2026-11-24 in Beijing; bookings are
 * taken 14 days ahead.
 */
const CLOSED_WEEKENDS = {
  holidays: ['2026-11-26'],
  workingWeekends: ['2026-12-05'],
  opening: {
    workingDays: [
      { opens: '09:00', closes: '12:00' },
      { opens: '13:00', closes: '17:00' },
    ],
    weekends: [],
    holidays: [],
  },
}

let f: HubFixture
afterEach(async () => {
  await f.stop()
})

const book = (day: string, time: string) =>
  f.request<BookingView & ApiError>('POST', '/api/v1/appointments', { serviceId: 'wealth', day, time, language: 'en' })
const slots = async (day: string) =>
  (await f.request<SlotsView>('GET', `/api/v1/appointments/slots?serviceId=wealth&day=${day}`)).body

describe('appointments and the opening hours', () => {
  it('offers only the days the branch opens, and refuses the others by name', async () => {
    f = await startBookingHub(ROOMY_LIMITS, {}, CLOSED_WEEKENDS)
    const { days } = await slots('2026-11-25')
    // the holiday (Thursday 26th) and the weekends are not offered; the 调休 Saturday is
    expect(days).toEqual([
      '2026-11-24',
      '2026-11-25',
      '2026-11-27',
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-07',
    ])
    for (const day of ['2026-11-26', '2026-11-28', '2026-11-29']) {
      // the list refuses the day as booking does, by the same name
      const listed = await f.request('GET', `/api/v1/appointments/slots?serviceId=wealth&day=${day}`)
      expect(listed.body).toMatchObject({ statusCode: 422, code: 'branchClosed', field: 'query.day' })
      const r = await book(day, '10:00')
      expect(r.body).toMatchObject({ statusCode: 422, code: 'branchClosed', field: 'body.day' })
    }
    expect((await book('2026-12-05', '10:00')).status).toBe(200)
  })

  it('offers no slot over the lunch closing or past the close', async () => {
    f = await startBookingHub(ROOMY_LIMITS, {}, CLOSED_WEEKENDS)
    const times = (await slots('2026-11-27')).slots.map((s) => s.time)
    expect(times).toContain('11:30')
    expect(times).not.toContain('12:00')
    expect(times).not.toContain('12:30')
    expect(times).toContain('13:00')
    expect(times.at(-1)).toBe('16:30')
    expect((await book('2026-11-27', '12:30')).body).toMatchObject({ statusCode: 400, code: 'noSuchSlot' })
  })

  it("keeps the demo branch's shorter weekend hours", async () => {
    f = await startBookingHub(ROOMY_LIMITS)
    const saturday = (await slots('2026-11-28')).slots.map((s) => s.time)
    expect(saturday[0]).toBe('10:00')
    expect(saturday.at(-1)).toBe('15:30')
    expect((await slots('2026-11-27')).slots[0]?.time).toBe('09:00')
  })
})
