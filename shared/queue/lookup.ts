import type { BranchConfig, CounterConfig } from '../domain/branch'
import type { CounterId, TicketId } from '../domain/ids'
import { err, ok, type Result } from '../util/result'
import type { CounterState } from './counterState'
import { commandError, type CommandError } from './errors'
import { getCounter, getTicket, type QueueState } from './state'
import type { Ticket } from './ticket'

/** Shared checks of `decide`: each returns the thing found or the error that names it. */

export function requireDay(state: QueueState): Result<string, CommandError> {
  return state.day === null ? err(commandError('dayNotOpen', 'The business day is not open')) : ok(state.day)
}

export function requireCounter(
  state: QueueState,
  branch: BranchConfig,
  id: CounterId,
): Result<{ config: CounterConfig; live: CounterState }, CommandError> {
  const config = branch.counters.find((c) => c.id === id)
  if (config === undefined)
    return err(commandError('unknownCounter', `Unknown counter '${id}'`, { field: 'counterId' }))
  return ok({ config, live: getCounter(state, id) })
}

export function requireTicket(state: QueueState, id: TicketId): Result<Ticket, CommandError> {
  const t = getTicket(state, id)
  return t === undefined ? err(commandError('unknownTicket', `Unknown ticket '${id}'`, { field: 'ticketId' })) : ok(t)
}

/** A counter ready to call: open, not paused, not already calling or serving. */
export function requireIdle(live: CounterState, number: number): Result<CounterState, CommandError> {
  switch (live.status) {
    case 'idle':
      return ok(live)
    case 'closed':
      return err(commandError('counterClosed', `Counter ${number} is closed`, { found: live.status }))
    case 'paused':
      return err(commandError('counterPaused', `Counter ${number} is paused`, { found: live.status }))
    case 'calling':
    case 'serving':
      return err(
        commandError('counterBusy', `Counter ${number} is already ${live.status} ticket ${live.ticketId ?? ''}`, {
          found: live.status,
        }),
      )
  }
}

/** The ticket a counter is calling or serving, when its status is one of `allowed`. */
export function requireTicketAt(
  state: QueueState,
  live: CounterState,
  number: number,
  allowed: readonly ('calling' | 'serving')[],
): Result<Ticket, CommandError> {
  const status = live.status
  if ((status === 'calling' || status === 'serving') && allowed.includes(status) && live.ticketId !== null) {
    return requireTicket(state, live.ticketId)
  }
  const code = allowed.includes('serving') && !allowed.includes('calling') ? 'counterNotServing' : 'counterNotCalling'
  const want = allowed.join(' or ')
  return err(commandError(code, `Counter ${number} is ${status}, not ${want}`, { found: status }))
}
