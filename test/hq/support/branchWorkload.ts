import type { SessionView } from '../../../shared/api/views'

export type Call = <T = unknown>(
  method: string,
  path: string,
  body?: unknown,
  token?: string | null,
) => Promise<{ status: number; body: T }>

/**
 * Customers through a real hub over its HTTP API, as terminals would: a paired kiosk issues
 * tickets, tellers at counters 1 and 2 call, serve and finish them, some customers rate, one
 * complains. `pause` lets an in-process hub's fake clock move between steps.
 */
export class BranchWorkload {
  private n = 0

  private constructor(
    private readonly call: Call,
    readonly manager: string,
    private readonly kiosk: string,
    private readonly tellers: readonly string[],
  ) {}

  static async start(call: Call, key: string): Promise<BranchWorkload> {
    const signIn = async (staffId: string, pin: string, counterId: string | null) => {
      const r = await call<SessionView>('POST', '/api/v1/sessions', { staffId, pin, counterId })
      if (r.status !== 200) throw new Error(`sign-in ${staffId}: ${JSON.stringify(r.body)}`)
      return r.body.token
    }
    const manager = await signIn('m01', '9999', null)
    const code = await call<{ code: string }>(
      'POST',
      '/api/v1/pairing-codes',
      { role: 'kiosk', name: `kiosk ${key}` },
      manager,
    )
    const kiosk = (await call<SessionView>('POST', '/api/v1/pair', { code: code.body.code })).body.token
    const tellers = [await signIn('t01', '1111', 'c1'), await signIn('t02', '2222', 'c2')]
    const w = new BranchWorkload(call, manager, kiosk, tellers)
    w.key = key
    return w
  }

  private key = ''

  /** Opens counters 1 and 2 (after a day change, or the first time). */
  async openCounters(): Promise<void> {
    for (const [i, t] of this.tellers.entries()) await this.call('POST', `/api/v1/counters/c${i + 1}/open`, {}, t)
  }

  /** `count` customers, each issued, called, served and done; `pause` runs between steps. */
  async customers(count: number, pause: () => Promise<void> = async () => undefined): Promise<void> {
    for (let i = 0; i < count; i++) {
      const k = ++this.n
      const issued = await this.call<{ ticketId: string }>(
        'POST',
        '/api/v1/tickets',
        {
          serviceId: 'personal',
          priorityClassId: null,
          language: 'zh-CN',
          appointmentAt: null,
          idempotencyKey: `workload-${this.key}-${k}`,
        },
        this.kiosk,
      )
      if (issued.status !== 200) throw new Error(`issue: ${JSON.stringify(issued.body)}`)
      await pause()
      const c = k % 2
      const teller = this.tellers[c] as string
      const path = `/api/v1/counters/c${c + 1}`
      const called = await this.call('POST', `${path}/call-next`, {}, teller)
      if (called.status !== 200) continue
      await pause()
      await this.call('POST', `${path}/start`, {}, teller)
      await pause()
      await this.call('POST', `${path}/complete`, { completedServiceId: null }, teller)
      if (k % 3 === 0)
        await this.call('POST', `/api/v1/tickets/${issued.body.ticketId}/rate`, { score: 1 + (k % 5) }, teller)
      if (k % 17 === 0) {
        await this.call(
          'POST',
          '/api/v1/feedback',
          { ticketId: issued.body.ticketId, kind: 'complaint', text: `wait too long (${k})` },
          this.manager,
        )
      }
    }
  }

  async closeDay(): Promise<void> {
    const r = await this.call('POST', '/api/v1/day/close', {}, this.manager)
    if (r.status !== 200) throw new Error(`close day: ${JSON.stringify(r.body)}`)
  }
}

/** The `Call` of a fixture with a `request` method (a hub's or HQ's). */
export function callOf(f: {
  request<T>(method: string, path: string, body?: unknown, token?: string | null): Promise<{ status: number; body: T }>
}): Call {
  return <T>(m: string, p: string, b?: unknown, t?: string | null) => f.request<T>(m, p, b, t)
}
