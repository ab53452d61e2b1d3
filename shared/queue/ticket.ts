import type { CounterId, PriorityClassId, ServiceId, StaffId, TicketId } from '../domain/ids'
import type { PriorityConfirmer } from '../domain/branch'
import type { Language } from '../domain/text'

/**
 * Where a ticket is now. Exactly one at a time (checked by the property tests):
 * waiting → called → serving → done; called → noShow (may re-join within the grace window);
 * called/serving → parked → waiting; any open state → done by cancel or day close.
 */
export type TicketStatus = 'waiting' | 'called' | 'serving' | 'parked' | 'noShow' | 'done'

/** How one visit to a counter ended, as commercial queue systems record it. */
export type VisitOutcome = 'served' | 'noShow' | 'transferred' | 'parked' | 'cancelled' | 'removedAtClose'

/**
 * How the whole ticket ended. A no-show that never re-joined ends as `noShow`. A ticket still
 * open when the manager closes the day ends as `removedAtClose`; one still open when the hub
 * closed the day by itself (nobody closed it: midnight, or an outage) as `dayEnded`: the branch
 * had stopped, the customer was neither served nor missed, and nobody decided to turn them away.
 */
export type TicketOutcome = 'served' | 'noShow' | 'cancelled' | 'removedAtClose' | 'dayEnded'

/**
 * Whether a ticket ended unserved because the business day was closed under it (by the manager,
 * `removedAtClose`, or by the hub at the day's end, `dayEnded`): its customer must be told that,
 * never "done, thank you".
 *
 * @example
 * closedUnserved('removedAtClose') //=> true
 * closedUnserved('served') //=> false
 */
export function closedUnserved(outcome: TicketOutcome | null): boolean {
  return outcome === 'removedAtClose' || outcome === 'dayEnded'
}

/** The estimate the customer was shown when the ticket was issued (seconds until call). */
export interface WaitEstimate {
  readonly mean: number
  readonly p10: number
  readonly p50: number
  readonly p90: number
}

/** A call taken out of the policy's order: allowed only with a reason, and recorded. */
export interface OutOfOrderCall {
  readonly reason: string
  /** The ticket the policy would have called instead (null when none was waiting). */
  readonly skipped: TicketId | null
}

/** How a ticket came to be waiting in a line: took the ticket, was sent over, came back, re-joined. */
export type JoinKind = 'issue' | 'transfer' | 'resume' | 'rejoin'

/**
 * One stretch of waiting: from joining a line (for a service, or for one counter) to leaving it
 * (called, cancelled, or the day closed). "Joined" is when the customer entered the line as they
 * see it; their place in it is the ticket's `queuedAt`.
 */
export interface WaitSpell {
  readonly serviceId: ServiceId
  /** A transfer or resume to one counter: only that counter may call it. */
  readonly targetCounterId: CounterId | null
  readonly joinedAt: number
  readonly joinedBy: JoinKind
  readonly endedAt: number | null
}

/**
 * One piece of business done for a customer at a counter (a deposit, a card replacement, five
 * bills paid): its own start, end, outcome and standard. A visit starts with one, for the
 * service the ticket was called for; the teller adds more without calling the customer again.
 */
export interface Transaction {
  /** The service the transaction was opened for: the ticket's for the first, the teller's choice after. */
  readonly serviceId: ServiceId
  /** How many of it (bills, cards …), 1 unless the teller says; the standard scales with it. */
  readonly quantity: number
  readonly startedAt: number
  /** When the next transaction began or the visit ended; null while in progress. */
  readonly endedAt: number | null
  /** `served` when the teller moved on to the next one; the visit's outcome for the last. */
  readonly outcome: VisitOutcome | null
  /** The service actually done, when the teller says at completion it differs from `serviceId`. */
  readonly completedServiceId: ServiceId | null
}

/**
 * One call of a ticket at a counter and what followed: the customer's visit to the counter,
 * from the call until they leave, holding the transactions done meanwhile. Keeps the three
 * clocks of the one-minute standard: call, arrival at the counter (service start), end.
 */
export interface Visit {
  readonly counterId: CounterId
  readonly staffId: StaffId | null
  readonly serviceId: ServiceId
  readonly calledAt: number
  readonly recalls: number
  readonly lastCalledAt: number
  readonly startedAt: number | null
  readonly endedAt: number | null
  readonly outcome: VisitOutcome | null
  /** From the service start, oldest first; empty until the customer is at the counter. */
  readonly transactions: readonly Transaction[]
  readonly outOfOrder: OutOfOrderCall | null
}

export interface Ticket {
  readonly id: TicketId
  /** What the customer sees and hears: A001. */
  readonly number: string
  /** Issue order within the day, 1-based. */
  readonly seq: number
  readonly serviceId: ServiceId
  /** The class the policy ranks the ticket by (null: ordinary). */
  readonly priorityClassId: PriorityClassId | null
  /** A class asked for at the kiosk that staff or a card reader have not confirmed yet. */
  readonly priorityClaim: PriorityClassId | null
  /** With `priorityClaim`: the paired kiosk it was taken at (absent: taken elsewhere). */
  readonly claimKiosk?: string
  /** Who set the class after issue (staff, or the kiosk's card reader); null: the class as issued. */
  readonly priorityBy: PriorityConfirmer | null
  readonly language: Language
  readonly issuedAt: number
  /** Appointment time for appointment check-ins, kept for the appointment-time standard. */
  readonly appointmentAt: number | null
  /**
   * With `appointmentAt`: the call grace the booking was promised (seconds; `policy/callOrder`).
   * Absent for walk-ins, and for tickets of journals written before it was journaled.
   */
  readonly appointmentGraceSec?: number
  /**
   * When this ticket's place in the queue starts counting. The issue time, kept through
   * transfers and parking (rule 6: a transferred customer is not sent to the back); moved only
   * when a no-show re-joins, to the place the declared re-join rule gives.
   */
  readonly queuedAt: number
  /** Breaks ties between equal places: the issue seq, or a fraction after a re-join. */
  readonly tiebreak: number
  /** A transfer to (or a resume at) a specific counter: only that counter may call it. */
  readonly targetCounterId: CounterId | null
  readonly status: TicketStatus
  /** The counter the ticket is at while called, serving or parked. */
  readonly counterId: CounterId | null
  readonly visits: readonly Visit[]
  /** Every stretch of waiting, oldest first; the first is for the service chosen at the kiosk. */
  readonly spells: readonly WaitSpell[]
  readonly transfers: number
  readonly estimate: WaitEstimate | null
  readonly missedAt: number | null
  readonly rejoins: number
  readonly outcome: TicketOutcome | null
  readonly endedAt: number | null
  /** Satisfaction from the evaluation pad or counter screen: 1 (dissatisfied) … 5. */
  readonly rating: number | null
}

/** The visit in progress or last made, if any. */
export function currentVisit(ticket: Ticket): Visit | undefined {
  return ticket.visits[ticket.visits.length - 1]
}

/** The transaction in progress or last done in a visit, if any. */
export function currentTransaction(visit: Visit): Transaction | undefined {
  return visit.transactions[visit.transactions.length - 1]
}

/** The service a transaction did: the teller's correction at completion, else the one it was opened for. */
export function doneServiceId(transaction: Transaction): ServiceId {
  return transaction.completedServiceId ?? transaction.serviceId
}

/** The service the customer chose at the kiosk (a transfer changes `serviceId`, not this). */
export function chosenServiceId(ticket: Ticket): ServiceId {
  return ticket.spells[0]?.serviceId ?? ticket.serviceId
}

/** The stretch of waiting in progress or last made, if any. */
export function currentSpell(ticket: Ticket): WaitSpell | undefined {
  return ticket.spells[ticket.spells.length - 1]
}

/** True while the ticket still waits for a counter to call it. */
export function isWaiting(ticket: Ticket): boolean {
  return ticket.status === 'waiting'
}
