import type { StandingBooking } from '../../shared/api/health'
import type { Warn } from '../log/hubWarning'
import type { StandingProblems } from '../log/standingProblems'
import type { BookingDesk } from './bookingDesk'

/**
 * Bookings the branch's calendar strands (a holiday, a closed weekday or shorter hours entered in
 * branch.json after they were made: `shared/appointments/closedSlot.ts`), held as the standing
 * problem `bookingsOnClosedDays` on the manager's screen with each booking's code, service, day
 * and time, so someone tells those customers: the manager's bookings list shows only today. The
 * calendar is read when the hub starts, so it is checked then; and again whenever a booking is
 * written (a stranded one moved or cancelled leaves the list) and at each of the hub's timer ticks
 * (every 30 s: one whose time has passed leaves it). A warning is logged when bookings are first found stranded, naming them;
 * not again for the same ones at every tick.
 */
export class StrandedBookingsWatch {
  /** The codes last warned of. */
  private warned = new Set<string>()

  constructor(
    private readonly o: {
      readonly desk: BookingDesk
      readonly standing: StandingProblems
      readonly warn: Warn
      readonly now: () => number
    },
  ) {}

  check(): void {
    const bookings: StandingBooking[] = this.o.desk.stranded().map((b) => {
      const view = this.o.desk.view(b)
      return {
        code: b.code,
        serviceId: b.serviceId,
        day: b.day,
        time: view.time,
        closed: view.closed ?? 'branchClosed',
      }
    })
    if (bookings.length === 0) {
      this.o.standing.clear('bookingsOnClosedDays')
      this.warned = new Set()
      return
    }
    const days = [...new Set(bookings.map((b) => b.day))]
    const detail =
      `${bookings.length} booking(s) on ${days.join(', ')} fall when the branch's calendar (branch.json) no longer opens: ` +
      `${bookings.map((b) => `${b.code} ${b.serviceId} ${b.day} ${b.time} (${b.closed})`).join('; ')}. ` +
      'Tell these customers; they can move or cancel the booking on its page, and the kiosk will not check it in'
    this.o.standing.set('bookingsOnClosedDays', detail, this.o.now(), bookings)
    const fresh = bookings.filter((b) => !this.warned.has(b.code))
    if (fresh.length > 0)
      this.o.warn(
        'warn',
        'appointments.closedDays',
        { count: bookings.length, days, codes: bookings.map((b) => b.code) },
        detail,
      )
    this.warned = new Set(bookings.map((b) => b.code))
  }
}
