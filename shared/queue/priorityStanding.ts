import {
  establishmentOf,
  findPriorityClass,
  type BranchConfig,
  type PriorityClassConfig,
  type PriorityConfirmer,
  type PriorityEstablishment,
} from '../domain/branch'
import type { Ticket } from './ticket'

/**
 * A ticket's priority class and how it came to have it, as the teller and the kiosk show it:
 * - `pending`: a class was asked for at the kiosk and waits for staff or the card reader to
 *   confirm it; until then the ticket is ranked as ordinary (`priorityClassId` is null);
 * - `established`: the class the policy ranks the ticket by, and how it was established —
 *   `declared` by the customer, confirmed or set by `staff`, by the `idReader`, or by `booking`
 *   (an appointment checked in with its code).
 */
export type PriorityStanding =
  | { readonly kind: 'pending'; readonly cls: PriorityClassConfig; readonly awaiting: PriorityConfirmer }
  | { readonly kind: 'established'; readonly cls: PriorityClassConfig; readonly by: PriorityEstablishment }

/**
 * The standing of a ticket; null for an ordinary ticket with no claim (or a class no longer
 * configured). A class a ticket was issued with directly is `booking` when the ticket carries
 * an appointment slot and `declared` otherwise; one set later is whoever set it.
 *
 * @example
 * priorityStanding({ priorityClassId: null, priorityClaim: 'vip', priorityBy: null, appointmentAt: null }, branch)
 * //=> { kind: 'pending', cls: vip, awaiting: 'staff' } (vip established by staff)
 * priorityStanding({ priorityClassId: 'vip', priorityClaim: null, priorityBy: 'idReader', appointmentAt: null }, branch)
 * //=> { kind: 'established', cls: vip, by: 'idReader' }
 */
export function priorityStanding(
  ticket: Pick<Ticket, 'priorityClassId' | 'priorityClaim' | 'priorityBy' | 'appointmentAt'>,
  branch: BranchConfig,
): PriorityStanding | null {
  const claimed = ticket.priorityClaim === null ? undefined : findPriorityClass(branch, ticket.priorityClaim)
  if (claimed !== undefined) {
    return { kind: 'pending', cls: claimed, awaiting: establishmentOf(claimed) === 'idReader' ? 'idReader' : 'staff' }
  }
  const cls = ticket.priorityClassId === null ? undefined : findPriorityClass(branch, ticket.priorityClassId)
  if (cls === undefined) return null
  const by: PriorityEstablishment = ticket.priorityBy ?? (ticket.appointmentAt !== null ? 'booking' : 'declared')
  return { kind: 'established', cls, by }
}
