import type { BranchConfig } from '../../../shared/domain/branch'
import type { QueueEvent } from '../../../shared/queue/events'

/** A day's figures as the test works them out, to hold the report's up against. */
export interface DayFigures {
  readonly issued: number
  readonly served: number
  readonly noShows: number
  readonly cancelled: number
  readonly transfers: number
  readonly meanWaitSec: number
  readonly withinTarget: number
  readonly withinStandard: number
  /** Each ticket's wait to its first call (s), by printed number; absent if never called. */
  readonly waitByNumber: ReadonlyMap<string, number>
  /** Tickets issued in each local clock hour (hour → count). */
  readonly issuedByHour: ReadonlyMap<number, number>
}

/**
 * A day's headline figures from its events alone, by the definitions in docs/reports.md and
 * without `shared/reports`: the wait is issue → first call; a ticket never called counts as late
 * if it had already waited past its target when it left and is left out otherwise; each
 * transaction is judged against the standard of the service done.
 */
export function dayFigures(events: readonly QueueEvent[], branch: BranchConfig, utcOffsetMinutes: number): DayFigures {
  const target = new Map(branch.services.map((s) => [s.id as string, s.targetWaitSec]))
  const standard = new Map(branch.services.map((s) => [s.id as string, s.standardSec]))
  const issuedAt = new Map<string, number>()
  const issuedFor = new Map<string, string>()
  const numberOf = new Map<string, string>()
  const service = new Map<string, string>()
  const firstCall = new Map<string, number>()
  const ended = new Map<string, number>()
  const started = new Map<string, number>()
  const served = new Set<string>()
  const issuedByHour = new Map<number, number>()
  let closedAt: number | null = null
  let noShows = 0
  let cancelled = 0
  let transfers = 0
  let txJudged = 0
  let txWithin = 0
  // A transaction added at the counter: its service and quantity (the first is the ticket's, one).
  const added = new Map<string, { serviceId: string; quantity: number }>()
  const transaction = (id: string, at: number, serviceDone: string | null): void => {
    const from = started.get(id)
    if (from === undefined) return
    started.delete(id)
    const extra = added.get(id)
    added.delete(id)
    const done = serviceDone ?? extra?.serviceId ?? (service.get(id) as string)
    txJudged++
    if ((at - from) / 1000 <= (standard.get(done) as number) * (extra?.quantity ?? 1)) txWithin++
  }
  for (const e of events) {
    switch (e.type) {
      case 'ticketIssued': {
        issuedAt.set(e.ticketId, e.at)
        issuedFor.set(e.ticketId, e.serviceId)
        numberOf.set(e.ticketId, e.number)
        service.set(e.ticketId, e.serviceId)
        const hour = new Date(e.at + utcOffsetMinutes * 60_000).getUTCHours()
        issuedByHour.set(hour, (issuedByHour.get(hour) ?? 0) + 1)
        break
      }
      case 'ticketCalled':
        if (!firstCall.has(e.ticketId)) firstCall.set(e.ticketId, e.at)
        break
      case 'serviceStarted':
        started.set(e.ticketId, e.at)
        break
      case 'serviceCompleted':
        transaction(e.ticketId, e.at, e.completedServiceId)
        served.add(e.ticketId)
        ended.set(e.ticketId, e.at)
        break
      case 'transactionAdded':
        transaction(e.ticketId, e.at, null)
        started.set(e.ticketId, e.at)
        added.set(e.ticketId, { serviceId: e.serviceId, quantity: e.quantity })
        break
      case 'ticketTransferred':
        transaction(e.ticketId, e.at, null)
        service.set(e.ticketId, e.toServiceId)
        transfers++
        break
      case 'ticketCancelled':
        cancelled++
        ended.set(e.ticketId, e.at)
        break
      case 'ticketNoShow':
        noShows++
        ended.set(e.ticketId, e.at)
        break
      case 'dayClosed':
        closedAt = e.at
        break
      // Not part of these figures.
      case 'dayOpened':
      case 'ticketRecalled':
      case 'ticketRejoined':
      case 'ticketParked':
      case 'ticketResumed':
      case 'ticketRated':
      case 'priorityChanged':
      case 'counterOpened':
      case 'counterPaused':
      case 'counterResumed':
      case 'counterClosed':
      case 'delayAnnounced':
      case 'delayCleared':
        break
      default:
        throw new Error(`an event these figures do not know: ${(e satisfies never as { type: string }).type}`)
    }
  }
  if (closedAt === null) throw new Error('the day has not closed: its figures are not final')
  let waitSum = 0
  let judged = 0
  let within = 0
  const waitByNumber = new Map<string, number>()
  for (const [id, at] of issuedAt) {
    const limit = target.get(issuedFor.get(id) as string) as number
    const call = firstCall.get(id)
    if (call !== undefined) {
      const wait = (call - at) / 1000
      waitByNumber.set(numberOf.get(id) as string, wait)
      waitSum += wait
      judged++
      if (wait <= limit) within++
    } else if (((ended.get(id) ?? closedAt) - at) / 1000 > limit) {
      judged++ // never called, and had already waited past the target when it left
    }
  }
  return {
    issued: issuedAt.size,
    served: served.size,
    noShows,
    cancelled,
    transfers,
    meanWaitSec: waitSum / firstCall.size,
    withinTarget: within / judged,
    withinStandard: txWithin / txJudged,
    waitByNumber,
    issuedByHour,
  }
}

/** A duration as the screen words it (manager.units: seconds, minutes and seconds, minutes, hours). */
export function durationWords(sec: number, language: 'zh-CN' | 'en'): string {
  const s = Math.round(sec)
  const zh = language === 'zh-CN'
  if (s < 60) return zh ? `${s} 秒` : `${s} s`
  if (s < 600) return zh ? `${Math.floor(s / 60)} 分 ${s % 60} 秒` : `${Math.floor(s / 60)} min ${s % 60} s`
  if (s < 3600) return zh ? `${Math.floor(s / 60)} 分钟` : `${Math.floor(s / 60)} min`
  return zh
    ? `${Math.floor(s / 3600)} 小时 ${Math.floor((s % 3600) / 60)} 分`
    : `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`
}

/**
 * The seconds an English duration on screen stands for (the inverse of `durationWords`, to the
 * screen's precision).
 *
 * @example
 * secondsOfWords('1 min 34 s') //=> 94
 */
export function secondsOfWords(text: string): number {
  const m = /^(?:(\d+) h)?\s*(?:(\d+) min)?\s*(?:(\d+) s)?$/u.exec(text.trim())
  if (m === null || text.trim() === '') throw new Error(`not a duration: '${text}'`)
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0)
}
