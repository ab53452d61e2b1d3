import type { PriorityClassId, ServiceId } from '../domain/ids'
import type { CallPlace } from '../policy/callOrder'
import type { Ticket } from '../queue/ticket'

/**
 * A waiting ticket as the projection sees it (`ProjectedItem`: times in seconds from now, its
 * target as a counter index) and its place in the calling order on the policy's clock
 * (`CallPlace`: milliseconds from now), made or written in place.
 */

/** One waiting ticket (or a would-be ticket) as the projection sees it; times in seconds from now. */
export interface ProjectedItem {
  readonly serviceId: ServiceId
  readonly priorityClassId: PriorityClassId | null
  readonly queuedAt: number
  readonly issuedAt: number
  readonly tiebreak: number
  readonly seq: number
  /** Index of the counter it was sent to, or -1 (-2: a counter the branch no longer has). */
  readonly target: number
  /** A booked customer's slot (seconds from now) and call grace (`policy/callOrder`); null: a walk-in. */
  readonly appointmentAt: number | null
  readonly appointmentGraceSec?: number
}

/** A `CallPlace` written in place. */
export type MutableCallPlace = { -readonly [K in keyof CallPlace]: CallPlace[K] }

/** A `ProjectedItem` written in place. */
export type MutableProjectedItem = { -readonly [K in keyof ProjectedItem]: ProjectedItem[K] }

/** A waiting ticket as the projection sees it (times relative to now, in seconds). */
export function projectedItem(ticket: Ticket, now: number, counterIndex: ReadonlyMap<string, number>): ProjectedItem {
  const item = writeProjectedItem(blankItem(ticket.serviceId, ticket.priorityClassId), ticket, now, counterIndex)
  if (ticket.appointmentGraceSec !== undefined) item.appointmentGraceSec = ticket.appointmentGraceSec
  return item
}

/** An item of a service and class, its times to be written (a walk-in, sent to no counter). */
export function blankItem(serviceId: ServiceId, priorityClassId: PriorityClassId | null): MutableProjectedItem {
  return { serviceId, priorityClassId, queuedAt: 0, issuedAt: 0, tiebreak: 0, seq: 0, target: -1, appointmentAt: null }
}

/** A place in the calling order, to be written. */
export function blankPlace(): MutableCallPlace {
  return { queuedAt: 0, issuedAt: 0, tiebreak: 0, seq: 0, appointmentAt: null }
}

/** `projectedItem` written into `item` (all but the grace, which a kept item never has). */
export function writeProjectedItem(
  item: MutableProjectedItem,
  ticket: Ticket,
  now: number,
  counterIndex: ReadonlyMap<string, number>,
): MutableProjectedItem {
  item.serviceId = ticket.serviceId
  item.priorityClassId = ticket.priorityClassId
  item.queuedAt = (ticket.queuedAt - now) / 1000
  item.issuedAt = (ticket.issuedAt - now) / 1000
  item.tiebreak = ticket.tiebreak
  item.seq = ticket.seq
  item.target = ticket.targetCounterId === null ? -1 : (counterIndex.get(ticket.targetCounterId) ?? -2)
  item.appointmentAt = ticket.appointmentAt === null ? null : (ticket.appointmentAt - now) / 1000
  return item
}

/** An item's place in the calling order on the policy's clock (milliseconds, from now). */
export function callPlace(x: ProjectedItem): CallPlace {
  const place = writePlace(blankPlace(), x)
  if (x.appointmentGraceSec !== undefined) place.appointmentGraceSec = x.appointmentGraceSec
  return place
}

/** `callPlace` written into `place` (all but the grace, which a kept place never has). */
export function writePlace(place: MutableCallPlace, x: ProjectedItem): MutableCallPlace {
  place.queuedAt = x.queuedAt * 1000
  place.issuedAt = x.issuedAt * 1000
  place.tiebreak = x.tiebreak
  place.seq = x.seq
  place.appointmentAt = x.appointmentAt === null ? null : x.appointmentAt * 1000
  return place
}
