import type { WaitEstimator } from '../../../hub/estimation/estimator'
import { peopleAhead } from '../../../shared/queue/peopleAhead'

import type { BranchConfig } from '../../../shared/domain/branch'

/**
 * A transparent estimator for hub tests: one minute per person ahead, ±50 %. The hub's tests
 * check that estimates flow (journal, receipt, live channel), not their quality; the real
 * estimator is tested in test/shared/estimate.
 */
export function peopleAheadEstimator(branch: BranchConfig): WaitEstimator {
  const of = (ahead: number) => ({
    mean: 60 * (ahead + 1),
    p10: 30 * (ahead + 1),
    p50: 60 * (ahead + 1),
    p90: 90 * (ahead + 1),
  })
  return {
    shown: (e, previous, _now, explained) => {
      if (e.p90 < 120) return { kind: 'soon' }
      const range = {
        kind: 'range' as const,
        lowMin: Math.max(1, Math.floor(e.p10 / 60)),
        highMin: Math.ceil(e.p90 / 60),
      }
      const before = previous?.shown
      return before?.kind === 'range' && !explained && range.highMin > before.highMin ? before : range
    },
    all: (state, now) => ({
      tickets: Object.fromEntries(
        state.open.filter((t) => t.status === 'waiting').map((t) => [t.id, of(peopleAhead(state, branch, t, now))]),
      ),
      newTicket: Object.fromEntries(
        branch.services.map((s) => [
          s.id,
          { ordinary: of(state.open.filter((t) => t.status === 'waiting' && t.serviceId === s.id).length) },
        ]),
      ),
    }),
  }
}
