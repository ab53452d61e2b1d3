import { computed } from 'vue'
import type { ShownWait } from '../../../../shared/api/views'
import type { ServiceId } from '../../../../shared/domain/ids'
import type { Delay } from '../../../../shared/queue/delay'
import type { ClosingWarning } from '../../../../shared/estimate/servedBeforeClose'
import { useBranchStore } from '../../stores/branch'
import { useQueueStore } from '../../stores/queue'
import { callsNow, closingNotes, counterRows, dayCalls, serviceRows } from '../../logic/display/callBoard'

/** How many earlier calls the board lists under the current one. */
export const RECENT_CALLS = 6

/**
 * Everything the lobby TV shows, derived from the live queue and the branch: the latest call,
 * the ones before it, each service's queue, the counters, and the delays explained now. All
 * computed from state, so a reload or reconnect shows the same board at once.
 *
 * @example
 * const board = useDisplayBoard()
 * board.latest.value?.number //=> 'A023'
 */
export function useDisplayBoard() {
  const queue = useQueueStore()
  const branch = useBranchStore()
  const counters = computed(() => branch.info?.branch.counters ?? [])
  const dayOpen = computed(() => queue.state !== null && queue.state.day !== null)
  // After closing, yesterday's calls are history, not something to walk up to.
  const calls = computed(() =>
    callsNow(queue.state === null || !dayOpen.value ? [] : dayCalls(queue.state, counters.value)),
  )
  const shownNewTicket = (serviceId: ServiceId): ShownWait | null =>
    queue.estimates?.shown.newTicket[serviceId]?.['ordinary'] ?? null
  // The same warning as the kiosk's button for an ordinary ticket of the service.
  const closingNewTicket = (serviceId: ServiceId): ClosingWarning | null =>
    queue.estimates?.shown.closing.newTicket[serviceId]?.['ordinary'] ?? null
  const services = computed(() =>
    queue.state === null
      ? []
      : serviceRows(queue.state, branch.info?.branch.services ?? [], shownNewTicket, closingNewTicket),
  )

  return {
    /** The live queue has arrived from the hub. */
    loaded: computed(() => queue.state !== null),
    /** True while a business day is open (false after closing). */
    dayOpen,
    /** The newest call still going on: none once every call's customer has left the counter. */
    latest: computed(() => calls.value.latest),
    /** The newest call made, going on or ended: a change is a new call or a recall. */
    newest: computed(() => calls.value.newest),
    recent: computed(() => calls.value.earlier.slice(0, RECENT_CALLS)),
    services,
    /**
     * Whether a ticket taken now is told a wait (the hub's `NewcomerWait`): while the lobby is
     * shut, the services' column says when it opens instead.
     */
    newcomers: computed(() => queue.estimates?.shown.newcomers ?? null),
    /** Where a ticket taken now may wait past the counters' planned end: one note per end. */
    closing: computed(() => closingNotes(services.value)),
    counters: computed(() => (queue.state === null ? [] : counterRows(queue.state, counters.value))),
    /** Explanations in force, oldest first (rule 5: explained waits feel shorter). */
    delays: computed<Delay[]>(() =>
      Object.values(queue.state?.delays ?? {})
        .filter((d) => d.endedAt === null)
        .sort((a, b) => a.startedAt - b.startedAt),
    ),
  }
}
