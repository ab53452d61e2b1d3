import { onBeforeUnmount, ref, shallowRef, watch } from 'vue'
import type { TicketReceipt } from '../../../shared/api/views'
import type { ServiceConfig } from '../../../shared/domain/branch'
import { ApiFailure, HubUnreachable, MalformedAnswer } from '../api/apiClient'
import { setLanguage } from '../i18n'
import { useSessionStore } from '../stores/session'
import { languageOf } from '../format/localized'

export type KioskStep =
  | { readonly kind: 'menu' }
  | { readonly kind: 'selfService'; readonly service: ServiceConfig }
  | { readonly kind: 'issuing' }
  | { readonly kind: 'ticket'; readonly receipt: TicketReceipt }
  | { readonly kind: 'rejoin' }

/** Back to the menu (and Chinese) after this long without a touch. */
export const IDLE_MS = 45_000
/**
 * A ticket stays on screen until Done or this long, with the time left shown; a little longer
 * when it did not print (the customer notes the number or scans the code), but never so long
 * that the next customer finds someone else's ticket and QR code on the screen.
 */
export const TICKET_MS = 20_000
export const TICKET_UNPRINTED_MS = 40_000

/**
 * The kiosk's flow, one customer at a time: menu → (priority) → (self-service suggestion) →
 * ticket. One idempotency key per tap, reused if the request is retried, so a double tap or a
 * flaky network never gives two tickets; the buttons are also locked while a ticket is issued.
 * `online`: whether the live channel to the hub is up; when it comes back, a tap's "cannot reach
 * the hub" no longer holds and is taken off the screen (it stayed until the next tap or the idle
 * reset, under a banner that already said the kiosk was back).
 */
export function useKioskFlow(language: () => string, online: () => boolean = () => true) {
  const session = useSessionStore()
  const step = shallowRef<KioskStep>({ kind: 'menu' })
  const priorityClassId = ref<string | null>(null)
  const error = ref<string | null>(null)
  /** What was thrown, for the screen to word in the customer's language (`customerErrorText`). */
  const failure = shallowRef<unknown>(null)
  /** When the screen goes back to the menu by itself (epoch ms, this PC's clock); null: never. */
  const resetsAt = ref<number | null>(null)
  let timer: ReturnType<typeof setTimeout> | undefined

  function arm(ms: number): void {
    clearTimeout(timer)
    resetsAt.value = Date.now() + ms
    timer = setTimeout(reset, ms)
  }

  function reset(): void {
    step.value = { kind: 'menu' }
    priorityClassId.value = null
    error.value = null
    failure.value = null
    setLanguage('zh-CN')
    clearTimeout(timer)
    resetsAt.value = null
  }

  /** Any touch keeps the customer's screen. */
  function touched(): void {
    if (step.value.kind === 'ticket') return
    if (step.value.kind !== 'menu' || priorityClassId.value !== null) arm(IDLE_MS)
  }

  function choose(service: ServiceConfig, skipSelfService = false): void {
    if (step.value.kind === 'issuing') return
    if (service.selfServiceCapable && !skipSelfService && priorityClassId.value === null) {
      step.value = { kind: 'selfService', service }
      arm(IDLE_MS)
      return
    }
    void issue(service)
  }

  async function issue(service: ServiceConfig): Promise<void> {
    step.value = { kind: 'issuing' }
    error.value = null
    failure.value = null
    const idempotencyKey = newKey()
    const body = {
      serviceId: service.id,
      priorityClassId: priorityClassId.value as never,
      language: languageOf(language()),
      appointmentAt: null,
      idempotencyKey,
    }
    // One retry with the same key: if the first answer was lost, the hub gives the same ticket.
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const receipt = await session.client.call('issueTicket', { body })
        step.value = { kind: 'ticket', receipt }
        arm(receipt.print.kind === 'printed' ? TICKET_MS : TICKET_UNPRINTED_MS)
        return
      } catch (e) {
        if (e instanceof HubUnreachable && attempt === 0) continue
        error.value =
          e instanceof ApiFailure || e instanceof HubUnreachable || e instanceof MalformedAnswer ? e.message : String(e)
        failure.value = e
        // A refusal or a wrong answer is not retried: the hub heard the tap and answered it.
        break
      }
    }
    step.value = { kind: 'menu' }
    arm(IDLE_MS)
  }

  watch(online, (up) => {
    if (up && failure.value instanceof HubUnreachable) {
      error.value = null
      failure.value = null
    }
  })

  onBeforeUnmount(() => clearTimeout(timer))
  return { step, priorityClassId, error, failure, resetsAt, reset, touched, choose, arm }
}

function newKey(): string {
  return `kiosk-${crypto.randomUUID()}`
}
