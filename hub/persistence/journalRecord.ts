import type { CounterId, StaffId } from '../../shared/domain/ids'
import type { QueueEvent } from '../../shared/queue/events'

/** Who caused an event: kept in the journal for the audit trail and the reports. */
export type Actor =
  | { readonly kind: 'staff'; readonly staffId: StaffId; readonly counterId: CounterId | null }
  | { readonly kind: 'device'; readonly deviceId: string }
  | { readonly kind: 'system'; readonly reason: string }

/** One journal line: the event and what the hub knows about its cause. */
export interface JournalRecord {
  readonly e: QueueEvent
  readonly m: {
    readonly actor: Actor
    /** The idempotency key of the request that issued a ticket, so a retry finds it after a restart. */
    readonly key?: string
  }
}
