import { describe, expect, it } from 'vitest'
import { delayId } from '../../../shared/domain/ids'
import { getCounter } from '../../../shared/queue/state'
import { Driver } from '../support/driver'
import { A, ALICE, B, BOB, C1, C3 } from '../support/testBranch'

describe('business day', () => {
  it('closes every open ticket with an outcome, closes counters and ends delays', () => {
    const d = new Driver().openDay().open(C1, ALICE).open(C3, BOB)
    const served = d.issue(A)
    const missed = d.issue(A)
    const waiting = d.issue(A)
    const atCounter = d.issue(B)
    d.serveNext(C1)
    d.callNext(C1)
    d.advance(20).run({ type: 'recall', counterId: C1 })
    d.advance(20).run({ type: 'recall', counterId: C1 })
    d.advance(20).run({ type: 'markNoShow', counterId: C1 })
    const missedAt = d.now
    d.callNext(C3)
    d.run({ type: 'startService', counterId: C3 })
    d.run({
      type: 'announceDelay',
      delayId: delayId('d1'),
      scope: { kind: 'branch' },
      source: 'manager',
      kind: 'manager',
      message: { 'zh-CN': '系统升级', en: 'System upgrade' },
    })
    d.advance(3600).run({ type: 'closeDay' })
    expect(d.state.day).toBeNull()
    expect(d.ticket(served.id).outcome).toBe('served')
    expect(d.ticket(missed.id)).toMatchObject({ status: 'done', outcome: 'noShow', endedAt: missedAt })
    expect(d.ticket(waiting.id)).toMatchObject({ status: 'done', outcome: 'removedAtClose', endedAt: d.now })
    expect(d.ticket(atCounter.id)).toMatchObject({ status: 'done', outcome: 'removedAtClose' })
    expect(d.ticket(atCounter.id).visits[0]?.outcome).toBe('removedAtClose')
    expect(getCounter(d.state, C1).status).toBe('closed')
    expect(getCounter(d.state, C3).status).toBe('closed')
    expect(d.state.delays['d1']?.endedAt).toBe(d.now)
  })

  it('resets numbers at day open and never reuses one within a day', () => {
    const d = new Driver().openDay()
    for (let i = 0; i < 1000; i++) d.issue(A)
    expect(d.byNumber('A999').seq).toBe(999)
    expect(d.byNumber('A1000').seq).toBe(1000)
    d.run({ type: 'closeDay' })
    d.advance(86_400).openDay('2026-11-25')
    expect(d.state.open).toHaveLength(0)
    expect(d.state.done).toHaveLength(0)
    const first = d.issue(A)
    expect(first).toMatchObject({ number: 'A001', id: '20261125-A001', seq: 1 })
  })

  it('never reopens a closed day, so its numbers are never given twice', () => {
    const d = new Driver().openDay()
    d.issue(A)
    d.run({ type: 'closeDay' })
    const r = d.attempt({ type: 'openDay', date: '2026-11-24' })
    expect(r).toMatchObject({ ok: false, error: { code: 'dayAlreadyClosed', field: 'date' } })
    expect(d.attempt({ type: 'openDay', date: '2026-11-23' }).ok).toBe(false)
    expect(d.attempt({ type: 'openDay', date: '2026-11-25' }).ok).toBe(true)
  })

  it('keeps the event sequence running across days', () => {
    const d = new Driver().openDay()
    d.issue(A)
    d.run({ type: 'closeDay' })
    const before = d.state.lastSeq
    d.openDay('2026-11-25')
    expect(d.state.lastSeq).toBe(before + 1)
  })
})
