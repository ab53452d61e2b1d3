import type { ClockStretch, ServiceConfig } from '../domain/branch'
import type { AppointmentPolicy, Booking } from './booking'
import { slotWithinOpening } from './closedSlot'
import { bookingsPerHour, slotCapacity, type HourPlan } from './slotCapacity'

/** One bookable slot of a day, as the booking page lists it. */
export interface Slot {
  /** Local clock time of its start, HH:MM. */
  readonly time: string
  /** Its start (epoch ms). */
  readonly at: number
  readonly capacity: number
  readonly taken: number
  /** Started already (or starts sooner than a customer could come): not offered. */
  readonly past: boolean
}

export interface DaySlotsInput {
  readonly policy: AppointmentPolicy
  readonly service: Pick<ServiceConfig, 'id' | 'targetWaitSec'>
  readonly day: string
  /**
   * The branch's opening hours that day (`openingOn`): a slot is offered only if it begins and
   * ends within one of them. Null: no opening hours given (the policy's hours alone).
   */
  readonly opening: readonly ClockStretch[] | null
  readonly utcOffsetMinutes: number
  /** The staffing plan of the service for a local hour. */
  readonly plan: (hour: number) => HourPlan
  /** Mean counter time per customer of the service (seconds). */
  readonly holdSec: number
  /** Every booking of the service (any day, any status): those holding a slot of the day count. */
  readonly bookings: readonly Booking[]
  readonly now: number
}

/** The instant a local day's clock time starts. */
export function localInstant(day: string, minuteOfDay: number, utcOffsetMinutes: number): number {
  return Date.parse(`${day}T00:00:00Z`) + (minuteOfDay - utcOffsetMinutes) * 60_000
}

/** HH:MM of a minute of the day. */
export function clockOf(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`
}

/** A booking holds its slot unless cancelled. */
export function holdsSlot(b: Booking): boolean {
  return b.status !== 'cancelled'
}

/**
 * Every slot of a service on a day with its capacity (the capacity rule, `bookingsPerHour`,
 * shared over the hour's slots) and the bookings already holding it: the policy's hours, while
 * the branch is open.
 *
 * @example
 * daySlots({ policy, service, day: '2026-11-25', … })[0] //=> { time: '09:00', capacity: 4, taken: 1, past: false, … }
 */
export function daySlots(input: DaySlotsInput): Slot[] {
  const { policy, service, day, utcOffsetMinutes } = input
  const slots: Slot[] = []
  const held = input.bookings.filter((b) => b.serviceId === service.id && b.day === day && holdsSlot(b))
  for (let hour = policy.openHour; hour < policy.closeHour; hour++) {
    const perHour = bookingsPerHour(input.plan(hour), service, input.holdSec, policy.walkInGoalShare)
    const capacity = slotCapacity(perHour, policy.slotMinutes)
    for (let m = 0; m < 60; m += policy.slotMinutes) {
      const minute = hour * 60 + m
      if (!slotWithinOpening(minute, policy.slotMinutes, input.opening)) continue
      const at = localInstant(day, minute, utcOffsetMinutes)
      slots.push({
        time: clockOf(minute),
        at,
        capacity,
        taken: held.filter((b) => b.slotAt === at).length,
        past: at <= input.now,
      })
    }
  }
  return slots
}
