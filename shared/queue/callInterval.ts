import { DEFAULT_RECALL_INTERVAL_SEC, type BranchConfig, type QueuePolicy } from '../domain/branch'
import { err, type Result } from '../util/result'
import { commandError, type CommandError } from './errors'
import { currentVisit, type Ticket, type Visit } from './ticket'

/**
 * When the teller may next recall the customer of a call, or mark them no-show (epoch ms): the
 * last call plus the branch's recall interval, so a customer always has that long to come.
 * The engine refuses earlier attempts (`callTooRecent`); the counter screen counts down to it.
 *
 * @example
 * nextCallAllowedAt({ lastCalledAt: 1_000 }, { recallIntervalSec: 20 }) //=> 21_000
 */
export function nextCallAllowedAt(
  visit: Pick<Visit, 'lastCalledAt'>,
  policy: Pick<QueuePolicy, 'recallIntervalSec'>,
): number {
  return visit.lastCalledAt + (policy.recallIntervalSec ?? DEFAULT_RECALL_INTERVAL_SEC) * 1000
}

/**
 * Whole seconds left until `nextCallAllowedAt`, 0 once it is reached.
 *
 * @example
 * secondsUntilNextCall({ lastCalledAt: 0 }, { recallIntervalSec: 20 }, 5_500) //=> 15
 */
export function secondsUntilNextCall(
  visit: Pick<Visit, 'lastCalledAt'>,
  policy: Pick<QueuePolicy, 'recallIntervalSec'>,
  now: number,
): number {
  return Math.max(0, Math.ceil((nextCallAllowedAt(visit, policy) - now) / 1000))
}

/**
 * The engine's refusal of a recall or no-show before the customer has had the declared time to
 * come since the last call, or null when it is allowed.
 */
export function tooSoon(
  ticket: Ticket,
  branch: BranchConfig,
  now: number,
  doing: string,
): Result<never, CommandError> | null {
  const visit = currentVisit(ticket)
  if (visit === undefined) return null
  const left = secondsUntilNextCall(visit, branch.policy, now)
  if (left === 0) return null
  return err(
    commandError(
      'callTooRecent',
      `${ticket.number} was called less than ${branch.policy.recallIntervalSec ?? DEFAULT_RECALL_INTERVAL_SEC} s ago: wait ${left} s before ${doing}`,
    ),
  )
}
