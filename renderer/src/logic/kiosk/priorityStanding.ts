import type { TicketReceipt } from '../../../../shared/api/views'
import type { BranchConfig, PriorityClassConfig } from '../../../../shared/domain/branch'
import { priorityStanding, type PriorityStanding } from '../../../../shared/queue/priorityStanding'
import type { Ticket } from '../../../../shared/queue/ticket'

/**
 * What the kiosk's ticket says about its priority class, from the engine's standing
 * (`shared/queue/priorityStanding`, worded as on the paper by `priorityFact`) and what to do
 * next at this kiosk:
 * - `declared`: the customer said so (printed, and shown to the teller, who may change it);
 * - `confirmed`: staff, the card reader or a booking established it;
 * - `awaitingStaff` / `awaitingReader`: asked for, not yet confirmed — the ticket waits as
 *   ordinary; `awaitingNoReader` when the class is established by reader and this kiosk has none
 *   (the customer shows the card to the teller instead).
 */
export interface KioskPriority {
  readonly kind: 'declared' | 'confirmed' | 'awaitingStaff' | 'awaitingReader' | 'awaitingNoReader'
  readonly cls: PriorityClassConfig
  readonly standing: PriorityStanding
}

/**
 * The ticket's standing from the live ticket when the kiosk has it (a confirmation arrives as an
 * event), otherwise from the receipt. Null for an ordinary ticket.
 *
 * @example
 * kioskPriority(branch, { priorityClassId: null, priorityClaim: 'vip' }, undefined, true) //=> { kind: 'awaitingStaff', cls }
 */
export function kioskPriority(
  branch: BranchConfig,
  receipt: Pick<TicketReceipt, 'priorityClassId' | 'priorityClaim'>,
  live: Pick<Ticket, 'priorityClassId' | 'priorityClaim' | 'priorityBy' | 'appointmentAt'> | undefined,
  hasReader: boolean,
): KioskPriority | null {
  const s = priorityStanding(live ?? { ...receipt, priorityBy: null, appointmentAt: null }, branch)
  if (s === null) return null
  if (s.kind === 'pending') {
    const kind = s.awaiting === 'staff' ? 'awaitingStaff' : hasReader ? 'awaitingReader' : 'awaitingNoReader'
    return { kind, cls: s.cls, standing: s }
  }
  return { kind: s.by === 'declared' ? 'declared' : 'confirmed', cls: s.cls, standing: s }
}

/**
 * Whether this kiosk has a card reader: one configured for it by its paired name, or one for
 * any kiosk.
 *
 * @example
 * kioskHasReader(['Lobby kiosk'], 'Lobby kiosk') //=> true
 * kioskHasReader([], 'Lobby kiosk') //=> false
 */
export function kioskHasReader(cardReaders: readonly (string | null)[], kioskName: string | null): boolean {
  return cardReaders.some((k) => k === null || k === kioskName)
}
