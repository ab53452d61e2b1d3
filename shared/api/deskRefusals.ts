import { COMMAND_ERROR_CODES } from '../queue/errors'

/**
 * Why the hub refuses a command from a counter beyond the engine's own reasons: the command's
 * access (a counter or ticket of another teller, a role that may not), the session, the request
 * itself, the disk, the rate limit, a failure of the hub.
 */
export const ACCESS_REFUSALS = ['otherCounter', 'otherTeller', 'forbidden'] as const
export type AccessRefusal = (typeof ACCESS_REFUSALS)[number]

/**
 * Every refusal `code` a counter screen can be answered (`ApiError.code`): the engine's, the
 * access checks', and those of any request (`invalidRequest`, `unauthenticated`, the disk's,
 * `rateLimited`, `internal` for a failure). The counter words each in the teller's language
 * (`counter.errors.<code>`; `test/renderer/dom/deskRefusalWords.test.ts` fails for one without words),
 * so none reaches a teller in the hub's English.
 */
export const DESK_REFUSALS = [
  ...COMMAND_ERROR_CODES,
  ...ACCESS_REFUSALS,
  'unauthenticated',
  'invalidRequest',
  'idempotencyKeyReused',
  'diskFull',
  'diskFailed',
  'journalBroken',
  'rateLimited',
  'internal',
] as const
export type DeskRefusal = (typeof DESK_REFUSALS)[number]

/** Whether `code` is one the counter screen words itself. */
export function isDeskRefusal(code: string): code is DeskRefusal {
  return (DESK_REFUSALS as readonly string[]).includes(code)
}
