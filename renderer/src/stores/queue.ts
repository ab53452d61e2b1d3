import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { DeviceStatusView, LiveMessage, ShownEstimates } from '../../../shared/api/live'
import type { CounterId, TicketId } from '../../../shared/domain/ids'
import { applyEvent } from '../../../shared/queue/applyEvent'
import type { QueueEvent } from '../../../shared/queue/events'
import type { QueueState } from '../../../shared/queue/state'
import { liveUrl } from '../api/hub'
import { LiveConnection, type LiveStatus } from '../api/liveConnection'

/** A call the lobby should announce: fresh calls and recalls, never replays of old ones. */
export interface CallNotice {
  readonly seq: number
  readonly ticketId: TicketId
  readonly counterId: CounterId
  readonly recall: boolean
  readonly at: number
}

/** A call older than this when it reaches the display (after a reconnect) is shown, not spoken. */
const ANNOUNCE_WITHIN_MS = 60_000

/**
 * The live queue as this terminal knows it: the hub's snapshot, folded forward with every event
 * by the same `applyEvent` the hub uses; the latest estimates; device health; the hub clock.
 */
export const useQueueStore = defineStore('queue', () => {
  const state = shallowRef<QueueState | null>(null)
  /** The hub journal `state` is folded from: with `state.lastSeq`, where this terminal stands. */
  let journal: string | null = null
  const estimates = shallowRef<ShownEstimates | null>(null)
  const devices = shallowRef<readonly DeviceStatusView[]>([])
  const status = ref<LiveStatus>('connecting')
  /** hub time − local time, from the last snapshot. */
  const clockOffset = ref(0)
  const notices = shallowRef<readonly CallNotice[]>([])
  const refused = ref<string | null>(null)
  let connection: LiveConnection | null = null
  const eventListeners = new Set<(e: QueueEvent) => void>()

  function hubNow(): number {
    return Date.now() + clockOffset.value
  }

  function onMessage(m: LiveMessage): void {
    switch (m.type) {
      case 'snapshot':
        journal = m.snapshot.journal
        state.value = m.snapshot.state
        estimates.value = m.snapshot.estimates
        clockOffset.value = m.snapshot.serverNow - Date.now()
        break
      case 'resumed':
        // The hub holds our seq in its history, under this id from now on.
        journal = m.journal
        break
      case 'event':
        if (state.value === null || m.event.seq <= state.value.lastSeq) break
        if (m.event.seq !== state.value.lastSeq + 1) {
          // A gap: never fold over it. Reconnecting resyncs from the last seq folded.
          connection?.resync()
          break
        }
        state.value = applyEvent(state.value, m.event)
        noticeOf(m.event)
        for (const l of eventListeners) l(m.event)
        break
      case 'estimates':
        estimates.value = m.estimates
        break
      case 'devices':
        devices.value = m.devices
        break
      case 'error':
        refused.value = m.code
        if (m.code === 'unauthenticated') connection?.halt()
        break
      case 'tick':
        clockOffset.value = m.serverNow - Date.now()
        break
    }
  }

  function noticeOf(e: QueueEvent): void {
    if (e.type !== 'ticketCalled' && e.type !== 'ticketRecalled') return
    if (hubNow() - e.at > ANNOUNCE_WITHIN_MS) return
    const notice: CallNotice = {
      seq: e.seq,
      ticketId: e.ticketId,
      counterId: e.counterId,
      recall: e.type === 'ticketRecalled',
      at: e.at,
    }
    notices.value = [...notices.value.slice(-19), notice]
  }

  function connect(token: () => string | null): void {
    connection?.stop()
    refused.value = null
    connection = new LiveConnection(liveUrl(), token, {
      message: onMessage,
      status: (s) => (status.value = s),
      position: () => ({ lastSeq: state.value?.lastSeq ?? null, journal }),
    })
    connection.start()
  }

  function disconnect(): void {
    connection?.stop()
    connection = null
    refused.value = null
  }

  function onEvent(listener: (e: QueueEvent) => void): () => void {
    eventListeners.add(listener)
    return () => eventListeners.delete(listener)
  }

  return { state, estimates, devices, status, clockOffset, notices, refused, hubNow, connect, disconnect, onEvent }
})
