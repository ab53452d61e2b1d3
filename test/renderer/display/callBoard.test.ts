import { describe, expect, it } from 'vitest'
import { callsNow, closingNotes, dayCalls, type ServiceRow } from '../../../renderer/src/logic/display/callBoard'
import { serviceId } from '../../../shared/domain/ids'
import { applyEvent } from '../../../shared/queue/applyEvent'
import { Driver } from '../../shared/support/driver'
import { A, ALICE, B, BOB, C1, C2, TEST_BRANCH } from '../../shared/support/testBranch'

const board = (d: Driver) => callsNow(dayCalls(d.state, TEST_BRANCH.counters))

describe('callsNow', () => {
  it('shows the newest call while its customer is called or at the counter', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    const t = d.issue(A)
    d.callNext(C1)
    expect(board(d).latest).toMatchObject({ number: t.number, counterNumber: 1, active: true })
    d.advance(20).run({ type: 'recall', counterId: C1 })
    expect(board(d).latest).toMatchObject({ number: t.number, recalls: 1, active: true })
    d.advance(10).run({ type: 'startService', counterId: C1 })
    expect(board(d).latest?.number).toBe(t.number)
  })

  it('stops calling a recalled ticket once it is marked no-show, keeping it in the history', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    const t = d.issue(A)
    d.callNext(C1)
    d.advance(20).run({ type: 'recall', counterId: C1 })
    d.advance(20).run({ type: 'recall', counterId: C1 })
    d.advance(20).run({ type: 'markNoShow', counterId: C1 })
    const b = board(d)
    expect(b.latest).toBeNull()
    expect(b.earlier.map((c) => [c.number, c.active])).toEqual([[t.number, false]])
  })

  it.each([
    ['served', (d: Driver) => d.advance(5).run({ type: 'completeService', counterId: C1, completedServiceId: null })],
    [
      // The engine refuses a cancel at a counter now; a journal written before it may hold one.
      'cancelled (an older journal)',
      (d: Driver) => {
        const ticketId = d.state.counters[C1]!.ticketId!
        d.state = applyEvent(d.state, { type: 'ticketCancelled', ticketId, seq: d.state.lastSeq + 1, at: d.now })
      },
    ],
    ['parked', (d: Driver) => d.run({ type: 'park', counterId: C1 })],
    [
      'transferred to another service',
      (d: Driver) =>
        d.run({ type: 'transfer', ticketId: d.state.counters[C1]!.ticketId!, toServiceId: B, toCounterId: null }),
    ],
  ])('ends the call when the ticket is %s', (_what, leave) => {
    const d = new Driver().openDay().open(C1, ALICE)
    d.issue(A)
    d.callNext(C1)
    d.advance(3).run({ type: 'startService', counterId: C1 })
    leave(d)
    expect(board(d).latest).toBeNull()
  })

  it('shows an older call still going on once the newest has ended', () => {
    const d = new Driver().openDay().open(C1, ALICE).open(C2, BOB)
    const waiting = d.issue(A)
    const leaves = d.issue(A)
    d.callNext(C1)
    d.advance(5).callNext(C2)
    d.advance(5).run({ type: 'startService', counterId: C2 })
    d.advance(5).run({ type: 'completeService', counterId: C2, completedServiceId: null })
    const b = board(d)
    expect(b.latest).toMatchObject({ number: waiting.number, counterNumber: 1, active: true })
    expect(b.newest).toMatchObject({ number: leaves.number, active: false })
    expect(b.earlier.map((c) => c.number)).toEqual([leaves.number])
  })

  it('shows the next call as it is made, and the ended one under it', () => {
    const d = new Driver().openDay().open(C1, ALICE).open(C2, BOB)
    const first = d.issue(A)
    const second = d.issue(A)
    d.callNext(C1)
    d.advance(20).run({ type: 'recall', counterId: C1 })
    d.advance(20).run({ type: 'recall', counterId: C1 })
    d.advance(20).run({ type: 'markNoShow', counterId: C1 })
    d.advance(5).callNext(C2)
    const b = board(d)
    expect(b.latest).toMatchObject({ number: second.number, counterNumber: 2, recalls: 0 })
    expect(b.earlier.map((c) => c.number)).toEqual([first.number])
  })
})

describe('closingNotes', () => {
  const service = (id: string, prefix: string) => ({ ...TEST_BRANCH.services[0]!, id: serviceId(id), prefix })
  const warned = (kind: 'mayNot' | 'unlikely', clock: string, at: number) => ({ kind, clock, at })
  const row = (id: string, prefix: string, closing: ReturnType<typeof warned> | null): ServiceRow => ({
    service: service(id, prefix),
    waiting: 3,
    shown: null,
    closing,
  })

  it('says "unlikely" only when every service of a planned end is unlikely, "may not" otherwise', () => {
    const five = Date.parse('2026-12-07T09:00:00Z')
    expect(closingNotes([row('a', 'A', warned('unlikely', '17:00', five)), row('b', 'B', null)])).toEqual([
      { prefixes: ['A'], clock: '17:00', kind: 'unlikely' },
    ])
    expect(
      closingNotes([row('a', 'A', warned('unlikely', '17:00', five)), row('c', 'C', warned('mayNot', '17:00', five))]),
    ).toEqual([{ prefixes: ['A', 'C'], clock: '17:00', kind: 'mayNot' }])
  })

  it('keeps services of different planned ends apart, the sooner first, and says nothing when none is warned', () => {
    const four = Date.parse('2026-12-07T08:00:00Z')
    const five = Date.parse('2026-12-07T09:00:00Z')
    expect(
      closingNotes([row('a', 'A', warned('mayNot', '17:00', five)), row('b', 'B', warned('unlikely', '16:00', four))]),
    ).toEqual([
      { prefixes: ['B'], clock: '16:00', kind: 'unlikely' },
      { prefixes: ['A'], clock: '17:00', kind: 'mayNot' },
    ])
    expect(closingNotes([row('a', 'A', null)])).toEqual([])
  })
})
