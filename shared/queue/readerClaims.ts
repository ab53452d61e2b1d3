import { establishmentOf, findPriorityClass, type BranchConfig } from '../domain/branch'
import type { QueueState } from './state'
import type { Ticket } from './ticket'

/** How long a kiosk's ticket waits for its customer's card read (ms); a later read confirms nothing. */
export const CARD_READ_WINDOW_MS = 3 * 60_000

/**
 * The open tickets a card read at a kiosk's reader may confirm, newest first: a claim for a
 * class the branch establishes by reader, taken at that kiosk (any kiosk for null) within
 * `CARD_READ_WINDOW_MS` of `now`. Read from the state alone — the claim and its kiosk are
 * journaled with the ticket — so a hub restarted in between answers the same.
 *
 * @example
 * readerClaimsAt(state, branch, 'Lobby kiosk', issuedAt + 60_000)
 * //=> [the vip claim taken at 'Lobby kiosk' a minute ago]
 */
export function readerClaimsAt(
  state: QueueState,
  branch: BranchConfig,
  kiosk: string | null,
  now: number,
): readonly Ticket[] {
  return state.open
    .filter((t) => {
      if (t.priorityClaim === null || now - t.issuedAt > CARD_READ_WINDOW_MS) return false
      if (kiosk !== null && t.claimKiosk !== kiosk) return false
      const cls = findPriorityClass(branch, t.priorityClaim)
      return cls !== undefined && establishmentOf(cls) === 'idReader'
    })
    .sort((a, b) => b.issuedAt - a.issuedAt || b.seq - a.seq)
}
