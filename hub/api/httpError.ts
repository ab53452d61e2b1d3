import { HttpError } from '../../server/httpError'
import type { CommandError, CommandErrorCode } from '../../shared/queue/errors'

export { HttpError }

/**
 * What kind of refusal each engine code is, and so its HTTP status (README, "Refusals"):
 * `badInput` 400, `notNow` 409 (the state does not allow it now), `unknownThing` 404 when the
 * thing is named in the path and 422 when named in the body. A `Record`, so a code added to
 * `COMMAND_ERROR_CODES` without a kind here does not compile.
 */
export const COMMAND_ERROR_KINDS: Readonly<Record<CommandErrorCode, 'badInput' | 'notNow' | 'unknownThing'>> = {
  dayNotOpen: 'notNow',
  dayAlreadyOpen: 'notNow',
  dayAlreadyClosed: 'notNow',
  invalidDate: 'badInput',
  unknownService: 'unknownThing',
  unknownCounter: 'unknownThing',
  unknownTicket: 'unknownThing',
  unknownPriorityClass: 'unknownThing',
  bookingRequired: 'badInput',
  priorityUnchanged: 'badInput',
  noReaderClaim: 'notNow',
  unknownDelay: 'unknownThing',
  duplicateDelay: 'notNow',
  counterClosed: 'notNow',
  counterNotOpen: 'notNow',
  counterPaused: 'notNow',
  counterBusy: 'notNow',
  counterNotCalling: 'notNow',
  counterNotServing: 'notNow',
  counterNotPaused: 'notNow',
  counterAlreadyOpen: 'notNow',
  counterHasCustomers: 'notNow',
  staffAtOtherCounter: 'notNow',
  nothingWaiting: 'notNow',
  ticketNotWaiting: 'notNow',
  ticketAlreadyCalled: 'notNow',
  ticketNotMissed: 'notNow',
  ticketAlreadyServed: 'notNow',
  ticketAlreadyCancelled: 'notNow',
  ticketNotParked: 'notNow',
  ticketFinished: 'notNow',
  ticketNotServed: 'notNow',
  serviceNotAtCounter: 'badInput',
  reasonRequired: 'badInput',
  recallsRequired: 'notNow',
  recallsUsedUp: 'notNow',
  callTooRecent: 'notNow',
  graceExpired: 'notNow',
  invalidTransfer: 'badInput',
  invalidRating: 'badInput',
  invalidQuantity: 'badInput',
  alreadyRated: 'notNow',
}

/** The HTTP answer to an engine refusal, with the status of its kind (`COMMAND_ERROR_KINDS`). */
export function fromCommandError(e: CommandError, pathParams: readonly string[]): HttpError {
  const inPath = e.field !== undefined && pathParams.includes(e.field)
  const kind = COMMAND_ERROR_KINDS[e.code]
  const status = kind === 'badInput' ? 400 : kind === 'notNow' ? 409 : inPath ? 404 : 422
  const field = e.field === undefined ? undefined : `${inPath ? 'params' : 'body'}.${e.field}`
  return new HttpError(status, e.code, e.message, field)
}
