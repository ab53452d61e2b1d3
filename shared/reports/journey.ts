import type { CounterId, PriorityClassId, ServiceId, StaffId, TicketId } from '../domain/ids'
import type { PauseReason } from '../queue/counterState'
import type { Delay } from '../queue/delay'
import type { OutOfOrderCall, TicketOutcome, VisitOutcome, WaitEstimate } from '../queue/ticket'
import type { Overtake, WaitSpell } from './overtakes'

/** One call of a customer to a counter, with the three clocks of the one-minute standard. */
export interface VisitLog {
  readonly counterId: CounterId
  readonly staffId: StaffId | null
  /** The service the ticket was waiting for when called. */
  readonly serviceId: ServiceId
  readonly calledAt: number
  readonly recalls: number
  readonly startedAt: number | null
  readonly endedAt: number | null
  readonly outcome: VisitOutcome | null
  readonly completedServiceId: ServiceId | null
  readonly outOfOrder: OutOfOrderCall | null
}

/** Everything that happened to one ticket during the day, as the report needs it. */
export interface Journey {
  readonly id: TicketId
  readonly number: string
  readonly seq: number
  /** The service the customer chose at the kiosk. */
  readonly serviceId: ServiceId
  readonly priorityClassId: PriorityClassId | null
  readonly issuedAt: number
  readonly appointmentAt: number | null
  readonly estimate: WaitEstimate | null
  readonly visits: readonly VisitLog[]
  readonly spells: readonly WaitSpell[]
  readonly transfers: number
  readonly rejoins: number
  readonly outcome: TicketOutcome | null
  /** When the ticket left the branch (null while still in it). */
  readonly endedAt: number | null
  readonly rating: number | null
}

/** A stretch of a counter being open (staffed) or paused, with the pause reason. */
export interface CounterSpan {
  readonly counterId: CounterId
  readonly staffId: StaffId | null
  readonly state: 'open' | 'paused'
  readonly reason: PauseReason | null
  readonly from: number
  readonly to: number | null
}

/** The day as the report reads it: a fold of the day's events into journeys and timelines. */
export interface DayLog {
  readonly date: string | null
  readonly openedAt: number | null
  readonly closedAt: number | null
  /** Time of the last event folded. */
  readonly lastAt: number | null
  /** In issue order. */
  readonly journeys: readonly Journey[]
  readonly counterSpans: readonly CounterSpan[]
  readonly delays: readonly Delay[]
  readonly overtakes: readonly Overtake[]
  /** Events that referred to a ticket or counter the log did not know (a damaged journal). */
  readonly ignoredEvents: number
}
