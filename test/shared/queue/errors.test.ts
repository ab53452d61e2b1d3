import { describe, expect, it } from 'vitest'
import { counterId, delayId, priorityClassId, serviceId, ticketId } from '../../../shared/domain/ids'
import type { Command } from '../../../shared/queue/commands'
import type { CommandErrorCode } from '../../../shared/queue/errors'
import { Driver } from '../support/driver'
import { A, ALICE, B, BOB, C1, C2, C3, TEST_BRANCH } from '../support/testBranch'

/**
 * Every refusal: a typed error with a message, and the state exactly as it was (the driver
 * throws if a refused command changed the state object).
 */
function refuse(d: Driver, command: Command, code: CommandErrorCode, field?: string): void {
  const before = d.state
  const r = d.attempt(command)
  expect(r.ok).toBe(false)
  if (r.ok) return
  expect(r.error.code).toBe(code)
  expect(r.error.message.length).toBeGreaterThan(5)
  if (field !== undefined) expect(r.error.field).toBe(field)
  expect(d.state).toBe(before)
}

const issueA: Command = {
  type: 'issueTicket',
  serviceId: A,
  priorityClassId: null,
  language: 'en',
  appointmentAt: null,
  estimate: null,
}

describe('invalid commands', () => {
  it('refuse everything but openDay before the day opens', () => {
    const d = new Driver()
    refuse(d, issueA, 'dayNotOpen')
    refuse(d, { type: 'openCounter', counterId: C1, staffId: ALICE }, 'dayNotOpen')
    refuse(d, { type: 'closeDay' }, 'dayNotOpen')
  })

  it('refuse a malformed date and a second open', () => {
    const d = new Driver()
    refuse(d, { type: 'openDay', date: '2026-13-01' }, 'invalidDate', 'date')
    refuse(d, { type: 'openDay', date: 'tomorrow' }, 'invalidDate', 'date')
    d.openDay()
    refuse(d, { type: 'openDay', date: '2026-11-25' }, 'dayAlreadyOpen')
  })

  it('refuse unknown services, classes, counters and tickets, naming the field', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    refuse(d, { ...issueA, serviceId: serviceId('mortgage') }, 'unknownService', 'serviceId')
    refuse(d, { ...issueA, priorityClassId: priorityClassId('royal') }, 'unknownPriorityClass', 'priorityClassId')
    refuse(d, { type: 'callNext', counterId: counterId('c99') }, 'unknownCounter', 'counterId')
    refuse(d, { type: 'cancel', ticketId: ticketId('20261124-A999') }, 'unknownTicket', 'ticketId')
    refuse(d, { type: 'rejoin', ticketId: ticketId('nope') }, 'unknownTicket', 'ticketId')
  })

  it('refuse calling at a closed, paused or busy counter, and when nobody waits', () => {
    const d = new Driver().openDay()
    refuse(d, { type: 'callNext', counterId: C1 }, 'counterClosed')
    d.open(C1, ALICE)
    refuse(d, { type: 'callNext', counterId: C1 }, 'nothingWaiting')
    d.run({ type: 'pauseCounter', counterId: C1, reason: { code: 'break', note: '' } })
    d.issue(A)
    refuse(d, { type: 'callNext', counterId: C1 }, 'counterPaused')
    d.run({ type: 'resumeCounter', counterId: C1 })
    d.callNext(C1)
    d.issue(A)
    refuse(d, { type: 'callNext', counterId: C1 }, 'counterBusy')
  })

  it('refuse counter actions in the wrong counter state', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    refuse(d, { type: 'recall', counterId: C1 }, 'counterNotCalling')
    refuse(d, { type: 'startService', counterId: C1 }, 'counterNotCalling')
    refuse(d, { type: 'completeService', counterId: C1, completedServiceId: null }, 'counterNotServing')
    refuse(d, { type: 'markNoShow', counterId: C1 }, 'counterNotCalling')
    refuse(d, { type: 'park', counterId: C1 }, 'counterNotCalling')
    refuse(d, { type: 'resumeCounter', counterId: C1 }, 'counterNotPaused')
    d.issue(A)
    d.callNext(C1)
    refuse(d, { type: 'completeService', counterId: C1, completedServiceId: null }, 'counterNotServing')
    refuse(d, { type: 'pauseCounter', counterId: C1, reason: { code: 'break', note: '' } }, 'counterBusy')
    refuse(d, { type: 'closeCounter', counterId: C1 }, 'counterBusy')
    d.run({ type: 'startService', counterId: C1 })
    refuse(d, { type: 'recall', counterId: C1 }, 'counterNotCalling')
    refuse(
      d,
      { type: 'completeService', counterId: C1, completedServiceId: serviceId('x') },
      'unknownService',
      'completedServiceId',
    )
  })

  it('refuse opening an open counter, or a teller at two counters', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    refuse(d, { type: 'openCounter', counterId: C1, staffId: BOB }, 'counterAlreadyOpen')
    refuse(d, { type: 'openCounter', counterId: C2, staffId: ALICE }, 'staffAtOtherCounter', 'staffId')
    d.run({ type: 'closeCounter', counterId: C1 })
    refuse(d, { type: 'closeCounter', counterId: C1 }, 'counterClosed')
  })

  it('refuse an out-of-order call without a reason, of a ticket not waiting, or of another counter’s service', () => {
    const d = new Driver().openDay().open(C1, ALICE).open(C2, BOB)
    const a1 = d.issue(A)
    const b1 = d.issue(B)
    refuse(d, { type: 'callSpecific', counterId: C1, ticketId: a1.id, reason: '   ' }, 'reasonRequired', 'reason')
    refuse(
      d,
      { type: 'callSpecific', counterId: C1, ticketId: b1.id, reason: 'asked' },
      'serviceNotAtCounter',
      'ticketId',
    )
    d.callNext(C2)
    refuse(d, { type: 'callSpecific', counterId: C1, ticketId: a1.id, reason: 'asked' }, 'ticketNotWaiting')
  })

  it('refuse a no-show before the declared recalls', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    d.issue(A)
    d.callNext(C1)
    refuse(d, { type: 'markNoShow', counterId: C1 }, 'recallsRequired')
    d.advance(20).run({ type: 'recall', counterId: C1 })
    refuse(d, { type: 'markNoShow', counterId: C1 }, 'recallsRequired')
    d.advance(20).run({ type: 'recall', counterId: C1 })
    expect(d.advance(20).run({ type: 'markNoShow', counterId: C1 }).type).toBe('ticketNoShow')
  })

  it('refuse a recall past the declared recalls, leaving the no-show as the next step', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    d.issue(A)
    d.callNext(C1)
    d.advance(20).run({ type: 'recall', counterId: C1 })
    d.advance(20).run({ type: 'recall', counterId: C1 })
    refuse(d.advance(20), { type: 'recall', counterId: C1 }, 'recallsUsedUp')
    expect(d.run({ type: 'markNoShow', counterId: C1 }).type).toBe('ticketNoShow')
  })

  it('refuse every recall where the branch declares none', () => {
    const d = new Driver({ ...TEST_BRANCH, policy: { ...TEST_BRANCH.policy, recallsBeforeNoShow: 0 } })
      .openDay()
      .open(C1, ALICE)
    d.issue(A)
    d.callNext(C1)
    refuse(d.advance(20), { type: 'recall', counterId: C1 }, 'recallsUsedUp')
  })

  it('refuse a recall or a no-show before the customer has had the declared interval to come', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    d.issue(A)
    d.callNext(C1)
    // Three seconds after the first call is not enough (the default interval is 20 s).
    refuse(d.advance(3), { type: 'recall', counterId: C1 }, 'callTooRecent')
    refuse(d.advance(16), { type: 'recall', counterId: C1 }, 'callTooRecent')
    d.advance(1).run({ type: 'recall', counterId: C1 })
    // The interval runs again from each recall.
    refuse(d.advance(19), { type: 'recall', counterId: C1 }, 'callTooRecent')
    d.advance(1).run({ type: 'recall', counterId: C1 })
    refuse(d.advance(10), { type: 'markNoShow', counterId: C1 }, 'callTooRecent')
    expect(d.advance(10).run({ type: 'markNoShow', counterId: C1 }).type).toBe('ticketNoShow')
  })

  it('take the recall interval from the branch, and let a branch set it to none', () => {
    const policy = (recallIntervalSec: number) => ({
      ...TEST_BRANCH,
      policy: { ...TEST_BRANCH.policy, recallIntervalSec },
    })
    const slow = new Driver(policy(45)).openDay().open(C1, ALICE)
    slow.issue(A)
    slow.callNext(C1)
    refuse(slow.advance(44), { type: 'recall', counterId: C1 }, 'callTooRecent')
    slow.advance(1).run({ type: 'recall', counterId: C1 })
    const none = new Driver(policy(0)).openDay().open(C1, ALICE)
    none.issue(A)
    none.callNext(C1)
    none.run({ type: 'recall', counterId: C1 })
    none.run({ type: 'recall', counterId: C1 })
    expect(none.run({ type: 'markNoShow', counterId: C1 }).type).toBe('ticketNoShow')
  })

  it('refuse re-joining a ticket that did not miss, or after the grace window', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    const t = d.issue(A)
    refuse(d, { type: 'rejoin', ticketId: t.id }, 'ticketNotMissed')
    d.callNext(C1)
    d.advance(20).run({ type: 'recall', counterId: C1 })
    d.advance(20).run({ type: 'recall', counterId: C1 })
    d.advance(20).run({ type: 'markNoShow', counterId: C1 })
    d.advance(d.branch.policy.noShowGraceSec + 1)
    refuse(d, { type: 'rejoin', ticketId: t.id }, 'graceExpired')
  })

  it('refuse re-joining a served or a cancelled ticket with a code of its own, not "not missed"', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    const served = d.issue(A)
    const cancelled = d.issue(A)
    d.serveNext(C1)
    d.run({ type: 'cancel', ticketId: cancelled.id })
    refuse(d, { type: 'rejoin', ticketId: served.id }, 'ticketAlreadyServed')
    refuse(d, { type: 'rejoin', ticketId: cancelled.id }, 'ticketAlreadyCancelled')
  })

  it('refuse transfers to nowhere, to unknown places, or of finished tickets', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    const t = d.issue(A)
    refuse(
      d,
      { type: 'transfer', ticketId: t.id, toServiceId: null, toCounterId: null },
      'invalidTransfer',
      'toServiceId',
    )
    refuse(d, { type: 'transfer', ticketId: t.id, toServiceId: A, toCounterId: null }, 'invalidTransfer')
    refuse(
      d,
      { type: 'transfer', ticketId: t.id, toServiceId: serviceId('x'), toCounterId: null },
      'unknownService',
      'toServiceId',
    )
    refuse(
      d,
      { type: 'transfer', ticketId: t.id, toServiceId: null, toCounterId: counterId('c9') },
      'unknownCounter',
      'toCounterId',
    )
    d.serveNext(C1)
    refuse(d, { type: 'transfer', ticketId: t.id, toServiceId: B, toCounterId: null }, 'ticketNotWaiting')
    refuse(d, { type: 'cancel', ticketId: t.id }, 'ticketFinished')
    refuse(d, { type: 'resume', ticketId: t.id }, 'ticketNotParked')
  })

  it('refuse closing a counter that still owes customers, and sending a customer to a closed counter', () => {
    const d = new Driver().openDay().open(C1, ALICE).open(C2, BOB)
    const parked = d.issue(A)
    d.callNext(C1)
    d.run({ type: 'park', counterId: C1 })
    refuse(d, { type: 'closeCounter', counterId: C1 }, 'counterHasCustomers')
    refuse(d, { type: 'transfer', ticketId: parked.id, toServiceId: null, toCounterId: C3 }, 'ticketNotWaiting')
    d.run({ type: 'resume', ticketId: parked.id })
    // resumed: now waiting for counter 1 alone
    refuse(d, { type: 'closeCounter', counterId: C1 }, 'counterHasCustomers')
    refuse(
      d,
      { type: 'transfer', ticketId: parked.id, toServiceId: null, toCounterId: C3 },
      'counterClosed',
      'toCounterId',
    )
    d.run({ type: 'transfer', ticketId: parked.id, toServiceId: null, toCounterId: C2 })
    expect(d.run({ type: 'closeCounter', counterId: C1 }).type).toBe('counterClosed')
  })

  it('refuse bad ratings', () => {
    const d = new Driver().openDay().open(C1, ALICE)
    const waiting = d.issue(A)
    const a2 = d.issue(A)
    refuse(d, { type: 'rate', ticketId: waiting.id, score: 4 }, 'ticketNotServed')
    d.serveNext(C1)
    refuse(d, { type: 'rate', ticketId: waiting.id, score: 0 }, 'invalidRating', 'score')
    refuse(d, { type: 'rate', ticketId: waiting.id, score: 4.5 }, 'invalidRating', 'score')
    d.run({ type: 'rate', ticketId: waiting.id, score: 4 })
    refuse(d, { type: 'rate', ticketId: waiting.id, score: 5 }, 'alreadyRated')
    expect(d.ticket(a2.id).rating).toBeNull()
  })

  it('refuse delays with unknown scope, duplicates, empty messages, and clearing unknown ones', () => {
    const d = new Driver().openDay()
    const msg = { 'zh-CN': '系统维护', en: 'System maintenance' }
    const announce = (over: Partial<Extract<Command, { type: 'announceDelay' }>>): Command => ({
      type: 'announceDelay',
      delayId: delayId('d1'),
      scope: { kind: 'branch' },
      source: 'manager',
      kind: 'manager',
      message: msg,
      ...over,
    })
    refuse(d, announce({ scope: { kind: 'service', serviceId: serviceId('x') } }), 'unknownService', 'scope.serviceId')
    refuse(d, announce({ scope: { kind: 'counter', counterId: counterId('x') } }), 'unknownCounter', 'scope.counterId')
    refuse(d, announce({ message: { 'zh-CN': ' ', en: '' } }), 'reasonRequired', 'message.zh-CN')
    // one language blank is an empty explanation on that language's lobby screens
    refuse(d, announce({ message: { 'zh-CN': '系统维护', en: '' } }), 'reasonRequired', 'message.en')
    d.run(announce({ scope: { kind: 'counter', counterId: C3 } }))
    refuse(d, announce({}), 'duplicateDelay', 'delayId')
    refuse(d, { type: 'clearDelay', delayId: delayId('d2') }, 'unknownDelay', 'delayId')
    d.run({ type: 'clearDelay', delayId: delayId('d1') })
    refuse(d, { type: 'clearDelay', delayId: delayId('d1') }, 'unknownDelay')
  })
})
