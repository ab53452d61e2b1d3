import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DEMO_STAFF } from '../../hub/config/demoBranchFile'
import { addDays } from '../../shared/domain/localTime'
import { FakeClock } from './support/fakeClock'
import { HubFixture } from './support/hubFixture'

/**
 * A counter's pace is its teller's. On the recent days teller 1 took 20 minutes per wealth
 * customer at counter 5 and teller 2 two minutes at counter 6; today teller 1 sits at counter 6.
 * The queue's estimates follow the teller, not the desk's history.
 */
let f: HubFixture | undefined
afterEach(async () => {
  await f?.stop()
  f = undefined
})

const HOUR = 3_600_000
const MIN = 60_000
/** 00:00 in Beijing on a date, epoch ms. */
const midnight = (date: string): number => Date.parse(`${date}T00:00:00Z`) - 8 * HOUR

/** A past day: teller t01 at c5 and t02 at c6 each serve six wealth customers, 20 and 2 minutes each. */
function pastDay(date: string): string {
  const at = (h: number, m = 0): number => midnight(date) + h * HOUR + m * MIN
  const day = date.replaceAll('-', '')
  const events: Record<string, unknown>[] = [
    { type: 'dayOpened', date, at: at(9) },
    { type: 'counterOpened', counterId: 'c5', staffId: 't01', at: at(9, 1) },
    { type: 'counterOpened', counterId: 'c6', staffId: 't02', at: at(9, 1) },
  ]
  const desks = [
    { counterId: 'c5', staffId: 't01', minutes: 20 },
    { counterId: 'c6', staffId: 't02', minutes: 2 },
  ]
  for (let i = 0; i < 12; i++) {
    const n = String(i + 1).padStart(3, '0')
    const ticketId = `${day}-C${n}`
    const issued = at(9, 5) + i * 1000
    events.push({
      type: 'ticketIssued',
      ticketId,
      number: `C${n}`,
      issueSeq: i + 1,
      serviceId: 'wealth',
      priorityClassId: null,
      language: 'zh-CN',
      appointmentAt: null,
      estimate: null,
      at: issued,
    })
    const desk = desks[i % 2] as (typeof desks)[number]
    const called = at(9, 6) + Math.floor(i / 2) * desk.minutes * MIN
    const { counterId, staffId } = desk
    events.push({ type: 'ticketCalled', ticketId, counterId, staffId, outOfOrder: null, at: called })
    events.push({ type: 'serviceStarted', ticketId, counterId, at: called + 20_000 })
    events.push({
      type: 'serviceCompleted',
      ticketId,
      counterId,
      completedServiceId: null,
      at: called + desk.minutes * MIN - 1000,
    })
  }
  events.push({ type: 'counterClosed', counterId: 'c5', at: at(17) })
  events.push({ type: 'counterClosed', counterId: 'c6', at: at(17) })
  events.push({ type: 'dayClosed', at: at(17, 1) })
  return events
    .sort((a, b) => (a.at as number) - (b.at as number))
    .map((e, i) => `${JSON.stringify({ e: { ...e, seq: i + 1 }, m: { actor: { kind: 'system', reason: 'test' } } })}\n`)
    .join('')
}

describe("a counter's pace", () => {
  it("is the teller's at it, learned wherever they sat", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'branch-lobby-teller-pace-'))
    await mkdir(join(dir, 'journal'))
    for (const date of ['2026-11-30', '2026-12-01', '2026-12-02']) {
      await writeFile(join(dir, 'journal', `${date}.jsonl`), pastDay(date))
    }
    // Thursday 2026-12-03, 10:00: only counter 6 opens, with teller 1 (the slow one) at it.
    f = await HubFixture.start(
      { estimator: 'branch' },
      dir,
      new FakeClock(midnight(addDays('2026-12-02', 1)) + 10 * HOUR),
    )
    const manager = await f.manager()
    const kiosk = await f.pair('kiosk', manager)
    const [slow, fast] = DEMO_STAFF as unknown as [{ id: string; pin: string }, { id: string; pin: string }]
    const one = await f.signIn(slow.id, slow.pin, 'c6')
    expect((await f.request('POST', '/api/v1/counters/c6/open', {}, one)).status).toBe(200)
    for (let i = 0; i < 5; i++) {
      expect((await f.issue(kiosk, `wealth-${i}`, { serviceId: 'wealth' })).status).toBe(200)
    }
    const meanOfLast = async (): Promise<number> => {
      const v = await (f as HubFixture).hub.context.estimates.recompute()
      const last = Object.keys(v.tickets).at(-1) as string
      return v.tickets[last]?.mean ?? Number.NaN
    }
    const withSlow = await meanOfLast()

    // Teller 1 hands counter 6 over to teller 2, who was quick there and is quick anywhere.
    expect((await f.request('POST', '/api/v1/counters/c6/close', {}, one)).status).toBe(200)
    const two = await f.signIn(fast.id, fast.pin, 'c6')
    expect((await f.request('POST', '/api/v1/counters/c6/open', {}, two)).status).toBe(200)
    const withFast = await meanOfLast()

    // Five customers at 20 minutes against five at 2: the estimate follows the teller.
    expect(withSlow).toBeGreaterThan(4 * withFast)
    expect(withSlow).toBeGreaterThan(40 * 60)
    expect(withFast).toBeLessThan(30 * 60)
  })
})
