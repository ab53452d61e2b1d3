import { describe, expect, it } from 'vitest'
import { detectDelays } from '../../../shared/delays/detectDelays'
import type { BranchConfig } from '../../../shared/domain/branch'
import { callHold, nextCall } from '../../../shared/estimate/callHold'
import type { CounterPlan } from '../../../shared/estimate/counterAvailability'
import { waitWords } from '../../../shared/i18n/ticketFacts'
import { Driver, OPENING } from '../support/driver'
import { A, ALICE, B, BOB, C1, C2, C3, TEST_BRANCH } from '../support/testBranch'

const HOUR = 3_600_000
/** Counters 2 and 3 (the only ones serving B) planned from 10:00 Shanghai. */
const B_FROM_TEN: CounterPlan[] = [
  { counterId: C2, openAt: OPENING + HOUR, closeAt: null },
  { counterId: C3, openAt: OPENING + 2 * HOUR, closeAt: null },
]
const hold = (d: Driver, serviceId = B, plans: CounterPlan[] = []) =>
  callHold(d.state, TEST_BRANCH, d.issue(serviceId), plans, d.now, 480)

describe('callHold', () => {
  it('is null while a counter that serves the ticket is open', () => {
    const d = new Driver().openDay().open(C2, BOB)
    expect(hold(d)).toBeNull()
  })

  it('names the paused counter and its reason when no counter that serves the ticket is open', () => {
    const d = new Driver().openDay().open(C1, ALICE).open(C2, BOB)
    d.run({ type: 'pauseCounter', counterId: C2, reason: { code: 'break', note: '' } })
    // counter 1 is open, but does not serve B
    expect(hold(d)).toEqual({ kind: 'paused', counterNumber: 2, reason: 'break' })
  })

  it('says when the counters of the ticket’s service open later today', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    expect(hold(d, B, B_FROM_TEN)).toMatchObject({ kind: 'opensAt', at: OPENING + HOUR, clock: '10:00' })
  })

  it('says none is open when none is planned to open later today', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    expect(hold(d)).toEqual({ kind: 'closed' })
    // a stretch already under way with its counter closed promises no time
    expect(hold(d, B, [{ counterId: C2, openAt: OPENING - HOUR, closeAt: null }])).toEqual({ kind: 'closed' })
  })

  describe('edge cases', () => {
    it('judges a ticket sent to one counter by that counter alone', () => {
      const d = new Driver().openDay().open(C1, ALICE)
      const sent = { ...d.issue(A), targetCounterId: C3 }
      expect(callHold(d.state, TEST_BRANCH, sent, [], d.now, 480)).toEqual({ kind: 'closed' })
    })
  })
})

describe('nextCall', () => {
  it('is "coming up" only while a counter can call someone waiting', () => {
    const d = new Driver().openDay().open(C2, BOB)
    expect(nextCall(d.state, TEST_BRANCH, [], d.now, 480)).toEqual({ kind: 'idle' })
    d.issue(B)
    expect(nextCall(d.state, TEST_BRANCH, [], d.now, 480)).toEqual({ kind: 'comingUp' })
    d.run({ type: 'pauseCounter', counterId: C2, reason: { code: 'break', note: '' } })
    expect(nextCall(d.state, TEST_BRANCH, [], d.now, 480)).toEqual({ kind: 'held', at: null })
    d.run({ type: 'closeCounter', counterId: C2 })
    expect(nextCall(d.state, TEST_BRANCH, B_FROM_TEN, d.now, 480)).toEqual({ kind: 'held', at: '10:00' })
  })
})

describe('waitWords with a hold', () => {
  it('never says "soon" while nobody can call the ticket', () => {
    expect(waitWords({ kind: 'soon' })).toEqual({ key: 'wait.soon' })
    expect(waitWords({ kind: 'soon' }, { kind: 'paused', counterNumber: 1, reason: 'break' })).toEqual({
      key: 'hold.wait.paused',
    })
    expect(waitWords({ kind: 'soon' }, { kind: 'opensAt', at: 0, clock: '09:00' })).toEqual({
      key: 'hold.wait.opensAt',
      params: { time: '09:00' },
    })
    expect(waitWords(null, { kind: 'closed' })).toEqual({ key: 'wait.none' })
  })

  it('keeps a range as it is (the reason is said beside it)', () => {
    expect(waitWords({ kind: 'range', lowMin: 11, highMin: 80 }, { kind: 'closed' })).toEqual({
      key: 'wait.range',
      params: { low: 11, high: 80 },
    })
  })
})

describe('detectDelays and a pause that strands people', () => {
  /** Every counter planned 10:00–17:00 Shanghai: at 09:00 a teller has opened counter 2 early. */
  const rostered: BranchConfig = {
    ...TEST_BRANCH,
    counters: TEST_BRANCH.counters.map((c) => ({ ...c, hours: [{ opens: '10:00', closes: '17:00' }] })),
  }
  const ids = (d: Driver) => detectDelays(d.state, rostered, d.now, { utcOffsetMinutes: 480 }).map((x) => x.delayId)

  it('explains the pause of a counter opened before its planned hours when nobody else can call', () => {
    const d = new Driver().openDay().open(C2, BOB)
    d.issue(B)
    d.run({ type: 'pauseCounter', counterId: C2, reason: { code: 'break', note: '' } })
    expect(ids(d)).toEqual(['auto:counterPaused:c2'])
  })

  it('does not explain it outside its planned hours while another open counter serves them', () => {
    const d = new Driver().openDay().open(C2, BOB).open(C3, ALICE)
    d.issue(B)
    d.run({ type: 'pauseCounter', counterId: C2, reason: { code: 'break', note: '' } })
    expect(ids(d)).toEqual([])
  })
})
