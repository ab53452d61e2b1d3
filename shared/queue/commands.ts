import type { CounterId, DelayId, PriorityClassId, ServiceId, StaffId, TicketId } from '../domain/ids'
import type { Language, LocalizedText } from '../domain/text'
import type { PriorityConfirmer } from '../domain/branch'
import type { PauseReason } from './counterState'
import type { DelayScope, DelaySource } from './delay'
import type { AutoClose } from './events'
import type { WaitEstimate } from './ticket'

/**
 * What people and devices ask the engine to do. `decide` checks a command against the state
 * and either refuses it with a typed error or turns it into one event.
 */
export type Command =
  | { readonly type: 'openDay'; readonly date: string }
  | {
      readonly type: 'closeDay'
      /** Only the hub's own close sets this (the manager's route cannot): see `automaticClose`. */
      readonly auto?: AutoClose
    }
  | {
      readonly type: 'issueTicket'
      readonly serviceId: ServiceId
      readonly priorityClassId: PriorityClassId | null
      readonly language: Language
      readonly appointmentAt: number | null
      /** With `appointmentAt`: the branch's call grace for a booked customer (seconds). */
      readonly appointmentGraceSec?: number
      /**
       * The wait the customer was shown when they tapped (the kiosk menu's figure for this
       * service and class), journaled with the ticket for the honesty report; null if none.
       */
      readonly estimate: WaitEstimate | null
      /** What the combined mean's predictors said behind `estimate` (journaled with it; see the event). */
      readonly predictorsSaid?: readonly number[] | null
      /**
       * The paired name of the kiosk tapped, so that kiosk's card reader can confirm a claim;
       * absent for a ticket issued anywhere else (a manager, a booking check-in by the API).
       */
      readonly kiosk?: string
    }
  | { readonly type: 'callNext'; readonly counterId: CounterId }
  | {
      readonly type: 'callSpecific'
      readonly counterId: CounterId
      readonly ticketId: TicketId
      readonly reason: string
    }
  | { readonly type: 'recall'; readonly counterId: CounterId }
  | { readonly type: 'startService'; readonly counterId: CounterId }
  | {
      readonly type: 'completeService'
      readonly counterId: CounterId
      readonly completedServiceId: ServiceId | null
    }
  | {
      /** One more transaction for the customer at the counter, without calling them again. */
      readonly type: 'addTransaction'
      readonly counterId: CounterId
      readonly serviceId: ServiceId
      readonly quantity: number
    }
  | { readonly type: 'markNoShow'; readonly counterId: CounterId }
  | { readonly type: 'rejoin'; readonly ticketId: TicketId }
  | {
      readonly type: 'transfer'
      readonly ticketId: TicketId
      /** The service to queue for; null keeps the current one (a transfer to a counter only). */
      readonly toServiceId: ServiceId | null
      readonly toCounterId: CounterId | null
      /**
       * The state the sender saw the ticket in: 'waiting' from the waiting list, so a transfer a
       * call overtook is refused (409 `ticketAlreadyCalled`). Left out by a teller sending on the
       * customer at their own counter.
       */
      readonly seenStatus?: 'waiting'
    }
  | { readonly type: 'park'; readonly counterId: CounterId }
  | { readonly type: 'resume'; readonly ticketId: TicketId }
  | { readonly type: 'cancel'; readonly ticketId: TicketId }
  | { readonly type: 'rate'; readonly ticketId: TicketId; readonly score: number }
  | {
      /** Staff set, confirm or remove a ticket's priority class (a claim waits for this). */
      readonly type: 'changePriority'
      readonly ticketId: TicketId
      readonly priorityClassId: PriorityClassId | null
      readonly reason: string
      /**
       * Who establishes the change: a member of staff (any change), or the kiosk's card or ID
       * reader (only the confirmation of a pending claim for a class established by reader).
       */
      readonly by: PriorityConfirmer
    }
  | { readonly type: 'openCounter'; readonly counterId: CounterId; readonly staffId: StaffId }
  | { readonly type: 'pauseCounter'; readonly counterId: CounterId; readonly reason: PauseReason }
  | { readonly type: 'resumeCounter'; readonly counterId: CounterId }
  | { readonly type: 'closeCounter'; readonly counterId: CounterId }
  | {
      readonly type: 'announceDelay'
      readonly delayId: DelayId
      readonly scope: DelayScope
      readonly source: DelaySource
      readonly kind: string
      readonly message: LocalizedText
    }
  | { readonly type: 'clearDelay'; readonly delayId: DelayId }

export type CommandType = Command['type']
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>
