import { onBeforeUnmount, onMounted, ref, shallowRef, watch } from 'vue'
import { ticketStatusStreamPath } from '../../../shared/api/live'
import type { TicketStatusView } from '../../../shared/api/views'
import { statusMessage } from '../api/parseOutside'
import { hubOrigin } from '../api/hub'

/**
 * One ticket's status, pushed by the hub (Server-Sent Events on the link's key): a call reaches
 * the phone as soon as the lobby display. EventSource reconnects by itself after a drop; the
 * page says when it is not live. `changed` runs with the view before and after each update
 * (before: null for the first view of a ticket).
 */
export function useTicketStatus(
  ticketId: () => string,
  key: () => string,
  changed: (before: TicketStatusView | null, after: TicketStatusView) => void,
) {
  const view = shallowRef<TicketStatusView | null>(null)
  const live = ref(false)
  const missing = ref(false)
  let source: EventSource | null = null

  /** Follows the ticket the route names: a new ticket (or key) in the link is a new stream. */
  function follow(): void {
    source?.close()
    view.value = null
    live.value = false
    missing.value = false
    const own = new EventSource(`${hubOrigin()}${ticketStatusStreamPath(ticketId(), key())}`)
    source = own
    own.onopen = () => (live.value = true)
    own.onmessage = (m: MessageEvent<string>) => {
      const next = statusMessage(m.data)
      // A message that is not a ticket status is not shown: the page says it is not live.
      if (next === null) return void (live.value = false)
      const before = view.value
      view.value = next
      missing.value = false
      live.value = true
      changed(before, next)
    }
    own.onerror = () => {
      live.value = false
      // A wrong link is answered with a 404 and the stream closes for good: say so.
      if (own.readyState === EventSource.CLOSED && view.value === null) missing.value = true
    }
  }

  onMounted(follow)
  // The same page, another ticket: only the hash changed, so the component stays and follows it.
  watch([ticketId, key], follow)
  onBeforeUnmount(() => source?.close())
  return { view, live, missing }
}
