import { HttpError } from '../../server/httpError'
import type { CommandError, CommandErrorCode } from '../../shared/queue/errors'

export { HttpError }

const CONFLICT: readonly CommandErrorCode[] = [
  'dayNotOpen',
  'dayAlreadyOpen',
  'dayAlreadyClosed',
  'duplicateDelay',
  'counterClosed',
  'counterNotOpen',
  'counterPaused',
  'counterBusy',
  'counterNotCalling',
  'counterNotServing',
  'counterNotPaused',
  'counterAlreadyOpen',
  'counterHasCustomers',
  'staffAtOtherCounter',
  'nothingWaiting',
  'ticketNotWaiting',
  'ticketAlreadyCalled',
  'ticketNotMissed',
  'ticketAlreadyServed',
  'ticketAlreadyCancelled',
  'ticketNotParked',
  'ticketFinished',
  'ticketNotServed',
  'recallsRequired',
  'callTooRecent',
  'graceExpired',
  'alreadyRated',
  'noReaderClaim',
]

/**
 * The HTTP answer to an engine refusal: 404 for an unknown thing named in the path, 422 for
 * an unknown thing named in the body, 409 when the state does not allow it now, 400 otherwise.
 */
export function fromCommandError(e: CommandError, pathParams: readonly string[]): HttpError {
  const inPath = e.field !== undefined && pathParams.includes(e.field)
  const status = e.code.startsWith('unknown') ? (inPath ? 404 : 422) : CONFLICT.includes(e.code) ? 409 : 400
  const field = e.field === undefined ? undefined : `${inPath ? 'params' : 'body'}.${e.field}`
  return new HttpError(status, e.code, e.message, field)
}
