import {
  feedPointMix,
  mixPoint,
  mixRate,
  NO_POINT_MIX,
  type PendingPoint,
  type PointMix,
} from '../../../../shared/estimate/pointMix'

const T0 = Date.UTC(2026, 10, 24, 1)

/**
 * A day of tickets of one service issued a minute apart, each waiting `truth(i)` seconds, while
 * the predictors say `said(i)` (model first): the mix's mean and learning rate at each issue, as
 * it learns from the waits — the mix alone, without provisional guesses (`provisionalCharge.test.ts`).
 */
export function playMix(
  n: number,
  said: (i: number) => (number | null)[],
  truth: (i: number) => number,
): { means: number[]; rates: number[] } {
  let mix: PointMix = NO_POINT_MIX
  const pending = new Map<string, PendingPoint>()
  const events: { at: number; id: string | null; issue?: number }[] = []
  for (let i = 0; i < n; i++) {
    events.push({ at: T0 + i * 60_000, id: null, issue: i })
    events.push({ at: T0 + i * 60_000 + truth(i) * 1000, id: `t${i}` })
  }
  events.sort((a, b) => a.at - b.at)
  const means: number[] = []
  const rates: number[] = []
  for (const e of events) {
    if (e.issue !== undefined) {
      const m = mixPoint(mix, 'a', said(e.issue))
      means[e.issue] = m.mean
      rates[e.issue] = mixRate(mix, 'a')
      pending.set(`t${e.issue}`, {
        serviceId: 'a',
        issuedAt: e.at,
        said: m.said,
        charged: [],
        line: 'a',
        lineService: 'a',
        lineClass: null,
        moved: null,
      })
    }
    mix = feedPointMix(mix, pending, e.id, e.at)
  }
  return { means, rates }
}
