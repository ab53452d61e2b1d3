import { computed, type Ref } from 'vue'
import type { ShownWait } from '../../../../shared/api/views'
import type { BranchConfig } from '../../../../shared/domain/branch'
import { EMPTY_STATE } from '../../../../shared/queue/state'
import { useBranchStore } from '../../stores/branch'
import { useQueueStore } from '../../stores/queue'
import { activeDelays, overStandard, rejoinable } from '../../logic/manager/attention'
import { counterRows } from '../../logic/manager/counterRows'
import { serviceQueues } from '../../logic/manager/serviceQueues'
import { todayNumbers } from '../../logic/manager/todayNumbers'
import { waitingList } from '../../logic/manager/waitingList'

const NO_BRANCH: BranchConfig = {
  name: { 'zh-CN': '', en: '' },
  services: [],
  counters: [],
  priorityClasses: [],
  policy: { recallsBeforeNoShow: 0, noShowGraceSec: 0, rejoinBehind: 0, waitCapSec: null },
}

/**
 * The live floor as the manager reads it, recomputed from the live queue and the hub clock:
 * every part is a pure function of (state, branch, now), so what is on screen is exactly what
 * the hub's state says at that second.
 */
export function useManagerFloor(now: Ref<number>) {
  const queue = useQueueStore()
  const branchStore = useBranchStore()
  const state = computed(() => queue.state ?? EMPTY_STATE)
  const branch = computed(() => branchStore.info?.branch ?? NO_BRANCH)

  const counters = computed(() => counterRows(state.value, branch.value, now.value))
  const waiting = computed(() => waitingList(state.value, branch.value, now.value))
  const services = computed(() => serviceQueues(state.value, branch.value, waiting.value))
  const over = computed(() => overStandard(counters.value, state.value))
  const missed = computed(() => rejoinable(state.value, branch.value, now.value))
  const delays = computed(() => activeDelays(state.value))
  const today = computed(() => todayNumbers(state.value, branch.value, now.value))
  const dayOpen = computed(() => queue.state !== null && queue.state.day !== null)
  /** What a customer taking an ordinary ticket now is told, as the kiosk shows it. */
  const shownFor = (serviceId: string): ShownWait | null =>
    queue.estimates?.shown.newTicket[serviceId]?.['ordinary'] ?? null

  /** Whether a ticket taken now is told a wait (the hub's `NewcomerWait`); null before the first estimates. */
  const newcomers = computed(() => queue.estimates?.shown.newcomers ?? null)

  return { state, branch, counters, waiting, services, over, missed, delays, today, dayOpen, shownFor, newcomers }
}

export type ManagerFloor = ReturnType<typeof useManagerFloor>
