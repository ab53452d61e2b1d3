import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { SessionView, TicketReceipt } from '../../../shared/api/views'
import { DEMO_BRANCH } from '../../../shared/demo/demoBranch'
import type { BranchFile } from '../../../hub/config/branchFile'
import type { Clock } from '../../../hub/clock'
import { startHub, type HubOptions, type RunningHub } from '../../../hub/startHub'
import { demoBranchFile } from '../../../hub/config/demoBranchFile'
import { peopleAheadEstimator } from '../../hub/support/peopleAheadEstimator'
import { requestTls } from '../../hub/support/tlsClient'
import { aheadToMorning } from '../../hub/support/morningClock'

/** The built renderer; RENDERER_DIR lets parallel work build and test its own copy. */
export const RENDERER_DIR = resolve(process.env.RENDERER_DIR ?? 'out/renderer')

/**
 * A real hub on loopback serving the built renderer, with a temporary data folder on the demo
 * branch, and shortcuts to set the scene over its API (what other terminals would do).
 */
export class Lobby {
  private constructor(
    readonly dir: string,
    readonly hub: RunningHub,
    /** The hub's clock, for a test that starts another hub on the same data (a restart). */
    readonly clock: Clock,
  ) {}

  /**
   * `devices`: lobby devices to write into the demo branch's configuration before the hub
   * starts; `publicUrl`: the address phones reach the branch at (none: the hub is on loopback
   * and tickets carry no QR code); `network`: more of the branch's network settings (TLS);
   * `branch`: a change to the branch's own settings; `appointments`: a change to its booking
   * rules (e.g. the public booking limits).
   */
  static async start(
    over: Partial<HubOptions> = {},
    devices: readonly unknown[] = [],
    publicUrl: string | null = null,
    network: Readonly<Record<string, unknown>> = {},
    /** Changes the demo branch's configuration (e.g. how a priority class is established). */
    branch?: (b: BranchFile['branch']) => BranchFile['branch'],
    appointments?: Partial<NonNullable<BranchFile['appointments']>>,
  ): Promise<Lobby> {
    const dir = await mkdtemp(join(tmpdir(), 'branch-lobby-e2e-'))
    const changed = devices.length > 0 || publicUrl !== null || Object.keys(network).length > 0
    if (changed || branch !== undefined || appointments !== undefined) {
      const file = await demoBranchFile()
      await writeFile(
        join(dir, 'branch.json'),
        JSON.stringify({
          ...file,
          branch: branch === undefined ? file.branch : branch(file.branch),
          network: { ...file.network, publicUrl, ...network },
          devices,
          ...(appointments === undefined || file.appointments === undefined
            ? {}
            : { appointments: { ...file.appointments, ...appointments } }),
        }),
      )
    }
    return Lobby.startIn(dir, over)
  }

  /**
   * A lobby on a data folder the test wrote itself (its branch.json, and any other stored file).
   * Its clock, unless the test brings one, reads 10:00 at the branch and ticks in real time.
   */
  static async startIn(dir: string, over: Partial<HubOptions> = {}): Promise<Lobby> {
    const ahead = aheadToMorning()
    const clock = over.clock ?? { now: () => Date.now() + ahead }
    const hub = await startHub({
      dataDir: dir,
      host: '127.0.0.1',
      port: 0,
      demo: true,
      rendererDir: RENDERER_DIR,
      estimator: peopleAheadEstimator(DEMO_BRANCH),
      authAttemptsPerMinute: 1000,
      ...over,
      clock,
    })
    return new Lobby(dir, hub, clock)
  }

  /** The address a browser opens: a hub listening on every interface is reached on loopback. */
  get url(): string {
    return this.hub.url.replace('://0.0.0.0:', '://127.0.0.1:')
  }

  get rendererDir(): string {
    return RENDERER_DIR
  }

  async stop(): Promise<void> {
    await this.hub.close()
    await this.removeData()
  }

  async removeData(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true })
  }

  /** One API call, over HTTPS trusting exactly the hub's CA when the hub serves TLS. */
  async api<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
    const headers = {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    }
    const text = body === undefined ? undefined : JSON.stringify(body)
    let status: number
    let json: T
    if (this.hub.ca !== null) {
      const r = await requestTls(`${this.url}${path}`, {
        method,
        headers,
        ca: this.hub.ca.certificate,
        ...(text === undefined ? {} : { body: text }),
      })
      status = r.status
      json = JSON.parse(r.text) as T
    } else {
      const res = await fetch(`${this.url}${path}`, { method, headers, ...(text === undefined ? {} : { body: text }) })
      status = res.status
      json = (await res.json()) as T
    }
    if (status >= 400) throw new Error(`${method} ${path}: ${status} ${JSON.stringify(json)}`)
    return json
  }

  async signIn(staffId: string, pin: string, counterId: string | null = null): Promise<string> {
    return (await this.api<SessionView>('POST', '/api/v1/sessions', { staffId, pin, counterId })).token
  }

  manager(): Promise<string> {
    return this.signIn('m01', '9999')
  }

  async pair(role: 'kiosk' | 'display'): Promise<string> {
    const m = await this.manager()
    const { code } = await this.api<{ code: string }>('POST', '/api/v1/pairing-codes', { role, name: `e2e ${role}` }, m)
    return (await this.api<SessionView>('POST', '/api/v1/pair', { code })).token
  }

  private taps = 0

  issue(
    kioskToken: string,
    serviceId = 'personal',
    priorityClassId: string | null = null,
    language: 'zh-CN' | 'en' = 'zh-CN',
  ): Promise<TicketReceipt> {
    return this.api<TicketReceipt>(
      'POST',
      '/api/v1/tickets',
      {
        serviceId,
        priorityClassId,
        language,
        appointmentAt: null,
        idempotencyKey: `e2e-setup-${++this.taps}`,
      },
      kioskToken,
    )
  }
}
