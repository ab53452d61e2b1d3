import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Command } from '../../shared/queue/commands'
import { counterId, staffId, ticketId, type TicketId } from '../../shared/domain/ids'
import { allTickets, getTicket } from '../../shared/queue/state'
import { buildDayReport } from '../../shared/reports/dayReport'
import { Driver } from '../shared/support/driver'
import { A, B, C1, C2, C3, CARE, TEST_BRANCH, VIP } from '../shared/support/testBranch'
import { todayNumbers } from '../../renderer/src/logic/manager/todayNumbers'
import { waitingList } from '../../renderer/src/logic/manager/waitingList'
import { serviceQueues } from '../../renderer/src/logic/manager/serviceQueues'
import { rejoinable } from '../../renderer/src/logic/manager/attention'

const counters = [C1, C2, C3]
function pick<T>(xs: readonly T[], i: number): T {
  return xs[i % xs.length] as T
}
type Step = { kind: number; a: number; b: number; advance: number }
const step = fc.record({
  kind: fc.integer({ min: 0, max: 16 }),
  a: fc.nat(50),
  b: fc.nat(50),
  advance: fc.integer({ min: 0, max: 500 }),
})

function ticketFor(d: Driver, s: Step, statuses: readonly string[]): TicketId {
  const fitting = allTickets(d.state).filter((t) => statuses.includes(t.status))
  return fitting.length === 0 ? ticketId('none') : pick(fitting, s.a).id
}
function counterFor(d: Driver, s: Step, statuses: readonly string[]) {
  const fitting = counters.filter((c) => statuses.includes(d.state.counters[c]?.status ?? 'closed'))
  return fitting.length === 0 ? pick(counters, s.a) : pick(fitting, s.a)
}

/** Random days, except transfers of tickets not yet called (the one case the live state cannot match). */
function toCommand(d: Driver, s: Step): Command {
  switch (s.kind) {
    case 0:
    case 1:
    case 2:
      return {
        type: 'issueTicket',
        serviceId: pick([A, B], s.a),
        priorityClassId: pick([null, null, VIP, CARE], s.b),
        language: 'zh-CN',
        appointmentAt: null,
        estimate: null,
      }
    case 3:
    case 4:
      return { type: 'callNext', counterId: counterFor(d, s, ['idle']) }
    case 5:
      return { type: 'recall', counterId: counterFor(d, s, ['calling']) }
    case 6:
    case 7:
      return { type: 'startService', counterId: counterFor(d, s, ['calling']) }
    case 8:
    case 9:
      return {
        type: 'completeService',
        counterId: counterFor(d, s, ['serving']),
        completedServiceId: s.b % 4 === 0 ? B : null,
      }
    case 10: {
      const c = counterFor(d, s, ['calling'])
      const held = d.state.counters[c]?.ticketId
      const recalls = held == null ? 0 : (getTicket(d.state, held)?.visits.at(-1)?.recalls ?? 0)
      return recalls < 2 ? { type: 'recall', counterId: c } : { type: 'markNoShow', counterId: c }
    }
    case 11:
      return { type: 'rejoin', ticketId: ticketFor(d, s, ['noShow']) }
    case 12:
      return {
        type: 'transfer',
        ticketId: ticketFor(d, s, ['called', 'serving']),
        toServiceId: pick([A, B, null], s.b),
        toCounterId: pick([null, ...counters], s.b + 1),
      }
    case 13:
      return { type: 'park', counterId: counterFor(d, s, ['calling', 'serving']) }
    case 14:
      return { type: 'resume', ticketId: ticketFor(d, s, ['parked']) }
    case 15:
      return { type: 'cancel', ticketId: ticketFor(d, s, ['waiting', 'called', 'parked', 'noShow']) }
    default:
      return { type: 'openCounter', counterId: counterFor(d, s, ['closed']), staffId: staffId(`s${s.a % 3}`) }
  }
}

const close = (a: number | null, b: number | null) => {
  if (a === null || b === null) expect(a).toBe(b)
  else expect(a).toBeCloseTo(b, 9)
}

describe('todayNumbers', () => {
  it('agrees with the daily report built from the same day, during the day and after its close', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 50, maxLength: 250 }), fc.boolean(), (steps, closeAtEnd) => {
        const d = new Driver().openDay()
        for (const c of counters) d.run({ type: 'openCounter', counterId: c, staffId: staffId(`x${c}`) })
        for (const s of steps) {
          d.advance(s.advance)
          d.attempt(toCommand(d, s))
        }
        d.advance(30)
        if (closeAtEnd) d.run({ type: 'closeDay' })
        const mine = todayNumbers(d.state, TEST_BRANCH, d.now)
        const k = buildDayReport({
          events: d.log,
          branch: TEST_BRANCH,
          utcOffsetMinutes: 480,
          feedback: [],
          asOf: d.now,
        }).kpis
        expect(mine.issued).toBe(k.issued)
        expect(mine.served).toBe(k.served)
        expect(mine.cancelled).toBe(k.cancelled)
        // One definition of a no-show: the live header and the report count the same.
        expect(mine.noShows).toBe(k.noShows)
        close(mine.meanWaitSec, k.waitMeanSec)
        close(mine.withinTargetShare, k.waitWithinTargetShare)
        close(mine.withinStandardShare, k.transactionWithinStandardShare)
        expect(mine.waitingNow).toBe(d.state.open.filter((t) => t.status === 'waiting').length)
      }),
      { numRuns: 200 },
    )
  })

  it('states a longest wait never shorter than the queue table beside it (re-joined and transferred customers too)', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 50, maxLength: 250 }), (steps) => {
        const d = new Driver().openDay()
        for (const c of counters) d.run({ type: 'openCounter', counterId: c, staffId: staffId(`x${c}`) })
        for (const s of steps) {
          d.advance(s.advance)
          d.attempt(toCommand(d, s))
        }
        d.advance(30)
        const strip = todayNumbers(d.state, TEST_BRANCH, d.now).longestWaitSec
        const rows = serviceQueues(d.state, TEST_BRANCH, waitingList(d.state, TEST_BRANCH, d.now))
        const table = rows.reduce<number | null>(
          (m, r) => (r.longestWaitSec === null ? m : Math.max(m ?? 0, r.longestWaitSec)),
          null,
        )
        if (table !== null) expect(strip).toBeGreaterThanOrEqual(table)
      }),
      { numRuns: 200 },
    )
  })
})

describe('floor helpers', () => {
  it('lists every waiting ticket once, the first of a service where a counter would call it first', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 30, maxLength: 200 }), (steps) => {
        const d = new Driver().openDay()
        for (const c of counters) d.run({ type: 'openCounter', counterId: c, staffId: staffId(`x${c}`) })
        for (const s of steps) {
          d.advance(s.advance)
          d.attempt(toCommand(d, s))
        }
        const rows = waitingList(d.state, TEST_BRANCH, d.now)
        const waiting = d.state.open.filter((t) => t.status === 'waiting')
        expect(rows.map((r) => r.ticket.id).sort()).toEqual(waiting.map((t) => t.id).sort())
        expect(serviceQueues(d.state, TEST_BRANCH, rows).reduce((n, q) => n + q.waiting, 0)).toBe(waiting.length)
        // A fresh counter serving only A calls the A ticket the list puts first (among those sent to no counter).
        const first = rows.find((r) => r.ticket.serviceId === A && r.ticket.targetCounterId === null)
        if (first !== undefined) {
          expect(first.place).toBe(1)
          const z = counterId('z')
          const probe = new Driver({ ...TEST_BRANCH, counters: [{ id: z, number: 9, services: [A] }] }, d.now)
          probe.state = d.state
          probe.run({ type: 'openCounter', counterId: z, staffId: staffId('z') })
          expect(probe.callNext(z).id).toBe(first.ticket.id)
        }
        // The re-joinable are exactly the no-shows still inside the grace window.
        const grace = TEST_BRANCH.policy.noShowGraceSec * 1000
        const inGrace = d.state.open.filter((t) => t.status === 'noShow' && d.now - (t.missedAt ?? 0) <= grace)
        expect(
          rejoinable(d.state, TEST_BRANCH, d.now)
            .map((r) => r.ticket.id)
            .sort(),
        ).toEqual(inGrace.map((t) => t.id).sort())
      }),
      { numRuns: 150 },
    )
  })
})
