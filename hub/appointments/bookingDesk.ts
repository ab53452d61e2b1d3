import { randomInt } from 'node:crypto'
import type { AppointmentInfo, BookingView, CheckInReceipt, SlotsView } from '../../shared/api/appointmentRoutes'
import type { TicketReceipt } from '../../shared/api/views'
import {
  bookingOutcome,
  closedWithDay,
  CODE_ALPHABET,
  CODE_LENGTH,
  type AppointmentPolicy,
  type Booking,
} from '../../shared/appointments/booking'
import {
  bookableDay,
  chooseSlot,
  changeable,
  checkIn,
  type BookingDay,
  type BookingError,
} from '../../shared/appointments/decideBooking'
import { checkInFrom, type CheckInDoors } from '../../shared/appointments/checkInFrom'
import { closedSlot, strandedBookings } from '../../shared/appointments/closedSlot'
import { clockOf, daySlots, type Slot } from '../../shared/appointments/daySlots'
import type { HourPlan } from '../../shared/appointments/slotCapacity'
import { streamKey, type UsualPattern } from '../../shared/delays/usualPattern'
import type { BranchConfig, ClockStretch, ServiceConfig } from '../../shared/domain/branch'
import { openingOn, type BranchCalendar } from '../../shared/domain/branchCalendar'
import type { ServiceId, TicketId } from '../../shared/domain/ids'
import { dayClosed } from '../../shared/domain/lobbyHours'
import { localDate } from '../../shared/domain/localTime'
import type { Language } from '../../shared/domain/text'
import type { CommandError } from '../../shared/queue/errors'
import type { TicketStatus } from '../../shared/queue/ticket'
import { err, ok, type Result } from '../../shared/util/result'
import type { IssueRequest } from '../tickets/ticketDesk'
import type { BookingStore } from './bookingStore'

/** The priority class an on-time booked customer's ticket carries, when the branch declares it. */
export const APPOINTMENT_CLASS = 'appointment'

/** The kiosk's one path for tickets (`TicketDesk`), as the caller. */
export interface TicketIssuer {
  readonly issue: (request: IssueRequest) => Promise<Result<TicketReceipt, CommandError>>
  /** The ticket an earlier issue under this idempotency key got, answered as its repeat (undefined: none). */
  readonly again: (key: string) => Promise<Result<TicketReceipt, CommandError> | undefined>
  /** A ticket that missed its call back in the queue, as the kiosk's "missed your call?" does it. */
  readonly rejoin: (ticketId: TicketId) => Promise<Result<unknown, CommandError>>
}

/**
 * The start of the idempotency keys the hub issues check-ins under: the issue route refuses it in
 * a client's key, which would otherwise take a booking's key before its check-in (a check-in that
 * could then never be made that day).
 */
export const CHECK_IN_KEY_PREFIX = 'booking-'

/** The days of history the staffing plan of bookings rests on alone (fewer: blended with every counter planned). */
const PLAN_FULL_DAYS = 5

/** A check-in's idempotency key: the code itself, so a retried or repeated check-in gets the same ticket. */
const checkInKey = (code: string): string => `${CHECK_IN_KEY_PREFIX}${code}`

/**
 * A booked customer's ticket still in the branch today: a repeated check-in answers it again. A
 * parked ticket is one of them (set aside at the counter, to be called back).
 */
const STILL_OPEN: ReadonlySet<TicketStatus> = new Set(['waiting', 'called', 'serving', 'parked'])

export interface BookingDeskOptions {
  readonly store: BookingStore
  readonly policy: () => AppointmentPolicy | null
  readonly branch: () => BranchConfig
  /** Holidays, working weekends and opening hours: slots only while the branch is open. */
  readonly calendar: () => BranchCalendar
  readonly utcOffsetMinutes: () => number
  readonly now: () => number
  /** The usual day learned from recent journals (the staffing plan); null before any history. */
  readonly usual: () => UsualPattern | null
  /**
   * A counter's time per customer of a service learned from recent days (`learnedHold.ts`); null
   * before any history: the service's standard is taken instead.
   */
  readonly learnedHoldSec: (serviceId: ServiceId) => number | null
  /** The status of one of today's tickets now (undefined: not one of today's). */
  readonly ticketStatus: (ticketId: TicketId) => TicketStatus | undefined
  /** The last business day closed (the queue's `lastClosedDay`): it and every day before take no booking. */
  readonly lastClosedDay: () => string | null
}

const NO_POLICY: AppointmentPolicy = {
  services: [],
  openHour: 9,
  closeHour: 9,
  slotMinutes: 30,
  bookAheadDays: 1,
  earlyMinutes: 0,
  lateMinutes: 0,
  callGraceMinutes: 0,
  walkInGoalShare: 0.8,
}

/**
 * Booking, moving, cancelling and checking in, in one place. One at a time (a chain of
 * promises): two phones asking for the last place of a slot cannot both get it, and a code
 * scanned twice at once checks in once.
 */
export class BookingDesk {
  private chain: Promise<unknown> = Promise.resolve()

  constructor(private readonly o: BookingDeskOptions) {}

  private policy(): AppointmentPolicy {
    return this.o.policy() ?? NO_POLICY
  }

  private serial<T>(f: () => Promise<T>): Promise<T> {
    const next = this.chain.then(f, f)
    this.chain = next.catch(() => undefined)
    return next
  }

  today(): string {
    return localDate(this.o.now(), this.o.utcOffsetMinutes())
  }

  /**
   * The bookable days, today first: those within the horizon the branch opens, without a business
   * day already closed (today, once the manager has closed it).
   */
  days(): string[] {
    const start = Date.parse(`${this.today()}T00:00:00Z`)
    return Array.from({ length: this.policy().bookAheadDays }, (_, i) =>
      new Date(start + i * 86_400_000).toISOString().slice(0, 10),
    ).filter((day) => !this.closedOn(day) && !dayClosed(this.o.lastClosedDay(), day))
  }

  /** The branch's opening hours on a day (null: none given). */
  private opening(day: string): readonly ClockStretch[] | null {
    return openingOn(day, this.o.calendar())
  }

  /** Whether the branch's opening hours leave a day closed. */
  private closedOn(day: string): boolean {
    return this.opening(day)?.length === 0
  }

  /**
   * The staffing plan of a service in a local hour: counters planned for it, walk-ins usual then.
   * Without history every counter that serves the service counts as planned for the hour, and no
   * walk-ins; the usual day of fewer than `PLAN_FULL_DAYS` days is blended with that in
   * proportion, so one odd day (a first day closed after twenty minutes, an outage) does not take
   * every slot of the horizon to nothing.
   */
  private plan(serviceId: ServiceId, hour: number): HourPlan {
    const pattern = this.o.usual()
    const usual = pattern?.hours[hour]
    const weight = usual === undefined ? 0 : Math.min(1, (pattern?.days ?? 0) / PLAN_FULL_DAYS)
    const serving = this.o.branch().counters.filter((c) => c.services.includes(serviceId))
    const counters = serving.reduce((n, c) => n + weight * (usual?.counterOpenShare[c.id] ?? 0) + (1 - weight), 0)
    let walkIns = 0
    if (usual !== undefined) {
      for (const [key, n] of Object.entries(usual.arrivals))
        if (key.startsWith(streamKey(serviceId, null))) walkIns += weight * n
    }
    return { counters, walkIns }
  }

  /** The capacity rule's time per customer: the learned one where the hub has it, else the standard. */
  holdSec(service: Pick<ServiceConfig, 'id' | 'standardSec'>): number {
    const learned = this.o.learnedHoldSec(service.id)
    return learned !== null && Number.isFinite(learned) && learned > 0 ? learned : service.standardSec
  }

  slots(serviceId: ServiceId, day: string): Slot[] {
    const service = this.o.branch().services.find((s) => s.id === serviceId)
    if (service === undefined || !this.policy().services.includes(serviceId)) return []
    return daySlots({
      policy: this.policy(),
      service,
      day,
      opening: this.opening(day),
      utcOffsetMinutes: this.o.utcOffsetMinutes(),
      plan: (hour) => this.plan(serviceId, hour),
      holdSec: this.holdSec(service),
      bookings: this.o.store.all(),
      now: this.o.now(),
    })
  }

  info(): AppointmentInfo {
    const p = this.policy()
    return {
      services: p.services,
      days: this.days(),
      slotMinutes: p.slotMinutes,
      earlyMinutes: p.earlyMinutes,
      lateMinutes: p.lateMinutes,
      callGraceMinutes: p.callGraceMinutes,
    }
  }

  /** A day's slots for the booking page, refused as booking would refuse the day (`bookableDay`). */
  slotsView(serviceId: ServiceId, day: string): Result<SlotsView, BookingError> {
    const open = bookableDay(this.policy(), serviceId, this.bookingDay(day))
    if (!open.ok) return open
    const slots = this.slots(serviceId, day).map((s) => ({ ...s, open: !s.past && s.taken < s.capacity }))
    return ok({ serviceId, day, slots, days: this.days() })
  }

  view(b: Booking): BookingView {
    const minute = Math.round((b.slotAt - Date.parse(`${b.day}T00:00:00Z`)) / 60_000) + this.o.utcOffsetMinutes()
    const outcome = bookingOutcome(b, this.policy(), this.o.now())
    return {
      code: b.code,
      serviceId: b.serviceId,
      day: b.day,
      time: clockOf(minute),
      slotAt: b.slotAt,
      checkInFrom: checkInFrom(b.slotAt, this.policy().earlyMinutes, this.doors()),
      language: b.language,
      status: b.status,
      outcome,
      bookedAt: b.bookedAt,
      checkedInAt: b.checkedInAt,
      ticketId: b.ticketId,
      managePath: `/#/book/${b.code}`,
      // Only a booking still to come is stranded (as `strandedBookings` has it): one whose time
      // has passed is missed, whatever the calendar now says of its day.
      closed: outcome === 'upcoming' ? closedSlot(b, this.policy(), this.doors()) : null,
    }
  }

  /**
   * The bookings the branch's calendar now strands (`strandedBookings`: a holiday or hours entered
   * after they were made), soonest first, as the manager must hear of them.
   */
  stranded(): Booking[] {
    return strandedBookings(this.o.store.all(), this.policy(), this.doors(), this.o.now())
  }

  /** The doors the check-in window keeps (`checkInFrom`). */
  private doors(): CheckInDoors {
    return { calendar: this.o.calendar(), utcOffsetMinutes: this.o.utcOffsetMinutes() }
  }

  /** `day` as the booking rules see it, from today. */
  private bookingDay(day: string): BookingDay {
    const today = this.today()
    const daysAhead = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000)
    return { today, day, daysAhead, closed: this.closedOn(day), dayClosed: dayClosed(this.o.lastClosedDay(), day) }
  }

  private place(serviceId: string, day: string, time: string): Result<Slot, BookingError> {
    return chooseSlot(this.policy(), serviceId, this.slots(serviceId as ServiceId, day), time, this.bookingDay(day))
  }

  private newCode(): string {
    for (;;) {
      let code = ''
      for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]
      if (this.o.store.byCode(code) === undefined) return code
    }
  }

  book(serviceId: ServiceId, day: string, time: string, language: Language): Promise<Result<Booking, BookingError>> {
    return this.serial(async () => {
      const slot = this.place(serviceId, day, time)
      if (!slot.ok) return slot
      const booking: Booking = {
        code: this.newCode(),
        serviceId,
        day,
        slotAt: slot.value.at,
        language,
        bookedAt: this.o.now(),
        status: 'booked',
        movedFrom: [],
        checkedInAt: null,
        ticketId: null,
        cancelledAt: null,
      }
      return ok(await this.o.store.put(booking))
    })
  }

  move(code: string, day: string, time: string): Promise<Result<Booking, BookingError>> {
    return this.serial(async () => {
      const b = changeable(this.o.store.byCode(code), this.o.now())
      if (!b.ok) return b
      const slot = this.place(b.value.serviceId, day, time)
      if (!slot.ok) return slot
      const moved = { ...b.value, day, slotAt: slot.value.at, movedFrom: [...b.value.movedFrom, b.value.slotAt] }
      return ok(await this.o.store.put(moved))
    })
  }

  cancel(code: string): Promise<Result<Booking, BookingError>> {
    return this.serial(async () => {
      const b = changeable(this.o.store.byCode(code), this.o.now())
      if (!b.ok) return b
      return ok(await this.o.store.put({ ...b.value, status: 'cancelled', cancelledAt: this.o.now() }))
    })
  }

  /**
   * The business day `day` was closed at `closedAt`: its bookings still to come are marked
   * `dayClosed` (`closedWithDay`), so their pages say the branch will not serve them that day
   * instead of "pending check-in". In the one-at-a-time chain, after any booking already under way.
   */
  closeDay(day: string, closedAt: number): Promise<number> {
    return this.serial(async () => {
      const closed = closedWithDay(this.o.store.all(), this.policy(), day, closedAt)
      for (const b of closed) await this.o.store.put({ ...b, status: 'dayClosed' })
      return closed.length
    })
  }

  /**
   * A check-in at the kiosk: on time, a ticket of the appointment class carrying the slot (the
   * call order puts it first once due); late, a plain walk-in ticket. The ticket is issued
   * through the kiosk's own path, keyed by the code. A repeat — the kiosk's retry of a request
   * whose answer was lost, or the same code scanned again — while that ticket is still open
   * (waiting, called, serving or parked) is answered with it again (`repeated`, no second slip):
   * the customer in front of the kiosk gets their number back. A ticket that missed its call
   * re-joins first, as the kiosk's "missed your call?" would re-join it (refused once the branch's
   * grace has passed). Once it is finished the code is used.
   */
  checkIn(
    code: string,
    language: Language,
    tickets: TicketIssuer,
  ): Promise<Result<CheckInReceipt, BookingError | CommandError>> {
    return this.serial(async () => {
      const found = this.o.store.byCode(code)
      const repeat = found === undefined ? undefined : await this.repeated(found, tickets)
      if (repeat !== undefined) return repeat
      const decided = checkIn(found, this.policy(), this.today(), this.o.now(), this.doors())
      if (!decided.ok || found === undefined) return decided.ok ? err(unknown()) : decided
      const late = decided.value.kind === 'late'
      const appointmentClass = this.o.branch().priorityClasses.find((p) => p.id === APPOINTMENT_CLASS)?.id ?? null
      // Inside the one-at-a-time chain, so a code scanned twice checks in once; the issue may wait
      // for an estimate (one estimation for an on-time customer, `TicketDesk.quoteFor`), and
      // bookings wait behind it.
      const ticket = await tickets.issue({
        serviceId: found.serviceId,
        priorityClassId: late ? null : appointmentClass,
        language,
        appointmentAt: late ? null : found.slotAt,
        // The grace the call order keeps and the report judges by, journaled with the ticket.
        ...(late ? {} : { appointmentGraceSec: this.policy().callGraceMinutes * 60 }),
        idempotencyKey: checkInKey(code),
      })
      if (!ticket.ok) return ticket
      const booking = await this.o.store.put({
        ...found,
        status: late ? 'lateWalkIn' : 'checkedIn',
        checkedInAt: this.o.now(),
        ticketId: ticket.value.ticketId,
      })
      return ok({ booking: this.view(booking), late, ticket: ticket.value })
    })
  }

  /**
   * A checked-in booking's ticket answered again while it is still open (re-joined first when it
   * missed its call); undefined otherwise.
   */
  private async repeated(b: Booking, tickets: TicketIssuer): Promise<Result<CheckInReceipt, CommandError> | undefined> {
    if (b.status !== 'checkedIn' && b.status !== 'lateWalkIn') return undefined
    const status = b.ticketId === null ? undefined : this.o.ticketStatus(b.ticketId)
    if (status === undefined || b.ticketId === null) return undefined
    if (status === 'noShow') {
      const back = await tickets.rejoin(b.ticketId)
      if (!back.ok) return back
    } else if (!STILL_OPEN.has(status)) return undefined
    const ticket = await tickets.again(checkInKey(b.code))
    if (ticket === undefined || !ticket.ok) return ticket
    return ok({ booking: this.view(b), late: b.status === 'lateWalkIn', ticket: ticket.value })
  }
}

function unknown(): BookingError {
  return { code: 'unknownBooking', message: 'No appointment has this code', field: 'code' }
}
