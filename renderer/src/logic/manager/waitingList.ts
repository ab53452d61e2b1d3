import type { BranchConfig } from '../../../../shared/domain/branch'
import { counterId } from '../../../../shared/domain/ids'
import { callKey, compareCallKeys, type CallKey } from '../../../../shared/policy/callOrder'
import type { QueueState } from '../../../../shared/queue/state'
import type { Ticket } from '../../../../shared/queue/ticket'
import { ticketWait } from '../../../../shared/queue/ticketWait'

/** One customer waiting for a counter, as the manager's list shows them. */
export interface WaitingRow {
  readonly ticket: Ticket
  /** 1 = called next for this service (among tickets sent to the same counter, if any). */
  readonly place: number
  /** Seconds since the ticket was issued: the wait every screen states (`shared/queue/ticketWait`). */
  readonly waitedSec: number
  readonly targetWaitSec: number | null
  /** The wait shown is past the service's target. */
  readonly overTarget: boolean
  /**
   * When the customer started waiting again (re-joined, transferred, back from a document), shown
   * beside the wait; null for a first wait.
   */
  readonly againSince: number | null
}

/**
 * The waiting customers, grouped by service in the branch's order and, within a service, in the
 * order the calling policy would call them now (the same key a counter uses, with every
 * counter's service preferences set aside, as `peopleAhead` does).
 *
 * @example
 * waitingList(state, branch, now).map((r) => `${r.ticket.number}#${r.place}`) //=> ['A002#1', 'A003#2', 'B001#1']
 */
export function waitingList(state: QueueState, branch: BranchConfig, now: number): WaitingRow[] {
  const order = new Map(branch.services.map((s, i) => [s.id as string, i]))
  const targetOf = new Map(branch.services.map((s) => [s.id as string, s.targetWaitSec]))
  const keyed: { ticket: Ticket; key: CallKey; group: string }[] = []
  for (const t of state.open) {
    if (t.status !== 'waiting') continue
    const neutral = { id: t.targetCounterId ?? counterId('(any)'), number: 0, services: [t.serviceId] }
    keyed.push({ ticket: t, key: callKey(branch, neutral, t, now), group: `${t.serviceId}|${t.targetCounterId ?? ''}` })
  }
  keyed.sort(
    (a, b) =>
      (order.get(a.ticket.serviceId) ?? 99) - (order.get(b.ticket.serviceId) ?? 99) || compareCallKeys(a.key, b.key),
  )
  const places = new Map<string, number>()
  return keyed.map(({ ticket, group }) => {
    const place = (places.get(group) ?? 0) + 1
    places.set(group, place)
    const { waitedSec, againSince } = ticketWait(ticket, now)
    const target = targetOf.get(ticket.serviceId) ?? null
    return {
      ticket,
      place,
      waitedSec,
      targetWaitSec: target,
      overTarget: target !== null && waitedSec > target,
      againSince,
    }
  })
}
