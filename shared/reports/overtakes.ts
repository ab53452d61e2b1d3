import type { BranchConfig, CounterConfig } from '../domain/branch'
import type { CounterId, PriorityClassId, TicketId } from '../domain/ids'
import { isDueBooking } from '../policy/callOrder'
import { classRate } from '../policy/priorityScore'
import { mayCall } from '../queue/mayCall'
import type { OutOfOrderCall, WaitSpell } from '../queue/ticket'

/**
 * Why a customer who joined the line later was called first:
 * - `outOfOrder`: the teller called a specific ticket, giving a reason (logged);
 * - `transfer`: a customer sent from another counter kept the place they had (a declared rule);
 * - `resume`: a customer who stepped aside came back to their counter first (declared);
 * - `rejoin`: a customer who missed their call re-joined behind the declared number of people;
 * - `priority`: a declared priority class (VIP, elderly, appointment) gained their turn faster,
 *   or a booked customer's slot had come (declared: they are called within its grace);
 * - `counterPreference`: the counter serves the later customer's service first (its declared
 *   preference order), though it could have called the earlier one;
 * - `other`: none of these, which the calling policy should never produce.
 */
export const OVERTAKE_REASONS = [
  'priority',
  'outOfOrder',
  'transfer',
  'resume',
  'rejoin',
  'counterPreference',
  'other',
] as const
export type OvertakeReason = (typeof OVERTAKE_REASONS)[number]

/** A waiting customer as the overtaking check sees them. */
export interface WaitingCustomer {
  readonly ticketId: TicketId
  readonly priorityClassId: PriorityClassId | null
  /** A booked customer's slot (their ticket's `appointmentAt`), null for walk-ins. */
  readonly appointmentAt: number | null
  readonly spell: WaitSpell
}

/** One customer called while another, who joined earlier and could have been called, still waited. */
export interface Overtake {
  readonly at: number
  readonly counterId: CounterId
  /** The customer called. */
  readonly byTicketId: TicketId
  /** The customer left waiting. */
  readonly ticketId: TicketId
  readonly reason: OvertakeReason
  /** The teller's reason for an out-of-order call. */
  readonly note: string | null
  /** Both were waiting for the same service: an exception to first come, first served. */
  readonly sameService: boolean
  /** How long the overtaken customer had waited in that line when it happened. */
  readonly waitedSec: number
  /** The overtaken customer belongs to no priority class. */
  readonly ordinary: boolean
}

/**
 * The customers overtaken by one call: every other customer still waiting whom the calling
 * counter could have called and who joined their line before the called customer joined theirs.
 * "Joined" is when the customer entered the line as they see it (took the ticket, was sent over,
 * came back, re-joined), so a transferred customer who keeps their original place is counted as
 * overtaking the people already waiting here, with the reason `transfer`.
 *
 * @example
 * overtakesAtCall(branch, counter, at, called, null, waiting)
 * //=> [{ reason: 'priority', sameService: true, waitedSec: 300, … }]
 */
export function overtakesAtCall(
  branch: BranchConfig,
  counter: CounterConfig,
  at: number,
  called: WaitingCustomer,
  outOfOrder: OutOfOrderCall | null,
  waiting: Iterable<WaitingCustomer>,
): Overtake[] {
  const found: Overtake[] = []
  for (const w of waiting) {
    if (w.ticketId === called.ticketId) continue
    if (w.spell.joinedAt >= called.spell.joinedAt || !mayCall(counter, w.spell)) continue
    found.push({
      at,
      counterId: counter.id,
      byTicketId: called.ticketId,
      ticketId: w.ticketId,
      reason: reasonFor(branch, counter, called, outOfOrder, w, at),
      note: outOfOrder?.reason ?? null,
      sameService: w.spell.serviceId === called.spell.serviceId,
      waitedSec: (at - w.spell.joinedAt) / 1000,
      ordinary: w.priorityClassId === null,
    })
  }
  return found
}

function reasonFor(
  branch: BranchConfig,
  counter: CounterConfig,
  called: WaitingCustomer,
  outOfOrder: OutOfOrderCall | null,
  overtaken: WaitingCustomer,
  at: number,
): OvertakeReason {
  if (outOfOrder !== null) return 'outOfOrder'
  if (called.spell.joinedBy !== 'issue') return called.spell.joinedBy
  if (isDueBooking(called, at)) return 'priority'
  const mine = classRate(branch, called.priorityClassId)
  const theirs = classRate(branch, overtaken.priorityClassId)
  if (mine.rate > theirs.rate || (mine.rate === theirs.rate && mine.headStartSec > theirs.headStartSec)) {
    return 'priority'
  }
  if (tier(counter, called.spell) < tier(counter, overtaken.spell)) return 'counterPreference'
  return 'other'
}

function tier(counter: CounterConfig, spell: WaitSpell): number {
  return spell.targetCounterId === counter.id ? 0 : 1 + counter.services.indexOf(spell.serviceId)
}
