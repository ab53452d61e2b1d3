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
 * (`counter.errors.<code>`; `test/renderer/dom/refusalWords.test.ts` fails for one without words),
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

/**
 * The refusals of the report routes (`hub/api/routes/reportRoutes.ts`) beyond any request's: a
 * day with no journal, a range the wrong way round, a what-if too slow or invalid, feedback
 * without text, for an unknown ticket, a reply without text, to unknown feedback or to feedback
 * already answered. `refusalWords.test.ts` fails for a code those routes answer that is not here.
 */
export const REPORT_REFUSALS = [
  'noSuchDay',
  'invalidRange',
  'scenarioTooSlow',
  'invalidScenario',
  'textRequired',
  'unknownTicket',
  'resolutionRequired',
  'unknownFeedback',
  'feedbackResolved',
] as const

/**
 * Every refusal the manager's screen can be answered for what the manager does there (a
 * counter's pause, resume, close or explanation; a ticket's cancel, transfer or re-join; the
 * delays; closing the day; pairing and revoking terminals; the day's bookings; the reports,
 * the what-if and the feedback): a counter's commands' (the same commands), revoking a
 * terminal's and the report routes'. Worded in `manager.errors.<code>`.
 */
export const MANAGER_REFUSALS = [
  ...new Set([...DESK_REFUSALS, 'terminalRevoked', 'unknownTerminal', ...REPORT_REFUSALS] as const),
]
export type ManagerRefusal = (typeof MANAGER_REFUSALS)[number]

/**
 * Every refusal of a sign-in, at a counter or on the manager's screen (`authRoutes.ts`): a
 * wrong id or PIN (or one malformed), a counter a colleague holds, a teller on the manager's
 * screen or a manager at a counter's, an unknown counter, a lock-out or too many tries, the
 * disk keeping the sessions, a failure. Worded in `signIn.errors.<code>`.
 */
export const SIGN_IN_REFUSALS = [
  'wrongPin',
  'invalidRequest',
  'counterHeld',
  'counterRequired',
  'managerNotAtCounter',
  'unknownCounter',
  'lockedOut',
  'rateLimited',
  'diskFull',
  'diskFailed',
  'internal',
] as const
export type SignInRefusal = (typeof SIGN_IN_REFUSALS)[number]

/**
 * Every refusal of a sign-in at headquarters (`hq/api/routes/adminRoutes.ts`, the HQ server's
 * own limits): an unknown user or wrong password, a request HQ cannot read, too many tries, a
 * failure. Worded in `hq.signIn.errors.<code>`.
 */
export const HQ_SIGN_IN_REFUSALS = ['wrongPassword', 'invalidRequest', 'rateLimited', 'internal'] as const
export type HqSignInRefusal = (typeof HQ_SIGN_IN_REFUSALS)[number]

/** Whether `code` is one the counter screen words itself. */
export function isDeskRefusal(code: string): code is DeskRefusal {
  return (DESK_REFUSALS as readonly string[]).includes(code)
}
