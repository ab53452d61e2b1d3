import { establishmentOf, findPriorityClass, type BranchConfig } from '../domain/branch'
import { err, ok, type Result } from '../util/result'
import type { CommandOf } from './commands'
import { commandError, type CommandError } from './errors'
import type { EventBody } from './events'
import { requireTicket } from './lookup'
import type { QueueState } from './state'

/** The longest reason a priority change may give (it is journaled and shown to the manager). */
export const PRIORITY_REASON_MAX = 200

/**
 * Staff confirm a claim, set a class, or take one away, always with a reason that is journaled
 * with the class it replaced and who set it. Refused for a finished ticket, an unknown class, an
 * empty reason, and a change that changes nothing. A card reader does one thing only: it
 * confirms a pending claim for a class the branch establishes by reader (`noReaderClaim`
 * otherwise), so a card read can never raise or lower anybody else.
 */
export function decidePriorityChange(
  state: QueueState,
  branch: BranchConfig,
  c: CommandOf<'changePriority'>,
): Result<EventBody, CommandError> {
  const t = requireTicket(state, c.ticketId)
  if (!t.ok) return t
  if (t.value.status === 'done') {
    return err(commandError('ticketFinished', `Ticket ${t.value.number} is already finished`, { found: 'done' }))
  }
  if (c.priorityClassId !== null && findPriorityClass(branch, c.priorityClassId) === undefined) {
    return err(
      commandError('unknownPriorityClass', `Unknown priority class '${c.priorityClassId}'`, {
        field: 'priorityClassId',
      }),
    )
  }
  const reason = c.reason.trim()
  if (reason.length === 0 || reason.length > PRIORITY_REASON_MAX) {
    return err(
      commandError('reasonRequired', `A priority change needs a reason of 1 to ${PRIORITY_REASON_MAX} characters`, {
        field: 'reason',
      }),
    )
  }
  if (c.priorityClassId === t.value.priorityClassId && t.value.priorityClaim === null) {
    return err(
      commandError('priorityUnchanged', `Ticket ${t.value.number} already has that priority`, {
        field: 'priorityClassId',
      }),
    )
  }
  if (c.by === 'idReader') {
    const claimed = findPriorityClass(branch, t.value.priorityClaim ?? ('' as never))
    if (claimed === undefined || establishmentOf(claimed) !== 'idReader' || c.priorityClassId !== claimed.id) {
      return err(
        commandError('noReaderClaim', `Ticket ${t.value.number} is not waiting for a card read`, {
          field: 'priorityClassId',
        }),
      )
    }
  }
  return ok({
    type: 'priorityChanged',
    ticketId: c.ticketId,
    from: t.value.priorityClassId,
    to: c.priorityClassId,
    reason,
    by: c.by,
  })
}
