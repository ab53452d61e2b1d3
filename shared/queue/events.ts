import type { CounterId, DelayId, PriorityClassId, ServiceId, StaffId, TicketId } from '../domain/ids'
import type { PriorityConfirmer } from '../domain/branch'
import type { Language, LocalizedText } from '../domain/text'
import type { PauseReason } from './counterState'
import type { DelayScope, DelaySource } from './delay'
import type { OutOfOrderCall, WaitEstimate } from './ticket'

/**
 * Everything that can happen in a branch, as facts. The state is a fold of these
 * (`applyEvent`); the hub journals them, replays them after a crash, pushes them to terminals
 * and the reports summarise them. One command produces exactly one event, so a command is
 * either wholly in the journal or not at all.
 */
export type EventBody =
  | { readonly type: 'dayOpened'; readonly date: string }
  | {
      readonly type: 'dayClosed'
      /**
       * Set when the hub closed the day by itself (`automaticClose`): at the end of its date, or
       * after an outage that outlasted it. Absent for a manager's close and in older journals.
       */
      readonly auto?: AutoClose
    }
  | {
      readonly type: 'ticketIssued'
      readonly ticketId: TicketId
      readonly number: string
      /** Issue order within the day (the ticket's `seq`; the event's own `seq` is its journal place). */
      readonly issueSeq: number
      readonly serviceId: ServiceId
      readonly priorityClassId: PriorityClassId | null
      readonly language: Language
      readonly appointmentAt: number | null
      /**
       * A booked customer is called within this of their slot (or of checking in, if later): the
       * branch's grace when they checked in. Absent for walk-ins and in journals written before
       * the grace was journaled (the report then judges by its own standard).
       */
      readonly appointmentGraceSec?: number
      /** The estimate shown at issue (carried by the command), for the honesty report. */
      readonly estimate: WaitEstimate | null
      /**
       * What each predictor of the combined mean said behind `estimate` (seconds, in
       * `pointExperts` order; null: nothing to learn, the ticket was told "now"), so a hub
       * restarted during the day learns the mix's weights from today's tickets as it did live.
       * Absent in journals written before it was journaled: those tickets teach the mix nothing.
       */
      readonly predictorsSaid?: readonly number[] | null
      /**
       * A class the customer asked for that staff or a card reader must confirm first; the
       * ticket waits as ordinary until then. Absent in journals written before claims existed.
       */
      readonly priorityClaim?: PriorityClassId
      /**
       * With `priorityClaim`: the paired kiosk it was taken at, whose card reader may confirm
       * it. Absent for a claim taken elsewhere and in journals written before it was journaled.
       */
      readonly claimKiosk?: string
    }
  | {
      readonly type: 'ticketCalled'
      readonly ticketId: TicketId
      readonly counterId: CounterId
      readonly staffId: StaffId | null
      readonly outOfOrder: OutOfOrderCall | null
    }
  | { readonly type: 'ticketRecalled'; readonly ticketId: TicketId; readonly counterId: CounterId }
  | { readonly type: 'serviceStarted'; readonly ticketId: TicketId; readonly counterId: CounterId }
  | {
      readonly type: 'serviceCompleted'
      readonly ticketId: TicketId
      readonly counterId: CounterId
      readonly completedServiceId: ServiceId | null
    }
  | {
      /** The customer at the counter wants something more: the transaction in progress ends, this one starts. */
      readonly type: 'transactionAdded'
      readonly ticketId: TicketId
      readonly counterId: CounterId
      readonly serviceId: ServiceId
      readonly quantity: number
    }
  | { readonly type: 'ticketNoShow'; readonly ticketId: TicketId; readonly counterId: CounterId }
  | {
      readonly type: 'ticketRejoined'
      readonly ticketId: TicketId
      /** The place the declared re-join rule gives (computed when the command was decided). */
      readonly queuedAt: number
      readonly tiebreak: number
    }
  | {
      readonly type: 'ticketTransferred'
      readonly ticketId: TicketId
      readonly fromCounterId: CounterId | null
      readonly toServiceId: ServiceId
      readonly toCounterId: CounterId | null
    }
  | { readonly type: 'ticketParked'; readonly ticketId: TicketId; readonly counterId: CounterId }
  | { readonly type: 'ticketResumed'; readonly ticketId: TicketId }
  | { readonly type: 'ticketCancelled'; readonly ticketId: TicketId }
  | { readonly type: 'ticketRated'; readonly ticketId: TicketId; readonly score: number }
  | {
      readonly type: 'priorityChanged'
      readonly ticketId: TicketId
      readonly from: PriorityClassId | null
      readonly to: PriorityClassId | null
      readonly reason: string
      /** Who set it: staff, or the kiosk's card reader. Absent in journals written before: staff. */
      readonly by?: PriorityConfirmer
    }
  | { readonly type: 'counterOpened'; readonly counterId: CounterId; readonly staffId: StaffId }
  | { readonly type: 'counterPaused'; readonly counterId: CounterId; readonly reason: PauseReason }
  | { readonly type: 'counterResumed'; readonly counterId: CounterId }
  | { readonly type: 'counterClosed'; readonly counterId: CounterId }
  | {
      readonly type: 'delayAnnounced'
      readonly delayId: DelayId
      readonly scope: DelayScope
      readonly source: DelaySource
      readonly kind: string
      readonly message: LocalizedText
    }
  | { readonly type: 'delayCleared'; readonly delayId: DelayId }

export type EventType = EventBody['type']

/**
 * How the hub closed a day by itself: `endOfDay`, on a hub that ran past the day's end;
 * `afterOutage`, when it started again after being off or down since the day's last event.
 */
export type AutoClose = 'endOfDay' | 'afterOutage'

/** An event as journaled: its body, its place in the day (`seq`, from 1) and its time (ms). */
export type QueueEvent = EventBody & { readonly seq: number; readonly at: number }

/** Narrows an event to one type. */
export type EventOf<T extends EventType> = Extract<QueueEvent, { type: T }>
