import { NO_CALENDAR } from '../../shared/domain/branchCalendar'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { BookingDesk } from '../../hub/appointments/bookingDesk'
import { BookingStore } from '../../hub/appointments/bookingStore'
import { learnedHoldSec } from '../../hub/appointments/learnedHold'
import { NO_KNOWLEDGE, type BranchKnowledge } from '../../hub/estimation/branchKnowledge'
import { nodeFileSystem } from '../../hub/persistence/nodeFileSystem'
import { DEFAULT_APPOINTMENT_POLICY } from '../../shared/appointments/booking'
import { DEMO_BRANCH } from '../../shared/demo/demoBranch'
import { counterId, serviceId, staffId } from '../../shared/domain/ids'
import { summariseServiceTimes } from '../../shared/estimate/serviceTimeStats'
import { Driver, OPENING } from '../shared/support/driver'
import { UpgradeLines } from './support/upgradeLog'

const WEALTH = serviceId('wealth')
/** 10:00 on 2026-11-24 in Beijing: tomorrow's slots are all ahead. */
const NOW = OPENING + 3600_000

/** A past day at counter 5 where each wealth customer held the counter `sec` seconds (standard: 300). */
function pastDay(date: string, customers: number, sec: number) {
  const d = new Driver(DEMO_BRANCH, Date.parse(`${date}T01:00:00Z`)).openDay(date).open(counterId('c5'), staffId('t05'))
  for (let i = 0; i < customers; i++) {
    d.issue(WEALTH)
    d.callNext(counterId('c5'))
    d.run({ type: 'startService', counterId: counterId('c5') })
    d.advance(sec)
    d.run({ type: 'completeService', counterId: counterId('c5'), completedServiceId: null })
  }
  d.run({ type: 'closeDay' })
  return summariseServiceTimes(date, [...d.state.done, ...d.state.open])
}

const dirs: string[] = []
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

async function desk(knowledge: BranchKnowledge): Promise<BookingDesk> {
  const dir = await mkdtemp(join(tmpdir(), 'branch-lobby-bookings-'))
  dirs.push(dir)
  return new BookingDesk({
    store: await BookingStore.open(nodeFileSystem, join(dir, 'appointments.json'), new UpgradeLines()),
    policy: () => ({ services: [WEALTH], ...DEFAULT_APPOINTMENT_POLICY }),
    branch: () => DEMO_BRANCH,
    calendar: () => NO_CALENDAR,
    utcOffsetMinutes: () => 480,
    now: () => NOW,
    usual: () => null,
    learnedHoldSec: learnedHoldSec(
      () => DEMO_BRANCH,
      () => knowledge,
    ),
    // no check-ins here
    ticketStatus: () => undefined,
    lastClosedDay: () => null,
  })
}

const SLOW: BranchKnowledge = {
  ...NO_KNOWLEDGE,
  serviceTimes: [pastDay('2026-11-20', 40, 900), pastDay('2026-11-23', 40, 900)],
}

describe('the capacity rule’s time per customer', () => {
  it('is the service’s standard before the hub has any recent day', async () => {
    expect(
      learnedHoldSec(
        () => DEMO_BRANCH,
        () => NO_KNOWLEDGE,
      )(WEALTH),
    ).toBeNull()
    const d = await desk(NO_KNOWLEDGE)
    expect(d.holdSec({ id: WEALTH, standardSec: 300 })).toBe(300)
  })

  it('is the time learned from recent days when the hub has them, and the slots hold fewer bookings for it', async () => {
    const learned = learnedHoldSec(
      () => DEMO_BRANCH,
      () => SLOW,
    )(WEALTH)
    // 80 customers of 15 minutes against the standard's prior of 5 customers of 5 minutes.
    expect(learned).toBeGreaterThan(800)
    expect(learned).toBeLessThanOrEqual(900)
    const slow = await desk(SLOW)
    expect(slow.holdSec({ id: WEALTH, standardSec: 300 })).toBe(learned)

    const byStandard = (await desk(NO_KNOWLEDGE)).slots(WEALTH, '2026-11-25')
    const byLearned = slow.slots(WEALTH, '2026-11-25')
    const total = (slots: readonly { capacity: number }[]) => slots.reduce((n, s) => n + s.capacity, 0)
    expect(total(byStandard)).toBeGreaterThan(0)
    expect(total(byLearned)).toBeLessThan(total(byStandard))
  })
})
