import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { BranchConfig } from '../../../shared/domain/branch'
import type { CounterId, ServiceId, TicketId } from '../../../shared/domain/ids'
import type { QueueEvent } from '../../../shared/queue/events'
import { mixSeed, seededRng } from '../../../shared/sim/random'
import { randomBranchDay } from '../../../shared/sim/randomDay'
import { scenarioSimModel } from '../../../shared/sim/scenarioModel'
import { simulateBranch, type SimArrival } from '../../../shared/sim/simulateBranch'

const GRACE = 600

/**
 * Random days of the simulator (random services, counters with preferences and shifts, priority
 * classes, customers who give up), with a wait cap and a share of customers who booked ahead and
 * check in on time (up to 30 minutes early, or up to 10 minutes late).
 */
function bookedDay(seed: number, share: number, graceSec: number) {
  const { model } = scenarioSimModel(randomBranchDay(seed), seed)
  const rng = seededRng(mixSeed(seed * 31 + 7))
  const arrivals: SimArrival[] = model.arrivals.map((a) => {
    if (rng.next() >= share) return a
    const slotSec = Math.max(0, a.at + (rng.next() * 40 - 10) * 60)
    return { ...a, leaves: false, booking: { slotSec, graceSec } }
  })
  const branch: BranchConfig = { ...model.branch, policy: { ...model.branch.policy, waitCapSec: 900 } }
  const events: QueueEvent[] = []
  simulateBranch({ ...model, branch, arrivals, onEvent: (e) => events.push(e) }, seededRng(mixSeed(seed)))
  return { branch, events }
}

interface Booked {
  readonly id: TicketId
  readonly serviceId: ServiceId
  readonly from: number
  readonly deadline: number
  calledAt: number | null
}

/**
 * Every booking the policy failed: called after its deadline (or never) although a counter that
 * serves its service called someone else within its grace who was not a booked customer whose
 * own grace runs out no later.
 */
function brokenPromises(branch: BranchConfig, events: readonly QueueEvent[]) {
  const booked = new Map<TicketId, Booked>()
  const calls: { at: number; counterId: CounterId; ticketId: TicketId }[] = []
  for (const e of events) {
    if (e.type === 'ticketIssued' && e.appointmentAt !== null && e.appointmentGraceSec !== undefined) {
      const from = Math.max(e.appointmentAt, e.at)
      booked.set(e.ticketId, {
        id: e.ticketId,
        serviceId: e.serviceId,
        from,
        deadline: from + e.appointmentGraceSec * 1000,
        calledAt: null,
      })
    }
    if (e.type === 'ticketCalled') {
      calls.push({ at: e.at, counterId: e.counterId, ticketId: e.ticketId })
      const b = booked.get(e.ticketId)
      if (b !== undefined && b.calledAt === null) b.calledAt = e.at
    }
  }
  const broken: { booking: Booked; call: (typeof calls)[number] }[] = []
  let kept = 0
  for (const b of booked.values()) {
    if (b.calledAt !== null && b.calledAt <= b.deadline) {
      kept++
      continue
    }
    for (const c of calls) {
      if (c.at < b.from || c.at > b.deadline) continue
      const serves = branch.counters.find((x) => x.id === c.counterId)?.services.includes(b.serviceId) ?? false
      if (!serves) continue
      const other = booked.get(c.ticketId)
      const fair = other !== undefined && other.from <= c.at && other.deadline <= b.deadline
      if (!fair) broken.push({ booking: b, call: c })
    }
  }
  return { broken, kept, booked: booked.size }
}

describe('the call grace over random simulated days', () => {
  it('calls every on-time booking within its grace when a counter serving it frees up within the grace', () => {
    let kept = 0
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(0.05, 0.15, 0.3), (seed, share) => {
        const { branch, events } = bookedDay(seed, share, GRACE)
        const r = brokenPromises(branch, events)
        kept += r.kept
        expect(r.broken).toEqual([])
      }),
      { numRuns: 25 },
    )
    // Not vacuous: the days hold bookings that were called within their grace.
    expect(kept).toBeGreaterThan(100)
  })
})
