// The hub under the benchmark's load, in its own process: 60 live terminals, 50 commands/s, a
// busy day's state; against a bare fsync'd append of the same size in the same folder. Used by
// hub.bench.ts (shipping to HQ on vs off) and tls.bench.ts (HTTPS vs plain HTTP).
import { spawn } from 'node:child_process'
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises'
import { request as httpRequest, Agent as HttpAgent } from 'node:http'
import { request as httpsRequest, Agent as HttpsAgent } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SessionView } from '../../shared/api/views'
import { demoBranchFile } from '../../hub/config/demoBranchFile'
import type { HqForBench } from './benchHq'

const ROOT = join(import.meta.dirname, '..', '..')
const CLIENTS = 60
const RATE = 50
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30)
const PREFILL = 1500

interface Answer<T> {
  status: number
  body: T
  /** The hub's own time for the request (its server-timing header). */
  serverMs: number
}

/**
 * How the load reaches the hub: `fetch` (Node's own, as the other benchmarks measure), or Node's
 * `http` / `https` with a keep-alive agent each (the same client on both sides of the TLS
 * comparison; `https` trusts exactly the hub's CA).
 */
export type Transport = 'fetch' | 'http' | 'https'

type Call = <T>(method: string, path: string, body: unknown, token: string | null) => Promise<Answer<T>>

function client(transport: Transport, url: string, ca: string | null): Call {
  if (transport === 'fetch')
    return async <T>(method: string, path: string, body: unknown, token: string | null) => {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        },
        body: body === undefined ? null : JSON.stringify(body),
      })
      const serverMs = Number(/dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1] ?? NaN)
      return { status: res.status, body: (await res.json()) as T, serverMs }
    }
  const secure = transport === 'https'
  const agent = secure
    ? new HttpsAgent({ keepAlive: true, maxSockets: 64, ...(ca === null ? {} : { ca }) })
    : new HttpAgent({ keepAlive: true, maxSockets: 64 })
  const send = secure ? httpsRequest : httpRequest
  return <T>(method: string, path: string, body: unknown, token: string | null) =>
    new Promise<Answer<T>>((resolve, reject) => {
      const text = body === undefined ? '' : JSON.stringify(body)
      const req = send(
        `${url}${path}`,
        {
          method,
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(text),
            ...(token === null ? {} : { authorization: `Bearer ${token}` }),
          },
        },
        (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('error', reject)
          res.on('end', () => {
            const timing = String(res.headers['server-timing'] ?? '')
            resolve({
              status: res.statusCode ?? 0,
              body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as T,
              serverMs: Number(/dur=([\d.]+)/.exec(timing)?.[1] ?? NaN),
            })
          })
        },
      )
      req.on('error', reject)
      req.end(text)
    })
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN
}

export interface LoadFigures {
  readonly issueServerP99: number
  readonly callServerP99: number
  readonly issueP99: number
  readonly issueP50: number
  readonly callP50: number
  readonly callP99: number
}

export interface LoadOptions {
  /** Ship the journal to this HQ while under load. */
  readonly hq: HqForBench | null
  /** Serve HTTPS and WSS with the branch CA (network.tls "on") instead of plain HTTP on loopback. */
  readonly tls: boolean
  readonly transport: Transport
  /** Names the run in the printed table. */
  readonly label: string
}

export async function runLoad(o: LoadOptions): Promise<LoadFigures> {
  const { hq } = o
  const dir = await mkdtemp(join(tmpdir(), 'branch-lobby-bench-'))
  if (hq !== null) {
    const file = { ...(await demoBranchFile()), hq: { url: hq.url, token: await hq.newBranchToken() } }
    await writeFile(join(dir, 'branch.json'), JSON.stringify(file))
  }
  const prof =
    process.env.BENCH_PROFILE_DIR === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
  const child = spawn(
    process.execPath,
    [...prof, '--import', 'tsx', join(ROOT, 'bench/support/benchHub.ts'), dir, o.tls ? 'tls' : 'plain'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (d: Buffer) => {
      out += String(d)
      const m = /READY (\S+)/.exec(out)
      if (m?.[1] !== undefined) resolve(m[1])
    })
    child.on('exit', (c) => reject(new Error(`hub exited ${c}`)))
  })
  // The hub writes its CA beside its data for the benchmark's clients (benchHub.ts).
  const caFile = join(dir, 'bench-ca.pem')
  const ca = o.tls ? await readFile(caFile, 'utf8') : null
  const send = client(o.transport, url, ca)
  const call = <T>(_url: string, method: string, path: string, body: unknown, token: string | null) =>
    send<T>(method, path, body, token)
  try {
    const signIn = async (staffId: string, pin: string, counterId: string | null) =>
      (await call<SessionView>(url, 'POST', '/api/v1/sessions', { staffId, pin, counterId }, null)).body.token
    const manager = await signIn('m01', '9999', null)
    const pair = async (role: string) => {
      const code = await call<{ code: string }>(
        url,
        'POST',
        '/api/v1/pairing-codes',
        { role, name: `bench ${role}` },
        manager,
      )
      return (await call<SessionView>(url, 'POST', '/api/v1/pair', { code: code.body.code }, null)).body.token
    }
    const kiosk = await pair('kiosk')
    const display = await pair('display')
    const pins = ['1111', '2222', '3333', '4444', '5555', '6666']
    const tellers: string[] = []
    for (let i = 1; i <= 6; i++) {
      const t = await signIn(`t0${i}`, pins[i - 1] as string, `c${i}`)
      await call(url, 'POST', `/api/v1/counters/c${i}/open`, {}, t)
      tellers.push(t)
    }
    let key = 0
    const services = ['personal', 'business', 'wealth', 'cards']
    const issue = (i: number) =>
      call(
        url,
        'POST',
        '/api/v1/tickets',
        {
          serviceId: services[i % 4],
          priorityClassId: i % 9 === 0 ? 'vip' : null,
          language: 'zh-CN',
          appointmentAt: null,
          idempotencyKey: `bench-key-${++key}`,
        },
        kiosk,
      )

    // A busy day so far: 1,500 tickets, most of them served.
    for (let i = 0; i < PREFILL; i++) await issue(i)
    for (let round = 0; round < 220; round++) {
      for (let c = 1; c <= 6; c++) {
        const t = tellers[c - 1] as string
        if ((await call(url, 'POST', `/api/v1/counters/c${c}/call-next`, {}, t)).status !== 200) continue
        await call(url, 'POST', `/api/v1/counters/c${c}/start`, {}, t)
        await call(url, 'POST', `/api/v1/counters/c${c}/complete`, { completedServiceId: null }, t)
      }
    }

    // 60 terminals listening live, in their own process.
    const clients = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'bench/support/liveClients.ts'), url, String(CLIENTS), kiosk, display],
      {
        stdio: ['pipe', 'pipe', 'inherit'],
        env: { ...process.env, ...(o.tls ? { NODE_EXTRA_CA_CERTS: caFile } : {}) },
      },
    )
    let clientOut = ''
    clients.stdout.on('data', (d: Buffer) => (clientOut += String(d)))
    while (!clientOut.includes('READY')) await new Promise((r) => setTimeout(r, 50))
    await new Promise((r) => setTimeout(r, 1000))

    // Open-loop load: a command every 20 ms, whatever the previous one is doing.
    const issueMs: number[] = []
    const callMs: number[] = []
    const issueServerMs: number[] = []
    const callServerMs: number[] = []
    const inflight: Promise<void>[] = []
    const phase = new Array<number>(7).fill(0)
    const total = RATE * SECONDS
    const t0 = performance.now()
    for (let n = 0; n < total; n++) {
      const due = t0 + (n * 1000) / RATE
      const wait = due - performance.now()
      if (wait > 0) await new Promise((r) => setTimeout(r, wait))
      // One customer is one issue and three counter commands (call, start, complete).
      if (n % 4 === 0) {
        const s = performance.now()
        inflight.push(
          issue(n).then((r) => {
            issueMs.push(performance.now() - s)
            issueServerMs.push(r.serverMs)
          }),
        )
      } else {
        const c = 1 + (n % 6)
        const t = tellers[c - 1] as string
        const verb = ['call-next', 'start', 'complete'][phase[c] as number] as string
        phase[c] = ((phase[c] as number) + 1) % 3
        const s = performance.now()
        inflight.push(
          call(
            url,
            'POST',
            `/api/v1/counters/c${c}/${verb}`,
            verb === 'complete' ? { completedServiceId: null } : {},
            t,
          ).then((r) => {
            if (verb === 'call-next' && r.status === 200) {
              callMs.push(performance.now() - s)
              callServerMs.push(r.serverMs)
            }
            if (r.status !== 200) phase[c] = 0
          }),
        )
      }
    }
    await Promise.all(inflight)
    const elapsed = (performance.now() - t0) / 1000
    clients.stdin.end()
    while (!clientOut.includes('PUSHED')) await new Promise((r) => setTimeout(r, 50))
    const pushed = Number(/PUSHED (\d+)/.exec(clientOut)?.[1] ?? 0)

    // The floor: a bare fsync'd append of a journal-sized line, in the same folder.
    const fh = await open(join(dir, 'baseline.jsonl'), 'a')
    const line = `${JSON.stringify({ e: { type: 'ticketIssued', ticketId: '20261124-A0001', number: 'A0001', issueSeq: 1, serviceId: 'personal', priorityClassId: null, language: 'zh-CN', appointmentAt: null, estimate: { mean: 300, p10: 120, p50: 280, p90: 520 }, seq: 1, at: 1 }, m: { actor: { kind: 'device', deviceId: 'x' }, key: 'bench-key-1' } })}\n`
    const appendMs: number[] = []
    for (let i = 0; i < 500; i++) {
      const s = performance.now()
      await fh.write(line)
      await fh.datasync()
      appendMs.push(performance.now() - s)
    }
    await fh.close()

    const f = (x: number) => x.toFixed(2).padStart(7)
    console.log(
      `\nhub under load, ${o.label}: ${CLIENTS} live terminals, ${(total / elapsed).toFixed(1)} commands/s for ${elapsed.toFixed(0)} s, ${PREFILL} tickets issued before`,
    )
    const row = (name: string, xs: number[]) =>
      console.log(`  ${name.padEnd(30)}${f(percentile(xs, 0.5))}  ${f(percentile(xs, 0.99))}   ${xs.length}`)
    console.log('                                 p50 ms   p99 ms   n')
    row('issue ticket (round trip)', issueMs)
    row('issue ticket (in the hub)', issueServerMs)
    row('call next (round trip)', callMs)
    row('call next (in the hub)', callServerMs)
    row("bare fsync'd append", appendMs)
    const ratio = (xs: number[], p: number) => f(percentile(xs, p) / percentile(appendMs, p))
    console.log(`  ratio issue/append, round trip ${ratio(issueMs, 0.5)}  ${ratio(issueMs, 0.99)}`)
    console.log(`  ratio issue/append, in the hub ${ratio(issueServerMs, 0.5)}  ${ratio(issueServerMs, 0.99)}`)
    console.log(`  live messages pushed  ${pushed}`)
    console.log(`  targets: p99 < 10 ms; ratio < 5`)
    if (hq !== null) console.log(`  shipped to HQ: ${await hq.lastSeq()} events`)
    return {
      issueServerP99: percentile(issueServerMs, 0.99),
      callServerP99: percentile(callServerMs, 0.99),
      issueP99: percentile(issueMs, 0.99),
      issueP50: percentile(issueMs, 0.5),
      callP50: percentile(callMs, 0.5),
      callP99: percentile(callMs, 0.99),
    }
  } finally {
    child.kill(process.env.BENCH_PROFILE_DIR === undefined ? 'SIGKILL' : 'SIGINT')
    await rm(dir, { recursive: true, force: true })
  }
}
