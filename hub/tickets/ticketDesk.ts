import type { PrintOutcome, TicketReceipt } from '../../shared/api/views'
import type { PriorityClassId, ServiceId, TicketId } from '../../shared/domain/ids'
import type { Language } from '../../shared/domain/text'
import type { Command, CommandOf } from '../../shared/queue/commands'
import type { CommandError } from '../../shared/queue/errors'
import type { QueueState } from '../../shared/queue/state'
import type { WaitEstimate } from '../../shared/queue/ticket'
import { ok, type Result } from '../../shared/util/result'
import type { WouldBe } from '../../shared/estimate/pointExperts'
import type { Quote } from '../estimation/estimator'
import type { Committed, SubmitOptions } from '../queue/queueHost'
import type { IssueLedger } from './issueLedger'
import { ticketFacts, type FactSources, type TicketFacts } from './ticketFacts'

/** A tap at the kiosk (or a manager issuing for a customer). */
export interface IssueRequest {
  readonly serviceId: ServiceId
  readonly priorityClassId: PriorityClassId | null
  readonly language: Language
  readonly appointmentAt: number | null
  /** With `appointmentAt`: the call grace the booking is promised (seconds); only a check-in sets it. */
  readonly appointmentGraceSec?: number
  /** The same key for a retried tap: it gets the same ticket. */
  readonly idempotencyKey?: string
}

/** How a command reaches the queue for the caller (the API checks who may send it). */
export type Submit = (command: Command, options: SubmitOptions) => Promise<Result<Committed, CommandError>>

export interface TicketDeskOptions {
  readonly ledger: IssueLedger
  readonly facts: FactSources
  /**
   * Resolves once the menu's estimates include every event that could lengthen a newcomer's
   * wait (`LiveEstimates.forNewcomer`); absent: the menu is taken as it is.
   */
  readonly menuUpToDate?: () => Promise<unknown>
  /**
   * For a tap the menu gives no figure: resolves once the menu's estimates include every event
   * that could give one (`LiveEstimates.forNewcomerWithoutFigure`: a counter opened a moment ago).
   */
  readonly menuFigureUpToDate?: () => Promise<unknown>
  /** What the kiosk menu shows now for a service and class: the estimate a tap is given. */
  readonly menuEstimate: (serviceId: ServiceId, priorityClassId: PriorityClassId | null) => WaitEstimate | null
  /** What the combined mean's predictors said behind that estimate (undefined: no combined mean). */
  readonly menuPredictorsSaid?: (
    serviceId: ServiceId,
    priorityClassId: PriorityClassId | null,
  ) => readonly number[] | null | undefined
  /**
   * A booked customer's own estimate, made for their ticket about to be issued (its slot and
   * grace rank it, `LiveEstimates.quote`); absent or null: the estimator cannot, and the menu's is taken.
   */
  readonly quote?: (ticket: WouldBe) => Promise<Quote | null>
  /** Prints a ticket on the kiosk's printer; resolves with what happened, never throws. */
  readonly print: (facts: TicketFacts) => Promise<PrintOutcome>
}

/**
 * Issuing a ticket, in one place: the command carries the estimate the customer was shown; the
 * ticket's facts (people ahead, the shown range, the status link) are worked out once and
 * handed to the printer and the receipt alike; the ledger answers a retried tap with the same
 * ticket and the truth about its print. The API route and the demo's simulated customers are
 * adapters around it.
 */
export class TicketDesk {
  /**
   * Issues one after another, each estimated after the one before was recorded: taps at the
   * same moment would otherwise all be given the wait before the first of them.
   */
  private chain: Promise<unknown> = Promise.resolve()

  constructor(private readonly o: TicketDeskOptions) {}

  /** What a customer is told about one of today's tickets now (the status page asks too). */
  factsOf(state: QueueState, ticketId: TicketId): TicketFacts | undefined {
    return ticketFacts(this.o.facts, state, ticketId)
  }

  /** `kiosk`: the paired name of the kiosk tapped, for its card reader (null from anywhere else). */
  async issue(
    request: IssueRequest,
    submit: Submit,
    kiosk: string | null = null,
  ): Promise<Result<TicketReceipt, CommandError>> {
    const r = await this.recorded(request, submit, kiosk)
    if (!r.ok) return r
    const { event, state, repeated } = r.value
    if (event.type !== 'ticketIssued') throw new Error(`an issue answered with ${event.type}`)
    const facts = ticketFacts(this.o.facts, state, event.ticketId)
    if (facts === undefined) throw new Error(`ticket ${event.number} is not in the state it was issued into`)
    // The printer is on the path between the tap and the customer walking away, but a printer
    // problem never loses the ticket: the kiosk shows it on screen instead.
    const print = repeated
      ? await this.o.ledger.printOf(event.ticketId)
      : await this.o.ledger.print(event.ticketId, () => this.o.print(facts))
    return ok({
      ticketId: event.ticketId,
      number: event.number,
      serviceId: event.serviceId,
      priorityClassId: event.priorityClassId,
      priorityClaim: event.priorityClaim ?? null,
      language: event.language,
      issuedAt: event.at,
      peopleAhead: facts.peopleAhead,
      estimate: event.estimate,
      shown: facts.shown,
      closing: facts.closing,
      hold: facts.hold,
      statusPath: facts.statusPath,
      statusUrl: facts.statusUrl,
      print,
      repeated,
    })
  }

  /**
   * The ticket an earlier request under `key` got today, answered again as that request's repeat
   * (the same receipt, `repeated`, its first print's outcome — never a second slip); undefined
   * when the key got none. For a caller that knows the key but not the first request (a booking
   * code scanned again).
   */
  async again(key: string, submit: Submit): Promise<Result<TicketReceipt, CommandError> | undefined> {
    const first = this.o.ledger.issuedFor(key)
    if (first === undefined) return undefined
    const request: IssueRequest = {
      serviceId: first.serviceId,
      priorityClassId: first.priorityClassId,
      language: first.language,
      appointmentAt: first.appointmentAt,
      idempotencyKey: key,
    }
    return this.issue(request, submit)
  }

  /**
   * The estimate a request is given, decided here alone. A booked customer checking in on time
   * (the request carries their slot) is ranked by it — called first within their grace once it
   * has come — so the menu's walk-in figure would tell them a wait they will not have: their
   * ticket is estimated for itself. Anyone else is a walk-in by the engine's rules (a late booked
   * customer too: the request then carries no slot) and is given what the menu shows, as of
   * every tap before.
   */
  private async quoteFor(request: IssueRequest): Promise<Quote> {
    const { serviceId, priorityClassId, appointmentAt, idempotencyKey } = request
    // A repeat is answered with its first ticket and the figure it was given then.
    if (idempotencyKey !== undefined && this.o.ledger.issuedFor(idempotencyKey) !== undefined)
      return { estimate: null, said: undefined }
    if (appointmentAt !== null) {
      const own = await this.o.quote?.({
        serviceId,
        priorityClassId,
        appointmentAt,
        ...(request.appointmentGraceSec === undefined ? {} : { appointmentGraceSec: request.appointmentGraceSec }),
      })
      if (own !== undefined && own !== null) return own
    }
    await this.o.menuUpToDate?.()
    let estimate = this.o.menuEstimate(serviceId, priorityClassId)
    if (estimate === null && this.o.menuFigureUpToDate !== undefined) {
      await this.o.menuFigureUpToDate()
      estimate = this.o.menuEstimate(serviceId, priorityClassId)
    }
    return { estimate, said: this.o.menuPredictorsSaid?.(serviceId, priorityClassId) }
  }

  /** The issue command, with the estimate the customer is given (`quoteFor`), recorded. */
  private recorded(
    request: IssueRequest,
    submit: Submit,
    kiosk: string | null,
  ): Promise<Result<Committed, CommandError>> {
    const run = async (): Promise<Result<Committed, CommandError>> => {
      const quote = await this.quoteFor(request)
      const command: CommandOf<'issueTicket'> = {
        type: 'issueTicket',
        serviceId: request.serviceId,
        priorityClassId: request.priorityClassId,
        language: request.language,
        appointmentAt: request.appointmentAt,
        ...(request.appointmentGraceSec === undefined ? {} : { appointmentGraceSec: request.appointmentGraceSec }),
        estimate: quote.estimate,
        ...said(quote.said),
        ...(kiosk === null ? {} : { kiosk }),
      }
      const key = request.idempotencyKey
      return submit(command, {
        ...(key === undefined ? {} : { key }),
        earlier: () => this.o.ledger.earlier(key, command),
      })
    }
    const next = this.chain.then(run, run)
    this.chain = next.catch(() => undefined)
    return next
  }
}

/** The command's `predictorsSaid`, when there is one to journal. */
function said(values: readonly number[] | null | undefined): { predictorsSaid?: readonly number[] | null } {
  return values === undefined ? {} : { predictorsSaid: values }
}
