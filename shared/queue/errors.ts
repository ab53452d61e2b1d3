import type { CounterStatus } from './counterState'
import type { TicketStatus } from './ticket'

/**
 * Why the engine refused a command. The hub maps each code to an HTTP status and shows the
 * message; `field` names the part of the command at fault, when one is. The counter screen words
 * each code in the teller's language (`shared/api/deskRefusals.ts`).
 */
export const COMMAND_ERROR_CODES = [
  'dayNotOpen',
  'dayAlreadyOpen',
  'dayAlreadyClosed',
  'invalidDate',
  'unknownService',
  'unknownCounter',
  'unknownTicket',
  'unknownPriorityClass',
  'bookingRequired',
  'priorityUnchanged',
  'noReaderClaim',
  'unknownDelay',
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
  'serviceNotAtCounter',
  'reasonRequired',
  'recallsRequired',
  'recallsUsedUp',
  'callTooRecent',
  'graceExpired',
  'invalidTransfer',
  'invalidRating',
  'invalidQuantity',
  'alreadyRated',
] as const
export type CommandErrorCode = (typeof COMMAND_ERROR_CODES)[number]

export interface CommandError {
  readonly code: CommandErrorCode
  readonly message: string
  readonly field?: string
  /** The state found, for errors about a state (e.g. counter 'closed'). */
  readonly found?: CounterStatus | TicketStatus
}

export function commandError(
  code: CommandErrorCode,
  message: string,
  extra: { field?: string; found?: CounterStatus | TicketStatus } = {},
): CommandError {
  return { code, message, ...extra }
}
