import type { CounterId, DelayId, ServiceId } from '../domain/ids'
import type { LocalizedText } from '../domain/text'

/** What a delay explanation is about: the branch, one service, or one counter. */
export type DelayScope =
  | { readonly kind: 'branch' }
  | { readonly kind: 'service'; readonly serviceId: ServiceId }
  | { readonly kind: 'counter'; readonly counterId: CounterId }

/** Where an explanation came from: posted by a person, or detected by the hub. */
export type DelaySource = 'manager' | 'teller' | 'automatic'

/**
 * An explanation of a delay shown in the lobby (rule 5: explained waits feel shorter). Kept
 * with start and end for the daily report.
 */
export interface Delay {
  readonly id: DelayId
  readonly scope: DelayScope
  readonly source: DelaySource
  /** A machine-readable kind ('counterPaused', 'longTransaction', 'manager' ...). */
  readonly kind: string
  readonly message: LocalizedText
  readonly startedAt: number
  readonly endedAt: number | null
}
