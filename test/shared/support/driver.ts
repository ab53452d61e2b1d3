import type { BranchConfig } from '../../../shared/domain/branch'
import type { CounterId, PriorityClassId, ServiceId, StaffId, TicketId } from '../../../shared/domain/ids'
import type { Command, CommandOf } from '../../../shared/queue/commands'
import { execute } from '../../../shared/queue/decide'
import type { CommandError } from '../../../shared/queue/errors'
import type { QueueEvent } from '../../../shared/queue/events'
import { allTickets, EMPTY_STATE, getTicket, type QueueState } from '../../../shared/queue/state'
import type { Ticket } from '../../../shared/queue/ticket'
import type { Result } from '../../../shared/util/result'
import { TEST_BRANCH } from './testBranch'

/** 09:00 on 2026-11-24, Beijing time, as the epoch ms the hub would pass. */
export const OPENING = Date.UTC(2026, 10, 24, 1, 0, 0)

/**
 * Drives the real engine the way the hub does (`execute`), with a clock the test moves.
 * `run` fails the test on a refused command; `attempt` returns the result.
 */
export class Driver {
  state: QueueState = EMPTY_STATE
  readonly log: QueueEvent[] = []
  now: number

  constructor(
    readonly branch: BranchConfig = TEST_BRANCH,
    start = OPENING,
  ) {
    this.now = start
  }

  attempt(command: Command): Result<QueueEvent, CommandError> {
    const before = this.state
    const r = execute(this.state, this.branch, command, this.now)
    if (!r.ok) {
      if (this.state !== before) throw new Error('state changed on a refused command')
      return r
    }
    this.state = r.value.state
    this.log.push(r.value.event)
    return { ok: true, value: r.value.event }
  }

  run(command: Command): QueueEvent {
    const r = this.attempt(command)
    if (!r.ok) throw new Error(`${command.type} refused: ${r.error.code}: ${r.error.message}`)
    return r.value
  }

  advance(seconds: number): this {
    this.now += seconds * 1000
    return this
  }

  openDay(date = '2026-11-24'): this {
    this.run({ type: 'openDay', date })
    return this
  }

  issue(serviceId: ServiceId, priorityClassId: PriorityClassId | null = null): Ticket {
    const e = this.run(issueCommand(serviceId, { priorityClassId }))
    if (e.type !== 'ticketIssued') throw new Error('expected ticketIssued')
    return this.ticket(e.ticketId)
  }

  /**
   * A booked customer checking in on time now (as the hub's booking desk issues it): their slot
   * and the call grace they are promised.
   */
  book(serviceId: ServiceId, slotAt: number, graceSec: number, priorityClassId: PriorityClassId | null = null): Ticket {
    const e = this.run({
      type: 'issueTicket',
      serviceId,
      priorityClassId,
      language: 'zh-CN',
      appointmentAt: slotAt,
      appointmentGraceSec: graceSec,
      estimate: null,
    })
    if (e.type !== 'ticketIssued') throw new Error('expected ticketIssued')
    return this.ticket(e.ticketId)
  }

  open(counterId: CounterId, staffId: StaffId): this {
    this.run({ type: 'openCounter', counterId, staffId })
    return this
  }

  callNext(counterId: CounterId): Ticket {
    const e = this.run({ type: 'callNext', counterId })
    if (e.type !== 'ticketCalled') throw new Error('expected ticketCalled')
    return this.ticket(e.ticketId)
  }

  /** Call, start and complete at a counter: one whole service. */
  serveNext(counterId: CounterId, seconds = 60): Ticket {
    const t = this.callNext(counterId)
    this.run({ type: 'startService', counterId })
    this.advance(seconds)
    this.run({ type: 'completeService', counterId, completedServiceId: null })
    return this.ticket(t.id)
  }

  ticket(id: TicketId): Ticket {
    const t = getTicket(this.state, id)
    if (t === undefined) throw new Error(`no ticket ${id}`)
    return t
  }

  byNumber(number: string): Ticket {
    const t = allTickets(this.state).find((x) => x.number === number)
    if (t === undefined) throw new Error(`no ticket ${number}`)
    return t
  }
}

/** A kiosk's ticket for `serviceId`, ordinary, in Chinese, with no estimate, unless `more` says otherwise. */
export function issueCommand(
  serviceId: ServiceId,
  more: Partial<Omit<CommandOf<'issueTicket'>, 'type' | 'serviceId'>> = {},
): CommandOf<'issueTicket'> {
  return {
    type: 'issueTicket',
    serviceId,
    priorityClassId: null,
    language: 'zh-CN',
    appointmentAt: null,
    estimate: null,
    ...more,
  }
}
