import type { DbTarget } from '../../../hq/db/openDb'
import { startHq, type HqOptions, type RunningHq } from '../../../hq/startHq'
import type { HqSessionView } from '../../../shared/hq/views'

export interface Answer<T = unknown> {
  readonly status: number
  readonly body: T
}

export const PASSWORD = 'correct horse battery'

/**
 * HQ on loopback over a test database, with a small HTTP client, and helpers that set up
 * regions, branches with tokens and users through HQ's own registry.
 */
export class HqFixture {
  private constructor(
    readonly target: DbTarget,
    public hq: RunningHq,
    private readonly over: Partial<HqOptions>,
  ) {}

  static async start(target: DbTarget, over: Partial<HqOptions> = {}): Promise<HqFixture> {
    const hq = await startHq({
      db: target,
      host: '127.0.0.1',
      port: 0,
      rendererDir: null,
      signInAttemptsPerMinute: 1000,
      ...over,
    })
    return new HqFixture(target, hq, over)
  }

  get url(): string {
    return this.hq.url
  }

  async restart(): Promise<void> {
    await this.hq.close()
    this.hq = (await HqFixture.start(this.target, this.over)).hq
  }

  async stop(): Promise<void> {
    await this.hq.close()
  }

  async request<T = unknown>(method: string, path: string, body?: unknown, token?: string | null): Promise<Answer<T>> {
    const headers: Record<string, string> = {}
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (token != null) headers.authorization = `Bearer ${token}`
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await res.text()
    return { status: res.status, body: (text === '' ? null : JSON.parse(text)) as T }
  }

  /** A region, its branches each with a token, a head-office user and a regional manager. */
  async seed(
    regions: Record<string, readonly string[]>,
  ): Promise<{ tokens: Record<string, string>; headOffice: string; regional: Record<string, string> }> {
    const reg = this.hq.context.registry
    const tokens: Record<string, string> = {}
    const regional: Record<string, string> = {}
    await reg.addUser({ id: 'ho', name: 'Head office', role: 'headOffice', regionId: null }, PASSWORD)
    for (const [region, branches] of Object.entries(regions)) {
      await reg.addRegion(region, { 'zh-CN': `${region}区`, en: `${region} region` })
      for (const b of branches) {
        await reg.addBranch(b, { 'zh-CN': `${b}支行`, en: `${b} branch` }, region)
        tokens[b] = (await reg.issueToken(b, 'test hub')).token
      }
      await reg.addUser({ id: `rm-${region}`, name: `Manager ${region}`, role: 'regional', regionId: region }, PASSWORD)
      regional[region] = await this.signIn(`rm-${region}`)
    }
    return { tokens, headOffice: await this.signIn('ho'), regional }
  }

  async signIn(userId: string, password = PASSWORD): Promise<string> {
    const r = await this.request<HqSessionView>('POST', '/api/hq/v1/sessions', { userId, password })
    if (r.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(r.body)}`)
    return r.body.token
  }
}
