import type { BranchConfig } from '../domain/branch'
import { localClock } from '../domain/localTime'
import type { PauseReasonCode } from '../queue/counterState'
import { mayCall } from '../queue/mayCall'
import type { QueueState } from '../queue/state'
import type { Ticket } from '../queue/ticket'
import type { CounterPlan } from './counterAvailability'

/**
 * Why nobody can call a waiting ticket now, or null when a counter that may call it is open
 * (idle, calling or serving): the one decision behind "即将叫号" / "soon" and the reason shown
 * instead of it (rule 4 and 5: an honest wait, and a delay that explains itself).
 *
 * - `paused`: every counter that may call it is paused or closed, and one is paused (the
 *   lowest-numbered one, with its reason);
 * - `opensAt`: all of them are closed and one is planned to open later today (`at`, epoch ms;
 *   `clock`, "09:00" in branch time);
 * - `closed`: all of them are closed and none is planned to open later today (one due now but
 *   still closed promises no time either).
 */
export type CallHold =
  | { readonly kind: 'paused'; readonly counterNumber: number; readonly reason: PauseReasonCode }
  | { readonly kind: 'opensAt'; readonly at: number; readonly clock: string }
  | { readonly kind: 'closed' }

/** Whether a counter that may call the ticket is open to call it now (idle, calling or serving). */
export function openCaller(
  state: Pick<QueueState, 'counters'>,
  branch: Pick<BranchConfig, 'counters'>,
  ticket: Pick<Ticket, 'serviceId' | 'targetCounterId'>,
): boolean {
  return branch.counters.some((c) => {
    const status = state.counters[c.id]?.status ?? 'closed'
    return mayCall(c, ticket) && (status === 'idle' || status === 'calling' || status === 'serving')
  })
}

/**
 * Why a waiting ticket cannot be called now (null: it can be). `plans` is today's roster as the
 * estimator takes it (`plannedHours`); a counter opened by a teller counts as open whatever its
 * plan says (it can call), and a closed one counts as coming only by its plan.
 *
 * @example
 * callHold(<counter 1 paused for a break, the only one serving A>, branch, a002, plans, now, 480)
 * //=> { kind: 'paused', counterNumber: 1, reason: 'break' }
 * callHold(<no B counter open; B's counters planned from 09:00>, branch, b001, plans, <07:43>, 480)
 * //=> { kind: 'opensAt', at: <09:00>, clock: '09:00' }
 */
export function callHold(
  state: Pick<QueueState, 'counters'>,
  branch: Pick<BranchConfig, 'counters'>,
  ticket: Pick<Ticket, 'serviceId' | 'targetCounterId'>,
  plans: readonly CounterPlan[],
  now: number,
  utcOffsetMinutes: number,
): CallHold | null {
  if (openCaller(state, branch, ticket)) return null
  const callers = branch.counters.filter((c) => mayCall(c, ticket)).sort((a, b) => a.number - b.number)
  const paused = callers.find((c) => state.counters[c.id]?.status === 'paused')
  if (paused !== undefined)
    return {
      kind: 'paused',
      counterNumber: paused.number,
      reason: state.counters[paused.id]?.pauseReason?.code ?? 'other',
    }
  const ids = new Set(callers.map((c) => c.id))
  let next: number | null = null
  for (const p of plans) {
    if (!ids.has(p.counterId)) continue
    // a stretch under way with its counter closed gives no time to promise: `closed`
    if (p.openAt > now && (next === null || p.openAt < next)) next = p.openAt
  }
  if (next === null) return { kind: 'closed' }
  return { kind: 'opensAt', at: next, clock: localClock(next, utcOffsetMinutes).slice(0, 5) }
}

/**
 * What the lobby's "now calling" panel may say between calls: `comingUp` ("next call coming up")
 * only when a waiting ticket has a counter that can call it; `held` when people wait and no
 * counter can call any of them (`at`: when this service's counters open, "09:00", when every
 * one of them waits for that; else null, and the delay panel says why); `idle` when nobody waits.
 *
 * @example
 * nextCall(<A002 waiting, counter 1 paused>, branch, plans, now, 480) //=> { kind: 'held', at: null }
 */
export type NextCall = { readonly kind: 'comingUp' | 'idle' } | { readonly kind: 'held'; readonly at: string | null }

export function nextCall(
  state: Pick<QueueState, 'counters' | 'open'>,
  branch: Pick<BranchConfig, 'counters'>,
  plans: readonly CounterPlan[],
  now: number,
  utcOffsetMinutes: number,
): NextCall {
  let waiting = false
  let first: { at: number; clock: string } | null = null
  let untimed = false
  for (const t of state.open) {
    if (t.status !== 'waiting') continue
    waiting = true
    const hold = callHold(state, branch, t, plans, now, utcOffsetMinutes)
    if (hold === null) return { kind: 'comingUp' }
    if (hold.kind !== 'opensAt') untimed = true
    else if (first === null || hold.at < first.at) first = hold
  }
  if (!waiting) return { kind: 'idle' }
  return { kind: 'held', at: untimed || first === null ? null : first.clock }
}
