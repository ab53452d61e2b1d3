import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
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
})
