import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { UsualDayView } from '../../shared/api/views'
import { addDays } from '../../shared/domain/localTime'
import { FakeClock } from './support/fakeClock'
import { HubFixture } from './support/hubFixture'

/**
 * A branch whose Saturdays and Sundays run on one counter where working days have two: the usual
 * day the hub explains delays by is the usual day of today's kind, learned again when a day
 * opens that the hub did not learn for (Monday, after a close that learned for Sunday).
 */
let f: HubFixture | undefined
afterEach(async () => {
  await f?.stop()
  f = undefined
})

const HOUR = 3_600_000
/** 00:00 in Beijing on a date, epoch ms. */
const midnight = (date: string): number => Date.parse(`${date}T00:00:00Z`) - 8 * HOUR

/** A past day's journal: the counters given open 09:00–17:00, nothing else. */
function pastDay(date: string, counters: readonly string[]): string {
  const at = (h: number, m = 0): number => midnight(date) + h * HOUR + m * 60_000
  const events = [
    { type: 'dayOpened', date, at: at(9) },
    ...counters.map((c, i) => ({ type: 'counterOpened', counterId: c, staffId: `t0${i + 1}`, at: at(9, 1) })),
    ...counters.map((c) => ({ type: 'counterClosed', counterId: c, at: at(17) })),
    { type: 'dayClosed', at: at(17, 1) },
  ]
  return events
    .map((e, i) => `${JSON.stringify({ e: { ...e, seq: i + 1 }, m: { actor: { kind: 'system', reason: 'test' } } })}\n`)
    .join('')
}

const closedExplained = async (fixture: HubFixture): Promise<boolean> => {
  // the hub explains delays at most once a second after the events that cause them
  await new Promise((r) => setTimeout(r, 1500))
  await fixture.hub.context.host.tick()
  return fixture.hub.context.host.current.delays['auto:counterClosed:c2']?.endedAt === null
}

describe('the usual day, by kind of day', () => {
  it('does not explain a weekend’s closed weekday counter as a delay, and does on Monday', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'branch-lobby-usual-kind-'))
    await mkdir(join(dir, 'journal'))
    // Two weeks from Monday 2026-11-23: working days on counters 1 and 2, weekends on counter 1.
    for (let i = 0; i < 12; i++) {
      const date = addDays('2026-11-23', i)
      const weekend = i % 7 >= 5
      await writeFile(join(dir, 'journal', `${date}.jsonl`), pastDay(date, weekend ? ['c1'] : ['c1', 'c2']))
    }
    // Saturday 2026-12-05, 11:00: counter 1 open, someone waiting whom counter 2 could serve.
    f = await HubFixture.start({}, dir, new FakeClock(midnight('2026-12-05') + 11 * HOUR))
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    expect((await f.request('POST', '/api/v1/counters/c1/open', {}, await f.teller(1))).status).toBe(200)
    expect((await f.issue(kiosk, 'saturday-1')).status).toBe(200)
    expect(await closedExplained(f)).toBe(false)

    // The day closes (learning for Sunday); the branch is shut on Sunday and opens on Monday.
    expect((await f.request('POST', '/api/v1/day/close', {}, manager)).status).toBe(200)
    f.clock.set(midnight('2026-12-07') + 11 * HOUR)
    await f.hub.context.host.tick()
    expect(f.hub.context.host.current.day).toBe('2026-12-07')
    expect((await f.request('POST', '/api/v1/counters/c1/open', {}, await f.teller(1))).status).toBe(200)
    expect((await f.issue(kiosk, 'monday-1')).status).toBe(200)
    expect(await closedExplained(f)).toBe(true)
  })

  it("answers the manager's what-if the usual day it learned, before the doors open, and null with no history (audit37 F7)", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'branch-lobby-usual-whatif-'))
    await mkdir(join(dir, 'journal'))
    for (let i = 0; i < 12; i++) {
      const date = addDays('2026-11-23', i)
      const weekend = i % 7 >= 5
      await writeFile(join(dir, 'journal', `${date}.jsonl`), pastDay(date, weekend ? ['c1'] : ['c1', 'c2']))
    }
    // Monday 2026-12-07, 07:52: before the doors open, when a manager plans the day.
    f = await HubFixture.start({}, dir, new FakeClock(midnight('2026-12-07') + 7 * HOUR + 52 * 60_000))
    const manager = await f.manager()
    const r = await f.request<UsualDayView>('GET', '/api/v1/simulations/usual-day', undefined, manager)
    expect(r.status).toBe(200)
    expect(r.body.usual?.days).toBeGreaterThan(0)
    // a working day's usual day: counter 1 always staffed, counter 2 on most days (weekdays weigh more)
    expect(r.body.usual?.hours[10]?.counterOpenShare.c1).toBe(1)
    expect(r.body.usual?.hours[10]?.counterOpenShare.c2).toBeGreaterThan(0.5)
    const kiosk = await f.pair('kiosk', manager)
    expect((await f.request('GET', '/api/v1/simulations/usual-day', undefined, kiosk)).status).toBe(403)
    await f.stop()

    f = await HubFixture.start({}, undefined, new FakeClock(midnight('2026-12-07') + 7 * HOUR + 52 * 60_000))
    const fresh = await f.request<UsualDayView>('GET', '/api/v1/simulations/usual-day', undefined, await f.manager())
    expect(fresh.body).toEqual({ usual: null })
  })
})
