import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import type { LiveMessage } from '../../../shared/api/live'
import type { SessionView, TicketReceipt } from '../../../shared/api/views'
import { DEMO_BRANCH } from '../../../shared/demo/demoBranch'
import { DEMO_MANAGER, DEMO_STAFF, demoBranchFile } from '../../../hub/config/demoBranchFile'
import type { BranchFile } from '../../../hub/config/branchFile'
import { startHub, type HubOptions, type RunningHub } from '../../../hub/startHub'
import { FakeClock } from './fakeClock'
import { peopleAheadEstimator } from './peopleAheadEstimator'
import { requestTls } from './tlsClient'

/**
 * The scrypt cost of the demo PINs in a fixture's fresh data folder: 16 times lighter than the
 * hub's own, so starting a hub and signing in do not dominate the test run. Hashing and checking
 * still run the real code; test/hub/pinHash.test.ts checks the hub's own cost.
 */
const FIXTURE_PIN_COST = 1 << 10
const demoFiles = new Map<string, Promise<BranchFile>>()

/** The demo branch file a fresh hub would write, with lighter PIN hashes, made once per test file. */
function lightDemoFile(host: string, port: number): Promise<BranchFile> {
  const key = `${host}:${port}`
  let file = demoFiles.get(key)
  if (file === undefined) {
    file = demoBranchFile(host, port, FIXTURE_PIN_COST)
    demoFiles.set(key, file)
  }
  return file
}

export interface Answer<T = unknown> {
  readonly status: number
  readonly body: T
}

/** A test hub's options: the hub's own, with `estimator: 'branch'` for the hub's real estimator. */
export type FixtureOptions = Omit<Partial<HubOptions>, 'estimator'> & {
  readonly estimator?: HubOptions['estimator'] | 'branch'
}

/**
 * A real hub on loopback with a temporary data folder, and a small HTTP/WebSocket client to
 * drive it the way terminals do.
 */
export class HubFixture {
  private constructor(
    readonly dataDir: string,
    readonly clock: FakeClock,
    public hub: RunningHub,
  ) {}

  /**
   * `estimator: 'branch'` runs the hub's own estimator (its thread, its learning); by default a
   * test hub estimates by people ahead, which is quick and exact to assert on.
   */
  static async start(over: FixtureOptions = {}, dataDir?: string, clock = new FakeClock()): Promise<HubFixture> {
    const dir = dataDir ?? (await mkdtemp(join(tmpdir(), 'branch-lobby-hub-')))
    const { estimator, ...rest } = over
    const options: HubOptions = {
      dataDir: dir,
      host: '127.0.0.1',
      port: 0,
      demo: true,
      rendererDir: null,
      clock,
      ...(estimator === 'branch' ? {} : { estimator: estimator ?? peopleAheadEstimator(DEMO_BRANCH) }),
      // Tests sign in many times from one address; the limit itself has its own test.
      authAttemptsPerMinute: 1000,
      ...rest,
    }
    // A fresh folder gets the demo branch the hub would write, with lighter PIN hashes; a test
    // that brings its own folder or file system gets exactly what the hub does.
    if (dataDir === undefined && options.demo && over.fileSystem === undefined) {
      const file = await lightDemoFile(options.host ?? '127.0.0.1', options.port ?? 0)
      await writeFile(join(dir, 'branch.json'), `${JSON.stringify(file, null, 2)}\n`)
    }
    const hub = await startHub(options)
    return new HubFixture(dir, clock, hub)
  }

  /** Stops and starts the hub on the same data folder (a clean restart). */
  async restart(over: FixtureOptions = {}): Promise<void> {
    await this.hub.close()
    const next = await HubFixture.start(over, this.dataDir, this.clock)
    this.hub = next.hub
  }

  /**
   * A power cut on a disk that acknowledged flushes it had not done: the hub stops without its
   * clean stop (`journal/identity.json` is left as the running hub had it; `clean` stops it
   * cleanly, as a data folder put back from a backup would be), today's journal loses its last
   * `lostLines` lines, and the hub starts again on the same folder.
   */
  async cutPower(lostLines: number, { clean = false } = {}): Promise<void> {
    const dir = join(this.dataDir, 'journal')
    const identity = join(dir, 'identity.json')
    const running = await readFile(identity).catch(() => null)
    await this.hub.close()
    if (running !== null && !clean) await writeFile(identity, running)
    const day = (await readdir(dir)).filter((n) => n.endsWith('.jsonl')).sort()
    const file = join(dir, day[day.length - 1] as string)
    const lines = (await readFile(file, 'utf8')).split('\n').filter((l) => l !== '')
    await writeFile(
      file,
      lines
        .slice(0, -lostLines)
        .map((l) => `${l}\n`)
        .join(''),
    )
    await this.restart()
  }

  async stop(removeData = true): Promise<void> {
    await this.hub.close()
    if (removeData) await rm(this.dataDir, { recursive: true, force: true })
  }

  /** The hub's address; a hub on every interface is reached through loopback. */
  get url(): string {
    return this.hub.url.replace('//0.0.0.0:', '//127.0.0.1:')
  }

  async request<T = unknown>(method: string, path: string, body?: unknown, token?: string | null): Promise<Answer<T>> {
    const headers: Record<string, string> = {}
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (token != null) headers.authorization = `Bearer ${token}`
    const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
    // A hub with TLS is called as a paired terminal calls it: trusting exactly its CA.
    if (this.hub.ca !== null) {
      const res = await requestTls(`${this.url}${path}`, {
        method,
        headers,
        ca: this.hub.ca.certificate,
        ...(text === undefined ? {} : { body: text }),
      })
      return { status: res.status, body: (res.text === '' ? null : JSON.parse(res.text)) as T }
    }
    const res = await fetch(`${this.url}${path}`, { method, headers, ...(text === undefined ? {} : { body: text }) })
    const answer = await res.text()
    return { status: res.status, body: (answer === '' ? null : JSON.parse(answer)) as T }
  }

  async signIn(staffId: string, pin: string, counterId: string | null): Promise<string> {
    const r = await this.request<SessionView>('POST', '/api/v1/sessions', { staffId, pin, counterId })
    if (r.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(r.body)}`)
    return r.body.token
  }

  manager(): Promise<string> {
    return this.signIn(DEMO_MANAGER.id, DEMO_MANAGER.pin, null)
  }

  /** Teller n (1-based) of the demo branch, signed in at counter c<n>. */
  teller(n: number): Promise<string> {
    const s = DEMO_STAFF[n - 1]
    if (s === undefined) throw new Error(`no demo teller ${n}`)
    return this.signIn(s.id, s.pin, `c${n}`)
  }

  async pair(role: 'kiosk' | 'display', managerToken: string): Promise<string> {
    const code = await this.request<{ code: string }>(
      'POST',
      '/api/v1/pairing-codes',
      { role, name: `test ${role}` },
      managerToken,
    )
    const r = await this.request<SessionView>('POST', '/api/v1/pair', { code: code.body.code })
    if (r.status !== 200) throw new Error(`pairing failed: ${JSON.stringify(r.body)}`)
    return r.body.token
  }

  /** A kiosk's tap: a ticket for `serviceId` (default personal, in English) under `key`. */
  issue(
    kiosk: string,
    key: string,
    over: { serviceId?: string; language?: string; priorityClassId?: string | null } = {},
  ): Promise<Answer<TicketReceipt>> {
    return this.request<TicketReceipt>(
      'POST',
      '/api/v1/tickets',
      {
        serviceId: 'personal',
        priorityClassId: null,
        language: 'en',
        appointmentAt: null,
        idempotencyKey: key,
        ...over,
      },
      kiosk,
    )
  }

  /**
   * A customer who does not come: counter `counterId` calls its next ticket, recalls it as often
   * as the branch asks before a no-show, then marks it a no-show, `secondsBetween` on the clock
   * between calls (a minute: longer than any recall interval the tests' branches declare).
   * Throws with the step and the hub's answer when one is refused.
   */
  async missCall(counterId: string, tellerToken: string, secondsBetween = 60): Promise<void> {
    const recalls = this.hub.context.config.data.branch.policy.recallsBeforeNoShow
    const steps = ['call-next', ...Array.from({ length: recalls }, () => 'recall'), 'no-show']
    for (const [i, step] of steps.entries()) {
      if (i > 0) this.clock.advance(secondsBetween)
      const r = await this.request('POST', `/api/v1/counters/${counterId}/${step}`, {}, tellerToken)
      if (r.status !== 200)
        throw new Error(`missing a call at ${counterId}: ${step} answered ${r.status} ${JSON.stringify(r.body)}`)
    }
  }

  /** Opens the live channel, saying hello from `lastSeq` of `journal`, and collects what it pushes. */
  async live(token: string | null, lastSeq: number | null, journal: string | null = null): Promise<LiveClient> {
    const ws = new WebSocket(`${this.url.replace('http', 'ws')}/api/v1/live`, {
      ...(this.hub.ca === null ? {} : { ca: this.hub.ca.certificate }),
    })
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('error', reject)
    })
    const client = new LiveClient(ws)
    ws.send(JSON.stringify({ type: 'hello', token, lastSeq, journal }))
    return client
  }
}

export class LiveClient {
  readonly messages: LiveMessage[] = []
  closed: { code: number; reason: string } | null = null
  private waiters: (() => void)[] = []

  constructor(readonly ws: WebSocket) {
    ws.on('message', (raw) => {
      this.messages.push(JSON.parse(String(raw)) as LiveMessage)
      this.notify()
    })
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) }
      this.notify()
    })
  }

  /** Waits (up to 10 s) until the messages satisfy a condition. */
  async until(condition: (messages: LiveMessage[]) => boolean, what: string): Promise<void> {
    const deadline = Date.now() + 10_000
    while (!condition(this.messages)) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.messages.map((m) => m.type))}`)
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve)
        setTimeout(resolve, 200)
      })
    }
  }

  eventSeqs(): number[] {
    return this.messages.flatMap((m) => (m.type === 'event' ? [m.event.seq] : []))
  }

  close(): void {
    this.ws.close()
  }

  private notify(): void {
    const w = this.waiters
    this.waiters = []
    for (const f of w) f()
  }
}
