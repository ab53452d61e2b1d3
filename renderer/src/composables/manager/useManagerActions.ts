import { inject, onBeforeUnmount, provide, ref, type InjectionKey } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ServiceId, CounterId, DelayId, TicketId } from '../../../../shared/domain/ids'
import type { LocalizedText } from '../../../../shared/domain/text'
import type { PauseReason } from '../../../../shared/queue/counterState'
import type { DelayScope } from '../../../../shared/queue/delay'
import { useSessionStore } from '../../stores/session'
import { managerErrorText } from '../../format/managerErrorText'

/** What became of an action: done (with the hub's answer), or refused with words for the manager. */
export type Outcome<T = unknown> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string }

/** How long a "done" note stays on screen. */
const NOTICE_MS = 8000

/**
 * The manager's commands to the hub, each with the words to say when it is done. The last
 * note ("Counter 3 is paused") and the last refusal are kept for the page to show (a status
 * line and an alert); dialogs show their own refusal from the returned `Outcome`, because a
 * modal hides the page behind it.
 */
export function useManagerActions() {
  const { t } = useI18n()
  const session = useSessionStore()
  const busy = ref(false)
  const notice = ref<string | null>(null)
  const problem = ref<string | null>(null)
  let timer: ReturnType<typeof setTimeout> | undefined

  const failureText = (e: unknown): string => managerErrorText(t, e)

  /** Runs one call to the hub; `done` is the note to show when it worked (null: none). */
  async function run<T>(call: () => Promise<T>, done: string | null): Promise<Outcome<T>> {
    busy.value = true
    problem.value = null
    try {
      const value = await call()
      notice.value = done
      clearTimeout(timer)
      if (done !== null) timer = setTimeout(() => (notice.value = null), NOTICE_MS)
      return { ok: true, value }
    } catch (e) {
      const message = failureText(e)
      problem.value = message
      notice.value = null
      return { ok: false, message }
    } finally {
      busy.value = false
    }
  }
  onBeforeUnmount(() => clearTimeout(timer))

  const api = session.client
  const noBody = {}
  return {
    busy,
    notice,
    problem,
    failureText,
    run,
    pauseCounter: (id: CounterId, n: number, reason: PauseReason) =>
      run(
        () => api.call('pauseCounter', { params: { counterId: id }, body: { reason } }),
        t('manager.counters.done.paused', { n }),
      ),
    resumeCounter: (id: CounterId, n: number) =>
      run(
        () => api.call('resumeCounter', { params: { counterId: id }, body: noBody }),
        t('manager.counters.done.resumed', { n }),
      ),
    closeCounter: (id: CounterId, n: number) =>
      run(
        () => api.call('closeCounter', { params: { counterId: id }, body: noBody }),
        t('manager.counters.done.closed', { n }),
      ),
    explainCounter: (id: CounterId, n: number) =>
      run(
        () => api.call('explainCounter', { params: { counterId: id }, body: { kind: 'complexBusiness' } }),
        t('manager.attention.done.explained', { n }),
      ),
    cancelTicket: (id: TicketId, number: string) =>
      run(
        () => api.call('cancelTicket', { params: { ticketId: id }, body: noBody }),
        t('manager.waiting.done.cancelled', { number }),
      ),
    // From the waiting list: the hub refuses it if a teller called the customer meanwhile.
    transferTicket: (id: TicketId, number: string, toServiceId: ServiceId | null, toCounterId: CounterId | null) =>
      run(
        () =>
          api.call('transferTicket', {
            params: { ticketId: id },
            body: { toServiceId, toCounterId, seenStatus: 'waiting' },
          }),
        t('manager.waiting.done.transferred', { number }),
      ),
    rejoinTicket: (id: TicketId, number: string) =>
      run(
        () => api.call('rejoinTicket', { params: { ticketId: id }, body: noBody }),
        t('manager.attention.done.rejoined', { number }),
      ),
    announceDelay: (scope: DelayScope, message: LocalizedText) =>
      run(() => api.call('announceDelay', { body: { scope, message } }), t('manager.delays.done.posted')),
    clearDelay: (id: DelayId) =>
      run(() => api.call('clearDelay', { params: { delayId: id } }), t('manager.delays.done.cleared')),
    // No note of its own: the standing "today's business day is closed" banner says it, once.
    closeDay: () => run(() => api.call('closeDay', { body: noBody }), null),
  }
}

export type ManagerActions = ReturnType<typeof useManagerActions>

const key: InjectionKey<ManagerActions> = Symbol('managerActions')

/** Made once by the manager screen; its panels and dialogs share it. */
export function provideManagerActions(): ManagerActions {
  const actions = useManagerActions()
  provide(key, actions)
  return actions
}

export function injectManagerActions(): ManagerActions {
  const actions = inject(key)
  if (actions === undefined) throw new Error('The manager actions are provided by ManagerView')
  return actions
}
