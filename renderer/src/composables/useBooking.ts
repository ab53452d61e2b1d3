import { computed, ref, shallowRef, watch } from 'vue'
import type { AppointmentInfo, BookingView, SlotsView } from '../../../shared/api/appointmentRoutes'
import { normaliseCode } from '../../../shared/appointments/booking'
import type { ServiceId } from '../../../shared/domain/ids'
import type { Language } from '../../../shared/domain/text'
import { ApiFailure } from '../api/apiClient'
import { makeClient } from '../api/hub'

/**
 * The phone booking page: what may be booked, the slots of the chosen service and day, and the
 * booking itself (made here, or opened by its code) with its move and cancel. Public: no sign-in,
 * the code is what lets its holder change it.
 */
export function useBooking(language: () => Language) {
  const client = makeClient(() => null)
  const info = shallowRef<AppointmentInfo | null>(null)
  const serviceId = ref<ServiceId | null>(null)
  const day = ref<string | null>(null)
  const time = ref<string | null>(null)
  const slots = shallowRef<SlotsView | null>(null)
  const booking = shallowRef<BookingView | null>(null)
  const error = ref<string | null>(null)
  /** The refusal's code, when the hub refused: the page words the booking limits' own (429). */
  const errorCode = ref<string | null>(null)
  /** What was thrown, for the page to word in the customer's language (`customerErrorText`). */
  const failure = shallowRef<unknown>(null)
  const notice = ref<'moved' | 'cancelled' | null>(null)
  const busy = ref(false)

  async function attempt<T>(f: () => Promise<T>): Promise<T | null> {
    busy.value = true
    error.value = null
    errorCode.value = null
    failure.value = null
    try {
      return await f()
    } catch (e) {
      error.value = e instanceof ApiFailure ? e.message : String(e)
      errorCode.value = e instanceof ApiFailure ? e.error.code : null
      failure.value = e
      return null
    } finally {
      busy.value = false
    }
  }

  async function load(code: string | undefined): Promise<void> {
    info.value = await attempt(() => client.call('appointmentInfo', {}))
    serviceId.value = info.value?.services[0] ?? null
    day.value = info.value?.days[0] ?? null
    if (code !== undefined && code !== '') await open(code)
  }

  async function open(code: string): Promise<void> {
    booking.value = await attempt(() => client.call('appointment', { params: { code: normaliseCode(code) } }))
    if (booking.value !== null) {
      serviceId.value = booking.value.serviceId
      // The form follows a booking it can still move; a day the branch has closed takes no slots
      // (asking for them would only show that refusal above the booking's own explanation): one
      // the calendar closes since it was booked (`closed`) is moved from the first bookable day.
      if (booking.value.outcome === 'upcoming' && booking.value.closed === null) day.value = booking.value.day
    }
  }

  async function refreshSlots(): Promise<void> {
    const s = serviceId.value
    const d = day.value
    time.value = null
    if (s === null || d === null) return
    slots.value = await attempt(() => client.call('appointmentSlots', { query: { serviceId: s, day: d } }))
  }
  watch([serviceId, day], () => void refreshSlots())

  /**
   * The slots again after a booking, move or cancel, keeping what the hub said about that action:
   * a refusal (a full slot, the booking limits) stays on screen unless the refresh itself fails.
   */
  async function refreshAfter(): Promise<void> {
    const said = { error: error.value, code: errorCode.value, failure: failure.value }
    await refreshSlots()
    if (error.value === null) {
      error.value = said.error
      errorCode.value = said.code
      failure.value = said.failure
    }
  }

  async function book(): Promise<void> {
    const s = serviceId.value
    const d = day.value
    const t = time.value
    if (s === null || d === null || t === null) return
    const made = await attempt(() =>
      client.call('book', { body: { serviceId: s, day: d, time: t, language: language() } }),
    )
    if (made !== null) booking.value = made
    await refreshAfter()
  }

  async function move(): Promise<void> {
    const b = booking.value
    const d = day.value
    const t = time.value
    if (b === null || d === null || t === null) return
    const moved = await attempt(() =>
      client.call('moveAppointment', { params: { code: b.code }, body: { day: d, time: t } }),
    )
    if (moved !== null) {
      booking.value = moved
      notice.value = 'moved'
    }
    await refreshAfter()
  }

  async function cancel(): Promise<void> {
    const b = booking.value
    if (b === null) return
    const done = await attempt(() => client.call('cancelAppointment', { params: { code: b.code }, body: {} }))
    if (done !== null) {
      booking.value = done
      notice.value = 'cancelled'
    }
    await refreshAfter()
  }

  /** Where the booking's own page is, for its QR code. */
  const link = computed(() => (booking.value === null ? '' : `${location.origin}/${booking.value.managePath}`))

  return {
    info,
    serviceId,
    day,
    time,
    slots,
    booking,
    error,
    errorCode,
    failure,
    notice,
    busy,
    link,
    load,
    book,
    move,
    cancel,
  }
}
