import type { TicketReceipt } from '../../../../shared/api/views'
import { establishmentOf, type BranchConfig, type PriorityClassConfig } from '../../../../shared/domain/branch'
import type { Ticket } from '../../../../shared/queue/ticket'

/**
 * What the ticket says about its priority class, as the engine has it now:
 * - `declared`: the customer said so (printed, and shown to the teller, who may change it);
 * - `confirmed`: staff or the card reader confirmed a claim (or a teller set the class);
 * - `awaitingStaff` / `awaitingReader`: asked for, not yet confirmed — the ticket waits as ordinary.
 */
export type PriorityStanding =
  | { readonly kind: 'declared' | 'confirmed'; readonly cls: PriorityClassConfig }
  | { readonly kind: 'awaitingStaff' | 'awaitingReader'; readonly cls: PriorityClassConfig }

/**
 * The ticket's standing from the live ticket when the kiosk has it (a confirmation arrives as an
 * event), otherwise from the receipt. Null for an ordinary ticket.
 *
 * @example
 * priorityStanding(branch, { priorityClassId: null, priorityClaim: 'vip' }, undefined) //=> { kind: 'awaitingStaff', cls }
 */
export function priorityStanding(
  branch: BranchConfig,
  receipt: Pick<TicketReceipt, 'priorityClassId' | 'priorityClaim'>,
  live: Pick<Ticket, 'priorityClassId' | 'priorityClaim'> | undefined,
): PriorityStanding | null {
  const now = live ?? receipt
  const find = (id: string | null) => (id === null ? undefined : branch.priorityClasses.find((c) => c.id === id))
  const claimed = find(now.priorityClaim)
  if (claimed !== undefined) {
    return { kind: establishmentOf(claimed) === 'idReader' ? 'awaitingReader' : 'awaitingStaff', cls: claimed }
  }
  const cls = find(now.priorityClassId)
  if (cls === undefined) return null
  const wasClaimed = receipt.priorityClaim !== null || receipt.priorityClassId !== cls.id
  return { kind: wasClaimed || establishmentOf(cls) !== 'declared' ? 'confirmed' : 'declared', cls }
}

/** The classes a customer may pick with a tap (appointment holders check in with their booking code). */
export function tappableClasses(branch: BranchConfig): readonly PriorityClassConfig[] {
  return branch.priorityClasses.filter((c) => establishmentOf(c) !== 'booking')
}
