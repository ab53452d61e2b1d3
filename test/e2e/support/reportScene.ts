import type { CommandAck, QueueSnapshot } from '../../../shared/api/views'
import type { QueueEvent } from '../../../shared/queue/events'
import { FakeClock } from '../../hub/support/fakeClock'
import { Lobby } from './lobby'

/**
 * Ten business days played through a real hub's API with a clock the scene moves, for the
 * manager's report, feedback and what-if screens: customers arrive at the kiosk, tellers call,
 * serve and finish them, and each day is closed by the manager so the hub stores its summary for
 * the trend view. The last day is the full one: a delay announced and cleared, a counter opened
 * late and paused, a customer who misses the call, one transferred, one who gives up, ratings,
 * a complaint (answered) and a suggestion.
 */

export const HISTORY = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']
export const HISTORY2 = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26']
/** The full day, a Friday. */
export const DAY = '2026-11-27'
/** Customers on the full day: queues form at the morning and afternoon peaks. */
export const TICKETS = 420
/** What the full day's customers said, as recorded at the kiosk. */
export const COMPLAINT = '等了很久,大厅没有人解释为什么慢。'
export const SUGGESTION = '希望中午多开一个窗口。'

const pad = (n: number): string => String(n).padStart(2, '0')
/** An instant of the branch's local clock (UTC+8) on a date. */
export const local = (date: string, h: number, m = 0): number => Date.parse(`${date}T${pad(h)}:${pad(m)}:00+08:00`)

/** mulberry32: a small seeded generator, so every run plays the same days. */
function generator(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Transaction times around each service's standard (s): some within it, some over. */
const MEAN_SEC: Readonly<Record<string, number>> = { personal: 58, business: 170, wealth: 290, cards: 210 }
/** Arrivals per half hour from 09:00 to 16:30: a morning and an afternoon peak. */
const PROFILE = [0.4, 0.9, 2.6, 3.0, 1.8, 0.9, 0.6, 0.5, 0.8, 1.9, 2.2, 1.3, 0.8, 0.5, 0.3]

interface Plan {
  readonly date: string
  readonly tickets: number
  readonly seed: number
  readonly rich: boolean
}

type Action =
  | { at: number; kind: 'arrive'; serviceId: string; classId: string | null; durationSec: number; walkSec: number }
  | { at: number; kind: 'start' | 'complete' | 'recall' | 'noShow'; counter: number; ticketId: string }
  | { at: number; kind: 'pause' | 'resumeCounter' | 'openCounter'; counter: number }
  | { at: number; kind: 'announce' | 'clear' | 'cancel' | 'complain' | 'suggest' | 'reply' }

/** The scene once played: the hub (its clock at 18:00 on the full day) and each day's events. */
export interface ReportScene {
  readonly lobby: Lobby
  readonly clock: FakeClock
  /** Each day's events, fetched from `/api/v1/events` after the day closed (so with `dayClosed`). */
  readonly days: ReadonlyMap<string, readonly QueueEvent[]>
}

/** Plays the ten days on a new hub; `stop()` the lobby when done. */
export async function playReportScene(): Promise<ReportScene> {
  const clock = new FakeClock(local(HISTORY[0] as string, 8, 50))
  const lobby = await Lobby.start({ clock })
  const kiosk = await lobby.pair('kiosk')
  const days = new Map<string, QueueEvent[]>()
  let seed = 11
  for (const date of [...HISTORY, ...HISTORY2]) {
    days.set(
      date,
      await playDay(lobby, clock, kiosk, { date, tickets: 120 + (seed % 5) * 15, seed: seed++, rich: false }),
    )
  }
  days.set(DAY, await playDay(lobby, clock, kiosk, { date: DAY, tickets: TICKETS, seed: 2026, rich: true }))
  // Evening of the full day: the day is closed, its report final.
  clock.set(local(DAY, 18, 0))
  return { lobby, clock, days }
}

/** One business day through the API, in time order, as the kiosk, tellers and manager would play it. */
async function playDay(lobby: Lobby, clock: FakeClock, kiosk: string, plan: Plan): Promise<QueueEvent[]> {
  const rand = generator(plan.seed)
  clock.set(local(plan.date, 8, 55))
  // A manager signs in each morning (sessions do not last a fortnight of the scene's clock).
  const manager = await lobby.manager()
  // The log runs across days: this day's events are those after the last seq of the day before.
  const since = (await lobby.api<{ seq: number }>('GET', '/api/v1/health')).seq
  const post = async (path: string, body: unknown, token: string): Promise<{ ok: boolean; body: unknown }> => {
    const res = await fetch(`${lobby.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    })
    return { ok: res.ok, body: await res.json() }
  }
  const tellers: string[] = []
  for (let n = 1; n <= 5; n++) tellers.push(await lobby.signIn(`t0${n}`, String(n).repeat(4), `c${n}`))
  const teller = (n: number): string => tellers[n - 1] as string
  // Counters staffed: three for the everyday services and one for wealth; on the full day a fourth from 13:30.
  const open = new Set<number>()
  for (const n of [1, 3, 4, 5]) {
    await post(`/api/v1/counters/c${n}/open`, {}, teller(n))
    open.add(n)
  }
  const actions: Action[] = []
  const weights = PROFILE.reduce((a, b) => a + b, 0)
  for (let i = 0; i < plan.tickets; i++) {
    let u = rand() * weights
    let slot = 0
    while (slot < PROFILE.length - 1 && u > (PROFILE[slot] as number)) u -= PROFILE[slot++] as number
    const r = rand()
    const serviceId = r < 0.6 ? 'personal' : r < 0.75 ? 'cards' : r < 0.9 ? 'business' : 'wealth'
    const c = rand()
    const classId = c < 0.08 ? 'vip' : c < 0.13 ? 'care' : null
    // Lognormal around the service's mean (Box–Muller).
    const z = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand())
    const durationSec = Math.max(8, Math.round((MEAN_SEC[serviceId] as number) * Math.exp(0.45 * z - 0.1)))
    actions.push({
      at: local(plan.date, 9) + Math.round((slot + rand()) * 1800_000),
      kind: 'arrive',
      serviceId,
      classId,
      durationSec,
      walkSec: 8 + Math.round(rand() * 30),
    })
  }
  if (plan.rich) {
    actions.push({ at: local(plan.date, 10, 40), kind: 'cancel' })
    actions.push({ at: local(plan.date, 11, 0), kind: 'announce' })
    actions.push({ at: local(plan.date, 11, 25), kind: 'clear' })
    actions.push({ at: local(plan.date, 11, 30), kind: 'complain' })
    actions.push({ at: local(plan.date, 13, 30), kind: 'openCounter', counter: 2 })
    actions.push({ at: local(plan.date, 15, 0), kind: 'pause', counter: 2 })
    actions.push({ at: local(plan.date, 15, 0), kind: 'suggest' })
    actions.push({ at: local(plan.date, 16, 10), kind: 'reply' })
  }
  const busy = new Set<number>()
  const wantPause = new Set<number>()
  const paused = new Set<number>()
  const tickets = new Map<string, { durationSec: number; walkSec: number; transferred: boolean }>()
  let complaint: string | null = null

  /** A free counter calls whoever the policy gives; nobody eligible leaves it idle. */
  async function callNext(n: number, at: number): Promise<void> {
    if (!open.has(n) || busy.has(n) || paused.has(n)) return
    if (wantPause.has(n)) {
      await post(`/api/v1/counters/c${n}/pause`, { reason: { code: 'break', note: '' } }, teller(n))
      wantPause.delete(n)
      paused.add(n)
      actions.push({ at: at + 25 * 60_000, kind: 'resumeCounter', counter: n })
      return
    }
    const r = await post(`/api/v1/counters/c${n}/call-next`, {}, teller(n))
    if (!r.ok) return
    const event = (r.body as CommandAck).event
    const id = event.type === 'ticketCalled' ? event.ticketId : null
    const t = id === null ? undefined : tickets.get(id)
    if (id === null || t === undefined) return
    busy.add(n)
    // The seventh customer of the full day has gone out for a moment: two recalls, then a no-show.
    if (plan.rich && id.endsWith('A007')) {
      actions.push({ at: at + 20_000, kind: 'recall', counter: n, ticketId: id })
      actions.push({ at: at + 40_000, kind: 'recall', counter: n, ticketId: id })
      actions.push({ at: at + 60_000, kind: 'noShow', counter: n, ticketId: id })
      return
    }
    actions.push({ at: at + t.walkSec * 1000, kind: 'start', counter: n, ticketId: id })
  }
  async function freeCounters(at: number): Promise<void> {
    for (let n = 1; n <= 5; n++) await callNext(n, at)
  }

  while (actions.length > 0) {
    actions.sort((a, b) => a.at - b.at)
    const a = actions.shift() as Action
    clock.set(a.at)
    switch (a.kind) {
      case 'arrive': {
        const receipt = await lobby.issue(kiosk, a.serviceId, a.classId)
        tickets.set(receipt.ticketId, { durationSec: a.durationSec, walkSec: a.walkSec, transferred: false })
        await freeCounters(a.at)
        break
      }
      case 'start':
        await post(`/api/v1/counters/c${a.counter}/start`, {}, teller(a.counter))
        actions.push({
          at: a.at + (tickets.get(a.ticketId)?.durationSec ?? 60) * 1000,
          kind: 'complete',
          counter: a.counter,
          ticketId: a.ticketId,
        })
        break
      case 'complete': {
        const t = tickets.get(a.ticketId)
        // The twelfth customer of the full day came to personal banking with a business matter.
        if (plan.rich && t !== undefined && a.ticketId.endsWith('A012') && !t.transferred) {
          t.transferred = true
          await post(
            `/api/v1/tickets/${a.ticketId}/transfer`,
            { toServiceId: 'business', toCounterId: null },
            teller(a.counter),
          )
        } else {
          await post(`/api/v1/counters/c${a.counter}/complete`, { completedServiceId: null }, teller(a.counter))
          const score = rand()
          if (score < (plan.rich ? 0.6 : 0.3)) {
            const stars = score < 0.05 ? 2 : score < 0.2 ? 3 : score < 0.4 ? 4 : 5
            await post(`/api/v1/tickets/${a.ticketId}/rate`, { score: stars }, teller(a.counter))
          }
        }
        busy.delete(a.counter)
        await freeCounters(a.at)
        break
      }
      case 'recall':
        await post(`/api/v1/counters/c${a.counter}/recall`, {}, teller(a.counter))
        break
      case 'noShow':
        await post(`/api/v1/counters/c${a.counter}/no-show`, {}, teller(a.counter))
        busy.delete(a.counter)
        await freeCounters(a.at)
        break
      case 'openCounter':
        await post(`/api/v1/counters/c${a.counter}/open`, {}, teller(a.counter))
        open.add(a.counter)
        await callNext(a.counter, a.at)
        break
      case 'pause':
        wantPause.add(a.counter)
        await callNext(a.counter, a.at)
        break
      case 'resumeCounter':
        await post(`/api/v1/counters/c${a.counter}/resume`, {}, teller(a.counter))
        paused.delete(a.counter)
        await freeCounters(a.at)
        break
      case 'cancel': {
        // In the morning rush the customer who came last gives up and leaves.
        const snap = await lobby.api<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)
        const waiting = snap.state.open.filter((t) => t.status === 'waiting').sort((x, y) => y.issuedAt - x.issuedAt)
        const last = waiting[0]
        if (last === undefined) throw new Error('the scene expects a queue at 10:40 on the full day')
        await lobby.api('POST', `/api/v1/tickets/${last.id}/cancel`, {}, manager)
        break
      }
      case 'announce':
        await lobby.api(
          'POST',
          '/api/v1/delays',
          {
            scope: { kind: 'branch' },
            message: {
              'zh-CN': '网银系统升级,部分业务办理稍慢,敬请谅解。',
              en: 'Online banking is being upgraded; some services are slower.',
            },
          },
          manager,
        )
        break
      case 'clear': {
        // Automatic explanations the hub posted meanwhile are cleared with the manager's.
        const snap = await lobby.api<QueueSnapshot>('GET', '/api/v1/queue', undefined, manager)
        for (const id of Object.keys(snap.state.delays)) {
          await fetch(`${lobby.url}/api/v1/delays/${id}`, {
            method: 'DELETE',
            headers: { authorization: `Bearer ${manager}` },
          })
        }
        break
      }
      case 'complain':
        complaint = (
          await lobby.api<{ id: string }>(
            'POST',
            '/api/v1/feedback',
            { ticketId: null, kind: 'complaint', text: COMPLAINT },
            kiosk,
          )
        ).id
        break
      case 'suggest':
        await lobby.api('POST', '/api/v1/feedback', { ticketId: null, kind: 'suggestion', text: SUGGESTION }, kiosk)
        break
      case 'reply':
        await lobby.api(
          'POST',
          `/api/v1/feedback/${complaint}/resolve`,
          { resolution: '已致电客户致歉,说明当天系统升级。' },
          manager,
        )
        break
    }
  }
  clock.set(local(plan.date, 17, 30))
  await lobby.api('POST', '/api/v1/day/close', {}, manager)
  return (await lobby.api<{ events: QueueEvent[] }>('GET', `/api/v1/events?since=${since}`, undefined, manager)).events
}
