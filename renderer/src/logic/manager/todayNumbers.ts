import type { BranchConfig } from '../../../../shared/domain/branch'
import type { QueueState } from '../../../../shared/queue/state'
import { isNoShow } from '../../../../shared/queue/noShow'
import type { Ticket } from '../../../../shared/queue/ticket'
import { ticketWait } from '../../../../shared/queue/ticketWait'
import { standardTally, timedTransactions, transactionStandardSec } from '../../../../shared/queue/transactionStandard'

/**
 * Today's numbers at a glance, from the live state. Durations in seconds, shares in [0, 1];
 * null where nothing has been measured yet (a share of nothing is not 100 %).
 */
export interface TodayNumbers {
  readonly issued: number
  readonly served: number
  readonly waitingNow: number
  /** By the one definition of `queue/noShow`, as the report counts them. */
  readonly noShows: number
  readonly cancelled: number
  /** Issue → first call, over the tickets called so far. */
  readonly meanWaitSec: number | null
  /**
   * The longest wait so far: issue → first call for those called, and for those waiting now the
   * wait every screen states (`shared/queue/ticketWait`, from the issue, a re-join or transfer not
   * restarting it), so it is never shorter than the longest wait in the queue table below it.
   */
  readonly longestWaitSec: number | null
  /** Called within their service's target wait (see `withinTarget`). */
  readonly withinTargetShare: number | null
  /** Finished transactions within their service's standard, by the one definition (`standardTally`). */
  readonly withinStandardShare: number | null
}

/**
 * The day so far, counted the way the daily report counts it (`shared/reports/ticketTimes.ts`),
 * so the glance and the report agree: the wait is issue → first call; a ticket never called
 * counts as late once it has waited past the target and is left out before that; a transaction
 * is judged against the standard of the service actually done; a no-show is what `isNoShow` says,
 * here and in the report. One difference, because the live state does not keep what the journal
 * does: a ticket transferred to another service before its first call is judged against its new
 * service's target (the report: the service it was issued for).
 *
 * @example
 * // A001 issued 10:00, called 10:04, served in 50 s (standard 60 s); A002 waiting since 10:01
 * todayNumbers(state, branch, tenOhSix)
 * //=> { issued: 2, served: 1, waitingNow: 1, noShows: 0, cancelled: 0, meanWaitSec: 240,
 * //     longestWaitSec: 300, withinTargetShare: 1, withinStandardShare: 1 }
 */
export function todayNumbers(state: QueueState, branch: BranchConfig, now: number): TodayNumbers {
  const targetOf = new Map(branch.services.map((s) => [s.id as string, s.targetWaitSec]))
  let served = 0
  let waitingNow = 0
  let noShows = 0
  let cancelled = 0
  let waitSum = 0
  let waitN = 0
  let longest: number | null = null
  let targetJudged = 0
  let targetWithin = 0
  const judgedTx: { durationSec: number; standardSec: number | null }[] = []

  for (const t of ticketsOf(state)) {
    if (t.outcome === 'served') served++
    else if (t.outcome === 'cancelled') cancelled++
    if (isNoShow(t)) noShows++
    if (t.status === 'waiting') waitingNow++
    const first = t.visits[0]
    // Judged against the service the customer first queued for (a later transfer does not
    // change how long the first wait was allowed to be).
    const target = targetOf.get(first?.serviceId ?? t.serviceId)
    // A customer waiting now (first time, re-joined or transferred) waits on from the issue.
    if (t.status === 'waiting') longest = Math.max(longest ?? 0, ticketWait(t, now).waitedSec)
    if (first !== undefined) {
      const wait = (first.calledAt - t.issuedAt) / 1000
      waitSum += wait
      waitN++
      longest = Math.max(longest ?? 0, wait)
      if (target !== undefined) {
        targetJudged++
        if (wait <= target) targetWithin++
      }
    } else {
      const waited = ((t.endedAt ?? now) - t.issuedAt) / 1000
      if (t.endedAt === null) longest = Math.max(longest ?? 0, waited)
      if (target !== undefined && waited > target) targetJudged++
    }
    for (const { transaction, durationSec } of timedTransactions(t)) {
      judgedTx.push({ durationSec, standardSec: transactionStandardSec(branch, transaction) })
    }
  }

  return {
    issued: state.issued,
    served,
    waitingNow,
    noShows,
    cancelled,
    meanWaitSec: waitN === 0 ? null : waitSum / waitN,
    longestWaitSec: longest,
    withinTargetShare: targetJudged === 0 ? null : targetWithin / targetJudged,
    withinStandardShare: standardTally(judgedTx).share,
  }
}

function* ticketsOf(state: QueueState): Generator<Ticket> {
  yield* state.open
  yield* state.done
}
