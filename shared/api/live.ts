import { Type, type Static } from 'typebox'
import type { QueueEvent } from '../queue/events'
import type { EstimatesView, QueueSnapshot } from './views'

/**
 * The live channel (`/api/v1/live`, WebSocket). A terminal says hello with its token, the last
 * seq it has folded and the hub journal that seq is in; the hub answers with `resumed` (its
 * journal id) and the events it missed when that position is in its own history, or else a
 * snapshot (another journal after a power cut, another day, a seq ahead of the hub's), then
 * pushes every event as it is committed.
 * Terminals fold events with the same `applyEvent` the hub uses, so they never disagree.
 */

export const LiveHelloSchema = Type.Object(
  {
    type: Type.Literal('hello'),
    token: Type.Union([Type.String({ maxLength: 200 }), Type.Null()]),
    /** The last seq this terminal folded; null for a fresh start. */
    lastSeq: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()]),
    /**
     * The hub journal that seq is in (the snapshot's or the last `resumed` message's `journal`).
     * Seqs are reused after a power cut that cost the journal its last events, so a seq without
     * the journal it came from (or with another) is answered with a snapshot.
     */
    journal: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
  },
  { additionalProperties: false },
)
export type LiveHello = Static<typeof LiveHelloSchema>

/** What the hub pushes. `devices` carries hardware status for kiosks and managers. */
export type LiveMessage =
  | { readonly type: 'snapshot'; readonly snapshot: QueueSnapshot }
  /** The hello's position is in this hub's history: the events after it follow, under `journal`. */
  | { readonly type: 'resumed'; readonly journal: string }
  | { readonly type: 'event'; readonly event: QueueEvent }
  | { readonly type: 'estimates'; readonly estimates: ShownEstimates }
  | { readonly type: 'devices'; readonly devices: readonly DeviceStatusView[] }
  | { readonly type: 'error'; readonly code: string; readonly message: string }
  /** Every 15 s: the channel is alive (a terminal that hears nothing for 45 s reconnects). */
  | { readonly type: 'tick'; readonly serverNow: number }

/**
 * What terminals are pushed of the estimates: what customers are shown (the full figures are
 * in the snapshot and the status page). Pushed only when it changes.
 */
export type ShownEstimates = Pick<EstimatesView, 'seq' | 'shown'>

/** One lobby device as the manager and kiosk see it. */
export interface DeviceStatusView {
  readonly id: string
  readonly role: string
  readonly label: string
  readonly state: 'connected' | 'error' | 'disconnected'
  /**
   * What is wrong, as a code the manager's screen translates (a hardware `DeviceProblemCode`
   * such as `cannotOpen`, or a display's `noVoice`); null when nothing is.
   */
  readonly problem: string | null
  /** The operating system's or device's own words about it (English), shown on request. */
  readonly detail: string | null
  /** Printers: paper status when known. */
  readonly paper: 'ok' | 'nearEnd' | 'out' | null
  readonly since: number
}

/**
 * A phone's live view of one ticket: Server-Sent Events on the status link's key (public, and
 * scoped to that one ticket as the link is), each message a `TicketStatusView` sent when what the
 * phone would show changes. The page's `ticketStatus` request answers the same view once.
 *
 * @example
 * ticketStatusStreamPath('20261124-A001', 'k3yk3yk3y') //=> '/api/v1/tickets/20261124-A001/status/stream?k=k3yk3yk3y'
 */
export const TICKET_STATUS_STREAM = '/api/v1/tickets/:ticketId/status/stream'
export function ticketStatusStreamPath(ticketId: string, key: string): string {
  return `/api/v1/tickets/${encodeURIComponent(ticketId)}/status/stream?k=${encodeURIComponent(key)}`
}
