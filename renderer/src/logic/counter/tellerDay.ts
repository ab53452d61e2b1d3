import type { BranchConfig } from '../../../../shared/domain/branch'
import type { StaffId } from '../../../../shared/domain/ids'
import type { QueueState } from '../../../../shared/queue/state'
import { transactionsOf } from '../../../../shared/reports/ticketTimes'
import { tellerDay as tellerDayOf, type TellerDay } from '../../../../shared/reports/tellerDay'

export type { TellerDay }

/**
 * The teller's day over today's tickets (open and finished: a customer transferred on is still
 * a transaction), by the report's own rows and definition (`shared/reports/tellerDay`), so the
 * counter's figures are the ones the manager reads tonight.
 */
export function tellerDay(state: QueueState, branch: BranchConfig, staffId: StaffId): TellerDay {
  return tellerDayOf(transactionsOf([...state.done, ...state.open], branch), staffId)
}
