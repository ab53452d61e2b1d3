import { describe, expect, it } from 'vitest'
import { detectDelays } from '../../../shared/delays/detectDelays'
import { delayApplies, delayLog, delaysForTicket } from '../../../shared/delays/delaysForTicket'
import { streamKey, type UsualHour, type UsualPattern } from '../../../shared/delays/usualPattern'
import { managerDelayMessage } from '../../../shared/delays/managerDelays'
import type { BranchConfig } from '../../../shared/domain/branch'
import { staffId } from '../../../shared/domain/ids'
import { knownServiceTimes } from '../../../shared/estimate/learnServiceTimes'
import { Driver, OPENING } from '../support/driver'
import { A, ALICE, B, BOB, C1, C2, C3, CAROL, TEST_BRANCH } from '../support/testBranch'

/** Usually (20 days of history): all three counters staffed at 9, 10 A and 2 B an hour. */
function usual(countersOpen = 3, aPerHour = 10): UsualPattern {
  const hours: UsualHour[] = Array.from({ length: 24 }, () => ({
    countersOpen,
    counterOpenShare: { [C1]: 1, [C2]: 1, [C3]: countersOpen >= 3 ? 1 : 0 },
    arrivals: { [streamKey(A, null)]: aPerHour, [streamKey(B, null)]: 2 },
  }))
  return { days: 20, utcOffsetMin: 480, hours }
}

function openBranch(): Driver {
  const d = new Driver().openDay()
  d.open(C1, ALICE).open(C2, BOB).open(C3, staffId('carol'))
  return d
}

const ids = (d: Driver, ctx = {}): string[] => detectDelays(d.state, TEST_BRANCH, d.now, ctx).map((x) => x.delayId)
/** The counter an explanation is of, whichever its wording (`:alone…`: nobody else serves them). */
const counterOf = (ids: string[]): string[] => ids.map((id) => id.replace(/:alone(:.*)?$/, ''))

describe('detectDelays', () => {
  it('explains a paused counter with its reason while people it serves wait', () => {
    const d = openBranch()
    d.run({ type: 'pauseCounter', counterId: C3, reason: { code: 'cashCount', note: 'vault' } })
    expect(ids(d)).toEqual([])
    d.issue(B)
    const [delay] = detectDelays(d.state, TEST_BRANCH, d.now)
    expect(delay).toMatchObject({
      delayId: 'auto:counterPaused:c3',
      kind: 'counterPaused',
      scope: { kind: 'counter', counterId: C3 },
    })
    expect(delay?.message.en).toContain('cash count')
    expect(delay?.message['zh-CN']).toContain('清点现金')
    expect(delay?.message.en).not.toContain('vault')
  })

  it('keeps a pause explained until the counter resumes, though its queue empties meanwhile', () => {
    const d = openBranch()
    d.run({ type: 'pauseCounter', counterId: C3, reason: { code: 'break', note: '' } })
    d.issue(B)
    const [delay] = detectDelays(d.state, TEST_BRANCH, d.now)
    if (delay === undefined) throw new Error('no explanation')
    d.run({ type: 'announceDelay', ...delay, source: 'automatic' })
    // Counter 2 serves the customer who waited: nobody waits for counter 3, still on its break.
    d.callNext(C2)
    expect(ids(d)).toEqual(['auto:counterPaused:c3'])
    d.issue(B)
    expect(ids(d)).toEqual(['auto:counterPaused:c3'])
    d.run({ type: 'resumeCounter', counterId: C3 })
    expect(ids(d)).toEqual([])
  })

  it('explains a closed counter only in an hour it is usually open', () => {
    const d = new Driver().openDay()
    d.open(C1, ALICE).open(C2, BOB)
    d.issue(B)
    expect(ids(d, { usual: usual(3) })).toContain('auto:counterClosed:c3')
    expect(ids(d, { usual: usual(2) })).not.toContain('auto:counterClosed:c3')
    expect(ids(d)).not.toContain('auto:counterClosed:c3')
  })

  it('explains, with no history, a counter closed after it was open today while people it serves wait', () => {
    const d = new Driver().openDay()
    d.open(C1, ALICE).open(C3, CAROL)
    d.issue(B)
    // counter 3 has not been open yet today: nothing says it should be
    expect(counterOf(ids(d))).toEqual([])
    d.advance(600).run({ type: 'closeCounter', counterId: C3 })
    // the estimates counted on it; the B customer's wait has grown: say why
    expect(counterOf(ids(d))).toContain('auto:counterClosed:c3')
    // counter 2 never opened: not a delay
    expect(counterOf(ids(d))).not.toContain('auto:counterClosed:c2')
  })

  it('stops explaining, with no history, a closed counter once nobody who waited when it closed still waits', () => {
    const d = new Driver().openDay()
    d.open(C1, ALICE).open(C3, CAROL)
    d.issue(B)
    d.advance(600).run({ type: 'closeCounter', counterId: C3 })
    // a B customer who came after the close was told a wait without counter 3
    d.advance(60).issue(B)
    expect(counterOf(ids(d))).toContain('auto:counterClosed:c3')
    // counter 2 opens and calls the customer who was there at the close
    d.open(C2, BOB).callNext(C2)
    expect(d.state.open.filter((t) => t.status === 'waiting')).toHaveLength(1)
    expect(counterOf(ids(d))).not.toContain('auto:counterClosed:c3')
  })

  it('explains a counter closed in its planned hours (the roster in branch.json), and not outside them', () => {
    const d = new Driver().openDay()
    d.open(C1, ALICE)
    d.issue(B)
    d.advance(3600) // 10:00 in Beijing
    const rostered = (hours: { opens: string; closes: string }[]) => ({
      ...TEST_BRANCH,
      counters: TEST_BRANCH.counters.map((c) => (c.id === C3 ? { ...c, hours } : c)),
    })
    const at = (b: typeof TEST_BRANCH): string[] =>
      detectDelays(d.state, b, d.now, { utcOffsetMinutes: 480 }).map((x) => x.delayId)
    expect(counterOf(at(rostered([{ opens: '09:00', closes: '17:00' }])))).toContain('auto:counterClosed:c3')
    expect(counterOf(at(rostered([{ opens: '13:00', closes: '17:00' }])))).not.toContain('auto:counterClosed:c3')
    // the plan decides over the usual day
    const planned = detectDelays(d.state, rostered([{ opens: '09:00', closes: '17:00' }]), d.now, {
      utcOffsetMinutes: 480,
      usual: usual(2),
    }).map((x) => x.delayId)
    expect(counterOf(planned)).toContain('auto:counterClosed:c3')
  })

  it('explains a transaction far over its standard while people wait for that counter', () => {
    const d = openBranch()
    d.issue(A)
    d.callNext(C1)
    d.run({ type: 'startService', counterId: C1 })
    d.issue(A)
    d.advance(170)
    expect(ids(d)).not.toContain('auto:longTransaction:c1')
    d.advance(20)
    const long = detectDelays(d.state, TEST_BRANCH, d.now).find((x) => x.kind === 'longTransaction')
    expect(long?.delayId).toBe('auto:longTransaction:c1')
    expect(long?.message.en).toBe('Counter 1 is handling a complex transaction; thank you for your patience')
    // a learned transaction time with a long tail raises the bar
    const model = knownServiceTimes(TEST_BRANCH, { [A]: { meanSec: 150, scv: 1 } })
    expect(ids(d, { model })).not.toContain('auto:longTransaction:c1')
  })

  it('explains fewer counters than usual for the hour, and clears only with a margin', () => {
    const d = new Driver().openDay()
    d.open(C1, ALICE)
    d.issue(A)
    d.issue(A)
    expect(ids(d, { usual: usual(3) })).toContain('auto:fewerCounters')
    d.open(C2, BOB)
    expect(ids(d, { usual: usual(3) })).toContain('auto:fewerCounters')
    // shown: it stays while two of three are open (hysteresis)…
    d.run({
      type: 'announceDelay',
      delayId: 'auto:fewerCounters' as never,
      scope: { kind: 'branch' },
      source: 'automatic',
      kind: 'fewerCounters',
      message: { 'zh-CN': 'x', en: 'x' },
    })
    expect(ids(d, { usual: usual(2.6) })).toContain('auto:fewerCounters')
    // …and clears when the usual number is back
    d.open(C3, staffId('carol'))
    expect(ids(d, { usual: usual(3) })).not.toContain('auto:fewerCounters')
  })

  it('explains more arrivals than usual for a service', () => {
    const d = openBranch()
    for (let i = 0; i < 6; i++) {
      d.issue(A)
      d.advance(120)
    }
    // 6 in 12 minutes against a usual 10 an hour (5 in half an hour): not enough more
    expect(ids(d, { usual: usual(3, 10) })).not.toContain('auto:arrivalsAboveNormal:a')
    for (let i = 0; i < 8; i++) {
      d.issue(A)
      d.advance(60)
    }
    const found = detectDelays(d.state, TEST_BRANCH, d.now, { usual: usual(3, 10) }).find(
      (x) => x.kind === 'arrivalsAboveNormal',
    )
    expect(found).toMatchObject({ delayId: 'auto:arrivalsAboveNormal:a', scope: { kind: 'service', serviceId: A } })
    expect(found?.message.en).toContain('Personal')
  })

  it('trusts no "usual" built from too few days', () => {
    const d = new Driver().openDay()
    d.open(C1, ALICE)
    d.issue(A)
    expect(ids(d, { usual: { ...usual(3), days: 2 } })).toEqual([])
  })
})

describe('delaysForTicket', () => {
  it('applies branch, service and counter explanations to the tickets they concern', () => {
    const d = openBranch()
    const a = d.issue(A)
    const b = d.issue(B)
    const post = (id: string, scope: never): void => {
      d.run({
        type: 'announceDelay',
        delayId: id as never,
        scope,
        source: 'manager',
        kind: 'x',
        message: managerDelayMessage('cashCount'),
      })
    }
    post('m:c1', { kind: 'counter', counterId: C1 } as never)
    post('m:b', { kind: 'service', serviceId: B } as never)
    expect(delaysForTicket(d.state, TEST_BRANCH, a).map((x) => x.id)).toEqual(['m:c1'])
    expect(delaysForTicket(d.state, TEST_BRANCH, b).map((x) => x.id)).toEqual(['m:b'])
    post('m:all', { kind: 'branch' } as never)
    expect(delaysForTicket(d.state, TEST_BRANCH, b)).toHaveLength(2)
    d.advance(300)
    d.run({ type: 'clearDelay', delayId: 'm:b' as never })
    expect(delaysForTicket(d.state, TEST_BRANCH, b).map((x) => x.id)).toEqual(['m:all'])
    // the day's log keeps them all, with their lengths
    const log = delayLog(d.state, d.now)
    expect(log.map((x) => x.delay.id)).toEqual(['m:c1', 'm:b', 'm:all'])
    expect(log.find((x) => x.delay.id === 'm:b')?.durationSec).toBe(300)
  })

  it('applies a counter explanation to a ticket sent to that counter only', () => {
    const d = openBranch()
    const t = d.issue(B)
    d.run({ type: 'transfer', ticketId: t.id, toServiceId: null, toCounterId: C1 })
    const delay = {
      id: 'x' as never,
      scope: { kind: 'counter' as const, counterId: C1 },
      source: 'automatic' as const,
      kind: 'counterPaused',
      message: { 'zh-CN': '', en: '' },
      startedAt: OPENING,
      endedAt: null,
    }
    expect(delayApplies(delay, TEST_BRANCH, d.ticket(t.id))).toBe(true)
    expect(delayApplies({ ...delay, scope: { kind: 'counter', counterId: C3 } }, TEST_BRANCH, d.ticket(t.id))).toBe(
      false,
    )
  })
})

describe('detectDelays and a closed counter that leaves nobody to serve', () => {
  const HOUR = 3_600_000
  /** Counter 3 planned from 09:00, counter 2 (the other one serving B) from 10:00, Shanghai; it is 09:10. */
  const fromTen: BranchConfig = {
    ...TEST_BRANCH,
    counters: TEST_BRANCH.counters.map((c) =>
      c.id === C1 ? c : { ...c, hours: [{ opens: c.id === C3 ? '09:00' : '10:00', closes: '17:00' }] },
    ),
  }
  const closedWithBWaiting = (): Driver => {
    const d = new Driver().openDay()
    d.open(C1, ALICE).open(C3, CAROL)
    d.issue(B)
    d.advance(600).run({ type: 'closeCounter', counterId: C3 })
    return d
  }

  it('says no counter for the service is open, and when service resumes, where the roster says', () => {
    const d = closedWithBWaiting()
    const [delay] = detectDelays(d.state, fromTen, d.now, { utcOffsetMinutes: 480 }).filter(
      (x) => x.kind === 'counterClosed',
    )
    expect(delay?.message.en).toBe('No counter for Business is open now; service resumes at 10:00')
    expect(delay?.message['zh-CN']).toBe('目前没有办理对公业务的窗口开放,10:00 起恢复办理')
    expect(delay?.message.en).not.toContain('other counters')
    expect(delay?.delayId).toBe('auto:counterClosed:c3:alone:1:1000')
  })

  it('says no counter is open for the service, with no time, when the roster gives none', () => {
    const d = closedWithBWaiting()
    const [delay] = detectDelays(d.state, TEST_BRANCH, d.now).filter((x) => x.kind === 'counterClosed')
    expect(delay?.message).toEqual({
      'zh-CN': '目前没有办理对公业务的窗口开放',
      en: 'No counter is open for Business now',
    })
    expect(delay?.message['zh-CN']).not.toContain('其他窗口正在为您服务')
  })

  it('names every service left without a counter', () => {
    const d = new Driver().openDay()
    d.open(C2, BOB)
    d.issue(A)
    d.issue(B)
    d.advance(600).run({ type: 'closeCounter', counterId: C2 })
    const [delay] = detectDelays(d.state, TEST_BRANCH, d.now).filter((x) => x.kind === 'counterClosed')
    expect(delay?.message.en).toBe('No counter is open for Personal, Business now')
    expect(delay?.message['zh-CN']).toBe('目前没有办理个人业务、对公业务的窗口开放')
  })

  it('still says other counters are serving when one is open for the service', () => {
    const d = closedWithBWaiting().open(C2, BOB)
    d.issue(B)
    const [delay] = detectDelays(d.state, TEST_BRANCH, d.now).filter((x) => x.kind === 'counterClosed')
    expect(delay?.delayId).toBe('auto:counterClosed:c3')
    expect(delay?.message.en).toContain('our other counters are serving you')
  })

  it('changes its id with its wording, so the lobby never keeps one gone untrue', () => {
    const d = closedWithBWaiting()
    const at = (now: number) =>
      detectDelays(d.state, fromTen, now, { utcOffsetMinutes: 480 }).find((x) => x.kind === 'counterClosed')
    const before = at(d.now)
    // past 10:00 with counters 2 and 3 still closed: no time is promised any more
    const after = at(d.now + 2 * HOUR)
    expect(after?.message.en).toBe('No counter is open for Business now')
    expect(after?.delayId).not.toBe(before?.delayId)
  })
})
