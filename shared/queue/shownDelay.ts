import type { DelayId } from '../domain/ids'
import { own } from '../util/own'
import type { EventOf, QueueEvent } from './events'
import type { QueueState } from './state'

/**
 * The announcement of a delay explanation still shown in the lobby, among the day's events; null
 * when that explanation is not shown now (never posted, cleared, or ended with the day). A tap
 * that would post it again is answered with this event instead (a retried or repeated tap).
 *
 * @example
 * shownDelay(state, events, delayId('teller:complexBusiness:c1'))?.type //=> 'delayAnnounced'
 */
export function shownDelay(
  state: QueueState,
  events: readonly QueueEvent[],
  id: DelayId,
): EventOf<'delayAnnounced'> | null {
  if (own(state.delays, id)?.endedAt !== null) return null
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i] as QueueEvent
    if (e.type === 'delayAnnounced' && e.delayId === id) return e
  }
  return null
}
