import { autoDelayCommands } from '../delays/autoDelayCommands'
import { DEFAULT_THRESHOLDS } from '../delays/detectDelays'
import type { UsualPattern } from '../delays/usualPattern'
import type { BranchConfig } from '../domain/branch'
import type { LearnedServiceTimes } from '../estimate/learnServiceTimes'
import type { Ticket } from '../queue/ticket'
import type { SimHubActs } from './simulateBranch'

/** How often the live hub's timer asks for explanations with no event (`TICK_MS` in `hub/startHub.ts`). */
const HUB_TIMER_SEC = 30

export interface SimExplanationsOptions {
  /** The scenario's branch, which the simulator's engine runs. */
  readonly branch: BranchConfig
  /** The branch as configured, whose counters' numbers the explanations name (default `branch`). */
  readonly configured?: BranchConfig
  /** What the hub knew that morning: the usual day, and the service times learned so far (asked when needed). */
  readonly usual: UsualPattern | null
  readonly model: () => LearnedServiceTimes | null
  readonly utcOffsetMinutes: number
}

/** The hub's automatic explanations in a simulated day (`runScenario`'s `explainDelays`). */
export interface SimExplanations {
  readonly hubActs: SimHubActs
  /** The engine's branch: the scenario's, knowing the configured counters the day goes without. */
  readonly engineBranch: BranchConfig
  /** To be told of each ticket as the simulator archives it (see below). */
  readonly finished: (ticket: Ticket) => void
}

/**
 * The live hub's automatic delay explanations (`autoDelayCommands`, the one decision) for a
 * simulated day, asked after every happening and every 30 s of its timer. The live hub's state
 * keeps the day's finished tickets, whose arrivals the explanations count over their window; the
 * simulator archives them as they finish, so they are kept here as long. The engine is given the
 * configured counters a day goes without (a helper counter shut at weekends), never opened, so it
 * takes an explanation of one closed while people wait as the hub's engine does.
 *
 * @example
 * const x = simExplanations({ branch, configured: DEMO_BRANCH, usual, model, utcOffsetMinutes: 480 })
 * simulateBranch({ ...model, branch: x.engineBranch, hubActs: x.hubActs, onFinished: x.finished }, rng)
 */
export function simExplanations(o: SimExplanationsOptions): SimExplanations {
  const configured = o.configured ?? o.branch
  let finished: Ticket[] = []
  const missing = configured.counters.filter((c) => !o.branch.counters.some((k) => k.id === c.id))
  return {
    engineBranch: missing.length === 0 ? o.branch : { ...o.branch, counters: [...o.branch.counters, ...missing] },
    finished: (t) => finished.push(t),
    hubActs: {
      everySec: HUB_TIMER_SEC,
      commands: (state, now) => {
        const from = now - DEFAULT_THRESHOLDS.arrivalsWindowSec * 1000
        finished = finished.filter((t) => t.issuedAt > from)
        const seen = finished.length === 0 ? state : { ...state, done: [...state.done, ...finished] }
        return autoDelayCommands(seen, configured, now, {
          usual: o.usual,
          model: o.model,
          utcOffsetMinutes: o.utcOffsetMinutes,
        })
      },
    },
  }
}
