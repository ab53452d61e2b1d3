import { delayId } from '../../../../shared/domain/ids'
import type { QueueEvent } from '../../../../shared/queue/events'
import type { WaitEstimate } from '../../../../shared/queue/ticket'
import { Driver } from '../../support/driver'
import { A, ALICE, B, BOB, C1, C3, VIP } from '../../support/testBranch'

/** Estimates the hub would have put into three tickets' `ticketIssued` events. */
export const ESTIMATES: Record<string, WaitEstimate> = {
  A001: { mean: 200, p10: 100, p50: 180, p90: 300 },
  A002: { mean: 400, p10: 350, p50: 390, p90: 450 },
  A003: { mean: 30, p10: 10, p50: 25, p90: 50 },
}

/**
 * A small day on the test branch, every time chosen so the report can be computed by hand
 * (seconds after 09:00 Beijing):
 *
 *   0 A001 issued · 60 A002 · 120 A003 (VIP) · 100–300 branch delay (cash count)
 * 180 counter 1 calls A003 (priority: ahead of A001, A002) · 200–250 served (50 s)
 * 250 calls A001 · 270–400 served (130 s, over the 60 s standard)
 * 300 B001 issued
 * 400 calls A002 · 410–440 then transferred to business (keeps its place)
 * 450 counter 3 opens, calls A002 (ahead of B001, who joined the business line before) · 460–520
 * 500 A004 · 510 A005 issued
 * 520 counter 3 calls B001: recalled at 540 and 560, no-show at 580
 * 520 counter 1 calls A005 out of turn ("urgent") ahead of A004 · 530–560
 * 560 calls A004 · 565–600 · rated: A004 5, A005 3
 * 600–900 counter 1 on a break · 610 A006 issued, cancelled at 620 · 950 A007 issued · 1000 close
 */
export function handDay(): Driver {
  const d = new Driver().openDay().open(C1, ALICE)
  const opening = d.now
  const at = (sec: number): Driver => {
    d.now = opening + sec * 1000
    return d
  }
  const start = (counterId: typeof C1): void => void d.run({ type: 'startService', counterId })
  const complete = (counterId: typeof C1): void =>
    void d.run({ type: 'completeService', counterId, completedServiceId: null })
  at(0).issue(A)
  at(60).issue(A)
  at(100).run({
    type: 'announceDelay',
    delayId: delayId('cash'),
    scope: { kind: 'branch' },
    source: 'manager',
    kind: 'cashCount',
    message: { 'zh-CN': '现金清点,请稍候', en: 'Cash count in progress' },
  })
  at(120).issue(A, VIP)
  at(180).callNext(C1)
  at(200)
  start(C1)
  at(250)
  complete(C1)
  at(250).callNext(C1)
  at(270)
  start(C1)
  at(300).run({ type: 'clearDelay', delayId: delayId('cash') })
  at(300).issue(B)
  at(400)
  complete(C1)
  const a2 = at(400).callNext(C1)
  at(410)
  start(C1)
  at(440).run({ type: 'transfer', ticketId: a2.id, toServiceId: B, toCounterId: null })
  at(450).open(C3, BOB).callNext(C3)
  at(460)
  start(C3)
  at(500).issue(A)
  const a5 = at(510).issue(A)
  at(520)
  complete(C3)
  at(520).callNext(C3)
  at(520).run({ type: 'callSpecific', counterId: C1, ticketId: a5.id, reason: 'urgent' })
  at(530)
  start(C1)
  at(540).run({ type: 'recall', counterId: C3 })
  at(560)
  complete(C1)
  at(560).run({ type: 'recall', counterId: C3 })
  const a4 = at(560).callNext(C1)
  at(565)
  start(C1)
  at(580).run({ type: 'markNoShow', counterId: C3 })
  at(600)
  complete(C1)
  at(600).run({ type: 'rate', ticketId: a4.id, score: 5 })
  at(600).run({ type: 'rate', ticketId: a5.id, score: 3 })
  at(600).run({ type: 'pauseCounter', counterId: C1, reason: { code: 'break', note: 'lunch' } })
  const a6 = at(610).issue(A)
  at(620).run({ type: 'cancel', ticketId: a6.id })
  at(900).run({ type: 'resumeCounter', counterId: C1 })
  at(950).issue(A)
  at(1000).run({ type: 'closeDay' })
  return d
}

/** The day's journal with the shown estimates added, as the hub journals them. */
export function handDayEvents(): QueueEvent[] {
  return handDay().log.map((e) => {
    const estimate = e.type === 'ticketIssued' ? ESTIMATES[e.number] : undefined
    return e.type === 'ticketIssued' && estimate !== undefined ? { ...e, estimate } : e
  })
}
