import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { BookingView, CheckInReceipt } from '../../shared/api/appointmentRoutes'
import type { HubStatusView } from '../../shared/api/health'
import type { ApiError } from '../../shared/api/views'
import type { BranchFile } from '../../hub/config/branchFile'
import type { HubFixture } from './support/hubFixture'
import { ROOMY_LIMITS, startBookingHub } from './support/bookingHub'
import { hubLogLines, untilLogged } from './support/hubLogFile'

/**
 * Bookings the branch's calendar strands (audit F15): a holiday entered in branch.json, the
 * documented way, after customers booked that day, and the hub restarted. The hub's clock starts
 * at 10:00 on Tuesday 2026-11-24 in Beijing; the demo opens 09:00–17:00 on working days.
 */
let f: HubFixture
let manager: string
let kiosk: string
beforeEach(async () => {
  f = await startBookingHub(ROOMY_LIMITS)
  manager = await f.manager()
  kiosk = await f.pair('kiosk', manager)
})
afterEach(async () => {
  await f.stop()
})

const book = async (serviceId: string, day: string, time: string): Promise<string> => {
  const r = await f.request<BookingView>('POST', '/api/v1/appointments', { serviceId, day, time, language: 'zh-CN' })
  expect(r.status).toBe(200)
  return r.body.code
}
const booking = (code: string) => f.request<BookingView & ApiError>('GET', `/api/v1/appointments/${code}`)
const standing = async () =>
  (await f.request<HubStatusView>('GET', '/api/v1/hub/status', undefined, manager)).body.standing
/** branch.json as a person edits it: `change` applied to the calendar, then the hub restarted. */
const editCalendarAndRestart = async (change: (calendar: BranchFile['calendar']) => BranchFile['calendar']) => {
  const path = join(f.dataDir, 'branch.json')
  const file = JSON.parse(await readFile(path, 'utf8')) as BranchFile
  await writeFile(path, JSON.stringify({ ...file, calendar: change(file.calendar) }, null, 2))
  await f.restart()
  manager = await f.manager()
}

describe('bookings on a day the calendar closes after they were made', () => {
  it('warns at start, stands on the manager’s screen with each booking, tells the customer and refuses the check-in', async () => {
    const wealth = await book('wealth', '2026-11-25', '10:30')
    const personal = await book('personal', '2026-11-25', '14:00')
    const thursday = await book('wealth', '2026-11-26', '10:00')
    expect(await standing()).toEqual([])

    await editCalendarAndRestart((c) => ({ ...c, holidays: [...c.holidays, '2026-11-25'] }))

    // The log names them, once.
    const line = await untilLogged(f.dataDir, (l) => l.event === 'appointments.closedDays', 'the stranded bookings')
    expect(line).toMatchObject({ level: 40, count: 2, days: ['2026-11-25'], codes: [wealth, personal] })
    expect(line.msg).toContain(`${wealth} wealth 2026-11-25 10:30`)
    // The manager's screen holds it, with what is needed to reach each customer.
    const held = await standing()
    expect(held).toHaveLength(1)
    expect(held[0]).toMatchObject({
      what: 'bookingsOnClosedDays',
      bookings: [
        { code: wealth, serviceId: 'wealth', day: '2026-11-25', time: '10:30', closed: 'branchClosed' },
        { code: personal, serviceId: 'personal', day: '2026-11-25', time: '14:00', closed: 'branchClosed' },
      ],
    })
    expect(held[0]?.detail).toContain('2026-11-25')
    const warnings = (await f.request<HubStatusView>('GET', '/api/v1/hub/status', undefined, manager)).body.warnings
    expect(warnings.find((w) => w.event === 'appointments.closedDays')?.params).toMatchObject({ count: 2 })

    // The customer's page says it cannot be kept; a day the calendar still opens is as it was.
    expect((await booking(wealth)).body).toMatchObject({ status: 'booked', closed: 'branchClosed' })
    expect((await booking(thursday)).body).toMatchObject({ status: 'booked', outcome: 'upcoming', closed: null })

    // At the kiosk on the day, in the check-in window, the code is refused with the reason.
    f.clock.set(Date.UTC(2026, 10, 25, 2, 15))
    const checkIn = await f.request<CheckInReceipt & ApiError>(
      'POST',
      `/api/v1/appointments/${wealth}/check-in`,
      { language: 'zh-CN' },
      kiosk,
    )
    expect(checkIn.status).toBe(409)
    expect(checkIn.body).toMatchObject({ code: 'bookingBranchClosed', field: 'params.code' })
    expect((await booking(wealth)).body.status).toBe('booked')
    // Once its time has passed the booking is missed, whatever the calendar says of its day: not
    // "cannot be kept, move it" on the customer's page (as `strandedBookings` drops it).
    f.clock.set(Date.UTC(2026, 10, 25, 8, 0))
    expect((await booking(personal)).body).toMatchObject({ outcome: 'missed', closed: null })
    f.clock.set(Date.UTC(2026, 10, 24, 2, 30))

    // Moved and cancelled, they leave the list; the last gone, the problem ends.
    const moved = await f.request<BookingView>('POST', `/api/v1/appointments/${wealth}/move`, {
      day: '2026-11-26',
      time: '11:00',
    })
    expect(moved.body).toMatchObject({ day: '2026-11-26', closed: null })
    expect((await standing())[0]?.bookings?.map((b) => b.code)).toEqual([personal])
    expect((await f.request('POST', `/api/v1/appointments/${personal}/cancel`, {})).status).toBe(200)
    expect(await standing()).toEqual([])
  })

  it('finds a slot the new opening hours leave out, and is quiet when nothing is stranded', async () => {
    const afternoon = await book('wealth', '2026-11-25', '15:00')
    await book('wealth', '2026-11-25', '10:00')
    await editCalendarAndRestart((c) => ({
      ...c,
      opening: { ...(c.opening as NonNullable<typeof c.opening>), workingDays: [{ opens: '09:00', closes: '12:00' }] },
    }))
    expect((await standing())[0]?.bookings).toEqual([
      { code: afternoon, serviceId: 'wealth', day: '2026-11-25', time: '15:00', closed: 'outsideHours' },
    ])
    expect((await booking(afternoon)).body.closed).toBe('outsideHours')

    // The hours put back: nothing stands, and nothing more is logged.
    await editCalendarAndRestart((c) => ({
      ...c,
      opening: { ...(c.opening as NonNullable<typeof c.opening>), workingDays: [{ opens: '09:00', closes: '17:00' }] },
    }))
    expect(await standing()).toEqual([])
    expect((await booking(afternoon)).body.closed).toBeNull()
    const said = (await hubLogLines(f.dataDir)).filter((l) => l.event === 'appointments.closedDays')
    expect(said).toHaveLength(1)
  })
})
