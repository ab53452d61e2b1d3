import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { demoBranchFile } from '../../hub/config/demoBranchFile'
import { DemoMonth, type SeededDay } from '../../hub/demo/demoMonth'
import { readJournal } from '../../hub/persistence/journalReader'
import { nodeFileSystem } from '../../hub/persistence/nodeFileSystem'
import { dayReportOf } from '../../hub/reports/reportStore'
import { detectDelays } from '../../shared/delays/detectDelays'
import type { UsualPattern } from '../../shared/delays/usualPattern'
import { applyEvent } from '../../shared/queue/applyEvent'
import type { JournalRecord } from '../../shared/queue/eventSchema'
import { EMPTY_STATE, type QueueState } from '../../shared/queue/state'
import { HubFixture } from './support/hubFixture'

/**
 * The demo's month of history explains delays as the live hub does (audit F16): its simulated
 * days run the hub's automatic explanations in the loop, so a seeded day's journal holds the
 * `delayAnnounced` and `delayCleared` a live day's would, and its report lists them.
 */
type Config = Awaited<ReturnType<typeof demoBranchFile>>
interface Day {
  readonly date: string
  readonly usual: UsualPattern | null
  readonly records: readonly JournalRecord[]
  readonly seeded: SeededDay
}

// A Monday to Wednesday after a weekend and three working days, so the usual day is learned.
const TODAY = '2026-11-26'
const DAYS = 8
let config: Config
const days: Day[] = []

beforeAll(async () => {
  config = await demoBranchFile('127.0.0.1', 0, 1 << 10)
  const month = new DemoMonth(config, TODAY, DAYS)
  for (let i = 0; i < DAYS; i++) {
    const date = month.dateOf(i)
    // what the day learned from, as the hub would have it that morning
    const usual = month.historyFor(date).usual
    const seeded = month.day(i)
    if (seeded === null) continue
    const records = seeded.journal
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as JournalRecord)
    days.push({ date, usual, records, seeded })
  }
}, 120_000)

const automaticShown = (state: QueueState): string[] =>
  Object.values(state.delays)
    .filter((d) => d.source === 'automatic' && d.endedAt === null)
    .map((d) => d.id)
    .sort()

describe("the demo's month of history", () => {
  it('journals the explanations the live detection wants at every moment of each seeded day', () => {
    let checked = 0
    let longShown = 0
    for (const day of days) {
      let state = EMPTY_STATE
      const records = day.records
      for (let i = 0; i < records.length; i++) {
        state = applyEvent(state, (records[i] as JournalRecord).e)
        const at = (records[i] as JournalRecord).e.at
        // all that happened at this moment, the hub's own explanations included
        if (records[i + 1]?.e.at === at || state.day === null) continue
        // The live hub's decision on the day as replayed (its finished tickets all kept, as the
        // live state keeps them), with the usual day the hub knew that morning.
        const wanted = detectDelays(state, config.branch, at, {
          usual: day.usual,
          utcOffsetMinutes: config.utcOffsetMinutes,
        }).map((w) => w.delayId as string)
        const shown = automaticShown(state)
        const moment = `${day.date} at ${new Date(at).toISOString()}`
        // A long transaction's threshold is 3× the standard or, when higher, the 95th percentile
        // of the times learned, today's finished tickets among them, which this replay does not
        // learn again: each one shown is one the standard's threshold wants; the rest exactly.
        const long = (id: string): boolean => id.startsWith('auto:longTransaction:')
        expect(
          shown.filter((id) => !long(id)),
          moment,
        ).toEqual(wanted.filter((id) => !long(id)).sort())
        for (const id of shown.filter(long)) expect(wanted, moment).toContain(id)
        longShown += shown.filter(long).length
        checked++
      }
    }
    expect(checked).toBeGreaterThan(1000)
    expect(longShown).toBeGreaterThan(0)
  })

  it('explains pauses with customers waiting and transactions far over the standard, as the hub itself', async () => {
    const announced = days.flatMap((d) => d.records.filter((r) => r.e.type === 'delayAnnounced'))
    const kinds = new Set(announced.map((r) => (r.e.type === 'delayAnnounced' ? r.e.kind : '')))
    expect(kinds).toContain('counterPaused')
    expect(kinds).toContain('longTransaction')
    // Journaled as the live hub journals its own: the same actor, the same event shape.
    const live = await liveExplanation()
    expect(live.e).toMatchObject({ type: 'delayAnnounced', delayId: 'auto:counterPaused:c1', source: 'automatic' })
    const pause = announced.find((r) => r.e.type === 'delayAnnounced' && r.e.delayId === 'auto:counterPaused:c1')
    expect(pause?.m).toEqual(live.m)
    expect(Object.keys(pause?.e ?? {}).sort()).toEqual(Object.keys(live.e).sort())
    const cleared = days.flatMap((d) => d.records.filter((r) => r.e.type === 'delayCleared'))
    expect(cleared.length).toBeGreaterThan(0)
    for (const r of cleared) expect(r.m).toEqual(live.m)
    // and the rest of the day is still the demo history's
    const issued = days[0]?.records.find((r) => r.e.type === 'ticketIssued')
    expect(issued?.m.actor).toEqual({ kind: 'system', reason: 'demo history' })
  }, 60_000)

  it("lists the explained delays in each seeded day's report, beside the waits they explain", () => {
    for (const day of days) {
      const report = dayReportOf(
        day.records.map((r) => r.e),
        config,
        [],
        null,
      )
      expect(report.delays.length, day.date).toBeGreaterThan(0)
      expect(report.delays.every((d) => d.source === 'automatic' && d.endedAt !== null)).toBe(true)
      expect(day.seeded.summary.date).toBe(day.date)
    }
    const longest = days.flatMap((d) =>
      dayReportOf(
        d.records.map((r) => r.e),
        config,
        [],
        null,
      ).waiting.longest.filter((w) => w.delays.length > 0),
    )
    expect(longest.length).toBeGreaterThan(0)
  })
})

/** A live hub's own explanation of counter 1 paused with a customer waiting, as its journal keeps it. */
async function liveExplanation(): Promise<JournalRecord> {
  const f = await HubFixture.start()
  try {
    const kiosk = await f.pair('kiosk', await f.manager())
    const one = await f.teller(1)
    expect((await f.request('POST', '/api/v1/counters/c1/open', {}, one)).status).toBe(200)
    expect((await f.issue(kiosk, 'waits-for-the-pause')).status).toBe(200)
    const pause = { reason: { code: 'break', note: '' } }
    expect((await f.request('POST', '/api/v1/counters/c1/pause', pause, one)).status).toBe(200)
    // the hub explains delays within a second of the events that cause them
    for (let i = 0; i < 100 && f.hub.context.host.current.delays['auto:counterPaused:c1'] === undefined; i++)
      await new Promise((r) => setTimeout(r, 50))
    const dir = join(f.dataDir, 'journal')
    const names = (await readdir(dir)).filter((n) => n.endsWith('.jsonl'))
    const records = (await Promise.all(names.map((n) => readJournal(nodeFileSystem, join(dir, n))))).flatMap(
      (j) => j.records,
    )
    const found = records.find((r) => r.e.type === 'delayAnnounced')
    if (found === undefined) throw new Error('the live hub explained nothing')
    return found
  } finally {
    await f.stop()
  }
}
