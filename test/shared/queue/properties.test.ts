import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CounterId, StaffId, TicketId } from '../../../shared/domain/ids'
import { counterId, staffId, ticketId } from '../../../shared/domain/ids'
import { replay } from '../../../shared/queue/applyEvent'
import type { Command } from '../../../shared/queue/commands'
import { invariantViolations } from '../../../shared/queue/invariants'
import { allTickets, EMPTY_STATE, getTicket } from '../../../shared/queue/state'
import { awaitOutcome, learnFrom, onlineLearner } from '../../../shared/estimate/onlineLearner'
import { lineOf } from '../../../shared/estimate/pointMix'
import type { QueueEvent } from '../../../shared/queue/events'
import { Driver } from '../support/driver'
import { CARE, TEST_BRANCH, VIP } from '../support/testBranch'

const services = TEST_BRANCH.services.map((s) => s.id)
const counters = TEST_BRANCH.counters.map((c) => c.id)
const staff: StaffId[] = ['s1', 's2', 's3', 's4'].map(staffId)

/** A command with its targets given as indexes, resolved against the live state when run. */
type Step = { kind: number; a: number; b: number; advance: number }

const step = fc.record({
  kind: fc.integer({ min: 0, max: 23 }),
  a: fc.nat(50),
  b: fc.nat(50),
  advance: fc.integer({ min: 0, max: 400 }),
})

function pick<T>(xs: readonly T[], i: number): T {
  return xs[i % xs.length] as T
}

/**
 * Mostly aims a command at a counter or ticket in a state where it can succeed, so sequences go
 * deep (calls, recalls, no-shows, re-joins); one time in four it picks any, so refusals are
 * exercised too.
 */
function counterFor(d: Driver, s: Step, statuses: readonly string[]): CounterId {
  const fitting = counters.filter((c) => statuses.includes(d.state.counters[c]?.status ?? 'closed'))
  return s.b % 4 === 0 || fitting.length === 0 ? pick(counters, s.a) : pick(fitting, s.a)
}

function ticketFor(d: Driver, s: Step, statuses: readonly string[]): TicketId {
  const all = allTickets(d.state)
  if (all.length === 0) return ticketId('20261124-A404')
  const fitting = all.filter((t) => statuses.includes(t.status))
  return (s.b % 4 === 0 || fitting.length === 0 ? pick(all, s.a) : pick(fitting, s.a)).id
}

function toCommand(d: Driver, s: Step): Command {
  const idle = () => counterFor(d, s, ['idle'])
  const calling = () => counterFor(d, s, ['calling'])
  switch (s.kind) {
    case 0:
    case 1:
    case 2:
      return {
        type: 'issueTicket',
        serviceId: pick(services, s.a),
        priorityClassId: pick([null, null, VIP, CARE], s.b),
        language: 'zh-CN',
        appointmentAt: null,
        estimate: null,
      }
    case 3:
    case 4:
    case 5:
      return { type: 'callNext', counterId: idle() }
    case 6:
    case 7:
      return { type: 'recall', counterId: calling() }
    case 8:
    case 9:
      return { type: 'startService', counterId: calling() }
    case 10:
    case 11:
      return { type: 'completeService', counterId: counterFor(d, s, ['serving']), completedServiceId: null }
    case 12: {
      // recall until the declared number is reached, then mark the no-show
      const counterId = calling()
      const held = d.state.counters[counterId]?.ticketId
      const recalls = held == null ? 0 : (getTicket(d.state, held)?.visits.at(-1)?.recalls ?? 0)
      return recalls < d.branch.policy.recallsBeforeNoShow && s.b % 5 !== 0
        ? { type: 'recall', counterId }
        : { type: 'markNoShow', counterId }
    }
    case 13:
      return { type: 'rejoin', ticketId: ticketFor(d, s, ['noShow']) }
    case 14:
      return {
        type: 'transfer',
        ticketId: ticketFor(d, s, ['waiting', 'called', 'serving']),
        toServiceId: pick([...services, null], s.b),
        toCounterId: pick([null, ...counters], s.b + 1),
      }
    case 15:
      return { type: 'park', counterId: counterFor(d, s, ['calling', 'serving']) }
    case 16:
      return { type: 'resume', ticketId: ticketFor(d, s, ['parked']) }
    case 17:
      return { type: 'cancel', ticketId: ticketFor(d, s, ['waiting', 'called', 'parked', 'noShow']) }
    case 18:
      return { type: 'openCounter', counterId: counterFor(d, s, ['closed']), staffId: pick(staff, s.b) }
    case 19:
      return { type: 'pauseCounter', counterId: idle(), reason: { code: 'break', note: '' } }
    case 20:
      return { type: 'resumeCounter', counterId: counterFor(d, s, ['paused']) }
    case 21:
      return s.b % 3 === 0 ? { type: 'closeCounter', counterId: idle() } : { type: 'callNext', counterId: idle() }
    case 22:
      return { type: 'rate', ticketId: ticketFor(d, s, ['done']), score: 1 + (s.b % 6) }
    default:
      return {
        type: 'callSpecific',
        counterId: idle(),
        ticketId: ticketFor(d, s, ['waiting']),
        reason: 'customer asked',
      }
  }
}

function deepFreeze(x: unknown): void {
  if (x === null || typeof x !== 'object' || Object.isFrozen(x)) return
  Object.freeze(x)
  for (const v of Object.values(x)) deepFreeze(v)
}

describe('engine properties under random command sequences', () => {
  it('keeps every invariant, refuses without changing state, and replays to the live state', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 100, maxLength: 300 }), (steps) => {
        const d = new Driver().openDay()
        for (const s of steps) {
          d.advance(s.advance)
          // Frozen: the fold copies what it changes, so a state once handed out never changes
          // under its holder (a change in place would throw here).
          deepFreeze(d.state)
          d.attempt(toCommand(d, s))
          expect(invariantViolations(d.state)).toEqual([])
        }
        // a served ticket is served at most once across the day
        const servedVisits = allTickets(d.state).flatMap((t) => t.visits.filter((v) => v.outcome === 'served'))
        expect(new Set(servedVisits.map((v) => `${v.counterId}@${v.endedAt}`)).size).toBe(servedVisits.length)
        expect(replay(d.log, EMPTY_STATE)).toEqual(d.state)
        d.run({ type: 'closeDay' })
        expect(invariantViolations(d.state)).toEqual([])
        expect(d.state.open).toEqual([])
        expect(d.state.done.every((t) => t.status === 'done')).toBe(true)
      }),
      { numRuns: 100, seed: 20261124 },
    )
  })

  it('keeps the estimator learner’s awaited tickets in the lines the engine folds them into', () => {
    // The learner keeps its own view of who waits for a first call and in which line (service
    // and class), followed through transfers, cancellations and out-of-turn calls: it must agree
    // with the engine's fold after every event, and its guesses stay finite.
    const shown = { mean: 600, p10: 120, p50: 500, p90: 1500 }
    fc.assert(
      fc.property(fc.array(step, { minLength: 100, maxLength: 300 }), (steps) => {
        const d = new Driver().openDay()
        const learner = onlineLearner()
        let fed = 0
        const feed = (): void => {
          for (; fed < d.log.length; fed++) {
            const e = d.log[fed] as QueueEvent
            if (e.type === 'ticketIssued') {
              awaitOutcome(
                learner,
                e.ticketId,
                e.serviceId,
                e.at,
                shown,
                [600, 300, 450, 500],
                e.priorityClassId,
                e.appointmentAt !== null,
              )
            }
            learnFrom(learner, e)
          }
        }
        feed()
        for (const s of steps) {
          d.advance(s.advance)
          d.attempt(toCommand(d, s))
          feed()
          const awaited = allTickets(d.state).filter((t) => t.status === 'waiting' && t.visits.length === 0)
          expect([...learner.points.keys()].sort()).toEqual(awaited.map((t) => t.id as string).sort())
          for (const t of awaited) expect(learner.points.get(t.id)?.line).toBe(lineOf(t.serviceId, t.priorityClassId))
          for (const losses of Object.values(learner.mix.judged)) {
            for (const x of losses) expect(Number.isFinite(x) && x >= 0).toBe(true)
          }
        }
      }),
      { numRuns: 60, seed: 20261206 },
    )
  })

  it('finds the broken invariant when a state is corrupted (the check can fail)', () => {
    const d = new Driver().openDay().open(counters[0] as CounterId, staff[0] as StaffId)
    d.issue(services[0] as (typeof services)[number])
    const called = d.callNext(counters[0] as CounterId)
    const holder = d.state.counters['c1']
    if (holder === undefined) throw new Error('counter c1 should be open')
    const corrupt = { ...d.state, counters: { ...d.state.counters, c2: { ...holder, id: counterId('c2') } } }
    expect(invariantViolations(corrupt).join('\n')).toContain(`ticket ${called.id} is at counters c1 and c2`)
  })
})
