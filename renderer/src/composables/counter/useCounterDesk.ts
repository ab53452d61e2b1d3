import { computed, ref, shallowRef, watch } from 'vue'
import type { CommandAck } from '../../../../shared/api/views'
import {
  counterId as asCounterId,
  delayId,
  type CounterId,
  type PriorityClassId,
  type ServiceId,
  type TicketId,
} from '../../../../shared/domain/ids'
import { strandedByClosing } from '../../../../shared/estimate/strandedByClosing'
import { callOrder } from '../../../../shared/policy/callOrder'
import type { PauseReason } from '../../../../shared/queue/counterState'
import { getCounter, getTicket } from '../../../../shared/queue/state'
import { currentTransaction, currentVisit } from '../../../../shared/queue/ticket'
import { transactionClock } from '../../../../shared/queue/transactionClock'
import { secondsUntilNextCall } from '../../../../shared/queue/callInterval'
import { parkedAt } from '../../../../shared/queue/parkedTooLong'
import { isQuantity } from '../../../../shared/queue/transactionStandard'
import { ApiFailure, MalformedAnswer } from '../../api/apiClient'
import { useBranchStore } from '../../stores/branch'
import { useQueueStore } from '../../stores/queue'
import { useSessionStore } from '../../stores/session'
import { useNow } from '../useNow'
import { counterActions } from '../../logic/counter/counterActions'
import { tellerDay, type TellerDay } from '../../logic/counter/tellerDay'
import { timerTone } from '../../logic/counter/timerTone'

/** A refusal (its code and the hub's own words), or the hub out of reach (then nothing was done). */
export type DeskError =
  | { readonly kind: 'hub'; readonly code: string; readonly message: string }
  | { readonly kind: 'unreachable' }
  /** The quantity typed is not a whole number from 1 to `MAX_QUANTITY`: told before asking the hub. */
  | { readonly kind: 'quantity' }

/** How long a command waits for its own event to arrive on the live channel before letting go. */
const FOLD_WAIT_MS = 3000

const NO_DAY: TellerDay = {
  served: 0,
  transactions: 0,
  averageSec: null,
  standard: { judged: 0, within: 0, share: null },
  apart: { transactions: 0, averageSec: null },
}

/**
 * One counter as its teller works it: the live counter, its customer, the transaction clock,
 * the queue it serves in the order the policy calls it, the teller's own day, which actions make
 * sense now, and the commands themselves.
 *
 * Everything shown is derived from the live queue state (the hub's events folded by the shared
 * `applyEvent`), never from a command's answer, so the screen cannot disagree with the lobby.
 * A command keeps the screen busy until its own event has been folded: a second key press can
 * never act on the state from before the first.
 */
export function useCounterDesk(counterIdText: string) {
  const queue = useQueueStore()
  const branch = useBranchStore()
  const session = useSessionStore()
  const now = useNow()
  const id: CounterId = asCounterId(counterIdText)
  const explanationId = delayId(`teller:complexBusiness:${id}`)

  const config = computed(() => branch.counter(id))
  const branchConfig = computed(() => branch.info?.branch)
  const state = computed(() => queue.state)
  const counter = computed(() => (state.value === null ? null : getCounter(state.value, id)))
  const ticket = computed(() => {
    const c = counter.value
    return state.value === null || c?.ticketId == null ? undefined : getTicket(state.value, c.ticketId)
  })
  const visit = computed(() => (ticket.value === undefined ? undefined : currentVisit(ticket.value)))
  const transaction = computed(() => (visit.value === undefined ? undefined : currentTransaction(visit.value)))
  const clock = computed(() =>
    state.value === null || branchConfig.value === undefined
      ? null
      : transactionClock(state.value, branchConfig.value, id, now.value),
  )
  const tone = computed(() => (clock.value === null ? null : timerTone(clock.value)))
  const explained = computed(() => {
    const d = state.value?.delays[explanationId]
    return d !== undefined && d.endedAt === null
  })
  /** Customers this counter parked, longest away first, overdue ones flagged for the teller. */
  const parked = computed(() =>
    state.value === null || branchConfig.value === undefined
      ? []
      : parkedAt(state.value, branchConfig.value.policy, id, now.value),
  )
  /** The waiting tickets this counter may call, in the order it would call them now. */
  const order = computed(() =>
    state.value === null || branchConfig.value === undefined
      ? []
      : callOrder(state.value, branchConfig.value, id, now.value),
  )
  /** Waiting per service, in the counter's preference order; tickets sent to this counter apart. */
  const waitingPerService = computed(() =>
    (config.value?.services ?? []).map((serviceId) => ({
      serviceId,
      n: order.value.filter((t) => t.serviceId === serviceId && t.targetCounterId === null).length,
    })),
  )
  const sentHere = computed(() => order.value.filter((t) => t.targetCounterId === id))
  /**
   * Who closing this counter would leave with no open counter to call them, by service (the
   * shared decision the hub answers the close with): the teller confirms a close that does.
   */
  const stranded = computed(() =>
    state.value === null || branchConfig.value === undefined
      ? []
      : strandedByClosing(state.value, branchConfig.value, id),
  )
  const day = computed(() => {
    const staff = session.session?.staffId ?? null
    return state.value === null || branchConfig.value === undefined || staff === null
      ? NO_DAY
      : tellerDay(state.value, branchConfig.value, staff)
  })
  const live = computed(() => queue.status === 'online' && state.value?.day != null)
  const actions = computed(() =>
    counterActions({
      live: live.value,
      counter: { status: counter.value?.status ?? 'closed' },
      recalls: counter.value?.status === 'calling' ? (visit.value?.recalls ?? 0) : 0,
      recallsBeforeNoShow: branchConfig.value?.policy.recallsBeforeNoShow ?? 0,
      callWaitSec:
        counter.value?.status === 'calling' && visit.value !== undefined && branchConfig.value !== undefined
          ? secondsUntilNextCall(visit.value, branchConfig.value.policy, now.value)
          : 0,
      waiting: order.value.length,
      parked: parked.value.length,
      overStandard: clock.value?.overStandard ?? false,
      explained: explained.value,
    }),
  )

  /** The service the teller records as done; the transaction's own until they pick another. */
  const completeAs = ref<ServiceId | null>(null)
  /** What the add-transaction key adds: the current transaction's service, once, unless changed. */
  const addAs = ref<ServiceId | null>(null)
  const addQuantity = ref(1)
  watch(
    () => [ticket.value?.id, visit.value?.transactions.length] as const,
    () => {
      const opened = transaction.value?.serviceId ?? ticket.value?.serviceId ?? null
      completeAs.value = opened
      addAs.value = opened
      addQuantity.value = 1
    },
    { immediate: true },
  )

  /** The customer just served, until they rate the service or the teller skips the step. */
  const toRate = shallowRef<{ readonly ticketId: TicketId; readonly number: string } | null>(null)
  const lastRating = shallowRef<{ readonly number: string; readonly score: number } | null>(null)
  // Rated elsewhere (an evaluation pad at this counter): the step is no longer needed.
  watch(
    () => (toRate.value === null || state.value === null ? null : getTicket(state.value, toRate.value.ticketId)),
    (t) => {
      if (t != null && t.rating !== null) toRate.value = null
    },
  )

  const busy = ref(false)
  const error = shallowRef<DeskError | null>(null)

  function folded(seq: number): Promise<void> {
    if ((queue.state?.lastSeq ?? 0) >= seq) return Promise.resolve()
    return new Promise((resolve) => {
      const done = () => {
        stop()
        clearTimeout(timer)
        resolve()
      }
      const stop = watch(
        () => queue.state?.lastSeq ?? 0,
        (s) => {
          if (s >= seq) done()
        },
      )
      const timer = setTimeout(done, FOLD_WAIT_MS)
    })
  }

  /** Sends one command; the answer is null when refused (the reason is in `error`). */
  async function run(send: () => Promise<CommandAck>): Promise<CommandAck | null> {
    if (busy.value) return null
    busy.value = true
    try {
      const ack = await send()
      error.value = null
      await folded(ack.event.seq)
      return ack
    } catch (e) {
      error.value =
        e instanceof ApiFailure
          ? { kind: 'hub', code: e.error.code, message: e.message }
          : // The hub answered, so the command may have been done: say what came back, not "nothing was done".
            e instanceof MalformedAnswer
            ? { kind: 'hub', code: 'malformedAnswer', message: e.message }
            : { kind: 'unreachable' }
      return null
    } finally {
      busy.value = false
    }
  }

  const client = session.client
  const params = { counterId: id }
  const startOver = () => {
    toRate.value = null
    lastRating.value = null
  }

  const commands = {
    open: () => run(() => client.call('openCounter', { params, body: {} })),
    pause: (reason: PauseReason) => run(() => client.call('pauseCounter', { params, body: { reason } })),
    resume: () => run(() => client.call('resumeCounter', { params, body: {} })),
    close: () => run(() => client.call('closeCounter', { params, body: {} })),
    callNext: async () => {
      startOver()
      return run(() => client.call('callNext', { params, body: {} }))
    },
    callTicket: async (ticketId: TicketId, reason: string) => {
      startOver()
      return run(() => client.call('callTicket', { params, body: { ticketId, reason } }))
    },
    recall: () => run(() => client.call('recall', { params, body: {} })),
    start: () => run(() => client.call('startService', { params, body: {} })),
    noShow: () => run(() => client.call('markNoShow', { params, body: {} })),
    park: () => run(() => client.call('park', { params, body: {} })),
    complete: async () => {
      const t = ticket.value
      if (t === undefined) return null
      const done = completeAs.value
      const opened = transaction.value?.serviceId ?? t.serviceId
      const ack = await run(() =>
        client.call('completeService', {
          params,
          body: { completedServiceId: done === null || done === opened ? null : done },
        }),
      )
      if (ack !== null) {
        toRate.value = { ticketId: t.id, number: t.number }
        lastRating.value = null
      }
      return ack
    },
    /** One more transaction for the customer at the counter (the service and quantity chosen). */
    addTransaction: () => {
      const serviceId = addAs.value
      if (serviceId === null) return Promise.resolve(null)
      const quantity: unknown = addQuantity.value
      if (!isQuantity(quantity)) {
        error.value = { kind: 'quantity' }
        return Promise.resolve(null)
      }
      return run(() => client.call('addTransaction', { params, body: { serviceId, quantity } }))
    },
    transfer: (toServiceId: ServiceId | null, toCounterId: CounterId | null) => {
      const t = ticket.value
      if (t === undefined) return Promise.resolve(null)
      return run(() =>
        client.call('transferTicket', { params: { ticketId: t.id }, body: { toServiceId, toCounterId } }),
      )
    },
    /** Sets, confirms or removes the class of the customer at the counter, with a reason. */
    changePriority: (priorityClassId: PriorityClassId | null, reason: string) => {
      const t = ticket.value
      if (t === undefined) return Promise.resolve(null)
      return run(() => client.call('changePriority', { params: { ticketId: t.id }, body: { priorityClassId, reason } }))
    },
    resumeParked: (ticketId: TicketId) => run(() => client.call('resumeTicket', { params: { ticketId }, body: {} })),
    /** Posts the "complex business" notice to the lobby, or withdraws it. */
    toggleExplain: () =>
      explained.value
        ? run(() => client.call('clearDelay', { params: { delayId: explanationId } }))
        : run(() => client.call('explainCounter', { params, body: { kind: 'complexBusiness' } })),
    rate: async (score: number) => {
      const r = toRate.value
      if (r === null) return null
      const ack = await run(() => client.call('rateTicket', { params: { ticketId: r.ticketId }, body: { score } }))
      if (ack !== null) {
        toRate.value = null
        lastRating.value = { number: r.number, score }
      }
      return ack
    },
    skipRating: () => (toRate.value = null),
    dismissError: () => (error.value = null),
  }

  // The notice is about the transaction in progress: when it ends (completed, transferred,
  // parked, or ended from another screen) the lobby stops showing it. Tried once per state
  // seen, so a refusal is shown once rather than retried in a loop.
  let clearTriedAt = -1
  function clearStaleNotice(): void {
    if (!explained.value || !live.value || busy.value || counter.value?.status === 'serving') return
    const seq = state.value?.lastSeq ?? 0
    if (seq === clearTriedAt) return
    clearTriedAt = seq
    void run(() => client.call('clearDelay', { params: { delayId: explanationId } }))
  }
  watch([() => counter.value?.status, explained, live, busy], clearStaleNotice, { immediate: true })

  return {
    id,
    now,
    config,
    counter,
    ticket,
    visit,
    transaction,
    clock,
    tone,
    explained,
    parked,
    order,
    waitingPerService,
    sentHere,
    stranded,
    day,
    live,
    actions,
    completeAs,
    addAs,
    addQuantity,
    toRate,
    lastRating,
    busy,
    error,
    ...commands,
  }
}

export type CounterDesk = ReturnType<typeof useCounterDesk>
