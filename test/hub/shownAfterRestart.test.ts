import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { WaitEstimator } from '../../hub/estimation/estimator'
import { SAVE_EVERY_MS, SHOWN_FILE, ShownFile } from '../../hub/estimation/shownFile'
import type { CommandAck, ShownWait } from '../../shared/api/views'
import { DEMO_BRANCH } from '../../shared/demo/demoBranch'
import { displayWait } from '../../shared/estimate/displayWait'
import type { WaitEstimate } from '../../shared/queue/ticket'
import { FaultFs } from './support/faultFs'
import { FakeClock } from './support/fakeClock'
import { FsImage } from './support/fsImage'
import { HubFixture } from './support/hubFixture'
import { hubLogLines, untilLogged } from './support/hubLogFile'

/**
 * What each waiting customer was last shown survives a hub restart (`shown-waits.json`): the
 * first estimates after it are held by the rule of `displayWait` as if the hub had never
 * stopped. The estimator here says what the test wants (every waiting ticket, and a new one,
 * the same range); what the customer is shown is the hub's own rule, `displayWait`.
 */
const fixtures: HubFixture[] = []
const dirs: string[] = []
afterEach(async () => {
  await Promise.all(fixtures.splice(0).map((f) => f.stop()))
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

/** An estimator whose every wait is `range` minutes (its 10th and 90th percentiles). */
function scripted(): WaitEstimator & { range: [number, number] } {
  const self = {
    range: [8, 12] as [number, number],
    estimate(): WaitEstimate {
      const [lo, hi] = self.range
      return { mean: ((lo + hi) / 2) * 60, p10: lo * 60, p50: ((lo + hi) / 2) * 60, p90: hi * 60 }
    },
    shown: displayWait,
    all: (state: Parameters<WaitEstimator['all']>[0]) => ({
      tickets: Object.fromEntries(state.open.filter((t) => t.status === 'waiting').map((t) => [t.id, self.estimate()])),
      newTicket: Object.fromEntries(DEMO_BRANCH.services.map((s) => [s.id, { ordinary: self.estimate() }])),
    }),
  }
  return self
}

async function start(estimator: WaitEstimator, dataDir?: string, clock?: FakeClock): Promise<HubFixture> {
  const f = await HubFixture.start({ estimator }, dataDir, clock)
  fixtures.push(f)
  return f
}

/**
 * A kiosk's ticket, shown 8–12 at issue. Counter 1 is open, so a counter can call it: a ticket
 * nobody can call is shown why (`callHold`), which would let its wait rise at once.
 */
async function ticketShown(f: HubFixture, key = 'held-ticket-1'): Promise<string> {
  const open = await f.request('POST', '/api/v1/counters/c1/open', {}, await f.teller(1))
  expect([200, 409]).toContain(open.status)
  const kiosk = await f.pair('kiosk', await f.manager())
  const r = await f.issue(kiosk, key)
  expect(r.status, JSON.stringify(r.body)).toBe(200)
  expect(r.body.shown).toEqual({ kind: 'range', lowMin: 8, highMin: 12 })
  return r.body.ticketId
}

async function shownNow(f: HubFixture, ticketId: string): Promise<ShownWait | undefined> {
  return (await f.hub.context.estimates.recompute()).shown.tickets[ticketId]
}

const high = (s: ShownWait | undefined) => (s?.kind === 'range' ? s.highMin : null)

/**
 * A hub that showed a ticket 8–12 and stopped (its file written), its estimate now 20–30:
 * `restart` starts it again and says what the ticket is shown, as the file let it be held.
 */
async function stoppedAfterATicket(): Promise<{
  f: HubFixture
  ticket: string
  file: string
  restart: () => Promise<ShownWait | undefined>
}> {
  const estimator = scripted()
  const f = await start(estimator)
  const ticket = await ticketShown(f)
  await f.hub.close()
  estimator.range = [20, 30]
  const restart = async () => {
    await f.restart({ estimator })
    return shownNow(f, ticket)
  }
  return { f, ticket, file: join(f.dataDir, SHOWN_FILE), restart }
}

describe('what a waiting customer was shown, across a hub restart', () => {
  it('holds the range after a restart: it creeps up unexplained, and rises at once with a delay shown', async () => {
    const estimator = scripted()
    const f = await start(estimator)
    const ticket = await ticketShown(f)
    expect(await shownNow(f, ticket)).toEqual({ kind: 'range', lowMin: 8, highMin: 12 })
    // the hub stops; three minutes later it is back, and its first estimate has risen with no
    // reason shown
    await f.hub.close()
    estimator.range = [20, 30]
    f.clock.advance(3 * 60)
    await f.restart({ estimator })
    expect(high(await shownNow(f, ticket))).toBe(12)
    // one minute per five since it was shown (at issue, before the restart): 13 minutes, +2
    f.clock.advance(10 * 60)
    expect(high(await shownNow(f, ticket))).toBe(14)
    // a delay explanation lets the rise through, as on a hub that never stopped
    const delay = await f.request<CommandAck>(
      'POST',
      '/api/v1/delays',
      { scope: { kind: 'branch' }, message: { 'zh-CN': '系统故障', en: 'A system fault' } },
      await f.manager(),
    )
    expect(delay.status).toBe(200)
    expect(await shownNow(f, ticket)).toEqual({ kind: 'range', lowMin: 20, highMin: 30 })
  }, 30_000)

  it('keeps it within seconds without a clean stop (a power cut)', async () => {
    const estimator = scripted()
    const f = await start(estimator)
    const ticket = await ticketShown(f)
    // the running hub writes what it showed within a few seconds, not only when it stops
    const file = join(f.dataDir, SHOWN_FILE)
    const deadline = Date.now() + SAVE_EVERY_MS + 5_000
    while ((await readFile(file, 'utf8').catch(() => '')) === '') {
      expect(Date.now(), 'the running hub never wrote the file').toBeLessThan(deadline)
      await new Promise((r) => setTimeout(r, 100))
    }
    // a second ticket, journaled, but not yet in the file when the power goes
    f.clock.advance(60)
    const last = await ticketShown(f, 'held-ticket-2')
    // the disk as the cut left it, with the hub still running: another hub starts on a copy
    const copy = await mkdtemp(join(tmpdir(), 'branch-lobby-cut-'))
    dirs.push(copy)
    await cp(f.dataDir, copy, { recursive: true })
    const kept = JSON.parse(await readFile(join(copy, SHOWN_FILE), 'utf8')) as { tickets: Record<string, unknown> }
    expect(Object.keys(kept.tickets)).toEqual([ticket])
    estimator.range = [20, 30]
    const after = await start(estimator, copy, new FakeClock(f.clock.now() + 60_000))
    // the first held to what the file says, the second to what its receipt said
    expect(high(await shownNow(after, ticket))).toBe(12)
    expect(high(await shownNow(after, last))).toBe(12)
  }, 30_000)

  it('writes at most once per few seconds while the lobby moves, and on close', async () => {
    const clock = new FakeClock()
    const fs = new FaultFs(FsImage.of({ '/srv': null }), () => clock.now())
    const f = await HubFixture.start({ fileSystem: fs, estimator: scripted() }, '/srv/data', clock)
    const kiosk = await f.pair('kiosk', await f.manager())
    const writes = () => fs.calls.filter((c) => c.name === 'rename' && c.path.endsWith(`.${SHOWN_FILE}.tmp`)).length
    // twenty taps, each re-estimated: twenty changes of what is shown (at most one write per
    // SAVE_EVERY_MS of real time, however slow the machine running this is)
    const began = Date.now()
    for (let i = 0; i < 20; i++) {
      expect((await f.issue(kiosk, `busy-tap-${i}`)).status).toBe(200)
      clock.advance(5)
      await f.hub.context.estimates.recompute()
    }
    expect(writes()).toBeLessThanOrEqual(1 + Math.floor((Date.now() - began) / SAVE_EVERY_MS))
    await f.stop(false)
    expect(writes()).toBeGreaterThanOrEqual(1)
    const kept = JSON.parse(fs.live.read(`/srv/data/${SHOWN_FILE}`)?.toString('utf8') ?? 'null') as {
      tickets: Record<string, unknown>
    }
    expect(Object.keys(kept.tickets)).toHaveLength(20)
  }, 30_000)

  it('says so when the file cannot be written (a full disk), and serves on', async () => {
    const clock = new FakeClock()
    const fs = new FaultFs(FsImage.of({ '/srv': null }), () => clock.now())
    fs.inject({ when: (c) => c.name === 'open' && c.path.endsWith(`.${SHOWN_FILE}.tmp`), code: 'ENOSPC', once: false })
    const f = await HubFixture.start({ fileSystem: fs, estimator: scripted() }, '/srv/data', clock)
    const kiosk = await f.pair('kiosk', await f.manager())
    expect((await f.issue(kiosk, 'disk-full-1')).status).toBe(200)
    await f.hub.close()
    expect(f.hub.context.warnings.recent().map((w) => w.event)).toContain('estimation.shownNotKept')
    expect(fs.live.read(`/srv/data/${SHOWN_FILE}`)).toBeUndefined()
  }, 30_000)

  it('says a run of failed writes once, and when the file is kept again', async () => {
    const clock = new FakeClock()
    const fs = new FaultFs(FsImage.of({ '/srv': null }), () => clock.now())
    const heal = fs.inject({
      when: (c) => c.name === 'open' && c.path.endsWith(`.${SHOWN_FILE}.tmp`),
      code: 'ENOSPC',
      once: false,
    })
    const logged: string[] = []
    const log = {
      info: (f: Record<string, unknown>) => void logged.push(`info ${String(f.event)}`),
      warn: (f: Record<string, unknown>) => void logged.push(`warn ${String(f.event)}`),
      error: (f: Record<string, unknown>) => void logged.push(`error ${String(f.event)}`),
    }
    const file = await ShownFile.open(fs, `/srv/${SHOWN_FILE}`, '2026-11-24', log, 10)
    const shown = new Map([['t1', { shown: { kind: 'soon' as const }, since: 0 }]])
    const writes = async (n: number) => {
      for (let i = 0; i < n; i++) {
        file.changed('2026-11-24', shown, i)
        await new Promise((r) => setTimeout(r, 30))
      }
    }
    await writes(5)
    expect(logged).toEqual(['error estimation.shownNotKept'])
    heal()
    await writes(2)
    await file.close()
    expect(logged).toEqual(['error estimation.shownNotKept', 'info estimation.shownKeptAgain'])
    expect(fs.live.read(`/srv/${SHOWN_FILE}`)).toBeDefined()
  })

  it('starts on a damaged file: logged, and every ticket shown its estimate', async () => {
    const { f, file, restart } = await stoppedAfterATicket()
    await writeFile(file, '{"version": 1, "day": "2026-11-24", "tickets": {"x": ')
    expect(await restart()).toEqual({ kind: 'range', lowMin: 20, highMin: 30 })
    const logged = await untilLogged(f.dataDir, (l) => l.event === 'estimation.shownUnreadable', 'the damaged file')
    expect(logged.level).toBe(40)
    expect(String(logged.msg)).toMatch(/not valid JSON/)
  }, 30_000)

  it('reads today’s file, not one of another day', async () => {
    const { f, file, restart } = await stoppedAfterATicket()
    const kept = JSON.parse(await readFile(file, 'utf8')) as { day: string }
    expect(kept.day).toBe('2026-11-24')
    // yesterday's file (the same ticket id, were ids repeated across days) is left aside
    await writeFile(file, JSON.stringify({ ...kept, day: '2026-11-23' }))
    expect(await restart()).toEqual({ kind: 'range', lowMin: 20, highMin: 30 })
    await untilLogged(f.dataDir, (l) => l.event === 'estimation.shownOtherDay', 'the other day’s file')
    // today's is read
    await f.hub.close()
    await writeFile(file, JSON.stringify(kept))
    expect(high(await restart())).toBe(12)
    expect((await hubLogLines(f.dataDir)).filter((l) => l.event === 'estimation.shownUnreadable')).toEqual([])
  }, 30_000)
})
