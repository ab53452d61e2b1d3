import type { CounterConfig } from '../domain/branch'
import type { CounterId, ServiceId } from '../domain/ids'

/**
 * Whether a counter may call a waiting customer: one sent to this very counter, else one of a
 * service the counter serves. The engine's call, the delays, the "coming up" decision and the
 * overtakes report all ask it.
 *
 * @example
 * mayCall({ id: c2, services: [a, b] }, { serviceId: b, targetCounterId: null }) //=> true
 * mayCall({ id: c2, services: [a, b] }, { serviceId: a, targetCounterId: c1 }) //=> false
 */
export function mayCall(
  counter: Pick<CounterConfig, 'id' | 'services'>,
  waiting: { readonly serviceId: ServiceId; readonly targetCounterId: CounterId | null },
): boolean {
  return waiting.targetCounterId === null
    ? counter.services.includes(waiting.serviceId)
    : waiting.targetCounterId === counter.id
}
