import type { BranchConfig } from '../domain/branch'
import type { DelayId, ServiceId } from '../domain/ids'
import type { Delay, DelayScope, DelaySource } from '../queue/delay'
import type { LocalizedText } from '../domain/text'

/** An explained delay of the day (rule 5: explained waits feel shorter), with its duration. */
export interface DelayRow {
  readonly id: DelayId
  readonly scope: DelayScope
  readonly source: DelaySource
  readonly kind: string
  readonly message: LocalizedText
  readonly startedAt: number
  /** null while still announced at the time of the report. */
  readonly endedAt: number | null
  readonly durationSec: number
}

/** A delay named beside a long wait or transaction: the explanation the lobby was given. */
export interface DelayRef {
  readonly id: DelayId
  readonly kind: string
  readonly message: LocalizedText
}

/**
 * The day's delays in the order announced; one still open runs to `asOf`.
 *
 * @example
 * delayRows(log.delays, asOf)[0].durationSec //=> 900
 */
export function delayRows(delays: readonly Delay[], asOf: number): DelayRow[] {
  return delays.map((d) => ({
    id: d.id,
    scope: d.scope,
    source: d.source,
    kind: d.kind,
    message: d.message,
    startedAt: d.startedAt,
    endedAt: d.endedAt,
    durationSec: ((d.endedAt ?? asOf) - d.startedAt) / 1000,
  }))
}

/**
 * The delays announced during some part of [from, to] whose scope `concerns` says matter.
 *
 * @example
 * delaysDuring(rows, t0, t1, (s) => s.kind === 'branch') //=> [{ id: 'cash-count', kind: 'manager', … }]
 */
export function delaysDuring(
  rows: readonly DelayRow[],
  from: number,
  to: number,
  concerns: (scope: DelayScope) => boolean,
): DelayRef[] {
  const refs: DelayRef[] = []
  for (const d of rows) {
    // overlapping for some time, not just touching at an instant
    if (d.startedAt >= to || (d.endedAt ?? Number.POSITIVE_INFINITY) <= from) continue
    if (concerns(d.scope)) refs.push({ id: d.id, kind: d.kind, message: d.message })
  }
  return refs
}

/**
 * Whether a delay's scope concerns customers of a service: the whole branch, the service, or a
 * counter that serves it.
 *
 * @example
 * concernsService(branch, serviceId('a'))({ kind: 'branch' }) //=> true
 */
export function concernsService(branch: BranchConfig, serviceId: ServiceId): (scope: DelayScope) => boolean {
  return (s) =>
    s.kind === 'branch' ||
    (s.kind === 'service' && s.serviceId === serviceId) ||
    (s.kind === 'counter' && branch.counters.some((c) => c.id === s.counterId && c.services.includes(serviceId)))
}
