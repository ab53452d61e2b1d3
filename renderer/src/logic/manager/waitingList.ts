import type { BranchConfig } from '../../../../shared/domain/branch'
import { counterId } from '../../../../shared/domain/ids'
import { callKey, compareCallKeys, type CallKey } from '../../../../shared/policy/callOrder'
import type { QueueState } from '../../../../shared/queue/state'
import type { Ticket } from '../../../../shared/queue/ticket'

/** One customer waiting for a counter, as the manager's list shows them. */
export interface WaitingRow {
  readonly ticket: Ticket
  /** 1 = called next for this service (among tickets sent to the same counter, if any). */
  readonly place: number
  /** Seconds since this customer (last) started waiting: see `waitingSince`. */
  readonly waitedSec: number
  readonly targetWaitSec: number | null
  readonly overTarget: boolean
  /** Waiting again after a visit to a counter (transferred, back from a document, re-joined). */
  readonly again: boolean
}

/**
 * When a waiting customer started waiting, as they feel it: the ticket's issue for a first wait,
 * the end of their last counter visit when they are waiting again (transferred, parked and
 * resumed, re-joined after a missed call). Not `queuedAt`: that is the place the fairness rules
 * give the ticket, which a transfer keeps from the first arrival on purpose.
 *
 * @example
 * waitingSince(a001) //=> a001.issuedAt (never called)
 */
export function waitingSince(ticket: Ticket): number {
  const last = ticket.visits[ticket.visits.length - 1]
  return last?.endedAt ?? ticket.issuedAt
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
    const waitedSec = Math.max(0, (now - waitingSince(ticket)) / 1000)
    const target = targetOf.get(ticket.serviceId) ?? null
    return {
      ticket,
      place,
      waitedSec,
      targetWaitSec: target,
      overTarget: target !== null && waitedSec > target,
      again: ticket.visits.length > 0,
    }
  })
}
