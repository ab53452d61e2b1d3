import type { BranchConfig, CounterConfig } from '../../../../shared/domain/branch'
import type { Delay } from '../../../../shared/queue/delay'
import type { QueueState } from '../../../../shared/queue/state'
import type { Ticket } from '../../../../shared/queue/ticket'
import type { TransactionClock } from '../../../../shared/queue/transactionClock'
import type { CounterRow } from './counterRows'

/** A transaction running past its service's standard now. */
export interface OverStandardRow {
  readonly counter: CounterConfig
  readonly ticket: Ticket
  readonly clock: TransactionClock
  /** The counter already tells the lobby why (a teller's or the manager's explanation). */
  readonly explained: boolean
}

/** A customer who missed their call and may still re-join. */
export interface RejoinableRow {
  readonly ticket: Ticket
  readonly missedAt: number
  /** Seconds left in the grace window. */
  readonly leftSec: number
}

/**
 * The transactions over standard right now, longest over first.
 *
 * @example
 * overStandard(counterRows(state, branch, now), state)[0] //=> { counter: c2, ticket: A003, clock: { ratio: 2.1, … }, explained: false }
 */
export function overStandard(rows: readonly CounterRow[], state: QueueState): OverStandardRow[] {
  const delays = activeDelays(state)
  const out: OverStandardRow[] = []
  for (const r of rows) {
    if (r.clock === null || !r.clock.overStandard || r.ticket === null) continue
    const id = r.config.id
    const explained = delays.some((d) => d.scope.kind === 'counter' && d.scope.counterId === id)
    out.push({ counter: r.config, ticket: r.ticket, clock: r.clock, explained })
  }
  return out.sort((a, b) => b.clock.ratio - a.clock.ratio)
}

/**
 * The no-shows still inside the declared grace window, the soonest to expire first: the manager
 * can re-join them when they turn up at the desk instead of the kiosk.
 *
 * @example
 * rejoinable(state, branch, now) //=> [{ ticket: A004, missedAt: <10:02>, leftSec: 1440 }]
 */
export function rejoinable(state: QueueState, branch: BranchConfig, now: number): RejoinableRow[] {
  const graceMs = branch.policy.noShowGraceSec * 1000
  const out: RejoinableRow[] = []
  for (const t of state.open) {
    if (t.status !== 'noShow' || t.missedAt === null) continue
    const left = t.missedAt + graceMs - now
    if (left >= 0) out.push({ ticket: t, missedAt: t.missedAt, leftSec: left / 1000 })
  }
  return out.sort((a, b) => a.leftSec - b.leftSec)
}

/**
 * The explanations shown in the lobby now, oldest first.
 *
 * @example
 * activeDelays(state).map((d) => d.kind) //=> ['manager', 'complexBusiness']
 */
export function activeDelays(state: QueueState): Delay[] {
  return Object.values(state.delays)
    .filter((d) => d.endedAt === null)
    .sort((a, b) => a.startedAt - b.startedAt)
}
