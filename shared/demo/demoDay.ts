import type { BranchConfig } from '../domain/branch'
import { dayKind, openingOn, type BranchCalendar } from '../domain/branchCalendar'
import { weekday } from '../domain/localTime'
import { clockMinutes } from '../util/clockMinutes'
import { clockOf } from '../appointments/daySlots'
import { mixSeed, seededRng } from '../sim/random'
import type { Scenario, ScenarioArrival, ScenarioCounter, ScenarioTransfer } from '../sim/scenario'
import { scenarioClass, scenarioService } from '../sim/scenarioFromBranch'
import { tellerBreaks } from '../sim/tellerBreaks'

/**
 * A demo teller's transaction takes the service's standard times this, on average (the live
 * demo's simulated tellers too: `hub/demo/demoActivity.ts`), so the month of history and the
 * morning under way are the same branch.
 */
export const DEMO_OVER_STANDARD = 1.1
/** Transactions vary: lognormal, this coefficient of variation. */
const TRANSACTION_CV = 0.6
/** Walk from the call to the counter, seconds. */
const WALK_SEC = 15

/** Who comes for what: most for personal banking. */
const SERVICE_MIX: Readonly<Record<string, number>> = { personal: 0.6, cards: 0.15, business: 0.15, wealth: 0.1 }
/** Walk-ins who ask for a class at the kiosk; the rest have none (appointments book ahead). */
const CLASS_MIX: Readonly<Record<string, number>> = { vip: 0.04, care: 0.05, military: 0.01 }
/** Customers the teller sends on to another desk after their own transaction. */
const TRANSFERS: readonly ScenarioTransfer[] = [
  { from: 'personal', to: 'cards', share: 0.03 },
  { from: 'personal', to: 'wealth', share: 0.02 },
  { from: 'business', to: 'personal', share: 0.03 },
  { from: 'cards', to: 'personal', share: 0.03 },
]
/** Tellers are not all as quick: counter number → pace against the standard. */
const SPEEDS: readonly number[] = [1.2, 0.9, 1.15, 1.0, 0.9, 0.85]

/**
 * Who works the demo's counter at index `i` (0-based), in its history and live: counter n is
 * worked by teller `t0n` of the demo's staff list (`hub/config/demoBranchFile.ts`, `DEMO_STAFF`),
 * counters 1 and 2 by the people trying the demo (t01, t02), the others by the live demo's
 * simulated tellers (`hub/demo/demoActivity.ts`) under the names of t03–t06, so reports name a
 * person the manager finds on the staff list, never a made-up id. The estimator learns each
 * teller's pace (`staffPaces`), so the month of history must be worked by the tellers who work
 * the morning under way.
 *
 * @example
 * demoTellerAt(0) //=> 't01'
 * demoTellerAt(5) //=> 't06'
 */
export function demoTellerAt(i: number): string {
  return `t${String(i + 1).padStart(2, '0')}`
}

/**
 * Relative arrivals by local clock hour: few at opening, a morning ramp, a lunch-hour peak of
 * office workers, a quieter afternoon.
 */
function hourShape(hour: number): number {
  const shape: Readonly<Record<number, number>> = { 9: 0.7, 10: 1.0, 11: 1.1, 12: 1.3, 13: 1.1, 14: 0.95, 15: 0.9 }
  return shape[hour] ?? 0.7
}

/**
 * One day of the demo branch as a simulator scenario (`docs/simulator.md`), for the month of
 * history a fresh demo shows: the doors' hours of the branch's calendar that day (none: closed,
 * null), the demo's services and standards, walk-ins with the classes the kiosk offers, some who
 * leave (3 % before their call, more once they have waited long), a few sent on to another desk,
 * tellers of different pace with meal and short breaks, two counters staffed only for the busy
 * middle of a working day. Arrivals ramp up in the morning and peak at lunch at 68–88 % of what
 * the counters can do (Mondays busiest, weekends quieter), so people wait minutes at the peak.
 * Deterministic for a seed.
 *
 * @example
 * demoDayScenario(DEMO_BRANCH, DEMO_CALENDAR, 480, '2026-12-07', 7)?.hours //=> { open: '09:00', close: '17:00' }
 * demoDayScenario(DEMO_BRANCH, DEMO_CALENDAR, 480, '2026-10-01', 7) //=> null (a holiday)
 */
export function demoDayScenario(
  branch: BranchConfig,
  calendar: BranchCalendar,
  utcOffsetMin: number,
  date: string,
  seed: number,
): Scenario | null {
  const stretches = openingOn(date, calendar) ?? [{ opens: '09:00', closes: '17:00' }]
  const first = stretches[0]
  if (first === undefined) return null
  const rng = seededRng(mixSeed(seed))
  const open = clockMinutes(first.opens)
  const close = clockMinutes(first.closes)
  const hours = Math.ceil((close - open) / 60)
  const working = dayKind(date, calendar) === 'workingDay'
  // The first and the last counter help through the middle of a long working day (the others
  // serve every service between them); at weekends they are shut.
  const counters: ScenarioCounter[] = branch.counters.flatMap((c, i): ScenarioCounter[] => {
    const helper = i === 0 || i === branch.counters.length - 1
    if (helper && !working) return []
    const from = helper && hours >= 7 ? open + (i === 0 ? 30 : 60) : open
    const until = helper && hours >= 7 ? close - 60 : close
    const breaks = tellerBreaks(rng, from / 60, until / 60)
    return [
      {
        id: c.id,
        services: [...c.services],
        speed: SPEEDS[i] ?? 1,
        staff: demoTellerAt(i),
        ...(from === open ? {} : { open: clockOf(from) }),
        ...(until === close ? {} : { close: clockOf(until) }),
        ...(breaks.length === 0 ? {} : { breaks }),
      },
    ]
  })
  const services = branch.services.map((s) =>
    scenarioService(s, { dist: 'lognormal', meanSec: s.standardSec * DEMO_OVER_STANDARD, cv: TRANSACTION_CV }),
  )
  // A customer's time at the counter, on average over the mix (a transfer's second transaction too).
  const meanSec = (id: string): number => (services.find((s) => s.id === id)?.standardSec ?? 60) * DEMO_OVER_STANDARD
  const perCustomerSec = Object.entries(SERVICE_MIX).reduce((sum, [id, share]) => {
    const onward = TRANSFERS.filter((t) => t.from === id).reduce((x, t) => x + t.share * (meanSec(t.to) + WALK_SEC), 0)
    return sum + share * (meanSec(id) + WALK_SEC + onward)
  }, 0)
  const pace = counters.reduce((sum, c) => sum + (c.speed ?? 1), 0)
  const peakLoad = (working ? 0.8 : 0.68) + (weekday(date) === 1 ? 0.04 : 0) + 0.04 * rng.next()
  const peakShape = Math.max(...Array.from({ length: hours }, (_, h) => hourShape(Math.floor(open / 60) + h)))
  const perHour = Array.from(
    { length: hours },
    (_, h) => ((peakLoad * pace * 3600) / perCustomerSec) * (hourShape(Math.floor(open / 60) + h) / peakShape),
  )
  const round = (x: number): number => Math.round(x * 100) / 100
  const classes = branch.priorityClasses.filter((p) => CLASS_MIX[p.id] !== undefined)
  const noClass = 1 - classes.reduce((sum, p) => sum + (CLASS_MIX[p.id] ?? 0), 0)
  const arrivals: ScenarioArrival[] = branch.services.flatMap((s) => {
    const share = SERVICE_MIX[s.id] ?? 0
    return [
      { service: s.id, perHour: perHour.map((n) => round(n * share * noClass)) },
      ...classes.map((p) => ({
        service: s.id,
        priority: p.id,
        perHour: perHour.map((n) => round(n * share * (CLASS_MIX[p.id] ?? 0))),
      })),
    ]
  })
  return {
    name: 'demo day',
    date,
    utcOffsetMin,
    hours: { open: first.opens, close: first.closes },
    services,
    priorityClasses: classes.map(scenarioClass),
    arrivals,
    counters,
    transfers: TRANSFERS.filter((t) => services.some((s) => s.id === t.from) && services.some((s) => s.id === t.to)),
    noShowProbability: 0.03,
    // Most wait as long as it takes; some give up after twenty minutes or so.
    patience: { dist: 'lognormal', meanSec: 50 * 60, cv: 0.6 },
    walkSec: WALK_SEC,
    recallsBeforeNoShow: branch.policy.recallsBeforeNoShow,
    ...(branch.policy.recallIntervalSec === undefined ? {} : { recallIntervalSec: branch.policy.recallIntervalSec }),
    waitCapSec: branch.policy.waitCapSec,
  }
}
