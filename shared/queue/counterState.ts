import type { CounterId, StaffId, TicketId } from '../domain/ids'

/** closed → idle (open) → calling → serving → idle; idle ⇄ paused (with a reason). */
export type CounterStatus = 'closed' | 'idle' | 'calling' | 'serving' | 'paused'

export const PAUSE_REASONS = ['break', 'cashCount', 'systemIssue', 'meeting', 'complexBusiness', 'other'] as const
export type PauseReasonCode = (typeof PAUSE_REASONS)[number]

export interface PauseReason {
  readonly code: PauseReasonCode
  /** Free text the teller adds ("ATM refill"); shown to the manager, not to customers. */
  readonly note: string
}

export interface CounterState {
  readonly id: CounterId
  readonly status: CounterStatus
  readonly staffId: StaffId | null
  readonly ticketId: TicketId | null
  readonly pauseReason: PauseReason | null
  /** When the counter entered its current status. */
  readonly since: number
}

export function closedCounter(id: CounterId, since: number): CounterState {
  return { id, status: 'closed', staffId: null, ticketId: null, pauseReason: null, since }
}
