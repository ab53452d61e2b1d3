import { claimedAtIssue, establishmentOf, findPriorityClass, type BranchConfig } from '../domain/branch'
import { nextTicket } from '../policy/callOrder'
import { err, ok, type Result } from '../util/result'
import { own } from '../util/own'
import type { CommandOf } from './commands'
import { commandError, type CommandError } from './errors'
import type { EventBody } from './events'
import { requireCounter, requireIdle, requireTicket, requireTicketAt } from './lookup'
import { decidePriorityChange } from './decidePriority'
import { mayCall } from './mayCall'
import { rejoinPlace } from './rejoinPlace'
import type { QueueState } from './state'
import { formatTicketNumber, ticketIdFor } from './ticketNumber'
import { currentVisit, type Ticket } from './ticket'
import { tooSoon } from './callInterval'
import { MAX_QUANTITY } from './transactionStandard'
import { ticketId } from '../domain/ids'
import { journalablePredictors } from './predictorsSaid'

type TicketCommand = CommandOf<
  | 'issueTicket'
  | 'callNext'
  | 'callSpecific'
  | 'recall'
  | 'startService'
  | 'completeService'
  | 'addTransaction'
  | 'markNoShow'
  | 'rejoin'
  | 'transfer'
  | 'park'
  | 'resume'
  | 'cancel'
  | 'rate'
  | 'changePriority'
>

export function decideTicketCommand(
  state: QueueState,
  branch: BranchConfig,
  c: TicketCommand,
  now: number,
): Result<EventBody, CommandError> {
  switch (c.type) {
    case 'issueTicket':
      return issue(state, branch, c)
    case 'callNext':
    case 'callSpecific':
      return call(state, branch, c, now)
    case 'rejoin':
      return rejoin(state, branch, c, now)
    case 'transfer':
      return transfer(state, branch, c)
    case 'resume': {
      const t = requireTicket(state, c.ticketId)
      if (!t.ok) return t
      if (t.value.status !== 'parked') {
        return err(
          commandError('ticketNotParked', `Ticket ${t.value.number} is ${t.value.status}, not parked`, {
            found: t.value.status,
          }),
        )
      }
      return ok({ type: 'ticketResumed', ticketId: c.ticketId })
    }
    case 'cancel':
      return cancel(state, branch, c)
    case 'rate': {
      const t = requireTicket(state, c.ticketId)
      if (!t.ok) return t
      if (!Number.isInteger(c.score) || c.score < 1 || c.score > 5) {
        return err(
          commandError('invalidRating', `A rating is a whole number from 1 to 5, not ${c.score}`, { field: 'score' }),
        )
      }
      if (t.value.outcome !== 'served') {
        return err(
          commandError('ticketNotServed', `Ticket ${t.value.number} has not been served`, { found: t.value.status }),
        )
      }
      if (t.value.rating !== null) {
        return err(commandError('alreadyRated', `Ticket ${t.value.number} is already rated`))
      }
      return ok({ type: 'ticketRated', ticketId: c.ticketId, score: c.score })
    }
    case 'changePriority':
      return decidePriorityChange(state, branch, c)
    case 'recall':
    case 'startService':
    case 'completeService':
    case 'addTransaction':
    case 'markNoShow':
    case 'park':
      return atCounter(state, branch, c, now)
  }
}

function issue(state: QueueState, branch: BranchConfig, c: CommandOf<'issueTicket'>): Result<EventBody, CommandError> {
  const service = branch.services.find((s) => s.id === c.serviceId)
  if (service === undefined) {
    return err(commandError('unknownService', `Unknown service '${c.serviceId}'`, { field: 'serviceId' }))
  }
  const cls = c.priorityClassId === null ? null : findPriorityClass(branch, c.priorityClassId)
  if (cls === undefined) {
    return err(
      commandError('unknownPriorityClass', `Unknown priority class '${c.priorityClassId}'`, {
        field: 'priorityClassId',
      }),
    )
  }
  const establishment = cls === null ? null : establishmentOf(cls)
  // The booking check-in issues with the class and the slot; a tap without a slot is refused.
  if (establishment === 'booking' && c.appointmentAt === null) {
    return err(
      commandError(
        'bookingRequired',
        `Priority class '${c.priorityClassId}' is for appointments: check in with the booking code`,
        {
          field: 'priorityClassId',
        },
      ),
    )
  }
  // A class staff or a card reader must confirm is recorded as a claim (`claimedAtIssue`).
  const claimed = cls !== null && claimedAtIssue(cls)
  const number = formatTicketNumber(service.prefix, (state.numbers[service.prefix] ?? 0) + 1)
  return ok({
    type: 'ticketIssued',
    ticketId: ticketId(ticketIdFor(state.day ?? '', number)),
    number,
    issueSeq: state.issued + 1,
    serviceId: c.serviceId,
    priorityClassId: claimed ? null : c.priorityClassId,
    language: c.language,
    appointmentAt: c.appointmentAt,
    ...(c.appointmentAt === null || c.appointmentGraceSec === undefined
      ? {}
      : { appointmentGraceSec: c.appointmentGraceSec }),
    estimate: c.estimate,
    ...journaledPredictors(c.predictorsSaid),
    ...(claimed ? { priorityClaim: cls.id } : {}),
    ...(claimed && c.kiosk !== undefined ? { claimKiosk: c.kiosk } : {}),
  })
}

function call(
  state: QueueState,
  branch: BranchConfig,
  c: CommandOf<'callNext' | 'callSpecific'>,
  now: number,
): Result<EventBody, CommandError> {
  const found = requireCounter(state, branch, c.counterId)
  if (!found.ok) return found
  const { config, live } = found.value
  const idle = requireIdle(live, config.number)
  if (!idle.ok) return idle
  const policyPick = nextTicket(state, branch, c.counterId, now)
  if (c.type === 'callNext') {
    if (policyPick === null) {
      return err(commandError('nothingWaiting', `Nobody is waiting for the services of counter ${config.number}`))
    }
    return ok({
      type: 'ticketCalled',
      ticketId: policyPick.id,
      counterId: c.counterId,
      staffId: live.staffId,
      outOfOrder: null,
    })
  }
  const reason = c.reason.trim()
  if (reason === '') {
    return err(commandError('reasonRequired', 'Calling a ticket out of turn needs a reason', { field: 'reason' }))
  }
  const t = requireTicket(state, c.ticketId)
  if (!t.ok) return t
  const ticket = t.value
  if (ticket.status !== 'waiting') {
    return err(
      commandError('ticketNotWaiting', `Ticket ${ticket.number} is ${ticket.status}, not waiting`, {
        found: ticket.status,
      }),
    )
  }
  if (!mayCall(config, ticket)) {
    return err(
      commandError('serviceNotAtCounter', `Counter ${config.number} may not call ticket ${ticket.number}`, {
        field: 'ticketId',
      }),
    )
  }
  const inOrder = policyPick !== null && policyPick.id === ticket.id
  return ok({
    type: 'ticketCalled',
    ticketId: ticket.id,
    counterId: c.counterId,
    staffId: live.staffId,
    outOfOrder: inOrder ? null : { reason, skipped: policyPick?.id ?? null },
  })
}

function atCounter(
  state: QueueState,
  branch: BranchConfig,
  c: CommandOf<'recall' | 'startService' | 'completeService' | 'addTransaction' | 'markNoShow' | 'park'>,
  now: number,
): Result<EventBody, CommandError> {
  const found = requireCounter(state, branch, c.counterId)
  if (!found.ok) return found
  const { config, live } = found.value
  const n = config.number
  switch (c.type) {
    case 'recall': {
      const t = requireTicketAt(state, live, n, ['calling'])
      if (!t.ok) return t
      // The rule customers are told is "called recallsBeforeNoShow + 1 times, then a no-show":
      // a further recall would announce a call the rule does not have ("Call 4 of 3").
      const recalls = currentVisit(t.value)?.recalls ?? 0
      const allowed = branch.policy.recallsBeforeNoShow
      if (recalls >= allowed) {
        return err(
          commandError(
            'recallsUsedUp',
            `${t.value.number} has been recalled ${recalls} time(s), all the policy allows: mark a no-show instead`,
          ),
        )
      }
      const early = tooSoon(t.value, branch, now, 'recalling')
      return early ?? ok({ type: 'ticketRecalled', ticketId: t.value.id, counterId: c.counterId })
    }
    case 'startService': {
      const t = requireTicketAt(state, live, n, ['calling'])
      return t.ok ? ok({ type: 'serviceStarted', ticketId: t.value.id, counterId: c.counterId }) : t
    }
    case 'completeService': {
      const t = requireTicketAt(state, live, n, ['serving'])
      if (!t.ok) return t
      if (c.completedServiceId !== null && !branch.services.some((s) => s.id === c.completedServiceId)) {
        return err(
          commandError('unknownService', `Unknown service '${c.completedServiceId}'`, { field: 'completedServiceId' }),
        )
      }
      return ok({
        type: 'serviceCompleted',
        ticketId: t.value.id,
        counterId: c.counterId,
        completedServiceId: c.completedServiceId,
      })
    }
    case 'addTransaction': {
      const t = requireTicketAt(state, live, n, ['serving'])
      if (!t.ok) return t
      if (!branch.services.some((s) => s.id === c.serviceId)) {
        return err(commandError('unknownService', `Unknown service '${c.serviceId}'`, { field: 'serviceId' }))
      }
      if (!Number.isInteger(c.quantity) || c.quantity < 1 || c.quantity > MAX_QUANTITY) {
        return err(
          commandError('invalidQuantity', `A quantity is a whole number from 1 to ${MAX_QUANTITY}, not ${c.quantity}`, {
            field: 'quantity',
          }),
        )
      }
      return ok({
        type: 'transactionAdded',
        ticketId: t.value.id,
        counterId: c.counterId,
        serviceId: c.serviceId,
        quantity: c.quantity,
      })
    }
    case 'markNoShow': {
      const t = requireTicketAt(state, live, n, ['calling'])
      if (!t.ok) return t
      const recalls = currentVisit(t.value)?.recalls ?? 0
      const needed = branch.policy.recallsBeforeNoShow
      if (recalls < needed) {
        return err(
          commandError(
            'recallsRequired',
            `Recall ${t.value.number} ${needed - recalls} more time(s) before marking a no-show`,
          ),
        )
      }
      const early = tooSoon(t.value, branch, now, 'marking a no-show')
      if (early !== null) return early
      return ok({ type: 'ticketNoShow', ticketId: t.value.id, counterId: c.counterId })
    }
    case 'park': {
      const t = requireTicketAt(state, live, n, ['calling', 'serving'])
      return t.ok ? ok({ type: 'ticketParked', ticketId: t.value.id, counterId: c.counterId }) : t
    }
  }
}

function rejoin(
  state: QueueState,
  branch: BranchConfig,
  c: CommandOf<'rejoin'>,
  now: number,
): Result<EventBody, CommandError> {
  const t = requireTicket(state, c.ticketId)
  if (!t.ok) return t
  const ticket = t.value
  // A ticket already finished gets its own answer: "already served" or "cancelled" tells the
  // customer at the kiosk what happened, where "not missed" would read as "not found".
  if (ticket.status === 'done' && ticket.outcome === 'served') {
    return err(
      commandError('ticketAlreadyServed', `Ticket ${ticket.number} was already served; it cannot re-join`, {
        field: 'ticketId',
        found: ticket.status,
      }),
    )
  }
  if (ticket.status === 'done' && ticket.outcome === 'cancelled') {
    return err(
      commandError('ticketAlreadyCancelled', `Ticket ${ticket.number} was cancelled; it cannot re-join`, {
        field: 'ticketId',
        found: ticket.status,
      }),
    )
  }
  if (ticket.status !== 'noShow' || ticket.missedAt === null) {
    return err(
      commandError('ticketNotMissed', `Ticket ${ticket.number} is ${ticket.status}; only a missed ticket re-joins`, {
        found: ticket.status,
      }),
    )
  }
  const graceMs = branch.policy.noShowGraceSec * 1000
  if (now - ticket.missedAt > graceMs) {
    return err(
      commandError(
        'graceExpired',
        `Ticket ${ticket.number} missed its call more than ${Math.round(graceMs / 60000)} minutes ago`,
      ),
    )
  }
  const place = rejoinPlace(state, branch, ticket, now)
  return ok({ type: 'ticketRejoined', ticketId: ticket.id, queuedAt: place.queuedAt, tiebreak: place.tiebreak })
}

function transfer(state: QueueState, branch: BranchConfig, c: CommandOf<'transfer'>): Result<EventBody, CommandError> {
  const t = requireTicket(state, c.ticketId)
  if (!t.ok) return t
  const ticket = t.value
  // A transfer picked from the waiting list says so: a call that got there first wins, and the
  // customer is not pulled away from the counter they are walking to (see `cancel`). A teller
  // sending their own customer on names no state: nobody else moves the customer at their counter.
  if (c.seenStatus === 'waiting' && ticket.status !== 'waiting') {
    if (ticket.status === 'called' || ticket.status === 'serving') return alreadyCalled(branch, ticket, 'transferred')
    return err(
      commandError('ticketNotWaiting', `Ticket ${ticket.number} is ${ticket.status}, not waiting`, {
        found: ticket.status,
      }),
    )
  }
  if (ticket.status !== 'waiting' && ticket.status !== 'called' && ticket.status !== 'serving') {
    return err(
      commandError(
        'ticketNotWaiting',
        `Ticket ${ticket.number} is ${ticket.status}; only a waiting or current ticket transfers`,
        {
          found: ticket.status,
        },
      ),
    )
  }
  if (c.toServiceId === null && c.toCounterId === null) {
    return err(
      commandError('invalidTransfer', 'A transfer needs a service or a counter to go to', { field: 'toServiceId' }),
    )
  }
  if (c.toServiceId !== null && !branch.services.some((s) => s.id === c.toServiceId)) {
    return err(commandError('unknownService', `Unknown service '${c.toServiceId}'`, { field: 'toServiceId' }))
  }
  if (c.toCounterId !== null && !branch.counters.some((k) => k.id === c.toCounterId)) {
    return err(commandError('unknownCounter', `Unknown counter '${c.toCounterId}'`, { field: 'toCounterId' }))
  }
  if (c.toCounterId !== null && (own(state.counters, c.toCounterId)?.status ?? 'closed') === 'closed') {
    // Only that counter could call the customer: sending them to a closed one strands them.
    return err(
      commandError('counterClosed', `Counter '${c.toCounterId}' is closed`, { field: 'toCounterId', found: 'closed' }),
    )
  }
  const toServiceId = c.toServiceId ?? ticket.serviceId
  const fromCounterId = ticket.status === 'waiting' ? null : ticket.counterId
  if (toServiceId === ticket.serviceId && (c.toCounterId === null || c.toCounterId === fromCounterId)) {
    return err(commandError('invalidTransfer', `Ticket ${ticket.number} is already there`, { field: 'toServiceId' }))
  }
  return ok({ type: 'ticketTransferred', ticketId: ticket.id, fromCounterId, toServiceId, toCounterId: c.toCounterId })
}

/**
 * A cancel ends a customer's wait in the lobby (waiting, or parked aside); it never lands on a
 * customer at a counter. A cancel is decided from a list the sender saw a moment earlier: the
 * manager's waiting list, a teller told "I'm leaving". Between that look and the click a teller
 * may call the customer, and a cancel then would free the counter behind the teller's back while
 * the lobby display still sends the customer there. So, as a bank queue system does, a called or
 * served customer is the counter's to finish — served, or a no-show after the recalls — and a
 * manager who must end it takes the counter over (logged). Refused whoever sends it, so no
 * client can skip the rule. (Older journals hold cancels at a counter; `applyEvent` still
 * replays them.)
 */
function cancel(state: QueueState, branch: BranchConfig, c: CommandOf<'cancel'>): Result<EventBody, CommandError> {
  const t = requireTicket(state, c.ticketId)
  if (!t.ok) return t
  const ticket = t.value
  if (ticket.status === 'done') {
    return err(commandError('ticketFinished', `Ticket ${ticket.number} is already finished`, { found: 'done' }))
  }
  if (ticket.status === 'called' || ticket.status === 'serving') return alreadyCalled(branch, ticket, 'cancelled')
  return ok({ type: 'ticketCancelled', ticketId: c.ticketId })
}

/** The refusal of a lobby action that a call overtook: where the customer is now, and who ends it. */
function alreadyCalled(
  branch: BranchConfig,
  ticket: Ticket,
  what: 'cancelled' | 'transferred',
): Result<never, CommandError> {
  const n = branch.counters.find((k) => k.id === ticket.counterId)?.number ?? ticket.counterId ?? '?'
  return err(
    commandError(
      'ticketAlreadyCalled',
      `Ticket ${ticket.number} has been called to counter ${n} and can no longer be ${what} from the waiting list; the counter ends the visit`,
      { found: ticket.status },
    ),
  )
}

/** The event's `predictorsSaid`: left out when none was given, or what was given cannot be journaled. */
function journaledPredictors(values: readonly number[] | null | undefined): {
  predictorsSaid?: readonly number[] | null
} {
  const kept = values === undefined ? undefined : journalablePredictors(values)
  return kept === undefined ? {} : { predictorsSaid: kept }
}
